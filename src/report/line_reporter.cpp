// `path:line:column: severity: message [rule-id]`, one record per line, written as each
// diagnostic arrives so that an editor can show the first findings of a long run early.

#include "core/severity.h"
#include "report/formats.h"

namespace wirelint::report {
namespace {

class LineReporter final : public DiagnosticSink {
 public:
  explicit LineReporter(std::ostream& out) : out_(out) {}

  void diagnostic(const Document& doc, const Diagnostic& d) override {
    Position at = doc.lines.position(d.span.offset);
    out_ << detail::single_line(doc.path) << ':' << at.line << ':' << at.column << ": "
         << to_string(d.severity) << ": " << detail::single_line(d.message) << " ["
         << detail::single_line(d.rule) << "]\n";
  }

  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<DiagnosticSink> make_line_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<LineReporter>(out);
}

}  // namespace wirelint::report
