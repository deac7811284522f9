// The Linter runs the enabled rules of a RuleSet over one Document and returns its diagnostics
// in source order. One tokenization, one pass of the shared phrase matcher, one pass per
// scanning rule kind. Const and reentrant: one Linter serves any number of documents.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/document.h"
#include "rules/entity_index.h"
#include "rules/name_list.h"
#include "rules/rule_set.h"

namespace wirelint::dictionary {
class SpellChecker;
}

namespace wirelint::lint {

// Which rules run for a document, at which severity, and which extra words are accepted.
struct RuleSelection {
  std::vector<bool> enabled;       // by rule index
  std::vector<Severity> severity;  // by rule index
  std::unordered_set<std::string> accepted_words;
  std::vector<std::optional<int>> threshold;  // by rule index: a configured least score
  // A house table of reference n-grams (`[ngrams] table`) in place of the shipped one.
  const models::SynonymModel* ngrams = nullptr;

  // Every rule at its own default, in house style `style` (rules bound to other styles, or to
  // any style when `style` is empty, are off).
  static RuleSelection defaults(const rules::RuleSet& rules, std::string_view style = {});
  // Only the rule at `index`, at its own severity.
  static RuleSelection only(const rules::RuleSet& rules, int index);

  // Turns the rules named in `ids` on or off. Returns the first unknown id, if any (the rules
  // before it are applied); callers report it in their own terms.
  std::optional<std::string> set_enabled(const rules::RuleSet& rules, const std::vector<std::string>& ids, bool on);
  // Command-line overrides: `enable`, then `disable`, then, when `only` is not empty, only those.
  std::optional<std::string> apply_overrides(const rules::RuleSet& rules, const std::vector<std::string>& enable,
                                             const std::vector<std::string>& disable,
                                             const std::vector<std::string>& only);
};

// Id of the diagnostic reported for ill-formed UTF-8 (not a rule: the engine reports it).
inline constexpr const char* kInvalidUtf8Id = "input-invalid-utf8";

class Linter {
 public:
  Linter(const rules::RuleSet& rules, const dictionary::SpellChecker* spell,
         const rules::EntityIndex* entities = nullptr, const models::SynonymModel* synonyms = nullptr,
         const std::unordered_set<std::string>* real_names = nullptr, const models::SynonymModel* bigrams = nullptr,
         const rules::NameList* exact_names = nullptr, const models::SynonymModel* ngrams = nullptr,
         const models::SynonymModel* collocation_synonyms = nullptr)
      : rules_(rules),
        spell_(spell),
        entities_(entities),
        synonyms_(synonyms),
        real_names_(real_names),
        bigrams_(bigrams),
        exact_names_(exact_names),
        ngrams_(ngrams),
        collocation_synonyms_(collocation_synonyms) {}

  // The findings on `doc`. With `words`, also the number of its word and number tokens (every
  // token but punctuation), counted on the tokens the rules read: the corpus report's
  // denominator, without tokenizing the story a second time.
  //
  // A plain-text or Markdown text longer than `segment_bytes` is read a segment at a time, cut
  // at paragraph breaks (see segment_end), so the tokens and every rule's working memory are
  // bounded by a segment, not the file; what a rule knows of "the story" (its countries, the
  // words it uses elsewhere) is then the segment's. Markup is never cut (its parts are ranges of
  // the whole text).
  //
  // At most kMaxFindingsPerRule findings of a rule in a file are reported; one more finding, at
  // the first that is not, counts the rest. A file linted in several calls (Session reads a long
  // text a segment at a time) passes the same `counts` to each: the limit then counts across
  // them, and that last finding is left to limit_findings.
  static constexpr std::size_t kSegmentBytes = std::size_t{256} << 10;
  static constexpr std::size_t kMaxFindingsPerRule = 1000;
  struct FileCounts {
    struct Over {
      std::size_t count = 0, dropped = 0;
      Severity severity = Severity::warning;
      std::size_t first = 0;  // the first unreported finding, in the text of its call's document
      LineOrigin first_at;    // and its place in the file
    };
    std::unordered_map<const rules::Rule*, Over> over;
  };
  //
  // With `threads` above 1, the scanning rules of each segment run on that many threads (the
  // findings are the same, in the same order): for one story, whose lint would leave a core idle.
  std::vector<Diagnostic> lint(const Document& doc, const RuleSelection& selection, Date date,
                               std::size_t* words = nullptr, std::size_t segment_bytes = kSegmentBytes,
                               FileCounts* counts = nullptr, unsigned threads = 1) const;
  // The findings that count what the limit left out, each with the place of the first finding
  // it left out (their spans are empty, at offset 0 of a document that starts there).
  static std::vector<std::pair<LineOrigin, Diagnostic>> limit_findings(const FileCounts& counts);

  // Where the segment of `text` that starts at `begin` ends, for segments of about `size` bytes:
  // the end of the text if it is near, else after the last paragraph break (a blank line) in
  // the second half of the window, else after the last line break there, else after its last
  // space, else at a UTF-8 character boundary at begin + size. Never before begin + size / 2
  // (so the number of segments is linear in the text), never inside a UTF-8 character.
  static std::size_t segment_end(std::string_view text, std::size_t begin, std::size_t size);

  const rules::RuleSet& rules() const { return rules_; }

 private:
  void drop_fallbacks(std::vector<Diagnostic>& out) const;

  const rules::RuleSet& rules_;
  const dictionary::SpellChecker* spell_;
  const rules::EntityIndex* entities_;
  const models::SynonymModel* synonyms_;
  const std::unordered_set<std::string>* real_names_;
  const models::SynonymModel* bigrams_;
  const rules::NameList* exact_names_;
  const models::SynonymModel* ngrams_;
  const models::SynonymModel* collocation_synonyms_;
};

}  // namespace wirelint::lint
