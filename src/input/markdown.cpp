// Markdown masking: a same-length copy of the source in which markup, code and other non-prose
// bytes become spaces. This is deliberately not a full CommonMark parser: it only has to decide,
// for each byte, "prose or not", and when in doubt it leaves prose alone (a rule firing on a
// stray markup character is cheaper than a rule going silent on a whole paragraph).
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/reader.h"

namespace wirelint::input {
// Shared with the plain-text path; defined in reader.cpp.
namespace detail {
std::size_t url_end(std::string_view s, std::size_t i, std::size_t begin, std::size_t end);
void blank_range(std::string& out, std::size_t begin, std::size_t end);
}  // namespace detail

namespace {

constexpr std::size_t npos = std::string_view::npos;

// Bounds on how far a single construct may reach; real link texts, tags and link targets are
// far shorter. On top of these, each paragraph has a scanning budget (see `metered`), so a
// paragraph full of unmatched "[" or "<a x=\"" cannot make masking quadratic.
constexpr std::size_t kMaxBracketSpan = 1000;
constexpr std::size_t kMaxTagSpan = 2000;
constexpr std::size_t kMaxLinkTailSpan = 2000;
// Longer backtick runs are never code-span delimiters here, so each tracked length fails its
// search at most once per paragraph.
constexpr std::size_t kMaxTrackedTickRun = 32;
constexpr std::size_t kBudgetPerByte = 16;
constexpr std::size_t kBudgetBase = 8192;

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_ws(char c) { return is_space(c) || is_break(c) || c == '\f' || c == '\v'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
// Unlike strchr, never matches a NUL byte in the input.
bool one_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view prefix) {
  if (s.size() - std::min(i, s.size()) < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (lower(s[i + k]) != prefix[k]) return false;
  return true;
}

std::size_t find_ci(std::string_view s, std::size_t from, std::size_t to, std::string_view needle) {
  if (needle.empty() || to > s.size()) return npos;
  for (std::size_t i = from; i + needle.size() <= to; ++i)
    if (starts_with_ci(s, i, needle)) return i;
  return npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ws(s.back())) s.remove_suffix(1);
  return s;
}

// `date: 2024-04-25`, `date = "2024-04-25T10:00:00Z"` and similar. Only a top-level key counts
// (an indented `date:` belongs to some nested mapping).
std::optional<Date> parse_date_line(std::string_view line, char separator) {
  if (line.substr(0, 4) != "date") return std::nullopt;
  std::size_t i = 4;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i >= line.size() || line[i] != separator) return std::nullopt;
  ++i;
  while (i < line.size() && is_space(line[i])) ++i;
  char quote = 0;
  if (i < line.size() && (line[i] == '"' || line[i] == '\'')) quote = line[i++];
  if (line.size() - i < 10) return std::nullopt;
  auto date = Date::parse(line.substr(i, 10));
  if (!date) return std::nullopt;
  i += 10;
  if (i == line.size()) return quote ? std::nullopt : date;
  char next = line[i];
  if ((quote && next == quote) || next == 'T' || next == 't' || is_ws(next) ||
      (!quote && next == '#'))
    return date;
  return std::nullopt;
}

class Masker {
 public:
  Masker(std::string_view source, std::optional<Date>* date)
      : out_(source), date_(date) {}

  std::string run() {
    split_lines();
    std::size_t li = front_matter();
    block_pass(li);
    return std::move(out_);
  }

 private:
  struct Line {
    std::size_t begin, end;  // end excludes the line break
  };
  enum class State { normal, fence, indented, raw };

  void blank(std::size_t a, std::size_t b) { detail::blank_range(out_, a, b); }

  void split_lines() {
    std::size_t begin = 0;
    const std::size_t n = out_.size();
    for (std::size_t i = 0; i < n; ++i) {
      if (!is_break(out_[i])) continue;
      lines_.push_back({begin, i});
      if (out_[i] == '\r' && i + 1 < n && out_[i + 1] == '\n') ++i;
      begin = i + 1;
    }
    if (begin < n || lines_.empty()) lines_.push_back({begin, n});
  }

