#!/usr/bin/env bash
# `wirelint lsp` in a real editor: headless Neovim from Debian opens a short spun story, its LSP
# client receives the findings, applies the quick fix for the spaced "U. S." and writes the
# file; the written bytes must be exactly the story with that one fix (the doubled word, which
# has a finding of its own, stays). The line starts with curly quotes, so the fix only lands on
# the right bytes if client and server agree on UTF-16 columns.
#
#   nvim_lsp_test.sh WIRELINT     exit 0 pass, 1 fail, 77 (ctest's skip) when nvim is missing
set -euo pipefail

wirelint=${1:?usage: nvim_lsp_test.sh WIRELINT}
if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim_lsp_test: nvim is not installed: skipped" >&2
  exit 77
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wirelint-nvim.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

story="$tmp/story.txt"
printf '%s\n' \
  '“We are ready,” officials in the U. S. said on Tuesday, and the the talks' \
  'would resume in Geneva.' >"$story"
expected="$tmp/expected.txt"
printf '%s\n' \
  '“We are ready,” officials in the U.S. said on Tuesday, and the the talks' \
  'would resume in Geneva.' >"$expected"

# Neovim keeps its state (shada, swap, logs) under these; keep them out of the user's home.
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" \
       XDG_CACHE_HOME="$tmp/cache"
status=0
WIRELINT="$wirelint" STORY="$story" RULE=typography-spaced-abbreviation TITLE="Replace with 'U.S.'" \
  timeout 120 nvim --headless --clean -n -u "$here/nvim_lsp_init.lua" </dev/null || status=$?
if [[ $status -ne 0 ]]; then
  echo "nvim_lsp_test: nvim exited with $status" >&2
  exit 1
fi
if ! cmp -s "$story" "$expected"; then
  echo "nvim_lsp_test: the written file is not the expected one:" >&2
  diff "$expected" "$story" >&2 || true
  exit 1
fi
echo "nvim_lsp_test: the quick fix was applied and written"
