// Turns the bytes of one input file into a Document: picks the format from the path, blanks
// everything that is not prose (a BOM, invalid UTF-8, and for Markdown front matter, fenced and
// indented code, inline code, URLs, autolinks, HTML comments and tags, link targets) to spaces
// so offsets stay put, takes the story's date from front matter, NFC-normalizes, and builds the
// offset map and line index. Never throws for any input bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"

namespace wirelint::input {

// Markdown for .md/.markdown/.mdown/.mkd (case-insensitive), plain text otherwise.
InputFormat format_for_path(std::string_view path);

// True if `bytes` holds a NUL byte (the file is binary and is skipped with a notice).
bool looks_binary(std::string_view bytes);

struct PrepareResult {
  std::unique_ptr<Document> doc;
  // Offset of the first ill-formed UTF-8 byte in the source, if any (the engine reports it;
  // the ill-formed bytes are blanked and the rest of the file is still linted).
  std::optional<std::size_t> invalid_utf8_offset;
};

PrepareResult prepare(std::string path, std::string bytes, InputFormat format);

// Exposed for tests: a copy of Markdown `source` of the same length in which non-prose bytes
// are spaces (line breaks kept); sets `date` from a `date:` front-matter key when present
// (YYYY-MM-DD, optionally quoted, optionally followed by a time).
std::string mask_markdown(std::string_view source, std::optional<Date>* date);

}  // namespace wirelint::input