  std::string_view text(const Line& l) const {
    return std::string_view(out_).substr(l.begin, l.end - l.begin);
  }

  // Front matter is only recognised on the very first line (after a BOM). An opener with no
  // closing delimiter is not front matter: treating it as such would hide the whole story.
  std::size_t front_matter() {
    if (out_.size() >= 3 && std::memcmp(out_.data(), "\xEF\xBB\xBF", 3) == 0) blank(0, 3);
    std::string_view first = trim(text(lines_[0]));
    std::string_view closers[2];
    char separator;
    if (first == "---") {
      closers[0] = "---";
      closers[1] = "...";
      separator = ':';
    } else if (first == "+++") {
      closers[0] = closers[1] = "+++";
      separator = '=';
    } else {
      return 0;
    }
    std::size_t close = 0;
    for (std::size_t li = 1; li < lines_.size(); ++li) {
      std::string_view t = trim(text(lines_[li]));
      if (t == closers[0] || t == closers[1]) {
        close = li;
        break;
      }
    }
    if (close == 0 || !looks_like_key(close, separator)) return 0;
    for (std::size_t li = 1; li < close && date_ != nullptr; ++li) {
      std::string_view t = text(lines_[li]);
      while (!t.empty() && is_ws(t.back())) t.remove_suffix(1);
      if (auto d = parse_date_line(t, separator)) {
        *date_ = d;  // the first date key wins
        break;
      }
    }
    blank(lines_[0].begin, lines_[close].end);
    return close + 1;
  }

  // A story that opens with a "---" rule is not front matter: the first entry has to look like
  // a key ("title: ...", "date = ...").
  bool looks_like_key(std::size_t close, char separator) const {
    for (std::size_t li = 1; li < close; ++li) {
      std::string_view t = trim(text(lines_[li]));
      if (t.empty() || t[0] == '#') continue;
      std::size_t k = 0;
      while (k < t.size() && (is_alnum(t[k]) || t[k] == '_' || t[k] == '-' || t[k] == '"' ||
                              t[k] == '\'' || t[k] == '.'))
        ++k;
      while (k < t.size() && is_space(t[k])) ++k;
      return k > 0 && k < t.size() && (t[k] == separator || (separator == '=' && t[0] == '['));
    }
    return true;
  }

  // Position after any blockquote markers ("> > "), blanking the markers when asked.
  std::size_t skip_quote_markers(const Line& l, bool blank_markers) {
    std::size_t q = l.begin;
    while (true) {
      std::size_t s = q;
      for (int k = 0; k < 3 && s < l.end && out_[s] == ' '; ++k) ++s;
      if (s >= l.end || out_[s] != '>') return q;
      if (blank_markers) out_[s] = ' ';
      q = s + 1;
      if (q < l.end && is_space(out_[q])) ++q;
    }
  }

  std::size_t skip_spaces(std::size_t i, std::size_t end) const {
    while (i < end && is_space(out_[i])) ++i;
    return i;
  }

  static int columns(std::string_view s, std::size_t a, std::size_t b) {
    int col = 0;
    for (std::size_t i = a; i < b; ++i) col = s[i] == '\t' ? col + 4 - col % 4 : col + 1;
    return col;
  }

  std::size_t run_length(std::size_t i, std::size_t end, char c) const {
    std::size_t j = i;
    while (j < end && out_[j] == c) ++j;
    return j - i;
  }

  // ``` or ~~~ (three or more); a backtick fence's info string may not contain backticks,
  // otherwise the line is an inline code span.
  bool fence_opener(std::size_t p, std::size_t end, char& fence_char, std::size_t& fence_len) {
    if (p >= end || (out_[p] != '`' && out_[p] != '~')) return false;
    char c = out_[p];
    std::size_t n = run_length(p, end, c);
    if (n < 3) return false;
    if (c == '`' && std::string_view(out_).substr(p + n, end - p - n).find('`') != npos)
      return false;
    fence_char = c;
    fence_len = n;
    return true;
  }

