// Test support shared by the end-to-end tests: whole-file reads and writes, a temporary folder
// that removes itself, and running a program (the built wirelint binary, or git) as a child
// process with posix_spawn, its standard streams redirected to files so that no pipe can fill
// up and deadlock.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace wirelint::testing_support {

// The whole file, byte for byte; empty when it cannot be read.
std::string read_file(const std::filesystem::path& p);

// Writes `bytes` to `p` (replacing it), creating its parent folders; false when the write failed.
bool write_file(const std::filesystem::path& p, const std::string& bytes);

// The lines of `s`, without their '\n' (std::getline semantics: no empty last line).
std::vector<std::string> split_lines(const std::string& s);

// A fresh folder <temp>/<prefix>-XXXXXX (canonical path) removed with everything in it on
// destruction. path() is empty and error() says why when mkdtemp failed.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  const std::string& error() const { return error_; }

 private:
  std::filesystem::path path_;
  std::string error_;
};

// This process's environment without the variables that start with any of `drop_prefixes`
// (e.g. "NO_COLOR=" for one variable, "GIT_" for a family), followed by `extra`.
std::vector<std::string> environment(const std::vector<std::string>& drop_prefixes,
                                     const std::vector<std::string>& extra = {});

// Pointers into `strings`, null-terminated, for argv and envp.
std::vector<char*> c_strings(std::vector<std::string>& strings);

struct ProcessResult {
  int code = -1;  // exit status, or 128 + signal number; -1 when the program did not start
  std::string out, err;
  std::string all() const { return out + err; }
};

// Runs `program` (searched in PATH when it has no '/') with `args` in the folder `cwd`.
// Standard input is `stdin_bytes` (written to io_dir/stdin) or /dev/null; standard output and
// error go to io_dir/stdout and io_dir/stderr and are read back once the program ends. The
// environment is that of environment(drop_env_prefixes, extra_env). A program that cannot be
// started is a (non-fatal) test failure.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::filesystem::path& cwd, const std::filesystem::path& io_dir,
                          const std::optional<std::string>& stdin_bytes,
                          const std::vector<std::string>& drop_env_prefixes,
                          const std::vector<std::string>& extra_env = {});

// A fixture base for the end-to-end tests: a fresh temporary folder base_ that holds work_ (the
// folder the program runs in) and io_ (its standard streams), both created, and is removed with
// everything in it by TearDown.
class SandboxTest : public ::testing::Test {
 protected:
  // Call from SetUp as ASSERT_NO_FATAL_FAILURE(make_sandbox("wirelint-name")).
  void make_sandbox(const std::string& prefix);
  void TearDown() override;

  std::optional<TempDir> tmp_;
  std::filesystem::path base_, work_, io_;
};

}  // namespace wirelint::testing_support
