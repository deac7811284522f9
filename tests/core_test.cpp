// core/: Date, Severity, LineIndex and Document, on in-memory inputs.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/document.h"
#include "core/line_index.h"
#include "core/severity.h"

namespace wirelint {
namespace {

// --- Date -----------------------------------------------------------------------------------

TEST(DateTest, ParsesValidDates) {
  auto d = Date::parse("2024-03-07");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2024);
  EXPECT_EQ(d->month, 3);
  EXPECT_EQ(d->day, 7);
  EXPECT_TRUE(Date::parse("1999-12-31"));
  EXPECT_TRUE(Date::parse("2023-01-31"));
  EXPECT_TRUE(Date::parse("2023-04-30"));
}

TEST(DateTest, LeapDays) {
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_TRUE(Date::parse("2000-02-29"));  // divisible by 400
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("1900-02-29"));  // divisible by 100, not 400
  EXPECT_FALSE(Date::parse("2024-02-30"));
}

TEST(DateTest, RejectsDaysAndMonthsThatDoNotExist) {
  EXPECT_FALSE(Date::parse("2023-04-31"));
  EXPECT_FALSE(Date::parse("2023-01-32"));
  EXPECT_FALSE(Date::parse("2023-01-00"));
  EXPECT_FALSE(Date::parse("2023-00-10"));
  EXPECT_FALSE(Date::parse("2023-13-01"));
}

TEST(DateTest, RejectsOtherFormats) {
  for (const char* bad : {"", "2023-4-1", "2023-04-1", "23-04-01", "2023/04/01", "20230401",
                          "2023-04-01T12:00", " 2023-04-01", "2023-04-01 ", "abcd-ef-gh",
                          "+202-04-01", "2023-+4-01", "2023--4-01", "2023-04-0a", "01-04-2023"}) {
    EXPECT_FALSE(Date::parse(bad)) << '"' << bad << '"';
  }
}

TEST(DateTest, ToStringPadsAndRoundTrips) {
  EXPECT_EQ((Date{2024, 3, 7}.to_string()), "2024-03-07");
  EXPECT_EQ((Date{999, 1, 2}.to_string()), "0999-01-02");
  auto d = Date::parse("2021-11-09");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to_string(), "2021-11-09");
}

TEST(DateTest, OrderingIsChronological) {
  Date a{2023, 12, 31}, b{2024, 1, 1}, c{2024, 1, 2}, d{2024, 2, 1};
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_LT(c, d);
  EXPECT_LT(a, d);
  EXPECT_GT(d, a);
  EXPECT_LE(b, b);
  EXPECT_GE(b, b);
  EXPECT_LE(a, b);
  EXPECT_GE(c, b);
  EXPECT_EQ(b, (Date{2024, 1, 1}));
  EXPECT_NE(b, c);
  EXPECT_FALSE(b < b);
  EXPECT_FALSE(c > d);
}

TEST(DateTest, TodayIsAValidDate) {
  Date today = Date::today();
  auto parsed = Date::parse(today.to_string());
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, today);
  EXPECT_GE(today.year, 2024);
}

// --- Severity -------------------------------------------------------------------------------

TEST(SeverityTest, ParsesNames) {
  EXPECT_EQ(parse_severity("error"), Severity::error);
  EXPECT_EQ(parse_severity("warning"), Severity::warning);
  EXPECT_EQ(parse_severity("suggestion"), Severity::suggestion);
  EXPECT_FALSE(parse_severity(""));
  EXPECT_FALSE(parse_severity("fatal"));
  EXPECT_FALSE(parse_severity("errors"));
  EXPECT_FALSE(parse_severity(" error"));
}

TEST(SeverityTest, ToStringRoundTrips) {
  EXPECT_EQ(to_string(Severity::error), "error");
  EXPECT_EQ(to_string(Severity::warning), "warning");
  EXPECT_EQ(to_string(Severity::suggestion), "suggestion");
  for (Severity s : {Severity::suggestion, Severity::warning, Severity::error})
    EXPECT_EQ(parse_severity(to_string(s)), s);
}

