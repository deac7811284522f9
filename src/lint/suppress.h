// Inline suppression directives, read from a story's source bytes (the Markdown reader blanks
// HTML comments in the lintable text, so the directives are only visible in the source).
//
//   Markdown and HTML comments (also accepted in plain text):
//     <!-- wirelint-disable [RULE[,RULE...]] -->            off from here on
//     <!-- wirelint-enable [RULE[,RULE...]] -->             on again from here
//     <!-- wirelint-disable-next-line [RULE[,RULE...]] -->  off on the following line only
//   Plain text: a line that holds only the directive, '#' first (leading blanks allowed):
//     #wirelint-disable [RULE...]   #wirelint-enable [RULE...]   #wirelint-disable-next-line [RULE...]
//
// No rule ids means every rule. Rule ids are separated by commas and/or spaces. For a finding,
// the last disable/enable directive before it that names its rule (or names none) decides; a
// disable-next-line directive covers the line after the one the directive ends on. Findings
// inside a directive itself are dropped. A rule id that is not known yields a warning
// `input-unknown-suppression` at the id, so a typo does not silently fail to suppress.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"

namespace wirelint::lint {

inline constexpr const char* kUnknownSuppressionId = "input-unknown-suppression";

struct Directive {
  enum class Kind { disable, enable, disable_next_line };
  Kind kind = Kind::disable;
  std::vector<std::string> rules;  // empty: all rules
  std::vector<Span> rule_spans;    // where each id sits in the source
  Span span;                       // the whole directive (a plain-text directive: its line)
};

std::vector<Directive> parse_directives(std::string_view source, InputFormat format);

// Removes suppressed findings from `diagnostics` (kept in order) and appends a warning for
// every directive rule id that `known` rejects (then re-sorted by offset).
// `carry` is for a file linted in segments: on entry, what the directives of the segments before
// still decide (read as standing before this segment's first byte; a disable-next-line among
// them covers its first line); on return, what this segment passes on to the next.
void apply_suppressions(const Document& doc, std::vector<Diagnostic>& diagnostics,
                        const std::function<bool(const std::string&)>& known,
                        std::vector<Directive>* carry = nullptr);

// The line an editor inserts above a finding to silence `rule` there (no line terminator).
std::string suppression_directive(InputFormat format, const std::string& rule);

}  // namespace wirelint::lint
