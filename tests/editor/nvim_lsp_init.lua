-- Drives Neovim's built-in LSP client against `wirelint lsp` (see nvim_lsp_test.sh): opens the
-- story, waits for the finding of RULE, asks for code actions with the cursor on it through
-- vim.lsp.buf.code_action() (the editor's own request, position conversion and edit applying),
-- picks the action titled TITLE where the user would pick it (vim.ui.select), writes the
-- buffer and quits. Any failure quits with status 1 and one line on stderr.
-- Written for Neovim 0.7 (Debian 12), whose client has start_client/buf_attach_client.
local function env(name)
  local v = os.getenv(name)
  if not v or v == "" then error("environment variable " .. name .. " is not set") end
  return v
end

local function run()
  local wirelint, story, rule, title = env("WIRELINT"), env("STORY"), env("RULE"), env("TITLE")
  vim.cmd("edit " .. vim.fn.fnameescape(story))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "wirelint",
    cmd = { wirelint, "lsp" },
    root_dir = vim.fn.fnamemodify(story, ":h"),
  })
  if not client_id then error("the LSP client did not start") end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error("could not attach the client") end

  local function finding()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == rule then return d end
    end
  end
  if not vim.wait(30000, function() return finding() ~= nil end, 50) then
    error("no " .. rule .. " diagnostic within 30 s (got " .. #vim.diagnostic.get(bufnr) .. " others)")
  end
  local d = finding()
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })

  local offered = {}
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      local label = opts.format_item(item)
      table.insert(offered, label)
      if label == title then return on_choice(item) end
    end
    on_choice(nil)
  end
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  if not vim.wait(10000, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 50) then
    error("the buffer did not change; actions offered: " .. table.concat(offered, " / "))
  end
  vim.cmd("write")
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(run)
if ok then
  vim.cmd("qall!")
else
  io.stderr:write("nvim_lsp_test: " .. tostring(err) .. "\n")
  vim.cmd("cquit 1")
end
