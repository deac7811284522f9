// Reporters: one DiagnosticSink per output format. Each writes to the stream it is given and
// depends on core/ only.
//   text  path:line:col, severity, message, rule id, the source line with the span underlined,
//         colour when asked, and a summary line at the end (unless quiet).
//   line  path:line:column: severity: message [rule-id]  — one per line (Vim errorformat,
//         compilers' style).
//   json  the versioned contract in docs/DESIGN.md, written once at finish().
#pragma once

#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "core/sink.h"

namespace wirelint::report {

struct ReporterOptions {
  bool color = false;  // ANSI colour (text format only)
  bool quiet = false;  // text: no summary line, no notices
};

// Names accepted by make_reporter, in the order --help lists them.
const std::vector<std::string_view>& format_names();

// nullptr for an unknown format name.
std::unique_ptr<DiagnosticSink> make_reporter(std::string_view format, std::ostream& out,
                                              const ReporterOptions& options);

}  // namespace wirelint::report