  bool fence_closer(const Line& l) {
    std::size_t p = skip_spaces(skip_quote_markers(l, false), l.end);
    std::size_t n = run_length(p, l.end, fence_char_);
    return n >= fence_len_ && skip_spaces(p + n, l.end) == l.end;
  }

  // Raw HTML blocks whose content is never prose: comments, scripts, styles, preformatted text.
  bool raw_block_opener(std::size_t p, std::size_t end, std::string& terminator) {
    if (out_.compare(p, 4, "<!--") == 0) {
      terminator = "-->";
      return true;
    }
    static const char* const tags[] = {"script", "style", "pre", "textarea"};
    for (const char* tag : tags) {
      std::size_t len = std::strlen(tag);
      if (p + 1 + len > end || out_[p] != '<' || !starts_with_ci(out_, p + 1, tag)) continue;
      std::size_t after = p + 1 + len;
      if (after == end || is_space(out_[after]) || out_[after] == '>') {
        terminator = std::string("</") + tag + ">";
        return true;
      }
    }
    return false;
  }

  // Blanks from `from` up to the raw block's terminator if it is on this line, and lints the
  // remainder of the line as its own short paragraph. Returns false if the block goes on.
  bool close_raw(std::size_t from, const Line& l) {
    std::size_t t = find_ci(out_, from, l.end, terminator_);
    if (t == npos) {
      blank(from, l.end);
      return false;
    }
    std::size_t after = t + terminator_.size();
    blank(from, after);
    if (skip_spaces(after, l.end) < l.end) inline_range(after, l.end);
    return true;
  }

  bool thematic_break(std::size_t p, std::size_t end) const {
    char c = out_[p];
    if (c != '-' && c != '*' && c != '_') return false;
    int count = 0;
    for (std::size_t i = p; i < end; ++i) {
      if (out_[i] == c) {
        ++count;
      } else if (!is_space(out_[i])) {
        return false;
      }
    }
    return count >= 3;
  }

  bool setext_underline(std::size_t p, std::size_t end) const {
    char c = out_[p];
    if (c != '=' && c != '-') return false;
    std::size_t n = run_length(p, end, c);
    return skip_spaces(p + n, end) == end;
  }

  // Length of a list marker ("-", "*", "+", "1.", "12)") at p, including the space after it,
  // or 0. An ordered item other than "1." cannot interrupt a paragraph, so a sentence that
  // wraps onto a line starting "2024. " stays prose.
  std::size_t list_marker(std::size_t p, std::size_t end, bool in_paragraph) const {
    std::size_t m = p;
    if (out_[p] == '-' || out_[p] == '*' || out_[p] == '+') {
      m = p + 1;
    } else {
      while (m < end && m - p < 10 && is_digit(out_[m])) ++m;
      if (m == p || m - p > 9 || m >= end || (out_[m] != '.' && out_[m] != ')')) return 0;
      if (in_paragraph && !(m - p == 1 && out_[p] == '1')) return 0;
      ++m;
    }
    if (m == end) return m - p;
    if (!is_space(out_[m])) return 0;
    return m + 1 - p;
  }

  // "[label]: destination 'title'" (a link reference definition) on one line. Anything else
  // after the colon ("[Update]: The ministry said") makes it prose. Footnote definitions
  // ("[^1]:") carry prose and are handled by the caller.
  bool reference_definition(std::size_t p, std::size_t end) const {
    if (out_[p] != '[' || p + 1 >= end || out_[p + 1] == '^') return false;
    std::size_t i = p + 1;
    while (i < end && out_[i] != ']' && out_[i] != '[') i += out_[i] == '\\' ? 2 : 1;
    if (i >= end || out_[i] != ']' || i == p + 1) return false;
    if (i + 1 >= end || out_[i + 1] != ':') return false;
    std::size_t k = skip_spaces(i + 2, end);
    std::size_t dest = k;
    while (k < end && !is_space(out_[k])) ++k;
    if (k == dest) return false;
    k = skip_spaces(k, end);
    if (k == end) return true;
    char open = out_[k];
    if (open != '"' && open != '\'' && open != '(') return false;
    char close = open == '(' ? ')' : open;
    std::size_t t = std::string_view(out_).substr(0, end).find(close, k + 1);
    return t != npos && skip_spaces(t + 1, end) == end;
  }

