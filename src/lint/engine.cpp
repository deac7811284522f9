#include "lint/engine.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>

#include "core/list_lines.h"
#include "rules/entity_image.h"
#include "rules/schema.h"

namespace fs = std::filesystem;

#ifndef WIRELINT_SOURCE_DATA_DIR
#define WIRELINT_SOURCE_DATA_DIR ""
#endif

namespace wirelint::lint {
namespace {

bool has_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "rules", ec) && fs::is_directory(dir / "dictionaries", ec);
}

// The *.txt files of a folder, sorted; none when the folder is absent.
std::vector<fs::path> text_lists(const fs::path& dir) {
  std::vector<fs::path> lists;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return lists;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".txt") lists.push_back(e.path());
  std::sort(lists.begin(), lists.end());
  return lists;
}

// Calls `use` with every line of a list file that is not empty or a '#' comment.
template <typename Use>
void for_each_entry(const fs::path& file, const char* what, Use use) {
  std::ifstream in(file);
  if (!in) throw EngineError(file.string() + ": cannot read " + what);
  for_each_list_line(in, [&](const std::string& line, std::size_t) { use(line); });
}

}  // namespace

// Every word of every entity name is a word: the lower-case parts of names ("al-Shabaab",
// "Banque de France") would otherwise be unknown to Hunspell. Capitalized words are names to
// the spelling rule already.
void Engine::accept_entity_words() {
  for (const auto& w : entity_index_->lowercase_name_words()) spell_->accept(w);
}

Engine::TableFiles Engine::table_files(const std::string& data_dir, TableModel model) {
  fs::path dicts = fs::path(data_dir) / "dictionaries";
  auto in = [&](const char* folder, const char* file) { return (dicts / folder / file).string(); };
  switch (model) {
    case TableModel::synonyms:
      return {"synonyms", {in("synonyms", "synonyms.tsv"), in("synonyms", "extra.tsv")}, in("synonyms", "synonyms.bin")};
    case TableModel::bigrams:
      return {"bigrams", {in("ngrams", "bigrams.tsv")}, in("ngrams", "bigrams.bin")};
    case TableModel::ngrams:
      return {"ngrams", {in("ngrams", "news.tsv"), in("ngrams", "word-shape.tsv"), in("ngrams", "verb-forms.tsv"),
                         in("ngrams", "plural-forms.tsv"), in("ngrams", "nominal-forms.tsv"),
                         in("ngrams", "general-pairs.tsv")},
              in("ngrams", "news.bin")};
    case TableModel::collocations:
      break;
  }
  return {"collocation synonyms", {in("ngrams", "collocation-synonyms.tsv"), in("ngrams", "collocation-paraphrases.tsv")},
          in("ngrams", "collocation-synonyms.bin")};
}

std::string Engine::entity_dir(const std::string& data_dir) {
  return (fs::path(data_dir) / "dictionaries" / "entities").string();
}

std::string Engine::entity_image(const std::string& data_dir) {
  return (fs::path(data_dir) / "dictionaries" / "entities" / "entities.bin").string();
}

std::size_t Engine::compile_indexes() const {
  std::size_t written = 0;
  for (const auto& rule : rules_.rules())
    written += rule->compile_index(
        rules::Rule::IndexContext{*entity_index_, spell_.get(), entity_dir(data_dir_), &real_names_});
  return written;
}

std::string Engine::word_lists_image(const std::string& data_dir) {
  return (fs::path(data_dir) / "dictionaries" / "hunspell" / "lists.bin").string();
}

Engine::WordLists Engine::word_lists(const std::string& data_dir) {
  fs::path hunspell = fs::path(data_dir) / "dictionaries" / "hunspell";
  return {(hunspell / "en_US.words").string(), (hunspell / "common.words").string(), (hunspell / "rare.words").string()};
}

Engine::ExtraLists Engine::extra_lists(const std::string& data_dir) {
  fs::path dicts = fs::path(data_dir) / "dictionaries";
  ExtraLists out;
  for (const auto& p : text_lists(dicts / "vocabulary")) out.vocabulary.push_back(p.string());
  for (const auto& p : text_lists(dicts / "names" / "exact")) out.exact_names.push_back(p.string());
  return out;
}

std::size_t Engine::compile_word_lists(const std::string& data_dir) {
  auto lists = word_lists(data_dir);
  auto extras = extra_lists(data_dir);
  return dictionary::SpellChecker::compile_lists(lists.words, lists.common, lists.rare, word_lists_image(data_dir),
                                                 extras.vocabulary, extras.exact_names);
}

std::string Engine::language_lists(const std::string& data_dir) {
  return (fs::path(data_dir) / "dictionaries" / "languages" / "lists.tsv").string();
}

std::string Engine::language_image(const std::string& data_dir) {
  return (fs::path(data_dir) / "dictionaries" / "languages" / "words.bin").string();
}

