// Spelling through Hunspell, plus words accepted on top of it (every known entity name and
// form, words from configuration). Hunspell's dictionary takes tens of milliseconds to load, so
// words are looked up in a sorted list of every form the dictionary generates (`<dic>.words`,
// made from the .aff/.dic pair by Hunspell's unmunch in tools/gen_wordlist.sh; its verdicts
// match Hunspell's), read once and searched in place. Without a list, Hunspell itself answers,
// loaded on the first question. Suggestions are single edits checked the same way. Answers are
// cached per word. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class Hunspell;

namespace wirelint {
class FlatTable;
class MappedFile;
}

namespace wirelint::dictionary {
class LanguageWords;
}

namespace wirelint::dictionary {

class SpellChecker {
 public:
  // `aff_path` and `dic_path` name a Hunspell dictionary pair; they are opened lazily. A missing
  // file is reported by check_files().
  // `words_path` names the expanded word list; empty or unreadable means Hunspell only.
  // `common_path` names the list of common English words (SCOWL sizes up to 50, one a line,
  // sorted; tools/gen_common_words.sh), read on the first question about it.
  // `rare_path` names the list of rarer English words the dictionary lacks (SCOWL sizes 55 to
  // 80: "enflame", "chamise"), read on the first question about it.
  // `languages_path` names the image of other languages' word lists (LanguageWords), mapped on
  // the first question about it.
  // `lists_image` names the compiled image of the three word lists (compile_lists): when it is
  // fresh (the lists' sizes and times match), words are looked up in its hash table and the
  // lists are not read for lookups; else in the sorted lists themselves.
  // `extra_lists` names the vocabulary and exact-name lists the image was compiled with
  // (compile_lists' `vocabulary` then `exact_names`): it is fresh only when they match too.
  SpellChecker(std::string aff_path, std::string dic_path, std::string words_path = {},
               std::string common_path = {}, std::string rare_path = {}, std::string languages_path = {},
               std::string lists_image = {}, std::vector<std::string> extra_lists = {});
  // Compiles the word list, the common and the rarer word lists into one hash table image at
  // `out` (written atomically), stamped with the lists' sizes and times. With them, the
  // `vocabulary` lists (accepted words, one a line, '#' comments) and the `exact_names` lists
  // (names, one a line before an optional tab, '#' comments), so that a process reads none of
  // them. Returns the number of distinct entries. Throws ImageError when a list cannot be read or
  // the image written.
  static std::size_t compile_lists(const std::string& words_path, const std::string& common_path,
                                   const std::string& rare_path, const std::string& out,
                                   const std::vector<std::string>& vocabulary = {},
                                   const std::vector<std::string>& exact_names = {});
  // Whether lookups use the compiled image (fresh and well-formed) rather than the lists. A
  // fresh image holds the vocabulary and exact-name lists given at construction too: then
  // accept() them no more, and ask exact_name().
  bool lists_mapped() const { return lists_table_ != nullptr; }
  // Whether `name` is one of the exact-name lists' names (the image's; false without it).
  bool exact_name(std::string_view name) const;
  ~SpellChecker();
  SpellChecker(const SpellChecker&) = delete;
  SpellChecker& operator=(const SpellChecker&) = delete;

  // Empty when both files are readable, else a one-line reason naming the file.
  std::string check_files() const;

  // Accept `word` (exact form; lower-case forms also accept their capitalized variant).
  void accept(std::string_view word);
  bool accepted(std::string_view word) const;

  // True if the word is accepted or in the word list (Hunspell when there is no list). Fast:
  // never loads Hunspell when a list is present.
  bool known(std::string_view word) const;
  // Hunspell's own verdict (loads it on first use): the last word on a word known() rejects.
  bool hunspell_knows(std::string_view word) const;
  // Known words one edit away (capitalization, transposition, deletion, insertion,
  // substitution), in that order; a missing space only when none is. Unranked: a caller that
  // knows word frequencies ranks them (the spelling rule). Cached per word.
  std::vector<std::string> suggest(std::string_view word, std::size_t max) const;
  // Whether the lower-case form of `word` is a common English word (false without the list).
  bool common(std::string_view word) const;
  // Whether the lower-case form of `word` is in the list of rarer English words (false without it).
  bool rare(std::string_view word) const;
  // The other languages' word lists that hold the lower-case form of `word`
  // (LanguageWords::languages: bit i the i-th list, LanguageWords::kEnglish when English writes it
  // too); 0 without the image.
  std::uint16_t languages(std::string_view word) const;
  // The image of other languages' words (nullptr without one).
  const LanguageWords* language_words() const { return languages_.get(); }
  // Common words at most two edits (letters added, dropped, replaced or two neighbours swapped)
  // from `word` with their distance, nearest first, at most `max`: "equivilant" -> "equivalent";
  // a word that differs only in letters doubled or halved counts as one edit away
  // ("neccesarilly" -> "necessarily"). Scans the list once; words longer than
  // kMaxTwoEditLetters get none.
  std::vector<std::pair<std::size_t, std::string>> common_within_two(std::string_view word, std::size_t max) const;
  static constexpr std::size_t kMaxTwoEditLetters = 24;
  // Common words that `word` contracts: the same first and last letters, every letter of `word`
  // in order, and at least `min_dropped` letters more ("gp" group, "amts" amounts). Shortest
  // first, at most `max`; words of more than kMaxContractionLetters letters get none.
  std::vector<std::string> common_contracted(std::string_view word, std::size_t min_dropped, std::size_t max) const;
  static constexpr std::size_t kMaxContractionLetters = 8;

 private:
  Hunspell& engine() const;  // loads on first use; caller holds mutex_
  std::vector<std::string> near_words(const std::string& word) const;  // caller holds mutex_
  bool listed(std::string_view word) const;  // in the word list or accepted; caller holds mutex_

  std::string aff_path_, dic_path_;
  std::string words_;  // sorted, one word a line
  // A sorted word list, one word a line, read on first use (under mutex_).
  struct LazyList {
    explicit LazyList(std::string p) : path(std::move(p)) {}
    const std::string& text() const;
    bool holds(std::string_view word) const;  // its lower-case form
    std::string path;
    mutable std::string words;
    mutable bool read = false;
  };
  LazyList common_, rare_;
  // The compiled lists (compile_lists), when fresh: word -> which lists hold it (kListed,
  // kCommon, kRare).
  std::unique_ptr<MappedFile> lists_map_;
  std::unique_ptr<FlatTable> lists_table_;
  static constexpr std::uint32_t kListed = 1, kCommon = 2, kRare = 4, kExactName = 8;
  std::uint32_t list_bits(std::string_view word) const;
  bool has_list() const { return lists_table_ || !words_.empty(); }
  std::unique_ptr<LanguageWords> languages_;
  const std::string& common_words() const;  // caller holds mutex_
  std::unordered_set<std::string> accepted_;
  mutable std::mutex mutex_;
  mutable std::unique_ptr<Hunspell> hunspell_;
  mutable std::unordered_map<std::string, bool> cache_;
  mutable std::unordered_map<std::string, std::vector<std::string>> suggestions_;
};

}  // namespace wirelint::dictionary
