// Kinds "double-space", "space-before-punctuation" and "spaced-dash": whitespace around words
// and punctuation that re-keying and spinning leave in running text ("the  minister",
// "said , the", "Moscow - the capital", "Moscow -- the capital").
//
// All three read the text line by line, in one pass, because the trouble they must avoid is
// laid out in lines: wire copy indents paragraphs and aligns tables with runs of spaces, and
// hard-wrapped copy breaks lines anywhere. So:
//   - whitespace that starts a line is indentation, never a finding;
//   - a line holding a tab or a run of three or more spaces between its first and last
//     character is taken as a table row (columns aligned with spaces) and is skipped whole;
//   - both sides of a finding sit on the same line: what a line break separates is layout.
// Only the ASCII space counts as a space: a no-break space before ; : ? ! is French
// typography, and lines holding guillemets are French-style text, skipped too.
#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

#include <unicode/uchar.h>

#include <vector>

namespace wirelint::rules {
namespace {

using typography::decode_at;
using typography::previous_start;

// One line of the text, with its indentation and trailing blanks trimmed off.
struct Line {
  std::size_t begin = 0;    // first byte of the line
  std::size_t content = 0;  // first non-blank byte
  std::size_t end = 0;      // one past the last non-blank byte
  bool tabular = false;     // a table row, or French-style text: skipped
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Calls `f(Line)` for each non-blank line of `text`. A table's header and its short rows may
// align their columns with two spaces only, so a line next to a table row (the nearest
// non-blank line before or after it) counts as one too.
template <class F>
void for_each_line(std::string_view text, F&& f) {
  std::vector<Line> lines;
  std::vector<bool> own;  // tabular by its own content
  std::size_t b = 0;
  while (b <= text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    Line line;
    line.begin = b;
    std::size_t c = b, z = e;
    while (c < z && is_blank(text[c])) ++c;
    while (z > c && (is_blank(text[z - 1]) || text[z - 1] == '\r')) --z;
    line.content = c;
    line.end = z;
    std::string_view body = text.substr(c, z - c);
    line.tabular = body.find('\t') != std::string_view::npos ||
                   body.find("   ") != std::string_view::npos;
    own.push_back(line.tabular);
    // French-style text: its spacing is not English typography.
    line.tabular = line.tabular || body.find("\u00AB") != std::string_view::npos ||
                   body.find("\u00BB") != std::string_view::npos;
    if (c < z) lines.push_back(line);
    else own.pop_back();
    if (e == text.size()) break;
    b = e + 1;
  }
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if ((k > 0 && own[k - 1]) || (k + 1 < lines.size() && own[k + 1])) lines[k].tabular = true;
    f(lines[k]);
  }
}

bool is_letter(std::uint32_t c) { return c != 0 && u_isalpha(static_cast<UChar32>(c)); }
bool is_digit(std::uint32_t c) { return c >= '0' && c <= '9'; }
bool is_closing_quote(std::uint32_t c) { return c == '"' || c == 0x201D || c == 0x2019 || c == '\''; }
bool is_opening_quote(std::uint32_t c) { return c == '"' || c == 0x201C || c == 0x2018; }

// Code point before byte `i` within [lo, i), 0 at the edge.
std::uint32_t before(std::string_view text, std::size_t lo, std::size_t i) {
  if (i <= lo) return 0;
  return decode_at(text, previous_start(text, i), nullptr);
}
// Code point at byte `i` within [i, hi), 0 at the edge.
std::uint32_t at(std::string_view text, std::size_t i, std::size_t hi) {
  if (i >= hi) return 0;
  return decode_at(text, i, nullptr);
}

// Start of the non-blank run that ends at byte `i` (the word before a gap), not before `lo`.
std::size_t word_start(std::string_view text, std::size_t lo, std::size_t i) {
  while (i > lo && !is_blank(text[i - 1])) --i;
  return i;
}
// End of the non-blank run that starts at byte `i`, not beyond `hi`.
std::size_t word_end(std::string_view text, std::size_t i, std::size_t hi) {
  while (i < hi && !is_blank(text[i])) ++i;
  return i;
}

// ---------------------------------------------------------------------------------------------
// "double-space": two or more spaces between words inside a sentence. After a sentence's end
// (. ? ! : with any closing quote or bracket) two spaces are the typewriter convention, a house
// style, flagged only when `after_sentence_end` is true.

class DoubleSpaceRule : public Rule {
 public:
  DoubleSpaceRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    after_sentence_end_ = table.boolean("after_sentence_end").value_or(false);
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    std::string_view text = ctx.tokens.text();
    for_each_line(text, [&](const Line& line) {
      if (line.tabular) return;
      std::size_t last = 0;  // end of the previous finding
      for (std::size_t i = line.content; i < line.end; ++i) {
        if (text[i] != ' ' || text[i + 1] != ' ') continue;
        std::size_t s = i, e = i;
        while (e < line.end && text[e] == ' ') ++e;
        i = e;
        if (ends_sentence(text, line.content, s) ? !after_sentence_end_ : !inside(text, line, s, e))
          continue;
        std::size_t b = word_start(text, line.content, s), z = word_end(text, e, line.end);
        if (b < last) b = s;  // "a  b  c": findings must not overlap, or --fix drops one
        last = z;
        std::string repl(text.substr(b, s - b));
        repl += ' ';
        repl.append(text.substr(e, z - e));
        out.emit(b, z, format_message(text.substr(b, z - b), repl), {repl});
      }
    });
  }

