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

void PhraseSet::write(ImageWriter& out) const {
  out.strs(vocabulary_storage_);
  // Edges sorted by key: the same set writes the same bytes.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> edges(edges_.begin(), edges_.end());
  std::sort(edges.begin(), edges.end());
  out.u32(static_cast<std::uint32_t>(edges.size()));
  for (const auto& [key, node] : edges) {
    out.u64(key);
    out.u32(node);
  }
  out.u32(static_cast<std::uint32_t>(nodes_.size()));
  for (const auto& n : nodes_) {
    out.u32(static_cast<std::uint32_t>(n.patterns.size()));
    for (auto p : n.patterns) out.u32(p);
  }
  out.u64(pattern_count_);
}

PhraseSet PhraseSet::read(ImageReader& in) {
  PhraseSet set;
  set.vocabulary_storage_ = in.strs();
  set.vocabulary_.reserve(set.vocabulary_storage_.size());
  for (std::uint32_t i = 0; i < set.vocabulary_storage_.size(); ++i) set.vocabulary_.emplace(set.vocabulary_storage_[i], i);
  std::uint32_t n_edges = in.count(12);
  set.edges_.reserve(n_edges);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> edges(n_edges);
  for (auto& [key, node] : edges) {
    key = in.u64();
    node = in.u32();
  }
  set.nodes_.resize(in.count(4));
  for (auto& n : set.nodes_) {
    n.patterns.resize(in.count(4));
    for (auto& p : n.patterns) p = in.u32();
  }
  set.pattern_count_ = static_cast<std::size_t>(in.u64());
  for (const auto& [key, node] : edges) {
    if (node >= set.nodes_.size() || (key >> 32) >= set.nodes_.size() || (key & 0xFFFFFFFFu) >= set.vocabulary_storage_.size())
      throw ImageError("corrupt image: phrase trie edge out of range");
    set.edges_.emplace(key, node);
  }
  for (const auto& n : set.nodes_)
    for (auto p : n.patterns)
      if (p >= set.pattern_count_) throw ImageError("corrupt image: phrase id out of range");
  return set;
}

}  // namespace wirelint::match
