// Kind "quote-direction": curly double quotation marks turned the wrong way or spaced on the
// wrong side (`said,” The …”` for `said, “The …”`, `a” little number”`), as spinning and
// re-keying leave them.
//
// A mark's own shape cannot tell: the spun `said,” The` looks like a perfect closing mark. The
// pairing can. Within a paragraph the marks must pair like brackets (nested quotations pair
// too), and the rule turns the fewest marks that make them pair (see judge()); where the
// pairing leaves a doubt — a quotation running on into the next paragraph, a mark lost — it
// turns nothing. Single marks (nested quotations in English, apostrophes) are left alone, and
// so is a closing double mark in an apostrophe's place (`don”t`, `Iran”s`).
// Straight marks (") are out of scope for direction but still take part in the pairing, as
// marks of either direction; so does a closing mark after a digit (an inch sign, 55” screens).
// Once a mark's role is known, its spacing is checked too: no space inside the quotation,
// a space outside it before a word.
//
// A paragraph ends at a blank line, at an indented line, and at a line break after a line of
// `paragraph_line_length` bytes or more: shorter lines may be hard-wrapped prose whose
// quotations run across the break.
#include <unicode/uchar.h>

#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

constexpr std::string_view kOpen = "\u201C", kClose = "\u201D";

enum class Mark : std::uint8_t { open, close, either };
enum class Role : std::uint8_t { none, open, close };

struct Quote {
  std::size_t begin = 0;  // bytes; every mark here is 1 or 3 bytes
  std::size_t end = 0;
  Mark mark = Mark::either;
  bool curly = true;   // judged; straight marks and inch signs only take part in the pairing
  bool inch = false;
  // Context on the same line, after skipping spaces and tabs.
  std::size_t ws_before = 0, ws_after = 0;  // bytes of blank before and after the mark
  std::uint32_t prev = 0, next = 0;         // code points beyond the blanks; 0 = line edge
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_line_break(char c) { return c == '\n' || c == '\r'; }

bool is_letter_or_digit(std::uint32_t c) { return c != 0 && u_isalnum(static_cast<UChar32>(c)); }

// Characters after which an opening mark needs no space.
bool is_opener(std::uint32_t c) {
  switch (c) {
    case '(': case '[': case '{': case '-': case '/': case '"': case '\'':
    case 0x2014: case 0x2013: case 0x201C: case 0x2018: case 0x00AB:  // — – “ ‘ «
      return true;
    default:
      return false;
  }
}

// Characters that may follow a closing mark with no space.
bool is_closing_punct(std::uint32_t c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '}':
    case '-': case 0x2014: case 0x2013: case 0x2019: case 0x2026:  // — – ’ …
      return true;
    default:
      return false;
  }
}

