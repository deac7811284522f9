#include "text/utf8.h"

#include <cstdint>
#include <cstring>

namespace wirelint::text {
namespace {

// Wire copy is overwhelmingly ASCII, so whole 8-byte words are skipped while no byte has its
// high bit set; only the remainder goes through the per-sequence checks.
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

std::size_t skip_ascii(const unsigned char* p, std::size_t i, std::size_t n) {
  while (i + 8 <= n) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & kHighBits) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

// Examines the sequence starting at p[i] (a non-ASCII byte). Returns its length when it is a
// well-formed sequence (Unicode Table 3-7); otherwise returns 0 and sets `bad` to the length of
// its maximal subpart, i.e. the bytes that have to go together as one ill-formed unit. The
// second byte's range depends on the lead byte: that is what rules out overlongs (E0, F0),
// surrogates (ED) and values above U+10FFFF (F4).
std::size_t check_sequence(const unsigned char* p, std::size_t i, std::size_t n,
                           std::size_t& bad) {
  unsigned char lead = p[i];
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (in(lead, 0xC2, 0xDF)) {
    need = 1;
  } else if (lead == 0xE0) {
    need = 2, lo = 0xA0;
  } else if (in(lead, 0xE1, 0xEC) || in(lead, 0xEE, 0xEF)) {
    need = 2;
  } else if (lead == 0xED) {
    need = 2, hi = 0x9F;
  } else if (lead == 0xF0) {
    need = 3, lo = 0x90;
  } else if (in(lead, 0xF1, 0xF3)) {
    need = 3;
  } else if (lead == 0xF4) {
    need = 3, hi = 0x8F;
  } else {
    bad = 1;  // stray continuation byte, C0, C1, F5..FF
    return 0;
  }
  std::size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= n) break;
    unsigned char c = p[i + k];
    if (k == 1 ? !in(c, lo, hi) : !in(c, 0x80, 0xBF)) break;
  }
  if (k > need) return need + 1;
  bad = k;
  return 0;
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (true) {
    i = skip_ascii(p, i, n);
    if (i >= n) return npos;
    std::size_t bad = 0;
    std::size_t len = check_sequence(p, i, n, bad);
    if (len == 0) return i;
    i += len;
  }
}

std::size_t blank_invalid_utf8(std::string& bytes) {
  std::size_t first = first_invalid_utf8(bytes);
  if (first == npos) return npos;
  auto* p = reinterpret_cast<unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = first;
  while (true) {
    i = skip_ascii(p, i, n);
    if (i >= n) break;
    std::size_t bad = 0;
    std::size_t len = check_sequence(p, i, n, bad);
    if (len != 0) {
      i += len;
      continue;
    }
    std::memset(p + i, ' ', bad);
    i += bad;
  }
  return first;
}

std::size_t code_point_count(std::string_view s) {
  std::size_t count = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

std::size_t possessive_bytes(std::string_view s) {
  if (s.size() > 2 && s.substr(s.size() - 2) == "'s") return 2;
  if (s.size() > 4 && s.substr(s.size() - 4) == "\xE2\x80\x99s") return 4;
  if (s.size() > 1 && s.back() == '\'') return 1;
  if (s.size() > 3 && s.substr(s.size() - 3) == "\xE2\x80\x99") return 3;
  return 0;
}

std::string plain_apostrophes(std::string_view s) {
  std::size_t first = s.find('\xE2');
  if (first == std::string_view::npos) return std::string(s);  // most words: nothing to replace
  std::string out(s.substr(0, first));
  out.reserve(s.size());
  for (std::size_t i = first; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace wirelint::text
