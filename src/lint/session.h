// A lint run over many inputs: resolves each file's configuration (the nearest .wirelint.toml,
// or one given file, or none), applies command-line overrides, reads and prepares the input,
// lints it and pushes the results to a sink. Counts findings by severity and remembers input
// errors so the front end can choose the exit code.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/sink.h"
#include "lint/config.h"
#include "lint/engine.h"

namespace wirelint::lint {

struct SessionOptions {
  Date date = Date::today();       // when the input carries none
  bool use_config = true;          // false: --no-config
  std::optional<std::string> config_file;  // --config FILE: used for every input
  std::vector<std::string> enable, disable, only;  // rule ids from the command line
  bool quiet = false;              // no notices about skipped files (errors still print)
};

class Session {
 public:
  // Throws EngineError for an unknown rule id in the options, ConfigError for a bad --config.
  Session(const Engine& engine, SessionOptions options, std::ostream& errors);

  // A file, or a folder searched recursively for .txt/.md/.markdown/.mdown/.mkd files (hidden
  // folders skipped, configuration `ignore` patterns applied). Problems reading it are written
  // to `errors` as one line naming the path and counted as input errors.
  void lint_path(const std::string& path, DiagnosticSink& sink);
  // Bytes already read (standard input); `path` is the name to report and to find config from.
  void lint_bytes(const std::string& path, std::string bytes, DiagnosticSink& sink);

  std::size_t count(Severity s) const { return counts_[static_cast<int>(s)]; }
  // Findings at or above `level`.
  std::size_t count_at_least(Severity level) const;
  std::size_t input_errors() const { return input_errors_; }
  std::size_t files() const { return files_; }

 private:
  struct Resolved {
    const Config* config = nullptr;
    RuleSelection selection;
  };
  const Resolved& resolve(const std::string& path);
  void lint_file(const std::string& path, DiagnosticSink& sink);
  bool ignored(const std::string& path);
  void check_rule_ids(const std::vector<std::string>& ids, const std::string& where) const;
  void input_error(const std::string& message);

  const Engine& engine_;
  SessionOptions options_;
  std::ostream& errors_;
  std::map<std::string, std::unique_ptr<Config>> configs_;    // by config path
  std::map<std::string, std::unique_ptr<Resolved>> resolved_;  // by config path ("" = none)
  std::array<std::size_t, 3> counts_{};
  std::size_t input_errors_ = 0;
  std::size_t files_ = 0;
};

}  // namespace wirelint::lint