class QuoteDirectionRule : public Rule {
 public:
  QuoteDirectionRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    auto n = table.integer("paragraph_line_length").value_or(100);
    if (n < 1) table.fail("paragraph_line_length", "must be positive");
    paragraph_line_length_ = static_cast<std::size_t>(n);
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    std::string_view text = ctx.tokens.text();
    std::vector<Quote> para;
    std::size_t line_start = 0;
    bool line_blank = true, any_curly = false;
    auto flush = [&] {
      if (any_curly) judge(text, para, out);
      para.clear();
      any_curly = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (is_line_break(c)) {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        bool long_line = i - line_start >= paragraph_line_length_;
        std::size_t next = i + 1;
        bool indented = next < text.size() && is_blank(text[next]);
        if (line_blank || long_line || indented) flush();
        line_start = next;
        line_blank = true;
        continue;
      }
      if (!is_blank(c)) line_blank = false;
      Quote q;
      if (c == '"') {
        q.curly = false;
        q.end = i + 1;
      } else if (static_cast<unsigned char>(c) == 0xE2 && text.compare(i, 3, kOpen) == 0) {
        q.mark = Mark::open;
        q.end = i + 3;
      } else if (static_cast<unsigned char>(c) == 0xE2 && text.compare(i, 3, kClose) == 0) {
        q.mark = Mark::close;
        q.end = i + 3;
      } else {
        continue;
      }
      q.begin = i;
      context(text, q);
      if (apostrophe(text, q)) {
        i = q.end - 1;
        continue;
      }
      // 55” screens: an inch sign, not a quotation mark; it may stand for either in the pairing.
      if (q.mark == Mark::close && q.ws_before == 0 && q.prev >= '0' && q.prev <= '9') {
        q.mark = Mark::either;
        q.curly = false;
        q.inch = true;
      }
      any_curly |= q.curly;
      para.push_back(q);
      i = q.end - 1;
    }
    flush();
  }

 private:
  // `don”t`, `Indonesia”s`: an apostrophe typed as a double mark (a straight-quote converter
  // turned it), not a quotation mark. `“yes”to` is a mark with a space missing.
  static bool apostrophe(std::string_view text, const Quote& q) {
    if (q.mark != Mark::close || q.ws_before != 0 || q.ws_after != 0) return false;
    if (!u_isalpha(static_cast<UChar32>(q.prev))) return false;
    std::size_t e = q.end;
    while (e < text.size() && typography::is_ascii_alpha(text[e])) ++e;
    std::string suffix = models::lower(text.substr(q.end, e - q.end));
    if (e < text.size() && static_cast<unsigned char>(text[e]) >= 0x80) return false;
    return suffix == "s" || suffix == "t" || suffix == "re" || suffix == "ll" || suffix == "ve" ||
           suffix == "d" || suffix == "m";
  }

  static void context(std::string_view text, Quote& q) {
    std::size_t b = q.begin;
    while (b > 0 && is_blank(text[b - 1])) --b;
    q.ws_before = q.begin - b;
    if (b > 0 && !is_line_break(text[b - 1]))
      q.prev = typography::decode_at(text, typography::previous_start(text, b), nullptr);
    std::size_t e = q.end;
    while (e < text.size() && is_blank(text[e])) ++e;
    q.ws_after = e - q.end;
    if (e < text.size() && !is_line_break(text[e])) q.next = typography::decode_at(text, e, nullptr);
  }

  // Pairs the marks like brackets (a stack, so nested quotations pair too) and turns the fewest
  // marks that make the paragraph balance:
  //   - a closing mark with nothing open is taken as an opening one, but only if something
  //     later closes it (`said,” The … Iran.”`); otherwise it is a stray, left alone;
  //   - opening marks left unclosed at the end pair up among themselves, the second of each
  //     pair taken as closing, but only where it is spaced like one (`ready,“ he said`): an
  //     opening mark spaced as such means an earlier quotation lost its closing mark, and one at
  //     the end of the list is a quotation running on into the next paragraph.
  // Marks left unpaired get no role, so their spacing is not judged either.
  void judge(std::string_view text, const std::vector<Quote>& qs, Emitter& out) const {
    std::vector<Role> roles(qs.size(), Role::none);
    struct Open {
      std::size_t k;
      bool turned;  // a closing mark taken as opening
    };
    std::vector<Open> stack;
    for (std::size_t k = 0; k < qs.size(); ++k) {
      const Quote& q = qs[k];
      if (q.mark == Mark::either) {
        // Straight marks pair either way; an inch sign can only close what is open.
        if (!stack.empty()) {
          roles[stack.back().k] = Role::open;
          stack.pop_back();
        } else if (!q.inch) {
          stack.push_back(Open{k, false});
        }
        continue;
      }
      if (q.mark == Mark::open) {
        stack.push_back(Open{k, false});
      } else if (!stack.empty()) {
        roles[stack.back().k] = Role::open;
        roles[k] = Role::close;
        stack.pop_back();
      } else if (q.next != 0) {
        // A closing mark at the end of a line with nothing open ends a quotation that began
        // in an earlier paragraph, or lost its opening mark: nothing to turn.
        stack.push_back(Open{k, true});
      }
    }
    // Unclosed at the end: turned marks were strays after all.
    std::vector<std::size_t> left;
    for (const auto& o : stack)
      if (!o.turned) left.push_back(o.k);
    for (std::size_t m = 0; m < left.size(); ++m) {
      const Quote& q = qs[left[m]];
      if (m % 2 == 1 && q.curly && close_like(q)) {
        roles[left[m - 1]] = Role::open;
        roles[left[m]] = Role::close;
      }
    }
    for (std::size_t k = 0; k < qs.size(); ++k)
      if (qs[k].curly && roles[k] != Role::none) fix(text, qs[k], roles[k], out);
  }

  // An opening mark placed as a closing one: glued to what precedes it (not at a line start,
  // not after a bracket or dash), and followed by a space, punctuation or the line's end.
  static bool close_like(const Quote& q) {
    bool glued_before = q.ws_before == 0 && q.prev != 0 && !is_opener(q.prev);
    bool ends_after = q.next == 0 || q.ws_after > 0 || is_closing_punct(q.next);
    return glued_before && ends_after;
  }

  void fix(std::string_view text, const Quote& q, Role role, Emitter& out) const {
    // `“”`: a doubled mark, whose fix is a deletion that spacing cannot express.
    if ((q.ws_before == 0 && (q.prev == 0x201C || q.prev == 0x201D)) ||
        (q.ws_after == 0 && (q.next == 0x201C || q.next == 0x201D)))
      return;
    std::string_view before = text.substr(q.begin - q.ws_before, q.ws_before);
    std::string_view after = text.substr(q.end, q.ws_after);
    std::string want_before(before), want_after(after);
    // A space between a double and a single mark (`“ ‘A’`, `‘B,’ ”`) is house style for
    // legibility, not a misplaced space.
    if (role == Role::open) {
      if (q.prev != 0 && !is_opener(q.prev) && before.empty()) want_before = " ";
      if (q.next != 0 && q.next != 0x2018 && q.next != '\'') want_after.clear();
    } else {
      if (q.prev != 0 && q.prev != 0x2019 && q.prev != '\'') want_before.clear();
      if (after.empty() && (is_letter_or_digit(q.next) || q.next == 0x201C)) want_after = " ";
    }
    std::string repl = want_before;
    repl.append(role == Role::open ? kOpen : kClose);
    repl.append(want_after);
    std::size_t b = q.begin - q.ws_before, e = q.end + q.ws_after;
    std::string_view found = text.substr(b, e - b);
    if (found == repl) return;
    out.emit(b, e, format_message(found, repl), {repl});
  }

  std::size_t paragraph_line_length_ = 100;
};

}  // namespace

std::unique_ptr<Rule> make_quote_direction_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<QuoteDirectionRule>(std::move(info), table);
}

}  // namespace wirelint::rules