dictionary::LanguageWords::Compiled Engine::compile_language_words() const {
  return dictionary::LanguageWords::compile(language_lists(data_dir_), language_image(data_dir_),
                                            [&](std::string_view w) { return spell_->known(w) || spell_->common(w); });
}

std::string Engine::rules_dir(const std::string& data_dir) { return (fs::path(data_dir) / "rules").string(); }

std::string find_data_dir(const std::string& argv0) {
  if (const char* env = std::getenv("WIRELINT_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec && !argv0.empty()) exe = fs::absolute(argv0, ec);
  if (!exe.empty()) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "wirelint";
    if (has_data(installed)) return installed.string();
  }
  return WIRELINT_SOURCE_DATA_DIR;
}

Engine::Engine(const std::string& data_dir) : data_dir_(data_dir) {
  fs::path root(data_dir);
  if (!has_data(root))
    throw EngineError(data_dir + ": not a wirelint data folder (rules/ and dictionaries/ missing)");
  // The entity dictionary and the rules are independent until the linter joins them: load them
  // on two threads, since start-up is most of a single story's run time.
  auto entities = std::async(std::launch::async, [this, data_dir] {
    // The compiled image when it is fresh; the TSV sources otherwise (same result, slower).
    entity_index_ = rules::open_entity_image(entity_dir(data_dir), entity_image(data_dir), entities_);
    if (entity_index_) return;
    try {
      entities_.load_directory(entity_dir(data_dir));
      entities_.freeze();
    } catch (const dictionary::EntityError& e) {
      throw EngineError(e.what());
    }
    entity_index_ = std::make_unique<rules::EntityIndex>(entities_);
  });
  try {
    rules_.load_directory(rules_dir(data_dir));
  } catch (const rules::LoadError& e) {
    entities.wait();
    throw EngineError(e.what());
  }
  rules_.compile();
  fs::path hunspell = root / "dictionaries" / "hunspell";
  auto lists = word_lists(data_dir);
  auto extras = extra_lists(data_dir);
  std::vector<std::string> extra_paths = extras.vocabulary;
  extra_paths.insert(extra_paths.end(), extras.exact_names.begin(), extras.exact_names.end());
  spell_ = std::make_unique<dictionary::SpellChecker>((hunspell / "en_US.aff").string(),
                                                      (hunspell / "en_US.dic").string(), lists.words, lists.common,
                                                      lists.rare, language_image(data_dir), word_lists_image(data_dir),
                                                      std::move(extra_paths));
  if (auto problem = spell_->check_files(); !problem.empty()) {
    entities.wait();
    throw EngineError(problem);
  }
  // The vocabulary and exact-name lists are in the word-list image when it is fresh; read them
  // only when it is not.
  bool extras_mapped = spell_->lists_mapped();
  if (!extras_mapped)
    for (const auto& l : extras.vocabulary)
      for_each_entry(l, "word list", [&](const std::string& w) { spell_->accept(w); });
  // The models and name lists do not need the entities: read them while the entity thread
  // finishes. An error here is thrown after the entity loader's own, which comes first.
  std::exception_ptr failed;
  try {
    try {
      auto open = [&](TableModel m) {
        auto files = table_files(data_dir, m);
        return models::SynonymModel::open(files.sources, files.image);
      };
      synonyms_ = open(TableModel::synonyms);
      bigrams_ = open(TableModel::bigrams);
      ngrams_ = open(TableModel::ngrams);
      collocations_ = open(TableModel::collocations);
    } catch (const models::SynonymError& e) {
      throw EngineError(e.what());
    }
    // Real names the dictionary does not check: one name a line, '#' comments, tab-separated
    // notes after the name.
    for (const auto& l : text_lists(root / "dictionaries" / "names"))
      for_each_entry(l, "name list", [&](const std::string& n) { real_names_.emplace(name_of_entry(n)); });
    // Long generated lists (every party and province of the Factbook) only silence their exact
    // spans: their words would make every thesaurus word look like a word of some name.
    if (extras_mapped) {
      exact_names_.answer_from([spell = spell_.get()](std::string_view n) { return spell->exact_name(n); });
    } else {
      for (const auto& l : extras.exact_names)
        for_each_entry(l, "name list", [&](const std::string& n) { exact_names_.add(name_of_entry(n)); });
      exact_names_.finish();
    }
  } catch (...) {
    failed = std::current_exception();
  }
  entities.get();  // rethrows the entity loader's error
  if (failed) std::rethrow_exception(failed);
  accept_entity_words();
  // Indexes rules derive from the dictionaries, mapped when compiled from this very data.
  for (const auto& rule : rules_.rules())
    if (rule->open_index(
            rules::Rule::IndexContext{*entity_index_, spell_.get(), entity_dir(data_dir), &real_names_}))
      mapped_indexes_.insert(rule->info().id);
  linter_ = std::make_unique<Linter>(rules_, spell_.get(), entity_index_.get(), synonyms_.get(), &real_names_,
                                     bigrams_.get(), &exact_names_, ngrams_.get(),
                                     collocations_.get());
}

}  // namespace wirelint::lint
