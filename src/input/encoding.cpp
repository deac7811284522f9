#include "input/encoding.h"

#include <cstdint>

namespace wirelint::input {
namespace {

bool starts(std::string_view b, std::initializer_list<unsigned char> mark) {
  if (b.size() < mark.size()) return false;
  std::size_t i = 0;
  for (unsigned char c : mark)
    if (static_cast<unsigned char>(b[i++]) != c) return false;
  return true;
}

std::size_t unit_size(Encoding e) { return e == Encoding::utf32le || e == Encoding::utf32be ? 4 : 2; }

std::uint32_t unit_at(std::string_view b, std::size_t i, Encoding e) {
  auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[i + k])); };
  switch (e) {
    case Encoding::utf16le: return byte(0) | byte(1) << 8;
    case Encoding::utf16be: return byte(0) << 8 | byte(1);
    case Encoding::utf32le: return byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
    case Encoding::utf32be: return byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
    case Encoding::utf8: break;
  }
  return 0;
}

void put_unit(std::string& out, std::uint32_t u, Encoding e) {
  auto put = [&](std::uint32_t v) { out.push_back(static_cast<char>(v & 0xFF)); };
  switch (e) {
    case Encoding::utf16le: put(u), put(u >> 8); break;
    case Encoding::utf16be: put(u >> 8), put(u); break;
    case Encoding::utf32le: put(u), put(u >> 8), put(u >> 16), put(u >> 24); break;
    case Encoding::utf32be: put(u >> 24), put(u >> 16), put(u >> 8), put(u); break;
    case Encoding::utf8: break;
  }
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | cp >> 6));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | cp >> 12));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | cp >> 18));
    out.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

Encoding sniff_encoding(std::string_view b) {
  // UTF-32LE's mark begins with UTF-16LE's: test it first.
  if (starts(b, {0xFF, 0xFE, 0x00, 0x00})) return Encoding::utf32le;
  if (starts(b, {0x00, 0x00, 0xFE, 0xFF})) return Encoding::utf32be;
  if (starts(b, {0xFF, 0xFE})) return Encoding::utf16le;
  if (starts(b, {0xFE, 0xFF})) return Encoding::utf16be;
  return Encoding::utf8;
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::utf16le: return "UTF-16LE";
    case Encoding::utf16be: return "UTF-16BE";
    case Encoding::utf32le: return "UTF-32LE";
    case Encoding::utf32be: return "UTF-32BE";
    case Encoding::utf8: break;
  }
  return "UTF-8";
}

std::optional<std::size_t> decode_to_utf8(std::string_view b, Encoding e, std::string& out) {
  out.clear();
  if (e == Encoding::utf8) {
    out.assign(b);
    return std::nullopt;
  }
  const std::size_t n = unit_size(e);
  out.reserve(b.size());
  for (std::size_t i = n; i < b.size(); i += n) {  // past the mark
    if (i + n > b.size()) return i;                 // a truncated last unit
    std::uint32_t u = unit_at(b, i, e);
    if (n == 2 && u >= 0xD800 && u <= 0xDBFF) {
      if (i + 2 * n > b.size()) return i;
      std::uint32_t low = unit_at(b, i + n, e);
      if (low < 0xDC00 || low > 0xDFFF) return i;
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      i += n;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      return i;  // a lone low surrogate, or a surrogate in UTF-32
    }
    if (u > 0x10FFFF) return i;
    append_utf8(out, u);
  }
  return std::nullopt;
}

std::string encode_from_utf8(std::string_view s, Encoding e) {
  std::string out;
  if (e == Encoding::utf8) return std::string(s);
  out.reserve(s.size() * unit_size(e) + 4);
  put_unit(out, 0xFEFF, e);
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp;
    std::size_t len;
    if (c < 0x80) cp = c, len = 1;
    else if (c >> 5 == 0x6) cp = c & 0x1F, len = 2;
    else if (c >> 4 == 0xE) cp = c & 0x0F, len = 3;
    else cp = c & 0x07, len = 4;
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (unit_size(e) == 2 && cp >= 0x10000) {
      cp -= 0x10000;
      put_unit(out, 0xD800 + (cp >> 10), e);
      put_unit(out, 0xDC00 + (cp & 0x3FF), e);
    } else {
      put_unit(out, cp, e);
    }
  }
  return out;
}

}  // namespace wirelint::input
