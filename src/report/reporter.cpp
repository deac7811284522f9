#include "report/reporter.h"

#include <iterator>

#include "report/formats.h"

namespace wirelint::report {
namespace {

using Factory = std::unique_ptr<DiagnosticSink> (*)(std::ostream&, const ReporterOptions&);

struct Format {
  std::string_view name;
  Factory make;
};

// The order here is the order --help lists the formats in; the first is the default.
constexpr Format kFormats[] = {
    {"text", make_text_reporter},
    {"line", make_line_reporter},
    {"json", make_json_reporter},
    {"sarif", make_sarif_reporter},
    {"github", make_github_reporter},
    {"rdjsonl", make_rdjsonl_reporter},
    {"html", make_html_reporter},
};

}  // namespace

const std::vector<std::string_view>& format_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const Format& f : kFormats) v.push_back(f.name);
    return v;
  }();
  return names;
}

std::unique_ptr<DiagnosticSink> make_reporter(std::string_view format, std::ostream& out,
                                              const ReporterOptions& options) {
  for (const Format& f : kFormats)
    if (f.name == format) return f.make(out, options);
  return nullptr;
}

namespace detail {

std::string single_line(std::string_view s) {
  std::string result(s);
  for (char& c : result) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) c = ' ';
  }
  return result;
}

}  // namespace detail
}  // namespace wirelint::report
