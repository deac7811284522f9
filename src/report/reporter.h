// Reporters: one DiagnosticSink per output format. Each writes to the stream it is given and
// depends on core/ only. A reporter holds a reference to the stream, which must outlive it; it
// never keeps a reference to a Document past the call that passed it in. Notices (skipped files)
// are not written by any reporter: the front end prints them to stderr.
//
//   line  `path:line:column: severity: message [rule-id]` and a newline per diagnostic, written
//         as it arrives (Vim errorformat, compilers' style). Line and column are 1-based, the
//         column in code points. Control characters in path, message and rule id are written as
//         spaces so that one diagnostic is always one line.
//
//   text  For humans. Each diagnostic, as it arrives, is three lines; diagnostics are separated
//         by one blank line:
//
//           story.txt:12:5: error: message [rule-id]
//             12 | The source line, tabs expanded to stops of 8
//                |     ^~~~
//
//         The header is the line format. The line number is right-aligned in a gutter at least
//         4 digits wide, followed by " | " (just " |" when the line is empty). The underline
//         starts with `^` under the first code point of the span and has one `~` per further
//         display cell of the span; it is at least one `^` wide (empty spans), and a span that
//         runs onto later lines is underlined to the end of its first line. Columns count code
//         points (a wide CJK character counts one); control characters and malformed UTF-8 in
//         the excerpt are shown as U+FFFD. With `color`: header path:line:col: and message bold,
//         severity and underline bold red (error), yellow (warning) or cyan (suggestion);
//         without it, no escape code at all.
//
//         At finish(), unless `quiet`, a blank line if any diagnostic was written, then one
//         summary line (bold with `color`), one of:
//           No files checked.
//           No problems found in 1 file.            (or "in N files.")
//           3 errors, 2 warnings, 1 suggestion in 2 files (1 file clean)
//         In the last form a zero count is left out ("1 warning in 1 file"), every noun is
//         singular for 1 and plural otherwise, files are those begun, and the parenthesis is left
//         out when no file was clean. This wording is stable; scripts should still prefer json.
//
//   json  The versioned contract in docs/DESIGN.md, written once at finish(), pretty-printed
//         with a 2-space indent and a final newline:
//           {"version":1,"files":[{"path","diagnostics":[{"rule","severity","message","line",
//            "column","end_line","end_column","offset","length","match","replacements":[…]}]}]}
//         One entry per file begun, clean files included with an empty array. Positions are
//         1-based in code points, the end exclusive; offset and length are bytes of the input.
//         Non-ASCII is written as UTF-8; malformed UTF-8 (possible in `match`) becomes U+FFFD.
//         Holds the whole report in memory until finish().
//
// The CI formats name files as repositories do: backslashes become slashes, a leading "./" goes.
//
//   sarif   SARIF 2.1.0 for code scanning, one log written at finish() (2-space indent): one run
//           whose driver lists the rules that have results (id, short and full description from
//           ReporterOptions::rule_catalog, helpUri when the link is an absolute URI, default
//           level, MQM category), and one result per diagnostic (ruleId, ruleIndex, level
//           error/warning/note, message, region in code points with columnKind
//           "unicodeCodePoints" plus byteOffset/byteLength, partialFingerprints "wirelint/v1"
//           that leave line numbers out, fixes from the replacements).
//
//   github  A GitHub Actions workflow command per diagnostic, as it arrives:
//             ::warning file=F,line=L,endLine=L2,col=C,endColumn=C2,title=RULE::message
//           (error → ::error, suggestion → ::notice); columns in code points, the end exclusive,
//           left out when the span crosses a line; values escaped as the runner expects.
//
//   rdjsonl reviewdog diagnostics, one JSON object per line as each arrives; columns in UTF-8
//           bytes (reviewdog's unit), 1-based, the end exclusive; replacements as suggestions.
//
//   html  One self-contained page for people, written at finish(): inline CSS, no script and
//         nothing fetched. A summary (totals by severity; a table of findings per file, rule and
//         severity, a clean file as one "no findings" row), then per file a section with the
//         path, the source in a <pre> with every finding highlighted in place, and a numbered
//         list of the findings (line:column, severity, message, rule id, replacements).
//         Highlights: the findings' starts and ends cut the source into segments; each segment
//         under at least one finding is one
//           <mark class="SEVERITY[ overlap]" data-findings="f1-1 f1-2" title="…">
//         (the most severe finding gives the class; "overlap" when more than one covers it), so
//         overlapping findings need no nesting and a finding's bytes are exactly the marks that
//         list its id ("f<file>-<n>", both 1-based; the list item has the same id). The title,
//         shown on hover, is "rule (severity): message" and, with replacements, a second line
//         "Fix: a | b" (an empty replacement reads "remove"); findings sharing a segment are
//         separated by a blank line. An empty span is an empty <mark class="… point"> at its
//         offset. Text and attributes escape & < > " '; malformed UTF-8 becomes U+FFFD; in the
//         story CRLF and a lone CR become LF, a BOM is not shown, other control characters
//         except tab become U+FFFD (in attributes, a space). Source and findings of every file
//         are held in memory until finish(); highlighting costs O(findings^2) per file.
#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/severity.h"
#include "core/sink.h"

namespace wirelint::report {

// What a format that describes the rules it reports (sarif) knows about one rule beyond its
// diagnostics. Plain data so that report/ needs nothing from rules/.
struct RuleDoc {
  std::string description;  // prose, may span lines; empty when the rule has none
  Severity severity = Severity::warning;  // the rule's default level
};

struct ReporterOptions {
  bool color = false;  // ANSI colour (text format only)
  bool quiet = false;  // text: no summary line, no notices
  // sarif only, both optional: the tool's version, and rule id -> RuleDoc. A rule missing from
  // the catalog is described by its id and levelled by its first diagnostic.
  std::string tool_version{};
  std::map<std::string, RuleDoc, std::less<>> rule_catalog{};
};

// Names accepted by make_reporter, in the order --help lists them.
const std::vector<std::string_view>& format_names();

// One document's findings as the JSON array the JSON report writes under "diagnostics" (rule,
// severity, message, line, column, end_line, end_column, offset, length, match, replacements),
// on one line; bytes that are not UTF-8 become U+FFFD. `wirelint batch` writes it per story.
std::string diagnostics_json(const Document& doc, const std::vector<Diagnostic>& diagnostics);

// nullptr for an unknown format name.
std::unique_ptr<DiagnosticSink> make_reporter(std::string_view format, std::ostream& out,
                                              const ReporterOptions& options);

}  // namespace wirelint::report
