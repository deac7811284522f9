// The html format: one self-contained page written at finish(). The layout is documented in
// reporter.h and pinned fragment by fragment in tests/report_test.cpp.
//
// Highlighting works on segments rather than nested elements: every finding's start and end
// cut the source into pieces, and each piece covered by at least one finding becomes one
// <mark> naming all the findings over it. Overlapping or crossing findings therefore never need
// elements that would have to close out of order, and a finding's exact bytes are the marks
// whose data-findings list its id.
//
// Everything the page needs (the source bytes, positions, messages) is copied while each
// Document is alive, so the whole report sits in memory until finish(), as in json and sarif.

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/severity.h"
#include "report/formats.h"

namespace wirelint::report {
namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the well-formed UTF-8 sequence at s[i] (Unicode table 3-7: no overlong forms, no
// surrogates, nothing past U+10FFFF) that ends at or before `end`; 0 when there is none.
std::size_t valid_sequence(std::string_view s, std::size_t i, std::size_t end) {
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = at(i);
  if (lead < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > end) return 0;
  if (at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  return n;
}

// How control characters are written.
enum class Context {
  story,      // tab and line breaks kept (CRLF and a lone CR become LF), other controls U+FFFD
  attribute,  // every control a space: a title attribute's line breaks are the reporter's own
};

// Appends source bytes [from, to) of `s` as HTML text or attribute value: & < > " ' escaped,
// malformed UTF-8 as U+FFFD, controls as `context` says. The whole of `s` is passed so that a
// CR at the end of the range can see the LF after it.
void append_escaped(std::string& out, std::string_view s, std::size_t from, std::size_t to,
                    Context context) {
  std::size_t i = from;
  while (i < to) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t n = valid_sequence(s, i, to);
      if (n == 0) {
        out += kReplacementChar;
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&#39;"; continue;
      default: break;
    }
    if (c >= 0x20 && c != 0x7F) {
      out += static_cast<char>(c);
    } else if (context == Context::attribute) {
      out += ' ';
    } else if (c == '\t' || c == '\n') {
      out += static_cast<char>(c);
    } else if (c == '\r') {
      // The LF of a CRLF writes the line break; a lone CR writes its own.
      if (i >= s.size() || s[i] != '\n') out += '\n';
    } else {
      out += kReplacementChar;
    }
  }
}

std::string escaped(std::string_view s) {
  std::string out;
  append_escaped(out, s, 0, s.size(), Context::attribute);
  return out;
}

struct Finding {
  std::string id;  // "f<file>-<n>", 1-based both
  std::string rule;
  Severity severity = Severity::warning;
  std::string message;
  std::vector<std::string> replacements;
  std::size_t begin = 0, end = 0;  // bytes of the source, clamped and on code point starts
  Position position;
};

struct FileReport {
  std::string path;
  std::string source;
  std::vector<Finding> findings;
};

// Where the well-formed code point that `offset` falls inside (past its first byte) starts and
// ends, if it falls inside one. Spans from the engine start and end on code points; snapping
// keeps a bad span from splitting a character between two elements.
struct CodePoint {
  std::size_t begin = 0, end = 0;
};
std::optional<CodePoint> containing(std::string_view s, std::size_t offset) {
  for (std::size_t back = 1; back <= 3 && back <= offset; ++back) {
    std::size_t start = offset - back;
    std::size_t n = valid_sequence(s, start, s.size());
    if (n > back) return CodePoint{start, start + n};
    if (n != 0) break;
  }
  return std::nullopt;
}

std::string_view severity_name(Severity s) { return to_string(s); }

std::string plural(std::size_t n, std::string_view noun) {
  std::string out = std::to_string(n) + " " + std::string(noun);
  if (n != 1) out += 's';
  return out;
}

// The hover text of one finding: "rule (severity): message" and, when it has replacements,
// a second line "Fix: a | b" (an empty replacement reads "remove").
std::string title_of(const Finding& f) {
  std::string t = escaped(f.rule) + " (" + std::string(severity_name(f.severity)) + "): " + escaped(f.message);
  if (!f.replacements.empty()) {
    t += "&#10;Fix: ";
    for (std::size_t i = 0; i < f.replacements.size(); ++i) {
      if (i) t += " | ";
      t += f.replacements[i].empty() ? std::string("remove") : escaped(f.replacements[i]);
    }
  }
  return t;
}

constexpr std::string_view kStyle = R"(body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
h2{font-size:1.1em;margin-top:2em;word-break:break-all}
table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left}
td.n{text-align:right}
pre.story{white-space:pre-wrap;overflow-wrap:anywhere;background:#fafafa;border:1px solid #ddd;padding:1em;font:14px/1.6 ui-monospace,monospace}
mark{background:none;color:inherit;cursor:help;border-bottom:2px solid}
mark.error{background:#fde2e2;border-color:#c62828}
mark.warning{background:#fff3c4;border-color:#b58100}
mark.suggestion{background:#e3effd;border-color:#1e63b5}
mark.overlap{border-bottom-style:double;border-bottom-width:4px}
mark.point::before{content:"\2038";color:#c62828}
.sev-error{color:#c62828}.sev-warning{color:#8a6200}.sev-suggestion{color:#1e63b5}
ol.findings{font-size:.9em}
)";

class HtmlReporter final : public DiagnosticSink {
 public:
  explicit HtmlReporter(std::ostream& out) : out_(out) {}

  void begin_file(const Document& doc) override { open_file(doc); }

  void diagnostic(const Document& doc, const Diagnostic& d) override {
    if (!open_) open_file(doc);
    FileReport& file = files_.back();
    const std::string& src = file.source;
    Finding f;
    f.id = "f" + std::to_string(files_.size()) + "-" + std::to_string(file.findings.size() + 1);
    f.rule = d.rule;
    f.severity = d.severity;
    f.message = d.message;
    f.replacements = d.replacements;
    // Clamped to the source, widened to whole code points.
    std::size_t begin = std::min(d.span.offset, src.size());
    std::size_t end = d.span.length > src.size() - begin ? src.size() : begin + d.span.length;
    if (auto c = containing(src, begin)) begin = c->begin;
    if (auto c = containing(src, end)) end = c->end;
    f.begin = begin;
    f.end = std::max(begin, end);
    f.position = doc.lines.position(std::min(f.begin, doc.source.size()));
    file.findings.push_back(std::move(f));
  }

  void end_file(const Document&) override { open_ = false; }
  bool needs_whole_files() const override { return true; }  // the page shows each file's text

  void finish() override {
    if (finished_) return;
    finished_ = true;
    std::string page;
    page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<title>wirelint report</title>\n<style>\n";
    page += kStyle;
    page += "</style>\n</head>\n<body>\n<h1>wirelint report</h1>\n";
    write_summary(page);
    for (std::size_t i = 0; i < files_.size(); ++i) write_file(page, files_[i], i + 1);
    page += "</body>\n</html>\n";
    out_ << page;
    out_.flush();
  }

 private:
  void open_file(const Document& doc) {
    files_.push_back(FileReport{doc.path, doc.source, {}});
    open_ = true;
  }

  void write_summary(std::string& page) const {
    std::array<std::size_t, 3> by_severity{};  // indexed by Severity
    std::size_t clean = 0;
    for (const FileReport& f : files_) {
      clean += f.findings.empty();
      for (const Finding& x : f.findings) ++by_severity[static_cast<std::size_t>(x.severity)];
    }
    page += "<p class=\"totals\">";
    std::vector<std::string> parts;
    for (Severity s : {Severity::error, Severity::warning, Severity::suggestion})
      if (by_severity[static_cast<std::size_t>(s)])
        parts.push_back(plural(by_severity[static_cast<std::size_t>(s)], severity_name(s)));
    if (parts.empty()) parts.push_back("No findings");
    for (std::size_t i = 0; i < parts.size(); ++i) page += (i ? ", " : "") + parts[i];
    page += " in " + plural(files_.size(), "file");
    if (clean && clean != files_.size()) page += " (" + std::to_string(clean) + " clean)";
    page += ".</p>\n";

    page += "<table class=\"summary\">\n<thead><tr><th>File</th><th>Rule</th><th>Severity</th>"
            "<th>Findings</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < files_.size(); ++i) {
      const FileReport& f = files_[i];
      std::string file_cell = "<td><a href=\"#file-" + std::to_string(i + 1) + "\">" + escaped(f.path) + "</a></td>";
      if (f.findings.empty()) {
        page += "<tr>" + file_cell + "<td colspan=\"2\">no findings</td><td class=\"n\">0</td></tr>\n";
        continue;
      }
      // Rule, then the more severe level first.
      std::map<std::tuple<std::string, int>, std::size_t> counts;
      for (const Finding& x : f.findings) ++counts[{x.rule, -static_cast<int>(x.severity)}];
      for (const auto& [key, n] : counts) {
        auto severity = static_cast<Severity>(-std::get<1>(key));
        page += "<tr>" + file_cell + "<td><code>" + escaped(std::get<0>(key)) + "</code></td><td class=\"sev-" +
                std::string(severity_name(severity)) + "\">" + std::string(severity_name(severity)) +
                "</td><td class=\"n\">" + std::to_string(n) + "</td></tr>\n";
      }
    }
    page += "</tbody>\n</table>\n";
  }

  static void write_file(std::string& page, const FileReport& f, std::size_t number) {
    page += "<section class=\"file\" id=\"file-" + std::to_string(number) + "\">\n<h2>" + escaped(f.path) +
            "</h2>\n";
    // The parser drops one line break right after <pre>; this one is it, so a story that
    // starts with a blank line keeps it.
    page += "<pre class=\"story\">\n";
    write_story(page, f);
    page += "</pre>\n";
    if (!f.findings.empty()) {
      page += "<ol class=\"findings\">\n";
      for (const Finding& x : f.findings) {
        std::string sev(severity_name(x.severity));
        page += "<li id=\"" + x.id + "\">" + std::to_string(x.position.line) + ":" +
                std::to_string(x.position.column) + " <span class=\"sev-" + sev + "\">" + sev + "</span> " +
                escaped(x.message) + " <code>" + escaped(x.rule) + "</code>";
        if (!x.replacements.empty()) {
          page += " &rarr; ";
          for (std::size_t i = 0; i < x.replacements.size(); ++i)
            page += (i ? ", " : "") + std::string("<q>") + escaped(x.replacements[i]) + "</q>";
        }
        page += "</li>\n";
      }
      page += "</ol>\n";
    }
    page += "</section>\n";
  }

  static void write_mark(std::string& page, const std::vector<const Finding*>& over, std::string_view extra_class) {
    Severity worst = Severity::suggestion;
    for (const Finding* x : over) worst = std::max(worst, x->severity);
    page += "<mark class=\"";
    page += severity_name(worst);
    if (over.size() > 1) page += " overlap";
    page += extra_class;
    page += "\" data-findings=\"";
    for (std::size_t i = 0; i < over.size(); ++i) page += (i ? " " : "") + over[i]->id;
    page += "\" title=\"";
    for (std::size_t i = 0; i < over.size(); ++i) page += (i ? "&#10;&#10;" : "") + title_of(*over[i]);
    page += "\">";
  }

  static void write_story(std::string& page, const FileReport& f) {
    const std::string& src = f.source;
    std::size_t origin = src.compare(0, kBom.size(), kBom) == 0 ? kBom.size() : 0;
    std::vector<std::size_t> cuts{origin, src.size()};
    for (const Finding& x : f.findings) {
      cuts.push_back(std::max(x.begin, origin));
      cuts.push_back(std::max(x.end, origin));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    for (std::size_t k = 0; k < cuts.size(); ++k) {
      std::size_t a = cuts[k];
      // Findings with an empty span are a point mark before the text at their offset.
      std::vector<const Finding*> points;
      for (const Finding& x : f.findings)
        if (x.begin == x.end && std::max(x.begin, origin) == a) points.push_back(&x);
      if (!points.empty()) {
        write_mark(page, points, " point");
        page += "</mark>";
      }
      if (k + 1 == cuts.size()) break;
      std::size_t b = cuts[k + 1];
      std::vector<const Finding*> over;
      for (const Finding& x : f.findings)
        if (x.begin < x.end && x.begin <= a && x.end >= b) over.push_back(&x);
      if (!over.empty()) write_mark(page, over, "");
      append_escaped(page, src, a, b, Context::story);
      if (!over.empty()) page += "</mark>";
    }
  }

  std::ostream& out_;
  std::vector<FileReport> files_;
  bool open_ = false;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<DiagnosticSink> make_html_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<HtmlReporter>(out);
}

}  // namespace wirelint::report
