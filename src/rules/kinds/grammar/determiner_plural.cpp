// Kind "determiner-plural": a noun pluralized after a determiner of one ("a surpluses of 1.2
// billion", "an ounces", "every months"), the damage a spinner's or translator's swapped word
// leaves when it keeps the article. The plural forms are data: dictionaries/ngrams/plural-forms.tsv
// (words that are only ever a noun's regular plural, generated from WordNet), read through the
// n-gram image as ("!p", word) with the way back to the singular as its strength.
//
// Precision: an attributive plural is grammatical ("a sales tax", "an arms embargo", "a jobs
// report"), so the noun phrase must end at the plural: punctuation, the end of the text, or one
// of the rule's `following_words` ("a surpluses of", "a months ,") or a word that is only ever a
// verb form ("a moves triggered by"; `verb_forms_end`). Before another word the
// plural is reported only when news writes the singular with that word (at least
// `min_singular_pair` in the n-gram table) and never the plural ("a banks loan"). A comma
// followed by another plural and a comma or conjunction is a list of attributive plurals ("a
// paints, resins and coatings maker"); a hyphen or an apostrophe after the plural makes a compound or a possessive ("a
// jobs-related", "a farmers' group"). `pronoun_determiners` are pronouns too: before a word
// that is also a verb's third person they are its subject ("another opens", "each says"),
// unless "of" follows ("each shares of Bell's stock").
#include "rules/kinds/grammar/util.h"
#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"
#include "models/synonyms.h"

namespace wirelint::rules {
namespace {

using tokenize::CaseShape;
using grammar::kAlsoVerb;
using grammar::kPluralKey;
using grammar::singular_of;

class DeterminerPluralRule : public Rule {
 public:
  DeterminerPluralRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    determiners_ = typography::word_set(table, "determiners");
    pronouns_ = typography::word_set(table, "pronoun_determiners");
    following_ = typography::word_set(table, "following_words");
    min_singular_pair_ = static_cast<int>(table.integer("min_singular_pair").value_or(0));
    verb_forms_end_ = table.boolean("verb_forms_end").value_or(false);
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.ngrams) return;
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
      if (!ts[i].is_word()) continue;
      std::string det(ts.folded(i));
      bool pronoun = pronouns_.count(det) > 0;
      if (!pronoun && !determiners_.count(det)) continue;
      // A capital only where a sentence opens ("Class A shares" is a name).
      if (ts[i].shape != CaseShape::lower && !(ts[i].shape == CaseShape::capitalized && ts[i].sentence_start)) continue;
      std::size_t n = i + 1;
      if (!ts[n].is_word() || ts[n].shape != CaseShape::lower || !ts[n].space_before || ts[n].sentence != ts[i].sentence)
        continue;
      std::string plural(ts.folded(n));
      int code = ctx.ngrams->folded_pair_strength(kPluralKey, plural);
      if (code == 0) continue;
      // "each shares of" is a noun phrase; "each says", "another opens" a subject and its verb.
      if (pronoun && code >= kAlsoVerb && !(n + 1 < ts.size() && ts.folded(n + 1) == "of")) continue;
      std::string singular = singular_of(plural, code);
      if (singular.empty() || !ends_phrase(ctx, n, plural, singular)) continue;
      std::size_t b = ts[i].begin, e = ts[n].end;
      // The determiner and the space after it as written; the noun in the singular.
      std::string fixed = std::string(ts.text().substr(b, ts[n].begin - b)) + singular;
      out.emit(b, e, format_message(ts.text().substr(b, e - b), fixed), {fixed});
    }
  }

 private:
  // Whether the noun phrase ends at the plural (token n), as above.
  bool ends_phrase(const LintContext& ctx, std::size_t n, const std::string& plural, const std::string& singular) const {
    const auto& ts = ctx.tokens;
    std::size_t j = n + 1;
    if (j >= ts.size() || ts[j].sentence != ts[n].sentence) return true;
    if (!ts[j].is_word() && ts[j].kind != tokenize::TokenKind::number) {
      std::string_view p = ts.surface(j);
      if (grammar::glued_on(ts, j)) return false;
      // A list of plurals: a comma, a plural, and a comma or a conjunction after it.
      if (p == "," && j + 2 < ts.size() && ts[j + 1].is_word() &&
          ctx.ngrams->folded_pair_strength(kPluralKey, ts.folded(j + 1)) > 0 &&
          (ts.surface(j + 2) == "," || ts.folded(j + 2) == "and" || ts.folded(j + 2) == "or"))
        return false;
      return true;
    }
    std::string next(ts.folded(j));
    if (ts[j].is_word() && ts[j].shape == CaseShape::lower &&
        (following_.count(next) || (verb_forms_end_ && verb_form(ctx, next))))
      return true;
    if (min_singular_pair_ <= 0 || !ts[j].is_word() || ts[j].shape != CaseShape::lower) return false;
    return ctx.ngrams->folded_pair_strength(singular, next) >= min_singular_pair_ &&
           ctx.ngrams->folded_pair_strength(plural, next) == 0;
  }

  std::unordered_set<std::string> determiners_, pronouns_, following_;
  int min_singular_pair_ = 0;
  bool verb_forms_end_ = false;
};

}  // namespace

std::unique_ptr<Rule> make_determiner_plural_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<DeterminerPluralRule>(std::move(info), table);
}

}  // namespace wirelint::rules
