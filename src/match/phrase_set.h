// A compiled set of multi-word phrases, matched over a TokenStream in one pass whatever the
// number of phrases: Add → Compile → Match, like RE2's Set.
//
// Phrases are sequences of case-folded tokens (segmented by the same tokenizer as the text, so
// "U.S." or "Russian-Origin's" split the same way in both). Matching walks a token trie from
// every token; each stream token is looked up in the phrase vocabulary once, so the cost is
// O(tokens × depth of the longest partial match), independent of the number of phrases.
// Whitespace and line breaks between tokens are ignored (phrases match across wrapped lines);
// punctuation tokens are part of the sequence.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "image/flat_table.h"
#include "image/io.h"
#include "tokenize/tokens.h"

namespace wirelint::match {

struct PhraseHit {
  std::uint32_t pattern = 0;      // id returned by PhraseSetBuilder::add
  std::uint32_t first_token = 0;  // [first_token, end_token) in the stream
  std::uint32_t end_token = 0;
};

// Splits a phrase into case-folded tokens the way TokenStream splits text.
std::vector<std::string> phrase_tokens(std::string_view phrase);

// A node of the token trie as the builder grows it.
struct PhraseTrieNode {
  std::vector<std::uint32_t> patterns;  // phrases that end here
};

// The compiled set is laid out flat (image/flat_table.h) and read in place: the vocabulary
// (folded token -> id), the trie's edges (node << 32 | token, as 8 bytes -> child node) and the
// phrases ending at each node (offsets per node, then the phrase ids). Built in the process, it
// owns those bytes; read from an image, it views the image's bytes, which must outlive it.
class PhraseSet {
 public:
  PhraseSet() = default;
  PhraseSet(const PhraseSet&) = delete;
  PhraseSet& operator=(const PhraseSet&) = delete;
  PhraseSet(PhraseSet&&) = default;
  PhraseSet& operator=(PhraseSet&&) = default;

  // Every occurrence of every phrase, overlapping ones included, ordered by first token and
  // then by length (shorter first).
  void match(const tokenize::TokenStream& tokens, std::vector<PhraseHit>& out) const;
  std::size_t size() const { return pattern_count_; }

  // The compiled set in an image's form, and back (viewing the reader's bytes); read throws
  // ImageError on a malformed image.
  void write(ImageWriter& out) const;
  static PhraseSet read(ImageReader& in);

 private:
  friend class PhraseSetBuilder;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  void view(std::string_view bytes);  // throws ImageError
  std::uint32_t child(std::uint32_t node, std::uint32_t token) const;

  std::unique_ptr<std::string> owned_;  // the bytes, when built here (a stable address)
  std::string_view bytes_;
  FlatTable vocabulary_, edges_;
  const char* offsets_ = nullptr;   // node_count_ + 1 u32: each node's first phrase in patterns_
  const char* patterns_ = nullptr;
  std::uint32_t node_count_ = 0;
  std::size_t pattern_count_ = 0;
};

class PhraseSetBuilder {
 public:
  // Adds a phrase given as folded tokens; returns its id (dense, from 0). An empty token list
  // is rejected with kInvalid.
  static constexpr std::uint32_t kInvalid = 0xFFFFFFFFu;
  std::uint32_t add(const std::vector<std::string>& folded_tokens);
  PhraseSet compile() &&;

 private:
  std::unordered_map<std::string, std::uint32_t> vocabulary_;
  std::vector<std::string> words_;  // by token id
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
  std::vector<PhraseTrieNode> nodes_;
  std::size_t count_ = 0;
};

}  // namespace wirelint::match
