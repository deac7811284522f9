// Spelling through Hunspell, plus words accepted on top of it (every known entity name and
// form, words from configuration). Hunspell's dictionary takes tens of milliseconds to load, so
// it is loaded on the first question, not at construction: a run that never asks (spelling
// disabled, or nothing to check) never pays. Answers are cached per word. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class Hunspell;

namespace wirelint::dictionary {

class SpellChecker {
 public:
  // `aff_path` and `dic_path` name a Hunspell dictionary pair; they are opened lazily. A missing
  // file is reported by check_files().
  SpellChecker(std::string aff_path, std::string dic_path);
  ~SpellChecker();
  SpellChecker(const SpellChecker&) = delete;
  SpellChecker& operator=(const SpellChecker&) = delete;

  // Empty when both files are readable, else a one-line reason naming the file.
  std::string check_files() const;

  // Accept `word` (exact form; lower-case forms also accept their capitalized variant).
  void accept(std::string_view word);
  bool accepted(std::string_view word) const;

  // True if the word is accepted or Hunspell knows it.
  bool known(std::string_view word) const;
  // Known words one edit away (capitalization, transposition, deletion, insertion,
  // substitution, a missing space), in that order. Cached per word.
  std::vector<std::string> suggest(std::string_view word, std::size_t max) const;

 private:
  Hunspell& engine() const;  // loads on first use; caller holds mutex_
  std::vector<std::string> near_words(const std::string& word) const;  // caller holds mutex_

  std::string aff_path_, dic_path_;
  std::unordered_set<std::string> accepted_;
  mutable std::mutex mutex_;
  mutable std::unique_ptr<Hunspell> hunspell_;
  mutable std::unordered_map<std::string, bool> cache_;
  mutable std::unordered_map<std::string, std::vector<std::string>> suggestions_;
};

}  // namespace wirelint::dictionary
