// Running git from the front end: an argv (never a shell, so paths with spaces, quotes or
// non-ASCII bytes pass through untouched), standard output captured as bytes, standard error
// kept for a one-line message. The child inherits the environment, which matters inside a
// hook: git sets GIT_INDEX_FILE there (e.g. to a temporary index for `git commit FILE`).
#pragma once

#include <string>
#include <vector>

namespace wirelint::cli {

struct GitResult {
  int status = -1;   // exit status; -1 when git could not be started or was killed
  std::string out;   // standard output, raw bytes
  std::string err;   // standard error
};

// Runs `git args...` in the current directory.
GitResult run_git(const std::vector<std::string>& args);

// The first non-empty line of git's standard error (or a fallback when there is none), for
// one-line error messages.
std::string git_error_line(const GitResult& r, const std::string& fallback);

// Splits NUL-terminated records (`-z` output).
std::vector<std::string> split_nul(const std::string& bytes);

}  // namespace wirelint::cli
