#include "dictionary/spell_checker.h"

#include <hunspell/hunspell.hxx>

#include <fstream>

namespace wirelint::dictionary {

SpellChecker::SpellChecker(std::string aff_path, std::string dic_path)
    : aff_path_(std::move(aff_path)), dic_path_(std::move(dic_path)) {}

SpellChecker::~SpellChecker() = default;

std::string SpellChecker::check_files() const {
  for (const auto* path : {&aff_path_, &dic_path_}) {
    std::ifstream in(*path);
    if (!in) return *path + ": cannot read Hunspell dictionary file";
  }
  return {};
}

void SpellChecker::accept(std::string_view word) {
  std::lock_guard<std::mutex> lock(mutex_);
  accepted_.emplace(word);
  cache_.clear();
}

bool SpellChecker::accepted(std::string_view word) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return accepted_.count(std::string(word)) > 0;
}

Hunspell& SpellChecker::engine() const {
  if (!hunspell_) hunspell_ = std::make_unique<Hunspell>(aff_path_.c_str(), dic_path_.c_str());
  return *hunspell_;
}

bool SpellChecker::known(std::string_view word) const {
  std::string w(word);
  std::lock_guard<std::mutex> lock(mutex_);
  auto hit = cache_.find(w);
  if (hit != cache_.end()) return hit->second;
  bool ok = accepted_.count(w) > 0;
  if (!ok) {
    // Hunspell wants the typographic apostrophe as a plain one.
    std::string plain;
    plain.reserve(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (i + 2 < w.size() && static_cast<unsigned char>(w[i]) == 0xE2 &&
          static_cast<unsigned char>(w[i + 1]) == 0x80 &&
          static_cast<unsigned char>(w[i + 2]) == 0x99) {
        plain.push_back('\'');
        i += 2;
      } else {
        plain.push_back(w[i]);
      }
    }
    ok = accepted_.count(plain) > 0 || engine().spell(plain);
  }
  cache_.emplace(std::move(w), ok);
  return ok;
}

std::vector<std::string> SpellChecker::suggest(std::string_view word, std::size_t max) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto all = engine().suggest(std::string(word));
  if (all.size() > max) all.resize(max);
  return all;
}

}  // namespace wirelint::dictionary
