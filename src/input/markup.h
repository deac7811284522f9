// NITF 3.x, IPTC NewsML-G2 and HTML input through libxml2's SAX parsers. The reader keeps the
// prose (NITF body: headlines, byline, dateline, paragraphs, captions; NewsML-G2 contentMeta
// headline, dateline, by, description and its inline NITF, XHTML or text; HTML body text) and
// drops markup, metadata, script, style, code and pre. Entity and character references are
// decoded. Every byte of the decoded text keeps the source offset it came from, which libxml2
// gives through the parser's input cursor at each SAX event, so findings point at the XML text.
//
// Cost: one SAX pass, no tree; the decoded text and two offset maps are about 9 bytes per byte
// of prose. Safety: no network (XML_PARSE_NONET), no DTD loading, no entity substitution, and a
// document that declares entities is refused before any of them could expand (billion laughs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"

namespace wirelint::input {

struct MarkupError {
  std::size_t offset = 0;  // source byte where the parser stopped
  std::string message;     // one line, from libxml2 or ours
};

struct MarkupText {
  // The prose, decoded; block elements (p, hl1, li, td, h1-h6, br, ...) are separated by a
  // blank line so words of two paragraphs never join.
  std::string text;
  // Source offset where each text byte starts (size text.size()+1), and source offset where
  // the text before each byte ends (differs from the start where markup lies in between).
  std::vector<std::uint32_t> starts, ends;
  std::vector<SourceRange> text_nodes;  // see Document::text_nodes
  std::vector<TextScope> scopes;        // see Document::scopes (offsets into `text`)
  std::optional<Date> date;             // from the item's metadata
  std::optional<MarkupError> error;     // the file does not parse (text is then empty)
};

// Reads `source` (valid UTF-8, same length as the file) as `format` (nitf, newsml or html).
MarkupText read_markup(std::string_view source, InputFormat format);

// The local name of the root element of XML `source` ("nitf", "newsItem"), read with libxml2
// and stopped at the root's start tag; empty when the XML breaks before a root element.
std::string xml_root_name(std::string_view source);

}  // namespace wirelint::input
