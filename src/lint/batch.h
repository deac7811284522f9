// Batch mode: lints a JSON-lines archive, one story a line, and writes one JSON line of findings
// per story, streaming and in input order, so one process (or many, one per shard) lints an
// archive of any size in bounded memory.
//
// In: each line is a JSON object with the story's text in "text" (or "body"), and optionally
// "id" (any JSON value), "date" (YYYY-MM-DD, a time after it ignored) and "format" (plain,
// markdown, nitf, newsml, html; default plain). Blank lines are skipped.
// Out: for each story, {"id", "line", "diagnostics": [...]}, the array written by
// `diagnostics_json` (positions within the story's text); for a line that cannot be linted,
// {"id", "line", "error"}, and the same error as one line "FILE:LINE: ..." on `errors`.
//
// `jobs` worker threads lint stories concurrently; at most a small window of stories is held
// in memory at once, and a line longer than `max_bytes` is an error for that line, read no
// further than needed to skip it.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>
#include <istream>
#include <ostream>
#include <string>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/document.h"
#include "core/severity.h"
#include "lint/engine.h"

namespace wirelint::lint {

struct BatchOptions {
  unsigned jobs = 1;
  Date default_date = Date::today();      // for stories without a "date"
  std::size_t max_bytes = std::size_t{64} << 20;  // longest line
  std::string name = "-";                 // the input's name in error lines
  // The number of the input's first line: a shard of a larger archive (see tools/archive/)
  // reports the archive's line numbers, so shards' outputs concatenate to one process's output.
  std::size_t first_line = 1;
  // Writes one story's findings as a JSON array on one line (the CLI passes the JSON report's
  // report::diagnostics_json, so both formats describe a finding alike).
  std::function<std::string(const Document&, const std::vector<Diagnostic>&)> diagnostics_json;
};

struct BatchResult {
  std::size_t stories = 0;  // lines linted
  std::size_t errors = 0;   // lines that could not be linted
  std::size_t findings = 0;
  std::size_t at_least[3] = {0, 0, 0};  // findings at or above error, warning, suggestion
};

BatchResult run_batch(const Engine& engine, const RuleSelection& selection, std::istream& in, std::ostream& out,
                      std::ostream& errors, const BatchOptions& options);

}  // namespace wirelint::lint
