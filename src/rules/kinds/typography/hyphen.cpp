// Kind "spaced-hyphen": a hyphen glued to one word and spaced from the next inside a compound
// or a name ("Thomas- Greenfield", "Thomas -Greenfield"), as re-keying and spinning leave it.
//
// Left alone: a dash spaced on both sides (punctuation, "Moscow - the capital"); a suspended
// hyphen before a conjunction ("pre- and post-war", "18- to 24-year-olds"; the words are the
// rule's `suspended_before` data); a hyphen before a line break (end-of-line hyphenation, which
// is the layout's business); doubled hyphens ("--", a typed dash); a spaced hyphen before a
// number ("-5", a minus sign) or before an acronym after an ordinary word ("Industriale -IRI").
#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

using tokenize::CaseShape;
using tokenize::TokenKind;

bool is_hyphen(std::string_view s) { return s == "-" || s == "\u2010"; }

class SpacedHyphenRule : public Rule {
 public:
  SpacedHyphenRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    suspended_before_ = typography::word_set(table, "suspended_before");
    affix_words_ = typography::word_set(table, "affix_words");
    name_prefixes_ = typography::word_set(table, "name_prefixes");
    if (suspended_before_.empty())
      table.fail(table.line(),
                 "a spaced-hyphen rule needs 'suspended_before' (the words after a suspended hyphen)");
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    const auto& ts = ctx.tokens;
    auto hyphen_at = [&](std::size_t k) {
      return ts[k].kind == TokenKind::punct && is_hyphen(ts.surface(k));
    };
    auto wordish = [&](std::size_t k) { return ts[k].kind != TokenKind::punct; };
    for (std::size_t h = 1; h + 1 < ts.size(); ++h) {
      if (!hyphen_at(h) || hyphen_at(h - 1) || hyphen_at(h + 1)) continue;
      const auto& hy = ts[h];
      const auto& next = ts[h + 1];
      if (!wordish(h + 1) || next.paragraph_before) continue;
      // The left word, or an abbreviation's closing period glued to it ("U.S.- Japan").
      std::size_t left = h - 1;
      if (typography::is_punct(ts, left, ".") && !ts[left].space_before && left > 0 && ts[left - 1].is_word())
        --left;
      if (!wordish(left) || hy.paragraph_before) continue;

      bool glued_left = !hy.space_before, glued_right = !next.space_before;
      if (glued_left == glued_right) continue;  // a compound, or a spaced dash
      if (glued_left) {
        // "Thomas- Greenfield"; a line break after the hyphen is hyphenation, not a typo.
        if (next.newline_before) continue;
        if (suspended_before_.count(std::string(ts.folded(h + 1)))) continue;
        // "ba- is the prefix for the people", "Le- is a singular noun prefix": an affix cited as
        // such, named by an affix word in the few words after it.
        if (cites_affix(ts, h + 1)) continue;
      } else {
        // "Thomas -Greenfield"
        if (hy.newline_before || !next.is_word()) continue;
        if (suspended_before_.count(std::string(ts.folded(left)))) continue;
        // "the Persian suffix -stan", "the possessive -ov": an affix cited as such.
        if (affix_words_.count(std::string(ts.folded(left))) && next.shape == CaseShape::lower) continue;
        // "Industriale -IRI": a dash introducing a short name, not a broken compound.
        if (next.shape == CaseShape::upper && ts[left].shape != CaseShape::upper) continue;
      }
      std::size_t b = ts[left].begin, e = next.end;
      std::string repl(ts.text().substr(b, ts[h - 1].end - b));
      repl.append(ts.surface(h));
      repl.append(ts.surface(h + 1));
      std::vector<std::string> fixes{repl};
      // A lower-case word before a name, not a prefix ("anti- American"): the hyphen may be a
      // dash that sets the name off ("percent of vote- John MAHAMA"); both readings are offered
      // and neither applied by --fix.
      if (ts[left].shape == CaseShape::lower && next.shape == CaseShape::capitalized &&
          !name_prefixes_.count(std::string(ts.folded(left)))) {
        std::string spaced(ts.text().substr(b, ts[h - 1].end - b));
        spaced.append(" ").append(ts.surface(h)).append(" ").append(ts.surface(h + 1));
        fixes.insert(fixes.begin(), std::move(spaced));
      }
      std::string message = format_message(ts.text().substr(b, e - b), fixes[0]);
      out.emit(b, e, std::move(message), std::move(fixes));
    }
  }

 private:
  // Whether the words from k on ("is the prefix", "is a singular noun prefix") say that the word
  // before the hyphen is an affix: "is" or "are", then an affix word within kAffixReach words, in
  // one sentence.
  bool cites_affix(const tokenize::TokenStream& ts, std::size_t k) const {
    if (affix_words_.empty() || (ts.folded(k) != "is" && ts.folded(k) != "are")) return false;
    for (std::size_t t = k + 1; t < ts.size() && t - k <= kAffixReach && ts[t].sentence == ts[k].sentence; ++t) {
      if (!ts[t].is_word()) return false;
      if (affix_words_.count(std::string(ts.folded(t)))) return true;
    }
    return false;
  }
  static constexpr std::size_t kAffixReach = 4;

  std::unordered_set<std::string> suspended_before_, affix_words_, name_prefixes_;
};

}  // namespace

std::unique_ptr<Rule> make_spaced_hyphen_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<SpacedHyphenRule>(std::move(info), table);
}

}  // namespace wirelint::rules
