// Kind "quote-punctuation": punctuation and spacing at double quotation marks in US wire style.
//
// Placement: a comma or period after a closing double mark goes inside it (AP: "The period and
// the comma always go within the quotation marks"): `called it "a disaster",` → `"a disaster,"`.
// A closing mark is recognised by its own shape, not by pairing: glued to a letter on its left
// and followed by the comma or period, a mark of either kind (straight or curly) can only close.
// Quotations that end in their own punctuation are judged too: `U.S.",` keeps the abbreviation's
// period and takes the comma inside; `go.",` loses the period; `why?",` loses the comma.
// Left alone: a digit before the mark (an inch sign, 55"), a period that is not followed by a
// space or the line's end (`".com`, `"...`), a comma before a digit.
//
// Spacing at straight marks (curly marks are judged by the quote-direction kind, which knows
// their direction): a straight mark cannot say whether it opens or closes, so the marks of a
// paragraph are paired in order, and only a paragraph with an even number of them whose spacing
// agrees with that pairing everywhere is judged. There, an opening mark glued to the word or
// comma before it (`said,"The`) and a closing mark glued to the word after it (`"Yes,"he said`)
// want a space, and a closing mark spaced from its quotation's last word with punctuation
// glued after it (`"a fair price ",`) loses the space. A paragraph ends at a blank line, an
// indented line, or a line break after a line of at least `paragraph_line_length` bytes
// (shorter lines may be hard-wrapped prose whose quotations run across the break).
#include <unicode/uchar.h>

#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

using typography::decode_at;
using typography::previous_start;

constexpr std::string_view kClose = "\u201D";

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_letter(std::uint32_t c) { return c != 0 && u_isalpha(static_cast<UChar32>(c)); }
bool is_digit(std::uint32_t c) { return c >= '0' && c <= '9'; }
bool is_alnum(std::uint32_t c) { return is_letter(c) || is_digit(c); }

// Code point just before byte `i` (0 at the text's start or after a blank or line break).
std::uint32_t glued_before(std::string_view text, std::size_t i) {
  if (i == 0 || is_blank(text[i - 1]) || is_break(text[i - 1])) return 0;
  return decode_at(text, previous_start(text, i), nullptr);
}
// Code point at byte `i` (0 at the text's end or at a blank or line break).
std::uint32_t glued_at(std::string_view text, std::size_t i) {
  if (i >= text.size() || is_blank(text[i]) || is_break(text[i])) return 0;
  return decode_at(text, i, nullptr);
}

std::size_t word_start(std::string_view text, std::size_t i) {
  while (i > 0 && !is_blank(text[i - 1]) && !is_break(text[i - 1])) --i;
  return i;
}
std::size_t word_end(std::string_view text, std::size_t i) {
  while (i < text.size() && !is_blank(text[i]) && !is_break(text[i])) ++i;
  return i;
}

struct Straight {
  std::size_t at = 0;  // byte offset of the mark
};

