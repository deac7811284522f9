// Kind "spelling": lower-case words that neither Hunspell nor the accepted vocabularies know.
// A capitalized, upper-case or mixed-case word is taken as a name or an acronym and left to
// the entity rules; words with digits are left alone. Suggestions come from Hunspell.
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "dictionary/spell_checker.h"
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
    for (auto& w : table.strings("closed_prefixes")) closed_prefixes_.push_back(std::move(w));
    min_compound_part_ = static_cast<std::size_t>(table.integer("min_compound_part").value_or(4));
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
    for (std::size_t i = 0; i < ts.size(); ++i) {
      const auto& t = ts[i];
      if (!foreign_.empty() && t.is_word() && t.begin >= foreign_end) {
        auto it = foreign_.find(std::string(ts.folded(t)));
        if (it != foreign_.end())
          for (const auto& phrase : it->second) {
            std::string_view rest = ts.text().substr(t.begin, phrase.size() + 8);
            std::string written = models::lower(text::plain_apostrophes(rest));
            std::size_t end = phrase.size();
            if (written.compare(0, end, phrase) != 0) continue;
            // The phrase ends at a word's end; map its length back to the text as written.
            if (end < written.size() && std::isalpha(static_cast<unsigned char>(written[end]))) continue;
            // Typographic apostrophes (three bytes) are one in `written`.
            std::size_t r = 0;
            for (std::size_t w = 0; w < end && r < rest.size(); ++w)
              r += rest.compare(r, 3, "\xE2\x80\x99") == 0 ? 3 : 1;
            foreign_end = std::max(foreign_end, t.begin + r);
          }
      }
      if (t.begin < foreign_end) continue;
      if (!t.is_word() || t.shape != tokenize::CaseShape::lower) continue;
      std::string_view w = ts.surface(t);
      if (w.size() < min_length_ || has_digit(w)) continue;
      // A short link or a bare domain ("bit.ly/3xYz", "reuters.com/world"): a dotted name
      // right before a slash.
      if (w.find('.') != std::string_view::npos && i + 1 < ts.size() && ts.surface(i + 1) == "/" &&
          !ts[i + 1].space_before)
        continue;
      // "pre-tax", "non-bank": a prefix glued to a hyphen is not a word of its own.
      // A line break after the hyphen is a wrapped compound ("pre-\ntax").
      if (i + 2 < ts.size() && ts.surface(i + 1) == "-" && !ts[i + 1].space_before &&
          (!ts[i + 2].space_before || ts[i + 2].newline_before) && prefixes_.count(std::string(ts.folded(t))))
        continue;
      // The lower-case half of a hyphenated name ("Gholam-reza", "Bunya-ananta").
      if (i >= 2 && ts.surface(i - 1) == "-" && !t.space_before && !ts[i - 1].space_before &&
          capitalized(ts[i - 2]))
        continue;
      // "Banque des Etats", "Richard von Weizsaecker": particles before a name.
      if (i + 1 < ts.size() && particles_.count(std::string(w)) && capitalized(ts[i + 1])) continue;
      if (ctx.accepted_words && ctx.accepted_words->count(std::string(w))) continue;
      // No word is this long: reported as written, not split or corrected (the searches grow
      // with the square of the length).
      if (w.size() > max_word_bytes_) {
        out.emit(t.begin, t.end, format_message(w, ""), {});
        continue;
      }
      if (ctx.spell->known(w) || derived(*ctx.spell, w)) continue;
      // A part that only lives in its compound ("tight-fisted"): the dictionary knows the whole,
      // hyphenated or closed up ("tightfisted").
      auto compound_known = [&](const std::string& a, const std::string& b) {
        return ctx.spell->known(a + "-" + b) || ctx.spell->known(a + b);
      };
      if (i >= 2 && ts.surface(i - 1) == "-" && !t.space_before && !ts[i - 1].space_before &&
          ts[i - 2].is_word() && compound_known(std::string(ts.folded(i - 2)), std::string(w)))
        continue;
      if (i + 2 < ts.size() && ts.surface(i + 1) == "-" && !ts[i + 1].space_before && !ts[i + 2].space_before &&
          ts[i + 2].is_word() && compound_known(std::string(w), std::string(ts.folded(i + 2))))
        continue;
      auto suggestions = ctx.spell->suggest(w, max_suggestions_);
      std::string message = format_message(w, suggestions.empty() ? "" : suggestions[0]);
      out.emit(t.begin, t.end, std::move(message), std::move(suggestions));
    }
  }

 private:
  // Words Hunspell lacks but that are regular formations of words it has: a British spelling
  // of a known American one ("annualised"), a closed compound of two known words of some length
  // ("farmworkers", "glassmaker"), a known prefix on a known word ("unsmoothed").
  bool derived(const dictionary::SpellChecker& spell, std::string_view w) const {
    std::string word(w);
    for (const auto& [from, to] : variants_) {
      if (word.size() > from.size() + 2 && word.compare(word.size() - from.size(), from.size(), from) == 0 &&
          spell.known(word.substr(0, word.size() - from.size()) + to))
        return true;
    }
    for (const auto& p : closed_prefixes_)
      if (word.size() > p.size() + 3 && word.compare(0, p.size(), p) == 0 && spell.known(word.substr(p.size())))
        return true;
    for (std::size_t k = min_compound_part_; k + min_compound_part_ <= word.size(); ++k)
      if (spell.known(word.substr(0, k)) && spell.known(word.substr(k))) return true;
    return false;
  }

  static bool capitalized(const tokenize::Token& t) {
    return t.is_word() && (t.shape == tokenize::CaseShape::capitalized || t.shape == tokenize::CaseShape::upper);
  }

  std::unordered_set<std::string> prefixes_, particles_;
  std::vector<std::string> closed_prefixes_;
  std::vector<std::pair<std::string, std::string>> variants_;
  std::size_t min_compound_part_ = 4;
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
