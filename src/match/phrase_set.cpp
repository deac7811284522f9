#include "match/phrase_set.h"

#include <algorithm>

namespace wirelint::match {

std::vector<std::string> phrase_tokens(std::string_view phrase) {
  // Most phrases of the packs are ASCII words between single spaces: the tokenizer makes each
  // word a token, folded to lower case. Anything else (a mark, a digit, an apostrophe, other
  // spacing, another script) goes through the tokenizer.
  bool plain = !phrase.empty() && phrase.front() != ' ' && phrase.back() != ' ';
  for (std::size_t i = 0; i < phrase.size() && plain; ++i) {
    char c = phrase[i];
    plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c == ' ' && phrase[i + 1] != ' ');
  }
  if (plain) {
    std::vector<std::string> out;
    for (std::size_t b = 0; b < phrase.size();) {
      std::size_t e = phrase.find(' ', b);
      if (e == std::string_view::npos) e = phrase.size();
      std::string w(phrase.substr(b, e - b));
      for (char& c : w)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back(std::move(w));
      b = e + 1;
    }
    return out;
  }
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

namespace {

std::string_view edge_key(const std::uint64_t& key) { return {reinterpret_cast<const char*>(&key), 8}; }

}  // namespace

PhraseSet PhraseSetBuilder::compile() && {
  if (nodes_.empty()) nodes_.emplace_back();
  std::vector<std::pair<std::string_view, std::uint32_t>> vocabulary, edges;
  vocabulary.reserve(words_.size());
  for (std::uint32_t i = 0; i < words_.size(); ++i) vocabulary.emplace_back(words_[i], i);
  // Edges sorted by key: the same set lays out the same bytes.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted(edges_.begin(), edges_.end());
  std::sort(sorted.begin(), sorted.end());
  edges.reserve(sorted.size());
  for (const auto& [key, node] : sorted) edges.emplace_back(edge_key(key), node);
  ImageWriter w;
  w.str(FlatTableBuilder::build_unique(vocabulary));
  w.str(FlatTableBuilder::build_unique(edges));
  w.u32(static_cast<std::uint32_t>(nodes_.size()));
  std::uint32_t at = 0;
  for (const auto& n : nodes_) {
    w.u32(at);
    at += static_cast<std::uint32_t>(n.patterns.size());
  }
  w.u32(at);
  for (const auto& n : nodes_)
    for (auto p : n.patterns) w.u32(p);
  w.u64(count_);
  PhraseSet set;
  set.owned_ = std::make_unique<std::string>(std::move(w).take());
  set.view(*set.owned_);
  return set;
}

void PhraseSet::view(std::string_view bytes) {
  ImageReader r(bytes.data(), bytes.size());
  if (!vocabulary_.open(r.bytes(r.u32())) || !edges_.open(r.bytes(r.u32())))
    throw ImageError("corrupt image: a malformed phrase table");
  node_count_ = r.count(4);
  if (node_count_ == 0) throw ImageError("corrupt image: a phrase trie without a root");
  offsets_ = r.bytes(4 * (static_cast<std::size_t>(node_count_) + 1)).data();
  std::uint32_t total = load<std::uint32_t>(offsets_ + 4 * static_cast<std::size_t>(node_count_));
  if (total > r.remaining() / 4) throw ImageError("corrupt image: truncated");
  patterns_ = r.bytes(4 * static_cast<std::size_t>(total)).data();
  pattern_count_ = static_cast<std::size_t>(r.u64());
  if (r.remaining() != 0) throw ImageError("corrupt image: trailing bytes after a phrase set");
  for (std::uint32_t n = 0, before = 0; n <= node_count_; ++n) {
    std::uint32_t at = load<std::uint32_t>(offsets_ + 4 * static_cast<std::size_t>(n));
    if (at < before || at > total) throw ImageError("corrupt image: phrase offsets out of order");
    before = at;
  }
  for (std::uint32_t i = 0; i < total; ++i)
    if (load<std::uint32_t>(patterns_ + 4 * static_cast<std::size_t>(i)) >= pattern_count_)
      throw ImageError("corrupt image: phrase id out of range");
  bytes_ = bytes;
}

std::uint32_t PhraseSet::child(std::uint32_t node, std::uint32_t token) const {
  std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | token;
  auto next = edges_.find(edge_key(key));
  return next.empty() || next[0] >= node_count_ ? kNone : next[0];
}

void PhraseSet::match(const tokenize::TokenStream& tokens, std::vector<PhraseHit>& out) const {
  if (pattern_count_ == 0) return;
  const std::size_t n = tokens.size();
  std::vector<std::uint32_t> ids(n, kNone);
  for (std::size_t i = 0; i < n; ++i) {
    auto id = vocabulary_.find(tokens.folded(i));
    if (!id.empty()) ids[i] = id[0];
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t node = 0;
    for (std::size_t j = i; j < n && ids[j] != kNone; ++j) {
      node = child(node, ids[j]);
      if (node == kNone) break;
      std::uint32_t from = load<std::uint32_t>(offsets_ + 4 * static_cast<std::size_t>(node));
      std::uint32_t to = load<std::uint32_t>(offsets_ + 4 * (static_cast<std::size_t>(node) + 1));
      for (std::uint32_t k = from; k < to; ++k)
        out.push_back(PhraseHit{load<std::uint32_t>(patterns_ + 4 * static_cast<std::size_t>(k)), static_cast<std::uint32_t>(i),
                                static_cast<std::uint32_t>(j + 1)});
    }
  }
}

void PhraseSet::write(ImageWriter& out) const { out.str(bytes_); }

PhraseSet PhraseSet::read(ImageReader& in) {
  PhraseSet set;
  set.view(in.bytes(in.u32()));
  return set;
}

}  // namespace wirelint::match
