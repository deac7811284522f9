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
  phrases_.push_back(folded_tokens);
  return static_cast<std::uint32_t>(phrases_.size() - 1);
}

PhraseSet PhraseSetBuilder::compile() && {
  PhraseSet set;
  set.pattern_count_ = phrases_.size();
  // Intern every token first so the string_view keys never move.
  std::vector<std::string> unique;
  for (const auto& p : phrases_) unique.insert(unique.end(), p.begin(), p.end());
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  set.vocabulary_storage_ = std::move(unique);
  set.vocabulary_.reserve(set.vocabulary_storage_.size());
  for (std::uint32_t i = 0; i < set.vocabulary_storage_.size(); ++i)
    set.vocabulary_.emplace(set.vocabulary_storage_[i], i);

  set.nodes_.emplace_back();  // root
  for (std::uint32_t id = 0; id < phrases_.size(); ++id) {
    std::uint32_t node = 0;
    for (const auto& tok : phrases_[id]) {
      std::uint32_t t = set.vocabulary_.at(tok);
      std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | t;
      auto it = set.edges_.find(key);
      if (it == set.edges_.end()) {
        set.nodes_.emplace_back();
        it = set.edges_.emplace(key, static_cast<std::uint32_t>(set.nodes_.size() - 1)).first;
      }
      node = it->second;
    }
    set.nodes_[node].patterns.push_back(id);
  }
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
