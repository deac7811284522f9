// Kind "entity-modifier": a demonym attached to a known entity of another country — "North
// Korean criminal organization Hamas", "Chinese Foreign Minister Sergei Lavrov", "the Syrian
// capital, Baghdad", "the Chinese news agency Yonhap".
//
// The pattern is read off the document's entity mentions (found once per document by the
// EntityIndex): a demonym adjective, a short gap, then a mention of an entity whose country is
// known. Spinners and bad translation corrupt exactly this position, and a wrong modifier here
// states a false fact, so precision rules the design:
//   - the gap may hold only words from the rule's `gap_words` (type nouns and titles: "militant
//     group", "Foreign Minister", "news agency"), "of" only between two capitalized title words
//     ("Secretary of State"), and at most one comma for an apposition ("the Syrian capital,
//     Baghdad"). A verb, a plural, a conjunction or any other punctuation means the demonym and
//     the entity belong to different phrases ("Hamas leaders met Qatari mediators").
//   - an apposition needs a definite article before the demonym and closing punctuation after
//     the entity: a word there makes the entity the start of a clause ("Iran shelled the Iraqi
//     capital, Tehran said"), a conjunction or another article a list;
//   - a capital counts only after one of `capital_words` ("the Syrian capital Baghdad"), so a
//     capital's name used for another city ("the Lebanese city Tripoli") stays clean, and not
//     after `capital_exclusions` ("the Malaysian state capital Georgetown");
//   - hyphenated and coordinated demonyms ("Iranian-backed", "U.S.-Iranian", "Egyptian and
//     Qatari") and demonyms inside a longer capitalized name ("Nationalist Chinese") are skipped,
//     as are entities that themselves modify what follows ("Hamas-run", "Congress party");
//   - the entity needs exactly one country; several (a multinational body) or none means the
//     demonym cannot be judged. A historical demonym agrees with every state that succeeded it
//     ("Soviet news agency Tass", "West German Bundesbank"). Names that every country gives its
//     own body (`shared_names`: "Congress") are never judged;
//   - a person counts only when the gap holds every word of a title the dictionary knows them
//     by ("Foreign Minister" for Lavrov): their other roles are unknown here;
//   - a body's alias that opens with a demonym ("Swedish central bank") stands for the demonym
//     in an apposition: "the Swedish central bank, the Swiss National Bank".
// The replacement keeps the phrase and swaps the demonym; when the gap is a plain lower-case
// type phrase and the entity has a wire-style description of the form "<demonym> <gap words>",
// the description is offered first ("Palestinian militant group Hamas").
//
// One pass over the mentions; every lookup is a hash find.
#include <algorithm>
#include <set>
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

std::unordered_set<std::string> word_list(TableReader& table, const std::string& key, bool required) {
  std::unordered_set<std::string> out;
  for (const auto& w : table.strings(key)) {
    if (w.empty() || w.find_first_of(" \t\n") != std::string::npos)
      table.fail(key, "entries must be single words: \"" + w + "\"");
    out.insert(models::lower(w));
  }
  if (required && out.empty()) table.fail(table.line(), "needs a non-empty '" + key + "' list");
  return out;
}

// The mention's text as a dictionary writes it: tokens joined by one space where the text has
// whitespace (a line break inside "North\nKorean" included), typographic apostrophes made plain.
std::string mention_text(const tokenize::TokenStream& ts, std::uint32_t first, std::uint32_t end) {
  std::string out;
  for (std::uint32_t t = first; t < end; ++t) {
    if (t > first && ts[t].space_before) out.push_back(' ');
    std::string_view s = ts.surface(t);
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (i + 2 < s.size() && s.compare(i, 3, "\xE2\x80\x99") == 0) {
        out.push_back('\'');
        i += 2;
      } else {
        out.push_back(s[i]);
      }
    }
  }
  return out;
}

