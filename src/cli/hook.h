// `wirelint hook install|uninstall`: a git pre-commit hook that runs `wirelint --staged`, for
// repositories that do not use the pre-commit framework.
//
// The hook goes where git looks for hooks (`git rev-parse --git-path hooks`, which follows
// core.hooksPath and linked worktrees). It is a short sh script that names the installing binary
// by absolute path (falling back to `wirelint` on PATH if that file is gone) and carries a marker
// line by which install and uninstall recognise it.
//
// An existing hook that is not ours is never overwritten or deleted: install refuses unless
// --chain is given, in which case it is renamed to `pre-commit.wirelint-chained` and our hook
// runs it first (its failure blocks the commit, as before); uninstall puts it back. Install is
// idempotent; uninstall of a hook that is not ours refuses.
#pragma once

#include <ostream>
#include <string>

namespace wirelint::cli {

inline constexpr const char* kHookMarker = "# wirelint-managed-hook";
inline constexpr const char* kChainedHookName = "pre-commit.wirelint-chained";

// The script, running `binary --staged`.
std::string hook_script(const std::string& binary);
// Whether a hook file's content was written by hook_script.
bool is_wirelint_hook(const std::string& content);
// The absolute path of the running executable (/proc/self/exe), else argv0 made absolute if it
// has a '/', else "wirelint".
std::string self_binary(const std::string& argv0);

// Return the exit code: 0 done (or nothing to do), 2 refused or failed, with one line on `err`.
int hook_install(const std::string& binary, bool chain, std::ostream& out, std::ostream& err);
int hook_uninstall(std::ostream& out, std::ostream& err);

}  // namespace wirelint::cli