 private:
  // A gap between two words of a sentence: a word (or a comma, semicolon, closing quote or
  // bracket after one) on the left, a word (or an opening quote or bracket before one) on the
  // right. Digits on either side are left alone: figures are where tables hide two-space gaps.
  static bool inside(std::string_view text, const Line& line, std::size_t s, std::size_t e) {
    std::size_t l = s;
    std::uint32_t left = before(text, line.content, l);
    if (left == ',' || left == ';' || left == ')' || is_closing_quote(left)) {
      l = previous_start(text, l);
      left = before(text, line.content, l);
    }
    std::uint32_t right = at(text, e, line.end);
    std::size_t len = 0;
    if (right == '(' || is_opening_quote(right)) {
      decode_at(text, e, &len);
      right = at(text, e + len, line.end);
    }
    return is_letter(left) && is_letter(right);
  }

  // The gap follows a sentence's end: . ? ! or :, perhaps with closing quotes or brackets.
  static bool ends_sentence(std::string_view text, std::size_t lo, std::size_t s) {
    std::size_t l = s;
    std::uint32_t c = before(text, lo, l);
    while (c == ')' || is_closing_quote(c)) {
      l = previous_start(text, l);
      c = before(text, lo, l);
    }
    return c == '.' || c == '?' || c == '!' || c == ':';
  }

  bool after_sentence_end_ = false;
};

// ---------------------------------------------------------------------------------------------
// "space-before-punctuation": a space between a word and the , . ; : ? ! or ) that follows it
// ("said , the"). Left alone: spaced ellipses (" ..."), decimals and names with a leading
// period (" .5", " .NET"), thousands (" ,000"), times and ratios ("2 : 1"), emoticons (" :)"),
// and gaps of three spaces or more (alignment).

class SpaceBeforePunctuationRule : public Rule {
 public:
  SpaceBeforePunctuationRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    auto marks = table.string("marks").value_or(",.;:?!)");
    for (char c : marks) {
      if (std::string_view(",.;:?!)]").find(c) == std::string_view::npos)
        table.fail("marks", std::string("not a mark this rule knows: '") + c + "'");
      marks_ += c;
    }
    if (marks_.empty()) table.fail("marks", "needs at least one mark");
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    std::string_view text = ctx.tokens.text();
    for_each_line(text, [&](const Line& line) {
      if (line.tabular) return;
      std::size_t last = 0;  // end of the previous finding
      for (std::size_t p = line.content + 1; p < line.end; ++p) {
        char m = text[p];
        if (text[p - 1] != ' ' || marks_.find(m) == std::string::npos) continue;
        std::size_t s = p;
        while (s > line.content && text[s - 1] == ' ') --s;
        if (s == line.content || p - s > 2) continue;
        std::uint32_t left = before(text, line.content, s);
        if (!(is_letter(left) || is_digit(left) || left == ')' || left == ']' || left == '%' ||
              is_closing_quote(left)))
          continue;
        std::uint32_t next = at(text, p + 1, line.end);
        std::uint32_t next2 = next ? at(text, p + 2, line.end) : 0;
        if (!judged(m, left, next, next2)) continue;
        std::size_t b = word_start(text, line.content, s);
        if (b < last) b = s;  // "(ICO ) .": findings must not overlap
        last = p + 1;
        std::string repl(text.substr(b, s - b));
        repl += m;
        out.emit(b, p + 1, format_message(text.substr(b, p + 1 - b), repl), {repl});
      }
    });
  }

