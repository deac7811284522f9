// Corpus report: lints every story of a JSON-lines corpus (one object a line with "body" and
// optionally "id", "date" (YYYY-MM-DD), "title") or of a folder of .txt/.md files, each story
// judged at its own date, and sums findings per rule per 10,000 words with examples, so a
// misfiring rule shows up in seconds. `part` selects a deterministic subset of stories
// (by position: "even" or "odd"), so rules derived or filtered on one part can be measured
// on the other.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "lint/engine.h"
#include "lint/linter.h"

namespace wirelint::lint {

struct CorpusOptions {
  std::string part = "all";        // all | even | odd
  std::size_t examples = 5;        // per rule
  std::size_t limit = 0;           // stories; 0 = all
  Date default_date = Date::today();
  std::string findings_path;       // non-empty: write {"story","words"} and each finding as JSON lines
};

struct CorpusFinding {
  std::string story;    // id or file name
  std::string match;
  std::string context;  // the sentence-ish surroundings
  std::string replacement;
};

struct CorpusRuleStats {
  std::size_t findings = 0;
  std::size_t stories = 0;
  std::vector<CorpusFinding> examples;
};

struct CorpusReport {
  std::size_t stories = 0;
  std::size_t words = 0;
  std::size_t bytes = 0;
  double seconds = 0;
  std::map<std::string, CorpusRuleStats> rules;
};

// Throws EngineError when the corpus cannot be read or a line is not a JSON object with "body".
CorpusReport run_corpus(const Engine& engine, const RuleSelection& selection, const std::string& path,
                        const CorpusOptions& options);

void print_corpus_report(const CorpusReport& report, std::ostream& out);

}  // namespace wirelint::lint
