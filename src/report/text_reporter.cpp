// The human format: a compiler-style header, the source line with the span underlined, and a
// summary at the end. The layout is documented in reporter.h; tests pin it byte for byte.

#include <algorithm>
#include <string>
#include <vector>

#include "core/severity.h"
#include "report/formats.h"

namespace wirelint::report {
namespace {

// Where terminals put their tab stops by default, so the excerpt lines up with `cat`.
constexpr std::size_t kTabStop = 8;
// Wide enough for line numbers up to 9999 without the gutter shifting between diagnostics.
constexpr std::size_t kMinGutterDigits = 4;

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;33m";
    case Severity::suggestion: return "\x1b[1;36m";
  }
  return kBold;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Bytes a well-formed sequence starting with `lead` has; 0 if `lead` cannot start one.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// A source line made safe to print, and the display cell at which each code point starts.
// Code points are counted exactly as LineIndex counts columns (every byte that is not a UTF-8
// continuation byte starts one), so a diagnostic's column indexes `cell` directly.
struct Excerpt {
  std::string text;
  std::vector<std::size_t> cell;  // one per code point, plus the total width at the end
};

// Code points shown either side of a span on a long line, the longest underline, and the mark
// at a cut.
constexpr std::size_t kContext = 80;
constexpr std::size_t kMaxUnderline = 400;
constexpr const char* kCutMark = "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS

std::size_t count_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += !is_continuation(static_cast<unsigned char>(c));
  return n;
}

// The byte offset `n` code points before (or after) `at` in `line`, stopping at its ends.
std::size_t step_points(std::string_view line, std::size_t at, std::size_t n, bool forward) {
  if (forward) {
    std::size_t i = at;
    for (std::size_t k = 0; k < n && i < line.size(); ++k) {
      ++i;
      while (i < line.size() && is_continuation(static_cast<unsigned char>(line[i]))) ++i;
    }
    return i;
  }
  std::size_t i = at;
  for (std::size_t k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && is_continuation(static_cast<unsigned char>(line[i]))) --i;
  }
  return i;
}

Excerpt make_excerpt(std::string_view line) {
  Excerpt ex;
  std::size_t width = 0;
  std::size_t i = 0;
  // Continuation bytes with no lead byte belong to no column; show them, but before column 1.
  if (i < line.size() && is_continuation(static_cast<unsigned char>(line[i]))) {
    while (i < line.size() && is_continuation(static_cast<unsigned char>(line[i]))) ++i;
    ex.text += kReplacementChar;
    width = 1;
  }
  while (i < line.size()) {
    std::size_t j = i + 1;
    while (j < line.size() && is_continuation(static_cast<unsigned char>(line[j]))) ++j;
    std::string_view cp = line.substr(i, j - i);
    auto lead = static_cast<unsigned char>(cp[0]);
    ex.cell.push_back(width);
    if (lead == '\t') {
      std::size_t next = (width / kTabStop + 1) * kTabStop;
      ex.text.append(next - width, ' ');
      width = next;
    } else {
      // Control characters (C0, DEL, C1) could move the cursor or start an escape sequence, and
      // malformed UTF-8 renders unpredictably; one replacement character keeps one cell per
      // code point so the underline stays aligned.
      bool control = lead < 0x20 || lead == 0x7F ||
                     (lead == 0xC2 && cp.size() == 2 && static_cast<unsigned char>(cp[1]) < 0xA0);
      bool malformed = sequence_length(lead) != cp.size();
      ex.text += control || malformed ? kReplacementChar : cp;
      width += 1;
    }
    i = j;
  }
  ex.cell.push_back(width);
  return ex;
}

std::string counted(std::size_t n, std::string_view noun) {
  std::string s = std::to_string(n);
  s += ' ';
  s += noun;
  if (n != 1) s += 's';
  return s;
}

class TextReporter final : public DiagnosticSink {
 public:
  TextReporter(std::ostream& out, const ReporterOptions& options) : out_(out), options_(options) {}

  void begin_file(const Document&) override { open_file(); }

  void diagnostic(const Document& doc, const Diagnostic& d) override {
    if (!open_) open_file();
    ++findings_in_file_;
    ++count_[static_cast<int>(d.severity)];
    if (printed_any_) out_ << '\n';
    printed_any_ = true;
    print_header(doc, d);
    print_excerpt(doc, d);
  }

  void end_file(const Document&) override { close_file(); }

  void finish() override {
    if (finished_) return;
    finished_ = true;
    close_file();
    if (!options_.quiet) {
      if (printed_any_) out_ << '\n';
      out_ << style(kBold) << summary() << style(kReset) << '\n';
    }
    out_.flush();
  }

 private:
  std::string_view style(std::string_view code) const {
    return options_.color ? code : std::string_view();
  }

