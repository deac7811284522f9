// Kind "pronoun-determiner": a subject pronoun where a determiner belongs ("they lawsuit", "he
// company said", "They debentures will be offered", "they traditional markets"), the damage a
// spinner's or translator's swapped word, or a slip of the keys, leaves before a noun phrase. A
// subject pronoun is never followed by a bare noun or adjective; it is by a verb ("they purchase",
// "he remains"), so the word after it must be one that is only ever a noun or an adjective:
// dictionaries/ngrams/nominal-forms.tsv (rows "!n" singular nouns and "!a" adjectives, generated
// from WordNet) or plural-forms.tsv (a plural that is no verb's third person; after a plural
// pronoun, any plural: "they shares" is no subject and verb either), read through the n-gram image.
// After a singular pronoun a noun that is a verb's base form too ("he budget", rows "!b") is no
// verb either, unless the pronoun follows an auxiliary (`inverted_after`: "did he plan", a
// question) or a word that asks for the subjunctive (`subjunctive_after`: "urged that he step
// down").
//
// Precision: a noun that news writes right after the pronoun is wording, not damage: the pair's
// strength in the n-gram table must be under `min_news_pair` (a pair seen once may be a slip the
// reference text itself holds). "we Americans" is capitalized and not judged; "they both" is no
// noun. `hedge_words` followed by "of" are adverbs ("we sort of see"). After `appositive_pronouns`
// the plural of a noun that names a person (rows "!h") is an apposition ("we farmers need rain");
// "we exports" is still reported.
#include "rules/kinds/case.h"
#include "rules/kinds/grammar/util.h"
#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"
#include "models/synonyms.h"

namespace wirelint::rules {
namespace {

using tokenize::CaseShape;

constexpr char kNounKey[] = "!n";
constexpr char kAdjectiveKey[] = "!a";
constexpr char kNounAndBaseKey[] = "!b";
constexpr char kPersonKey[] = "!h";
using grammar::kAlsoVerb;
using grammar::kPluralKey;
using grammar::singular_of;

class PronounDeterminerRule : public Rule {
 public:
  PronounDeterminerRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    for (const auto& [pronoun, determiner] : table.arrows("pronouns", "pronoun->determiner"))
      possessive_[models::lower(pronoun)] = models::lower(determiner);
    plural_ = typography::word_set(table, "plural_pronouns");
    hedges_ = typography::word_set(table, "hedge_words");
    appositive_ = typography::word_set(table, "appositive_pronouns");
    inverted_after_ = typography::word_set(table, "inverted_after");
    subjunctive_after_ = typography::word_set(table, "subjunctive_after");
    min_news_pair_ = static_cast<int>(table.integer("min_news_pair").value_or(1));
    if (min_news_pair_ < 1) table.fail("min_news_pair", "must be at least 1");
    auto among_pronouns = [&](const char* key, const std::unordered_set<std::string>& words) {
      for (const auto& p : words)
        if (!possessive_.count(p)) table.fail(key, "\"" + p + "\" is not one of pronouns");
    };
    among_pronouns("plural_pronouns", plural_);
    among_pronouns("appositive_pronouns", appositive_);
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.ngrams) return;
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
      if (!ts[i].is_word() || (ts[i].shape != CaseShape::lower && ts[i].shape != CaseShape::capitalized)) continue;
      std::string pronoun(ts.folded(i));
      auto poss = possessive_.find(pronoun);
      if (poss == possessive_.end()) continue;
      std::size_t n = i + 1;
      if (!ts[n].is_word() || ts[n].shape != CaseShape::lower || !ts[n].space_before || ts[n].sentence != ts[i].sentence)
        continue;
      std::string noun(ts.folded(n));
      bool plural = plural_.count(pronoun) > 0;
      if (!only_noun(ctx, noun, plural, appositive_.count(pronoun) > 0) && (plural || !base_form_free(ctx, i, noun)))
        continue;
      if (ctx.ngrams->folded_pair_strength(pronoun, noun) >= min_news_pair_) continue;
      if (hedges_.count(noun) && n + 1 < ts.size() && ts.folded(n + 1) == "of") continue;
      // A word glued on by a hyphen or an apostrophe is another word ("they cocoa-growing").
      if (grammar::glued_on(ts, n + 1)) continue;
      std::size_t b = ts[i].begin, e = ts[n].end;
      // The determiner in the pronoun's case, the space and the noun as written.
      std::string rest(ts.text().substr(ts[i].end, e - ts[i].end));
      std::string as_possessive = match_case(ts.surface(i), poss->second) + rest;
      std::string as_article = match_case(ts.surface(i), "the") + rest;
      out.emit(b, e, format_message(ts.text().substr(b, e - b), as_possessive), {as_possessive, as_article});
    }
  }

 private:
  // Whether `w` is only ever a noun or an adjective: a singular noun or adjective form, or a
  // plural that no verb's third person explains (any plural after a plural pronoun); after an
  // appositive pronoun not the plural of a person noun ("we farmers").
  static bool only_noun(const LintContext& ctx, const std::string& w, bool plural_pronoun, bool appositive) {
    if (ctx.ngrams->folded_pair_strength(kNounKey, w) > 0 || ctx.ngrams->folded_pair_strength(kAdjectiveKey, w) > 0)
      return true;
    int code = ctx.ngrams->folded_pair_strength(kPluralKey, w);
    if (code == 0 || (!plural_pronoun && code >= kAlsoVerb)) return false;
    return !appositive || ctx.ngrams->folded_pair_strength(kPersonKey, singular_of(w, code)) == 0;
  }

  // Whether the noun `w` after the singular pronoun at token `i` is no verb either: a noun and
  // base form ("he budget") where neither a question's auxiliary nor a subjunctive comes before.
  bool base_form_free(const LintContext& ctx, std::size_t i, const std::string& w) const {
    if (ctx.ngrams->folded_pair_strength(kNounAndBaseKey, w) == 0) return false;
    if (i == 0 || ctx.tokens[i - 1].sentence != ctx.tokens[i].sentence) return true;
    std::string before(ctx.tokens.folded(i - 1));
    return !inverted_after_.count(before) && !subjunctive_after_.count(before);
  }

  std::unordered_map<std::string, std::string> possessive_;
  std::unordered_set<std::string> plural_, hedges_, inverted_after_, subjunctive_after_, appositive_;
  int min_news_pair_ = 1;
};

}  // namespace

std::unique_ptr<Rule> make_pronoun_determiner_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<PronounDeterminerRule>(std::move(info), table);
}

}  // namespace wirelint::rules
