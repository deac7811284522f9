#include "cli/hook.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli/git.h"

namespace fs = std::filesystem;

namespace wirelint::cli {
namespace {

// Single-quoted for sh: every ' becomes '\''.
std::string sh_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

std::optional<fs::path> hooks_dir(const std::string& command, std::ostream& err) {
  GitResult r = run_git({"rev-parse", "--git-path", "hooks"});
  std::string dir = r.out;
  while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r')) dir.pop_back();
  if (r.status != 0 || dir.empty()) {
    err << "wirelint: " << command << ": " << git_error_line(r, "not inside a git repository") << "\n";
    return std::nullopt;
  }
  return fs::path(dir);
}

bool exists_no_follow(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

bool ours(const fs::path& hook) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(hook, ec))) return false;
  std::ifstream in(hook, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return is_wirelint_hook(s.str());
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes the hook through a temporary file in the same folder and renames it into place, so a
// failed write never leaves half a hook behind. Returns an error message, empty on success.
std::string write_hook(const fs::path& hook, const std::string& content) {
  fs::path tmp = hook.parent_path() / (".pre-commit.wirelint-tmp-" + std::to_string(getpid()));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
  if (fd < 0) return tmp.string() + ": " + std::strerror(errno);
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string e = tmp.string() + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      return e;
    }
    done += static_cast<std::size_t>(n);
  }
  // The umask may have taken the execute bits away; git skips a hook it cannot execute.
  if (::fchmod(fd, 0755) != 0 || ::close(fd) != 0) {
    std::string e = tmp.string() + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return e;
  }
  if (::rename(tmp.c_str(), hook.c_str()) != 0) {
    std::string e = hook.string() + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return e;
  }
  return {};
}

}  // namespace

std::string hook_script(const std::string& binary) {
  std::string s;
  s += "#!/bin/sh\n";
  s += std::string(kHookMarker) + "\n";
  s += "# Lints the staged stories with wirelint; a finding at the fail level blocks the commit.\n";
  s += "# Written by `wirelint hook install`; remove it with `wirelint hook uninstall`.\n";
  s += "# Skip it once with `git commit --no-verify`.\n";
  s += "chained=\"$(dirname \"$0\")/" + std::string(kChainedHookName) + "\"\n";
  s += "if [ -x \"$chained\" ]; then\n";
  s += "  \"$chained\" \"$@\" || exit $?\n";
  s += "fi\n";
  s += "wirelint=" + sh_quote(binary) + "\n";
  s += "[ -x \"$wirelint\" ] || wirelint=wirelint\n";
  s += "exec \"$wirelint\" --staged\n";
  return s;
}

bool is_wirelint_hook(const std::string& content) {
  return content.find(std::string("\n") + kHookMarker + "\n") != std::string::npos;
}

std::string self_binary(const std::string& argv0) {
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (!ec && !exe.empty()) return exe.string();
  if (argv0.find('/') != std::string::npos) {
    fs::path p = fs::absolute(argv0, ec);
    if (!ec) return p.lexically_normal().string();
  }
  return "wirelint";
}

int hook_install(const std::string& binary, bool chain, std::ostream& out, std::ostream& err) {
  const std::string cmd = "hook install";
  auto dir = hooks_dir(cmd, err);
  if (!dir) return 2;
  std::error_code ec;
  fs::create_directories(*dir, ec);
  if (ec) {
    err << "wirelint: " << cmd << ": cannot create " << dir->string() << ": " << ec.message() << "\n";
    return 2;
  }
  const fs::path hook = *dir / "pre-commit", chained = *dir / kChainedHookName;
  const std::string script = hook_script(binary);

  if (exists_no_follow(hook)) {
    if (ours(hook)) {
      if (read_all(hook) == script) {
        out << "wirelint: pre-commit hook already installed at " << hook.string() << "\n";
        return 0;
      }
      if (auto e = write_hook(hook, script); !e.empty()) {
        err << "wirelint: " << cmd << ": " << e << "\n";
        return 2;
      }
      out << "wirelint: updated the pre-commit hook at " << hook.string() << " (runs " << binary << " --staged)\n";
      return 0;
    }
    if (!chain) {
      err << "wirelint: " << cmd << ": " << hook.string()
          << " exists and was not written by wirelint; rerun with --chain to keep it (it will run before wirelint)\n";
      return 2;
    }
    if (exists_no_follow(chained)) {
      err << "wirelint: " << cmd << ": cannot chain: " << chained.string() << " already exists\n";
      return 2;
    }
    if (::rename(hook.c_str(), chained.c_str()) != 0) {
      err << "wirelint: " << cmd << ": cannot move " << hook.string() << " aside: " << std::strerror(errno) << "\n";
      return 2;
    }
    if (auto e = write_hook(hook, script); !e.empty()) {
      ::rename(chained.c_str(), hook.c_str());  // put the user's hook back where it was
      err << "wirelint: " << cmd << ": " << e << "\n";
      return 2;
    }
    out << "wirelint: installed the pre-commit hook at " << hook.string() << "; the previous hook, kept as "
        << chained.string() << ", runs first\n";
    return 0;
  }

  if (auto e = write_hook(hook, script); !e.empty()) {
    err << "wirelint: " << cmd << ": " << e << "\n";
    return 2;
  }
  out << "wirelint: installed the pre-commit hook at " << hook.string() << " (runs " << binary << " --staged)";
  if (exists_no_follow(chained)) out << "; it also runs " << chained.string() << " first";
  out << "\n";
  return 0;
}

int hook_uninstall(std::ostream& out, std::ostream& err) {
  const std::string cmd = "hook uninstall";
  auto dir = hooks_dir(cmd, err);
  if (!dir) return 2;
  const fs::path hook = *dir / "pre-commit", chained = *dir / kChainedHookName;

  if (exists_no_follow(hook)) {
    if (!ours(hook)) {
      err << "wirelint: " << cmd << ": " << hook.string() << " was not written by wirelint; leaving it alone\n";
      return 2;
    }
    if (::unlink(hook.c_str()) != 0) {
      err << "wirelint: " << cmd << ": cannot remove " << hook.string() << ": " << std::strerror(errno) << "\n";
      return 2;
    }
  } else if (!exists_no_follow(chained)) {
    out << "wirelint: no wirelint pre-commit hook installed at " << hook.string() << "\n";
    return 0;
  }
  if (exists_no_follow(chained)) {
    if (::rename(chained.c_str(), hook.c_str()) != 0) {
      err << "wirelint: " << cmd << ": cannot restore " << chained.string() << ": " << std::strerror(errno) << "\n";
      return 2;
    }
    out << "wirelint: removed the wirelint pre-commit hook; restored the previous hook at " << hook.string() << "\n";
    return 0;
  }
  out << "wirelint: removed the pre-commit hook at " << hook.string() << "\n";
  return 0;
}

}  // namespace wirelint::cli
