// The synonym model: "could word B have been swapped in for word A?" The same compiled table
// of word pairs also holds the reference bigrams (dictionaries/ngrams/), read with pair_strength. Built from open thesauri
// (MyThes, WordNet, Moby; see dictionaries/synonyms/README.md) by tools/synonyms/gen_synonyms.py
// into dictionaries/synonyms/synonyms.tsv, plus curated extras in extra.tsv, and compiled into a
// flat binary file (synonyms.bin beside them) that is memory-mapped: opening it reads a header
// and touches nothing else. Every lookup is a binary search over sorted arrays; the model is
// immutable and may be shared by any number of threads.
//
// Morphology is part of the model, not of the table: plural and singular, -ing/-ed, British and
// American endings ("Defence"/"Defense", "Labour"/"Labor") and derivations that keep the stem
// ("Guard"/"Guards"/"Guardian") are the same word (same_word), never a swap; relation() looks a
// word up under its base forms too, so "Guards" finds the synonyms of "guard".
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace wirelint::models {

class SynonymError : public std::runtime_error {
 public:
  explicit SynonymError(const std::string& what) : std::runtime_error(what) {}
};

// Where a pair came from: one bit per source letter of the table.
enum SynonymSource : std::uint8_t {
  kMyThes = 1,         // m: a MyThes synonym of the same sense
  kWordNet = 2,        // w: the same WordNet synset
  kRelated = 4,        // r, s: MyThes similar/related term, WordNet similar-to
  kMoby = 8,           // b: Moby thesaurus
  kHypernym = 16,      // g, h: MyThes generic term, WordNet hypernym
  kDerivation = 32,    // d: WordNet derivationally related form
  kCurated = 64,       // x: dictionaries/synonyms/extra.tsv
  kReference = 128,    // n: a word pair of reference text (dictionaries/ngrams/bigrams.tsv)
};

struct SynonymRelation {
  std::uint8_t strength = 0;  // 0: not a synonym; else the sum of the sources' weights (1..9)
  std::uint8_t sources = 0;   // SynonymSource bits
  explicit operator bool() const { return strength > 0; }
};

class SynonymModel {
 public:
  // Opens `compiled` when it is a well-formed image of exactly these sources (same sizes and
  // modification times); otherwise compiles the sources in memory. `sources` are TSV files
  // (word, synonym, sources, strength); a missing optional source is skipped. Throws
  // SynonymError "file:line: problem" on a malformed source.
  static std::unique_ptr<SynonymModel> open(const std::vector<std::string>& sources, const std::string& compiled);
  // Compiles the sources into the image format and writes it atomically to `out`.
  static void compile(const std::vector<std::string>& sources, const std::string& out);

  // The relation of `b` to `a` (any case; compared in lower case): whether a thesaurus lists
  // `b` as a synonym of `a`, under `a`'s or `b`'s base forms too. Zero when they are the same
  // word (see same_word) or unrelated.
  SynonymRelation relation(std::string_view a, std::string_view b) const;
  // Every synonym of `a` with its relation, strongest first (for suggestions and the spinner's
  // mirror in tests).
  std::vector<std::pair<std::string, SynonymRelation>> synonyms(std::string_view a) const;

  // The strength of the exact pair (a, b), compared in lower case, with no morphology: for
  // tables of word pairs that are not synonyms (the reference bigrams). Zero when absent.
  std::uint8_t pair_strength(std::string_view a, std::string_view b) const;
  // The same for words already in lower case: no copy (the hot path of the n-gram rules).
  std::uint8_t folded_pair_strength(std::string_view a, std::string_view b) const { return direct(a, b).strength; }
  // Calls f(b, strength) for every pair (a, b) of the table, `a` compared in lower case, with
  // no morphology and no allocation per pair: the followers of a word in the n-gram table.
  template <class F>
  void for_each_pair(std::string_view a, F&& f) const;

  bool from_image() const { return mapped_ != nullptr; }
  std::size_t words() const { return n_words_; }
  std::size_t pairs() const { return n_pairs_; }

  SynonymModel(const SynonymModel&) = delete;
  SynonymModel& operator=(const SynonymModel&) = delete;
  ~SynonymModel();

 private:
  SynonymModel() = default;
  bool attach(const std::uint8_t* data, std::size_t size);
  std::int64_t find(std::string_view word) const;
  std::string_view word(std::uint32_t i) const;
  // The pairs [first, last) of word `i`; empty when the image's offsets for it are damaged.
  std::pair<std::uint32_t, std::uint32_t> pairs_of(std::int64_t i) const;
  std::uint32_t bucket(std::uint32_t b) const;
  SynonymRelation direct(std::string_view a, std::string_view b) const;

  void* mapped_ = nullptr;
  std::size_t mapped_size_ = 0;
  std::vector<std::uint8_t> owned_;
  std::uint32_t n_words_ = 0, n_pairs_ = 0;
  const std::uint32_t* word_off_ = nullptr;
  const std::uint32_t* adj_off_ = nullptr;
  const std::uint32_t* target_ = nullptr;
  const std::uint8_t* strength_ = nullptr;
  const std::uint8_t* sources_ = nullptr;
  // Not aligned: it follows the pairs' one-byte arrays, so it is read through bucket().
  const std::uint8_t* buckets_ = nullptr;
  std::uint32_t n_buckets_ = 0;
  const char* blob_ = nullptr;
  std::uint32_t blob_bytes_ = 0;
};

// Lower case (ASCII letters; other bytes kept).
std::string lower(std::string_view w);
// The word in American spelling ("realised" -> "realized", "fibre" -> "fiber"), lower case.
std::string american_spelling(std::string_view w);
// The word's base forms, itself first: American spelling, singular, without -ing/-ed.
std::vector<std::string> base_forms(std::string_view w);
// Whether two words are one word in another form: case, number, tense, British/American
// spelling, or a derivation that keeps the stem ("Guard"/"Guardian", "Nation"/"National").
bool same_word(std::string_view a, std::string_view b);

template <class F>
void SynonymModel::for_each_pair(std::string_view a, F&& f) const {
  auto ia = find(lower(a));
  if (ia < 0) return;
  auto [first, last] = pairs_of(ia);
  for (auto k = first; k < last; ++k) f(word(target_[k]), strength_[k]);
}

}  // namespace wirelint::models
