// A finding: which rule, how severe, where (a byte range into the original source), what was
// matched and what to write instead. Diagnostics are plain values produced by the engine and
// pushed to a DiagnosticSink; every front end converts `span` to its own position unit once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/severity.h"

namespace wirelint {

// A byte range into the original input file.
struct Span {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::size_t end() const { return offset + length; }
};

struct Diagnostic {
  std::string rule;                       // rule id, e.g. "typography-spaced-abbreviation"
  Severity severity = Severity::warning;
  std::string message;
  Span span;                              // into Document::source
  std::string match;                      // the source bytes of `span`
  std::vector<std::string> replacements;  // best first; may be empty
  std::string link;                       // explanation of the rule
  std::string category;                   // MQM category, e.g. "accuracy/mistranslation/entity"
  bool fixable = false;                   // the rule allows --fix to apply a sole replacement
};

}  // namespace wirelint
