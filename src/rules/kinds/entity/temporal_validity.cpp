// Kind "temporal-validity": names and demonyms of historical states and former country names
// (dictionaries/entities/historical.tsv) used as if current at the story's date: "East German
// officials said on Monday" in a 2024 story, "Swaziland" after its 2018 rename. The replacement is
// the successor's current name or demonym from countries.tsv.
//
// Modern copy mentions dissolved states mostly as history ("since the collapse of the Soviet
// Union", "Soviet-made tanks", "Putin served in East Germany"), so precision comes from the
// sentence around the mention, all of it data in the rule file:
//   - a historical marker vetoes: a year up to the end of the state's validity in the same
//     sentence, a marker word just before the mention ("former", "then-", "ex-", "late"), a
//     marker phrase anywhere in the sentence ("collapse of", "era"), a hyphen compound
//     ("Soviet-made", "post-Soviet");
//   - part of a current proper name is not the state: "Bank of Ceylon", "Siam Commercial Bank";
//   - for states that ended (not mere renames), old renames and every demonym, the mention must
//     also look current: a present-day word in the sentence ("Monday", "today") with a reporting
//     verb right after a name ("the Soviet Union said") or an official noun after a demonym
//     ("East German officials").
// Statuses: `historical` fires; `both_current` never does; `name_reused` (Macedonia, Zanzibar)
// only on its unambiguous long forms ("Republic of Macedonia") when the rule file allows it.
// The valid_to day itself is ambiguous, so only stories dated after it are judged.
//
// Kind "office-term": "<Title> <Name>" where the dictionary's terms of that person with that
// title do not cover the story's date ("President Donald Trump" in a 2023 story → "former
// President"). It only asserts what the dictionary was verified for: past `verified_until` an
// open term is never reported as ended.
//
// Both are one pass over the document's entity mentions.
#include <cctype>
#include <cstdlib>
#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dictionary/entities.h"
#include "rules/entity_index.h"
#include "rules/kinds/case.h"
#include "rules/kinds/registry.h"
#include "text/utf8.h"

