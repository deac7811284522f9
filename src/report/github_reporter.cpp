// GitHub Actions workflow commands, one per diagnostic, written as it arrives:
//
//   ::error file=news/a.md,line=3,endLine=3,col=5,endColumn=9,title=typography-spaced-abbreviation::Write "U.S."
//
// The runner turns each into an annotation on the pull request's diff. Property values and the
// message are escaped the way the runner unescapes them; an unescaped ',' or ':' in a path would
// end the property early, and a newline in a message would start a new (possibly hostile)
// command. The runner drops the whole annotation when col/endColumn come with a line and endLine
// that differ, or when endColumn is less than col, so a span that crosses a line break gets line
// and endLine alone (an empty span has endColumn equal to col, which is accepted).

#include "core/severity.h"
#include "report/formats.h"

namespace wirelint::report {
namespace {

std::string_view command_for(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::suggestion: return "notice";
  }
  return "warning";
}

void escape_into(std::string& out, std::string_view s, bool property) {
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
}

class GithubReporter final : public DiagnosticSink {
 public:
  explicit GithubReporter(std::ostream& out) : out_(out) {}

  void diagnostic(const Document& doc, const Diagnostic& d) override {
    Position start = doc.lines.position(d.span.offset);
    Position end = doc.lines.position(d.span.end());
    std::string line = "::";
    line += command_for(d.severity);
    line += " file=";
    escape_into(line, detail::repo_path(doc.path), true);
    line += ",line=" + std::to_string(start.line) + ",endLine=" + std::to_string(end.line);
    if (start.line == end.line)
      line += ",col=" + std::to_string(start.column) + ",endColumn=" + std::to_string(end.column);
    line += ",title=";
    escape_into(line, d.rule, true);
    line += "::";
    escape_into(line, d.message, false);
    out_ << line << '\n';
  }

  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<DiagnosticSink> make_github_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<GithubReporter>(out);
}

}  // namespace wirelint::report