  void print_header(const Document& doc, const Diagnostic& d) {
    Position at = doc.lines.position(d.span.offset);
    out_ << style(kBold) << detail::single_line(doc.path) << ':' << at.line << ':' << at.column
         << ':' << style(kReset) << ' ' << style(severity_color(d.severity))
         << to_string(d.severity) << ':' << style(kReset) << ' ' << style(kBold)
         << detail::single_line(d.message) << " [" << detail::single_line(d.rule) << ']'
         << style(kReset) << '\n';
  }

  void print_excerpt(const Document& doc, const Diagnostic& d) {
    Position start = doc.lines.position(d.span.offset);
    Position end = doc.lines.position(d.span.end());
    std::string_view line = doc.lines.line_text(start.line);
    // On a long line only `kContext` code points either side of the span are shown, cut marks
    // at the cuts: the report stays proportional to the findings, not to findings times the
    // line's length.
    std::size_t line_begin = static_cast<std::size_t>(line.data() - doc.source.data());
    std::size_t span_b = std::min(d.span.offset - std::min(d.span.offset, line_begin), line.size());
    std::size_t span_e = end.line == start.line ? std::min(d.span.end() - line_begin, line.size()) : line.size();
    span_e = std::min(line.size(), std::max(span_b, std::min(span_e, span_b + kMaxUnderline)));
    std::size_t from = step_points(line, span_b, kContext, false);
    std::size_t to = step_points(line, span_e, kContext, true);
    // A segment's first line may have begun in the segment before (a long plain text is linted
    // in segments): it is shown cut on the left too.
    bool partial = from == 0 && doc.lines.position(line_begin).column > 1;
    bool cut_left = from > 0 || partial, cut_right = to < line.size();
    std::string window;
    if (cut_left) window += kCutMark;
    window += line.substr(from, to - from);
    if (cut_right) window += kCutMark;
    Excerpt ex = make_excerpt(cut_left || cut_right ? std::string_view(window) : line);
    std::size_t points = ex.cell.size() - 1;
    // Columns before the window, less the mark's one.
    std::size_t shift = cut_left ? doc.lines.position(line_begin + from).column - 2 : 0;
    std::size_t first = std::min(start.column - 1 - std::min(start.column - 1, shift), points);
    // A span that runs onto later lines is underlined to the end of its first line only.
    std::size_t last = end.line == start.line && !cut_right
                           ? std::min(end.column - 1 - std::min(end.column - 1, shift), points)
                           : std::min(first + count_points(line.substr(span_b, span_e - span_b)), points);
    last = std::max(first, last);
    std::size_t lead = ex.cell[first];
    std::size_t width = std::max<std::size_t>(1, ex.cell[last] - lead);

    std::string number = std::to_string(start.line);
    std::size_t digits = std::max(kMinGutterDigits, number.size());
    out_ << std::string(digits - number.size(), ' ') << number << " |";
    if (!ex.text.empty()) out_ << ' ' << ex.text;
    out_ << '\n'
         << std::string(digits, ' ') << " | " << std::string(lead, ' ')
         << style(severity_color(d.severity)) << '^' << std::string(width - 1, '~')
         << style(kReset) << '\n';
  }

  std::string summary() const {
    std::size_t errors = count_[static_cast<int>(Severity::error)];
    std::size_t warnings = count_[static_cast<int>(Severity::warning)];
    std::size_t suggestions = count_[static_cast<int>(Severity::suggestion)];
    if (files_ == 0 && errors + warnings + suggestions == 0) return "No files checked.";
    if (errors + warnings + suggestions == 0)
      return "No problems found in " + counted(files_, "file") + ".";
    std::string s;
    auto add = [&s](std::size_t n, std::string_view noun) {
      if (n == 0) return;
      if (!s.empty()) s += ", ";
      s += counted(n, noun);
    };
    add(errors, "error");
    add(warnings, "warning");
    add(suggestions, "suggestion");
    s += " in " + counted(files_, "file");
    if (clean_files_ > 0) s += " (" + counted(clean_files_, "file") + " clean)";
    return s;
  }

  // Files are counted when they open and judged clean when they close; a file left open by a
  // begin_file() without end_file() is closed by the next begin_file() or by finish().
  void open_file() {
    close_file();
    open_ = true;
    ++files_;
    findings_in_file_ = 0;
  }
  void close_file() {
    if (!open_) return;
    open_ = false;
    if (findings_in_file_ == 0) ++clean_files_;
  }

  std::ostream& out_;
  ReporterOptions options_;
  std::size_t count_[3] = {0, 0, 0};  // indexed by Severity
  std::size_t files_ = 0;
  std::size_t clean_files_ = 0;
  std::size_t findings_in_file_ = 0;
  bool open_ = false;
  bool printed_any_ = false;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<DiagnosticSink> make_text_reporter(std::ostream& out,
                                                   const ReporterOptions& options) {
  return std::make_unique<TextReporter>(out, options);
}

}  // namespace wirelint::report
