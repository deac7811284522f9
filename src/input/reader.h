// Turns the bytes of one input file into a Document: picks the format from the path (and, for
// XML or an unknown extension, from the content), blanks everything that is not prose (a BOM,
// invalid UTF-8, and for Markdown front matter, fenced and indented code, inline code, URLs,
// autolinks, HTML comments and tags, link targets) to spaces so offsets stay put, takes the
// story's date from front matter, NFC-normalizes, and builds the offset map and line index.
// NITF, NewsML-G2 and HTML go through libxml2 instead (input/markup.h): their text is the
// decoded prose with a map back to the source. Never throws for any input bytes.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"

namespace wirelint::input {

// By extension (case-insensitive): Markdown for .md/.markdown/.mdown/.mkd, HTML for
// .html/.htm/.xhtml, NITF for .nitf, `xml` for .xml (whose dialect only its content tells),
// plain text otherwise.
InputFormat format_for_path(std::string_view path);

// The format of a file: `forced` (--input-format) if given; else by extension, where .xml is
// NITF, NewsML-G2 or HTML by its root element (`xml` when none of them); else, for any other
// file, by content when that is unambiguous (it starts with "<?xml", "<nitf", "<newsItem",
// "<newsMessage", "<!DOCTYPE html" or "<html"); else plain text.
InputFormat detect_format(std::string_view path, std::string_view bytes,
                          std::optional<InputFormat> forced = std::nullopt);

// "plain", "markdown", "nitf", "newsml", "html" (and "xml"), and back; nullopt for other names.
const char* format_name(InputFormat format);
std::optional<InputFormat> parse_format_name(std::string_view name);

// True if `bytes` holds a NUL byte (the file is binary and is skipped with a notice).
bool looks_binary(std::string_view bytes);

struct PrepareResult {
  std::unique_ptr<Document> doc;
  // Offset of the first ill-formed UTF-8 byte in the source, if any (the engine reports it;
  // the ill-formed bytes are blanked and the rest of the file is still linted).
  std::optional<std::size_t> invalid_utf8_offset;
  // Markup that does not parse (or is not the dialect it claims): where and why. The document
  // then has no text; the caller reports the error and lints nothing.
  std::optional<std::size_t> error_offset;
  std::string error;
};

PrepareResult prepare(std::string path, std::string bytes, InputFormat format);

// Exposed for tests: a copy of Markdown `source` of the same length in which non-prose bytes
// are spaces (line breaks kept); sets `date` from a `date:` front-matter key when present
// (YYYY-MM-DD, optionally quoted, optionally followed by a time).
std::string mask_markdown(std::string_view source, std::optional<Date>* date);

}  // namespace wirelint::input
