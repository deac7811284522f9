// A lint run over many inputs: resolves each file's configuration (the nearest .wirelint.toml,
// or one given file, or none), applies command-line overrides, reads and prepares the input,
// lints it and pushes the results to a sink. Counts findings by severity and remembers input
// errors so the front end can choose the exit code.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "core/sink.h"
#include "lint/config.h"
#include "lint/engine.h"
#include "lint/suppress.h"
#include "models/synonyms.h"

namespace wirelint::lint {

class Baseline;

// --fix writes fixed files, --diff prints what it would change (see lint/fix.h).
enum class FixMode { off, write, diff };

struct SessionOptions {
  Date date = Date::today();       // when the input carries none
  bool use_config = true;          // false: --no-config
  std::optional<std::string> config_file;  // --config FILE: used for every input
  std::vector<std::string> enable, disable, only;  // rule ids from the command line
  std::optional<std::string> style;  // --style: the house style for every input, over the configuration's
  bool quiet = false;              // no notices about skipped files (errors still print)
  // --input-format: read every input as this format; by default by extension and content
  // (see input::detect_format).
  std::optional<InputFormat> input_format;
  // The largest input read (--max-bytes): a larger file or stream (an endless one such as
  // /dev/zero) is an input error, read no further than this.
  std::size_t max_bytes = std::size_t{64} << 20;
  // The linter reads a plain text longer than this (--segment-bytes) a segment at a time, cut at
  // paragraph breaks (Linter::lint). A plain-text UTF-8 file that long is also read from disk a
  // segment at a time, at the same cuts, so memory follows the segment, not the file, and the
  // findings are those of the file read whole (a suppression directive is read in its segment:
  // a cut falls inside a line only when the line is longer than half a segment, which the CLI's
  // least segment, 4 KiB, keeps from directives); except with --fix, a baseline, --jobs above 1
  // or the HTML report, which keep the whole text.
  std::size_t segment_bytes = Linter::kSegmentBytes;

  // Fixes: with FixMode::write a file is rewritten (atomically, only when a fix changes it)
  // and the findings that remain are reported; input given as bytes (standard input) is never
  // written: its fixed text goes to `fix_output`. FixMode::diff writes a unified diff of the
  // fixes to `fix_output` and reports the findings as they are.
  FixMode fix = FixMode::off;
  std::ostream* fix_output = nullptr;
  // Files linted at once (--jobs): each on a worker thread, reported in the order of one
  // thread. Fixes and --write-baseline always run one file at a time.
  unsigned jobs = 1;
  // Threads for the scanning rules of one document (Linter::lint): the CLI gives 2 when it lints
  // one file at a time, so a single story's lint uses both cores of a small machine.
  unsigned rule_threads = 1;
  const Baseline* baseline = nullptr;   // report only findings not in it
  Baseline* record_baseline = nullptr;  // add every finding (before `baseline` filters) here
};

// One document's findings in report order: an invalid-UTF-8 finding when `invalid_utf8` is set,
// then every selected rule's, sorted by offset, with the document's suppression comments applied.
// A file read in segments passes `carry` (apply_suppressions') and `counts` (Linter::lint's) to
// each; `segment_bytes` is Linter::lint's.
std::vector<Diagnostic> diagnose(const Engine& engine, const Document& doc, const RuleSelection& selection,
                                 const Date& date, std::optional<std::size_t> invalid_utf8,
                                 std::vector<Directive>* carry = nullptr,
                                 std::size_t segment_bytes = Linter::kSegmentBytes,
                                 Linter::FileCounts* counts = nullptr, unsigned threads = 1);

class Session {
 public:
  // Throws EngineError for an unknown rule id in the options, ConfigError for a bad --config.
  Session(const Engine& engine, SessionOptions options, std::ostream& errors);

  // A file, or a folder searched recursively for .txt/.md/.markdown/.mdown/.mkd files and
  // .nitf/.xml/.html/.htm/.xhtml files (hidden
  // folders skipped, configuration `ignore` patterns applied). Problems reading it are written
  // to `errors` as one line naming the path and counted as input errors.
  void lint_path(const std::string& path, DiagnosticSink& sink);
  // Several files and folders, as lint_path each in turn (with `jobs` > 1, their files at once).
  void lint_paths(const std::vector<std::string>& paths, DiagnosticSink& sink);
  // Bytes already read (standard input); `path` is the name to report and to find config from.
  void lint_bytes(const std::string& path, std::string bytes, DiagnosticSink& sink);
  // A stream (standard input), read up to `max_bytes`.
  void lint_stream(const std::string& path, std::istream& in, DiagnosticSink& sink);

  std::size_t count(Severity s) const { return counts_[static_cast<int>(s)]; }
  // Findings at or above `level`.
  std::size_t count_at_least(Severity level) const;
  std::size_t input_errors() const { return input_errors_; }
  // The rules, thresholds and house n-gram table that apply to `path` (its configuration and the
  // command line's overrides), owned by the session. Throws ConfigError as lint_path would.
  const RuleSelection& selection(const std::string& path) { return resolve(path).selection; }
  std::size_t files() const { return files_; }

 private:
  struct Resolved {
    const Config* config = nullptr;
    RuleSelection selection;
    std::unique_ptr<models::SynonymModel> ngrams;  // the configuration's house n-gram table
  };
  const Resolved& resolve(const std::string& path);
  void lint_file(const std::string& path, DiagnosticSink& sink);
  // lint_file in segments (SessionOptions::segment_bytes); false, with `in` at its start, when
  // the file is to be read whole.
  bool lint_in_segments(const std::string& path, std::istream& in, DiagnosticSink& sink);
  // The files `path` names (itself, or a folder's lintable files in order, ignore patterns
  // applied), appended to `files`; problems are input errors.
  void expand(const std::string& path, std::vector<std::string>& files);
  void lint_files(const std::vector<std::string>& files, DiagnosticSink& sink);
  void lint_files_at_once(const std::vector<std::string>& files, DiagnosticSink& sink);
  void lint_source(const std::string& path, std::string bytes, DiagnosticSink& sink, bool on_disk);
  // The findings of `doc` after inline suppressions; `all` (if given) receives them before the
  // baseline filter, the result is what remains after it.
  std::vector<Diagnostic> check(const Document& doc, const Resolved& r, std::optional<std::size_t> invalid_utf8,
                                std::vector<Diagnostic>* all = nullptr);
  bool ignored(const std::string& path);
  void check_rule_ids(const std::vector<std::string>& ids, const std::string& where) const;
  std::string known_styles() const;  // the house styles' ids, for errors
  void input_error(const std::string& message);
  void lint_stream(const std::string& path, std::istream& in, DiagnosticSink& sink, bool on_disk);

  const Engine& engine_;
  SessionOptions options_;
  std::ostream& errors_;
  std::map<std::string, std::unique_ptr<Config>> configs_;    // by config path
  std::map<std::string, std::unique_ptr<Resolved>> resolved_;  // by config path ("" = none)
  std::array<std::size_t, 3> counts_{};
  std::size_t input_errors_ = 0;
  std::size_t files_ = 0;
  // When set, each linted document is kept here after its findings went to the sink (for a
  // sink that reports them later: lint_files_at_once).
  std::vector<std::unique_ptr<Document>>* keep_documents_ = nullptr;
};

}  // namespace wirelint::lint
