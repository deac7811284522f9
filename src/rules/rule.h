// The Rule interface. A rule is one rule file under rules/<pack>/<id>.toml: common metadata
// (RuleInfo) plus the parameters of its kind. Kinds are C++ classes (rules/kinds/); concrete
// rules are data. A rule finds problems in one of two ways, or both:
//   - phrases: it registers phrases with the shared PhraseSet at compile time and is called
//     back for each hit (on_phrase), so adding phrases never adds a pass over the text;
//   - scan: check() walks the token stream itself (typography, spelling). Each scanning kind is
//     one pass, however many rules of data it carries.
// Rules are immutable after loading; check() and on_phrase() are const and may run on many
// documents at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "core/severity.h"
#include "match/phrase_set.h"
#include "tokenize/tokens.h"

namespace wirelint::dictionary {
class SpellChecker;
class EntityDictionary;
}

namespace wirelint::models {
class SynonymModel;
}

namespace wirelint::rules {

struct Mention;
class EntityIndex;
class NameList;
class StoryContext;

struct Example {
  std::string text;
  std::size_t line = 0;  // line of the example in the rule file
};

struct RuleInfo {
  std::string id;        // "typography-spaced-abbreviation"; equals the file stem
  std::string pack;      // folder name: "typography"
  std::string kind;      // "spaced-abbreviation"
  Severity severity = Severity::warning;
  std::string message;   // may use {match} and {expected}
  std::string description;
  std::string link;
  std::string category;  // MQM category
  bool fixable = false;
  bool enabled = true;   // on unless configuration says otherwise
  bool fallback = false; // yields to any other rule's diagnostic that overlaps it
  // The house styles (rules/house-styles.toml) whose convention the rule encodes; it runs only
  // when the configured style is one of them. Empty: what is wrong in every style.
  std::vector<std::string> styles;
  // Contexts of the story that silence the rule's findings (rules/context.h): a finding whose
  // first token is quoted, framed ("what Moscow calls ...") or in an attributed sentence.
  bool unless_quoted = false, unless_framed = false, unless_attributed = false;
  // ... and the story parts markup names (NITF, NewsML-G2, HTML): headline, byline, dateline.
  bool unless_headline = false, unless_byline = false, unless_dateline = false;
  // ... and a headline in title case or capitals, where capitals mark no name (StoryContext).
  bool unless_title_case_headline = false;
  std::vector<Example> fire;   // each must produce at least one diagnostic of this rule
  std::vector<Example> clean;  // each must produce none
  std::string file;      // where the rule was loaded from, for messages
  std::size_t line = 1;
};

// What a rule sees of the document being linted.
struct LintContext {
  const Document& doc;
  const tokenize::TokenStream& tokens;
  Date date;                                   // the story's date
  const dictionary::SpellChecker* spell = nullptr;
  const std::unordered_set<std::string>* accepted_words = nullptr;  // from configuration
  const EntityIndex* entities = nullptr;             // the entity dictionary, if loaded
  const std::vector<Mention>* mentions = nullptr;    // its mentions in this document, in order
  const models::SynonymModel* synonyms = nullptr;    // the synonym model, if loaded
  // Real names the entity dictionary does not check (dictionaries/names/): never a near miss.
  const std::unordered_set<std::string>* real_names = nullptr;
  // Word pairs frequent in reference news text (dictionaries/ngrams/), read with pair_strength.
  const models::SynonymModel* bigrams = nullptr;
  // Real names that only silence their exact spans (dictionaries/names/exact/): their words do
  // not join the vocabulary of names that real_names' words make.
  const NameList* exact_names = nullptr;
  // Quotations, framing and attribution in this document (rules/context.h).
  const StoryContext* story = nullptr;
  // The reference n-grams of news text (dictionaries/ngrams/news.tsv), read with pair_strength:
  // ("#", w) a unigram, (a, b) a bigram, ("a b", c) a trigram; and the letter trigrams of word
  // shapes (word-shape.tsv): ("~" + two letters, next letter).
  const models::SynonymModel* ngrams = nullptr;
  // Thesaurus words -> the frequent news words they may stand for
  // (dictionaries/ngrams/collocation-synonyms.tsv).
  const models::SynonymModel* collocation_synonyms = nullptr;
  // The least score the configuration sets for the rule being run (`[thresholds]` of
  // .wirelint.toml), for rules that report a score (Rule::has_threshold); none: the rule's own.
  std::optional<int> threshold;
};

// Whether `name` is listed as a real name the dictionary does not check (real_names or
// exact_names): such a span is no near miss and no spun title.
bool listed_real_name(const LintContext& ctx, const std::string& name);

// Whether the lower-case `word` is only ever a verb form ("depicts", "took"): the n-gram model's
// rows `!v` (dictionaries/ngrams/verb-forms.tsv); false without the model.
bool verb_form(const LintContext& ctx, std::string_view word);

// Where a rule reports. Offsets are byte offsets into the lintable text (Document::text); the
// emitter maps them to the source, fills in the match and applies the configured severity.
class Emitter {
 public:
  virtual ~Emitter() = default;
  virtual void emit(std::size_t text_begin, std::size_t text_end, std::string message,
                    std::vector<std::string> replacements) = 0;
};

// Collects a rule's phrases at compile time.
class PhraseRegistrar {
 public:
  virtual ~PhraseRegistrar() = default;
  // Registers folded tokens; `local` comes back in on_phrase. Returns false if empty.
  virtual bool add(const std::vector<std::string>& folded_tokens, std::uint32_t local) = 0;
};

// A message template with {match} and {expected} filled in.
std::string fill_message(std::string_view tpl, std::string_view match, std::string_view expected);

class Rule {
 public:
  explicit Rule(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleInfo& info() const { return info_; }

  virtual void register_phrases(PhraseRegistrar& registrar) const { (void)registrar; }
  virtual void on_phrase(const LintContext& ctx, const match::PhraseHit& hit, std::uint32_t local,
                         Emitter& out) const {
    (void)ctx, (void)hit, (void)local, (void)out;
  }
  // Whether check() does anything (rules that only use phrases say no, and are not called).
  virtual bool scans() const { return false; }
  // Whether the rule scores its findings against a least score the configuration may set
  // (LintContext::threshold).
  virtual bool has_threshold() const { return false; }
  virtual void check(const LintContext& ctx, Emitter& out) const { (void)ctx, (void)out; }

  // Examples implied by the rule's data (a phrase entry must fire on its own text and its
  // expected form must stay clean); checked with the rule's own examples.
  virtual void derived_examples(std::vector<Example>& fire, std::vector<Example>& clean) const {
    (void)fire, (void)clean;
  }

  // An index a rule derives from the dictionaries (the near-miss rule's index of entity names):
  // `wirelint models compile` writes it to index_path(); the engine maps it at start-up when it
  // was compiled from the same rule data, dictionary and spelling answers, so no process builds
  // it. A rule without one, or with a stale one, builds it on first use as before.
  struct IndexContext {
    const EntityIndex& entities;
    const dictionary::SpellChecker* spell;
    std::string dir;  // where index images live (the entity dictionary's folder)
    const std::unordered_set<std::string>* real_names = nullptr;  // as LintContext::real_names
  };
  std::string index_path(const std::string& dir) const { return dir + "/" + info_.id + ".bin"; }
  virtual bool has_index() const { return false; }
  // Writes the image; false when the rule has none. Throws ImageError when it cannot be written.
  virtual bool compile_index(const IndexContext& ctx) const { (void)ctx; return false; }
  // Maps a fresh image; false when there is none (absent, stale or damaged: built on first use).
  virtual bool open_index(const IndexContext& ctx) const { (void)ctx; return false; }

  // The message with {match} and {expected} filled in.
  std::string format_message(std::string_view match, std::string_view expected) const;

 private:
  RuleInfo info_;
};

}  // namespace wirelint::rules