TEST(SeverityTest, OrderedByGravity) {
  EXPECT_LT(Severity::suggestion, Severity::warning);
  EXPECT_LT(Severity::warning, Severity::error);
}

// --- LineIndex ------------------------------------------------------------------------------

void expect_position(const LineIndex& index, std::size_t offset, std::size_t line,
                     std::size_t column) {
  Position p = index.position(offset);
  EXPECT_EQ(p.line, line) << "offset " << offset;
  EXPECT_EQ(p.column, column) << "offset " << offset;
}

TEST(LineIndexTest, EmptySource) {
  std::string src;
  LineIndex index(src);
  EXPECT_EQ(index.line_count(), 1u);
  expect_position(index, 0, 1, 1);
  EXPECT_EQ(index.line_text(1), "");
  EXPECT_EQ(index.utf16_column(0), 0u);
}

TEST(LineIndexTest, LineFeed) {
  std::string src = "ab\ncd\n";
  LineIndex index(src);
  EXPECT_EQ(index.line_count(), 3u);
  expect_position(index, 0, 1, 1);
  expect_position(index, 1, 1, 2);
  expect_position(index, 2, 1, 3);  // the line break itself ends line 1
  expect_position(index, 3, 2, 1);
  expect_position(index, 4, 2, 2);
  expect_position(index, 6, 3, 1);  // end of file, after the final newline
  EXPECT_EQ(index.line_text(1), "ab");
  EXPECT_EQ(index.line_text(2), "cd");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_start(2), 3u);
  EXPECT_EQ(index.line_end(2), 5u);
}

TEST(LineIndexTest, CarriageReturnLineFeedIsOneBreak) {
  std::string src = "ab\r\ncd\r\n\r\nef";
  LineIndex index(src);
  EXPECT_EQ(index.line_count(), 4u);
  expect_position(index, 2, 1, 3);
  expect_position(index, 4, 2, 1);
  expect_position(index, 5, 2, 2);
  expect_position(index, 8, 3, 1);
  expect_position(index, 10, 4, 1);
  expect_position(index, 12, 4, 3);
  EXPECT_EQ(index.line_text(1), "ab");  // no CR
  EXPECT_EQ(index.line_text(2), "cd");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_text(4), "ef");
  EXPECT_EQ(index.line_start(2), 4u);
  EXPECT_EQ(index.line_end(1), 2u);
}

TEST(LineIndexTest, LoneCarriageReturn) {
  std::string src = "ab\rcd\r\rx";
  LineIndex index(src);
  EXPECT_EQ(index.line_count(), 4u);
  expect_position(index, 3, 2, 1);
  expect_position(index, 4, 2, 2);
  expect_position(index, 6, 3, 1);
  expect_position(index, 7, 4, 1);
  EXPECT_EQ(index.line_text(2), "cd");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_text(4), "x");
}

TEST(LineIndexTest, LineFeedThenCarriageReturnIsTwoBreaks) {
  std::string src = "a\n\rb";
  LineIndex index(src);
  EXPECT_EQ(index.line_count(), 3u);
  expect_position(index, 3, 3, 1);
}

TEST(LineIndexTest, ByteOrderMarkIsNotAColumn) {
  std::string src = "\xEF\xBB\xBF" "ab\ncd";
  LineIndex index(src);
  expect_position(index, 0, 1, 1);
  expect_position(index, 3, 1, 1);
  expect_position(index, 4, 1, 2);
  expect_position(index, 5, 1, 3);
  expect_position(index, 6, 2, 1);
  EXPECT_EQ(index.utf16_column(4), 1u);
  EXPECT_EQ(index.line_start(1), 3u);
  EXPECT_EQ(index.line_text(1), "ab");
  EXPECT_EQ(index.line_text(2), "cd");
}

