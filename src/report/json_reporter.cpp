// The versioned JSON contract of docs/DESIGN.md, written as one document at finish().
//
// Documents may be destroyed after end_file(), so everything the output needs (the path and the
// positions computed from the line index) is copied while the Document is still alive; no
// reference to a Document outlives the call that received it. The cost is the whole report held
// in memory until the end, which the single-document contract requires anyway.

#include <nlohmann/json.hpp>

#include "core/severity.h"
#include "report/formats.h"

namespace wirelint::report {
namespace {

// Keys must come out in the order the contract lists them; nlohmann::json would sort them.
using Json = nlohmann::ordered_json;

constexpr int kVersion = 1;

Json diagnostic_json(const Document& doc, const Diagnostic& d) {
  Position start = doc.lines.position(d.span.offset);
  Position end = doc.lines.position(d.span.end());
  Json replacements = Json::array();
  for (const std::string& r : d.replacements) replacements.push_back(r);
  return Json{
      {"rule", d.rule},
      {"severity", std::string(to_string(d.severity))},
      {"message", d.message},
      {"line", start.line},
      {"column", start.column},
      {"end_line", end.line},
      {"end_column", end.column},
      {"offset", doc.lines.file_offset(d.span.offset)},
      {"length", d.span.length},
      {"match", d.match},
      {"replacements", std::move(replacements)},
  };
}

class JsonReporter final : public DiagnosticSink {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void begin_file(const Document& doc) override { open_file(doc); }

  void diagnostic(const Document& doc, const Diagnostic& d) override {
    // Tolerates a sink driven without begin_file() rather than dropping the finding.
    if (!open_) open_file(doc);
    files_.back()["diagnostics"].push_back(diagnostic_json(doc, d));
  }

  void end_file(const Document&) override { open_ = false; }

  void finish() override {
    if (finished_) return;
    finished_ = true;
    Json report{{"version", kVersion}, {"files", std::move(files_)}};
    // Source bytes (and so `match`) need not be valid UTF-8; replacing bad sequences with U+FFFD
    // keeps the output parseable instead of throwing half-way through the report.
    out_ << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    out_.flush();
  }

 private:
  void open_file(const Document& doc) {
    files_.push_back(Json{{"path", doc.path}, {"diagnostics", Json::array()}});
    open_ = true;
  }

  std::ostream& out_;
  Json files_ = Json::array();
  bool open_ = false;
  bool finished_ = false;
};

}  // namespace

std::string diagnostics_json(const Document& doc, const std::vector<Diagnostic>& diagnostics) {
  Json all = Json::array();
  for (const Diagnostic& d : diagnostics) all.push_back(diagnostic_json(doc, d));
  return all.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::unique_ptr<DiagnosticSink> make_json_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace wirelint::report
