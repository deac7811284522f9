// Text files in UTF-16 or UTF-32 with a byte-order mark (as some editors and Windows tools save
// them): recognised by the mark, decoded to UTF-8 for linting, and encoded back, mark and byte
// order kept, when --fix writes the file. Positions (line, column in code points) are the same in
// either form; byte offsets in reports refer to the UTF-8 text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace wirelint::input {

enum class Encoding { utf8, utf16le, utf16be, utf32le, utf32be };

// The encoding a byte-order mark at the start of `bytes` names; utf8 when there is none (or a
// UTF-8 mark, which the reader handles).
Encoding sniff_encoding(std::string_view bytes);

// "UTF-16LE" and so on, for messages.
const char* encoding_name(Encoding e);

// Decodes `bytes` (starting with the mark of `e`) to UTF-8 without the mark. On an ill-formed
// unit (an unpaired surrogate, a code point above U+10FFFF, a truncated last unit) returns the
// byte offset of that unit in `bytes` and leaves `out` unspecified.
std::optional<std::size_t> decode_to_utf8(std::string_view bytes, Encoding e, std::string& out);

// Encodes well-formed UTF-8 `text` in `e`, with its byte-order mark first.
std::string encode_from_utf8(std::string_view text, Encoding e);

}  // namespace wirelint::input