TEST(LineIndexTest, ByteOrderMarkOnlyCountsAtStartOfFile) {
  // U+FEFF later in the file is a zero-width no-break space, a code point like any other.
  std::string src = "x\n\xEF\xBB\xBFy";
  LineIndex index(src);
  expect_position(index, 5, 2, 2);
  EXPECT_EQ(index.line_text(2), "\xEF\xBB\xBFy");
}

TEST(LineIndexTest, ByteOrderMarkAlone) {
  std::string src = "\xEF\xBB\xBF";
  LineIndex index(src);
  EXPECT_EQ(index.line_count(), 1u);
  expect_position(index, 3, 1, 1);
  EXPECT_EQ(index.line_text(1), "");
}

TEST(LineIndexTest, MultiByteColumnsCountCodePoints) {
  std::string src = "Iran\xE2\x80\x99s nuclear";  // Iran’s: ’ is 3 bytes
  LineIndex index(src);
  expect_position(index, 4, 1, 5);  // the apostrophe
  expect_position(index, 7, 1, 6);  // the s
  expect_position(index, 8, 1, 7);
  expect_position(index, 9, 1, 8);  // the n of nuclear
  EXPECT_EQ(index.utf16_column(7), 5u);
}

TEST(LineIndexTest, TwoByteCharactersOnALaterLine) {
  std::string src = "a\n\xC3\xA9t\xC3\xA9";  // été
  LineIndex index(src);
  expect_position(index, 2, 2, 1);
  expect_position(index, 4, 2, 2);
  expect_position(index, 5, 2, 3);
  expect_position(index, 7, 2, 4);
}

TEST(LineIndexTest, Utf16ColumnCountsSurrogatePairs) {
  std::string src = "a\xF0\x9F\x98\x80" "b\xE2\x80\x99" "c";  // a😀b’c
  LineIndex index(src);
  EXPECT_EQ(index.utf16_column(0), 0u);
  EXPECT_EQ(index.utf16_column(1), 1u);
  EXPECT_EQ(index.utf16_column(5), 3u);  // the emoji is two UTF-16 units
  EXPECT_EQ(index.utf16_column(6), 4u);
  EXPECT_EQ(index.utf16_column(9), 5u);
  EXPECT_EQ(index.utf16_column(10), 6u);
  expect_position(index, 5, 1, 3);  // but one code point
  expect_position(index, 9, 1, 5);
}

TEST(LineIndexTest, Utf16ColumnIsPerLine) {
  std::string src = "\xF0\x9F\x98\x80\nx\xF0\x9F\x98\x80y";
  LineIndex index(src);
  EXPECT_EQ(index.utf16_column(5), 0u);
  EXPECT_EQ(index.utf16_column(10), 3u);
}

TEST(LineIndexTest, OffsetAtAndPastEndOfFile) {
  std::string src = "abc";
  LineIndex index(src);
  expect_position(index, 3, 1, 4);
  expect_position(index, 100, 1, 4);  // clamped
  EXPECT_EQ(index.utf16_column(3), 3u);
  EXPECT_EQ(index.utf16_column(100), 3u);
}

TEST(LineIndexTest, OutOfRangeLinesAreEmpty) {
  std::string src = "ab\ncd";
  LineIndex index(src);
  EXPECT_EQ(index.line_count(), 2u);
  EXPECT_EQ(index.line_text(0), "");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_start(0), src.size());
  EXPECT_EQ(index.line_end(3), src.size());
}

// Disabled because it fails today, and by crashing: a default-constructed LineIndex (what a
// Document holds until finalize()) has no line starts, so line_count() is 0 and position() or
// utf16_column() index starts_[SIZE_MAX] (line_of() returns 0 - 1). It should behave like the
// index of an empty source. Enable once core/line_index.cpp handles it.
TEST(LineIndexTest, DefaultConstructedBehavesLikeEmptySource) {
  LineIndex index;
  EXPECT_EQ(index.line_count(), 1u);
  expect_position(index, 0, 1, 1);
  EXPECT_EQ(index.utf16_column(0), 0u);
  EXPECT_EQ(index.line_text(1), "");
}

