// A story as the engine sees it: the original bytes (never modified; every Span points here),
// and the lintable text derived from them: NFC-normalized UTF-8 in which everything that is not
// prose (front matter, code, URLs, HTML comments, invalid bytes, a BOM) is blanked to spaces.
// `text_to_source` maps each byte offset of `text` back to the source; it is empty when the two
// coincide byte for byte (the common case), so the map costs nothing for NFC input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/line_index.h"

namespace wirelint {

enum class InputFormat { plain, markdown };

struct Document {
  std::string path;    // as reported to the user
  std::string source;  // original bytes
  InputFormat format = InputFormat::plain;
  std::optional<Date> date;  // from the input itself (front matter), if any

  std::string text;                          // lintable text, see above
  std::vector<std::uint32_t> text_to_source; // size text.size()+1, or empty for identity

  LineIndex lines;  // over `source`; rebuilt by finalize()

  // Source byte offset for a byte offset in `text`.
  std::size_t source_offset(std::size_t text_offset) const {
    return text_to_source.empty() ? text_offset : text_to_source[text_offset];
  }
  // Builds `lines` over `source`. Call after `source` is final and no longer moves.
  void finalize() { lines = LineIndex(source); }

  Document() = default;
  Document(const Document&) = delete;  // `lines` views `source`
  Document& operator=(const Document&) = delete;
};

}  // namespace wirelint