 private:
  // Whether mark `m`, spaced from `left`, and followed by `next` then `next2` is the typo.
  static bool judged(char m, std::uint32_t left, std::uint32_t next, std::uint32_t next2) {
    bool ends = next == 0 || next == ' ' || next == ')' || next == ']' || is_closing_quote(next);
    switch (m) {
      case '.':
        // " ...", " . . .", " .5", " .NET", " .com"
        if (next == '.' || (next == ' ' && next2 == '.')) return false;
        return ends;
      case ',':
        return !is_digit(next);
      case ':':
      case ';':
        // "2 : 1", " :)", " ;-)"
        if (is_digit(left) && (is_digit(next) || (next == ' ' && is_digit(next2)))) return false;
        if (next == ')' || next == '(' || next == '-' || next == 'D' || next == 'P' || next == 'p')
          return false;
        return next == 0 || next == ' ' || is_closing_quote(next);
      case '?':
      case '!':
        return ends || next == '?' || next == '!';
      default:  // ) ]
        return true;
    }
  }

  std::string marks_;
};

// ---------------------------------------------------------------------------------------------
// "spaced-dash": a hyphen standing for a dash, spaced on both sides ("Moscow - the capital"),
// and a typed double hyphen ("Moscow -- the capital", "Moscow--the capital") → an em dash.
// Left alone: a hyphen or double hyphen that opens a line (a list bullet) or ends one (hard
// wrapping, or a dash introducing a table); figures on both sides ("1987 - 1988", a range or a
// sum, unless `range_dash` names the desk's range mark); a dash after a dateline ("LONDON,
// March 26 - "); a single hyphen after a label that opens the line ("X - 1986 rates", "Note -
// Earnings excluded ..."), or between capitalized words (a name's own separator); a double
// hyphen spaced on one side only ("--help"); runs of three hyphens or more (rules).

