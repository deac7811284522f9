// A story as the engine sees it: the original bytes (never modified; every Span points here),
// and the lintable text derived from them: NFC-normalized UTF-8 in which everything that is not
// prose (front matter, code, URLs, HTML comments, invalid bytes, a BOM) is blanked to spaces.
// `text_to_source` maps each byte offset of `text` back to the source; it is empty when the two
// coincide byte for byte (the common case), so the map costs nothing for NFC input. Markup input
// (NITF, NewsML-G2, HTML) drops tags and decodes references, so its text is shorter than the
// source: it always has a map, and a second one for span ends (see source_end).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/line_index.h"

namespace wirelint {

// `xml` is XML of a dialect wirelint does not read (neither NITF nor NewsML-G2): it is skipped.
enum class InputFormat { plain, markdown, nitf, newsml, html, xml };

// NITF, NewsML-G2 and HTML: text lives in text nodes between tags, and a fix must stay inside one.
inline bool is_markup(InputFormat f) {
  return f == InputFormat::nitf || f == InputFormat::newsml || f == InputFormat::html;
}

// A byte range [begin, end) of the source.
struct SourceRange {
  std::size_t begin = 0, end = 0;
};

// A part of the story that markup names: its headline (and sub-headline), byline or dateline.
enum class Scope : std::uint8_t { headline, byline, dateline };

// A range [begin, end) of Document::text that is one of those parts.
struct TextScope {
  std::size_t begin = 0, end = 0;
  Scope scope = Scope::headline;
};

// Whether the text byte at `text_offset` lies in one of `parts` of kind `scope`.
inline bool in_scope(const std::vector<TextScope>& parts, std::size_t text_offset, Scope scope) {
  for (const auto& p : parts)
    if (p.scope == scope && text_offset >= p.begin && text_offset < p.end) return true;
  return false;
}

struct Document {
  std::string path;    // as reported to the user
  std::string source;  // original bytes
  InputFormat format = InputFormat::plain;
  std::optional<Date> date;  // from the input itself (front matter), if any

  std::string text;                          // lintable text, see above
  std::vector<std::uint32_t> text_to_source; // size text.size()+1, or empty for identity
  // Where the source of the text before each offset ends; empty when that is text_to_source.
  // A finding that ends just before a tag must not take the tag into its span.
  std::vector<std::uint32_t> text_end_to_source;
  // Markup input only: the source ranges of its text nodes (sorted, disjoint). A fix applies
  // only within one of them, so --fix never rewrites a tag. Empty for plain text and Markdown.
  std::vector<SourceRange> text_nodes;
  // Markup input only: the headline, byline and dateline the markup names (sorted by begin).
  std::vector<TextScope> scopes;

  // Over `source`; rebuilt by finalize(). When the document is one segment of a long file (the
  // session reads a long plain text a segment at a time), its origin places `source` in the file:
  // lines, columns and lines.file_offset() then count from the file's start.
  LineIndex lines;

  // Source byte offset for a byte offset in `text`.
  std::size_t source_offset(std::size_t text_offset) const {
    return text_to_source.empty() ? text_offset : text_to_source[text_offset];
  }
  // Source byte offset for the end of a span that ends at `text_end` in `text`.
  std::size_t source_end(std::size_t text_end) const {
    return text_end_to_source.empty() ? source_offset(text_end) : text_end_to_source[text_end];
  }
  // Whether source bytes [begin, end) lie inside one text node (always, for non-markup input).
  bool within_text_node(std::size_t begin, std::size_t end) const {
    if (!is_markup(format)) return true;
    auto it = std::upper_bound(text_nodes.begin(), text_nodes.end(), begin,
                               [](std::size_t b, const SourceRange& r) { return b < r.begin; });
    if (it == text_nodes.begin()) return false;
    --it;
    return begin >= it->begin && end <= it->end;
  }
  // Whether the text byte at `text_offset` lies in a part of kind `scope`.
  bool in_scope(std::size_t text_offset, Scope scope) const;
  // Builds `lines` over `source`. Call after `source` is final and no longer moves.
  void finalize() { lines = LineIndex(source); }

  Document() = default;
  Document(const Document&) = delete;  // `lines` views `source`
  Document& operator=(const Document&) = delete;
};

inline bool Document::in_scope(std::size_t text_offset, Scope scope) const {
  return wirelint::in_scope(scopes, text_offset, scope);
}

}  // namespace wirelint
