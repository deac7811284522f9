// match/: phrase splitting and the compiled phrase set, on in-memory text.

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "match/phrase_set.h"
#include "tokenize/tokens.h"

namespace wirelint::match {
namespace {

using Hit = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;  // pattern, first, end

PhraseSet build(const std::vector<std::string>& phrases) {
  PhraseSetBuilder b;
  for (const auto& p : phrases) {
    auto id = b.add(phrase_tokens(p));
    EXPECT_NE(id, PhraseSetBuilder::kInvalid) << p;
  }
  return std::move(b).compile();
}

std::vector<Hit> hits(const PhraseSet& set, const std::string& text) {
  tokenize::TokenStream ts(text);
  std::vector<PhraseHit> out;
  set.match(ts, out);
  std::vector<Hit> r;
  for (const auto& h : out) r.emplace_back(h.pattern, h.first_token, h.end_token);
  return r;
}

// ---- phrase_tokens ---------------------------------------------------------------------------

TEST(PhraseTokensTest, SplitsLikeTheTokenizer) {
  EXPECT_EQ(phrase_tokens("Russian-Origin's"), (std::vector<std::string>{"russian", "-", "origin's"}));
  EXPECT_EQ(phrase_tokens("Russian-Origin\xE2\x80\x99s"), (std::vector<std::string>{"russian", "-", "origin's"}));
  EXPECT_EQ(phrase_tokens("U.S. Ambassador"), (std::vector<std::string>{"u.s", ".", "ambassador"}));
  EXPECT_EQ(phrase_tokens("Detective Agency"), (std::vector<std::string>{"detective", "agency"}));
  EXPECT_EQ(phrase_tokens("  detective\n   AGENCY "), (std::vector<std::string>{"detective", "agency"}));
  EXPECT_EQ(phrase_tokens("said,\xE2\x80\x9D The"), (std::vector<std::string>{"said", ",", "\xE2\x80\x9D", "the"}));
  EXPECT_EQ(phrase_tokens("4.5 mln"), (std::vector<std::string>{"4.5", "mln"}));
}

TEST(PhraseTokensTest, PlainWordsGiveTheTokenizersTokens) {
  // phrase_tokens splits ASCII words between single spaces itself: the same as the tokenizer.
  for (const char* p : {"Detective Agency", "a", "I", "weapons wastes", "US Treasury", "HAS LONG ACCUSED",
                        "x y z", "McDonald", "eminently exceptional public record", "Ministry of Protection"}) {
    wirelint::tokenize::TokenStream stream(p, wirelint::tokenize::TokenStream::Mode::tokens_only);
    std::vector<std::string> expected;
    for (const auto& t : stream.tokens()) expected.emplace_back(stream.folded(t));
    EXPECT_EQ(phrase_tokens(p), expected) << p;
  }
}

TEST(PhraseTokensTest, EmptyAndBlank) {
  EXPECT_TRUE(phrase_tokens("").empty());
  EXPECT_TRUE(phrase_tokens(" \n\t ").empty());
}

// ---- builder ---------------------------------------------------------------------------------

TEST(PhraseSetBuilderTest, IdsAreDenseAndEmptyIsRejected) {
  PhraseSetBuilder b;
  EXPECT_EQ(b.add({}), PhraseSetBuilder::kInvalid);
  EXPECT_EQ(b.add({"spy", "agency"}), 0u);
  EXPECT_EQ(b.add(phrase_tokens("")), PhraseSetBuilder::kInvalid);
  EXPECT_EQ(b.add({"agency"}), 1u);
  PhraseSet set = std::move(b).compile();
  EXPECT_EQ(set.size(), 2u);
  EXPECT_EQ(hits(set, "spy agency"), (std::vector<Hit>{{0, 0, 2}, {1, 1, 2}}));
}

TEST(PhraseSetTest, EmptySetMatchesNothing) {
  PhraseSet set = PhraseSetBuilder().compile();
  EXPECT_EQ(set.size(), 0u);
  EXPECT_TRUE(hits(set, "anything at all").empty());
  PhraseSet defaulted;
  EXPECT_TRUE(hits(defaulted, "anything at all").empty());
}

// ---- matching --------------------------------------------------------------------------------

TEST(PhraseSetTest, CaseInsensitive) {
  PhraseSet set = build({"Detective Agency"});
  EXPECT_EQ(hits(set, "The detective agency said"), (std::vector<Hit>{{0, 1, 3}}));
  EXPECT_EQ(hits(set, "The DETECTIVE Agency said"), (std::vector<Hit>{{0, 1, 3}}));
  EXPECT_EQ(hits(set, "dEtEcTiVe aGeNcY"), (std::vector<Hit>{{0, 0, 2}}));
}

TEST(PhraseSetTest, AcrossLineBreaksAndRunsOfSpaces) {
  PhraseSet set = build({"spy agency"});
  EXPECT_EQ(hits(set, "the spy\nagency"), (std::vector<Hit>{{0, 1, 3}}));
  EXPECT_EQ(hits(set, "the spy\r\nagency"), (std::vector<Hit>{{0, 1, 3}}));
  EXPECT_EQ(hits(set, "the spy\ragency"), (std::vector<Hit>{{0, 1, 3}}));
  EXPECT_EQ(hits(set, "the spy     agency"), (std::vector<Hit>{{0, 1, 3}}));
  EXPECT_EQ(hits(set, "the spy \t \n   agency"), (std::vector<Hit>{{0, 1, 3}}));
}

TEST(PhraseSetTest, OverlappingAndNestedInOrder) {
  PhraseSet set = build({"spy agency", "agency chief", "spy agency chief", "agency", "chief said"});
  // The0 spy1 agency2 chief3 said4 .5
  EXPECT_EQ(hits(set, "The spy agency chief said."),
            (std::vector<Hit>{{0, 1, 3}, {2, 1, 4}, {3, 2, 3}, {1, 2, 4}, {4, 3, 5}}));
}

TEST(PhraseSetTest, RepeatedOccurrencesAndDuplicatePhrases) {
  PhraseSet set = build({"agency", "agency"});
  EXPECT_EQ(hits(set, "agency, Agency"), (std::vector<Hit>{{0, 0, 1}, {1, 0, 1}, {0, 2, 3}, {1, 2, 3}}));
}

TEST(PhraseSetTest, PunctuationInsidePhrase) {
  PhraseSet set = build({"Russian-Origin's"});
  // the0 Russian1 -2 Origin’s3 war4 and5 russian6 -7 origin's8
  EXPECT_EQ(hits(set, "the Russian-Origin\xE2\x80\x99s war and russian-origin's"),
            (std::vector<Hit>{{0, 1, 4}, {0, 6, 9}}));
  EXPECT_TRUE(hits(set, "the Russian Origin's war").empty());
  EXPECT_TRUE(hits(set, "the Russian-Origin war").empty());
  PhraseSet abbreviation = build({"U.S. Ambassador"});
  EXPECT_EQ(hits(abbreviation, "the U.S. ambassador"), (std::vector<Hit>{{0, 1, 4}}));
  EXPECT_TRUE(hits(abbreviation, "the US ambassador").empty());
}

TEST(PhraseSetTest, NoMatchAcrossAnotherToken) {
  PhraseSet set = build({"spy agency"});
  EXPECT_TRUE(hits(set, "spy, agency").empty());
  EXPECT_TRUE(hits(set, "spy the agency").empty());
  EXPECT_TRUE(hits(set, "spy-agency").empty());
  EXPECT_TRUE(hits(set, "spy 1 agency").empty());
  EXPECT_TRUE(hits(set, "spy").empty());
  EXPECT_TRUE(hits(set, "spyagency agency").empty());
}

TEST(PhraseSetTest, PartialPrefixDoesNotBlockLaterStart) {
  // "spy spy agency": the match starting at the first "spy" fails, the one at the second holds.
  PhraseSet set = build({"spy agency"});
  EXPECT_EQ(hits(set, "spy spy agency"), (std::vector<Hit>{{0, 1, 3}}));
}

TEST(PhraseSetTest, SurvivesMove) {
  PhraseSet first = build({"a", "detective agency", "x"});
  PhraseSet second(std::move(first));
  EXPECT_EQ(hits(second, "a detective agency"), (std::vector<Hit>{{0, 0, 1}, {1, 1, 3}}));
  PhraseSet third;
  third = std::move(second);
  EXPECT_EQ(hits(third, "Detective agency x"), (std::vector<Hit>{{1, 0, 2}, {2, 2, 3}}));
}

TEST(PhraseSetTest, TenThousandPhrases) {
  PhraseSetBuilder b;
  // Phrase i is "p<i/100> q<i%100>": 10,000 two-token phrases sharing 100 first tokens.
  for (std::uint32_t i = 0; i < 10000; ++i) {
    std::uint32_t id = b.add({"p" + std::to_string(i / 100), "q" + std::to_string(i % 100)});
    ASSERT_EQ(id, i);
  }
  EXPECT_EQ(b.add({"p3"}), 10000u);                    // a prefix of 100 others
  EXPECT_EQ(b.add({"p3", "q7", "tail"}), 10001u);      // an extension of one
  PhraseSet set = std::move(b).compile();
  EXPECT_EQ(set.size(), 10002u);
  // P3:0 q7:1 tail:2 p99:3 Q99:4 p5:5 x:6 q5:7 p0:8 q0:9 p100:10 q0:11
  EXPECT_EQ(hits(set, "P3 q7 tail p99 Q99 p5 x q5 p0 q0 p100 q0"),
            (std::vector<Hit>{{10000, 0, 1}, {307, 0, 2}, {10001, 0, 3}, {9999, 3, 5}, {0, 8, 10}}));
  EXPECT_TRUE(hits(set, "q7 p3x q99").empty());
}

}  // namespace
}  // namespace wirelint::match