namespace wirelint::rules {
namespace {

using dictionary::Entity;
using dictionary::EntityType;
using tokenize::TokenStream;

// Tokens a judgement reads on either side of a mention (see near_sentence).
constexpr std::size_t kSentenceReach = 150;

// The sentence of token `at`, clipped to kSentenceReach tokens on either side of it: a
// judgement reads the words around a mention, and a run-on "sentence" (a list of thousands of
// names) must not make every mention read all of it (time stays linear in the input).
tokenize::Sentence near_sentence(const tokenize::TokenStream& ts, std::size_t at) {
  tokenize::Sentence s = ts.sentences()[ts[at].sentence];
  if (at > s.first_token + kSentenceReach) s.first_token = static_cast<std::uint32_t>(at - kSentenceReach);
  if (s.end_token > at + kSentenceReach) s.end_token = static_cast<std::uint32_t>(at + kSentenceReach);
  return s;
}

// Each phrase as its tokens, case-folded, or `as_written` (the case of a name: "Air Force").
std::vector<std::vector<std::string>> folded_phrases(const std::vector<std::string>& phrases,
                                                     bool as_written = false) {
  std::vector<std::vector<std::string>> out;
  for (const auto& p : phrases) {
    std::vector<std::string> t;
    if (as_written) {
      TokenStream stream(p, TokenStream::Mode::tokens_only);
      for (const auto& token : stream.tokens()) t.emplace_back(stream.surface(token));
    } else {
      t = match::phrase_tokens(p);
    }
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

// Whether the tokens from i (before `end`) spell the phrase, case-folded or `as_written`.
bool phrase_at(const TokenStream& ts, std::size_t i, const std::vector<std::string>& phrase, std::size_t end,
               bool as_written = false) {
  if (i + phrase.size() > end) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k)
    if ((as_written ? ts.surface(i + k) : ts.folded(i + k)) != phrase[k]) return false;
  return true;
}

// A year written as a number token: "1975", "1980s" (the decade's first year).
std::optional<int> year_of(std::string_view s) {
  if (s.size() != 4 && !(s.size() == 5 && s[4] == 's')) return std::nullopt;
  int y = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    if (s[k] < '0' || s[k] > '9') return std::nullopt;
    y = y * 10 + (s[k] - '0');
  }
  return y;
}

std::string fill(std::string tpl, std::string_view key, std::string_view value) {
  for (std::size_t p = tpl.find(key); p != std::string::npos; p = tpl.find(key, p + value.size()))
    tpl.replace(p, key.size(), value);
  return tpl;
}

class TemporalValidityRule : public Rule {
 public:
  TemporalValidityRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    before_words_ = set_of(table.strings("historical_before"));
    before_window_ = static_cast<std::size_t>(table.integer("historical_before_window").value_or(3));
    after_words_ = set_of(table.strings("historical_after"));
    after_window_ = static_cast<std::size_t>(table.integer("historical_after_window").value_or(3));
    sentence_phrases_ = folded_phrases(table.strings("historical_phrases"));
    relative_openers_ = folded_phrases(table.strings("relative_openers"));
    hyphen_words_ = set_of(table.strings("historical_hyphen_prefixes"));
    current_words_ = set_of(table.strings("current_words"));
    reporting_verbs_ = set_of(table.strings("reporting_verbs"));
    reporting_window_ = static_cast<std::size_t>(table.integer("reporting_window").value_or(3));
    official_nouns_ = set_of(table.strings("official_nouns"));
    present_verbs_ = set_of(table.strings("present_verbs"));
    official_window_ = static_cast<std::size_t>(table.integer("official_window").value_or(1));
    year_gap_ = static_cast<int>(table.integer("evidence_year_gap").value_or(5));
    present_sentence_ = table.boolean("present_sentence").value_or(false);
    story_present_ = table.boolean("story_present").value_or(false);
    story_present_phrases_ = folded_phrases(table.strings("story_present_phrases"));
    story_present_years_ = static_cast<int>(table.integer("story_present_years").value_or(1));
    economy_nouns_ = set_of(table.strings("story_present_nouns"));
    story_months_ = set_of(table.strings("story_present_months"));
    time_units_ = set_of(table.strings("time_units"));
    inside_names_ = folded_phrases(table.strings("inside_names"));
    not_subject_after_ = set_of(table.strings("not_subject_after"));
    institution_words_ = set_of(table.strings("institution_words"));
    for (auto& k : table.strings("evidence_kinds")) evidence_kinds_.insert(k);
    for (auto& k : table.strings("evidence_ids")) evidence_ids_.insert(k);
    evidence_after_years_ = static_cast<int>(table.integer("evidence_after_years").value_or(20));
    reused_long_forms_ = table.boolean("name_reused_long_forms").value_or(false);
    message_plain_ = table.string("message_without_replacement").value_or(this->info().message);
    message_before_ = table.string("message_before_existence").value_or("");
    relative_words_ = set_of(table.strings("relative_time_words"));
    origin_words_ = set_of(table.strings("origin_words"));
    before_margin_ = static_cast<int>(table.integer("before_existence_years").value_or(3));
    divided_prefixes_ = set_of(table.strings("divided_state_prefixes"));
    message_body_before_ = table.string("message_body_before_state").value_or("");
    body_after_ = folded_phrases(table.strings("state_bodies_after"), true);
    body_before_ = folded_phrases(table.strings("state_bodies_before"), true);
    if (auto t = table.table("continuators")) {
      for (const auto& k : t->keys()) {
        auto v = t->string(k);
        if (!v) t->fail(k, "expected a countries.tsv id");
        continuators_[k] = *v;
      }
    }
    if (auto t = table.table("replacements")) {
      for (const auto& k : t->keys()) replacements_[k] = t->strings(k);
    }
  }
  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.entities || !ctx.mentions) return;
    const auto& dict = ctx.entities->dictionary();
    const auto& all = dict.entities();
    const auto& ms = *ctx.mentions;
    const auto& ts = ctx.tokens;
    // Where current countries' names begin and end: a former name listed among them ("France,
    // West Germany, Italy and the US") is spoken of as current.
    std::vector<char> country_begin(ts.size() + 1, 0), country_end(ts.size() + 1, 0);
    // And where any known name begins and ends: a list of names nobody knows ("Uige, Zaire")
    // is one of local places.
    std::vector<char> named_begin(ts.size() + 1, 0), named_end(ts.size() + 1, 0);
    for (const auto& c : ms) {
      if (all[c.entity].type == EntityType::country && !is_demonym(c.form))
        country_begin[c.first_token] = 1, country_end[c.end_token] = 1;
      named_begin[c.first_token] = 1, named_end[c.end_token] = 1;
    }
    // What the story says of its time, read once and only when a mention needs evidence.
    std::optional<Story> story;
    auto story_of = [&]() -> const Story& {
      if (!story) story = story_time(ts, ctx.date);
      return *story;
    };
    if (!message_body_before_.empty()) bodies_before_states(ctx, out);
    for (std::size_t i = 0; i < ms.size();) {
      // All entities that share this span (an ambiguous name yields one mention each).
      std::size_t j = end_of_same_span(ms, i);
      const Mention& m = ms[i];
      const Entity* outdated = nullptr;
      bool blocked = false;
      // The earliest first year of the span's states; 0 when one of them has none ("Yugoslavia"
      // names the kingdom of 1929 too).
      int first_year = 1 << 30;
      for (std::size_t k = i; k < j; ++k) {
        const Entity& e = all[ms[k].entity];
        if (e.type == EntityType::historical)
          first_year = e.valid_from ? std::min(first_year, e.valid_from->year) : 0;
        if (e.type != EntityType::historical) {
          blocked = true;  // also a current name of something else
          continue;
        }
        if (!fires_on(e, ms[k].form, ctx.date)) {
          blocked = true;  // current under this entity, or never judged
          continue;
        }
        if (!outdated || (e.valid_to && outdated->valid_to && *outdated->valid_to < *e.valid_to)) outdated = &e;
      }
      i = j;
      if (blocked || !outdated) continue;
      if (inside_name(ts, m)) continue;
      // A state named for a time before it existed ("the West Germans in World War I").
      // A demonym only of a divided state ("West German"): others also name a region or a
      // people older than the state ("according to Malayan folklore").
      bool dated_form = !is_demonym(m.form) ||
                        divided_prefixes_.count(std::string(ts.surface(m.first_token))) > 0;
      if (!message_before_.empty() && dated_form && first_year > 0 && first_year < (1 << 30) &&
          before_existence(ts, m, first_year)) {
        report(ctx, m, *outdated, out, first_year);
        continue;
      }
      if (historical_context(ts, m, *outdated)) continue;
      // One of two forms joined by a slash ("the Thai/Siamese peoples"): a gloss.
      if ((m.first_token > 0 && ts.surface(m.first_token - 1) == "/" && !ts[m.first_token].space_before) ||
          (m.end_token < ts.size() && ts.surface(m.end_token) == "/" && !ts[m.end_token].space_before))
        continue;
      // One of a list of local names ("Moxico, Namibe, Uige, Zaire": Angola's provinces), not
      // of countries.
      if (in_local_list(ts, m, named_begin, named_end) && !listed_with_current(ts, m, country_begin, country_end))
        continue;
      // One of a list of the names one state has had ("French Somaliland, French Territory of
      // the Afars and Issas", "Republic of Tanganyika, People's Republic of Zanzibar, United
      // Republic of Tanganyika and Zanzibar"): its history, told as a list. States that became
      // different countries ("Transjordan, Federation of Malaya") are no such list.
      if (!is_demonym(m.form) && listed_with_same_state(dict, ms, m, *outdated, ts)) continue;
      if (needs_evidence(*outdated, m.form, ctx.date) && !current_evidence(ts, m, *outdated, ctx.date, story_of()) &&
          !listed_with_current(ts, m, country_begin, country_end))
        continue;
      report(ctx, m, *outdated, out);
    }
  }

 private:
  // What the whole story says of its time.
  struct Story {
    bool present = false;          // a present-day word, phrase or year anywhere
    bool dated = false;            // ... or a month without a year (for a name only)
    int first_year = 1 << 30;      // the earliest year written, up to the story's
  };

  static std::unordered_set<std::string> set_of(std::vector<std::string> v) {
    return std::unordered_set<std::string>(std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  }
  static bool is_demonym(FormKind f) {
    return f == FormKind::demonym_adj || f == FormKind::demonym_noun || f == FormKind::demonym_plural;
  }

  // A state's own body named in a story dated before the state existed: "the Croatian Army",
  // "the Bank of Slovenia" in 1987 (countries.tsv valid_from, the state's independence). Its
  // people, language and land are older than the state and stay unflagged ("Croatian
  // nationalists"); only the bodies of `state_bodies_after` (after a demonym) and
  // `state_bodies_before` (before the name) are dated.
  void bodies_before_states(const LintContext& ctx, Emitter& out) const {
    const auto& ts = ctx.tokens;
    const auto& dict = ctx.entities->dictionary();
    auto report = [&](std::size_t begin, std::size_t stop, const Entity& state) {
      std::string tpl = message_body_before_;
      tpl = fill(std::move(tpl), "{match}", std::string(ts.text().substr(begin, stop - begin)));
      tpl = fill(std::move(tpl), "{name}", state.name);
      tpl = fill(std::move(tpl), "{from}", state.valid_from->to_string());
      tpl = fill(std::move(tpl), "{date}", ctx.date.to_string());
      out.emit(begin, stop, std::move(tpl), {});
    };
    for (const auto& m : *ctx.mentions) {
      const Entity& e = dict.entities()[m.entity];
      // A known body of one state, named whole ("the Bank of Slovenia" is one mention): dated
      // by its state.
      if (e.type == EntityType::government && e.countries.size() == 1) {
        const Entity* state = dict.find_id(e.countries[0]);
        if (!state || state->type != EntityType::country || !state->valid_from || !(ctx.date < *state->valid_from))
          continue;
        // Only a body named after its state ("Bank of Slovenia", "Croatian National Bank"): a
        // name without it may be an older body's too ("Ministry of Foreign Affairs").
        std::string_view text = ts.text().substr(ts[m.first_token].begin, ts[m.end_token - 1].end - ts[m.first_token].begin);
        auto holds = [&](std::string_view w) {
          for (std::size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + 1)) {
            bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
            bool right = at + w.size() == text.size() || !std::isalpha(static_cast<unsigned char>(text[at + w.size()]));
            if (left && right) return true;
          }
          return false;
        };
        bool named = holds(state->name);
        for (const auto& w : state->aliases) named = named || holds(w);
        for (const auto& w : state->demonym_adj) named = named || holds(w);
        if (!named) continue;
        report(ts[m.first_token].begin,
               ts[m.end_token - 1].end - text::possessive_bytes(ts.surface(m.end_token - 1)), *state);
        continue;
      }
      if (e.type != EntityType::country || !e.valid_from || !(ctx.date < *e.valid_from) || m.possessive) continue;
      std::size_t b = m.first_token, end = m.end_token;
      bool found = false;
      if (m.form == FormKind::demonym_adj) {
        for (const auto& body : body_after_)
          if (phrase_at(ts, m.end_token, body, ts.size(), true)) {
            end = m.end_token + body.size();
            found = true;
            break;
          }
      } else if (!is_demonym(m.form)) {
        for (const auto& body : body_before_)
          if (m.first_token >= body.size() && phrase_at(ts, m.first_token - body.size(), body, ts.size(), true)) {
            b = m.first_token - body.size();
            found = true;
            break;
          }
      }
      if (!found) continue;
      report(ts[b].begin, ts[end - 1].end, e);
    }
  }

  bool fires_on(const Entity& e, FormKind form, const Date& date) const {
    if (!e.valid_to || !(*e.valid_to < date)) return false;
    if (e.valid_from && date < *e.valid_from) return false;
    if (e.status == "historical") return true;
    // A reused name ("Macedonia", "Persian") still names a region, a language or a gulf: only
    // its long state forms are dated, and its adjective before an official noun ("Persian
    // authorities"), which current_evidence then demands.
    if (e.status == "name_reused")
      return reused_long_forms_ && (form == FormKind::alias || form == FormKind::demonym_adj);
    return false;
  }

  // A rename decades old is mentioned mostly as history ("the king of Siam"), like a state.
  bool needs_evidence(const Entity& e, FormKind form, const Date& date) const {
    return is_demonym(form) || evidence_kinds_.count(e.kind) || evidence_ids_.count(e.id) ||
           date.year - e.valid_to->year > evidence_after_years_;
  }

  bool historical_context(const TokenStream& ts, const Mention& m, const Entity& e) const {
    const auto sentence = near_sentence(ts, m.first_token);
    std::size_t sb = sentence.first_token, se = sentence.end_token;
    // "Soviet-made", "Soviet-era", "post-Soviet", "ex-Soviet": a hyphen compound is history.
    if (m.end_token < se && ts.surface(m.end_token) == "-" && !ts[m.end_token].space_before) return true;
    if (m.first_token > sb && ts.surface(m.first_token - 1) == "-" && !ts[m.first_token].space_before) {
      if (m.first_token >= sb + 2 && hyphen_words_.count(std::string(ts.folded(m.first_token - 2)))) return true;
    }
    // Not "last" of "last month", "last Tuesday": a date of the story's own time.
    for (std::size_t k = m.first_token; k > sb && m.first_token - k < before_window_; --k) {
      std::string w(ts.folded(k - 1));
      if (!before_words_.count(w)) continue;
      if (k < m.first_token && (time_units_.count(std::string(ts.folded(k))) ||
                                current_words_.count(std::string(ts.surface(k))) ||
                                story_months_.count(std::string(ts.surface(k)))))
        continue;
      return true;
    }
    // "Swaziland, now Eswatini", "Zaire (renamed ...)".
    // "Now" only as a gloss after a comma or a bracket: "Netherlands East Indies is now the
    // world's third-most-populous country" speaks of today.
    for (std::size_t k = m.end_token; k < se && k < m.end_token + after_window_; ++k) {
      std::string w(ts.folded(k));
      if (!after_words_.count(w)) continue;
      if (w == "now" && !(k > m.end_token && (ts.surface(k - 1) == "," || ts.surface(k - 1) == "("))) continue;
      return true;
    }
    const int last_year = e.valid_to->year;
    auto dated_before_end = [&](std::size_t b, std::size_t e_) {
      for (std::size_t k = b; k < e_; ++k) {
        {  // "1975", "the 1980s", "mid-1800s" (a word token)
          auto y = year_of(ts.surface(k));
          if (y && *y >= 1000 && *y <= last_year) return true;
        }
        // A phrase glued to a name by a hyphen ("Soviet-era weapons") dates the thing it
        // describes, not the sentence ("post-war" still does).
        if (k > b && k >= 2 && ts.surface(k - 1) == "-" && !ts[k].space_before && !ts[k - 1].space_before &&
            ts[k - 2].is_word() && ts[k - 2].shape == tokenize::CaseShape::capitalized)
          continue;
        for (const auto& p : sentence_phrases_)
          if (phrase_at(ts, k, p, e_)) return true;
      }
      return false;
    };
    if (dated_before_end(sb, se)) return true;
    // "The following year, ... West Germany ...": a sentence that opens with a time relative to
    // the one before (`relative_openers`) is dated by that sentence, and so on back.
    std::size_t s = ts[m.first_token].sentence;
    for (std::size_t hops = 0; hops < kMaxRelativeHops && s > 0 && opens_relative(ts, ts.sentences()[s]); ++hops) {
      const auto& before = ts.sentences()[--s];
      std::size_t from = before.end_token > before.first_token + kSentenceReach ? before.end_token - kSentenceReach
                                                                                : before.first_token;
      if (dated_before_end(from, before.end_token)) return true;
    }
    return false;
  }

  // Whether the sentence opens with a time told relative to the sentence before ("The following
  // year", "A decade later", "In the same year"), after an optional preposition.
  bool opens_relative(const TokenStream& ts, const tokenize::Sentence& sentence) const {
    std::size_t k = sentence.first_token;
    if (k < sentence.end_token && (ts.folded(k) == "in" || ts.folded(k) == "by" || ts.folded(k) == "later")) ++k;
    for (const auto& p : relative_openers_)
      if (phrase_at(ts, k, p, sentence.end_token)) return true;
    return false;
  }
  static constexpr std::size_t kMaxRelativeHops = 3;

  // Whether the sentence shows the mention used as current. Wire copy dates today's events by
  // weekday ("said on Monday") and history by year or date, so a present-day word in the
  // sentence is always needed, with: for a state's name, a reporting verb of which it is the
  // subject ("the Soviet Union said on Monday"); for a demonym adjective, an official noun after
  // it ("East German officials"); for a demonym noun ("the Soviets"), a reporting verb.
  bool current_evidence(const TokenStream& ts, const Mention& m, const Entity& e, const Date& date,
                        const Story& story) const {
    const auto sentence = near_sentence(ts, m.first_token);
    std::size_t se = sentence.end_token;
    // A story that dates itself to its own time (a weekday, "this year", last year's number)
    // and names no year up to the state's end speaks of the present throughout: the state's
    // name there is used as current ("Rhodesia earned 33 mln dlrs"), and so is its demonym
    // before a body that speaks for it ("the Malayan government"). History is told with years.
    if (story_present_ && (story.present || story.dated) && story.first_year > e.valid_to->year) {
      if (!is_demonym(m.form)) return true;
      // A demonym needs a present-day word: "The East German government said on Nov. 9" is
      // history told with a date.
      // With a month only, the sentence must speak in the present or perfect ("the Malayan
      // government said it has re-imposed export duties").
      if (m.form == FormKind::demonym_adj && (story.present || has_present_verb(ts, sentence)) &&
          official_after(ts, m, se, true))
        return true;
    }
    // A year after the state's end, up to the story's, dates the sentence to a time the state
    // no longer existed ("exports fell in calendar 1986"); earlier years already made the
    // sentence historical (historical_context).
    for (std::size_t k = sentence.first_token; k < se && !is_demonym(m.form); ++k) {
      std::string_view w = ts.surface(k);
      if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      int year = std::stoi(std::string(w));
      if (year >= e.valid_to->year + year_gap_ && year <= date.year) return true;
    }
    // A sentence in the present or future tense, with no historical context (checked before):
    // "there is no danger of a food shortage in Rhodesia". For a name, and for the demonym of a
    // rename ("Siamese rubber exports are"); other demonyms describe things, not the state
    // ("equipment of Soviet origin", "a Persian word").
    if (present_sentence_ && (!is_demonym(m.form) || (e.kind == "name" && e.status == "historical")) &&
        has_present_verb(ts, sentence))
      return true;
    // The mention is the subject of a verb in the present or future tense ("Siam is unlikely
    // to", "Northern Rhodesia will retain").
    if (!is_demonym(m.form) && subject(ts, m, sentence.first_token)) {
      for (std::size_t k = m.end_token; k < se && k < m.end_token + reporting_window_; ++k) {
        if (ts[k].kind == tokenize::TokenKind::punct) break;
        if (present_verbs_.count(std::string(ts.folded(k)))) return true;
      }
    }
    // "Mine officials in Federation of Malaya ... said": people who speak for the place now,
    // and what they said.
    if (!is_demonym(m.form)) {
      std::size_t p = m.first_token;
      if (p > sentence.first_token && ts.folded(p - 1) == "the") --p;
      if (p >= sentence.first_token + 2) {
        std::string prep(ts.folded(p - 1));
        bool official = (prep == "in" || prep == "of" || prep == "from") &&
                        official_nouns_.count(std::string(ts.folded(p - 2))) > 0;
        if (official)
          for (std::size_t k = m.end_token; k < se; ++k)
            if (reporting_verbs_.count(std::string(ts.folded(k)))) return true;
      }
    }
    bool present = false;
    for (std::size_t k = sentence.first_token; k < se && !present; ++k)
      present = current_words_.count(std::string(ts.surface(k))) > 0;
    if (!present) return false;
    // "East German officials", "Dahomey's government", "Siam's Commerce Ministry": a body that
    // speaks for the state now, within a few words.
    if (m.form == FormKind::demonym_adj || m.possessive) return official_after(ts, m, se, false);
    // The verb must be the mention's own: no punctuation in between ("a bonus to the Soviet
    // Union, Lyng said"), and a name after a preposition is not the subject ("analysts of the
    // Soviet Union said").
    bool reporting = false;
    for (std::size_t k = m.end_token; k < se && k < m.end_token + reporting_window_ && !reporting; ++k) {
      if (ts[k].kind == tokenize::TokenKind::punct) break;
      reporting = reporting_verbs_.count(std::string(ts.folded(k))) > 0;
    }
    return reporting && (is_demonym(m.form) || subject(ts, m, sentence.first_token));
  }

  // Whether the sentence has a present- or future-tense verb.
  bool has_present_verb(const TokenStream& ts, const tokenize::Sentence& sentence) const {
    for (std::size_t k = sentence.first_token; k < sentence.end_token; ++k)
      if (present_verbs_.count(std::string(ts.folded(k)))) return true;
    return false;
  }

  // Whether an official noun (or, with `economy`, an economic one) follows the mention within
  // official_window words, before any punctuation: "East German officials", "Malayan traders".
  bool official_after(const TokenStream& ts, const Mention& m, std::size_t se, bool economy) const {
    for (std::size_t k = m.end_token; k < se && k < m.end_token + official_window_; ++k) {
      if (ts[k].kind == tokenize::TokenKind::punct) break;
      // "the Malayan government's expenditures": the noun with its possessive.
      std::string_view folded = ts.folded(k);
      std::string w(folded.substr(0, folded.size() - text::possessive_bytes(folded)));
      if (official_nouns_.count(w) || (economy && economy_nouns_.count(w))) return true;
    }
    return false;
  }

  Story story_time(const TokenStream& ts, const Date& date) const {
    Story st;
    if (!story_present_) return st;
    for (std::size_t k = 0; k < ts.size(); ++k) {
      std::string_view w = ts.surface(k);
      if (current_words_.count(std::string(w))) st.present = true;
      // A month without a year after it ("in March", "March 3") dates an event of the story's
      // year; history writes the year ("March 3, 1965").
      if (!st.dated && story_months_.count(std::string(w))) {
        bool year_after = false;
        for (std::size_t j = k + 1; j < ts.size() && j <= k + 3 && !year_after; ++j)
          year_after = ts.surface(j).size() == 4 && year_of(ts.surface(j)).has_value();
        if (!year_after) st.dated = true;
      }
      if (auto y = year_of(w); y && *y >= 1000 && *y <= date.year) {
        st.first_year = std::min(st.first_year, *y);
        if (w.size() == 4 && *y >= date.year - story_present_years_) st.present = true;
      }
      if (!st.present)
        for (const auto& p : story_present_phrases_)
          if (phrase_at(ts, k, p, ts.size())) st.present = true;
    }
    return st;
  }

  // Whether the mention is an item of a comma list whose neighbouring items are capitalized
  // names the dictionary does not know ("Moxico, Namibe, Uige, Zaire").
  static bool in_local_list(const TokenStream& ts, const Mention& m, const std::vector<char>& begin,
                            const std::vector<char>& end) {
    auto cap = [&](std::size_t k) { return k < ts.size() && ts[k].is_word() && ts[k].shape == tokenize::CaseShape::capitalized; };
    // On the left only as a list's later item ("Namibe, Uige, Zaire"): "Lampang, Siam" and
    // "Java, Netherlands East Indies's" name a place and its country.
    bool left = m.first_token >= 4 && ts.surface(m.first_token - 1) == "," && cap(m.first_token - 2) &&
                !end[m.first_token - 1] && ts.surface(m.first_token - 3) == "," && cap(m.first_token - 4);
    bool right = m.end_token + 1 < ts.size() && ts.surface(m.end_token) == "," && cap(m.end_token + 1) &&
                 !begin[m.end_token + 1];
    return left || right;
  }

  // Whether a neighbouring item of the mention's comma list ("A, B", "A and B", "A or B") is
  // another name of a state that `e` shares a final country with, or that country itself.
  static bool listed_with_same_state(const dictionary::EntityDictionary& dict, const std::vector<Mention>& ms,
                                     const Mention& m, const Entity& e, const TokenStream& ts) {
    std::vector<const Entity*> own;
    successor_countries(dict, e, own);
    if (own.empty()) return false;
    const auto& all = dict.entities();
    auto same_state = [&](const Mention& n) {
      if (is_demonym(n.form) || (n.first_token == m.first_token && n.end_token == m.end_token)) return false;
      const Entity& other = all[n.entity];
      if (other.type == EntityType::country) return std::find(own.begin(), own.end(), &other) != own.end();
      if (other.type != EntityType::historical || &other == &e) return false;
      std::vector<const Entity*> theirs;
      successor_countries(dict, other, theirs);
      for (const auto* c : theirs)
        if (std::find(own.begin(), own.end(), c) != own.end()) return true;
      return false;
    };
    auto sep = [&](std::size_t k) { return list_separator(ts, k); };
    // Mentions are in token order: only those starting a name's length before the mention, up
    // to two tokens after it, can be its neighbours (bounded work however many mentions).
    std::uint32_t from = m.first_token > kNeighbourReach ? m.first_token - kNeighbourReach : 0;
    auto it = std::lower_bound(ms.begin(), ms.end(), from,
                               [](const Mention& x, std::uint32_t t) { return x.first_token < t; });
    for (; it != ms.end() && it->first_token <= m.end_token + 2; ++it) {
      const Mention& n = *it;
      bool left = n.end_token < m.first_token && m.first_token - n.end_token <= 2 && sep(n.end_token) &&
                  (m.first_token - n.end_token == 1 || sep(n.end_token + 1));
      bool right = n.first_token > m.end_token && n.first_token - m.end_token <= 2 && sep(m.end_token) &&
                   (n.first_token - m.end_token == 1 || sep(m.end_token + 1));
      if ((left || right) && same_state(n)) return true;
    }
    return false;
  }

  // Whether token k separates a list's items: a comma, "and" or "or".
  static bool list_separator(const TokenStream& ts, std::size_t k) {
    std::string_view s = ts.surface(k);
    return s == "," || s == "and" || s == "or";
  }

  static constexpr std::size_t kItemNote = 3;  // tokens of a bracketed note on a list item: "[s]"
  static constexpr std::uint32_t kNeighbourReach = 24;  // tokens: longer than any known name

  // Whether the mention is an item of a list whose neighbouring item is a current country:
  // "France, West Germany, Italy", "China, Taiwan and South Vietnam".
  static bool listed_with_current(const TokenStream& ts, const Mention& m, const std::vector<char>& begin,
                                  const std::vector<char>& end) {
    if (is_demonym(m.form)) return false;
    auto sep = [&](std::size_t k) { return list_separator(ts, k); };
    // Left: "<country> ," or "<country> and" right before the mention.
    std::size_t k = m.first_token;
    if (k >= 2 && sep(k - 1)) {
      std::size_t at = k - 1;
      if (at >= 2 && ts.surface(at) != "," && ts.surface(at - 1) == ",") --at;  // ", and"
      if (end[at]) return true;
    }
    // Right: ", <country>" or "and <country>" (an article may come between), after a short
    // note in brackets on the item ("shared with West Germany [s], Austria").
    k = m.end_token;
    if (k < ts.size() && (ts.surface(k) == "[" || ts.surface(k) == "(")) {
      std::size_t c = k + 1;
      while (c < ts.size() && c - k <= kItemNote && ts.surface(c) != "]" && ts.surface(c) != ")") ++c;
      if (c < ts.size() && c - k <= kItemNote) k = c + 1;
    }
    if (k + 1 < ts.size() && sep(k)) {
      std::size_t at = k + 1;
      if (at + 1 < ts.size() && (ts.surface(at) == "and" || ts.surface(at) == "or")) ++at;
      if (at + 1 < ts.size() && ts.folded(at) == "the") ++at;
      if (at < ts.size() && begin[at]) return true;
    }
    return false;
  }

  // Whether the mention can be the subject of what follows: not after a preposition.
  bool subject(const TokenStream& ts, const Mention& m, std::size_t sentence_start) const {
    std::size_t p = m.first_token;
    if (p > sentence_start && ts.folded(p - 1) == "the") --p;
    return !(p > sentence_start && not_subject_after_.count(std::string(ts.folded(p - 1))));
  }

  // Part of a current proper name: "Bank of Ceylon", "Siam Commercial Bank", "Ceylon tea".
  bool inside_name(const TokenStream& ts, const Mention& m) const {
    for (const auto& n : inside_names_) {
      for (std::size_t k = 0; k < n.size(); ++k) {
        if (m.first_token < k) break;
        std::size_t start = m.first_token - k;
        if (phrase_at(ts, start, n, ts.size()) && start + n.size() >= m.end_token) return true;
      }
    }
    // Not after a possessive, which ends the name ("Siam's Commerce Ministry").
    if (!m.possessive && m.end_token < ts.size() && ts[m.end_token].is_word() && ts[m.end_token].space_before &&
        !ts[m.end_token].newline_before && ts[m.end_token].shape == tokenize::CaseShape::capitalized &&
        !ts[m.end_token].sentence_start)
      return true;
    if (m.first_token >= 2 && ts.folded(m.first_token - 1) == "of" &&
        institution_words_.count(std::string(ts.surface(m.first_token - 2))))
      return true;
    return false;
  }

  // The countries that finally followed `e`, through intermediate historical states.
  static void successor_countries(const dictionary::EntityDictionary& dict, const Entity& e,
                                  std::vector<const Entity*>& out, int depth = 0) {
    if (depth > 8) return;
    for (const auto& s : e.successors) {
      const Entity* n = dict.find_id(s);
      if (!n) continue;
      if (n->type == EntityType::country) {
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
      } else {
        successor_countries(dict, *n, out, depth + 1);
      }
    }
  }

  // Whether the mention's sentence dates it only before the state existed: every year,
  // century or world war it names ends before the state's first year, none is taken relative
  // to ("after World War II", "since the 1930s"), and the state has a first year.
  bool before_existence(const TokenStream& ts, const Mention& m, int from) const {
    const auto sentence = near_sentence(ts, m.first_token);
    std::size_t sb = sentence.first_token, se = sentence.end_token;
    // A sentence that tells how the state came to be ("the area became East Pakistan").
    for (std::size_t k = sb; k < se; ++k)
      if (origin_words_.count(std::string(ts.folded(k)))) return false;
    bool dated = false;
    auto relative = [&](std::size_t at) {
      for (std::size_t j = at; j > sb && at - j < 3; --j)
        if (relative_words_.count(std::string(ts.folded(j - 1)))) return true;
      return false;
    };
    for (std::size_t k = sb; k < se; ++k) {
      std::string_view w = ts.surface(k);
      int last = 0;  // the last year the expression covers
      if (auto y = year_of(w); y && *y >= 1000) {
        last = w.size() == 5 ? *y + 9 : *y;  // "1930s"
      } else if (w.size() >= 3 && w.size() <= 4 && std::isdigit(static_cast<unsigned char>(w[0]))) {
        // "19th century", "19th-century", "10th and 13th centuries"
        std::size_t d = 0;
        while (d < w.size() && std::isdigit(static_cast<unsigned char>(w[d]))) ++d;
        std::string suffix(w.substr(d));
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
          for (std::size_t j = k + 1; j < se && j <= k + 4; ++j) {
            std::string f(ts.folded(j));
            if (f == "century" || f == "centuries") {
              last = std::stoi(std::string(w.substr(0, d))) * 100;
              break;
            }
          }
        }
      } else if (ts.folded(k) == "war" && k >= sb + 1 && ts.folded(k - 1) == "world" && k + 1 < se) {
        std::string n(ts.surface(k + 1));
        if (n == "I") last = 1918;
        else if (n == "II") last = 1945;
      } else if (ts.folded(k) == "world" && k + 1 < se && ts.folded(k + 1) == "war" && k > sb) {
        std::string n(ts.folded(k - 1));
        if (n == "first") last = 1918;
        else if (n == "second") last = 1945;
      }
      if (last == 0) continue;
      if (last + before_margin_ > from || relative(k)) return false;
      dated = true;
    }
    return dated;
  }

  // before: the state's first year when it is named for an earlier time, else 0.
  void report(const LintContext& ctx, const Mention& m, const Entity& e, Emitter& out, int before = 0) const {
    const auto& ts = ctx.tokens;
    const auto& dict = ctx.entities->dictionary();
    std::vector<std::string> repl;
    bool name_form = !is_demonym(m.form);
    auto custom = replacements_.find(std::string(e.id));
    if (name_form && custom != replacements_.end()) {
      repl = custom->second;
    } else {
      std::vector<const Entity*> succ;
      auto cont = continuators_.find(std::string(e.id));
      if (cont != continuators_.end()) {
        if (const Entity* c = dict.find_id(cont->second)) succ.push_back(c);
      } else {
        successor_countries(dict, e, succ);
      }
      if (succ.size() == 1) {
        const Entity& c = *succ[0];
        const dictionary::Names* forms = nullptr;
        if (m.form == FormKind::demonym_adj) forms = &c.demonym_adj;
        else if (m.form == FormKind::demonym_noun) forms = &c.demonym_noun;
        else if (m.form == FormKind::demonym_plural) forms = &c.demonym_plural;
        if (forms) {
          if (!forms->empty()) repl.emplace_back(forms->front());
        } else {
          repl.emplace_back(c.name);
        }
      }
    }
    std::size_t b = ts[m.first_token].begin, end = ts[m.end_token - 1].end;
    // "Dahomey's" -> "Benin's": the possessive stays in the text.
    if (m.possessive) {
      std::string_view last = ts.surface(m.end_token - 1);
      end -= last.size() >= 4 && last.substr(last.size() - 4) == "\xE2\x80\x99s" ? 4 : 2;
    }
    // "the Soviet Union" → "Russia", not "the Russia": take the article along with the name.
    if (name_form && !repl.empty() && m.first_token > 0 && ts.folded(m.first_token - 1) == "the" &&
        repl[0].rfind("the ", 0) != 0 && repl[0].rfind("The ", 0) != 0) {
      b = ts[m.first_token - 1].begin;
    }
    std::string_view matched = ts.text().substr(b, end - b);
    for (auto& r : repl) r = match_case(matched, r);
    std::string tpl = before ? message_before_ : repl.empty() ? message_plain_ : info().message;
    tpl = fill(std::move(tpl), "{from}", std::to_string(before));
    tpl = fill(std::move(tpl), "{year}", std::to_string(e.valid_to->year));
    tpl = fill(std::move(tpl), "{name}", e.name);
    tpl = fill(std::move(tpl), "{match}", std::string(matched));
    tpl = fill(std::move(tpl), "{expected}", repl.empty() ? std::string() : repl[0]);
    out.emit(b, end, std::move(tpl), std::move(repl));
  }

  std::unordered_set<std::string> before_words_, hyphen_words_, current_words_, reporting_verbs_, official_nouns_,
      institution_words_, not_subject_after_, after_words_;
  std::vector<std::vector<std::string>> inside_names_;
  std::size_t before_window_ = 3, after_window_ = 3, reporting_window_ = 3, official_window_ = 1;
  std::unordered_set<std::string> present_verbs_;
  int year_gap_ = 5;
  bool present_sentence_ = false;
  bool story_present_ = false;
  std::vector<std::vector<std::string>> story_present_phrases_;
  int story_present_years_ = 1;
  std::unordered_set<std::string> economy_nouns_, story_months_, time_units_;
  std::vector<std::vector<std::string>> sentence_phrases_, relative_openers_;
  std::set<std::string, std::less<>> evidence_kinds_, evidence_ids_;
  bool reused_long_forms_ = false;
  int evidence_after_years_ = 20;
  std::string message_plain_, message_before_;
  std::unordered_set<std::string> relative_words_, origin_words_;
  int before_margin_ = 3;
  std::unordered_set<std::string> divided_prefixes_;
  std::string message_body_before_;
  std::vector<std::vector<std::string>> body_after_, body_before_;
  std::unordered_map<std::string, std::string> continuators_;
  std::unordered_map<std::string, std::vector<std::string>> replacements_;
};

