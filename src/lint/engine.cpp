#include "lint/engine.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>

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

void accept_word_list(dictionary::SpellChecker& spell, const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw EngineError(file.string() + ": cannot read word list");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    spell.accept(line);
  }
}

}  // namespace

// Every word of every entity name is a word: the lower-case parts of names ("al-Shabaab",
// "Banque de France") would otherwise be unknown to Hunspell. Capitalized words are names to
// the spelling rule already.
void Engine::accept_entity_words() {
  for (const auto& w : entity_index_->lowercase_name_words()) spell_->accept(w);
}

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
  auto entities = std::async(std::launch::async, [this, root] {
    try {
      entities_.load_directory((root / "dictionaries" / "entities").string());
      entities_.freeze();
    } catch (const dictionary::EntityError& e) {
      throw EngineError(e.what());
    }
    entity_index_ = std::make_unique<rules::EntityIndex>(entities_);
  });
  try {
    rules_.load_directory((root / "rules").string());
  } catch (const rules::LoadError& e) {
    entities.wait();
    throw EngineError(e.what());
  }
  rules_.compile();
  fs::path hunspell = root / "dictionaries" / "hunspell";
  spell_ = std::make_unique<dictionary::SpellChecker>((hunspell / "en_US.aff").string(),
                                                      (hunspell / "en_US.dic").string(),
                                                      (hunspell / "en_US.words").string());
  if (auto problem = spell_->check_files(); !problem.empty()) {
    entities.wait();
    throw EngineError(problem);
  }
  std::error_code ec;
  fs::path vocab = root / "dictionaries" / "vocabulary";
  if (fs::is_directory(vocab, ec)) {
    std::vector<fs::path> lists;
    for (const auto& e : fs::directory_iterator(vocab, ec))
      if (e.path().extension() == ".txt") lists.push_back(e.path());
    std::sort(lists.begin(), lists.end());
    for (const auto& l : lists) accept_word_list(*spell_, l);
  }
  entities.get();  // rethrows the entity loader's error
  accept_entity_words();
  linter_ = std::make_unique<Linter>(rules_, spell_.get(), entity_index_.get());
}

}  // namespace wirelint::lint
