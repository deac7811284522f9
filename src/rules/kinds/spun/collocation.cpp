// Kind "collocation-model": a spun collocation found by what real news says, not by a list.
// Spinners swap one word of an ordinary collocation for a thesaurus synonym ("accrued raise"
// for accrued interest, "moneymaking paper" for commercial paper). The signal that generalizes:
// the pair in the text is unseen in the reference n-gram table (dictionaries/ngrams/news.tsv),
// the swapped word is itself rare in news, and a thesaurus links it to a word that forms a
// frequent pair with its neighbour (dictionaries/ngrams/collocation-synonyms.tsv, read from the
// word in the text to the frequent word it may stand for). The frequent pair is the fix.
//
// Two adjacent lower-case words of a sentence, both content words (not `function_words`), with
// only a space or a line break between them, form a candidate pair; a word joined by a hyphen is
// part of a compound and not judged. Thresholds are strengths of the table (1 + log2 of the
// count in the derivation half of the corpora): the original pair at least
// `min_original_strength`, the swapped word at most `max_spun_word_strength`, the first word at
// most `max_context_strength` (a word as common as "new" or "last" makes no collocation of its
// own), the thesaurus link at least `min_relation`. `skip_heads` lists words after which a pair
// is a clause, not a collocation ("analysts said").
#include <algorithm>

#include "models/synonyms.h"
#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

using tokenize::CaseShape;

struct Candidate {
  int strength = 0;
  std::string text;
};

class CollocationModelRule : public Rule {
 public:
  CollocationModelRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    function_words_ = typography::word_set(table, "function_words");
    skip_heads_ = typography::word_set(table, "skip_heads");
    auto strength = [&](const char* key, int def) {
      auto v = table.integer(key);
      if (v && (*v < 0 || *v > 9)) table.fail(key, "must be a strength from 0 to 9");
      return v ? static_cast<int>(*v) : def;
    };
    min_original_ = strength("min_original_strength", 4);
    max_spun_ = strength("max_spun_word_strength", 1);
    max_context_ = strength("max_context_strength", 8);
    min_relation_ = strength("min_relation", 1);
    if (min_original_ < 1) table.fail("min_original_strength", "must be at least 1: an unseen pair is no original");
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.ngrams || !ctx.collocation_synonyms) return;
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
      std::size_t j = i + 1;
      if (!plain_word(ts, i) || !plain_word(ts, j) || !ts[j].space_before || ts[j].paragraph_before ||
          ts[j].sentence != ts[i].sentence)
        continue;
      // A hyphen on either side makes a compound ("long-term debt"): not judged.
      if (i > 0 && !ts[i].space_before && typography::is_punct(ts, i - 1, "-")) continue;
      if (j + 1 < ts.size() && !ts[j + 1].space_before && typography::is_punct(ts, j + 1, "-")) continue;
      std::string a(ts.folded(i)), b(ts.folded(j));
      if (function_words_.count(a) || function_words_.count(b) || skip_heads_.count(b)) continue;
      if (ctx.ngrams->pair_strength(a, b) > 0) continue;  // wording in use
      if (unigram(ctx, a) > max_context_) continue;
      Candidate best;
      consider(ctx, b, a, true, best);   // the head swapped: "accrued raise"
      consider(ctx, a, b, false, best);  // the modifier swapped: "moneymaking paper"
      if (best.strength == 0) continue;
      std::size_t begin = ts[i].begin, end = ts[j].end;
      out.emit(begin, end, format_message(ts.text().substr(begin, end - begin), best.text), {best.text});
      i = j;
    }
  }

 private:
  static bool plain_word(const tokenize::TokenStream& ts, std::size_t t) {
    if (!ts[t].is_word() || ts[t].shape != CaseShape::lower) return false;
    auto w = ts.folded(t);
    return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }

  static int unigram(const LintContext& ctx, const std::string& w) { return ctx.ngrams->pair_strength("#", w); }

  static bool plural(const std::string& w) { return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's'; }

  // The frequent word `o` in the number of the word it replaced: a plural head stays plural.
  static std::string inflect(const std::string& o, const std::string& like) {
    if (!plural(like) || plural(o)) return o;
    if (o.size() > 1 && o.back() == 'y') return o.substr(0, o.size() - 1) + "ies";
    return o + "s";
  }

  // The best original for the pair with `word` swapped (`head`: the pair's second word), its
  // `other` word kept.
  void consider(const LintContext& ctx, const std::string& word, const std::string& other, bool head,
                Candidate& best) const {
    if (unigram(ctx, word) > max_spun_) return;
    for (const auto& base : models::base_forms(word)) {
      for (const auto& [o, rel] : ctx.collocation_synonyms->synonyms(base)) {
        if (rel.strength < min_relation_) continue;
        std::string original = head ? inflect(o, word) : o;
        if (original == word || models::same_word(original, word) || function_words_.count(original)) continue;
        if (original.size() >= 5 && word.size() >= 5 && original.compare(0, 5, word, 0, 5) == 0) continue;
        int s = head ? ctx.ngrams->pair_strength(other, original) : ctx.ngrams->pair_strength(original, other);
        if (s < min_original_ || unigram(ctx, original) <= unigram(ctx, word)) continue;
        std::string text = head ? other + " " + original : original + " " + other;
        if (s > best.strength || (s == best.strength && text < best.text)) best = Candidate{s, text};
      }
    }
  }

  std::unordered_set<std::string> function_words_, skip_heads_;
  int min_original_ = 4, max_spun_ = 1, max_context_ = 8, min_relation_ = 1;
};

}  // namespace

std::unique_ptr<Rule> make_collocation_model_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<CollocationModelRule>(std::move(info), table);
}

}  // namespace wirelint::rules
