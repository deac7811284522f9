// Kind "context-country": a demonym or country name that conflicts with the country the story
// is about, when the two are easily confused: "The North Vietnamese group led by Minister Yun Jong
// Ho left Pyongyang" in a story about North Korea → "North Korean". Spinners and careless
// translation swap the nation and keep the compass word, so confusable means the flagged form
// and the dominant country's forms share one of a few tokens from the rule file ("North",
// "South"), or the flagged one is a historical state used with a group noun ("the Soviet
// delegation" in a story about Pyongyang).
//
// Precision comes from the document: the dominant country is the one most mentioned (names,
// capitals, demonyms, and entities of a single country such as its agencies and office holders)
// with a clear margin over the rest, all thresholds in the rule file; the flagged country is
// mentioned no more than a set number of times; and the dominant country is named in the same
// or a neighbouring sentence. A story really about several countries has no dominant one and
// stays clean. One pass over the document's entity mentions.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "dictionary/entities.h"
#include "rules/entity_index.h"
#include "rules/kinds/case.h"
#include "rules/kinds/registry.h"

namespace wirelint::rules {
namespace {

using dictionary::Entity;
using dictionary::EntityType;

bool is_demonym(FormKind f) {
  return f == FormKind::demonym_adj || f == FormKind::demonym_noun || f == FormKind::demonym_plural;
}

void words_of(std::string_view s, std::unordered_set<std::string>& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace(s.substr(i, j - i));
    i = j + 1;
  }
}

// A year up to `last_year` in the sentence ("in 1975") makes a historical demonym history.
bool dated_before(const tokenize::TokenStream& ts, std::size_t sentence, int last_year) {
  const auto& sn = ts.sentences()[sentence];
  for (std::size_t k = sn.first_token; k < sn.end_token; ++k) {
    if (ts[k].kind != tokenize::TokenKind::number) continue;
    std::string_view w = ts.surface(k);
    if (w.size() < 4) continue;
    int y = 0;
    bool digits = true;
    for (std::size_t i = 0; i < 4; ++i) {
      digits &= w[i] >= '0' && w[i] <= '9';
      y = y * 10 + (w[i] - '0');
    }
    if (digits && (w.size() == 4 || (w.size() == 5 && w[4] == 's')) && y >= 1000 && y <= last_year) return true;
  }
  return false;
}

class ContextCountryRule : public Rule {
 public:
  ContextCountryRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    for (auto& t : table.strings("confusable_tokens")) confusable_.insert(std::move(t));
    for (auto& t : table.strings("group_nouns")) group_nouns_.insert(std::move(t));
    min_mentions_ = static_cast<std::size_t>(table.integer("min_mentions").value_or(3));
    auto share = table.integer("min_share_percent").value_or(60);
    auto margin = table.integer("min_margin_percent").value_or(300);
    if (share <= 0 || share > 100) table.fail("min_share_percent", "must be between 1 and 100");
    if (margin < 100) table.fail("min_margin_percent", "must be at least 100");
    min_share_percent_ = static_cast<std::size_t>(share);
    min_margin_percent_ = static_cast<std::size_t>(margin);
    max_other_mentions_ = static_cast<std::size_t>(table.integer("max_other_mentions").value_or(1));
    context_sentences_ = static_cast<std::size_t>(table.integer("context_sentences").value_or(1));
    current_countries_ = table.boolean("current_countries").value_or(false);
  }
  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.entities || !ctx.mentions || ctx.mentions->empty()) return;
    const auto& dict = ctx.entities->dictionary();
    const auto& all = dict.entities();
    const auto& ms = *ctx.mentions;
    const auto& ts = ctx.tokens;

    // Spans with one entity only: an ambiguous name says nothing about the story's country.
    struct Single {
      const Mention* m;
      const Entity* e;
    };
    std::vector<Single> singles;
    for (std::size_t i = 0; i < ms.size();) {
      std::size_t j = end_of_same_span(ms, i);
      if (j == i + 1) singles.push_back({&ms[i], &all[ms[i].entity]});
      i = j;
    }

    // Mentions per country: its own forms, and entities of that country alone.
    std::unordered_map<std::string_view, std::size_t> count;
    std::unordered_map<const Entity*, std::size_t> own;  // mentions per entity (any type)
    std::size_t total = 0;
    for (const auto& s : singles) {
      ++own[s.e];
      if (s.e->type == EntityType::historical || s.e->countries.size() != 1) continue;
      ++count[s.e->countries[0]];
      ++total;
    }
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& [id, n] : count) ranked.emplace_back(n, id);
    if (ranked.empty()) return;
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const std::string dominant = ranked[0].second;
    std::size_t first = ranked[0].first, second = ranked.size() > 1 ? ranked[1].first : 0;
    if (first < min_mentions_ || first * 100 < min_share_percent_ * total || first * 100 < min_margin_percent_ * second)
      return;
    const Entity* d = dict.find_id(dominant);
    if (!d) return;

    // Sentences that name the dominant country.
    // Sentences that use its demonym: there the other country is named in contrast to it
    // ("South Korean and South African officials"), not in its place.
    std::vector<bool> names_dominant(ts.sentences().size(), false), dominant_demonym(ts.sentences().size(), false);
    for (const auto& s : singles)
      if (s.e->type != EntityType::historical && s.e->countries.size() == 1 && s.e->countries[0] == dominant) {
        names_dominant[ts[s.m->first_token].sentence] = true;
        if (s.e == d && is_demonym(s.m->form)) dominant_demonym[ts[s.m->first_token].sentence] = true;
      }

    std::unordered_set<std::string> dominant_words;
    words_of(d->name, dominant_words);
    for (const auto* list : {&d->demonym_adj, &d->demonym_noun, &d->demonym_plural})
      for (const auto& f : *list) words_of(f, dominant_words);

    for (const auto& s : singles) {
      const Entity& x = *s.e;
      const Mention& m = *s.m;
      if (x.type == EntityType::country) {
        if (!current_countries_ || x.id == dominant || !is_demonym(m.form)) continue;
      } else if (x.type == EntityType::historical) {
        // Only a demonym: "North Vietnam" by name is a story's history, "the North Vietnamese
        // group ... left Pyongyang" a swapped nation.
        if (m.form != FormKind::demonym_adj) continue;
        if (std::find(x.successors.begin(), x.successors.end(), dominant) != x.successors.end()) continue;
        if (!x.valid_to || !(*x.valid_to < ctx.date) || x.status == "both_current") continue;
        if (dated_before(ts, ts[m.first_token].sentence, x.valid_to->year)) continue;
      } else {
        continue;
      }
      if (own[s.e] > max_other_mentions_) continue;
      std::string_view surface = ts.text().substr(ts[m.first_token].begin, ts[m.end_token - 1].end - ts[m.first_token].begin);
      std::unordered_set<std::string> words;
      words_of(surface, words);
      bool shared = false;
      for (const auto& w : words) shared |= confusable_.count(w) && dominant_words.count(w);
      bool group = m.form == FormKind::demonym_adj && m.end_token < ts.size() &&
                   group_nouns_.count(std::string(ts.folded(m.end_token)));
      std::size_t sentence = ts[m.first_token].sentence;
      if (dominant_demonym[sentence]) continue;
      if (x.type == EntityType::country) {
        // Another current country is often rightly named ("South Korean peacekeepers in South
        // Sudan"): only a confusable demonym before a group noun, in a sentence that itself
        // names the story's country, is taken for a swap.
        if (!shared || !group || !names_dominant[sentence]) continue;
      } else {
        if (!shared && !group) continue;
        bool near = false;
        for (std::size_t k = sentence >= context_sentences_ ? sentence - context_sentences_ : 0;
             k < names_dominant.size() && k <= sentence + context_sentences_ && !near; ++k)
          near = names_dominant[k];
        if (!near) continue;
      }

      const dictionary::Names* forms = nullptr;
      if (m.form == FormKind::demonym_adj) forms = &d->demonym_adj;
      else if (m.form == FormKind::demonym_noun) forms = &d->demonym_noun;
      else if (m.form == FormKind::demonym_plural) forms = &d->demonym_plural;
      std::vector<std::string> repl;
      if (forms) {
        if (!forms->empty()) repl.push_back(match_case(surface, forms->front()));
      } else {
        repl.emplace_back(d->name);
      }
      if (repl.empty()) continue;
      std::string message = format_message(surface, repl[0]);
      for (std::size_t p = message.find("{country}"); p != std::string::npos; p = message.find("{country}", p + 1))
        message.replace(p, 9, d->name);
      out.emit(ts[m.first_token].begin, ts[m.end_token - 1].end, std::move(message), std::move(repl));
    }
  }

 private:
  std::unordered_set<std::string> confusable_, group_nouns_;
  bool current_countries_ = false;
  std::size_t min_mentions_ = 3, min_share_percent_ = 60, min_margin_percent_ = 300, max_other_mentions_ = 1,
              context_sentences_ = 1;
};

}  // namespace

std::unique_ptr<Rule> make_context_country_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<ContextCountryRule>(std::move(info), table);
}

}  // namespace wirelint::rules