  std::size_t footnote_definition(std::size_t p, std::size_t end) const {
    if (out_.compare(p, 2, "[^") != 0) return 0;
    std::size_t i = p + 2;
    while (i < end && out_[i] != ']' && !is_space(out_[i])) ++i;
    if (i >= end || out_[i] != ']' || i == p + 2 || i + 1 >= end || out_[i + 1] != ':') return 0;
    return i + 2 - p;
  }

  void atx_heading(std::size_t p, std::size_t hashes, const Line& l) {
    blank(p, p + hashes);
    std::size_t e = l.end;
    while (e > p + hashes && is_space(out_[e - 1])) --e;
    std::size_t h = e;
    while (h > p + hashes && out_[h - 1] == '#') --h;
    if (h < e && (h == p + hashes || is_space(out_[h - 1]))) blank(h, e);
    inline_range(p + hashes, l.end);
  }

  void block_pass(std::size_t first_line) {
    State state = State::normal;
    bool prev_blank = true;
    bool in_list = false;
    std::size_t para_begin = npos, para_end = 0;
    auto end_para = [&] {
      if (para_begin != npos) inline_range(para_begin, para_end);
      para_begin = npos;
    };
    auto add_to_para = [&](std::size_t from, const Line& l) {
      if (para_begin == npos) para_begin = from;
      para_end = l.end;
    };

    for (std::size_t li = first_line; li < lines_.size(); ++li) {
      const Line& l = lines_[li];
      if (state == State::fence) {
        bool closed = fence_closer(l);
        blank(l.begin, l.end);
        if (closed) {
          state = State::normal;
          prev_blank = true;
        }
        continue;
      }
      if (state == State::raw) {
        if (close_raw(l.begin, l)) {
          state = State::normal;
          prev_blank = false;
        }
        continue;
      }
      if (state == State::indented) {
        std::size_t c = skip_quote_markers(l, false);
        std::size_t p = skip_spaces(c, l.end);
        if (p == l.end) {
          prev_blank = true;
          continue;
        }
        if (columns(out_, c, p) >= 4) {
          blank(l.begin, l.end);
          prev_blank = false;
          continue;
        }
        state = State::normal;
      }

      std::size_t c = skip_quote_markers(l, true);
      std::size_t p = skip_spaces(c, l.end);
      if (p == l.end) {
        end_para();
        prev_blank = true;
        continue;
      }
      const int indent = columns(out_, c, p);
      const bool was_blank = prev_blank;
      prev_blank = false;

      if (indent >= 4 && was_blank && !in_list) {
        end_para();
        blank(l.begin, l.end);
        state = State::indented;
        continue;
      }
      if (indent < 4 || in_list) {
        if (fence_opener(p, l.end, fence_char_, fence_len_)) {
          end_para();
          blank(l.begin, l.end);
          state = State::fence;
          if (indent == 0) in_list = false;
          continue;
        }
      }
      if (indent < 4) {
        if (raw_block_opener(p, l.end, terminator_)) {
          end_para();
          std::size_t open_len = terminator_ == "-->" ? 4 : 1;
          blank(p, p + open_len);
          if (!close_raw(p + open_len, l)) state = State::raw;
          continue;
        }
        if (para_begin != npos && setext_underline(p, l.end)) {
          blank(p, l.end);
          end_para();
          continue;
        }
        if (thematic_break(p, l.end)) {
          end_para();
          blank(p, l.end);
          if (indent == 0) in_list = false;
          continue;
        }
        std::size_t hashes = run_length(p, l.end, '#');
        if (hashes >= 1 && hashes <= 6 && (p + hashes == l.end || is_space(out_[p + hashes]))) {
          end_para();
          atx_heading(p, hashes, l);
          in_list = false;
          continue;
        }
        if (para_begin == npos && reference_definition(p, l.end)) {
          blank(p, l.end);
          continue;
        }
        if (std::size_t fn = footnote_definition(p, l.end)) {
          end_para();
          blank(p, p + fn);
          add_to_para(p + fn, l);
          continue;
        }
      }
      if (indent < 4 || in_list) {
        if (std::size_t m = list_marker(p, l.end, para_begin != npos && !in_list)) {
          end_para();
          in_list = true;
          if (fence_opener(skip_spaces(p + m, l.end), l.end, fence_char_, fence_len_)) {
            blank(l.begin, l.end);
            state = State::fence;
            continue;
          }
          blank(p, p + m);
          add_to_para(p + m, l);
          continue;
        }
      }
      if (in_list && was_blank && indent == 0) in_list = false;
      if (out_[p] == '|') table_row(p, l.end);
      add_to_para(c, l);
    }
    end_para();
  }

