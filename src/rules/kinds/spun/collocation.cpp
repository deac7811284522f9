// Kind "collocation-model": a spun collocation found by what real news says, not by a list.
// Spinners swap one word of an ordinary collocation for a thesaurus synonym ("luxuriousness
// market" for money market, "moneymaking paper" for commercial paper). The signal that
// generalizes: the pair in the text is unseen in the reference n-gram table
// (dictionaries/ngrams/news.tsv) while a thesaurus links one of its words
// (dictionaries/ngrams/collocation-synonyms.tsv, read from the word in the text to the frequent
// word it may stand for) to a word that forms a frequent pair with the other. The frequent pair
// is the fix.
//
// Two adjacent lower-case words of a sentence, both content words (not `function_words`), with
// only a space or a line break between them, form a candidate pair; a word joined by a hyphen is
// part of a compound and not judged; `skip_heads` lists second words that make a clause, not a
// collocation ("analysts said"). The best original (the strongest pair with its context) is
// scored by a sum of weights, one per feature value, that are data, learned (logistic regression)
// by tools/spin/train_collocation.py from spun and clean stories: the swapped word's and the kept
// word's frequency, the thesaurus link, the original pair's and trigram's strength, whether the
// story uses the original pair or the swapped word elsewhere, and what general English says of
// the written pair, the frequent pair and the swapped word (dictionaries/ngrams/general-pairs.tsv,
// from a language model of far more text than the news table: "brilliant future" is English,
// "archbishopric securities" is not). A score of `min_score` or more is reported. Strengths are
// 1 + log2 of a count in the derivation half of the corpora.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "models/synonyms.h"
#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

using tokenize::CaseShape;

// The features of one candidate original (see train_collocation.py, which computes the same).
struct Candidate {
  bool head = false;          // the pair's second word was swapped
  int word = 0, other = 0;    // unigram strengths of the swapped word and the kept one
  int relation = 0;           // thesaurus strength of the link
  int original = 0;           // strength of the frequent pair
  int trigram = 0;            // ... with the word before or after it
  int original_in_story = 0;  // the frequent pair used elsewhere in the story (0/1)
  int word_in_story = 0;      // other uses of the swapped word (0, 1, 2 = two or more)
  int share = 0;              // the kept word's strength less the frequent pair's (0 = always with it)
  int outer = 9;              // 4 + swapped word's pair with its other neighbour - the frequent word's (9: none)
  int general = 0;            // the written pair's strength in general English (0: the model lacks it)
  int general_original = 0;   // the frequent pair's
  int general_word = 0;       // the swapped word's unigram strength in general English (0: unknown there)
  std::string text;           // the frequent pair
  bool operator<(const Candidate& o) const {
    if (original + trigram != o.original + o.trigram) return original + trigram < o.original + o.trigram;
    if (relation != o.relation) return relation < o.relation;
    return text < o.text;
  }
};

