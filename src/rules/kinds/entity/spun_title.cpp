// Kind "spun-title": an office title with one word swapped for a synonym before a person's name
// ("Foremost Minister Pedro Sánchez" for Prime Minister, "Outside Secretary David Lammy" for
// Foreign Secretary, "Inside Minister" for Interior Minister). Spinners swap the title's
// modifier; the head noun (Minister, Secretary) usually survives.
//
// Titles with the head first ("Secretary of State") are compared after "of"; two words may
// stand for a two-word title's one modifier ("Edible Fat Minister").
//
// Known titles are the rule's `titles`, every title of the entity dictionary's office holders,
// and the real names (dictionaries/names/) that end in one of the rule's `heads`. A capitalized
// run of as many words as a known title, followed by a capitalized name (or a possessive
// country before it: "Spain's Foremost Minister"), is a spun title when it is not a known title
// itself, its head is the title's head, and exactly one other word differs from the title's by
// a synonym of the model (at least `synonym_strength`) or a misspelling. Two titles answering
// equally well are both offered.
#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "dictionary/entities.h"
#include "dictionary/spell_checker.h"
#include "models/synonyms.h"
#include "rules/entity_index.h"
#include "rules/kinds/registry.h"
#include "text/utf8.h"

namespace wirelint::rules {
namespace {

using tokenize::CaseShape;

struct Title {
  std::string text;
  std::vector<std::string> words;  // as written
  long rank = 0;                   // lower: more common
  // "Secretary of State": the head noun first.
  bool of_form() const { return words.size() >= 3 && words[1] == "of"; }
  const std::string& head_word() const { return of_form() ? words.front() : words.back(); }
};

class SpunTitleRule : public Rule {
 public:
  SpunTitleRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    for (const auto& t : table.strings("titles")) add_title(t, titles_);
    for (const auto& t : table.strings("other_titles")) add_title(t, other_titles_);
    for (const auto& h : table.strings("heads")) heads_.insert(h);
    if (heads_.empty()) table.fail("heads", "at least one head noun is needed");
    auto v = table.integer("synonym_strength");
    if (v && (*v < 1 || *v > 9)) table.fail("synonym_strength", "must be from 1 to 9");
    strength_ = v ? static_cast<int>(*v) : 2;
    for (const auto& w : table.strings("name_stop_words")) stop_.insert(w);
    for (const auto& w : table.strings("ranks")) ranks_.insert(w);
    held_message_ = table.string("held_message").value_or(this->info().message);
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.synonyms) return;
    const auto& known = titles_for(ctx);
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (!cap(ts, i)) continue;
      // "Foreign Minister": the head noun last, a run of capitalized words.
      for (std::size_t len = 3; len >= 2; --len) {
        std::size_t e = i + len;  // the title would be [i, e); a name must follow at e
        if (e >= ts.size() || !cap_words(ts, i, e)) continue;
        if (!heads_.count(std::string(ts.surface(e - 1)))) continue;
        if (judge(ctx, known, i, e, false, out)) {
          i = e - 1;
          break;
        }
      }
      // "Secretary of State": the head noun first, then "of" (and "the") and the portfolio.
      if (heads_.count(std::string(ts.surface(i))) && i + 2 < ts.size() && ts.surface(i + 1) == "of") {
        std::size_t at = i + 2 + (ts.surface(i + 2) == "the" ? 1 : 0);
        for (std::size_t e = at + 2; e > at; --e)
          if (e < ts.size() && cap_words(ts, at, e) && judge(ctx, known, i, e, true, out)) {
            i = e - 1;
            break;
          }
      }
    }
  }

 private:
  struct Known;

  // Judges the run [i, e) as a title (`of_form`: "Secretary of State", its head first) and
  // reports it when spun or held by someone else. Returns whether the run was a title.
  bool judge(const LintContext& ctx, const Known& known, std::size_t i, std::size_t e, bool of_form,
             Emitter& out) const {
    const auto& ts = ctx.tokens;
    std::size_t len = e - i;
    if (len >= known.by_length.size()) return false;
    if (!(name_follows(ts, e) || country_before(ctx, i))) return false;
    // Runs on to the left, unless after a country or demonym ("Argentine Finance Minister")
    // or a rank ("Deputy Foreign Minister").
    if (i > 0 && cap(ts, i - 1) && !opener(ctx, i - 1) && !possessive(ts.surface(i - 1)) &&
        !country_before(ctx, i) && !ranks_.count(std::string(ts.surface(i - 1))))
      return false;
    std::string span;
    for (std::size_t t = i; t < e; ++t) span += (t > i ? " " : "") + std::string(ts.surface(t));
    // The person named holds another title with this head at the story's date and never
    // held this one ("First Minister Pedro Sánchez": he is Prime Minister): the title is
    // wrong whatever it is, a real title or a thesaurus swap.
    if (!of_form)
      if (auto held = held_title(ctx, e, span, len)) {
        std::size_t b = ts[i].begin, end = ts[e - 1].end;
        std::string message = held_message_;
        for (auto [key, value] : {std::pair<std::string, std::string>{"{match}", span}, {"{expected}", held->first},
                                  {"{name}", held->second}})
          for (auto p = message.find(key); p != std::string::npos; p = message.find(key, p + value.size()))
            message.replace(p, key.size(), value);
        out.emit(b, end, std::move(message), {held->first});
        return true;
      }
    if (known.set.count(span)) return true;
    if (listed_real_name(ctx, span)) return true;
    std::vector<const Title*> found;
    std::size_t head = of_form ? 0 : len - 1;
    // Another form of a known title's words ("Economic Minister" for Economy Minister) is
    // that title.
    for (const auto& list : {&known.all, &known.others})
      for (const auto& title : *list) {
        if (title.words.size() != len || title.words[head] != ts.surface(i + head)) continue;
        bool same = true;
        for (std::size_t k = 0; k < len && same; ++k)
          same = k == head || title.words[k] == ts.surface(i + k) || models::same_word(title.words[k], ts.surface(i + k));
        if (same) return true;
      }
    for (const auto* title : known.by_length[len]) {
      if (title->words[head] != ts.surface(i + head) || title->of_form() != of_form) continue;
      int diff = -1;
      for (std::size_t k = 0; k < len; ++k) {
        if (k == head || title->words[k] == ts.surface(i + k)) continue;
        diff = diff == -1 ? static_cast<int>(k) : -2;
      }
      if (diff < 0) continue;
      std::string text_word(ts.surface(i + diff));
      const std::string& title_word = title->words[diff];
      if (models::same_word(text_word, title_word)) continue;
      // A word that modifies a real title of this head ("Mining Minister", "Federal Finance Minister")
      // or that the reference corpus shows before a title is no spin.
      if (known.words.count(title->head_word() + " " + text_word) || listed_real_name(ctx, text_word))
        continue;
      if (ctx.synonyms->relation(title_word, text_word).strength < strength_) continue;
      found.push_back(title);
    }
    // Two words for the one modifier of a two-word title: a thesaurus paraphrase ("Edible Fat
    // Minister" for Oil Minister, "Straw Boss Executive" for Chief Executive).
    if (found.empty() && !of_form && len == 3) {
      std::string phrase = std::string(ts.surface(i)) + " " + std::string(ts.surface(i + 1));
      for (const auto* title : known.by_length[2])
        if (title->words[1] == ts.surface(i + 2) &&
            ctx.synonyms->relation(title->words[0], phrase).strength >= strength_)
          found.push_back(title);
    }
    if (found.empty()) return false;
    // The most common title first: titles are ranked by how many office holders hold
    // them, then in the rule's order.
    std::stable_sort(found.begin(), found.end(), [](const Title* x, const Title* y) { return x->rank < y->rank; });
    std::vector<std::string> repl;
    for (const auto* t : found)
      if (std::find(repl.begin(), repl.end(), t->text) == repl.end()) repl.push_back(t->text);
    std::size_t b = ts[i].begin, end = ts[e - 1].end;
    std::string message = format_message(ts.text().substr(b, end - b), repl[0]);
    out.emit(b, end, std::move(message), std::move(repl));
    return true;
  }

  struct Known {
    std::unordered_set<std::string> set;
    std::vector<Title> all;            // targets
    std::vector<Title> others;         // known titles that are not targets
    std::unordered_set<std::string> words;  // "head word" for every word that modifies a known title
    std::vector<std::vector<const Title*>> by_length;
  };

  static void add_title(const std::string& t, std::vector<Title>& out) {
    Title title{t, {}};
    std::size_t b = 0;
    while (b < t.size()) {
      auto sp = t.find(' ', b);
      if (sp == std::string::npos) sp = t.size();
      if (sp > b) title.words.push_back(t.substr(b, sp - b));
      b = sp + 1;
    }
    if (!title.words.empty()) out.push_back(std::move(title));
  }

  // The title and name of the person whose mention starts at token `at`, when the dictionary's
  // terms give one title with the same head and word count as `span` at the story's date, and
  // none of the person's terms ever had `span`.
  static std::optional<std::pair<std::string, std::string>> held_title(const LintContext& ctx, std::size_t at, const std::string& span,
                                               std::size_t words) {
    if (!ctx.entities || !ctx.mentions) return std::nullopt;
    const auto& all = ctx.entities->dictionary().entities();
    auto head = span.substr(span.rfind(' ') + 1);
    std::optional<std::pair<std::string, std::string>> found;
    for (const auto& m : *ctx.mentions) {
      if (m.first_token != at) continue;
      const auto& person = all[m.entity];
      if (person.type != dictionary::EntityType::person) return std::nullopt;
      for (const auto& t : person.terms) {
        if (same_spelling(t.title, span)) return std::nullopt;  // held it once: a past or current title
        // The tail of a title the run of capitals broke at "and": "Trade and Industry Minister".
        if (t.title.size() > span.size() + 1 && t.title.compare(t.title.size() - span.size(), span.size(), span) == 0 &&
            t.title[t.title.size() - span.size() - 1] == ' ')
          return std::nullopt;
        bool now = (!t.start || *t.start <= ctx.date) && (!t.end || ctx.date <= *t.end);
        std::size_t n = 1 + static_cast<std::size_t>(std::count(t.title.begin(), t.title.end(), ' '));
        if (!now || n != words || t.title.substr(t.title.rfind(' ') + 1) != head) continue;
        if (found && found->first != t.title) return std::nullopt;  // two such titles: no telling
        found = std::make_pair(t.title, person.name);
      }
    }
    return found;
  }

  // One title in two spellings: "Defence Secretary" is the Defense Secretary (same_word
  // compares in lower case).
  static bool same_spelling(std::string_view a, std::string_view b) {
    while (!a.empty() && !b.empty()) {
      std::size_t pa = a.find(' '), pb = b.find(' ');
      if (!models::same_word(a.substr(0, pa), b.substr(0, pb))) return false;
      a = pa == std::string_view::npos ? std::string_view() : a.substr(pa + 1);
      b = pb == std::string_view::npos ? std::string_view() : b.substr(pb + 1);
    }
    return a.empty() && b.empty();
  }

  static bool cap(const tokenize::TokenStream& ts, std::size_t i) {
    return ts[i].is_word() && ts[i].shape == CaseShape::capitalized;
  }
  static bool cap_words(const tokenize::TokenStream& ts, std::size_t b, std::size_t e) {
    for (std::size_t t = b; t < e; ++t)
      if (!cap(ts, t) || (t > b && !ts[t].space_before) || ts[t].sentence != ts[b].sentence) return false;
    return true;
  }
  bool name_follows(const tokenize::TokenStream& ts, std::size_t e) const {
    return cap(ts, e) && ts[e].space_before && ts[e].sentence == ts[e - 1].sentence &&
           !stop_.count(std::string(ts.surface(e)));
  }
  // "Spain's Foremost Minister", "the Spanish Foremost Minister".
  static bool country_before(const LintContext& ctx, std::size_t i) {
    if (i == 0 || !ctx.entities) return false;
    std::string prev = text::plain_apostrophes(ctx.tokens.surface(i - 1));
    const auto& dict = ctx.entities->dictionary();
    if (prev.size() > 2 && prev.compare(prev.size() - 2, 2, "'s") == 0) prev.resize(prev.size() - 2);
    return dict.by_name(prev) || dict.by_demonym(prev);
  }
  static bool possessive(std::string_view s) {
    std::string p = text::plain_apostrophes(s);
    return p.size() > 2 && (p.compare(p.size() - 2, 2, "'s") == 0 || p.back() == '\'');
  }
  static bool opener(const LintContext& ctx, std::size_t i) {
    return ctx.tokens.opens_sentence(i) && ctx.spell && ctx.spell->known(models::lower(ctx.tokens.surface(i)));
  }

  // Titles from the rule, the dictionary's office holders and the real-name lists, built on
  // first use per dictionary (the dictionary reaches a rule only at lint time).
  const Known& titles_for(const LintContext& ctx) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const void* key_a = ctx.entities;
    const void* key_b = ctx.real_names;
    for (const auto& c : cache_)
      if (c.a == key_a && c.b == key_b) return *c.known;
    auto k = std::make_shared<Known>();
    k->all = titles_;
    for (std::size_t r = 0; r < k->all.size(); ++r) k->all[r].rank = static_cast<long>(r);
    std::unordered_map<std::string, long> holders;
    if (ctx.entities)
      for (const auto& ent : ctx.entities->dictionary().entities())
        for (const auto& term : ent.terms) {
          std::string title(term.title);
          if (holders[title]++ == 0) add_title(title, k->all), k->all.back().rank = 1000000;
        }
    for (auto& t : k->all) {
      auto it = holders.find(t.text);
      if (it != holders.end()) t.rank = -it->second;
    }
    k->by_length.resize(8);
    std::vector<Title>& others = k->others;
    others = other_titles_;
    if (ctx.real_names)
      for (const auto& n : *ctx.real_names) {
        auto sp = n.rfind(' ');
        if (sp != std::string::npos && heads_.count(n.substr(sp + 1))) add_title(n, others);
      }
    for (const auto* list : {&k->all, &others})
      for (const auto& t : *list) {
        k->set.insert(t.text);
        for (std::size_t w = 0; w < t.words.size(); ++w)
          if (t.of_form() ? w >= 2 && t.words[w] != "the" : w + 1 < t.words.size())
            k->words.insert(t.head_word() + " " + t.words[w]);
      }
    std::unordered_set<std::string> seen;
    for (const auto& t : k->all) {
      if (!seen.insert(t.text).second) continue;
      if (t.words.size() < k->by_length.size()) k->by_length[t.words.size()].push_back(&t);
    }
    if (cache_.size() >= 4) cache_.erase(cache_.begin());
    cache_.push_back(Cached{key_a, key_b, k});
    return *k;
  }

  struct Cached {
    const void* a;
    const void* b;
    std::shared_ptr<Known> known;
  };
  std::vector<Title> titles_, other_titles_;
  std::string held_message_;  // when the named person holds another title: {match}, {expected}
  std::unordered_set<std::string> heads_, stop_, ranks_;
  int strength_ = 2;
  mutable std::mutex mutex_;
  mutable std::vector<Cached> cache_;
};

}  // namespace

std::unique_ptr<Rule> make_spun_title_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<SpunTitleRule>(std::move(info), table);
}

}  // namespace wirelint::rules
