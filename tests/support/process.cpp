#include "support/process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace wirelint::testing_support {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool write_file(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  return out.good();
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) lines.push_back(line);
  return lines;
}

TempDir::TempDir(const std::string& prefix) {
  std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (mkdtemp(tmpl.data()))
    path_ = fs::canonical(tmpl);
  else
    error_ = std::strerror(errno);
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) fs::remove_all(path_, ec);
}

std::vector<std::string> environment(const std::vector<std::string>& drop_prefixes,
                                     const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string var = *e;
    bool drop = false;
    for (const auto& prefix : drop_prefixes) drop = drop || var.rfind(prefix, 0) == 0;
    if (!drop) env.push_back(var);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args, const fs::path& cwd,
                          const fs::path& io_dir, const std::optional<std::string>& stdin_bytes,
                          const std::vector<std::string>& drop_env_prefixes,
                          const std::vector<std::string>& extra_env) {
  ProcessResult r;
  const fs::path in = io_dir / "stdin", out = io_dir / "stdout", err = io_dir / "stderr";
  if (stdin_bytes && !write_file(in, *stdin_bytes)) {
    ADD_FAILURE() << "cannot write " << in;
    return r;
  }

  std::vector<std::string> env_strings = environment(drop_env_prefixes, extra_env);
  std::vector<char*> envp = c_strings(env_strings);
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv = c_strings(argv_strings);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_bytes ? in.c_str() : "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "posix_spawn " << program << ": " << std::strerror(rc);
    return r;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

void SandboxTest::make_sandbox(const std::string& prefix) {
  tmp_.emplace(prefix);
  ASSERT_FALSE(tmp_->path().empty()) << tmp_->error();
  base_ = tmp_->path();
  work_ = base_ / "work";
  io_ = base_ / "io";
  fs::create_directories(work_);
  fs::create_directories(io_);
}

void SandboxTest::TearDown() { tmp_.reset(); }

}  // namespace wirelint::testing_support
