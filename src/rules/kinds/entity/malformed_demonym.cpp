// Kind "malformed-demonym": a demonym used where the country's possessive belongs — "Iranian's
// nuclear program" for "Iran's nuclear program" — and the spinner's garble of it with a
// hyphenated tail, "Russian-Origin's war in Ukraine" for "Russia's war in Ukraine".
//
// ICU keeps "Iranian's" (and "Iranian’s") as one word token, so the demonym is the token's
// surface without its possessive ending; a two- or three-word demonym ("North Korean's") takes
// the words before it. The possessive of a demonym is also the possessive of a person ("the
// Iranian's lawyer"), so the plain form fires only when
//   - the next word is one of the rule's `state_nouns` (war, nuclear, economy, government, ...),
//     things a state has and a person rarely does, and
//   - no determiner from `person_determiners` precedes it ("the Iranian's", "an American's"),
//   - it is not the tail of a compound ("Iranian-American's" is a person).
// A demonym followed by a hyphen and a word from `garble_tails` ("-Origin's") is never English,
// so it fires whatever follows; without the possessive ("Russian-Origin war") it needs a state
// noun after it, because "Russian-Origin" in title case can be an ordinary compound. Another
// capitalized tail with a possessive ("Russian-Federation's war") fires under the plain form's
// conditions, unless the tail is itself a demonym (a person: "Iranian-American's") or the whole
// thing sits inside a longer capitalized name ("Royal Dutch-Shell's").
//
// The replacement is the country's name plus the possessive as written ("Iran's", "Iran’s";
// "Philippines'" for a name ending in s);
// a demonym two states share ("Congolese") yields one replacement per state.
// One pass over the tokens; lookups are hash finds.
#include <algorithm>
#include <unordered_set>

#include "dictionary/entities.h"
#include "models/synonyms.h"
#include "rules/entity_index.h"
#include "rules/kinds/registry.h"

