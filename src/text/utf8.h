// UTF-8 validation and repair. Validation is a single forward pass with no allocation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wirelint::text {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlongs,
// surrogates and code points above U+10FFFF are ill-formed), or npos if `bytes` is valid.
std::size_t first_invalid_utf8(std::string_view bytes);

// Replaces every byte of every ill-formed sequence with an ASCII space, so that the string
// becomes valid UTF-8 with unchanged length and offsets. Returns the offset of the first
// ill-formed byte, or npos if there was none.
std::size_t blank_invalid_utf8(std::string& bytes);

// `s` with every U+2019 RIGHT SINGLE QUOTATION MARK (the typographic apostrophe) written as
// ASCII "'", so "Iran’s" and "Iran's" compare equal.
std::string plain_apostrophes(std::string_view s);

// Bytes of a trailing possessive: "'s" or "’s", or a plural's lone apostrophe ("Bankers'", whose
// s stays), so "Agency's" compares as "Agency".
std::size_t possessive_bytes(std::string_view s);

// True if every byte is ASCII.
bool is_ascii(std::string_view s);

// Number of code points in valid UTF-8 `s`.
std::size_t code_point_count(std::string_view s);

}  // namespace wirelint::text