class CollocationModelRule : public Rule {
 public:
  CollocationModelRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    function_words_ = typography::word_set(table, "function_words");
    skip_heads_ = typography::word_set(table, "skip_heads");
    // An integer option, `fallback` when absent; one outside [lo, hi] is an error saying `range`.
    auto option = [&](const char* key, int fallback, std::int64_t lo = INT64_MIN, std::int64_t hi = INT64_MAX,
                      const char* range = "") {
      auto v = table.integer(key);
      if (v && (*v < lo || *v > hi)) table.fail(key, range);
      return v ? static_cast<int>(*v) : fallback;
    };
    const char* strength_or_off = "must be a strength from 1 to 9, or 0 (off)";
    min_original_ = option("min_original_strength", 3, 1, 9, "must be a strength from 1 to 9");
    min_score_ = option("min_score", 0);
    max_modifier_word_ = option("max_modifier_word_strength", 9);
    side_head_ = option("side_head", 0);
    side_modifier_ = option("side_modifier", 0);
    anchored_strength_ = option("anchored_strength", 0);
    skip_verb_forms_ = option("skip_verb_forms", 0, 0, 2, "must be 0, 1 or 2");
    paraphrase_min_original_ = option("paraphrase_min_original", 0, 0, 9, strength_or_off);
    paraphrase_min_relation_ = option("paraphrase_min_relation", 1);
    paraphrase_max_phrase_ = option("paraphrase_max_phrase", 9);
    both_min_original_ = option("both_min_original", 0, 0, 9, strength_or_off);
    both_min_relation_ = option("both_min_relation", 1);
    both_max_word_ = option("both_max_word_strength", 9);
    both_max_general_ = option("both_max_general", 9, 0, 9, "must be a strength from 0 to 9");
    auto weights = [&](const char* key, std::size_t size, std::vector<int>& out) {
      auto w = table.integers(key);
      if (w.size() != size) table.fail(key, "needs " + std::to_string(size) + " weights, one per value");
      out.assign(w.begin(), w.end());
    };
    weights("word", 10, word_);
    weights("other", 10, other_);
    weights("relation", 10, relation_);
    weights("original", 10, original_w_);
    weights("trigram", 10, trigram_);
    weights("original_in_story", 2, original_in_story_);
    weights("word_in_story", 3, word_in_story_);
    // Later features: a rule file without them scores as before.
    auto optional = [&](const char* key, std::size_t size, std::vector<int>& out) {
      if (table.integers(key).empty()) out.assign(size, 0);
      else weights(key, size, out);
    };
    optional("share", 10, share_);
    optional("outer", 10, outer_);
    optional("general", 10, general_);
    optional("general_original", 10, general_original_);
    optional("general_word", 10, general_word_);
    // The both-words check's learned score (all of it or none): a bias and one array per feature.
    if (auto bias = table.integer("both_bias")) {
      both_learned_ = true;
      both_bias_ = static_cast<int>(*bias);
      for (std::size_t f = 0; f < kBothFeatures; ++f) weights(kBothKeys[f], 10, both_w_[f]);
      for (std::size_t f = 4; f < kBothFeatures; ++f) both_best_rest_ += *std::max_element(both_w_[f].begin(), both_w_[f].end());
    }
  }

  bool scans() const override { return true; }
  bool has_threshold() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.ngrams || !ctx.collocation_synonyms) return;
    const auto& ts = ctx.tokens;
    // The story-level features, by a scan of the story for each scored candidate (a few a
    // story): other uses of a word (at most `cap`), and whether two words stand together.
    auto uses = [&](std::string_view w, int cap) {
      int n = 0;
      for (std::size_t t = 0; t < ts.size() && n < cap; ++t) n += ts[t].is_word() && ts.folded(t) == w;
      return n;
    };
    auto together = [&](std::string_view first, std::string_view second) {
      for (std::size_t t = 0; t + 1 < ts.size(); ++t)
        if (ts[t].is_word() && ts[t + 1].is_word() && ts.folded(t) == first && ts.folded(t + 1) == second) return true;
      return false;
    };
    // Paraphrases first: three words of which two stand for one word of a frequent pair; the
    // pairs inside a reported one are not judged again.
    std::vector<std::pair<std::size_t, std::size_t>> paraphrases;  // first and last token
    if (paraphrase_min_original_ > 0) check_paraphrases(ctx, out, paraphrases);
    std::size_t next_paraphrase = 0;
    for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
      std::size_t j = i + 1;
      while (next_paraphrase < paraphrases.size() && paraphrases[next_paraphrase].second < i) ++next_paraphrase;
      if (next_paraphrase < paraphrases.size() && paraphrases[next_paraphrase].first <= j) continue;
      std::string a, b;
      if (!judged_pair(ctx, i, a, b)) continue;
      if (seen(ctx, a, b)) continue;  // wording in use
      std::string before = i > 0 && ts[i - 1].is_word() && ts[i - 1].sentence == ts[i].sentence ? std::string(ts.folded(i - 1)) : "";
      std::string after = j + 1 < ts.size() && ts[j + 1].is_word() && ts[j + 1].sentence == ts[j].sentence
                              ? std::string(ts.folded(j + 1)) : "";
      std::optional<Candidate> best;
      consider(ctx, a, b, true, before, after, best);   // the head swapped: "money exchange"
      consider(ctx, a, b, false, before, after, best);  // the modifier swapped: "moneymaking paper"
      if (!best) {
        // Both words swapped ("desirable store" for preferred stock): reported as is.
        if (both_min_original_ > 0 && report_both(ctx, i, a, b, out)) i = j;
        continue;
      }
      auto& c = *best;
      // The swapped word held by its other neighbour: "joint task force" writes "task force", a
      // pair news uses, where "venture force" is unseen. A thesaurus word is seldom half of a
      // frequent pair with the next word too.
      if (anchored_strength_ > 0) {
        const std::string& outer = c.head ? after : before;
        if (!outer.empty() && !function_words_.count(outer)) {
          auto space = c.text.find(' ');
          std::string replacement = c.head ? c.text.substr(space + 1) : c.text.substr(0, space);
          const std::string& written = c.head ? b : a;
          int kept = c.head ? ctx.ngrams->folded_pair_strength(written, outer) : ctx.ngrams->folded_pair_strength(outer, written);
          int swapped = c.head ? ctx.ngrams->folded_pair_strength(replacement, outer)
                               : ctx.ngrams->folded_pair_strength(outer, replacement);
          if (kept >= anchored_strength_ && swapped == 0) continue;
        }
      }
      auto space = c.text.find(' ');
      std::string_view text(c.text);
      c.original_in_story = together(text.substr(0, space), text.substr(space + 1)) ? 1 : 0;
      c.word_in_story = std::max(uses(c.head ? b : a, 3) - 1, 0);
      c.general = general(ctx, a, b);
      c.general_original = general(ctx, c.text.substr(0, space), c.text.substr(space + 1));
      c.general_word = general(ctx, "#", c.head ? b : a);
      int sc = score(c);
      if (sc < ctx.threshold.value_or(min_score_)) continue;
      report(ctx, out, i, j, c.text, sc, features(c));
      i = j;
    }
  }

 private:
  static bool plain_word(const tokenize::TokenStream& ts, std::size_t t) {
    if (!ts[t].is_word() || ts[t].shape != CaseShape::lower) return false;
    auto w = ts.folded(t);
    return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }

  // Two adjacent lower-case content words of a sentence, only a space or a line break between
  // them, neither joined by a hyphen to a third ("long-term debt" is a compound), the second not
  // a word that makes a clause (skip_heads: "analysts said"), and neither, with skip_verb_forms,
  // a word that is only ever a verb form ("the shield depicts" is subject and verb, "reaped
  // profits" verb and object: the n-gram model marks them, dictionaries/ngrams/verb-forms.tsv
  // from WordNet). Sets a and b to the words, folded.
  bool judged_pair(const LintContext& ctx, std::size_t i, std::string& a, std::string& b) const {
    const auto& ts = ctx.tokens;
    std::size_t j = i + 1;
    if (j >= ts.size() || !plain_word(ts, i) || !plain_word(ts, j) || !ts[j].space_before || ts[j].paragraph_before ||
        ts[j].sentence != ts[i].sentence)
      return false;
    if (i > 0 && !ts[i].space_before && typography::is_punct(ts, i - 1, "-")) return false;
    if (j + 1 < ts.size() && !ts[j + 1].space_before && typography::is_punct(ts, j + 1, "-")) return false;
    a.assign(ts.folded(i));
    b.assign(ts.folded(j));
    if (function_words_.count(a) || function_words_.count(b) || skip_heads_.count(b)) return false;
    return !(skip_verb_forms_ && (verb_form(ctx, b) || (skip_verb_forms_ > 1 && verb_form(ctx, a))));
  }

  // The pair is wording in use: in the table as written or in American spelling ("net
  // realised", "fibre optics": a house style, not a swap).
  static bool seen(const LintContext& ctx, const std::string& a, const std::string& b) {
    return ctx.ngrams->folded_pair_strength(a, b) > 0 ||
           ctx.ngrams->folded_pair_strength(models::american_spelling(a), models::american_spelling(b)) > 0;
  }

  // Three words, the two pairs of which the rule judges (judged_pair): "social group payments",
  // "registration propositional function". When the first two stand for a word W (a two-word
  // thesaurus entry of W, dictionaries/ngrams/collocation-paraphrases.tsv, of at least
  // paraphrase_min_relation) that forms a pair of at least paraphrase_min_original with the
  // third while the second and third are unseen together, or the last two stand for W, W forms
  // such a pair with the first and the first two are unseen, and the two words themselves are
  // no stronger a pair in news than paraphrase_max_phrase, the three are a paraphrase of the
  // frequent pair: reported with it as the fix, scored min_score + the pair's strength above
  // paraphrase_min_original. The reported spans go to `spans` (first and last token).
  void check_paraphrases(const LintContext& ctx, Emitter& out, std::vector<std::pair<std::size_t, std::size_t>>& spans) const {
    const auto& ts = ctx.tokens;
    std::string a, b, b2, c;
    for (std::size_t i = 0; i + 2 < ts.size(); ++i) {
      if (!judged_pair(ctx, i, a, b) || !judged_pair(ctx, i + 1, b2, c)) continue;
      std::string best;
      int best_strength = 0;
      auto consider = [&](const std::string& first, const std::string& second, const std::string& kept, bool head) {
        // A phrase news itself writes ("fiscal year", "metric ton") is wording, not a paraphrase.
        if (ctx.ngrams->folded_pair_strength(first, second) > paraphrase_max_phrase_) return;
        std::string phrase = first + " " + second;
        ctx.collocation_synonyms->for_each_pair(phrase, [&](std::string_view w, std::uint8_t relation) {
          if (relation < paraphrase_min_relation_) return;
          std::string word(w);
          int s = head ? ctx.ngrams->folded_pair_strength(kept, word) : ctx.ngrams->folded_pair_strength(word, kept);
          if (s < paraphrase_min_original_ || s <= best_strength) return;
          best_strength = s;
          best = head ? kept + " " + word : word + " " + kept;
        });
      };
      if (!seen(ctx, b, c)) consider(a, b, c, false);  // "social group payments"
      if (!seen(ctx, a, b)) consider(b, c, a, true);   // "registration propositional function"
      if (best.empty()) continue;
      int sc = min_score_ + best_strength - paraphrase_min_original_;
      if (sc < ctx.threshold.value_or(min_score_)) continue;
      report(ctx, out, i, i + 2, best, sc, "paraphrase");
      spans.emplace_back(i, i + 2);
      i += 2;
    }
  }

  // Both words of an unseen pair swapped: each at most both_max_word_strength in news, the pair
  // at most both_max_general in general English (0: unknown there), each word linked by the
  // thesaurus (of at least both_min_relation) to a different frequent word, and the two frequent
  // words a pair of at least both_min_original. The strongest such pair is the fix. Scored by
  // the learned both-words weights when the rule file has them (both_bias and the arrays of
  // kBothKeys), else min_score + the pair's strength above both_min_original.
  bool report_both(const LintContext& ctx, std::size_t i, const std::string& a, const std::string& b, Emitter& out) const {
    const int first_word = unigram(ctx, a), second_word = unigram(ctx, b);
    if (first_word > both_max_word_ || second_word > both_max_word_) return false;
    if (both_max_general_ < 9 && general(ctx, a, b) > both_max_general_) return false;
    const int word_values[4] = {std::min(first_word, 9), std::min(second_word, 9), general(ctx, "#", a),
                                general(ctx, "#", b)};
    if (both_learned_) {
      // The best the pair can score whatever its fix: below the least, no search (most pairs).
      int bound = both_bias_ + both_best_rest_;
      for (std::size_t f = 0; f < 4; ++f) bound += both_w_[f][word_values[f]];
      if (bound < ctx.threshold.value_or(min_score_)) return false;
    }
    // The frequent words each written word may stand for, with the thesaurus link's strength.
    auto frequent = [&](const std::string& w) {
      std::vector<std::pair<std::string, int>> out_words;
      for (const auto& base : models::base_forms(w))
        ctx.collocation_synonyms->for_each_pair(base, [&](std::string_view o, std::uint8_t relation) {
          if (relation >= both_min_relation_ && o != w) out_words.emplace_back(std::string(o), relation);
        });
      return out_words;
    };
    auto firsts = frequent(a);
    std::unordered_map<std::string, int> seconds;  // frequent word -> its strongest link to b
    for (auto& [y, ry] : frequent(b))
      if (!models::same_word(y, b)) seconds[y] = std::max(seconds[y], ry);
    if (seconds.empty()) return false;
    // Each first word's frequent followers in news that b may stand for: the strongest pair,
    // then the weaker link the stronger, then the text (the same fix whatever the order).
    std::string best;
    int best_strength = 0, first_relation = 0, second_relation = 0;
    for (const auto& first : firsts) {
      // Named, not structured bindings: a lambda may not capture those before C++20.
      const std::string& x = first.first;
      const int rx = first.second;
      if (models::same_word(x, a)) continue;
      ctx.ngrams->for_each_pair(x, [&](std::string_view y, std::uint8_t s) {
        if (s < both_min_original_ || s < best_strength || y == x) return;
        auto it = seconds.find(std::string(y));
        if (it == seconds.end()) return;
        int ry = it->second, weaker = std::min(rx, ry), best_weaker = std::min(first_relation, second_relation);
        std::string text = x + " " + std::string(y);
        if (s > best_strength || weaker > best_weaker || (weaker == best_weaker && text < best))
          best_strength = s, best = std::move(text), first_relation = rx, second_relation = ry;
      });
    }
    if (best.empty()) return false;
    // The features of tools/spin/train_collocation.py's both-words model, in kBothKeys order.
    const int values[kBothFeatures] = {word_values[0], word_values[1], word_values[2], word_values[3],
                                       std::min(best_strength, 9), std::min(first_relation, 9),
                                       std::min(second_relation, 9)};
    int sc = both_learned_ ? both_bias_ : min_score_ + best_strength - both_min_original_;
    std::string features = "both";
    for (std::size_t f = 0; f < kBothFeatures; ++f) {
      if (both_learned_) sc += both_w_[f][values[f]];
      features += std::string(" ") + kBothKeys[f] + "=" + std::to_string(values[f]);
    }
    if (sc < ctx.threshold.value_or(min_score_)) return false;
    report(ctx, out, i, i + 1, best, sc, features);
    return true;
  }

  // The finding on tokens first..last with the frequent wording as its fix. The message may show
  // the score ({score}): how far above the rule's least it is; and the features ({features}),
  // which tools/spin/train_collocation.py reads to learn the weights from the rule's own
  // candidates ("paraphrase" and "both" for those checks).
  void report(const LintContext& ctx, Emitter& out, std::size_t first, std::size_t last, const std::string& fix, int score,
              const std::string& features) const {
    const auto& ts = ctx.tokens;
    std::size_t begin = ts[first].begin, end = ts[last].end;
    std::string message = format_message(ts.text().substr(begin, end - begin), fix);
    for (auto at = message.find("{score}"); at != std::string::npos; at = message.find("{score}"))
      message.replace(at, 7, std::to_string(score));
    for (auto at = message.find("{features}"); at != std::string::npos; at = message.find("{features}"))
      message.replace(at, 10, features);
    out.emit(begin, end, std::move(message), {fix});
  }

  static int unigram(const LintContext& ctx, std::string_view w) { return ctx.ngrams->folded_pair_strength("#", w); }

  // The pair's strength in general English (rows "^first second" of the n-gram model, from
  // dictionaries/ngrams/general-pairs.tsv; with first "#", a word's), in American spelling when
  // written otherwise: 0 when the general model lacks it.
  static int general(const LintContext& ctx, const std::string& a, const std::string& b) {
    int s = ctx.ngrams->folded_pair_strength("^" + a, b);
    if (s == 0) {
      std::string ua = models::american_spelling(a), ub = models::american_spelling(b);
      if (ua != a || ub != b) s = ctx.ngrams->folded_pair_strength("^" + ua, ub);
    }
    return std::min(s, 9);
  }

  static bool plural(const std::string& w) { return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's'; }

  static std::string features(const Candidate& c) {
    return std::string("side=") + (c.head ? "head" : "modifier") + " word=" + std::to_string(c.word) +
           " other=" + std::to_string(c.other) + " relation=" + std::to_string(c.relation) +
           " original=" + std::to_string(c.original) + " trigram=" + std::to_string(c.trigram) +
           " original_in_story=" + std::to_string(c.original_in_story) + " word_in_story=" + std::to_string(c.word_in_story) +
           " share=" + std::to_string(c.share) + " outer=" + std::to_string(c.outer) +
           " general=" + std::to_string(c.general) + " general_original=" + std::to_string(c.general_original) +
           " general_word=" + std::to_string(c.general_word);
  }

  int score(const Candidate& c) const {
    return (c.head ? side_head_ : side_modifier_) + word_[c.word] + other_[c.other] + relation_[c.relation] +
           original_w_[c.original] + trigram_[c.trigram] + original_in_story_[c.original_in_story] +
           word_in_story_[c.word_in_story] + share_[c.share] + outer_[c.outer] + general_[c.general] +
           general_original_[c.general_original] + general_word_[c.general_word];
  }

  // The best original for the pair (a, b) with its second (`head`) or first word swapped. A
  // swapped head is looked for among the first word's frequent followers in the n-gram table
  // (few), a swapped modifier among the thesaurus words of a word rare enough
  // (`max_modifier_word_strength`): both without a search of every synonym of a common word.
  void consider(const LintContext& ctx, const std::string& a, const std::string& b, bool head,
                const std::string& before, const std::string& after, std::optional<Candidate>& best) const {
    const std::string& word = head ? b : a;
    const std::string& other = head ? a : b;
    int word_strength = unigram(ctx, word);
    // A common modifier is not looked up at all (see max_modifier_word_strength).
    if (!head && word_strength > max_modifier_word_) return;
    auto bases = models::base_forms(word);
    auto judge = [&](const std::string& original, int relation) {
      const std::string& first = head ? a : original;
      const std::string& second = head ? original : b;
      // The table first: most thesaurus words form no frequent pair with the other word.
      int s = ctx.ngrams->folded_pair_strength(first, second);
      if (s < min_original_ || relation < 1 || original == word || unigram(ctx, original) <= word_strength) return;
      if (models::same_word(original, word) || function_words_.count(original)) return;
      if (original.size() >= 5 && word.size() >= 5 && original.compare(0, 5, word, 0, 5) == 0) return;
      int t = std::max(before.empty() ? 0 : ctx.ngrams->folded_pair_strength(before + " " + first, second),
                       after.empty() ? 0 : ctx.ngrams->folded_pair_strength(first + " " + second, after));
      Candidate c;
      c.head = head;
      c.word = std::min(word_strength, 9);
      c.other = std::min(unigram(ctx, other), 9);
      c.relation = std::min(relation, 9);
      c.original = s;
      c.trigram = t;
      c.share = std::clamp(c.other - s, 0, 9);
      // The written word and the frequent one beside the pair's other neighbour ("crude jolly
      // rose": "oil rose" is news, "jolly rose" is not).
      const std::string& outer = head ? after : before;
      if (!outer.empty()) {
        int w = head ? ctx.ngrams->folded_pair_strength(word, outer) : ctx.ngrams->folded_pair_strength(outer, word);
        int o = head ? ctx.ngrams->folded_pair_strength(original, outer) : ctx.ngrams->folded_pair_strength(outer, original);
        c.outer = std::clamp(4 + w - o, 0, 8);
      }
      c.text = first + " " + second;
      if (!best || *best < c) best = c;
    };
    if (head) {
      // The first word's frequent followers (few), each looked up under the swapped word's base
      // forms, a plural follower under its singular too ("securities": "security").
      std::vector<std::string_view> followers;
      ctx.ngrams->for_each_pair(a, [&](std::string_view follower, std::uint8_t strength) {
        if (strength >= min_original_ && plural(std::string(follower)) == plural(word)) followers.push_back(follower);
      });
      for (auto follower : followers) {
        int relation = 0;
        for (const auto& x : bases) relation = std::max<int>(relation, ctx.collocation_synonyms->folded_pair_strength(x, follower));
        if (relation == 0 && follower.back() == 's')
          for (const auto& y : models::base_forms(follower))
            for (const auto& x : bases) relation = std::max<int>(relation, ctx.collocation_synonyms->folded_pair_strength(x, y));
        if (relation > 0) judge(std::string(follower), relation);
      }
      return;
    }
    for (const auto& base : bases)
      ctx.collocation_synonyms->for_each_pair(base, [&](std::string_view o, std::uint8_t relation) {
        judge(std::string(o), relation);
      });
  }

  std::unordered_set<std::string> function_words_, skip_heads_;
  int min_original_ = 3, min_score_ = 0, side_head_ = 0, side_modifier_ = 0, max_modifier_word_ = 9;
  int anchored_strength_ = 0;  // 0: off
  int skip_verb_forms_ = 0;    // 0: off; 1: a verb form second; 2: first or second
  int paraphrase_min_original_ = 0, paraphrase_min_relation_ = 1;  // 0: paraphrases off
  int paraphrase_max_phrase_ = 9;  // the paraphrase's own strength in news, at most
  int both_min_original_ = 0, both_min_relation_ = 1, both_max_word_ = 9;  // both words swapped; 0: off
  int both_max_general_ = 9;  // the written pair's greatest strength in general English (9: any)
  // The both-words check's learned score (both_bias and the arrays of kBothKeys); without them the
  // score is min_score + the frequent pair's strength above both_min_original.
  static constexpr std::size_t kBothFeatures = 7;
  static constexpr const char* kBothKeys[kBothFeatures] = {"both_first_word", "both_second_word", "both_first_general",
                                                           "both_second_general", "both_original",
                                                           "both_first_relation", "both_second_relation"};
  bool both_learned_ = false;
  int both_bias_ = 0;
  int both_best_rest_ = 0;  // the greatest weights of the pair's and the links' features, summed
  std::vector<int> both_w_[kBothFeatures];
  std::vector<int> word_, other_, relation_, original_w_, trigram_, original_in_story_, word_in_story_, share_, outer_,
      general_, general_original_, general_word_;
};

}  // namespace

std::unique_ptr<Rule> make_collocation_model_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<CollocationModelRule>(std::move(info), table);
}

}  // namespace wirelint::rules