namespace wirelint::rules {
namespace {

using dictionary::Entity;
using dictionary::EntityType;
using tokenize::CaseShape;
using tokenize::TokenKind;

constexpr std::string_view kCurly = "\xE2\x80\x99s";

std::unordered_set<std::string> word_list(TableReader& table, const std::string& key) {
  std::unordered_set<std::string> out;
  for (const auto& w : table.strings(key)) {
    if (w.empty() || w.find_first_of(" \t\n") != std::string::npos)
      table.fail(key, "entries must be single words: \"" + w + "\"");
    out.insert(models::lower(w));
  }
  if (out.empty()) table.fail(table.line(), "needs a non-empty '" + key + "' list");
  return out;
}

// The possessive ending of a word token ("'s" or "’s"), or empty.
std::string_view possessive(std::string_view word) {
  if (word.size() > 2 && word.substr(word.size() - 2) == "'s") return word.substr(word.size() - 2);
  if (word.size() > kCurly.size() && word.substr(word.size() - kCurly.size()) == kCurly)
    return word.substr(word.size() - kCurly.size());
  return {};
}

class MalformedDemonymRule : public Rule {
 public:
  MalformedDemonymRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    state_nouns_ = word_list(table, "state_nouns");
    person_determiners_ = word_list(table, "person_determiners");
    garble_tails_ = word_list(table, "garble_tails");
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.entities) return;
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (!ts[i].is_word()) continue;
      std::string_view surface = ts.surface(i);
      std::string_view pos = possessive(surface);
      bool hyphen_tail = i >= 2 && !ts[i].space_before && !ts[i - 1].space_before && ts.surface(i - 1) == "-" &&
                         ts[i - 2].is_word();
      if (hyphen_tail && ts[i].shape == CaseShape::capitalized) {
        tail(ctx, i, pos, out);
      } else if (!pos.empty() && !hyphen_tail) {
        plain(ctx, i, pos, out);
      }
    }
  }

 private:
  struct Demonym {
    std::size_t first = 0;  // first token of the demonym
    std::vector<const Entity*> states;
  };

  // The longest demonym adjective ending with token `last` whose own last word is `last_word`
  // (the token's surface, or its stem before a possessive).
  Demonym find_demonym(const LintContext& ctx, std::size_t last, std::string_view last_word) const {
    const auto& ts = ctx.tokens;
    const auto& dict = ctx.entities->dictionary();
    Demonym best;
    std::string text(last_word);
    for (std::size_t n = 0; n < 3; ++n) {
      if (n > 0) {
        if (last < n) break;
        std::size_t t = last - n;
        if (!ts[t].is_word() || !ts[t + 1].space_before || ts[t + 1].newline_before) break;
        text = std::string(ts.surface(t)) + " " + text;
      }
      auto hits = dict.by_demonym(text);
      if (!hits) continue;
      // A form that is also a name ("U.S.", "Taiwan") takes the possessive correctly.
      if (dict.by_name(text)) continue;
      std::vector<const Entity*> countries, historical;
      for (std::size_t h : *hits) {
        const Entity& e = dict.entities()[h];
        if (std::find(e.demonym_adj.begin(), e.demonym_adj.end(), text) == e.demonym_adj.end()) continue;
        (e.type == EntityType::country ? countries : historical).push_back(&e);
      }
      // "French" is also the demonym of French dependencies: the sovereign state is meant.
      std::vector<const Entity*> sovereign;
      for (const Entity* e : countries)
        if (e->kind == "state") sovereign.push_back(e);
      if (!sovereign.empty()) countries = std::move(sovereign);
      auto& states = countries.empty() ? historical : countries;
      if (states.empty()) continue;
      best.first = last - n;
      best.states = states;
    }
    return best;
  }

  bool after_determiner(const LintContext& ctx, std::size_t first) const {
    return first > 0 && ctx.tokens[first - 1].is_word() && person_determiners_.count(models::lower(ctx.tokens.folded(first - 1)));
  }

  bool before_state_noun(const LintContext& ctx, std::size_t i) const {
    const auto& ts = ctx.tokens;
    return i + 1 < ts.size() && ts[i + 1].is_word() && ts[i + 1].shape == CaseShape::lower &&
           state_nouns_.count(std::string(ts.folded(i + 1)));
  }

  // Inside a longer capitalized name ("Royal Dutch-Shell's", "John French's"), after a title
  // ("Mr. French's"), or the tail of a compound.
  bool inside_name(const LintContext& ctx, std::size_t first) const {
    if (first == 0) return false;
    const auto& ts = ctx.tokens;
    const auto& p = ts[first - 1];
    if (p.kind == TokenKind::punct && !ts[first].space_before && (ts.surface(first - 1) == "-" || ts.surface(first - 1) == "/"))
      return true;
    // A surname after a title: "Mr. French's", "Gen. Dutch's".
    if (first >= 2 && ts.surface(first - 1) == "." && !ts[first - 1].space_before && ts[first - 2].is_word() &&
        ts[first - 2].shape == CaseShape::capitalized && ts[first - 2].length() <= 4)
      return true;
    return p.is_word() && !ts[first].sentence_start &&
           (p.shape == CaseShape::capitalized || p.shape == CaseShape::upper || p.shape == CaseShape::mixed);
  }

  // "Iranian's nuclear program"
  void plain(const LintContext& ctx, std::size_t i, std::string_view pos, Emitter& out) const {
    std::string_view surface = ctx.tokens.surface(i);
    Demonym d = find_demonym(ctx, i, surface.substr(0, surface.size() - pos.size()));
    if (d.states.empty() || !before_state_noun(ctx, i) || after_determiner(ctx, d.first) || inside_name(ctx, d.first))
      return;
    report(ctx, d, i, pos, {}, out);
  }

  // "Russian-Origin's war", "Russian-Origin war", "Russian-Federation's war"
  void tail(const LintContext& ctx, std::size_t i, std::string_view pos, Emitter& out) const {
    const auto& ts = ctx.tokens;
    const auto& dict = ctx.entities->dictionary();
    std::string_view surface = ts.surface(i);
    std::string stem(surface.substr(0, surface.size() - pos.size()));
    Demonym d = find_demonym(ctx, i - 2, ts.surface(i - 2));
    if (d.states.empty()) return;
    if (i + 1 < ts.size() && !ts[i + 1].space_before && ts.surface(i + 1) == "-") return;  // a longer compound
    bool garble = garble_tails_.count(models::lower(stem)) > 0;
    if (garble) {
      if (pos.empty() && !before_state_noun(ctx, i)) return;
    } else {
      if (pos.empty() || dict.by_demonym(stem)) return;  // "Iranian-American's" is a person
      if (!before_state_noun(ctx, i) || after_determiner(ctx, d.first) || inside_name(ctx, d.first)) return;
    }
    std::vector<std::string> also;
    if (pos.empty()) also.emplace_back(d.states.front()->demonym_adj.front());
    report(ctx, d, i, pos.empty() ? std::string_view("'s") : pos, also, out);
  }

  void report(const LintContext& ctx, const Demonym& d, std::size_t last, std::string_view pos,
              std::vector<std::string> also, Emitter& out) const {
    const auto& ts = ctx.tokens;
    std::vector<std::string> replacements;
    // A name ending in s takes the apostrophe alone, as wire style writes it ("Philippines'").
    std::string_view apostrophe = pos.substr(0, pos.size() - 1);
    for (const Entity* e : d.states)
      replacements.push_back(std::string(e->name) + std::string(!e->name.empty() && e->name.back() == 's' ? apostrophe : pos));
    for (auto& a : also) replacements.push_back(std::move(a));
    std::size_t b = ts[d.first].begin, e = ts[last].end;
    // The message is built before the replacements move into emit().
    std::string message = format_message(ts.text().substr(b, e - b), replacements.front());
    out.emit(b, e, std::move(message), std::move(replacements));
  }

  std::unordered_set<std::string> state_nouns_, person_determiners_, garble_tails_;
};

}  // namespace

std::unique_ptr<Rule> make_malformed_demonym_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<MalformedDemonymRule>(std::move(info), table);
}

}  // namespace wirelint::rules
