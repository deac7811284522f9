// tokenize/: token and sentence streams over in-memory text.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "tokenize/tokens.h"

namespace wirelint::tokenize {
namespace {

std::vector<std::string> surfaces(const TokenStream& ts) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ts.size(); ++i) out.emplace_back(ts.surface(i));
  return out;
}

std::vector<std::string> folds(const TokenStream& ts) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ts.size(); ++i) out.emplace_back(ts.folded(i));
  return out;
}

std::vector<std::uint32_t> sentence_of_each(const TokenStream& ts) {
  std::vector<std::uint32_t> out;
  for (const auto& t : ts.tokens()) out.push_back(t.sentence);
  return out;
}

std::vector<bool> sentence_starts(const TokenStream& ts) {
  std::vector<bool> out;
  for (const auto& t : ts.tokens()) out.push_back(t.sentence_start);
  return out;
}

// "<surface>" with space/newline/paragraph flags as "s", "n", "p" (or "-"), e.g. "b:s--".
std::vector<std::string> flags(const TokenStream& ts) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const Token& t = ts[i];
    std::string f(ts.surface(i));
    f += ':';
    f += t.space_before ? 's' : '-';
    f += t.newline_before ? 'n' : '-';
    f += t.paragraph_before ? 'p' : '-';
    out.push_back(f);
  }
  return out;
}

// ---- words, numbers, punctuation ------------------------------------------------------------

TEST(TokenStreamTest, SplitsSpunWireCopy) {
  const std::string text = "U.S. Ambassador Linda Thomas- Greenfield said,\xE2\x80\x9D The";
  TokenStream ts(text);
  EXPECT_EQ(ts.text(), text);
  ASSERT_EQ(ts.size(), 11u);
  EXPECT_EQ(surfaces(ts), (std::vector<std::string>{"U.S", ".", "Ambassador", "Linda", "Thomas", "-",
                                                    "Greenfield", "said", ",", "\xE2\x80\x9D", "The"}));
  const std::vector<std::uint32_t> begins{0, 3, 5, 16, 22, 28, 30, 41, 45, 46, 50};
  const std::vector<std::uint32_t> ends{3, 4, 15, 21, 28, 29, 40, 45, 46, 49, 53};
  const std::vector<TokenKind> kinds{TokenKind::word,  TokenKind::punct, TokenKind::word, TokenKind::word,
                                     TokenKind::word,  TokenKind::punct, TokenKind::word, TokenKind::word,
                                     TokenKind::punct, TokenKind::punct, TokenKind::word};
  const std::vector<bool> space{false, false, true, true, true, false, true, true, false, false, true};
  for (std::size_t i = 0; i < ts.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(ts[i].begin, begins[i]);
    EXPECT_EQ(ts[i].end, ends[i]);
    EXPECT_EQ(ts[i].length(), ends[i] - begins[i]);
    EXPECT_EQ(ts[i].kind, kinds[i]);
    EXPECT_EQ(ts[i].is_word(), kinds[i] == TokenKind::word);
    EXPECT_EQ(ts[i].space_before, space[i]);
    EXPECT_FALSE(ts[i].newline_before);
    EXPECT_EQ(ts[i].paragraph_before, i == 0);
  }
  EXPECT_EQ(folds(ts), (std::vector<std::string>{"u.s", ".", "ambassador", "linda", "thomas", "-", "greenfield",
                                                 "said", ",", "\xE2\x80\x9D", "the"}));
  EXPECT_EQ(ts[0].shape, CaseShape::upper);
  EXPECT_EQ(ts[1].shape, CaseShape::none);
  EXPECT_EQ(ts[2].shape, CaseShape::capitalized);
  EXPECT_EQ(ts[7].shape, CaseShape::lower);
  EXPECT_EQ(ts[9].shape, CaseShape::none);
  EXPECT_TRUE(ts[0].sentence_start);
}

