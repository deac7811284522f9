// Small helpers shared by the typography kinds (private to rules/kinds/typography/).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "models/synonyms.h"
#include "rules/schema.h"
#include "tokenize/tokens.h"

namespace wirelint::rules::typography {

inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A lower-cased word list read from `key`; an entry that is empty or holds a space is a data
// mistake (the kinds compare single folded tokens), so it fails naming the key.
inline std::unordered_set<std::string> word_set(TableReader& table, const std::string& key) {
  std::unordered_set<std::string> out;
  for (const auto& w : table.strings(key)) {
    if (w.empty() || w.find_first_of(" \t\n") != std::string::npos)
      table.fail(key, "entries must be single words: \"" + w + "\"");
    out.insert(models::lower(w));
  }
  return out;
}

inline bool is_punct(const tokenize::TokenStream& ts, std::size_t i, std::string_view s) {
  return i < ts.size() && ts[i].kind == tokenize::TokenKind::punct && ts.surface(i) == s;
}

// Code point starting at byte `i` of `s` (valid UTF-8 assumed; the lintable text is), and the
// byte length of that code point in `len`.
inline std::uint32_t decode_at(std::string_view s, std::size_t i, std::size_t* len) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + n > s.size()) n = 1;
  std::uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  if (len) *len = n;
  return cp;
}

// Start of the code point that ends just before byte `i`.
inline std::size_t previous_start(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  std::size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

}  // namespace wirelint::rules::typography
