// Private to report/: the factory of each output format and the helpers they share.
//
// Adding a format (sarif, github, rdjsonl) is one new `<name>_reporter.cpp` defining its factory,
// one declaration here and one row in the table in reporter.cpp. Formats are not self-registering
// on purpose: report/ is a static library, and the linker drops an object file that nothing
// references, so a static registrar in a new file would silently never run.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "core/sink.h"
#include "report/reporter.h"

namespace wirelint::report {

std::unique_ptr<DiagnosticSink> make_text_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<DiagnosticSink> make_line_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<DiagnosticSink> make_json_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<DiagnosticSink> make_sarif_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<DiagnosticSink> make_github_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<DiagnosticSink> make_rdjsonl_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<DiagnosticSink> make_html_reporter(std::ostream& out, const ReporterOptions& options);

namespace detail {

// `s` with every ASCII control character (tab, CR and LF included) and DEL replaced by a space.
// Line-oriented formats apply it to paths, messages and rule ids: a newline would split one
// finding into two records for the tools that parse them, and an escape byte from a file name
// would reach the user's terminal.
std::string single_line(std::string_view s);

// A path as CI services match it against the repository: backslashes become slashes and any
// leading "./" is dropped ("./news\\a.md" -> "news/a.md"). Nothing else changes; an absolute
// path stays absolute. Defined in ci_paths.cpp.
std::string repo_path(std::string_view path);

}  // namespace detail
}  // namespace wirelint::report
