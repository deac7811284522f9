// Kind "spelling": lower-case words that neither Hunspell nor the accepted vocabularies know.
// A capitalized, upper-case or mixed-case word is taken as a name or an acronym and left to
// the entity rules; words with digits are left alone. Suggestions come from Hunspell.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "dictionary/entities.h"
#include "dictionary/language_words.h"
#include "dictionary/spell_checker.h"
#include "rules/context.h"
#include "rules/entity_index.h"
#include "models/synonyms.h"
#include "rules/kinds/registry.h"
#include "text/utf8.h"

namespace wirelint::rules {
namespace {

bool has_digit(std::string_view w) {
  for (char c : w)
    if (c >= '0' && c <= '9') return true;
  return false;
}

class SpellingRule : public Rule {
 public:
  SpellingRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    max_suggestions_ = static_cast<std::size_t>(table.integer("max_suggestions").value_or(3));
    min_length_ = static_cast<std::size_t>(table.integer("min_length").value_or(2));
    max_word_bytes_ = static_cast<std::size_t>(table.integer("max_word_bytes").value_or(64));
    for (const auto& phrase : table.strings("foreign_phrases")) {
      std::string folded = models::lower(text::plain_apostrophes(phrase));
      std::string first = folded.substr(0, folded.find_first_of(" '-"));
      foreign_[first].push_back(std::move(folded));
    }
    for (auto& w : table.strings("prefixes")) prefixes_.insert(std::move(w));
    for (auto& w : table.strings("name_particles")) particles_.insert(std::move(w));
    for (auto& w : table.strings("number_words")) number_words_.insert(std::move(w));
    latin_only_ = table.boolean("latin_only").value_or(false);
    for (auto& w : table.strings("word_mention_before")) mention_before_.insert(std::move(w));
    for (auto& w : table.strings("word_mention_after")) mention_after_.insert(std::move(w));
    for (auto& w : table.strings("word_naming_before")) naming_before_.insert(std::move(w));
    mention_window_ = static_cast<std::size_t>(table.integer("word_mention_window").value_or(0));
    for (auto& w : table.strings("gloss_words")) gloss_words_.insert(std::move(w));
    gloss_max_words_ = static_cast<std::size_t>(table.integer("gloss_max_words").value_or(0));
    for (auto& w : table.strings("foreign_function_words")) foreign_words_.insert(std::move(w));
    language_labels_ = table.boolean("language_labels").value_or(false);
    glossed_quotes_ = table.boolean("glossed_quotations").value_or(false);
    foreign_runs_ = table.boolean("foreign_runs").value_or(false);
    other_language_runs_ = table.boolean("other_language_runs").value_or(false);
    story_language_mentions_ = static_cast<std::size_t>(table.integer("story_language_mentions").value_or(0));
    for (auto& w : table.strings("language_names")) language_names_.insert(std::move(w));
    foreign_sentence_words_ = static_cast<std::size_t>(table.integer("foreign_sentence_words").value_or(0));
    foreign_sentence_percent_ =
        static_cast<std::size_t>(table.integer("foreign_sentence_percent").value_or(101));
    for (auto& w : table.strings("closed_prefixes")) closed_prefixes_.push_back(std::move(w));
    for (auto& w : table.strings("closed_particles")) closed_particles_.push_back(std::move(w));
    for (auto& w : table.strings("short_closed_prefixes")) short_prefixes_.push_back(std::move(w));
    for (const auto& pair : table.strings("derived_suffixes")) {  // "ies->y", or "ized" (nothing added)
      auto arrow = pair.find("->");
      suffixes_.emplace_back(pair.substr(0, arrow), arrow == std::string::npos ? "" : pair.substr(arrow + 2));
    }
    const auto rows = table.strings("keyboard_rows");
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c)
        key_at_[static_cast<unsigned char>(rows[r][c])] = {static_cast<int>(r), 2 * static_cast<int>(c) + static_cast<int>(r)};
    for (auto& w : table.strings("table_function_words")) table_function_words_.insert(std::move(w));
    lower_case_names_min_ = static_cast<std::size_t>(table.integer("lower_case_names_min").value_or(0));
    lower_case_names_message_ = table.string("lower_case_names_message").value_or("");
    plural_s_ = table.boolean("plural_s").value_or(false);
    abbreviation_max_ = static_cast<std::size_t>(table.integer("abbreviation_max_letters").value_or(0));
    abbreviation_slip_min_ = static_cast<std::size_t>(table.integer("abbreviation_slip_min_letters").value_or(4));
    story_term_min_ = static_cast<std::size_t>(table.integer("story_term_min").value_or(0));
    contraction_max_ = static_cast<std::size_t>(table.integer("contraction_max_letters").value_or(0));
    contraction_min_dropped_ = static_cast<std::size_t>(table.integer("contraction_min_dropped").value_or(2));
    for (auto& w : table.strings("results_table_words")) results_words_.insert(std::move(w));
    for (auto& e : table.strings("apostrophe_endings")) apostrophe_endings_.push_back(std::move(e));
    min_closed_part_ = static_cast<std::size_t>(table.integer("min_closed_part").value_or(4));
    min_short_part_ = static_cast<std::size_t>(table.integer("min_short_part").value_or(0));
    foreign_shape_below_ = static_cast<int>(table.integer("foreign_shape_below").value_or(-1000));
    shape_unseen_ = static_cast<int>(table.integer("shape_unseen").value_or(5));
    slip_min_strength_ = static_cast<int>(table.integer("slip_min_strength").value_or(0));
    source_min_strength_ = static_cast<int>(table.integer("source_min_strength").value_or(0));
    rare_source_min_strength_ = static_cast<int>(table.integer("rare_source_min_strength").value_or(0));
    max_two_slip_searches_ = static_cast<std::size_t>(table.integer("two_slip_searches").value_or(0));
    context_weight_ = static_cast<int>(table.integer("context_weight").value_or(0));
    two_slip_min_letters_ = static_cast<std::size_t>(table.integer("two_slip_min_letters").value_or(7));
    two_slip_min_strength_ = static_cast<int>(table.integer("two_slip_min_strength").value_or(6));
    marked_foreign_ = table.boolean("marked_words_foreign").value_or(false);
    min_compound_part_ = static_cast<std::size_t>(table.integer("min_compound_part").value_or(4));
    min_prefixed_stem_ = std::max<std::size_t>(1, static_cast<std::size_t>(table.integer("min_prefixed_stem").value_or(4)));
    for (auto& pair : table.strings("variant_endings")) {
      auto arrow = pair.find("->");
      if (arrow == std::string::npos)
        table.fail("variant_endings", "expected \"ending->ending\", got \"" + pair + "\"");
      variants_.emplace_back(pair.substr(0, arrow), pair.substr(arrow + 2));
    }
  }
  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.spell) return;
    const auto& ts = ctx.tokens;
    // English news uses these foreign phrases ("in absentia", "coup d'état"): their words are
    // words there, and only there.
    std::size_t foreign_end = 0;  // byte offset where the last foreign phrase found ends
    // Per sentence: 0 not judged yet, 1 English, 2 another language (`foreign_sentence_*`).
    std::vector<std::uint8_t> sentence_verdicts(ts.sentences().size(), 0);
    std::vector<Finding> pending;  // reported once the whole story is read
    std::unordered_set<std::string> story_words;  // the story's lower-case words, filled when first asked
    std::size_t two_slip_searches = 0;
    std::size_t lowered_names = 0;
    int story_languages = -1;  // story_languages(ctx), computed when first asked
    for (std::size_t i = 0; i < ts.size(); ++i) {
      const auto& t = ts[i];
      if (!foreign_.empty() && t.is_word() && t.begin >= foreign_end) {
        auto it = foreign_.find(std::string(ts.folded(t)));
        if (it != foreign_.end())
          for (const auto& phrase : it->second) {
            std::string_view rest = ts.text().substr(t.begin, 2 * phrase.size() + 8);
            // The text as the phrase list writes it: lower case, plain apostrophes, one space for
            // any run of white space ("ad\nvalorem" wrapped at the line end); `from[k]` is where
            // written[k] starts in `rest`.
            std::string written;
            std::vector<std::size_t> from;
            for (std::size_t r = 0; r < rest.size() && written.size() <= phrase.size();) {
              if (rest.compare(r, 3, "\xE2\x80\x99") == 0) {
                written += '\'';
                from.push_back(r);
                r += 3;
              } else if (std::isspace(static_cast<unsigned char>(rest[r]))) {
                if (written.empty() || written.back() != ' ') {
                  written += ' ';
                  from.push_back(r);
                }
                ++r;
              } else {
                written += static_cast<char>(std::tolower(static_cast<unsigned char>(rest[r])));
                from.push_back(r++);
              }
            }
            from.push_back(rest.size());
            std::size_t end = phrase.size();
            if (written.compare(0, end, phrase) != 0) continue;
            // The phrase ends at a word's end; map its length back to the text as written.
            if (end < written.size() && std::isalpha(static_cast<unsigned char>(written[end]))) continue;
            std::size_t r = end < written.size() ? from[end] : rest.size();
            foreign_end = std::max(foreign_end, t.begin + r);
          }
      }
      if (t.begin < foreign_end) continue;
      if (!t.is_word() || t.shape != tokenize::CaseShape::lower) continue;
      std::string_view w = ts.surface(t);
      if (w.size() < min_length_ || has_digit(w)) continue;
      // A word of another script (Cyrillic, Greek, Arabic, ...) is not English spelling.
      if (latin_only_ && !latin(w)) continue;
      // An e-mail address ("desk@example.org") is an address, not a word.
      if (w.find('@') != std::string_view::npos) continue;
      // A short link or a bare domain ("bit.ly/3xYz", "reuters.com/world"): a dotted name
      // right before a slash.
      if (w.find('.') != std::string_view::npos && i + 1 < ts.size() && ts.surface(i + 1) == "/" &&
          !ts[i + 1].space_before)
        continue;
      // A file name's extension or an internet domain cited on its own: ".gp, the country code".
      if (i >= 1 && ts.surface(i - 1) == "." && !t.space_before && (i < 2 || ts[i - 1].space_before) &&
          w.size() <= kExtensionLetters)
        continue;
      // "pre-tax", "non-bank": a prefix glued to a hyphen is not a word of its own.
      // A line break after the hyphen is a wrapped compound ("pre-\ntax").
      if (i + 2 < ts.size() && ts.surface(i + 1) == "-" && !ts[i + 1].space_before &&
          (!ts[i + 2].space_before || ts[i + 2].newline_before) && prefixes_.count(std::string(ts.folded(t))))
        continue;
      // A prefix of at least four letters written open before a known word ("agro rangers",
      // "cyber attacks"): the compound's first part.
      if (w.size() >= kOpenPrefixLetters && prefixes_.count(std::string(ts.folded(t))) && i + 1 < ts.size() &&
          ts[i + 1].space_before && !ts[i + 1].newline_before && ts[i + 1].is_word() &&
          ts[i + 1].shape == tokenize::CaseShape::lower && ctx.spell->known(ts.surface(i + 1)))
        continue;
      // The lower-case half of a hyphenated name ("Gholam-reza", "Bunya-ananta").
      if (i >= 2 && ts.surface(i - 1) == "-" && !t.space_before && !ts[i - 1].space_before &&
          capitalized(ts[i - 2]))
        continue;
      // A short particle hyphened to the name after it: "Deir ez-Zor", "San Pawl il-Bahar",
      // "ni-Vanuatu".
      if (w.size() <= kHyphenedParticle && i + 2 < ts.size() && ts.surface(i + 1) == "-" && !ts[i + 1].space_before &&
          !ts[i + 2].space_before && capitalized(ts[i + 2]))
        continue;
      // "Banque des Etats", "Richard von Weizsaecker": particles before a name.
      if (i + 1 < ts.size() && particles_.count(std::string(w)) && capitalized(ts[i + 1])) continue;
      if (ctx.accepted_words && ctx.accepted_words->count(std::string(w))) continue;
      // No word is this long: reported as written, not split or corrected (the searches grow
      // with the square of the length).
      if (w.size() > max_word_bytes_) {
        pending.push_back({t.begin, t.end, std::string(w), {}, false});
        continue;
      }
      if (ctx.spell->known(w)) continue;
      // The possessive of a known noun the word list lacks in that form ("carmaker's"); not of a
      // plural ("firms's") or of a word that is only ever a verb form ("bring's";
      // dictionaries/ngrams/verb-forms.tsv).
      if (std::string_view base = without_possessive(w);
          base.size() < w.size() && base.back() != 's' && ctx.spell->known(base) && !verb_form(ctx, base))
        continue;
      // A regular formation is a word, unless it joins a prefix or two words where one slip of a
      // frequent word explains it better: "repored" is "reported" before it is re+pored.
      if (auto formation = derived(*ctx.spell, w);
          formation == Formation::variant || (formation == Formation::compound && !slip_of_frequent_word(ctx, w)) ||
          (formation == Formation::short_compound && !one_slip_from_a_word(ctx, w)) ||
          (formation == Formation::short_stem && !one_slip_from_a_word(ctx, w, /*cheap_only=*/true)))
        continue;
      // A part that only lives in its compound ("tight-fisted"): the dictionary knows the whole,
      // hyphenated or closed up ("tightfisted").
      auto compound_known = [&](const std::string& a, const std::string& b) {
        return ctx.spell->known(a + "-" + b) || ctx.spell->known(a + b);
      };
      if (i >= 2 && ts.surface(i - 1) == "-" && !t.space_before && !ts[i - 1].space_before &&
          ts[i - 2].is_word() && compound_known(std::string(ts.folded(i - 2)), std::string(w)))
        continue;
      // A noun made an adjective after a number ("a 24-spoked wheel", "a 12-stringed harp"): the
      // noun with "-d" or "-ed".
      if (i >= 2 && ts.surface(i - 1) == "-" && !t.space_before && !ts[i - 1].space_before && has_digit(ts.surface(i - 2)) &&
          w.size() > 4 && w.substr(w.size() - 2) == "ed" &&
          (ctx.spell->known(w.substr(0, w.size() - 1)) || ctx.spell->known(w.substr(0, w.size() - 2))))
        continue;
      // The end of a word an editor bracketed ("Ammon[ites]", "govern(ment)"): the whole word is
      // judged, a name when capitalized; "govern(mnet)" is still a slip.
      if (i >= 2 && !t.space_before && (ts.surface(i - 1) == "[" || ts.surface(i - 1) == "(") &&
          !ts[i - 1].space_before && ts[i - 2].is_word() &&
          (capitalized(ts[i - 2]) || ctx.spell->known(std::string(ts.surface(i - 2)) + std::string(w))))
        continue;
      // A word doubled with a hyphen is a word of its own ("ylang-ylang", "mahi-mahi").
      if ((i + 2 < ts.size() && ts.surface(i + 1) == "-" && !ts[i + 1].space_before && !ts[i + 2].space_before &&
           ts.surface(i + 2) == w) ||
          (i >= 2 && ts.surface(i - 1) == "-" && !t.space_before && !ts[i - 1].space_before && ts.surface(i - 2) == w))
        continue;
      // The plural of a hyphenated compound on its last part: "17-year-olds", "stand-ins".
      if (i >= 2 && ts.surface(i - 1) == "-" && !t.space_before && !ts[i - 1].space_before && ts[i - 2].is_word() &&
          w.size() >= 3 && w.back() == 's' && ctx.spell->known(w.substr(0, w.size() - 1)))
        continue;
      if (i + 2 < ts.size() && ts.surface(i + 1) == "-" && !ts[i + 1].space_before && !ts[i + 2].space_before &&
          ts[i + 2].is_word() && compound_known(std::string(w), std::string(ts.folded(i + 2))))
        continue;
      if (foreign_context(ctx, i, sentence_verdicts)) continue;
      if (foreign_runs_ && in_foreign_run(ctx, i)) continue;
      if (other_language_runs_ && in_other_language_run(ctx, i)) continue;
      // A word of an official language of a country the story is about ("pano textiles" in a
      // story on Cabo Verde, "Mitt lille land" in one on Norway), unless a country's name, capital
      // or demonym lost its capital ("canada", "caracas") or one slip of a word that news writes beside its neighbours explains it
      // ("the lona was repaid" is "loan"). A word that is a common English word of some length
      // with one letter changed needs a word of the same language beside it: "(regiao
      // administrativa especial)", not "the responsable minister". Words of two letters and words
      // without a vowel are abbreviations ("12 nm") rather than another language's.
      if (story_language_mentions_ > 0 && w.size() >= kStoryLanguageLetters && has_vowel(w)) {
        if (story_languages < 0) story_languages = this->story_languages(ctx);
        if (auto shared = static_cast<std::uint16_t>(ctx.spell->languages(w) & story_languages)) {
          if (!country_word(ctx, title_case(w)) && !slip_fits_context(ctx, w, i) &&
              (!cognate(ctx, w) || language_neighbour(ctx, i, shared)))
            continue;
        }
      }
      // A word with an accented Latin letter that no vocabulary knows ("faîtière", "mwáár") is
      // another language's: a typing slip does not add an accent.
      if (marked_foreign_ && has_marked_letter(w)) continue;
      // A short word without a vowel ("pfd", "mcf", "bbls", "tv") is an abbreviation, unless one
      // cheap slip of a frequent word ("drls" is "dlrs", "mlns" is "mln") or of a word with a
      // vowel ("tqnk" is "tank", "lgs" is "legs") explains it.
      if (w.size() <= abbreviation_max_ && !has_vowel(w) && !slip_of_frequent_word(ctx, w) &&
          !slip_of_voweled_word(ctx, w))
        continue;
      // ... and right after a figure it is a unit or a results table's abbreviation even when a
      // word with a vowel is one slip away ("12 mth figures", "nine mth loss"), unless one cheap
      // slip of a frequent word explains it ("5 mnl dlrs" is "mln"; "mths" is the plural of "mth",
      // not its slip).
      if (w.size() <= abbreviation_max_ && !has_vowel(w) && after_figure(ctx, i) && !slip_of_frequent_word(ctx, w, true))
        continue;
      // A results table's contraction of a word news writes ("Cons banking gp net profit ... vs",
      // "quarterly divs vs 15", "1985 amts restated"): right after a figure or on a line of a
      // results table, unless a slip of a word that fits its neighbours ("12.1 mn vs" is "mln")
      // or a cheap slip of a function word of three letters or more ("1.2 mln wiht", "5 feom 6":
      // the table has no pairs of those to vouch for them) explains it.
      if (w.size() <= contraction_max_ && t.shape == tokenize::CaseShape::lower &&
          (after_figure(ctx, i) || on_results_line(ctx, i)) && contracts_frequent_word(ctx, w) &&
          !slip_fits_context(ctx, w, i) && !slip_of_function_word(ctx, w))
        continue;
      auto suggestions = ranked_suggestions(ctx, w, i);
      // No known word is one slip away and the word has the shape of another language's
      // ("okoume", "sveti", "taoiseach"): a term or name of that language, not a misspelling.
      if (suggestions.empty() && foreign_shape_below_ > -1000 && english_shape(ctx, w) * 100 < foreign_shape_below_)
        continue;
      // No word one slip away: a common word two slips away is likelier meant ("equivilant" is
      // "equivalent") than an unknown word; searched for the first `two_slip_searches` such words
      // of a story (the search reads the common words of the same first letters).
      // So too when the words one slip away are all rare: "finaical" is "financial", not "finical".
      bool lowered_name = !suggestions.empty() && slip_cost(w, suggestions[0]) < 0;
      if (source_min_strength_ > 0 && !lowered_name && two_slip_searches < max_two_slip_searches_ &&
          (suggestions.empty() || !has_source(ctx, w, suggestions, story_words))) {
        ++two_slip_searches;
        if (auto further = two_slip_suggestions(ctx, w); !further.empty()) suggestions = std::move(further);
      }
      // A misspelling is a slip of some word; a word nobody misspells often is rarely the one
      // meant. With no source written in news at least `source_min_strength` (and none the story
      // itself writes), the word is vocabulary the dictionaries lack ("cosmodrome", "asylees",
      // "tepuis"), not a slip.
      if (source_min_strength_ > 0 && !lowered_name && !has_source(ctx, w, suggestions, story_words)) continue;
      // A word of the larger English word lists ("enflame", "chamise", "guls") is a rare word
      // the dictionary lacks, unless a word news writes often, or the story writes, explains it
      // as a slip: "wich" is "which". So too when it is a surname in lower case ("Alaska
      // pollock"), but not the name of a known entity ("jordan").
      if (rare_source_min_strength_ > 0 && ctx.spell->rare(w) &&
          (lowered_name ? !entity_name(ctx, suggestions[0]) : !has_strong_source(ctx, w, suggestions, story_words)))
        continue;
      lowered_names += lowered_name;
      pending.push_back({t.begin, t.end, std::string(w), std::move(suggestions), lowered_name});
    }
    report(ctx, pending, lowered_names, out);
  }

 private:
  struct Finding {
    std::size_t begin, end;
    std::string word;
    std::vector<std::string> suggestions;
    bool lowered_name;  // a known name written in lower case ("venezuela")
  };

  // A story that writes at least `lower_case_names_min` known names in lower case ("venezuela",
  // "jamaica's", "reuters") was typed without its capitals: one finding says so at the first
  // name, and its other unknown words are names too unless one slip of a frequent word explains
  // them ("grisanti" is a name there; "exhange" is still "exchange").
  void report(const LintContext& ctx, std::vector<Finding>& pending, std::size_t lowered_names, Emitter& out) const {
    bool lower_case_story = lower_case_names_min_ > 0 && lowered_names >= lower_case_names_min_;
    bool said = false;
    // A word the story writes the same way `story_term_min` times is its own term ("the
    // temporao crop", "an eep to Moscow"): a slip of the keys is not repeated letter for letter.
    // A letter doubled or halved is the speller's habit, not the keys' ("targetted",
    // "accomodate"), and is still reported.
    std::unordered_map<std::string, std::size_t> written;
    if (story_term_min_ > 0)
      for (const auto& f : pending) ++written[f.word];
    for (auto& f : pending) {
      if (story_term_min_ > 0 && written[f.word] >= story_term_min_ && !f.lowered_name &&
          !(!f.suggestions.empty() && doubling_slip(f.word, f.suggestions[0])))
        continue;
      if (lower_case_story && f.lowered_name) {
        if (said) continue;
        said = true;
        std::string message = fill_message(lower_case_names_message_, f.word, f.suggestions[0]);
        auto at = message.find("{count}");
        if (at != std::string::npos) message.replace(at, 7, std::to_string(lowered_names - 1));
        f.suggestions.resize(1);
        out.emit(f.begin, f.end, std::move(message), std::move(f.suggestions));
        continue;
      }
      if (lower_case_story && !slip_of_frequent_word(ctx, f.word)) continue;
      std::string message = format_message(f.word, f.suggestions.empty() ? "" : f.suggestions[0]);
      out.emit(f.begin, f.end, std::move(message), std::move(f.suggestions));
    }
  }

  // Words Hunspell lacks but that are regular formations of words it has: a British spelling
  // of a known American one ("annualised"), a closed compound of two known words of some length
  // ("farmworkers", "glassmaker"), a known prefix on a known word ("unsmoothed").
  // What a regular formation `w` is: none, a spelling variant or suffixed form of a known word
  // (variant), or a known word behind a prefix or two known words closed up (compound).
  // short_compound: two known words closed up, one shorter than min_closed_part letters but at
  // least min_short_part ("soyoil", "oilcake", "buydown"), a word only when no known word is
  // one slip away ("witheld", "classrom" and "targetted" are slips).
  // short_stem: a prefix on a known word shorter than min_compound_part letters ("unban"), a word
  // only when no cheap slip of a word people write makes it ("interfer" is "interfere").
  enum class Formation { none, variant, compound, short_compound, short_stem };
  Formation derived(const dictionary::SpellChecker& spell, std::string_view w) const {
    std::string word(w);
    for (const auto& [from, to] : variants_) {
      if (word.size() > from.size() + 2 && word.compare(word.size() - from.size(), from.size(), from) == 0 &&
          spell.known(word.substr(0, word.size() - from.size()) + to))
        return Formation::variant;
    }
    // A regular suffix on a known word of some length: "ethnicities" (ethnicity), "dollarized",
    // "warlordism". The stem is looked up as written and capitalized ("latinized": Latin).
    for (const auto& [suffix, stem_end] : suffixes_) {
      if (word.size() < suffix.size() + min_compound_part_ ||
          word.compare(word.size() - suffix.size(), suffix.size(), suffix) != 0)
        continue;
      std::string stem = word.substr(0, word.size() - suffix.size()) + stem_end;
      if (spell.known(stem) || spell.known(title_case(stem))) return Formation::variant;
    }
    for (const auto& p : closed_prefixes_)
      if (word.size() >= p.size() + std::min(min_prefixed_stem_, min_compound_part_) &&
          word.compare(0, p.size(), p) == 0 && spell.known(word.substr(p.size())))
        return word.size() >= p.size() + min_compound_part_ ? Formation::compound : Formation::short_stem;
    // A particle before a known word ("onstream", "onlending"), a word only when no known word is
    // one slip away ("onsore" is "onshore", "offairs" is "affairs").
    for (const auto& p : short_prefixes_)
      if (word.size() > p.size() + 3 && word.compare(0, p.size(), p) == 0 && spell.known(word.substr(p.size())))
        return Formation::short_compound;
    // A verb and its particle closed up into a noun ("rollout", "runup", "farmout", "workover"):
    // a known word of at least three letters, not a function word, before the particle.
    // Their plurals too: "callups", "rollouts".
    std::string singular = word.size() > 1 && word.back() == 's' ? word.substr(0, word.size() - 1) : std::string();
    for (const auto& p : closed_particles_)
      for (const std::string* form : {&word, &singular})
        if (form->size() >= p.size() + 3 && form->compare(form->size() - p.size(), p.size(), p) == 0) {
          std::string stem = form->substr(0, form->size() - p.size());
          if (spell.known(stem) && !table_function_words_.count(stem)) return Formation::compound;
        }
    // The regular plural of a known noun the dictionary lists in the singular only ("oblasts",
    // "biomes"): not after s, x, z, h or y, where English writes "-es" or "-ies" ("housess",
    // "companys" are slips). Checked for slips like a compound ("saids" is "said").
    if (plural_s_ && word.size() >= min_compound_part_ + 1 && word.back() == 's') {
      std::string stem = word.substr(0, word.size() - 1);
      if (std::string("sxzhy").find(stem.back()) == std::string::npos && spell.known(stem)) return Formation::compound;
    }
    // Two known words closed up, neither a function word ("seagrass", "hotspot"; "forthe" and
    // "andthe" are a lost space).
    for (std::size_t k = min_closed_part_; k + min_closed_part_ <= word.size(); ++k) {
      std::string a = word.substr(0, k), b = word.substr(k);
      if (spell.known(a) && spell.known(b) && !table_function_words_.count(a) && !table_function_words_.count(b))
        return Formation::compound;
    }
    for (std::size_t k = min_short_part_; min_short_part_ > 0 && k + min_short_part_ <= word.size(); ++k) {
      std::string a = word.substr(0, k), b = word.substr(k);
      if (spell.known(a) && spell.known(b) && !table_function_words_.count(a) && !table_function_words_.count(b))
        return Formation::short_compound;
    }
    return Formation::none;
  }

  // `w` without a possessive "'s" (plain or typographic apostrophe) at its end.
  static std::string_view without_possessive(std::string_view w) {
    for (std::string_view end : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")})
      if (w.size() > end.size() + 2 && w.substr(w.size() - end.size()) == end) return w.substr(0, w.size() - end.size());
    return w;
  }

  // Whether token i follows a figure ("12", "1.5", or a number word of `number_words`) in its
  // sentence, on its line, with a space between.
  bool after_figure(const LintContext& ctx, std::size_t i) const {
    const auto& ts = ctx.tokens;
    if (i == 0 || number_words_.empty() || ts[i].newline_before || !ts[i].space_before ||
        ts[i - 1].sentence != ts[i].sentence)
      return false;
    return ts[i - 1].kind == tokenize::TokenKind::number || number_words_.count(models::lower(ts.surface(i - 1)));
  }

  // `w` with its first byte in upper case (ASCII).
  static std::string title_case(std::string_view w) {
    std::string out(w);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
  }

  static bool has_vowel(std::string_view w) { return w.find_first_of("aeiouy") != std::string_view::npos; }

  // Whether one cheap slip (slip_cost at most 3) of a function word of three letters or more
  // (`table_function_words`) makes `w`: "wiht", "feom", "afte".
  bool slip_of_function_word(const LintContext& ctx, std::string_view w) const {
    return cheap_slip_of(ctx, w, [&](const std::string& c) {
      return c.size() >= kFunctionSlipLetters && table_function_words_.count(models::lower(c)) > 0;
    });
  }

  // Whether one cheap slip (slip_cost at most kCheapSlip) of a known word that `source` accepts
  // makes `w`.
  template <typename Source>
  bool cheap_slip_of(const LintContext& ctx, std::string_view w, Source&& source) const {
    for (const auto& c : ctx.spell->suggest(w, std::numeric_limits<std::size_t>::max()))
      if (slip_cost(w, c) <= kCheapSlip && source(c)) return true;
    return false;
  }

  // Whether token `i`'s line holds one of `results_table_words` ("Shr", "vs", "Revs").
  bool on_results_line(const LintContext& ctx, std::size_t i) const {
    if (results_words_.empty()) return false;
    const auto& ts = ctx.tokens;
    std::size_t first = i;
    while (first > 0 && !ts[first].newline_before) --first;
    for (std::size_t k = first; k < ts.size() && (k == first || !ts[k].newline_before); ++k)
      if (k != i && ts[k].is_word() && results_words_.count(models::lower(ts.surface(k)))) return true;
    return false;
  }

  // Whether `w` contracts a word news writes at least `slip_min_strength` (SpellChecker::
  // common_contracted, `contraction_min_dropped` letters left out): "gp" group, "amts" amounts.
  bool contracts_frequent_word(const LintContext& ctx, std::string_view w) const {
    for (const auto& c : ctx.spell->common_contracted(w, contraction_min_dropped_, std::numeric_limits<std::size_t>::max()))
      if (frequency_of(ctx, c) >= slip_min_strength_) return true;
    return false;
  }

  // Whether one cheap slip (slip_cost at most 3) turns a known word with a vowel, of at least
  // `abbreviation_slip_min` letters, into `w`: shorter words are one slip from some word by
  // chance ("nm" from "no").
  bool slip_of_voweled_word(const LintContext& ctx, std::string_view w) const {
    return cheap_slip_of(ctx, w, [&](const std::string& c) {
      return c.size() >= abbreviation_slip_min_ && c.find(' ') == std::string::npos && has_vowel(models::lower(c));
    });
  }

  // Whether `w` and `c` differ by one letter written once for twice or twice for once.
  static bool doubling_slip(std::string_view w, std::string_view c) {
    std::string_view longer = w.size() > c.size() ? w : c, shorter = w.size() > c.size() ? c : w;
    if (longer.size() != shorter.size() + 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && longer[i] == shorter[i]) ++i;
    if (longer.substr(i + 1) != shorter.substr(i)) return false;
    return (i > 0 && longer[i - 1] == longer[i]) || (i + 1 < longer.size() && longer[i + 1] == longer[i]);
  }

  // `w` with its lost apostrophe restored, when that makes a known word that news writes: "dont"
  // is "don't", "womens" is "women's" (one of `apostrophe_endings` after the apostrophe); empty
  // otherwise.
  std::string with_apostrophe(const LintContext& ctx, std::string_view w) const {
    for (const auto& e : apostrophe_endings_) {
      if (w.size() <= e.size() + 1 || w.compare(w.size() - e.size(), e.size(), e) != 0) continue;
      std::string stem(w.substr(0, w.size() - e.size()));
      std::string candidate = stem + "'" + e;
      // News writes the restored word, or its stem is a frequent word ("women"): "loxs" is
      // "loss" mistyped before it is "lox's".
      if (ctx.spell->known(candidate) &&
          (frequency_of(ctx, candidate) > 0 || frequency_of(ctx, stem) >= slip_min_strength_))
        return candidate;
    }
    return {};
  }

  // Common words two slips from `w`, likeliest first (fewest slips, then most frequent in news).
  std::vector<std::string> two_slip_suggestions(const LintContext& ctx, std::string_view w) const {
    auto found = ctx.spell->common_within_two(w, kTwoSlipCandidates);
    std::vector<std::pair<int, std::string>> scored;
    for (auto& [distance, c] : found) {
      int frequency = frequency_of(ctx, c);
      // Two slips in one word are much rarer than one: only of a word news writes often.
      if (distance == 2 && (w.size() < two_slip_min_letters_ || frequency < two_slip_min_strength_)) continue;
      scored.emplace_back(frequency - kStrongest * static_cast<int>(distance), std::move(c));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& [score, c] : scored) {
      if (out.size() == max_suggestions_) break;
      out.push_back(std::move(c));
    }
    return out;
  }
  static constexpr std::size_t kTwoSlipCandidates = 16;

  // Whether a common English word (SCOWL up to size 50), a word that news writes at least
  // `source_min_strength`, one that the story writes itself ("debentures" beside "debenures"),
  // or a word `w` spells with a letter doubled or halved ("accomodative") is among the
  // suggestions for `w`.
  bool has_source(const LintContext& ctx, std::string_view w, const std::vector<std::string>& suggestions,
                  std::unordered_set<std::string>& story_words) const {
    for (const auto& c : suggestions) {
      // A lost space between two common words ("presentand", "acrossall"); not "were ng".
      if (auto space = c.find(' '); space != std::string::npos) {
        if (ctx.spell->common(c.substr(0, space)) && ctx.spell->common(c.substr(space + 1))) return true;
        continue;
      }
      if (frequency_of(ctx, c) >= source_min_strength_ || ctx.spell->common(c)) return true;
      // A letter doubled or halved is a speller's habit whatever the word: "accomodative".
      if (c.size() >= kHabitLetters && doubling_slip(w, c)) return true;
    }
    return written_in_story(ctx, w, suggestions, story_words);
  }

  // Whether `name` is a country's name, capital or demonym ("Canada", "Caracas", "Venezuelan").
  static bool country_word(const LintContext& ctx, const std::string& name) {
    if (!ctx.entities) return false;
    const auto& d = ctx.entities->dictionary();
    if (d.by_capital(name) || d.by_demonym(name)) return true;
    if (auto hits = d.by_name(name))
      for (std::uint32_t k = 0; k < hits->size(); ++k)
        if ((*hits)[k] < d.entities().size() && d.entities()[(*hits)[k]].type == dictionary::EntityType::country)
          return true;
    return false;
  }

  // Whether `name` is a name or alias in the entity dictionary ("Jordan").
  static bool entity_name(const LintContext& ctx, const std::string& name) {
    return ctx.entities && ctx.entities->dictionary().by_name(name).has_value();
  }

  // Whether a suggestion for `w` is a word news writes at least `rare_source_min_strength`, or
  // one the story writes itself.
  bool has_strong_source(const LintContext& ctx, std::string_view w, const std::vector<std::string>& suggestions,
                         std::unordered_set<std::string>& story_words) const {
    for (const auto& c : suggestions)
      if (c.find(' ') == std::string::npos && frequency_of(ctx, c) >= rare_source_min_strength_) return true;
    return written_in_story(ctx, w, suggestions, story_words);
  }

  // Whether the story writes one of the suggestions for `w` itself ("debentures" beside "debenures").
  bool written_in_story(const LintContext& ctx, std::string_view w, const std::vector<std::string>& suggestions,
                        std::unordered_set<std::string>& story_words) const {
    if (suggestions.empty()) return false;
    if (story_words.empty()) {
      const auto& ts = ctx.tokens;
      for (std::size_t t = 0; t < ts.size(); ++t)
        if (ts[t].is_word()) story_words.insert(models::lower(ts.surface(t)));
      story_words.insert(std::string());  // asked once, even for a story without words
    }
    for (const auto& c : suggestions)
      if (models::lower(c) != models::lower(w) && story_words.count(models::lower(c))) return true;
    return false;
  }

  // Whether some known word, not two, is one edit from `w`; with `source_min_strength`, a word
  // that could be a slip's source (a common word or one news writes that often): "hotspot" is
  // no slip of the rare "hotpot", "witheld" is one of "withheld". With `cheap_only`, only a cheap
  // slip (slip_cost at most 3) counts: "interfer" is "interfere", "unban" no slip of "urban".
  bool one_slip_from_a_word(const LintContext& ctx, std::string_view w, bool cheap_only = false) const {
    for (const auto& c : ctx.spell->suggest(w, std::numeric_limits<std::size_t>::max()))
      if (c.find(' ') == std::string::npos && (!cheap_only || slip_cost(w, c) <= kCheapSlip) &&
          (source_min_strength_ == 0 || ctx.spell->common(c) || frequency_of(ctx, c) >= source_min_strength_))
        return true;
    return false;
  }

  // Whether one cheap slip (slip_cost at most 3) turns a word frequent in news (unigram strength
  // at least `slip_min_strength`) into `w`.
  // With `plural_is_form`, the word's own plural ("mths" for "mth") is a form of it, not a slip.
  bool slip_of_frequent_word(const LintContext& ctx, std::string_view w, bool plural_is_form = false) const {
    if (!ctx.ngrams || slip_min_strength_ <= 0) return false;
    return cheap_slip_of(ctx, w, [&](const std::string& c) {
      bool own_plural = plural_is_form && c.size() == w.size() + 1 && c.back() == 's' && c.compare(0, w.size(), w) == 0;
      return !own_plural && frequency_of(ctx, c) >= slip_min_strength_;
    });
  }

  // The single edits of `w` (token `at`) that are known words, likeliest first: a word's
  // frequency in news (the unigram strength of dictionaries/ngrams/news.tsv, log2 of its count)
  // less the cost of the slip that would have made `w` of it (slip_cost), plus `context_weight`
  // times how well it fits the words around it (context_strength). "copany" -> "company" before
  // "copay"; "group leds by" -> "led" before "less".
  std::vector<std::string> ranked_suggestions(const LintContext& ctx, std::string_view w, std::size_t at) const {
    auto all = ctx.spell->suggest(w, std::numeric_limits<std::size_t>::max());
    std::vector<std::pair<int, std::string>> scored;
    auto [left, right] = table_neighbours(ctx, at);
    // The table leaves out the pairs of two function words ("will be"): beside a function word,
    // a candidate that is one would lose to any other ("It wil be back" is "will", not "oil"), so
    // that side says nothing about any candidate.
    bool function_candidate = false;
    for (const auto& c : all) function_candidate = function_candidate || table_function_words_.count(models::lower(c));
    if (function_candidate) {
      if (table_function_words_.count(left)) left.clear();
      if (table_function_words_.count(right)) right.clear();
    }
    for (auto& c : all) {
      int frequency = frequency_of(ctx, c);
      scored.emplace_back(2 * frequency - slip_cost(w, c) + context_weight_ * context_strength(ctx, c, left, right),
                          std::move(c));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    // A lost apostrophe is the likeliest slip of all: "dont" is "don't" before "done".
    if (std::string restored = with_apostrophe(ctx, w); !restored.empty()) out.push_back(std::move(restored));
    for (auto& [score, c] : scored) {
      if (!out.empty() && c == out[0]) continue;
      if (out.size() == max_suggestions_) break;
      out.push_back(std::move(c));
    }
    return out;
  }

  // Whether `w` is a common English word of kCognateLetters letters or more with one letter
  // changed or two swapped ("responsable": responsible).
  bool cognate(const LintContext& ctx, std::string_view w) const {
    if (w.size() < kCognateLetters) return false;
    for (const auto& c : ctx.spell->suggest(w, std::numeric_limits<std::size_t>::max())) {
      if (c.size() != w.size() || !ctx.spell->common(c)) continue;
      std::size_t diff = 0;
      for (std::size_t k = 0; k < w.size(); ++k) diff += c[k] != w[k];
      if (diff <= 2) return true;
    }
    return false;
  }
  static constexpr std::size_t kCognateLetters = 7;
  static constexpr std::size_t kStoryLanguageLetters = 3;

  // Whether a word beside token `at` in its sentence is a word of one of the lists of `mask`
  // and no English function word.
  bool language_neighbour(const LintContext& ctx, std::size_t at, std::uint16_t mask) const {
    const auto& ts = ctx.tokens;
    for (std::size_t t : {at - 1, at + 1}) {
      if (t >= ts.size() || !ts[t].is_word() || ts[t].sentence != ts[at].sentence) continue;
      if (table_function_words_.count(models::lower(ts.surface(t)))) continue;
      if (ctx.spell->languages(ts.surface(t)) & mask) return true;
    }
    return false;
  }

  // Whether a lost apostrophe ("dont") or a single edit of `w` (token `at`) that the news table
  // pairs with a word beside it (context_strength above 0) explains `w`.
  bool slip_fits_context(const LintContext& ctx, std::string_view w, std::size_t at) const {
    if (!with_apostrophe(ctx, w).empty()) return true;
    if (!ctx.ngrams) return false;
    auto [left, right] = table_neighbours(ctx, at);
    for (const auto& c : ctx.spell->suggest(w, std::numeric_limits<std::size_t>::max()))
      if (slip_cost(w, c) < 8 && context_strength(ctx, c, left, right) > 0) return true;
    return false;
  }

  // The words (or figures) before and after token `at` as the n-gram table writes them
  // (tools/ngrams/ngrams.py: lower case without a possessive, a token with a digit "<num>", a capitalized word inside a
  // sentence "<name>"), empty where a sentence, a line or punctuation other than an apostrophe
  // or hyphen inside a word breaks the sequence.
  std::pair<std::string, std::string> table_neighbours(const LintContext& ctx, std::size_t at) const {
    const auto& ts = ctx.tokens;
    auto as_table = [&](std::size_t t) -> std::string {
      std::string_view s = ts.surface(t);
      if (has_digit(s)) return "<num>";
      std::string w = models::lower(text::plain_apostrophes(s));
      // A capitalized function word opens a sentence or a quotation ("\"It wil be back"); the
      // table writes it in lower case.
      if (!ts[t].sentence_start && ts[t].shape != tokenize::CaseShape::lower && !table_function_words_.count(w))
        return "<name>";
      if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
      return w;
    };
    auto counts = [&](std::size_t t) { return ts[t].is_word() || ts[t].kind == tokenize::TokenKind::number; };
    std::string left, right;
    if (at > 0 && counts(at - 1) && ts[at - 1].sentence == ts[at].sentence && !ts[at].newline_before &&
        ts[at].space_before)
      left = as_table(at - 1);
    if (at + 1 < ts.size() && counts(at + 1) && ts[at + 1].sentence == ts[at].sentence &&
        !ts[at + 1].newline_before && ts[at + 1].space_before)
      right = as_table(at + 1);
    return {left, right};
  }

  // How well the candidate `c` fits between the neighbours (dictionaries/ngrams/news.tsv): the
  // stronger of its bigrams with either, plus the strength of the trigram they make; 0 for a
  // candidate of several words or with a capital, which the table writes as a name.
  int context_strength(const LintContext& ctx, const std::string& c, const std::string& left,
                       const std::string& right) const {
    if (!ctx.ngrams || c.find(' ') != std::string::npos || (!c.empty() && std::isupper(static_cast<unsigned char>(c[0]))))
      return 0;
    int best = 0;
    if (!left.empty()) best = std::max<int>(best, ctx.ngrams->folded_pair_strength(left, c));
    if (!right.empty()) best = std::max<int>(best, ctx.ngrams->folded_pair_strength(c, right));
    if (!left.empty() && !right.empty()) best += ctx.ngrams->folded_pair_strength(left + " " + c, right);
    return best;
  }

  // How English `w` looks, in bits: the mean over its letter trigrams ("^w" ... "d$") of the
  // word-shape rows (dictionaries/ngrams/word-shape.tsv: 5 + log2 of English over names, in half
  // bits); a trigram in neither set counts as `shape_unseen`.
  double english_shape(const LintContext& ctx, std::string_view w) const {
    if (!ctx.ngrams) return 0.0;
    std::string s = "^" + models::lower(w) + "$";
    double sum = 0.0;
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
      int v = ctx.ngrams->folded_pair_strength("~" + s.substr(i, 2), s.substr(i + 2, 1));
      sum += ((v == 0 ? shape_unseen_ : v) - 5) / 2.0;
    }
    return sum / static_cast<double>(s.size() - 2);
  }

  // A word's unigram strength in news (1 + log2 of its count, at most 9; 0 unseen); the
  // function words the table leaves out count as the most frequent.
  int frequency_of(const LintContext& ctx, std::string_view word) const {
    std::string folded = models::lower(word);
    if (table_function_words_.count(folded)) return kStrongest;
    return ctx.ngrams ? ctx.ngrams->folded_pair_strength("#", folded) : 0;
  }
  static constexpr int kStrongest = 9;
  static constexpr int kCheapSlip = 3;  // slip_cost of one letter added or dropped, or of a cheaper slip
  static constexpr std::size_t kFunctionSlipLetters = 3;  // "wth" is "with"; every short abbreviation is a slip of some two-letter word
  static constexpr std::size_t kHabitLetters = 6;  // a doubling slip of a shorter word is no habit
  static constexpr std::size_t kExtensionLetters = 4;  // ".gp", ".com", ".docx"
  static constexpr std::size_t kGlossed = 5;  // words before a bracket that it may translate
  static constexpr std::size_t kHyphenedParticle = 3;  // bytes
  static constexpr std::size_t kOpenPrefixLetters = 4;  // "agro rangers"; not "re", "co", "pre"
  static constexpr std::size_t kCitedPrefixBytes = 4;  // "ba-", "ki-", "wa-"
  static constexpr std::size_t kShortBracketWord = 3;  // bytes

  // How unlikely the slip from the intended `c` to the written `w` is, in half-powers of two: a
  // lost capital costs nothing at all (it outranks every other edit), a doubled or halved letter,
  // two letters swapped and a neighbouring key on `keyboard_rows` little, any other added,
  // dropped or wrong letter more, a lost space most.
  int slip_cost(std::string_view w, std::string_view c) const {
    // ... but a word of two letters is likelier a short word missing its third ("th" is "the",
    // not "Th").
    if (w.size() == c.size() && models::lower(c) == models::lower(w)) return w.size() <= 2 ? 3 : -1000;
    if (c.find(' ') != std::string_view::npos) return 8;
    std::size_t i = 0;
    while (i < w.size() && i < c.size() && w[i] == c[i]) ++i;
    if (w.size() == c.size()) {
      if (i + 1 < w.size() && w[i] == c[i + 1] && w[i + 1] == c[i] && w.substr(i + 2) == c.substr(i + 2)) return 0;
      return near_keys(w[i], c[i]) ? 0 : 6;
    }
    if (w.size() == c.size() + 1) {  // a letter added: doubled, or a key next to its neighbour
      char extra = w[i];
      bool doubled = (i > 0 && w[i - 1] == extra) || (i + 1 < w.size() && w[i + 1] == extra);
      bool brushed = (i > 0 && near_keys(w[i - 1], extra)) || (i + 1 < w.size() && near_keys(w[i + 1], extra));
      return doubled || brushed ? 1 : 3;
    }
    // A letter dropped: one of a double is easily lost.
    bool halved = (i > 0 && c[i - 1] == c[i]) || (i + 1 < c.size() && c[i + 1] == c[i]);
    return halved ? 1 : 3;
  }

  bool near_keys(char a, char b) const {
    auto ka = key_at_.find(static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(a))));
    auto kb = key_at_.find(static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(b))));
    if (ka == key_at_.end() || kb == key_at_.end() || a == b) return false;
    // Columns are counted in half keys, rows staggered by half a key.
    return std::abs(ka->second.first - kb->second.first) <= 1 && std::abs(ka->second.second - kb->second.second) <= 2;
  }

  // Whether every letter of `w` is in the Latin script (ASCII, Latin-1, Latin Extended, the
  // combining marks); punctuation such as the typographic apostrophe does not count.
  static bool latin(std::string_view w) {
    for (std::size_t i = 0; i < w.size();) {
      // The text is well-formed UTF-8 (the reader blanks invalid bytes).
      auto b = static_cast<unsigned char>(w[i]);
      std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
      for (std::size_t k = 1; k < n && i + k < w.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(w[i + k]) & 0x3F);
      i += n;
      if ((c >= 0x0370 && c < 0x1E00) || (c >= 0x2C00 && c < 0x2C60) || (c >= 0x2C80 && c < 0xA720) ||
          (c >= 0xA800 && c < 0xFB00) || c >= 0xFB07)
        return false;
    }
    return true;
  }

  // Whether the unknown lower-case word at i stands where English copy quotes another
  // language: between two name words with a particle ("Conseil ... pour le salut de la
  // République", "Hodh ech Chargui"), named as a word ("the Arabic word misir", "aia gupos,
  // meaning"), in a glossing bracket ("21 provinces (provincias, singular - provincia)"), or in
  // a sentence mostly of words no vocabulary knows (a passage in another language).
  bool foreign_context(const LintContext& ctx, std::size_t i, std::vector<std::uint8_t>& verdicts) const {
    const auto& ts = ctx.tokens;
    auto word = [&](std::size_t t) { return ts[t].is_word(); };
    auto lower_word = [&](std::size_t t) { return word(t) && ts[t].shape == tokenize::CaseShape::lower; };
    auto same_sentence = [&](std::size_t t) { return ts[t].sentence == ts[i].sentence; };
    auto unknown = [&](std::size_t t) {
      std::string_view w = ts.surface(t);
      return !ctx.spell->known(w) && !(ctx.accepted_words && ctx.accepted_words->count(std::string(w)));
    };
    // Inside a name: lower-case words up to capitalized ones on both sides, each a particle or
    // an unknown word, one of them a particle, or the capitalized words on both sides names of
    // another language that no vocabulary knows in any case ("Chama Cha Demokrasia na
    // Maendeleo", "Iglesia ni Cristo"), with no unknown word of four letters or more that one
    // slip of a frequent word explains ("Azpurua reportd Grisanti" is still a slip).
    if (!particles_.empty()) {
      constexpr std::size_t kRun = 5;
      std::size_t l = i, r = i;
      while (l > 0 && i - l < kRun && lower_word(l - 1)) --l;
      while (r + 1 < ts.size() && r - i < kRun && lower_word(r + 1)) ++r;
      if (l > 0 && r + 1 < ts.size() && capitalized(ts[l - 1]) && capitalized(ts[r + 1]) && same_sentence(l - 1) &&
          same_sentence(r + 1)) {
        bool particle = false, foreign = true;
        for (std::size_t t = l; t <= r; ++t) {
          bool p = particles_.count(std::string(ts.folded(t))) > 0;
          // An English function word ("of") says nothing of another language: "the ethnic
          // Armenian populatijon of Nagorno-Karabakh" is a slip.
          particle = particle || (p && !table_function_words_.count(std::string(ts.folded(t))));
          foreign = foreign && (p || unknown(t));
        }
        if (particle && foreign) return true;
        // In brackets, where copy gives a name's forms in other languages ("(Die Mitte, Alleanza
        // del Centro, Allianza dal Center)"), one such name word beside the run will do.
        bool bracketed = in_brackets(ts, l, r);
        if (foreign && ((foreign_name_word(ctx, l - 1) && foreign_name_word(ctx, r + 1)) ||
                        (bracketed && (foreign_name_word(ctx, l - 1) || foreign_name_word(ctx, r + 1))))) {
          bool slip = false;
          for (std::size_t t = l; t <= r && !slip; ++t)
            slip = ts.surface(t).size() >= 4 && slip_of_frequent_word(ctx, ts.surface(t));
          if (!slip) return true;
        }
      }
    }
    // Named as a word: right after "word" or "words" ("the Assyrian word misir"), or after
    // "called", "spelled", ... ("a pattern called koshkar-muiz"), with only foreign words,
    // hyphens and quotation marks between ("from the words aia gupos"); or right before
    // "meaning" or "means" ("aia gupos, meaning 'land of the vulture'").
    if (!mention_before_.empty() || !naming_before_.empty()) {
      std::size_t words_between = 0;
      for (std::size_t t = i; t > 0 && same_sentence(t - 1) && i - t < 24; --t) {
        std::size_t p = t - 1;
        if (!word(p)) {
          std::string_view q = ts.surface(p);
          if (q == "-" || q == "," || q == "\"" || q == "\xE2\x80\x9C" || q == "\xE2\x80\x98" || q == "'") continue;
          // A gloss in brackets between the terms: "the words ras (head or end) and al-khurtum".
          if (q == ")") {
            std::size_t o = p;
            while (o > 0 && same_sentence(o - 1) && p - o < 10 && ts.surface(o) != "(") --o;
            if (ts.surface(o) != "(") break;
            t = o + 1;
            continue;
          }
          break;
        }
        std::string w(ts.folded(p));
        if (mention_before_.count(w) || naming_before_.count(w)) return true;
        if (w == "and" || w == "or") continue;  // "the Persian words tork and mandan"
        if (!lower_word(p) || (!unknown(p) && !particles_.count(w)) || ++words_between >= mention_window_) break;
      }
    }
    // After: "aia gupos, meaning", "caya hico, a phrase meaning", "faso, which means", "baha mar,
    // meaning" (one known word of the term at most).
    if (!mention_after_.empty()) {
      std::size_t known_words = 0;
      for (std::size_t t = i + 1, n = 0; t < ts.size() && n < 2 && same_sentence(t); ++t) {
        if (!word(t)) continue;
        std::string w(ts.folded(t));
        if (mention_after_.count(w)) return true;
        if (w == "a" || w == "an" || w == "the" || w == "which" || mention_before_.count(w)) continue;
        // The parts of a hyphened term are one word of it: "balad-as-sudan, meaning".
        if (!ts[t].space_before && ts.surface(t - 1) == "-" && !ts[t - 1].space_before) continue;
        ++n;
        if (!unknown(t) && ++known_words > 1) break;
      }
    }
    // A run of another language joined by one of its function words: "domus de janas".
    if (i + 2 < ts.size() && lower_word(i + 1) && lower_word(i + 2) && same_sentence(i + 2) &&
        foreign_words_.count(std::string(ts.folded(i + 1))) && unknown(i + 2))
      return true;
    if (i >= 2 && lower_word(i - 1) && lower_word(i - 2) && same_sentence(i - 2) &&
        foreign_words_.count(std::string(ts.folded(i - 1))) && unknown(i - 2))
      return true;
    // A slip of a word news writes often stays a slip before a bracket or inside one ("the dry
    // seawson (June to October)", "English (offiucial)"), though not beside a word named as a
    // word ("the Greek word hera, meaning"). Words of three letters or fewer are one slip from a
    // frequent word by chance ("(fue)", "(Jasno je!)"): the brackets' exemption holds for them.
    const bool frequent_slip = ts.surface(i).size() > kShortBracketWord && slip_of_frequent_word(ctx, ts.surface(i));
    // A term glossed by the bracket right after it: "tanana (town)", "a flowering twig of miro
    // (a local plant)".
    if (gloss_max_words_ > 0 && !frequent_slip && i + 1 < ts.size() && ts.surface(i + 1) == "(" && same_sentence(i + 1)) {
      std::size_t c = i + 2, n = 0;
      while (c < ts.size() && c - i < 12 && ts.surface(c) != ")" && ts.surface(c) != "(") n += word(c++) ? 1 : 0;
      if (c < ts.size() && ts.surface(c) == ")" && n > 0 && n <= 2 * gloss_max_words_) return true;
    }
    // An affix cited on its own: "the suffix -sia", "with \"-stan\" coming from".
    if (i >= 1 && ts.surface(i - 1) == "-" && !ts[i].space_before &&
        (ts[i - 1].space_before || i < 2 ||
         (ts[i - 2].kind == tokenize::TokenKind::punct && ts.surface(i - 2) != "-")))
      return true;
    // ... and a prefix cited on its own: "ba- is the prefix for the people" (a short word, a
    // hyphen glued to it with a space after it, no compound before; "goverment- backed" is a slip).
    if (ts.surface(i).size() <= kCitedPrefixBytes && i + 1 < ts.size() && ts.surface(i + 1) == "-" && !ts[i + 1].space_before &&
        (i + 2 >= ts.size() || ts[i + 2].space_before || ts[i + 2].kind == tokenize::TokenKind::punct) &&
        (i == 0 || ts[i].space_before || ts[i - 1].kind == tokenize::TokenKind::punct) &&
        !(i >= 1 && ts.surface(i - 1) == "-"))
      return true;
    // Words every lower-case word of which is a particle or unknown: a term of another
    // language, or a species' name ("Cananga odorata").
    auto all_foreign = [&](std::size_t from, std::size_t to) {  // [from, to]
      for (std::size_t t = from; t <= to; ++t)
        if (lower_word(t) && !particles_.count(std::string(ts.folded(t))) && !unknown(t)) return false;
      return true;
    };
    // A glossing bracket: the word's brackets hold "singular" or "plural", or a term of at most
    // `gloss_max_words` words all foreign ("a flying fish (maroro)", "21 regions (wilayas)").
    if (!gloss_words_.empty() || gloss_max_words_ > 0) {
      constexpr std::size_t kBracket = 16;
      std::size_t open = i, close = i;
      while (open > 0 && i - open < kBracket && ts.surface(open - 1) != "(" && ts.surface(open - 1) != ")") --open;
      while (close + 1 < ts.size() && close - i < kBracket && ts.surface(close + 1) != ")" && ts.surface(close + 1) != "(")
        ++close;
      if (open > 0 && ts.surface(open - 1) == "(" && close + 1 < ts.size() && ts.surface(close + 1) == ")") {
        std::size_t words = 0;
        for (std::size_t t = open; t <= close; ++t) {
          if (gloss_words_.count(std::string(ts.folded(t)))) return true;
          if (word(t)) ++words;
        }
        if (words <= gloss_max_words_ && !frequent_slip && all_foreign(open, close)) return true;
        // A bracket that translates the words before it, sharing their known words: "1 capital
        // district (distrito capital)", "federal dependency (dependencia federal)".
        if (words <= gloss_max_words_ && open >= 2) {
          bool shared = true;
          std::size_t known_words = 0;
          for (std::size_t t = open; t <= close && shared; ++t) {
            if (!lower_word(t) || unknown(t)) continue;
            ++known_words;
            bool before = false;
            for (std::size_t b = open - 1; b > 0 && open - 1 - b < kGlossed && !before; --b)
              before = ts.folded(b - 1) == ts.folded(t);
            shared = before;
          }
          if (shared && known_words > 0) return true;
        }
      }
    }
    // A term quoted on its own ("replied 'bangjulo'", "the term 'indio'"): at most
    // `gloss_max_words` words between quotation marks, all foreign.
    if (gloss_max_words_ > 0) {
      auto quote = [&](std::size_t t) {
        std::string_view q = ts.surface(t);
        return q == "\"" || q == "\xE2\x80\x9C" || q == "\xE2\x80\x9D";
      };
      std::size_t open = i, close = i;
      while (open > 0 && i - open <= gloss_max_words_ && word(open - 1)) --open;
      while (close + 1 < ts.size() && close - i <= gloss_max_words_ && word(close + 1)) ++close;
      if (open > 0 && quote(open - 1) && close + 1 < ts.size() &&
          (quote(close + 1) || (close + 2 < ts.size() && ts.surface(close + 1) == "," && quote(close + 2))) &&
          close - open < gloss_max_words_ && all_foreign(open, close))
        return true;
    }
    // An apposition that glosses a term: "the winged horses, or tulpars,", "matai, or heads of
    // families".
    if (gloss_max_words_ > 0) {
      if (i >= 2 && ts.folded(i - 1) == "or" && ts.surface(i - 2) == ",") return true;
      if (i + 2 < ts.size() && ts.surface(i + 1) == "," && ts.folded(i + 2) == "or" &&
          !(i > 0 && has_digit(ts.surface(i - 1))))  // not a unit after a number: "921,000 dlrss, or"
        return true;
    }
    // A quotation glossed by a bracket right after its closing mark, most of its lower-case words
    // unknown: a title or motto in another language with its translation ("Ja, vi elsker dette
    // landet" (Yes, we love this country)). An English quotation keeps its slips ("the goverment
    // said" (Reuters) is mostly known words).
    if (glossed_quotes_ && ctx.story && ctx.story->quoted(i)) {
      constexpr std::size_t kQuote = 40;
      std::size_t l = i, r = i;
      while (l > 0 && i - l < kQuote && ctx.story->quoted(l - 1)) --l;
      while (r + 1 < ts.size() && r - i < kQuote && ctx.story->quoted(r + 1)) ++r;
      if (r + 2 < ts.size() && ts.surface(r + 2) == "(") {
        std::size_t all = 0, strange = 0;
        for (std::size_t t = l; t <= r; ++t) {
          if (!lower_word(t)) continue;
          ++all;
          if (unknown(t) || foreign_words_.count(std::string(ts.folded(t)))) ++strange;
        }
        if (2 * strange >= all) return true;
      }
    }
    // A passage labelled with its language: the words from the sentence's start (or the last
    // bracket) up to a bracket that holds only a language's name, "(Albanian)", "(German)" (a
    // country's demonym, or one of `language_names`).
    if (language_labels_) {
      std::size_t close = i + 1;
      while (close < ts.size() && same_sentence(close) && ts.surface(close) != "(" && ts.surface(close) != ")" &&
             close - i < 40)
        ++close;
      if (close + 2 < ts.size() && ts.surface(close) == "(" && ts.surface(close + 2) == ")" && capitalized(ts[close + 1])) {
        std::string name(ts.surface(close + 1));
        bool language = language_names_.count(name) > 0 ||
                        (ctx.entities && ctx.entities->dictionary().by_demonym(name).has_value());
        if (language) return true;
      }
    }
    // A term glossed by its language after it: "barbuda is Spanish for \"bearded\"", "dominica
    // dies in Latin" (at most `word_mention_window` unknown words of the term between).
    if (language_labels_) {
      auto language = [&](std::size_t t) {
        if (!capitalized(ts[t])) return false;
        std::string name(ts.surface(t));
        return language_names_.count(name) > 0 ||
               (ctx.entities && ctx.entities->dictionary().by_demonym(name).has_value());
      };
      std::size_t t = i + 1;
      while (t < ts.size() && t - i <= mention_window_ && same_sentence(t) && lower_word(t) && unknown(t)) ++t;
      if (t + 2 < ts.size() && same_sentence(t + 2)) {
        std::string w(ts.folded(t));
        if (w == "is" && language(t + 1) && ts.folded(t + 2) == "for") return true;
        // "in" before a place is no gloss ("listed in Luxembourg"): a language's name only.
        if (w == "in" && language_names_.count(std::string(ts.surface(t + 1))) && !ts[t + 2].is_word()) return true;
        // "za in Old Croat means": a term glossed in a named language, whatever its name.
        if (w == "in" && !mention_after_.empty()) {
          std::size_t u = t + 1;
          while (u < ts.size() && u - t <= kLanguageNameWords && same_sentence(u) && capitalized(ts[u])) ++u;
          if (u > t + 1 && u < ts.size() && same_sentence(u) && mention_after_.count(std::string(ts.folded(u))))
            return true;
        }
      }
    }
    // A passage in another language: most lower-case words of the sentence unknown.
    if (foreign_sentence_words_ > 0) {
      auto& verdict = verdicts[ts[i].sentence];
      if (verdict == 0) {
        const auto& sentence = ts.sentences()[ts[i].sentence];
        std::size_t all = 0, strange = 0;
        for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
          if (!lower_word(t) || ts.surface(t).size() < min_length_ || has_digit(ts.surface(t))) continue;
          ++all;
          if ((unknown(t) && derived(*ctx.spell, ts.surface(t)) == Formation::none) || foreign_words_.count(std::string(ts.folded(t))))
            ++strange;
        }
        verdict = strange >= foreign_sentence_words_ && strange * 100 >= foreign_sentence_percent_ * all ? 2 : 1;
      }
      if (verdict == 2) return true;
    }
    return false;
  }

  // Whether the capitalized word at t is a name of another language: no vocabulary knows it as
  // written or in lower case, nor as a known entity's word.
  bool foreign_name_word(const LintContext& ctx, std::size_t t) const {
    std::string_view w = ctx.tokens.surface(t);
    return !ctx.spell->known(w) && !ctx.spell->known(models::lower(w)) && !has_digit(w);
  }

  // Whether the unknown lower-case word at i stands among words of another language, side by
  // side with no punctuation between: unknown lower-case words, other languages' function words
  // and particles, capitalized words no vocabulary knows ("Consiglio grande e generale", "tiare
  // maori flower", "cours d'appel"), another lower-case word of that language among them: "the
  // nlarged Coloroll" and "Azpurua reportd Grisanti" are still slips beside names. A word that
  // one slip of a frequent word explains needs three such words in a row.
  bool in_foreign_run(const LintContext& ctx, std::size_t i) const {
    const auto& ts = ctx.tokens;
    // A known name in lower case ("manuel azpurua said venezuela") is no other language's word.
    auto lowered_name = [&](std::size_t t) { return ctx.spell->known(title_case(ts.surface(t))); };
    if (lowered_name(i)) return false;
    auto lower_foreign = [&](std::size_t t) {
      if (ts[t].shape != tokenize::CaseShape::lower) return false;
      std::string w(ts.folded(t));
      // Particles that are English words too ("of", "den", "ash") do not say which language this is.
      if (foreign_words_.count(w) || particles_.count(w))
        return !table_function_words_.count(w) && (w.size() <= 2 || !ctx.spell->common(w));
      return !lowered_name(t) && !ctx.spell->known(ts.surface(t)) && !has_digit(ts.surface(t)) &&
             !(ctx.accepted_words && ctx.accepted_words->count(std::string(ts.surface(t))));
    };
    auto member = [&](std::size_t t) {
      if (!ts[t].is_word() || ts[t].sentence != ts[i].sentence) return false;
      if (lower_foreign(t)) return true;
      return capitalized(ts[t]) && !ts[t].sentence_start && foreign_name_word(ctx, t);
    };
    // Words side by side: the next token, with nothing but a space between.
    std::size_t l = i, r = i;
    while (l > 0 && i - l < kForeignRun && !ts[l].newline_before && member(l - 1)) --l;
    while (r + 1 < ts.size() && r - i < kForeignRun && !ts[r + 1].newline_before && member(r + 1)) ++r;
    if (l == r || (r - l + 1 < 3 && slip_of_frequent_word(ctx, ts.surface(i)))) return false;
    // The other lower-case word vouches for the language when it is a function word of it, or no
    // slip of a common word and marked or shaped as another language's (`foreign_shape_below`):
    // slips side by side ("governemnt's portfolion", "tommorw's editon", "tireworkers aleging")
    // vouch for nothing.
    auto vouches = [&](std::size_t t) {
      if (!lower_foreign(t)) return false;
      std::string w(ts.folded(t));
      if (foreign_words_.count(w) || particles_.count(w)) return true;
      for (const auto& c : ctx.spell->suggest(ts.surface(t), std::numeric_limits<std::size_t>::max()))
        if (c.find(' ') == std::string::npos && ctx.spell->common(c)) return false;
      return has_marked_letter(ts.surface(t)) || english_shape(ctx, ts.surface(t)) * 100 < foreign_shape_below_;
    };
    for (std::size_t t = l; t <= r; ++t)
      if (t != i && vouches(t)) return true;
    return false;
  }
  static constexpr std::size_t kForeignRun = 6;

  // Whether the unknown word at i is a word of another language's word list
  // (dictionaries/languages/) in a run of words of that language, side by side with no
  // punctuation between, one of them a word English does not write: "the le tricolore", "Ja, vi
  // elsker dette landet", "Parti vert liberale", "Consiglio nazionale", "Den Danske Bank af".
  // A word of another language alone ("the responsable minister", "an independant panel") or
  // beside English words only ("Mitt lille land": mitt and land are English words too) is
  // still a slip of English.
  bool in_other_language_run(const LintContext& ctx, std::size_t i) const {
    const auto& ts = ctx.tokens;
    using dictionary::LanguageWords;
    std::uint16_t shared = ctx.spell->languages(ts.surface(i)) & static_cast<std::uint16_t>(~LanguageWords::kEnglish);
    if (!shared) return false;
    for (int step : {-1, 1}) {
      std::uint16_t run = shared;
      for (std::size_t k = 1; k <= kForeignRun; ++k) {
        std::size_t t = step < 0 ? i - k : i + k;
        if ((step < 0 && k > i) || t >= ts.size()) break;
        // Side by side: nothing but a space between, on one line, in one sentence.
        std::size_t later = step < 0 ? t + 1 : t;
        if (!ts[t].is_word() || ts[t].sentence != ts[i].sentence || ts[later].newline_before ||
            !ts[later].space_before)
          break;
        // A part of a hyphenated name ("PARK Chung-hee tok over") is no word of its own.
        if ((t > 0 && !ts[t].space_before && ts.surface(t - 1) == "-") ||
            (t + 1 < ts.size() && !ts[t + 1].space_before && ts.surface(t + 1) == "-"))
          break;
        std::uint16_t m = ctx.spell->languages(ts.surface(t));
        run &= m;
        if (!run) break;
        // A word English writes ("land"), or a name it knows as written ("Texaco Canada ast
        // changed": "canada" is in no English list, "Canada" is), vouches for no other language.
        if (!(m & LanguageWords::kEnglish) && !ctx.spell->known(ts.surface(t))) return true;
      }
    }
    return false;
  }
  // The lists of the official languages of the countries the story names at least
  // story_language_mentions times (by name, capital or demonym; a span that could be several
  // entities counts for none).
  std::uint16_t story_languages(const LintContext& ctx) const {
    const auto* words = ctx.spell->language_words();
    if (!ctx.entities || !ctx.mentions || !words) return 0;
    const auto& all = ctx.entities->dictionary().entities();
    const auto& ms = *ctx.mentions;
    std::unordered_map<std::string_view, std::size_t> named;
    for (std::size_t i = 0; i < ms.size();) {
      std::size_t j = end_of_same_span(ms, i);
      if (j == i + 1 && ms[i].entity < all.size()) {
        const auto& e = all[ms[i].entity];
        if (e.type == dictionary::EntityType::country) ++named[e.id];
      }
      i = j;
    }
    std::uint16_t mask = 0;
    for (const auto& [id, n] : named)
      if (n >= story_language_mentions_) mask |= words->spoken_in(id);
    return mask;
  }
  static constexpr std::size_t kLanguageNameWords = 3;  // "in Old Church Slavonic means"

  // Whether tokens l..r stand inside round brackets of one sentence: an opening bracket before
  // them and a closing one after, with no other bracket between (at most kBracketReach tokens).
  static bool in_brackets(const tokenize::TokenStream& ts, std::size_t l, std::size_t r) {
    bool open = false, close = false;
    for (std::size_t t = l; t > 0 && l - t < kBracketReach && ts[t - 1].sentence == ts[l].sentence; --t) {
      std::string_view q = ts.surface(t - 1);
      if (q == ")") break;
      if (q == "(") {
        open = true;
        break;
      }
    }
    for (std::size_t t = r + 1; open && t < ts.size() && t - r <= kBracketReach && ts[t].sentence == ts[r].sentence; ++t) {
      std::string_view q = ts.surface(t);
      if (q == "(") break;
      if (q == ")") {
        close = true;
        break;
      }
    }
    return open && close;
  }
  static constexpr std::size_t kBracketReach = 40;

  // Whether `w` holds an accented Latin letter (U+00C0..U+017F, lead bytes C3..C5; a typographic
  // apostrophe is punctuation, not a letter).
  static bool has_marked_letter(std::string_view w) {
    for (char c : w) {
      auto b = static_cast<unsigned char>(c);
      if (b == 0xC3 || b == 0xC4 || b == 0xC5) return true;
    }
    return false;
  }

  static bool capitalized(const tokenize::Token& t) {
    return t.is_word() && (t.shape == tokenize::CaseShape::capitalized || t.shape == tokenize::CaseShape::upper);
  }

  std::unordered_set<std::string> prefixes_, particles_;
  bool latin_only_ = false;
  std::unordered_set<std::string> mention_before_, mention_after_, naming_before_, gloss_words_, foreign_words_;
  std::size_t mention_window_ = 0;
  std::size_t gloss_max_words_ = 0;
  std::size_t story_language_mentions_ = 0;
  std::unordered_set<std::string> number_words_;
  bool language_labels_ = false, glossed_quotes_ = false, foreign_runs_ = false, other_language_runs_ = false;
  std::unordered_set<std::string> language_names_;
  std::size_t foreign_sentence_words_ = 0, foreign_sentence_percent_ = 101;
  std::vector<std::string> closed_prefixes_, closed_particles_, short_prefixes_;
  std::vector<std::pair<std::string, std::string>> suffixes_;  // suffix, what the stem ends with instead
  bool marked_foreign_ = false;
  int slip_min_strength_ = 0;
  int context_weight_ = 0;
  int source_min_strength_ = 0;
  int rare_source_min_strength_ = 0;
  std::size_t max_two_slip_searches_ = 0, two_slip_min_letters_ = 7;
  int two_slip_min_strength_ = 6;
  int foreign_shape_below_ = -1000, shape_unseen_ = 5;
  bool plural_s_ = false;
  std::size_t story_term_min_ = 0, abbreviation_max_ = 0, abbreviation_slip_min_ = 4;
  std::size_t contraction_max_ = 0, contraction_min_dropped_ = 2;
  std::unordered_set<std::string> results_words_;
  std::vector<std::string> apostrophe_endings_;
  std::size_t min_closed_part_ = 4, min_short_part_ = 0;
  std::size_t lower_case_names_min_ = 0;
  std::string lower_case_names_message_;
  std::unordered_set<std::string> table_function_words_;
  std::unordered_map<unsigned char, std::pair<int, int>> key_at_;  // letter -> row, column in half keys
  std::vector<std::pair<std::string, std::string>> variants_;
  std::size_t min_compound_part_ = 4, min_prefixed_stem_ = 4;
  std::size_t max_word_bytes_ = 64;
  // Foreign phrases (lower case, plain apostrophes) by their first word.
  std::unordered_map<std::string, std::vector<std::string>> foreign_;
  std::size_t max_suggestions_ = 3;
  std::size_t min_length_ = 2;
};

}  // namespace

std::unique_ptr<Rule> make_spelling_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<SpellingRule>(std::move(info), table);
}

}  // namespace wirelint::rules
