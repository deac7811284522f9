// Maps byte offsets in a source file to 1-based lines and 1-based columns counted in Unicode
// code points (and 0-based UTF-16 units for LSP). Built once per file in O(n); each lookup is a
// binary search over line starts plus a scan of at most one block of `kBlock` bytes (counts of
// code points and UTF-16 units are kept at every block boundary), so a file of one long line
// costs no more per lookup than one of short lines. A line ends at LF, CRLF or a lone CR.
// A UTF-8 byte-order mark at the start of the file is not counted as a column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace wirelint {

struct Position {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in code points
};

// Where the indexed source starts in a larger file, when it is one segment of it (a long plain
// text is linted in segments): the file's byte offset of its first byte, that byte's 1-based line,
// and what of that line comes before it (code points, UTF-16 units, bytes). The default is the
// start of a file.
struct LineOrigin {
  std::size_t offset = 0;
  std::size_t line = 1;
  std::size_t points = 0, units = 0, bytes = 0;
};

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view source);

  // Lines, columns and file offsets below count from `origin` (see LineOrigin); byte offsets
  // into the source stay offsets into the source.
  void set_origin(const LineOrigin& origin) { origin_ = origin; }
  // Where byte `offset` stands in the file, as the origin of a text that would start there; the
  // origin of the text that follows the source is origin_at(size).
  LineOrigin origin_at(std::size_t offset) const;
  // The file's byte offset of source byte `offset`.
  std::size_t file_offset(std::size_t offset) const { return origin_.offset + offset; }

  // The line and column of byte `offset` (offset may equal source size).
  Position position(std::size_t offset) const;
  // 0-based UTF-16 column of byte `offset` within its line.
  std::size_t utf16_column(std::size_t offset) const;
  // 1-based column of byte `offset` within its line, counted in bytes.
  std::size_t byte_column(std::size_t offset) const;
  // Byte offset of the start of 1-based `line`, and of its end (before the line break). A line
  // before the source gives the source's size; the origin's line starts at 0.
  std::size_t line_start(std::size_t line) const;
  std::size_t line_end(std::size_t line) const;
  std::size_t line_count() const { return starts_.size(); }
  std::string_view line_text(std::size_t line) const;

 private:
  std::size_t line_of(std::size_t offset) const;  // 0-based
  std::pair<std::size_t, std::size_t> line_and_start(std::size_t& offset) const;
  std::size_t column_origin(std::size_t line0) const;
  // Code points (or, with `units`, UTF-16 units) in the source's bytes [0, offset).
  std::size_t counted_before(std::size_t offset, bool units) const;

  static constexpr std::size_t kBlock = 256;
  // Code points and UTF-16 units before each block's first byte.
  std::vector<std::uint64_t> block_points_, block_units_;

  std::string_view source_;
  std::vector<std::size_t> starts_{0};  // an index over nothing is an index over ""
  std::vector<std::size_t> ends_{0};
  bool bom_ = false;
  LineOrigin origin_;
};

}  // namespace wirelint
