#include "core/line_index.h"

#include <algorithm>

namespace wirelint {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view source) : source_(source) {
  bom_ = source.size() >= 3 && static_cast<unsigned char>(source[0]) == 0xEF &&
         static_cast<unsigned char>(source[1]) == 0xBB &&
         static_cast<unsigned char>(source[2]) == 0xBF;
  ends_.clear();
  for (std::size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\n' || c == '\r') {
      ends_.push_back(i);
      if (c == '\r' && i + 1 < source.size() && source[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
  ends_.push_back(source.size());
  std::uint64_t points = 0, units = 0;
  block_points_.reserve(source.size() / kBlock + 1);
  block_units_.reserve(source.size() / kBlock + 1);
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (i % kBlock == 0) {
      block_points_.push_back(points);
      block_units_.push_back(units);
    }
    auto c = static_cast<unsigned char>(source[i]);
    if (is_continuation(c)) continue;
    ++points;
    units += c >= 0xF0 ? 2 : 1;
  }
}

std::size_t LineIndex::counted_before(std::size_t offset, bool units) const {
  const auto& blocks = units ? block_units_ : block_points_;
  if (blocks.empty()) return 0;
  std::size_t block = std::min(offset / kBlock, blocks.size() - 1);
  std::size_t n = blocks[block];
  for (std::size_t i = block * kBlock; i < offset; ++i) {
    auto c = static_cast<unsigned char>(source_[i]);
    if (!is_continuation(c)) n += units && c >= 0xF0 ? 2 : 1;
  }
  return n;
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

std::size_t LineIndex::column_origin(std::size_t line0) const {
  return line0 == 0 && bom_ ? 3 : starts_[line0];
}

// The 0-based line of `offset` (clamped to the source) and where its columns count from.
std::pair<std::size_t, std::size_t> LineIndex::line_and_start(std::size_t& offset) const {
  offset = std::min(offset, source_.size());
  std::size_t line0 = line_of(offset);
  return {line0, std::min(column_origin(line0), offset)};
}

Position LineIndex::position(std::size_t offset) const {
  auto [line0, start] = line_and_start(offset);
  std::size_t before = line0 == 0 ? origin_.points : 0;
  return Position{origin_.line + line0, 1 + before + counted_before(offset, false) - counted_before(start, false)};
}

std::size_t LineIndex::utf16_column(std::size_t offset) const {
  auto [line0, start] = line_and_start(offset);
  std::size_t before = line0 == 0 ? origin_.units : 0;
  return before + counted_before(offset, true) - counted_before(start, true);
}

std::size_t LineIndex::byte_column(std::size_t offset) const {
  auto [line0, start] = line_and_start(offset);
  return 1 + (line0 == 0 ? origin_.bytes : 0) + offset - start;
}

LineOrigin LineIndex::origin_at(std::size_t offset) const {
  Position p = position(offset);
  return LineOrigin{file_offset(std::min(offset, source_.size())), p.line, p.column - 1, utf16_column(offset),
                    byte_column(offset) - 1};
}

std::size_t LineIndex::line_start(std::size_t line) const {
  if (line < origin_.line || line - origin_.line >= starts_.size()) return source_.size();
  return column_origin(line - origin_.line);
}

std::size_t LineIndex::line_end(std::size_t line) const {
  if (line < origin_.line || line - origin_.line >= ends_.size()) return source_.size();
  return ends_[line - origin_.line];
}

std::string_view LineIndex::line_text(std::size_t line) const {
  std::size_t b = line_start(line), e = line_end(line);
  return b <= e ? source_.substr(b, e - b) : std::string_view();
}

}  // namespace wirelint
