// The engine: rules, dictionaries and the linter, loaded once per process from a data folder
// that holds rules/ and dictionaries/. Loading is strict (a bad rule file is an EngineError
// naming file and line); the Hunspell dictionary itself loads on first use.
//
// The data folder is, in order: $WIRELINT_DATA_DIR; <prefix>/share/wirelint beside an
// installed binary; the source tree the binary was built from.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "dictionary/entities.h"
#include "dictionary/language_words.h"
#include "dictionary/spell_checker.h"
#include "lint/linter.h"
#include "models/synonyms.h"
#include "rules/entity_index.h"
#include "rules/name_list.h"
#include "rules/rule_set.h"

namespace wirelint::lint {

class EngineError : public std::runtime_error {
 public:
  explicit EngineError(const std::string& what) : std::runtime_error(what) {}
};

// `argv0` helps find an installed data folder; may be empty.
std::string find_data_dir(const std::string& argv0);

class Engine {
 public:
  explicit Engine(const std::string& data_dir);
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const rules::RuleSet& rules() const { return rules_; }
  const Linter& linter() const { return *linter_; }
  const dictionary::SpellChecker& spell() const { return *spell_; }
  const dictionary::EntityDictionary& entities() const { return entities_; }
  const rules::EntityIndex& entity_index() const { return *entity_index_; }
  const models::SynonymModel& synonyms() const { return *synonyms_; }
  // The models in the table format (models::SynonymModel), each with its sources and compiled
  // image under a data folder: the synonym model; the reference bigrams; the reference n-gram
  // table (dictionaries/ngrams/news.tsv: unigrams, bigrams, trigrams of news text); thesaurus
  // words -> the frequent news words they may stand for.
  enum class TableModel { synonyms, bigrams, ngrams, collocations };
  static constexpr TableModel kTableModels[] = {TableModel::synonyms, TableModel::bigrams, TableModel::ngrams,
                                                TableModel::collocations};
  struct TableFiles {
    const char* name;  // as `wirelint models` shows it
    std::vector<std::string> sources;
    std::string image;
  };
  static TableFiles table_files(const std::string& data_dir, TableModel model);
  const models::SynonymModel& bigrams() const { return *bigrams_; }
  const models::SynonymModel& ngrams() const { return *ngrams_; }
  // The entity dictionary's folder and its compiled image (rules/entity_image.h).
  static std::string entity_dir(const std::string& data_dir);
  static std::string entity_image(const std::string& data_dir);
  // The rules folder (its compiled image is rules::rule_image_path of it).
  static std::string rules_dir(const std::string& data_dir);
  const std::string& data_dir() const { return data_dir_; }
  // Writes the index images of the rules that derive one from the dictionaries
  // (Rule::compile_index) into the entity folder; returns how many. Run after the entity image
  // is compiled, so that the images name it. Throws ImageError when one cannot be written.
  std::size_t compile_indexes() const;
  // The spelling checker's word lists compiled into one hash table (SpellChecker::compile_lists):
  // its path, and compiling it (returns the number of words; throws ImageError).
  static std::string word_lists_image(const std::string& data_dir);
  // The three lists it is compiled from (and the checker reads when it is stale).
  struct WordLists {
    std::string words, common, rare;
  };
  static WordLists word_lists(const std::string& data_dir);
  // The lists compiled into the same image beside them: the accepted vocabulary
  // (dictionaries/vocabulary/*.txt) and the exact real names (dictionaries/names/exact/*.txt).
  struct ExtraLists {
    std::vector<std::string> vocabulary, exact_names;
  };
  static ExtraLists extra_lists(const std::string& data_dir);
  static std::size_t compile_word_lists(const std::string& data_dir);
  // The list of other languages' word lists (dictionaries/languages/lists.tsv) and their image.
  static std::string language_lists(const std::string& data_dir);
  static std::string language_image(const std::string& data_dir);
  // Compiles the other languages' word lists into their image, marking the words English writes
  // (this engine's spelling checker knows them). Throws ImageError.
  dictionary::LanguageWords::Compiled compile_language_words() const;
  // Whether the rule `id`'s index image was fresh and is mapped (else it is built on first use).
  bool index_mapped(const std::string& id) const { return mapped_indexes_.count(id) > 0; }

 private:
  void accept_entity_words();

  std::string data_dir_;
  rules::RuleSet rules_;
  std::unique_ptr<dictionary::SpellChecker> spell_;
  dictionary::EntityDictionary entities_;
  std::unique_ptr<rules::EntityIndex> entity_index_;
  std::unique_ptr<models::SynonymModel> synonyms_, bigrams_, ngrams_, collocations_;
  std::unordered_set<std::string> real_names_;  // dictionaries/names/*.txt
  rules::NameList exact_names_;                 // dictionaries/names/exact/*.txt
  std::unique_ptr<Linter> linter_;
  std::unordered_set<std::string> mapped_indexes_;
};

}  // namespace wirelint::lint
