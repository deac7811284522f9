// Kind "spaced-abbreviation": a dotted abbreviation keyed with spaces between its letters
// ("U. S." for "U.S."). Only abbreviations listed in the rule's `abbreviations` fire: a spaced
// pair of capitals is far more often a person's initials ("Daniel K. Inouye", "J. R. Smith"),
// which no list of abbreviations can tell apart by shape.
//
// ICU keeps letters joined by periods in one token ("U.S.A." is "U.S.A" + "."), and splits the
// spaced form into letters and periods ("U", ".", "S", "."), so a text's abbreviation is read
// as a chain of letter groups: the pieces of each word token, and the period after each.
#include <algorithm>
#include <unordered_map>

#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

using tokenize::TokenKind;

struct Abbreviation {
  std::string text;                // the closed-up form, as listed: "U.S."
  std::vector<std::string> parts;  // "U", "S"
};

// One letter group of the text.
struct Piece {
  std::string_view text;
  std::size_t begin = 0, end = 0;  // bytes
  std::size_t token = 0;           // word token it belongs to
  bool last_in_token = true;
  bool gap_before = false;  // whitespace between the previous period and this piece
  std::size_t period_end = 0;  // end of the period after it; 0 if none
};

class SpacedAbbreviationRule : public Rule {
 public:
  SpacedAbbreviationRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    line_ = table.line_of("abbreviations");
    auto list = table.strings("abbreviations");
    if (list.empty()) table.fail(table.line(), "a spaced-abbreviation rule needs 'abbreviations'");
    for (const auto& a : list) {
      Abbreviation ab;
      ab.text = a;
      std::string part;
      bool ok = !a.empty() && a.back() == '.';
      for (char c : a) {
        if (c == '.') {
          if (part.empty()) ok = false;
          ab.parts.push_back(part);
          part.clear();
        } else if (typography::is_ascii_alpha(c)) {
          part.push_back(c);
        } else {
          ok = false;
        }
      }
      if (!ok || ab.parts.size() < 2)
        table.fail("abbreviations", "\"" + a +
                                        "\" is not a dotted abbreviation of two or more letter groups "
                                        "(like \"U.S.\")");
      max_parts_ = std::max(max_parts_, ab.parts.size());
      by_first_[ab.parts.front()].push_back(abbreviations_.size());
      abbreviations_.push_back(std::move(ab));
    }
    // Longest first, so "U. S. A." is read as "U.S.A." rather than "U.S." and a stray "A.".
    for (auto& [first, ids] : by_first_) {
      (void)first;
      std::stable_sort(ids.begin(), ids.end(), [&](std::size_t x, std::size_t y) {
        return abbreviations_[x].parts.size() > abbreviations_[y].parts.size();
      });
    }
  }

  bool scans() const override { return true; }

  // Every listed abbreviation must fire when spaced ("U. S.") and stay clean when closed up.
  void derived_examples(std::vector<Example>& fire, std::vector<Example>& clean) const override {
    for (const auto& ab : abbreviations_) {
      std::string spaced;
      for (const auto& p : ab.parts) spaced += (spaced.empty() ? "" : " ") + p + ".";
      fire.push_back(Example{"They met in the " + spaced + " on Monday.", line_});
      clean.push_back(Example{"They met in the " + ab.text + " on Monday.", line_});
    }
  }

  void check(const LintContext& ctx, Emitter& out) const override {
    const auto& ts = ctx.tokens;
    std::vector<Piece> chain;
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (!ts[i].is_word()) continue;
      std::string_view w = ts.surface(i);
      std::string_view first = w.substr(0, w.find('.'));
      auto it = by_first_.find(std::string(first));
      if (it == by_first_.end()) continue;
      build_chain(ts, i, chain);
      for (std::size_t id : it->second) {
        const Abbreviation& ab = abbreviations_[id];
        std::size_t end = matches(ts, chain, ab);
        if (end == 0) continue;
        if (gaps(chain, ab.parts.size()) && !closed_prefix(ts, chain, it->second, ab.parts.size())) {
          std::size_t b = chain.front().begin;
          out.emit(b, end, format_message(ts.text().substr(b, end - b), ab.text), {ab.text});
          // Continue after the abbreviation, so its own letters are not read again.
          while (i + 1 < ts.size() && ts[i + 1].begin < end) ++i;
        }
        break;
      }
    }
  }

 private:
  // Collects up to max_parts_ letter groups starting at word token `i`.
  void build_chain(const tokenize::TokenStream& ts, std::size_t i, std::vector<Piece>& chain) const {
    chain.clear();
    std::size_t j = i;
    while (j < ts.size() && ts[j].is_word() && chain.size() < max_parts_) {
      std::string_view w = ts.surface(j);
      std::size_t start = 0;
      bool first_piece = true;
      while (true) {
        std::size_t dot = w.find('.', start);
        Piece p;
        p.text = w.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        p.begin = ts[j].begin + start;
        p.end = p.begin + p.text.size();
        p.token = j;
        p.gap_before = first_piece && j != i && ts[j].space_before;
        p.last_in_token = dot == std::string_view::npos;
        if (!p.last_in_token) p.period_end = p.end + 1;
        chain.push_back(p);
        first_piece = false;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
      }
      // The period ICU leaves outside the token, then the next letter group if one follows
      // on the same paragraph.
      if (!typography::is_punct(ts, j + 1, ".") || ts[j + 1].space_before) return;
      chain.back().period_end = ts[j + 1].end;
      std::size_t k = j + 2;
      if (k >= ts.size() || !ts[k].is_word() || ts[k].paragraph_before) return;
      j = k;
    }
  }

  static std::size_t gaps(const std::vector<Piece>& chain, std::size_t n) {
    std::size_t g = 0;
    for (std::size_t k = 1; k < n; ++k) g += chain[k].gap_before;
    return g;
  }

  // "U.S. A. Smith": a shorter listed abbreviation already written closed up at the start
  // means the spaced letter after it belongs to something else.
  bool closed_prefix(const tokenize::TokenStream& ts, const std::vector<Piece>& chain,
                     const std::vector<std::size_t>& candidates, std::size_t longer) const {
    for (std::size_t id : candidates) {
      const Abbreviation& ab = abbreviations_[id];
      if (ab.parts.size() < longer && matches(ts, chain, ab) && gaps(chain, ab.parts.size()) == 0)
        return true;
    }
    return false;
  }

  // End offset of `ab` read at the start of `chain`, or 0 when it does not match there.
  std::size_t matches(const tokenize::TokenStream& ts, const std::vector<Piece>& chain,
                      const Abbreviation& ab) const {
    std::size_t n = ab.parts.size();
    if (chain.size() < n) return 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (chain[k].text != ab.parts[k]) return 0;
      if (k + 1 < n && chain[k].period_end == 0) return 0;
    }
    const Piece& last = chain[n - 1];
    // An abbreviation ending inside a token ("U. S.A" read as "U.S.") is some other word.
    if (!last.last_in_token) return 0;
    if (last.period_end) return last.period_end;
    // Without its final period ("the U. S-led", "the U. S”") the letters must end there
    // (glued punctuation or the end of the text, not a following word), and every junction
    // must be spaced: "U.S. A-list" is "U.S." and a word.
    if (gaps(chain, n) != n - 1) return 0;
    std::size_t after = last.token + 1;
    if (after >= ts.size()) return last.end;
    if (ts[after].kind == TokenKind::punct && !ts[after].space_before) return last.end;
    return 0;
  }

  std::vector<Abbreviation> abbreviations_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_;
  std::size_t max_parts_ = 0;
  std::size_t line_ = 0;
};

}  // namespace

std::unique_ptr<Rule> make_spaced_abbreviation_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<SpacedAbbreviationRule>(std::move(info), table);
}

}  // namespace wirelint::rules