class OfficeTermRule : public Rule {
 public:
  OfficeTermRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    auto horizon = table.required_string("verified_until");
    auto d = Date::parse(horizon);
    if (!d) table.fail("verified_until", "expected a date YYYY-MM-DD, got \"" + horizon + "\"");
    verified_until_ = *d;
    for (auto& w : table.strings("skip_before_title")) skip_before_.insert(std::move(w));
    former_ = table.string("former").value_or("former");
    for (auto& t : table.strings("skip_titles")) skip_titles_.insert(std::move(t));
    skip_window_ = static_cast<std::size_t>(table.integer("skip_window").value_or(1));
    for (auto& p : table.strings("past_phrases")) past_phrases_.push_back(match::phrase_tokens(p));
    auto arrows = [&](const char* key, auto&& add) {
      for (const auto& a : table.strings(key)) {
        auto at = a.find("->");
        if (at == std::string::npos) table.fail(key, "expected \"word->value\", got \"" + a + "\"");
        add(a.substr(0, at), a.substr(at + 2));
      }
    };
    arrows("month_names", [&](const std::string& w, const std::string& v) {
      int m = std::atoi(v.c_str());
      if (m < 1 || m > 12) table.fail("month_names", "a month is 1 to 12, got \"" + v + "\"");
      months_[w] = m;
    });
    // "summer->6-8": the months a season runs through (a winter's run across the year end).
    arrows("seasons", [&](const std::string& w, const std::string& v) {
      auto dash = v.find('-');
      int a = std::atoi(v.substr(0, dash).c_str()), b = dash == std::string::npos ? a : std::atoi(v.substr(dash + 1).c_str());
      if (a < 1 || a > 12 || b < 1 || b > 12) table.fail("seasons", "expected \"season->M-M\", got \"" + v + "\"");
      seasons_[w] = {a, b};
    });
    for (auto& w : table.strings("recent_words")) recent_words_.insert(std::move(w));
    for (auto& w : table.strings("agent_words")) agent_words_.insert(std::move(w));
    for (auto& w : table.strings("participles")) participles_.insert(std::move(w));
    for (auto& w : table.strings("present_auxiliaries")) present_auxiliaries_.insert(std::move(w));
  }
  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.entities || !ctx.mentions) return;
    // Past the horizon the dictionary cannot vouch for a term it lists as open: the person may
    // have moved to another office since. Only people with no open term are judged there.
    bool past_horizon = verified_until_ < ctx.date;
    const auto& all = ctx.entities->dictionary().entities();
    const auto& ms = *ctx.mentions;
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i < ms.size();) {
      std::size_t j = end_of_same_span(ms, i);
      const Mention& m = ms[i];
      std::size_t from = i;
      i = j;
      // Every entity of this span must be a person whose terms with the title exclude the date.
      std::optional<std::pair<std::size_t, std::size_t>> title;  // token range of the title
      const dictionary::Term* ended = nullptr;
      const Entity* person = nullptr;
      bool ok = true;
      for (std::size_t k = from; k < j && ok; ++k) {
        const Entity& e = all[ms[k].entity];
        if (e.type != EntityType::person) {
          ok = false;
          break;
        }
        const dictionary::Term* last_ended = nullptr;
        bool covered = false, seen = false;
        for (const auto& t : e.terms)
          if (past_horizon && !t.end) covered = true;
        for (const auto& t : e.terms) {
          if (skip_titles_.count(std::string(t.title))) continue;
          auto range = title_before(ts, m.first_token, t.title);
          if (!range) continue;
          if (title && *title != *range) continue;
          seen = true;
          title = range;
          // The end day is ambiguous (the successor takes over that day): judged from the next.
          if ((!t.start || !(ctx.date < *t.start)) && (!t.end || !(*t.end < ctx.date))) covered = true;
          if (t.end && *t.end < ctx.date && (!last_ended || *last_ended->end < *t.end)) last_ended = &t;
        }
        if (!seen || covered || !last_ended) {
          ok = false;
        } else {
          ended = last_ended;
          person = &e;
        }
      }
      if (!ok || !title || !ended) continue;
      auto [tb, te] = *title;
      // "In 2018, President Donald Trump imposed tariffs": a year of the term dates the title.
      if (dated_in_term(ts, tb, *person, ended->title)) continue;
      // "Last March, Prime Minister ...", "At the time, Chancellor ...": the sentence speaks of
      // a time within the term, or of a past it does not date.
      if (speaks_of_term(ts, tb, ctx.date, *person, ended->title)) continue;
      // "who was appointed by President Barack Obama": the title holder did a past act, in
      // office; the act is of the term, whatever the story's date.
      if (agent_of_past_act(ts, tb)) continue;
      if (tb > 0 && skipped(ts, tb)) continue;
      // "U.S. President" → "former U.S. President": take a country's (or a former state's) name or
      // demonym along.
      std::size_t start = tb;
      for (std::size_t k = from; k > 0; --k) {
        const Mention& p = ms[k - 1];
        if (p.end_token < tb) break;
        if (p.end_token == tb && (all[p.entity].type == EntityType::country || all[p.entity].type == EntityType::historical))
          start = p.first_token;  // "ex-West German Chancellor Helmut Schmidt"
      }
      if (start != tb && start > 0 && skipped(ts, start)) continue;
      std::size_t b = ts[start].begin, e = ts[te - 1].end;
      std::string_view matched = ts.text().substr(b, e - b);
      std::string repl = former_ + " " + std::string(matched);
      if (ts[start].sentence_start) repl = match_case(matched, repl);
      std::string message = fill(info().message, "{year}", std::to_string(ended->end->year));
      message = fill(std::move(message), "{title}", ended->title);
      message = fill(std::move(message), "{name}", person->name);
      message = fill(std::move(message), "{match}", std::string(matched));
      message = fill(std::move(message), "{expected}", repl);
      out.emit(b, e, std::move(message), {repl});
    }
  }

 private:
  // The title's tokens right before `first` ("Foreign Minister" before "Sergei Lavrov").
  static std::optional<std::pair<std::size_t, std::size_t>> title_before(const TokenStream& ts, std::size_t first,
                                                                          std::string_view title) {
    auto words = match::phrase_tokens(title);
    if (words.empty() || first < words.size()) return std::nullopt;
    std::size_t b = first - words.size();
    for (std::size_t k = 0; k < words.size(); ++k)
      if (ts.folded(b + k) != words[k]) return std::nullopt;
    if (ts[b].sentence != ts[first].sentence) return std::nullopt;
    return std::make_pair(b, first);
  }

  static bool dated_in_term(const TokenStream& ts, std::size_t at, const Entity& person, std::string_view title) {
    const auto sentence = near_sentence(ts, at);
    for (std::size_t k = sentence.first_token; k < sentence.end_token; ++k) {
      if (ts[k].kind != tokenize::TokenKind::number) continue;
      auto y = year_of(ts.surface(k));
      if (!y) continue;
      for (const auto& t : person.terms)
        if (t.title == title && (!t.start || t.start->year <= *y) && (!t.end || *y <= t.end->year)) return true;
    }
    return false;
  }

  // "former", "then-", "ex-", "Vice", "Deputy" before the title: another title or already past;
  // also with up to `skip_window` - 1 capitalized words between ("former Republican President").
  bool skipped(const TokenStream& ts, std::size_t b) const {
    std::size_t k = b;
    for (std::size_t n = 0; n < skip_window_; ++n) {
      if (k > 0 && ts.surface(k - 1) == "-") --k;
      if (k == 0 || ts[k - 1].sentence != ts[b].sentence) return false;
      if (skip_before_.count(std::string(ts.folded(k - 1)))) return true;
      if (!ts[k - 1].is_word() || ts[k - 1].shape == tokenize::CaseShape::lower) return false;
      --k;
    }
    return false;
  }

  // Whether the title at `tb` follows a past participle and an agent word ("appointed by",
  // "signed by"; `agent_words`, and `participles` besides the regular "-ed" forms), not after a
  // present or future auxiliary ("is backed by", "will be signed by": `present_auxiliaries`).
  bool agent_of_past_act(const TokenStream& ts, std::size_t tb) const {
    if (tb < 2 || !agent_words_.count(std::string(ts.folded(tb - 1)))) return false;
    std::size_t p = tb - 2;
    if (!ts[p].is_word() || ts[p].shape != tokenize::CaseShape::lower || ts[p].sentence != ts[tb].sentence) return false;
    std::string w(ts.folded(p));
    bool participle = (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) || participles_.count(w);
    if (!participle) return false;
    return p == 0 || !present_auxiliaries_.count(std::string(ts.folded(p - 1)));
  }

  // Whether the sentence of token `at` speaks of a past it does not date (`past_phrases`: "at
  // the time", "back then"), or of a time within one of the person's terms with `title`: a month
  // without a year ("in March", "last March": its latest occurrence by the story's date), a
  // season ("last summer"), "last year", "last month" or "last week".
  bool speaks_of_term(const TokenStream& ts, std::size_t at, Date story, const Entity& person,
                      std::string_view title) const {
    const auto sentence = near_sentence(ts, at);
    std::vector<std::pair<Date, Date>> periods;
    auto month_of = [&](int year, int m) { return std::make_pair(Date{year, m, 1}, Date{year, m, 31}); };
    auto latest = [&](int m) { return m <= story.month ? story.year : story.year - 1; };
    for (std::size_t k = sentence.first_token; k < sentence.end_token; ++k) {
      for (const auto& phrase : past_phrases_) {
        if (phrase.empty() || k + phrase.size() > sentence.end_token) continue;
        bool same = true;
        for (std::size_t x = 0; x < phrase.size() && same; ++x) same = ts.folded(k + x) == phrase[x];
        if (same) return true;
      }
      if (!ts[k].is_word()) continue;
      std::string w(ts.surface(k));
      if (auto mo = months_.find(w); mo != months_.end()) {
        periods.push_back(month_of(latest(mo->second), mo->second));
        continue;
      }
      std::string f(ts.folded(k));
      bool recent = k > sentence.first_token && recent_words_.count(std::string(ts.folded(k - 1)));
      if (!recent) continue;
      if (auto s = seasons_.find(f); s != seasons_.end()) {
        auto [a, b] = s->second;
        int end_year = latest(b);
        int start_year = a <= b ? end_year : end_year - 1;
        periods.emplace_back(Date{start_year, a, 1}, Date{end_year, b, 31});
      } else if (f == "year") {
        periods.emplace_back(Date{story.year - 1, 1, 1}, Date{story.year - 1, 12, 31});
      } else if (f == "month") {
        int m = story.month == 1 ? 12 : story.month - 1;
        periods.push_back(month_of(story.month == 1 ? story.year - 1 : story.year, m));
      } else if (f == "week") {
        periods.push_back(month_of(story.year, story.month));
        periods.back().first = story.day > 7 ? Date{story.year, story.month, story.day - 7} : periods.back().first;
      }
    }
    for (const auto& [from, to] : periods)
      for (const auto& t : person.terms)
        if (t.title == title && (!t.start || *t.start <= to) && (!t.end || from <= *t.end)) return true;
    return false;
  }

  Date verified_until_;
  std::unordered_set<std::string> skip_before_, skip_titles_, recent_words_;
  std::unordered_set<std::string> agent_words_, participles_, present_auxiliaries_;
  std::string former_;
  std::size_t skip_window_ = 1;
  std::vector<std::vector<std::string>> past_phrases_;
  std::unordered_map<std::string, int> months_;
  std::unordered_map<std::string, std::pair<int, int>> seasons_;
};

}  // namespace

std::unique_ptr<Rule> make_temporal_validity_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<TemporalValidityRule>(std::move(info), table);
}

std::unique_ptr<Rule> make_office_term_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<OfficeTermRule>(std::move(info), table);
}

}  // namespace wirelint::rules
