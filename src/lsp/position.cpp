#include "lsp/position.h"

#include <algorithm>

namespace wirelint::lsp {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Units one code point takes, given its lead byte. Stray continuation bytes cannot reach us
// (the JSON parser rejects ill-formed UTF-8), so they count as nothing, like LineIndex does.
std::size_t units(unsigned char lead, Encoding e) {
  switch (e) {
    case Encoding::utf8:
      return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    case Encoding::utf16:
      return lead >= 0xF0 ? 2 : 1;
    case Encoding::utf32:
      return 1;
  }
  return 1;
}

}  // namespace

std::string_view to_string(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16: return "utf-16";
    case Encoding::utf32: return "utf-32";
  }
  return "utf-16";
}

std::optional<Encoding> parse_encoding(std::string_view name) {
  if (name == "utf-8") return Encoding::utf8;
  if (name == "utf-16") return Encoding::utf16;
  if (name == "utf-32") return Encoding::utf32;
  return std::nullopt;
}

LineMap::LineMap(std::string_view text) : text_(text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '\n' && c != '\r') continue;
    ends_.push_back(i);
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    starts_.push_back(i + 1);
  }
  ends_.push_back(text.size());
}

TextPosition LineMap::position(std::size_t offset, Encoding e) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin()) - 1;
  // An offset between CR and LF belongs to the end of the line.
  std::size_t stop = std::min(offset, ends_[line]);
  std::size_t character = 0;
  if (e == Encoding::utf8) {
    character = stop - starts_[line];
  } else {
    for (std::size_t i = starts_[line]; i < stop; ++i) {
      auto c = static_cast<unsigned char>(text_[i]);
      if (!continuation(c)) character += units(c, e);
    }
  }
  return TextPosition{line, character};
}

std::size_t LineMap::offset(TextPosition p, Encoding e) const {
  if (p.line >= starts_.size()) return text_.size();
  std::size_t i = starts_[p.line], end = ends_[p.line], counted = 0;
  while (i < end) {
    auto c = static_cast<unsigned char>(text_[i]);
    std::size_t width = continuation(c) ? 0 : units(c, e);
    if (counted + width > p.character) break;  // inside this code point, or exactly at it
    counted += width;
    ++i;
    while (i < end && continuation(static_cast<unsigned char>(text_[i]))) ++i;
    if (counted == p.character) break;
  }
  return i;
}

}  // namespace wirelint::lsp
