#include "lint/suppress.h"

#include <algorithm>
#include <set>

namespace wirelint::lint {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Parses "wirelint-KIND [ids]" in source[b, e). Returns false when it is not a directive, so
// ordinary comments and text stay what they are.
bool parse_body(std::string_view source, std::size_t b, std::size_t e, Directive& out) {
  while (b < e && (blank(source[b]) || source[b] == '\n' || source[b] == '\r')) ++b;
  while (e > b && (blank(source[e - 1]) || source[e - 1] == '\n' || source[e - 1] == '\r')) --e;
  std::string_view body = source.substr(b, e - b);
  static const std::pair<std::string_view, Directive::Kind> kinds[] = {
      {"wirelint-disable-next-line", Directive::Kind::disable_next_line},
      {"wirelint-disable", Directive::Kind::disable},
      {"wirelint-enable", Directive::Kind::enable},
  };
  for (const auto& [word, kind] : kinds) {
    if (body.substr(0, word.size()) != word) continue;
    std::size_t i = b + word.size();
    if (i < e && !blank(source[i]) && source[i] != ',') return false;  // "wirelint-disabled"
    out.kind = kind;
    while (i < e) {
      if (blank(source[i]) || source[i] == ',') {
        ++i;
        continue;
      }
      std::size_t s = i;
      while (i < e && id_char(source[i])) ++i;
      if (i == s) return false;  // prose after the keyword: not a directive
      out.rules.emplace_back(source.substr(s, i - s));
      out.rule_spans.push_back(Span{s, i - s});
    }
    return true;
  }
  return false;
}

void parse_comments(std::string_view source, std::vector<Directive>& out) {
  std::size_t pos = 0;
  while ((pos = source.find("<!--", pos)) != std::string_view::npos) {
    std::size_t close = source.find("-->", pos + 4);
    if (close == std::string_view::npos) break;
    Directive d;
    if (parse_body(source, pos + 4, close, d)) {
      d.span = Span{pos, close + 3 - pos};
      out.push_back(std::move(d));
    }
    pos = close + 3;
  }
}

void parse_hash_lines(std::string_view source, std::vector<Directive>& out) {
  std::size_t line = 0;
  while (line < source.size()) {
    std::size_t nl = source.find('\n', line);
    std::size_t end = nl == std::string_view::npos ? source.size() : nl;
    std::size_t i = line;
    while (i < end && blank(source[i])) ++i;
    if (i < end && source[i] == '#') {
      Directive d;
      if (parse_body(source, i + 1, end, d) && source.substr(i + 1, 8) == "wirelint") {
        d.span = Span{line, end - line};
        out.push_back(std::move(d));
      }
    }
    line = end + 1;
  }
}

std::size_t line_end(std::string_view s, std::size_t from) {
  std::size_t nl = s.find('\n', from);
  return nl == std::string_view::npos ? s.size() : nl;
}

bool names(const Directive& d, const std::string& rule) {
  return d.rules.empty() || std::find(d.rules.begin(), d.rules.end(), rule) != d.rules.end();
}

}  // namespace

std::vector<Directive> parse_directives(std::string_view source, InputFormat format) {
  std::vector<Directive> out;
  parse_comments(source, out);
  if (format == InputFormat::plain) parse_hash_lines(source, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Directive& a, const Directive& b) { return a.span.offset < b.span.offset; });
  return out;
}

void apply_suppressions(const Document& doc, std::vector<Diagnostic>& diagnostics,
                        const std::function<bool(const std::string&)>& known, std::vector<Directive>* carry) {
  std::vector<Directive> directives = parse_directives(doc.source, doc.format);
  const std::size_t carried = carry ? carry->size() : 0;
  if (carried) directives.insert(directives.begin(), carry->begin(), carry->end());
  if (directives.empty()) return;
  std::string_view src = doc.source;
  if (carry) {
    // Passed on: what still decides a known rule (for a rule, the last disable or enable that
    // names it or names none; earlier ones are shadowed), and a disable-next-line on this
    // segment's last line, whose next line is the next segment's first. Read from the last:
    // what is carried stays as small as the rules, however many directives the file has.
    std::vector<Directive> next;
    std::set<std::string> decided;
    bool all_decided = false;
    for (std::size_t i = directives.size(); i-- > 0;) {
      Directive dir = directives[i];
      if (dir.kind == Directive::Kind::disable_next_line) {
        if (i < carried || line_end(src, dir.span.end() - 1) + 1 < src.size()) continue;
      } else if (all_decided) {
        continue;
      } else if (dir.rules.empty()) {
        all_decided = true;
      } else {
        std::vector<std::string> open;
        for (auto& r : dir.rules)
          if (known(r) && decided.insert(r).second) open.push_back(std::move(r));
        if (open.empty()) continue;
        dir.rules = std::move(open);
      }
      dir.span = Span{0, 0};
      dir.rule_spans.clear();
      next.push_back(std::move(dir));
    }
    std::reverse(next.begin(), next.end());
    *carry = std::move(next);
  }

  auto suppressed = [&](const Diagnostic& d) {
    bool off = false;
    for (std::size_t i = 0; i < directives.size(); ++i) {
      const auto& dir = directives[i];
      if (i < carried) {  // from the segments before: stands before this one
        if (!names(dir, d.rule)) continue;
        if (dir.kind != Directive::Kind::disable_next_line) off = dir.kind == Directive::Kind::disable;
        else if (d.span.offset <= line_end(src, 0)) return true;
        continue;
      }
      std::size_t start = dir.span.offset, end = dir.span.end();
      if (d.span.offset < end && d.span.end() > start) return true;  // inside the directive
      if (start > d.span.offset) break;
      if (!names(dir, d.rule)) continue;
      if (dir.kind == Directive::Kind::disable_next_line) {
        std::size_t eol = line_end(src, end - 1);  // the line the directive ends on
        if (eol >= src.size()) continue;
        std::size_t next_begin = eol + 1, next_end = line_end(src, next_begin);
        if (d.span.offset >= next_begin && d.span.offset <= next_end) return true;
      } else {
        off = dir.kind == Directive::Kind::disable;
      }
    }
    return off;
  };
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), suppressed), diagnostics.end());

  bool added = false;
  for (std::size_t k = carried; k < directives.size(); ++k) {
    const auto& dir = directives[k];
    for (std::size_t i = 0; i < dir.rules.size(); ++i) {
      if (known(dir.rules[i])) continue;
      Diagnostic w;
      w.rule = kUnknownSuppressionId;
      w.severity = Severity::warning;
      w.message = "Unknown rule '" + dir.rules[i] + "' in a wirelint suppression; it suppresses nothing.";
      w.span = dir.rule_spans[i];
      w.match = dir.rules[i];
      diagnostics.push_back(std::move(w));
      added = true;
    }
  }
  if (added)
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.span.offset < b.span.offset; });
}

std::string suppression_directive(InputFormat format, const std::string& rule) {
  if (format == InputFormat::markdown || is_markup(format)) return "<!-- wirelint-disable-next-line " + rule + " -->";
  return "#wirelint-disable-next-line " + rule;
}

}  // namespace wirelint::lint