class SpacedDashRule : public Rule {
 public:
  SpacedDashRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    dash_ = table.string("dash").value_or("\u2014");
    if (dash_.empty()) table.fail("dash", "must not be empty");
    spaced_ = table.boolean("spaced").value_or(true);
    double_hyphen_ = table.boolean("double_hyphen").value_or(true);
    range_dash_ = table.string("range_dash").value_or("");
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    std::string_view text = ctx.tokens.text();
    for_each_line(text, [&](const Line& line) {
      if (line.tabular) return;
      std::size_t last = 0;  // end of the previous finding
      for (std::size_t p = line.content; p < line.end; ++p) {
        if (text[p] != '-') continue;
        std::size_t q = p;
        while (q < line.end && text[q] == '-') ++q;
        std::size_t n = q - p;
        if (n == 1 || (n == 2 && double_hyphen_)) judge(text, line, p, q, last, out);
        p = q - 1;
      }
    });
  }

 private:
  void judge(std::string_view text, const Line& line, std::size_t p, std::size_t q, std::size_t& last,
             Emitter& out) const {
    std::size_t s = p, e = q;
    while (s > line.content && text[s - 1] == ' ') --s;
    while (e < line.end && text[e] == ' ') ++e;
    bool spaced_left = s < p, spaced_right = e > q;
    if (s == line.content || e == line.end) return;  // a bullet, or a dash ending the line
    if (spaced_left != spaced_right) return;          // "--help", "-5", "Thomas- Greenfield"
    if (!spaced_left && q - p == 1) return;           // a hyphen in a compound
    if (p - s > 2 || e - q > 2) return;
    std::uint32_t left = before(text, line.content, s), right = at(text, e, line.end);
    if (!(is_letter(left) || is_digit(left) || left == ')' || left == '.' || left == ',' ||
          left == '%' || is_closing_quote(left)))
      return;
    if (!(is_letter(right) || is_digit(right) || right == '(' || right == '$' || is_opening_quote(right)))
      return;
    if (is_digit(left) && is_digit(right)) {
      // A range or a sum: judged only where the desk names a range dash ("1987–1988").
      if (range_dash_.empty() || q - p != 1) return;
      std::size_t b = word_start(text, line.content, s), z = word_end(text, e, line.end);
      if (b < last) b = s;
      last = z;
      std::string repl(text.substr(b, s - b));
      repl += range_dash_;
      repl.append(text.substr(e, z - e));
      out.emit(b, z, format_message(text.substr(b, z - b), repl), {repl});
      return;
    }
    // Capitals on both sides of a single hyphen: a name's own separator ("Landesbank
    // Schleswig-Holstein - Girozentrale", "CIR - Compagnie Industriali Riunite"), a slogan or
    // a listing ("Norwest Corp - Shelf offering"); too often not a dash to call it one.
    if (q - p == 1 && u_isupper(static_cast<UChar32>(right)) && capital_word(text, line.content, s))
      return;
    if (dateline(text.substr(line.content, s - line.content))) return;
    std::size_t b = word_start(text, line.content, s);
    if (b == line.content && label(text.substr(b, s - b), q - p == 1)) return;
    std::size_t z = word_end(text, e, line.end);
    if (b < last) b = s;  // "a - b - c": findings must not overlap
    last = z;
    std::string repl(text.substr(b, s - b));
    repl += spaced_ ? " " : "";
    repl += dash_;
    repl += spaced_ ? " " : "";
    repl.append(text.substr(e, z - e));
    out.emit(b, z, format_message(text.substr(b, z - b), repl), {repl});
  }

  // The word ending at byte `s` starts with a capital (after any quotes or brackets).
  static bool capital_word(std::string_view text, std::size_t lo, std::size_t s) {
    std::size_t b = word_start(text, lo, s);
    while (b < s && !is_letter(at(text, b, s))) {
      std::size_t len = 0;
      decode_at(text, b, &len);
      b += len;
    }
    return b < s && u_isupper(static_cast<UChar32>(at(text, b, s)));
  }

  // What precedes the dash on its line is a dateline ("LONDON, March 26", "NEW YORK, Jan 5"):
  // a place in capitals, a comma and a short date. The dash there is the desk's dateline
  // format, not a sentence's dash.
  static bool dateline(std::string_view head) {
    std::size_t k = 0;
    while (k < head.size() && ((head[k] >= 'A' && head[k] <= 'Z') || head[k] == ' ' || head[k] == '.' ||
                               head[k] == '-' || head[k] == '\''))
      ++k;
    if (k < 2 || k >= head.size() || head[k] != ',' || head.size() > 40) return false;
    for (char c : head.substr(k))
      if (c >= '0' && c <= '9') return true;
    return false;
  }

  // A line's first word that reads as a label or a legend key before a single hyphen: capitals,
  // figures and punctuation ("X", "NOTE", "1986/87"), or one capitalized word ("Note - Net
  // profits excluded ..."), as tables and results summaries write them. A typed double hyphen
  // after a label is a dash all the same.
  static bool label(std::string_view w, bool single) {
    if (!single || w.empty()) return false;
    if (w[0] >= 'A' && w[0] <= 'Z') return true;
    for (char c : w)
      if (c >= 'a' && c <= 'z') return false;
    return true;
  }

  std::string dash_;
  bool spaced_ = true;
  bool double_hyphen_ = true;
  std::string range_dash_;  // empty: figures on both sides are left alone
};

}  // namespace

std::unique_ptr<Rule> make_double_space_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<DoubleSpaceRule>(std::move(info), table);
}

std::unique_ptr<Rule> make_space_before_punctuation_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<SpaceBeforePunctuationRule>(std::move(info), table);
}

std::unique_ptr<Rule> make_spaced_dash_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<SpacedDashRule>(std::move(info), table);
}

}  // namespace wirelint::rules
