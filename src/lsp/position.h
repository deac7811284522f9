// Positions as LSP counts them: 0-based lines (a line ends at LF, CRLF or a lone CR) and a
// 0-based character offset in the negotiated unit (UTF-8 bytes, UTF-16 code units or code
// points). The map is built over the buffer text exactly as the client sent it, so the two
// directions (our byte spans out, the client's edit ranges in) always agree with each other.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace wirelint::lsp {

enum class Encoding { utf8, utf16, utf32 };

std::string_view to_string(Encoding e);  // "utf-8", "utf-16", "utf-32"
std::optional<Encoding> parse_encoding(std::string_view name);

struct TextPosition {
  std::size_t line = 0;
  std::size_t character = 0;
};

class LineMap {
 public:
  explicit LineMap(std::string_view text);

  // Position of byte `offset` (clamped to the text size).
  TextPosition position(std::size_t offset, Encoding e) const;
  // Byte offset of a client position. As LSP asks, a character past the end of its line means
  // the end of the line, and a line past the last means the end of the text; a position inside
  // a code point (half a surrogate pair, a continuation byte) means the start of that code point.
  std::size_t offset(TextPosition p, Encoding e) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_{0};
  std::vector<std::size_t> ends_;  // before the line break
};

}  // namespace wirelint::lsp
