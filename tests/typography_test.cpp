// The typography pack (rules/typography/) end to end through the Linter, for what the golden
// fixtures cannot say: that applying the replacements yields the right text, matches that span
// a line break, and the kinds' strict reading of their own keys.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "input/reader.h"
#include "lint/linter.h"
#include "rules/rule_set.h"
#include "rules/schema.h"

namespace wirelint {
namespace {

const rules::RuleSet& pack() {
  static const rules::RuleSet* set = [] {
    auto* s = new rules::RuleSet;
    s->load_pack(std::string(WIRELINT_SOURCE_DIR) + "/rules/typography");
    s->compile();
    return s;
  }();
  return *set;
}

std::vector<Diagnostic> lint(const std::string& rule, const std::string& text) {
  lint::Linter linter(pack(), nullptr);
  auto doc = input::prepare("story.txt", text, InputFormat::plain).doc;
  return linter.lint(*doc, lint::RuleSelection::only(pack(), pack().index_of(rule)), Date{2024, 6, 1});
}

// `text` with every diagnostic's first replacement applied.
std::string fixed(const std::string& rule, std::string text) {
  auto found = lint(rule, text);
  std::sort(found.begin(), found.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.span.offset > b.span.offset; });
  for (const auto& d : found) {
    EXPECT_FALSE(d.replacements.empty()) << d.match;
    if (!d.replacements.empty()) text.replace(d.span.offset, d.span.length, d.replacements[0]);
  }
  return text;
}

TEST(Typography, QuoteFixesYieldTheIntendedText) {
  const std::string r = "typography-quote-direction";
  EXPECT_EQ(fixed(r, "Ban Kil Joo, a studies teacher at Korea University, said,” The Ukraine conflict has "
                     "opened the door for cooperation between North Korea and Iran.” The giving of an "
                     "economic group by North Korea may mark the start of a wider partnership.\n"),
            "Ban Kil Joo, a studies teacher at Korea University, said, “The Ukraine conflict has "
            "opened the door for cooperation between North Korea and Iran.” The giving of an "
            "economic group by North Korea may mark the start of a wider partnership.\n");
  EXPECT_EQ(fixed(r, "Iran has denied offering drones, saying it sent a” little number” before the "
                     "February 2022 invasion, in spite of leaks.\n"),
            "Iran has denied offering drones, saying it sent a “little number” before the "
            "February 2022 invasion, in spite of leaks.\n");
  EXPECT_EQ(fixed(r, "The report was published on Monday by a group of researchers in Seoul and Washington.\n"
                     "” It appears to be part of broader efforts to build a coalition against the U. S.”, "
                     "said Koo Gi Yeon.\n"),
            "The report was published on Monday by a group of researchers in Seoul and Washington.\n"
            "“It appears to be part of broader efforts to build a coalition against the U. S.”, "
            "said Koo Gi Yeon.\n");
  EXPECT_EQ(fixed(r, "“We are ready,“ the minister said.\n"), "“We are ready,” the minister said.\n");
}

TEST(Typography, QuotationsPairAcrossHardWrappedLines) {
  const std::string r = "typography-quote-direction";
  // Short lines may be one paragraph wrapped: the marks pair across the breaks.
  EXPECT_TRUE(
      lint(r, "“We are ready to talk,\" he said, and\nadded: “The date is not\nset,” before he left.\n").empty());
  EXPECT_TRUE(lint(r, "The minister said “we are\nready” on Tuesday.\n").empty());
  // A quotation running on into the next paragraph has no closing mark there.
  EXPECT_TRUE(lint(r, "“The first paragraph does not close.\n\n“The second does,” he said.\n").empty());
}

TEST(Typography, DoubledWordAcrossALineBreak) {
  auto found = lint("typography-doubled-word", "Prices rose in the\nthe first quarter.\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].match, "the\nthe");
  EXPECT_EQ(found[0].replacements, std::vector<std::string>{"the"});
  EXPECT_TRUE(lint("typography-doubled-word", "Prices rose in the\n\nthe first quarter.\n").empty());
}

TEST(Typography, HyphenAtALineEndIsHyphenation) {
  const std::string r = "typography-spaced-hyphen";
  EXPECT_TRUE(lint(r, "The long-\nterm plan was approved.\n").empty());
  EXPECT_TRUE(lint(r, "The long- \nterm plan was approved.\n").empty());
  EXPECT_EQ(fixed(r, "Linda Thomas- Greenfield and Thomas -Greenfield spoke.\n"),
            "Linda Thomas-Greenfield and Thomas-Greenfield spoke.\n");
}

TEST(Typography, AbbreviationFixesYieldTheIntendedText) {
  EXPECT_EQ(fixed("typography-spaced-abbreviation",
                  "against the U. S.”, said Koo. The U. S-led team met the U. N. envoy at 5 p. m.\n"),
            "against the U.S.”, said Koo. The U.S.-led team met the U.N. envoy at 5 p.m.\n");
}

TEST(Typography, ArticleKeepsTheCaseOfTheArticle) {
  EXPECT_EQ(fixed("typography-article", "A eminently fair deal. It was an big step and a 18-month term.\n"),
            "An eminently fair deal. It was a big step and an 18-month term.\n");
}

TEST(Typography, MojibakeTakesTheLongestSequence) {
  auto found = lint("typography-mojibake", "the ministerÃ¢â‚¬â„¢s aide\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].match, "Ã¢â‚¬â„¢");
  EXPECT_EQ(found[0].replacements, std::vector<std::string>{"’"});
}

// A minimal rule of `kind` with `extra` lines of kind-specific keys.
std::string rule_text(const std::string& id, const std::string& kind, const std::string& extra) {
  return "id = \"" + id + "\"\nkind = \"" + kind +
         "\"\nseverity = \"warning\"\ncategory = \"fluency/typography\"\nmessage = \"{match}\"\n" + extra +
         "\n[examples]\nfire = [\"x\"]\nclean = [\"y\"]\n";
}

std::string load_error(const std::string& kind, const std::string& extra) {
  rules::RuleSet set;
  try {
    set.load_rule(rule_text("typography-x", kind, extra), "rules/typography/typography-x.toml", "typography");
  } catch (const rules::LoadError& e) {
    return e.what();
  }
  return "";
}

TEST(Typography, KindsReadTheirKeysStrictly) {
  // A misspelt key is an error naming file and line, for every kind.
  EXPECT_EQ(load_error("spaced-abbreviation", "abbreviations = [\"U.S.\"]\nabbreviatons = [\"U.N.\"]"),
            "rules/typography/typography-x.toml:7: unknown key 'abbreviatons'");
  EXPECT_NE(load_error("spaced-hyphen", "suspended_before = [\"and\"]\nsuspend = [\"or\"]"), "");
  EXPECT_NE(load_error("article", "consonant_sound = [\"one\"]\nvowel_sounds = [\"hour\"]"), "");
  EXPECT_NE(load_error("doubled-word", "words = [\"bye\"]\nexception = [\"had had\"]"), "");
  EXPECT_NE(load_error("quote-direction", "paragraph_length = 80"), "");
  EXPECT_NE(load_error("mojibake", "[sequences]\n\"â€™\" = \"’\"\n[extra]\nx = 1"), "");
  EXPECT_NE(load_error("mixed-script", "scripts = [\"Cyrillic\"]"), "");
  EXPECT_EQ(load_error("quote-direction", "paragraph_line_length = 80"), "");
}

TEST(Typography, KindsRejectDataThatCanNeverMatch) {
  EXPECT_NE(load_error("spaced-abbreviation", "abbreviations = [\"US\"]").find("not a dotted abbreviation"),
            std::string::npos);
  EXPECT_NE(load_error("spaced-abbreviation", "").find("needs 'abbreviations'"), std::string::npos);
  EXPECT_NE(load_error("spaced-hyphen", "").find("suspended_before"), std::string::npos);
  EXPECT_NE(load_error("doubled-word", "exceptions = [\"had been\"]").find("no doubled word"), std::string::npos);
  EXPECT_NE(load_error("article", "exceptions = [\"an\"]").find("article and the word"), std::string::npos);
  EXPECT_NE(load_error("article", "vowel_sound_letters = \"ae\"").find("capital letters"), std::string::npos);
  EXPECT_NE(load_error("mojibake", "[sequences]\n\"é\" = \"e\"").find("at least two characters"),
            std::string::npos);
  EXPECT_NE(load_error("mojibake", "").find("[sequences]"), std::string::npos);
}

}  // namespace
}  // namespace wirelint