class QuotePunctuationRule : public Rule {
 public:
  QuotePunctuationRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    comma_ = table.boolean("comma_inside").value_or(true);
    period_ = table.boolean("period_inside").value_or(true);
    spacing_ = table.boolean("straight_spacing").value_or(true);
    // Which misplacements: "all"; "letter", a comma or period after a closing mark that follows
    // a letter (the US convention, `"price",` → `"price,"`); "doubled", punctuation doubled at
    // a closing mark (`go.",`, `Why?",`), wrong in every style. With "doubled" a space inside
    // the closing mark (`price ",`) is reported with both styles' forms.
    std::string placement = table.string("placement").value_or("all");
    if (placement == "all") {
      letters_ = doubled_ = true;
    } else if (placement == "letter") {
      letters_ = true;
    } else if (placement == "doubled") {
      doubled_ = true;
    } else {
      table.fail("placement", "expected all, letter or doubled");
    }
    auto n = table.integer("paragraph_line_length").value_or(100);
    if (n < 1) table.fail("paragraph_line_length", "must be positive");
    paragraph_line_length_ = static_cast<std::size_t>(n);
    if (!comma_ && !period_ && !spacing_)
      table.fail(table.line(), "comma_inside, period_inside and straight_spacing are all off: the rule can never match");
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    std::string_view text = ctx.tokens.text();
    std::vector<Straight> para;
    std::size_t line_start = 0;
    bool line_blank = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (is_break(c)) {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        std::size_t next = i + 1;
        bool indented = next < text.size() && is_blank(text[next]);
        if (line_blank || indented || i - line_start >= paragraph_line_length_) spacing(text, para, out);
        line_start = next;
        line_blank = true;
        continue;
      }
      if (!is_blank(c)) line_blank = false;
      std::size_t len = 0;
      if (c == '"') {
        len = 1;
        para.push_back(Straight{i});
      } else if (static_cast<unsigned char>(c) == 0xE2 && text.compare(i, 3, kClose) == 0) {
        len = 3;
      } else {
        continue;
      }
      placement(text, i, i + len, out);
      i += len - 1;
    }
    spacing(text, para, out);
  }

 private:
  // A comma or period after the closing mark at [q, qe).
  void placement(std::string_view text, std::size_t q, std::size_t qe, Emitter& out) const {
    if (qe >= text.size()) return;
    char m = text[qe];
    if (!((m == ',' && comma_) || (m == '.' && period_))) return;
    std::uint32_t after = glued_at(text, qe + 1);
    if (m == ',' && is_digit(after)) return;
    if (m == '.' && after != 0) return;
    std::uint32_t prev = glued_before(text, q);
    std::string_view mark = text.substr(q, qe - q);
    std::size_t b = word_start(text, q);
    std::string head(text.substr(b, q - b));
    std::vector<std::string> repl;
    if (is_letter(prev)) {
      if (!letters_) return;
      repl.push_back(head + m + std::string(mark));
    } else if (m == ',' && prev == '.' && single_letter_abbreviation(head)) {
      if (!letters_) return;                  // an abbreviation's period: placement, as after a letter
      repl.push_back(head + "," + std::string(mark));  // `U.S.",` → `U.S.,"`
    } else if (!doubled_) {
      return;
    } else if (m == ',' && (prev == '?' || prev == '!')) {
      repl.push_back(head + std::string(mark));  // `why?",` → `why?"`
    } else if (m == ',' && prev == '.') {
      std::string stem = head.substr(0, head.size() - 1);
      std::string keep = head + "," + std::string(mark), drop = stem + "," + std::string(mark);
      {
        repl.push_back(drop);                 // `go.",` → `go,"`
        if (!letters_) repl.push_back(stem + std::string(mark) + ",");  // logical style: `go",`
        repl.push_back(keep);                 // unless the period is an abbreviation's
      }
    } else {
      return;
    }
    std::size_t e = qe + 1;
    std::string message = format_message(text.substr(b, e - b), repl[0]);
    out.emit(b, e, std::move(message), std::move(repl));
  }

  // `U.S.`, `S.`, `p.m.`: the word ends in a one-letter segment and a period.
  static bool single_letter_abbreviation(std::string_view w) {
    if (w.size() < 2 || w.back() != '.') return false;
    char l = w[w.size() - 2];
    if (!typography::is_ascii_alpha(l)) return false;
    return w.size() == 2 || w[w.size() - 3] == '.' || !typography::is_ascii_alpha(w[w.size() - 3]);
  }

  // Characters after which an opening mark needs no space.
  static bool is_opener(std::uint32_t c) {
    return c == '(' || c == '[' || c == '-' || c == '/' || c == '\'' || c == 0x2014 || c == 0x2013 ||
           c == 0x2018;
  }

  void spacing(std::string_view text, std::vector<Straight>& para, Emitter& out) const {
    std::vector<Straight> marks;
    marks.swap(para);
    if (!spacing_ || marks.empty() || marks.size() % 2 != 0) return;
    // The pairing must agree with every mark's own spacing, or it is not trusted: an opening
    // mark has its quotation glued after it, a closing one has it glued before. A mark glued
    // on both sides is readable only with a comma or colon on its left (`said,"The` opens,
    // `Yes,"he` closes, as the pairing says).
    std::vector<bool> missing(marks.size(), false), inner_space(marks.size(), false);
    for (std::size_t k = 0; k < marks.size(); ++k) {
      std::uint32_t l = glued_before(text, marks[k].at), r = glued_at(text, marks[k].at + 1);
      bool open = k % 2 == 0;
      if (open) {
        if (r == 0 || r == ',' || r == '.' || r == ';' || r == ')') return;
        if (l != 0 && !is_opener(l)) {
          if (!(l == ',' || l == ':') || !is_alnum(r)) return;
          missing[k] = true;
        }
      } else {
        if (l == 0) {
          // `the word ",`: a space inside the quotation before its closing mark, readable only
          // where punctuation glued after the mark shows it closes.
          std::size_t w = marks[k].at;
          while (w > 0 && is_blank(text[w - 1])) --w;
          bool after_word = w > 0 && marks[k].at - w == 1 && !is_break(text[w - 1]) &&
                            is_alnum(decode_at(text, previous_start(text, w), nullptr));
          if (!after_word || !(r == ',' || r == '.' || r == ';' || r == ':' || r == '?' || r == '!'))
            return;
          inner_space[k] = true;
          continue;
        }
        if (is_opener(l)) return;
        if (r != 0 && (is_alnum(r) || r == '(' || r == 0x201C || r == 0x2018)) {
          if (!(l == ',' || l == '.' || l == '?' || l == '!') || !is_alnum(r)) return;
          missing[k] = true;
        }
      }
    }
    for (std::size_t k = 0; k < marks.size(); ++k) {
      if (inner_space[k]) {
        // `word ",` → `word,"` (or `word",` where the comma stays outside by configuration).
        std::size_t at = marks[k].at, sp = at - 1;
        std::size_t b = word_start(text, sp);
        char m = text[at + 1];
        std::string word(text.substr(b, sp - b));
        std::string inside = word + m + '"', outside = word + '"' + m;
        std::vector<std::string> repl;
        if (!letters_)
          repl = {outside, inside};  // no style chosen: both forms
        else if ((m == ',' && comma_) || (m == '.' && period_))
          repl = {inside};
        else
          repl = {outside};
        std::size_t e = at + 2;
        std::string message = format_message(text.substr(b, e - b), repl[0]);
        out.emit(b, e, std::move(message), std::move(repl));
        continue;
      }
      if (!missing[k]) continue;
      std::size_t at = marks[k].at;
      std::size_t b = word_start(text, at), e = word_end(text, at + 1);
      std::string repl(text.substr(b, at - b));
      repl += k % 2 == 0 ? " \"" : "\" ";
      repl.append(text.substr(at + 1, e - at - 1));
      out.emit(b, e, format_message(text.substr(b, e - b), repl), {repl});
    }
  }

  bool comma_ = true, period_ = true, spacing_ = true;
  bool letters_ = false, doubled_ = false;
  std::size_t paragraph_line_length_ = 100;
};

}  // namespace

std::unique_ptr<Rule> make_quote_punctuation_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<QuotePunctuationRule>(std::move(info), table);
}

}  // namespace wirelint::rules