// --- Document -------------------------------------------------------------------------------

TEST(DocumentTest, FinalizeIndexesSource) {
  auto doc = std::make_unique<Document>();
  doc->path = "a.txt";
  doc->source = "one\ntwo";
  doc->finalize();
  EXPECT_EQ(doc->lines.line_count(), 2u);
  EXPECT_EQ(doc->lines.line_text(2), "two");
  expect_position(doc->lines, 4, 2, 1);
}

TEST(DocumentTest, SourceOffsetIsIdentityWithoutMap) {
  Document doc;
  doc.source = doc.text = "abc";
  EXPECT_EQ(doc.source_offset(0), 0u);
  EXPECT_EQ(doc.source_offset(3), 3u);
  doc.text_to_source = {3, 4, 5, 6};
  EXPECT_EQ(doc.source_offset(0), 3u);
  EXPECT_EQ(doc.source_offset(3), 6u);
}

TEST(SpanTest, EndIsExclusive) {
  Span s{4, 3};
  EXPECT_EQ(s.end(), 7u);
}

// A text cut into pieces, each indexed with the origin the piece before it ends at, places every
// byte where the index of the whole text does: line, column in code points, UTF-16 column, byte
// column, file offset, and the lines' text. Cuts fall mid-line, next to a CRLF's LF, after a BOM.
TEST(LineIndexOrigin, PiecesChainedByTheirOriginsMatchTheWholeText) {
  const std::string text = "\xEF\xBB\xBF" "caf\xC3\xA9 \xF0\x9F\x98\x80 one\r\ntwo\rthree\n\nZ\xC3\xBCrich four five\n";
  const LineIndex whole(text);
  for (std::size_t a = 1; a < text.size(); ++a)
    for (std::size_t b = a + 1; b < text.size(); ++b) {
      if (((unsigned char)text[a] & 0xC0) == 0x80 || ((unsigned char)text[b] & 0xC0) == 0x80) continue;
      if (text[a - 1] == '\r' && text[a] == '\n') continue;  // the session never cuts a CRLF
      if (text[b - 1] == '\r' && text[b] == '\n') continue;
      const std::string_view t(text);
      std::vector<std::pair<std::size_t, LineIndex>> pieces;
      LineOrigin origin;
      for (auto [from, to] : {std::pair{std::size_t{0}, a}, std::pair{a, b}, std::pair{b, text.size()}}) {
        LineIndex piece(t.substr(from, to - from));
        piece.set_origin(origin);
        origin = piece.origin_at(to - from);
        pieces.emplace_back(from, std::move(piece));
      }
      EXPECT_EQ(origin.offset, text.size());
      for (std::size_t k = 0; k < 3; ++k) {
        const auto& [from, piece] = pieces[k];
        std::size_t to = k + 1 < 3 ? pieces[k + 1].first : text.size();
        for (std::size_t i = from; i < to; ++i) {
          if (((unsigned char)text[i] & 0xC0) == 0x80) continue;
          Position p = piece.position(i - from), q = whole.position(i);
          ASSERT_EQ(p.line, q.line) << a << " " << b << " " << i;
          ASSERT_EQ(p.column, q.column) << a << " " << b << " " << i;
          ASSERT_EQ(piece.utf16_column(i - from), whole.utf16_column(i)) << a << " " << b << " " << i;
          ASSERT_EQ(piece.byte_column(i - from), whole.byte_column(i)) << a << " " << b << " " << i;
          ASSERT_EQ(piece.file_offset(i - from), i);
        }
      }
    }
}

}  // namespace
}  // namespace wirelint