TEST(TokenStreamTest, NumbersAreTheirOwnKind) {
  TokenStream ts("Net profit rose 12 pct to 4.5 mln dlrs, or 1,000 yen.");
  EXPECT_EQ(surfaces(ts), (std::vector<std::string>{"Net", "profit", "rose", "12", "pct", "to", "4.5", "mln",
                                                    "dlrs", ",", "or", "1,000", "yen", "."}));
  EXPECT_EQ(ts[3].kind, TokenKind::number);
  EXPECT_EQ(ts[6].kind, TokenKind::number);
  EXPECT_EQ(ts[11].kind, TokenKind::number);
  EXPECT_EQ(ts[4].kind, TokenKind::word);
  EXPECT_EQ(ts[9].kind, TokenKind::punct);
  EXPECT_EQ(ts[6].begin, 26u);
  EXPECT_EQ(ts[6].end, 29u);
  EXPECT_EQ(ts.folded(6), "4.5");
  EXPECT_EQ(ts[3].shape, CaseShape::none);
}

// ---- whitespace flags and line breaks --------------------------------------------------------

TEST(TokenStreamTest, FlagsWithLineFeeds) {
  TokenStream ts("a b\nc\n\nd\n \n e");
  EXPECT_EQ(flags(ts), (std::vector<std::string>{"a:--p", "b:s--", "c:sn-", "d:snp", "e:snp"}));
  EXPECT_EQ(ts[4].begin, 12u);
}

TEST(TokenStreamTest, FirstTokenAfterLeadingSpace) {
  TokenStream ts("  x y");
  EXPECT_EQ(flags(ts), (std::vector<std::string>{"x:s-p", "y:s--"}));
  EXPECT_EQ(ts[0].begin, 2u);
}

TEST(TokenStreamTest, FlagsWithCrLf) {
  TokenStream ts("a\r\nb\r\n\r\nc");
  EXPECT_EQ(flags(ts), (std::vector<std::string>{"a:--p", "b:sn-", "c:snp"}));
  EXPECT_EQ(ts[1].begin, 3u);
  EXPECT_EQ(ts[2].begin, 8u);
}

TEST(TokenStreamTest, FlagsWithCrOnly) {
  TokenStream ts("a\rb\r\rc");
  EXPECT_EQ(flags(ts), (std::vector<std::string>{"a:--p", "b:sn-", "c:snp"}));
  EXPECT_EQ(ts[1].begin, 2u);
  EXPECT_EQ(ts[2].begin, 5u);
}

TEST(TokenStreamTest, PunctuationWithoutSpace) {
  TokenStream ts("Thomas-Greenfield");
  EXPECT_EQ(flags(ts), (std::vector<std::string>{"Thomas:--p", "-:---", "Greenfield:---"}));
}

// ---- sentences -------------------------------------------------------------------------------

TEST(TokenStreamTest, SentencesAcrossHardWrappedLines) {
  const std::string text =
      "The agency said on Tuesday\nthat talks had ended. Officials\nleft the city.\n\nA second paragraph\n"
      "follows here.";
  TokenStream ts(text);
  ASSERT_EQ(ts.size(), 21u);
  EXPECT_EQ(sentence_of_each(ts),
            (std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2}));
  std::vector<bool> starts(21, false);
  starts[0] = starts[10] = starts[15] = true;
  EXPECT_EQ(sentence_starts(ts), starts);
  ASSERT_EQ(ts.sentences().size(), 3u);
  const auto& s = ts.sentences();
  EXPECT_EQ(s[0].begin, 0u);
  EXPECT_EQ(s[0].end, 48u);
  EXPECT_EQ(s[0].first_token, 0u);
  EXPECT_EQ(s[0].end_token, 10u);
  EXPECT_EQ(s[1].begin, 49u);
  EXPECT_EQ(s[1].end, 73u);
  EXPECT_EQ(s[1].first_token, 10u);
  EXPECT_EQ(s[1].end_token, 15u);
  EXPECT_EQ(s[2].begin, 75u);
  EXPECT_EQ(s[2].end, 107u);
  EXPECT_EQ(s[2].first_token, 15u);
  EXPECT_EQ(s[2].end_token, 21u);
  // The wrapped line inside the first sentence is still visible on its token.
  EXPECT_TRUE(ts[5].newline_before);
  EXPECT_FALSE(ts[5].paragraph_before);
  EXPECT_TRUE(ts[15].paragraph_before);
}

