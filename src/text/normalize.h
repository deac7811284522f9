// NFC normalization with an offset map back to the input, and case folding, through ICU.
// Already-normalized input (nearly all wire copy) is detected with ICU's quick check and
// returned without copying a map.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirelint::text {

struct Normalized {
  std::string text;
  // Byte offset in the input for each byte offset of `text` (size text.size()+1), or empty when
  // `text` equals the input. Offsets inside a composed character map to the start of the input
  // sequence it came from; the end offset maps to the input's size.
  std::vector<std::uint32_t> to_input;
};

// `utf8` must be valid UTF-8 (see utf8.h).
Normalized normalize_nfc(std::string_view utf8);

// Full Unicode case folding of valid UTF-8 (ASCII fast path). "Straße" -> "strasse".
std::string fold_case(std::string_view utf8);

}  // namespace wirelint::text