bool contains(const dictionary::Names& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class EntityModifierRule : public Rule {
 public:
  EntityModifierRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    gap_words_ = word_list(table, "gap_words", true);
    capital_words_ = word_list(table, "capital_words", true);
    link_words_ = word_list(table, "link_words", false);
    capital_exclusions_ = word_list(table, "capital_exclusions", false);
    for (const auto& n : table.strings("shared_names")) shared_names_.insert(n);
    apposition_articles_ = word_list(table, "apposition_articles", true);
    coordinators_ = word_list(table, "coordinators", true);
    auto max_gap = table.integer("max_gap").value_or(4);
    if (max_gap < 1 || max_gap > 10) table.fail("max_gap", "must be between 1 and 10");
    max_gap_ = static_cast<std::size_t>(max_gap);
    for (const auto& t : table.strings("entity_types")) {
      static const std::pair<const char*, EntityType> known[] = {
          {"agency", EntityType::agency},           {"organization", EntityType::organization},
          {"government", EntityType::government},   {"armed_group", EntityType::armed_group},
          {"person", EntityType::person},           {"institution", EntityType::institution},
      };
      bool found = false;
      for (const auto& [name, type] : known)
        if (t == name) entity_types_.insert(type), found = true;
      if (!found)
        table.fail("entity_types", "unknown entity type \"" + t +
                                       "\" (agency, organization, government, armed_group, person, institution)");
    }
    // Words the gap can never hold would make these lists dead data.
    for (const auto& w : capital_words_)
      if (!gap_words_.count(w)) table.fail("capital_words", "\"" + w + "\" must also be one of gap_words");
    for (const auto& w : capital_exclusions_)
      if (!gap_words_.count(w)) table.fail("capital_exclusions", "\"" + w + "\" must also be one of gap_words");
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.entities || !ctx.mentions) return;
    const auto& ms = *ctx.mentions;
    // Mentions sharing a span (an ambiguous name) come together; walk span groups pairwise.
    for (std::size_t i = 0; i < ms.size();) {
      std::size_t j = i;
      while (j < ms.size() && ms[j].first_token == ms[i].first_token) ++j;
      std::size_t k = j;
      while (k < ms.size() && ms[k].first_token == ms[j].first_token) ++k;
      if (j < ms.size()) examine(ctx, ms, i, j, k, out);
      i = j;
    }
  }

 private:
  // Country ids a demonym agrees with: the country itself, or for a historical state every
  // state that succeeded it, followed through intermediate historical states.
  void agreeing_countries(const dictionary::EntityDictionary& dict, const Entity& e, std::set<std::string, std::less<>>& out,
                          int depth = 0) const {
    if (e.type == EntityType::country) {
      out.emplace(e.id);
      return;
    }
    if (depth > 8) return;
    for (const auto& s : e.successors)
      if (const Entity* n = dict.find_id(s)) agreeing_countries(dict, *n, out, depth + 1);
  }

  // A description that reads "<demonym of the entity's country> <gap words>" ("Palestinian
  // militant group") can stand in for the modifier; one that names a relation ("armed wing of
  // Hamas") or carries a name of its own cannot.
  bool usable_description(const dictionary::EntityDictionary& dict, const Entity& e) const {
    if (e.description.empty() || e.countries.size() != 1) return false;
    const Entity* home = dict.find_id(e.countries.front());
    if (!home) return false;
    for (const auto& d : home->demonym_adj) {
      if (e.description.size() <= d.size() + 1 || e.description.compare(0, d.size() + 1, std::string(d) + " ") != 0) continue;
      std::string_view rest = std::string_view(e.description).substr(d.size() + 1);
      bool all = true;
      while (!rest.empty() && all) {
        std::size_t sp = rest.find(' ');
        all = gap_words_.count(models::lower(rest.substr(0, sp))) > 0;
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      }
      if (all) return true;
    }
    return false;
  }

  // Whether the gap names one of the person's known offices, every word of the title
  // ("Foreign Minister", not just "Minister"). A person's other roles are unknown here ("British
  // central bank governor Mark Carney" is right though the dictionary knows him as a Canadian
  // prime minister, and another minister may share his surname), so only a title the
  // dictionary vouches for makes the demonym checkable.
  static bool names_office(const Entity& person, const std::vector<std::string>& gap) {
    for (const auto& term : person.terms) {
      std::string_view title = term.title;
      bool all = !title.empty();
      while (!title.empty() && all) {
        std::size_t sp = title.find(' ');
        all = std::find(gap.begin(), gap.end(), models::lower(title.substr(0, sp))) != gap.end();
        title = sp == std::string_view::npos ? std::string_view() : title.substr(sp + 1);
      }
      if (all) return true;
    }
    return false;
  }

  // For a mention of a body whose name opens with a demonym and goes on in gap words only
  // ("Swedish central bank", "Russian Foreign Ministry"): fills `agree` with that demonym's
  // countries and returns the token after the demonym; leaves `agree` empty otherwise.
  std::uint32_t leading_demonym(const LintContext& ctx, std::uint32_t first, std::uint32_t end,
                                std::set<std::string, std::less<>>& agree) const {
    const auto& ts = ctx.tokens;
    const auto& dict = ctx.entities->dictionary();
    for (std::uint32_t k = end - 1; k > first; --k) {  // longest demonym first
      bool rest = true;
      for (std::uint32_t t = k; t < end && rest; ++t) rest = ts[t].is_word() && gap_words_.count(models::lower(ts.folded(t)));
      if (!rest) break;  // the tail grows as k falls; once it fails it keeps failing
      auto hits = dict.by_demonym(mention_text(ts, first, k));
      if (!hits) continue;
      std::string text = mention_text(ts, first, k);
      for (std::size_t h : *hits) {
        const Entity& e = dict.entities()[h];
        if ((e.type == EntityType::country || e.type == EntityType::historical) && contains(e.demonym_adj, text))
          agreeing_countries(dict, e, agree);
      }
      if (!agree.empty()) return k;
    }
    return end;
  }

  void examine(const LintContext& ctx, const std::vector<Mention>& ms, std::size_t a, std::size_t b,
               std::size_t b_end, Emitter& out) const {
    const auto& ts = ctx.tokens;
    const auto& dict = ctx.entities->dictionary();
    const auto& all = dict.entities();
    const std::uint32_t d_first = ms[a].first_token, d_end = ms[a].end_token;
    const std::uint32_t e_first = ms[b].first_token, e_end = ms[b].end_token;
    if (e_first <= d_end) return;  // no gap: "Chinese Lavrov" is too rare to be worth the risk

    // 1. A demonym adjective of a country or historical state, or a body's alias led by one
    //    ("Swedish central bank"): the leading demonym is what an apposition can contradict.
    std::string demonym = mention_text(ts, d_first, d_end);
    std::set<std::string, std::less<>> agree;
    std::uint32_t demonym_tokens_end = d_end;
    bool alias_led = false;
    for (std::size_t m = a; m < b; ++m) {
      const Entity& e = all[ms[m].entity];
      if ((e.type == EntityType::country || e.type == EntityType::historical) && contains(e.demonym_adj, demonym))
        agreeing_countries(dict, e, agree);
    }
    if (agree.empty()) {
      demonym_tokens_end = leading_demonym(ctx, d_first, d_end, agree);
      if (agree.empty()) return;
      alias_led = true;
    }

    // 2. Its own context: not part of a compound, a coordination or a longer name.
    bool after_article = false;
    if (d_first > 0) {
      const auto& p = ts[d_first - 1];
      std::string pf = models::lower(ts.folded(d_first - 1));
      if (p.kind == TokenKind::punct && !ts[d_first].space_before &&
          (ts.surface(d_first - 1) == "-" || ts.surface(d_first - 1) == "/"))
        return;
      if (coordinators_.count(pf)) return;
      after_article = apposition_articles_.count(pf) > 0;
      if (p.is_word() && !after_article && !p.sentence_start && !ts[d_first].sentence_start &&
          (p.shape == CaseShape::capitalized || p.shape == CaseShape::upper))
        return;
    }
    if (ts[d_end].kind == TokenKind::punct && !ts[d_end].space_before && ts.surface(d_end) == "-") return;

    // 3. The gap: listed words, "of" between titles, one apposition comma.
    std::size_t words = 0, comma = 0;
    bool lower_only = true;
    std::string last_word;
    std::vector<std::string> gap;  // the gap's words before any comma, folded
    for (std::uint32_t t = d_end; t < e_first; ++t) {
      const auto& tok = ts[t];
      std::string f = models::lower(ts.folded(t));
      if (tok.paragraph_before) return;
      if (tok.kind == TokenKind::punct) {
        if (ts.surface(t) != "," || comma || (words == 0 && !alias_led)) return;
        comma = t;
        continue;
      }
      if (tok.kind != TokenKind::word) return;
      if (comma) {
        if (!apposition_articles_.count(f)) return;
        continue;
      }
      if (link_words_.count(f)) {
        bool titled = t > d_end && t + 1 < e_first && ts[t - 1].shape == CaseShape::capitalized &&
                      ts[t + 1].shape == CaseShape::capitalized;
        if (!titled) return;
      } else if (!gap_words_.count(f)) {
        return;
      }
      if (tok.shape != CaseShape::lower) lower_only = false;
      last_word = f;
      gap.push_back(f);
      if (++words > max_gap_) return;
    }
    if (alias_led ? (words != 0 || !comma) : words == 0) return;  // an alias only in apposition
    bool to_capital = capital_words_.count(last_word) > 0;
    if (comma) {
      if (!after_article) return;
      // An apposition closes with punctuation or the end of the text. A word after it means the
      // entity starts a clause or a list of its own: "Iran shelled the Iraqi capital, Tehran
      // said", "the Egyptian mediators, Hamas and Israel". A conjunction or another article
      // after the closing comma makes it a list ("the Fed, the Swedish central bank, the Swiss
      // National Bank, and the ECB"; "..., the Swiss National Bank, the ECB and the BoE").
      if (e_end < ts.size()) {
        const auto& n = ts[e_end];
        if (n.kind != TokenKind::punct || (!n.space_before && ts.surface(e_end) == "-")) return;
        if (ts.surface(e_end) == "," && e_end + 1 < ts.size()) {
          std::string next(ts.folded(e_end + 1));
          if (coordinators_.count(next) || apposition_articles_.count(next)) return;
        }
      }
    }
    if (to_capital)
      for (const auto& w : gap)
        if (capital_exclusions_.count(w)) return;  // "the Malaysian state capital Georgetown"
    if (e_end < ts.size() && ts[e_end].kind == TokenKind::punct && !ts[e_end].space_before &&
        ts.surface(e_end) == "-")
      return;  // "Hamas-run", "Yonhap-owned": the entity modifies something else
    if (e_end < ts.size() && ts[e_end].is_word() && ts[e_end].shape == CaseShape::lower &&
        gap_words_.count(std::string(ts.folded(e_end))))
      return;  // "the Indian opposition Congress party": the entity names another body's type

    // 4. The entity: one known country, the same for every reading of an ambiguous name.
    std::string name = mention_text(ts, e_first, e_end);
    if (shared_names_.count(name)) return;  // "the Indian opposition Congress": every country has one
    std::string_view country;
    const Entity* described = nullptr;
    for (std::size_t m = b; m < b_end; ++m) {
      const Entity& e = all[ms[m].entity];
      // A name a program read from a source (a party, a court): its countries are those the
      // source's profiles happened to give, not all that have a body of that name.
      if (e.target != dictionary::NameTarget::all) return;
      if (e.type == EntityType::country) {
        if (!to_capital || !contains(e.capitals, name)) continue;
      } else if (!entity_types_.count(e.type) || to_capital) {
        continue;
      } else if (e.type == EntityType::person && !names_office(e, gap)) {
        continue;
      }
      if (e.countries.size() != 1) return;
      if (agree.count(e.countries.front())) return;
      if (!country.empty() && country != e.countries.front()) return;
      country = e.countries.front();
      if (!described && usable_description(dict, e)) described = &e;
    }
    if (country.empty()) return;
    const Entity* home = dict.find_id(country);
    if (!home || home->demonym_adj.empty()) return;

    std::size_t begin = ts[d_first].begin, end = ts[e_end - 1].end;
    std::size_t demonym_end = ts[demonym_tokens_end - 1].end;
    std::string_view text = ts.text();
    std::vector<std::string> replacements;
    if (described && !comma && lower_only && !to_capital)
      replacements.push_back(std::string(described->description) + " " + std::string(text.substr(ts[e_first].begin, end - ts[e_first].begin)));
    std::string swapped = std::string(home->demonym_adj.front()) + std::string(text.substr(demonym_end, end - demonym_end));
    if (std::find(replacements.begin(), replacements.end(), swapped) == replacements.end())
      replacements.push_back(std::move(swapped));
    // The message is built before the replacements move into emit().
    std::string message = format_message(text.substr(begin, end - begin), replacements.front());
    out.emit(begin, end, std::move(message), std::move(replacements));
  }

  std::unordered_set<std::string> gap_words_, capital_words_, link_words_, capital_exclusions_;
  std::unordered_set<std::string> apposition_articles_, coordinators_;
  std::unordered_set<std::string> shared_names_;  // as written: "Congress"
  std::set<EntityType> entity_types_;
  std::size_t max_gap_ = 4;
};

}  // namespace

std::unique_ptr<Rule> make_entity_modifier_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<EntityModifierRule>(std::move(info), table);
}

}  // namespace wirelint::rules