TEST(TokenStreamTest, SingleNewlineBeforeCapitalDoesNotEndSentence) {
  TokenStream ts("Ambassador Linda Thomas-\nGreenfield said\nThe talks ended.");
  ASSERT_EQ(ts.sentences().size(), 1u);
  EXPECT_EQ(ts.sentences()[0].begin, 0u);
  EXPECT_EQ(ts.sentences()[0].end, 57u);
  EXPECT_EQ(ts.sentences()[0].end_token, ts.size());
}

TEST(TokenStreamTest, BlankLineEndsSentenceWithoutTerminator) {
  TokenStream ts("Headline without a stop\n\nBody text starts here.");
  ASSERT_EQ(ts.sentences().size(), 2u);
  EXPECT_EQ(ts.sentences()[0].end, 23u);
  EXPECT_EQ(ts.sentences()[1].begin, 25u);
  EXPECT_EQ(ts.sentences()[1].first_token, 4u);
  EXPECT_TRUE(ts[4].sentence_start);
  EXPECT_EQ(ts[4].sentence, 1u);
  EXPECT_EQ(ts[3].sentence, 0u);
}

TEST(TokenStreamTest, SentencesWithCrLf) {
  TokenStream wrapped("The agency said\r\nthe talks ended");
  EXPECT_EQ(wrapped.sentences().size(), 1u);
  TokenStream blank("The agency said\r\n\r\nthe talks ended");
  ASSERT_EQ(blank.sentences().size(), 2u);
  EXPECT_EQ(blank.sentences()[1].begin, 19u);
  EXPECT_EQ(blank.sentences()[1].first_token, 3u);
}

TEST(TokenStreamTest, SentencesWithCrOnly) {
  TokenStream wrapped("The agency said\rthe talks ended");
  EXPECT_EQ(wrapped.sentences().size(), 1u);
  TokenStream blank("The agency said\r\rthe talks ended");
  ASSERT_EQ(blank.sentences().size(), 2u);
  EXPECT_EQ(blank.sentences()[1].begin, 17u);
  EXPECT_EQ(blank.sentences()[1].first_token, 3u);
}

// ---- folding and case shape -----------------------------------------------------------------

TEST(TokenStreamTest, FoldsTypographicApostrophes) {
  TokenStream ts("Iran\xE2\x80\x99s IRAN\xCA\xBCS Iran's");
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_EQ(ts.surface(0), "Iran\xE2\x80\x99s");
  EXPECT_EQ(ts[0].begin, 0u);
  EXPECT_EQ(ts[0].end, 8u);
  EXPECT_EQ(ts.folded(0), "iran's");
  EXPECT_EQ(ts.folded(1), "iran's");
  EXPECT_EQ(ts.folded(2), "iran's");
  EXPECT_EQ(ts[0].kind, TokenKind::word);
  EXPECT_EQ(ts[0].shape, CaseShape::capitalized);
}

TEST(TokenStreamTest, FoldsNonAsciiCase) {
  TokenStream ts("\xC3\x89""COLE Stra\xC3\x9F""e");
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts.folded(0), "\xC3\xA9""cole");
  EXPECT_EQ(ts.folded(1), "strasse");
  EXPECT_EQ(ts.surface(1), "Stra\xC3\x9F""e");
  EXPECT_EQ(ts[0].shape, CaseShape::upper);
  EXPECT_EQ(ts[1].shape, CaseShape::capitalized);
}

