// Kind "spelling": lower-case words that neither Hunspell nor the accepted vocabularies know.
// A capitalized, upper-case or mixed-case word is taken as a name or an acronym and left to
// the entity rules; words with digits are left alone. Suggestions come from Hunspell.
#include <unordered_set>

#include "dictionary/spell_checker.h"
#include "rules/kinds/registry.h"

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
    for (auto& w : table.strings("prefixes")) prefixes_.insert(std::move(w));
    for (auto& w : table.strings("name_particles")) particles_.insert(std::move(w));
  }
  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.spell) return;
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i < ts.size(); ++i) {
      const auto& t = ts[i];
      if (!t.is_word() || t.shape != tokenize::CaseShape::lower) continue;
      std::string_view w = ts.surface(t);
      if (w.size() < min_length_ || has_digit(w)) continue;
      // "pre-tax", "non-bank": a prefix glued to a hyphen is not a word of its own.
      if (i + 2 < ts.size() && ts.surface(i + 1) == "-" && !ts[i + 1].space_before &&
          !ts[i + 2].space_before && prefixes_.count(std::string(ts.folded(t))))
        continue;
      // "Banque des Etats", "Richard von Weizsaecker": particles inside a name.
      if (i > 0 && i + 1 < ts.size() && particles_.count(std::string(w)) && capitalized(ts[i - 1]) &&
          capitalized(ts[i + 1]))
        continue;
      if (ctx.accepted_words && ctx.accepted_words->count(std::string(w))) continue;
      if (ctx.spell->known(w)) continue;
      auto suggestions = ctx.spell->suggest(w, max_suggestions_);
      std::string message = format_message(w, suggestions.empty() ? "" : suggestions[0]);
      out.emit(t.begin, t.end, std::move(message), std::move(suggestions));
    }
  }

 private:
  static bool capitalized(const tokenize::Token& t) {
    return t.is_word() && (t.shape == tokenize::CaseShape::capitalized || t.shape == tokenize::CaseShape::upper);
  }

  std::unordered_set<std::string> prefixes_, particles_;
  std::size_t max_suggestions_ = 3;
  std::size_t min_length_ = 2;
};

}  // namespace

std::unique_ptr<Rule> make_spelling_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<SpellingRule>(std::move(info), table);
}

}  // namespace wirelint::rules
