#include "match/phrase_set.h"

#include <algorithm>

namespace wirelint::match {

std::vector<std::string> phrase_tokens(std::string_view phrase) {
  tokenize::TokenStream stream(phrase, tokenize::TokenStream::Mode::tokens_only);
  std::vector<std::string> out;
  out.reserve(stream.size());
  for (const auto& t : stream.tokens()) out.emplace_back(stream.folded(t));
  return out;
}

std::uint32_t PhraseSetBuilder::add(const std::vector<std::string>& folded_tokens) {
  if (folded_tokens.empty()) return kInvalid;
  // The trie is built as phrases arrive, interning each token once.
  if (nodes_.empty()) nodes_.emplace_back();
  std::uint32_t node = 0;
  for (const auto& tok : folded_tokens) {
    auto [v, fresh] = vocabulary_.emplace(tok, static_cast<std::uint32_t>(words_.size()));
    if (fresh) words_.push_back(tok);
    std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | v->second;
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      nodes_.emplace_back();
      it = edges_.emplace(key, static_cast<std::uint32_t>(nodes_.size() - 1)).first;
    }
    node = it->second;
  }
  auto id = static_cast<std::uint32_t>(count_++);
  nodes_[node].patterns.push_back(id);
  return id;
}

PhraseSet PhraseSetBuilder::compile() && {
  PhraseSet set;
  set.pattern_count_ = count_;
  set.vocabulary_storage_ = std::move(words_);
  set.vocabulary_.reserve(set.vocabulary_storage_.size());
  for (std::uint32_t i = 0; i < set.vocabulary_storage_.size(); ++i)
    set.vocabulary_.emplace(set.vocabulary_storage_[i], i);
  set.edges_ = std::move(edges_);
  set.nodes_ = std::move(nodes_);
  if (set.nodes_.empty()) set.nodes_.emplace_back();
  return set;
}

std::uint32_t PhraseSet::child(std::uint32_t node, std::uint32_t token) const {
  auto it = edges_.find((static_cast<std::uint64_t>(node) << 32) | token);
  return it == edges_.end() ? kNone : it->second;
}

void PhraseSet::match(const tokenize::TokenStream& tokens, std::vector<PhraseHit>& out) const {
  if (pattern_count_ == 0) return;
  const std::size_t n = tokens.size();
  std::vector<std::uint32_t> ids(n, kNone);
  for (std::size_t i = 0; i < n; ++i) {
    auto it = vocabulary_.find(tokens.folded(i));
    if (it != vocabulary_.end()) ids[i] = it->second;
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t node = 0;
    for (std::size_t j = i; j < n && ids[j] != kNone; ++j) {
      node = child(node, ids[j]);
      if (node == kNone) break;
      for (std::uint32_t p : nodes_[node].patterns)
        out.push_back(PhraseHit{p, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j + 1)});
    }
  }
}

}  // namespace wirelint::match
