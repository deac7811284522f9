// reviewdog's rdjsonl: one JSON object per diagnostic and per line, written as it arrives.
//
// reviewdog counts columns in UTF-8 bytes (1-based, end exclusive), unlike every other format
// here, because it compares them with the bytes of the diff. A leading byte-order mark is not
// part of line 1's columns, as in the other formats. Each replacement becomes one suggestion over
// the diagnostic's own range, which reviewdog can post as a suggested change.

#include <nlohmann/json.hpp>

#include "core/severity.h"
#include "report/formats.h"

namespace wirelint::report {
namespace {

using Json = nlohmann::ordered_json;

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "ERROR";
    case Severity::warning: return "WARNING";
    case Severity::suggestion: return "INFO";
  }
  return "WARNING";
}

Json byte_position(const Document& doc, std::size_t offset) {
  Position at = doc.lines.position(offset);
  return Json{{"line", at.line}, {"column", doc.lines.byte_column(offset)}};
}

class RdjsonlReporter final : public DiagnosticSink {
 public:
  explicit RdjsonlReporter(std::ostream& out) : out_(out) {}

  void diagnostic(const Document& doc, const Diagnostic& d) override {
    Json range{{"start", byte_position(doc, d.span.offset)},
               {"end", byte_position(doc, d.span.end())}};
    Json code{{"value", d.rule}};
    if (!d.link.empty()) code["url"] = d.link;
    Json record{
        {"message", d.message},
        {"location", Json{{"path", detail::repo_path(doc.path)}, {"range", range}}},
        {"severity", std::string(severity_name(d.severity))},
        {"code", std::move(code)},
    };
    if (!d.replacements.empty()) {
      Json suggestions = Json::array();
      for (const std::string& r : d.replacements)
        suggestions.push_back(Json{{"range", range}, {"text", r}});
      record["suggestions"] = std::move(suggestions);
    }
    record["source"] = Json{{"name", "wirelint"}};
    // dump() without indent never emits a newline; bad UTF-8 becomes U+FFFD, not an exception.
    out_ << record.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  }

  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<DiagnosticSink> make_rdjsonl_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<RdjsonlReporter>(out);
}

}  // namespace wirelint::report