TEST(CaseShapeTest, Shapes) {
  EXPECT_EQ(case_shape("agency"), CaseShape::lower);
  EXPECT_EQ(case_shape("Agency"), CaseShape::capitalized);
  EXPECT_EQ(case_shape("KCNA"), CaseShape::upper);
  EXPECT_EQ(case_shape("iPhone"), CaseShape::mixed);
  EXPECT_EQ(case_shape("UAVs"), CaseShape::mixed);
  EXPECT_EQ(case_shape("A"), CaseShape::capitalized);
  EXPECT_EQ(case_shape("U.S"), CaseShape::upper);
  EXPECT_EQ(case_shape("\xC3\x89""cole"), CaseShape::capitalized);
  EXPECT_EQ(case_shape("\xC3\xA9""cole"), CaseShape::lower);
  EXPECT_EQ(case_shape("1,000"), CaseShape::none);
  EXPECT_EQ(case_shape(""), CaseShape::none);
}

TEST(TokenStreamTest, ShapesInStream) {
  TokenStream ts("agency Agency KCNA iPhone UAVs");
  ASSERT_EQ(ts.size(), 5u);
  EXPECT_EQ(ts[0].shape, CaseShape::lower);
  EXPECT_EQ(ts[1].shape, CaseShape::capitalized);
  EXPECT_EQ(ts[2].shape, CaseShape::upper);
  EXPECT_EQ(ts[3].shape, CaseShape::mixed);
  EXPECT_EQ(ts[4].shape, CaseShape::mixed);
  EXPECT_EQ(ts.folded(4), "uavs");
  EXPECT_EQ(ts.folded(3), "iphone");
}

// ---- degenerate input -----------------------------------------------------------------------

TEST(TokenStreamTest, EmptyText) {
  TokenStream ts("");
  EXPECT_EQ(ts.size(), 0u);
  EXPECT_TRUE(ts.tokens().empty());
  EXPECT_TRUE(ts.sentences().empty());
  TokenStream null_view{std::string_view()};
  EXPECT_EQ(null_view.size(), 0u);
  EXPECT_TRUE(null_view.sentences().empty());
}

TEST(TokenStreamTest, OnlyWhitespace) {
  TokenStream ts(" \t\n\n \r\n\r \xC2\xA0 ");
  EXPECT_EQ(ts.size(), 0u);
  EXPECT_TRUE(ts.sentences().empty());
}

TEST(TokenStreamTest, TrailingWhitespaceAddsNothing) {
  TokenStream ts("Done.\n\n\n");
  EXPECT_EQ(surfaces(ts), (std::vector<std::string>{"Done", "."}));
  ASSERT_EQ(ts.sentences().size(), 1u);
  EXPECT_EQ(ts.sentences()[0].end, 5u);
}

}  // namespace
}  // namespace wirelint::tokenize

namespace {

// The plain-ASCII scan must segment exactly as ICU does: compare a tokens-only stream (scan)
// with the same text plus a non-ASCII tail (which forces ICU), token by token.
TEST(TokenStreamTest, AsciiScanAgreesWithIcu) {
  const char* texts[] = {"Korean Central News Agency", "U.S. Ambassador", "Iran's war", "Russian-Origin's war",
                         "F-16 jets", "G20 summit", "AT&T (KCNA)", "1,870.5 dlrs", "3M Co/Inc", "don't stop",
                         "a.b.c", "x,y", "e.g. 12.5% rise", "O'Neill's plan", "N.Y. 10'5"};
  for (const char* t : texts) {
    std::string forced = std::string(t) + " \xC3\xA9";  // " é"
    wirelint::tokenize::TokenStream scan(t, wirelint::tokenize::TokenStream::Mode::tokens_only);
    wirelint::tokenize::TokenStream icu(forced);
    ASSERT_EQ(scan.size() + 1, icu.size()) << t;
    for (std::size_t i = 0; i < scan.size(); ++i) {
      EXPECT_EQ(scan.surface(i), icu.surface(i)) << t;
      EXPECT_EQ(scan[i].kind, icu[i].kind) << t << " token " << i;
      EXPECT_EQ(scan[i].space_before, icu[i].space_before) << t << " token " << i;
    }
  }
}

}  // namespace