  // Pipes of a table row, and a delimiter row ("|---|:--|") entirely.
  void table_row(std::size_t p, std::size_t end) {
    bool delimiter = true;
    for (std::size_t i = p; i < end; ++i)
      if (!one_of(out_[i], "|:- \t")) delimiter = false;
    if (delimiter) {
      blank(p, end);
      return;
    }
    for (std::size_t i = p; i < end; ++i) {
      if (out_[i] == '\\') {
        ++i;
      } else if (out_[i] == '|') {
        out_[i] = ' ';
      }
    }
  }

  // ---- inline constructs, within one paragraph [a, b) ----

  void inline_range(std::size_t a, std::size_t b) {
    range_begin_ = a;
    range_end_ = b;
    std::fill(std::begin(no_tick_close_), std::end(no_tick_close_), npos);
    no_comment_close_ = false;
    budget_ = kBudgetPerByte * (b - a) + kBudgetBase;
    std::size_t i = a;
    while (i < b) {
      switch (out_[i]) {
        case '\\': i = backslash(i); break;
        case '`': i = code_span(i); break;
        case '<': i = angle(i); break;
        case '!': i = out_.compare(i, 2, "![") == 0 ? image(i) : i + 1; break;
        case '[': i = link(i); break;
        case '*':
        case '_': i = emphasis(i); break;
        case '~': i = strikethrough(i); break;
        case 'h':
        case 'H':
        case 'w':
        case 'W': i = bare_url(i); break;
        default: ++i; break;
      }
    }
  }

  std::size_t backslash(std::size_t i) {
    std::size_t b = range_end_;
    if (i + 1 < b && (is_punct(out_[i + 1]) || is_break(out_[i + 1]))) {
      out_[i] = ' ';
      return is_break(out_[i + 1]) ? i + 1 : i + 2;
    }
    return i + 1;
  }

  // A backtick run opens a code span closed by the next run of exactly the same length; a
  // run without a partner is literal text.
  std::size_t code_span(std::size_t i) {
    std::size_t b = range_end_;
    std::size_t n = run_length(i, b, '`');
    if (n >= kMaxTrackedTickRun) return i + n;
    std::size_t slot = n;
    if (no_tick_close_[slot] != npos && no_tick_close_[slot] <= i) return i + n;
    std::size_t j = i + n;
    while (j < b) {
      if (out_[j] != '`') {
        ++j;
        continue;
      }
      std::size_t m = run_length(j, b, '`');
      if (m == n) {
        blank(i, j + m);
        return j + m;
      }
      j += m;
    }
    no_tick_close_[slot] = i;
    return i + n;
  }

  std::size_t angle(std::size_t i) {
    std::size_t b = range_end_;
    if (out_.compare(i, 4, "<!--") == 0) {
      if (no_comment_close_) return i + 4;
      std::size_t t = std::string_view(out_).substr(0, b).find("-->", i + 4);
      if (t == npos) {
        no_comment_close_ = true;
        return i + 4;
      }
      blank(i, t + 3);
      return t + 3;
    }
    std::size_t e = autolink(i);
    if (e == npos) e = html_tag(i);
    if (e == npos) return i + 1;
    blank(i, e);
    return e;
  }

  // Runs `scan(i, limit)`, where limit is how far it may look, and charges what it read to the
  // paragraph's budget; once the budget is spent, every further construct reads as literal.
  template <typename Scan>
  std::size_t metered(std::size_t i, std::size_t cap, Scan scan) {
    std::size_t limit = std::min(range_end_, i + std::min(cap, budget_));
    std::size_t r = scan(i, limit);
    std::size_t cost = (r == npos ? limit : std::min(r, limit)) - i;
    budget_ -= std::min(cost, budget_);
    return r;
  }
  std::size_t autolink(std::size_t i) {
    return metered(i, kMaxTagSpan,
                   [this](std::size_t s, std::size_t b) { return scan_autolink(s, b); });
  }
  std::size_t html_tag(std::size_t i) {
    return metered(i, kMaxTagSpan,
                   [this](std::size_t s, std::size_t b) { return scan_html_tag(s, b); });
  }
  std::size_t match_bracket(std::size_t i) {
    return metered(i, kMaxBracketSpan,
                   [this](std::size_t s, std::size_t b) { return scan_bracket(s, b); });
  }
  std::size_t link_tail(std::size_t i) {
    return metered(i, kMaxLinkTailSpan,
                   [this](std::size_t s, std::size_t b) { return scan_link_tail(s, b); });
  }
  std::size_t reference_label(std::size_t i) {
    return metered(i, kMaxBracketSpan,
                   [this](std::size_t s, std::size_t b) { return scan_reference_label(s, b); });
  }

  // <scheme:...> or <user@host>; returns the end (after '>') or npos.
  std::size_t scan_autolink(std::size_t i, std::size_t b) const {
    std::size_t j = i + 1;
    if (j < b && is_alpha(out_[j])) {
      std::size_t s = j + 1;
      while (s < b && s - j < 32 && (is_alnum(out_[s]) || out_[s] == '+' || out_[s] == '.' ||
                                     out_[s] == '-'))
        ++s;
      if (s < b && out_[s] == ':' && s - j >= 2) {
        std::size_t k = s + 1;
        while (k < b && out_[k] != '>' && out_[k] != '<' && !is_ws(out_[k]) &&
               static_cast<unsigned char>(out_[k]) >= 0x20)
          ++k;
        if (k < b && out_[k] == '>') return k + 1;
      }
    }
    std::size_t k = j;
    auto local_char = [](char c) {
      return is_alnum(c) || one_of(c, ".!#$%&'*+/=?^_`{|}~-");
    };
    while (k < b && local_char(out_[k])) ++k;
    if (k == j || k >= b || out_[k] != '@') return npos;
    std::size_t h = ++k;
    while (k < b && (is_alnum(out_[k]) || out_[k] == '.' || out_[k] == '-')) ++k;
    if (k == h || k >= b || out_[k] != '>') return npos;
    return k + 1;
  }

  // An HTML open tag, closing tag, declaration or processing instruction starting at i;
  // returns the end or npos. The text between tags is left alone: it is the prose. Script and
  // style elements are swallowed whole.
  std::size_t scan_html_tag(std::size_t i, const std::size_t b) const {
    std::size_t j = i + 1;
    if (j >= b) return npos;
    if (out_[j] == '?') {
      std::size_t t = std::string_view(out_).substr(0, b).find("?>", j + 1);
      return t == npos ? npos : t + 2;
    }
    if (out_[j] == '!' && j + 1 < b && is_alpha(out_[j + 1])) {
      std::size_t t = std::string_view(out_).substr(0, b).find('>', j + 1);
      return t == npos ? npos : t + 1;
    }
    bool closing = out_[j] == '/';
    if (closing) ++j;
    if (j >= b || !is_alpha(out_[j])) return npos;
    std::size_t name_begin = j;
    while (j < b && (is_alnum(out_[j]) || out_[j] == '-')) ++j;
    std::string_view name = std::string_view(out_).substr(name_begin, j - name_begin);
    auto skip_ws = [&](std::size_t k) {
      while (k < b && is_ws(out_[k])) ++k;
      return k;
    };
    if (closing) {
      j = skip_ws(j);
      return j < b && out_[j] == '>' ? j + 1 : npos;
    }
    while (true) {
      std::size_t k = skip_ws(j);
      if (k >= b) return npos;
      if (out_[k] == '>' || out_.compare(k, 2, "/>") == 0) {
        std::size_t end = out_[k] == '>' ? k + 1 : k + 2;
        bool self_closing = out_[k] == '/';
        if (!self_closing && (equals_ci(name, "script") || equals_ci(name, "style"))) {
          std::string close = "</" + lower_copy(name);
          std::size_t t = find_ci(out_, end, range_end_, close);
          if (t == npos) return range_end_;
          std::size_t gt = std::string_view(out_).substr(0, range_end_).find('>', t);
          return gt == npos ? range_end_ : gt + 1;
        }
        return end;
      }
      if (k == j) return npos;  // attributes must be separated by whitespace
      char c = out_[k];
      if (!(is_alpha(c) || c == '_' || c == ':')) return npos;
      while (k < b && (is_alnum(out_[k]) || one_of(out_[k], "_.:-"))) ++k;
      std::size_t v = skip_ws(k);
      if (v < b && out_[v] == '=') {
        v = skip_ws(v + 1);
        if (v >= b) return npos;
        if (out_[v] == '"' || out_[v] == '\'') {
          std::size_t q = std::string_view(out_).substr(0, b).find(out_[v], v + 1);
          if (q == npos) return npos;
          k = q + 1;
        } else {
          std::size_t s = v;
          while (v < b && !is_ws(out_[v]) && !one_of(out_[v], "\"'=<>`")) ++v;
          if (v == s) return npos;
          k = v;
        }
      }
      j = k;
    }
  }

  static bool equals_ci(std::string_view a, std::string_view lower_b) {
    if (a.size() != lower_b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (lower(a[i]) != lower_b[i]) return false;
    return true;
  }
  static std::string lower_copy(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = lower(c);
    return r;
  }

  // The ']' matching the '[' at i, or npos.
  std::size_t scan_bracket(std::size_t i, std::size_t b) const {
    int depth = 0;
    for (std::size_t j = i; j < b; ++j) {
      char c = out_[j];
      if (c == '\\') {
        ++j;
      } else if (c == '[') {
        ++depth;
      } else if (c == ']' && --depth == 0) {
        return j;
      }
    }
    return npos;
  }

  // The end (after ')') of an inline link tail "(destination "title")" starting at the '('
  // at i, or npos when the parenthesis is not a link tail (then it is prose).
  std::size_t scan_link_tail(std::size_t i, const std::size_t b) const {
    auto skip_ws = [&](std::size_t k) {
      bool seen_break = false;
      while (k < b && is_ws(out_[k])) {
        if (is_break(out_[k])) {
          if (seen_break) return b;  // a link tail never spans a blank line
          seen_break = true;
          if (out_[k] == '\r' && k + 1 < b && out_[k + 1] == '\n') ++k;
        }
        ++k;
      }
      return k;
    };
    std::size_t k = skip_ws(i + 1);
    if (k >= b) return npos;
    if (out_[k] == '<') {
      ++k;
      while (k < b && out_[k] != '>' && out_[k] != '<' && !is_break(out_[k]))
        k += out_[k] == '\\' ? 2 : 1;
      if (k >= b || out_[k] != '>') return npos;
      ++k;
    } else {
      int depth = 0;
      while (k < b && !is_ws(out_[k]) && static_cast<unsigned char>(out_[k]) >= 0x20) {
        char c = out_[k];
        if (c == '\\') {
          k += 2;
          continue;
        }
        if (c == '(') ++depth;
        if (c == ')') {
          if (depth == 0) break;
          --depth;
        }
        ++k;
      }
      if (k > b) return npos;
    }
    std::size_t before_title = k;
    k = skip_ws(k);
    if (k < b && k > before_title && (out_[k] == '"' || out_[k] == '\'' || out_[k] == '(')) {
      char close = out_[k] == '(' ? ')' : out_[k];
      ++k;
      while (k < b && out_[k] != close) k += out_[k] == '\\' ? 2 : 1;
      if (k >= b) return npos;
      k = skip_ws(k + 1);
    }
    if (k < b && out_[k] == ')') return k + 1;
    return npos;
  }

  // The end (after ']') of a reference label "[ref]" at i, or npos.
  std::size_t scan_reference_label(std::size_t i, std::size_t b) const {
    for (std::size_t j = i + 1; j < b; ++j) {
      if (out_[j] == '\\') {
        ++j;
      } else if (out_[j] == '[') {
        return npos;
      } else if (out_[j] == ']') {
        return j + 1;
      }
    }
    return npos;
  }

  std::size_t image(std::size_t i) {
    std::size_t close = match_bracket(i + 1);
    if (close == npos) return i + 1;
    std::size_t end = close + 1;
    if (end < range_end_ && out_[end] == '(') {
      std::size_t t = link_tail(end);
      if (t != npos) end = t;
    } else if (end < range_end_ && out_[end] == '[') {
      std::size_t t = reference_label(end);
      if (t != npos) end = t;
    }
    blank(i, end);
    return end;
  }

  // [text](target "title") and [text][ref]: the brackets and the target go, the text stays and
  // is scanned for further markup. A bare "[text]" is left alone: in wire copy square brackets
  // are mostly editorial insertions ("[the minister] said"), which are prose.
  std::size_t link(std::size_t i) {
    if (out_.compare(i, 2, "[^") == 0) {
      std::size_t t = reference_label(i);
      if (t != npos && std::string_view(out_).substr(i, t - i).find_first_of(" \t\r\n") == npos) {
        blank(i, t);
        return t;
      }
    }
    std::size_t close = match_bracket(i);
    if (close == npos || close + 1 >= range_end_) return i + 1;
    std::size_t end = npos;
    if (out_[close + 1] == '(') {
      end = link_tail(close + 1);
    } else if (out_[close + 1] == '[') {
      end = reference_label(close + 1);
    }
    if (end == npos) return i + 1;
    out_[i] = ' ';
    blank(close, end);
    return i + 1;
  }

  char before(std::size_t i) const { return i > range_begin_ ? out_[i - 1] : ' '; }
  char at(std::size_t i) const { return i < range_end_ ? out_[i] : ' '; }

  // CommonMark's flanking rules decide whether a run of * or _ can open or close emphasis;
  // such runs are blanked so "spy *agency*" reads as two words. A run that can do neither
  // ("5 * 3") is literal and stays. Unpaired runs are blanked too: cheaper than delimiter
  // matching, and a lone flanking asterisk is markup-like anyway.
  std::size_t emphasis(std::size_t i) {
    char c = out_[i];
    std::size_t n = run_length(i, range_end_, c);
    char prev = before(i), next = at(i + n);
    bool prev_ws = is_ws(prev), next_ws = is_ws(next);
    bool left = !next_ws && (!is_punct(next) || prev_ws || is_punct(prev));
    bool right = !prev_ws && (!is_punct(prev) || next_ws || is_punct(next));
    bool delimiter = c == '*' ? (left || right)
                              : ((left && (!right || is_punct(prev))) ||
                                 (right && (!left || is_punct(next))));
    if (delimiter) blank(i, i + n);
    return i + n;
  }

  std::size_t strikethrough(std::size_t i) {
    std::size_t n = run_length(i, range_end_, '~');
    if (n == 2 && (!is_ws(at(i + n)) || !is_ws(before(i)))) blank(i, i + n);
    return i + n;
  }

  std::size_t bare_url(std::size_t i) {
    std::size_t e = detail::url_end(out_, i, range_begin_, range_end_);
    if (e == npos) return i + 1;
    blank(i, e);
    return e;
  }

  std::string out_;
  std::optional<Date>* date_;
  std::vector<Line> lines_;
  char fence_char_ = '`';
  std::size_t fence_len_ = 3;
  std::string terminator_;
  std::size_t range_begin_ = 0, range_end_ = 0;
  std::size_t no_tick_close_[kMaxTrackedTickRun];
  bool no_comment_close_ = false;
  std::size_t budget_ = 0;
};

}  // namespace

std::string mask_markdown(std::string_view source, std::optional<Date>* date) {
  if (source.empty()) return std::string();
  return Masker(source, date).run();
}

}  // namespace wirelint::input
