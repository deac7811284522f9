// rules/: the strict rule loader, the rule set, the phrase kind end to end through the Linter,
// and the shipped rules' examples through lint::verify.

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "input/reader.h"
#include "lint/engine.h"
#include "lint/linter.h"
#include "lint/verify.h"
#include "rules/kind.h"
#include "rules/kinds/case.h"
#include "rules/name_list.h"
#include "rules/context.h"
#include "rules/rule_set.h"
#include "tokenize/tokens.h"
#include "rules/schema.h"

namespace wirelint {
namespace {

using rules::LoadError;
using rules::RuleSet;

const std::string kFile = "rules/spin/spin-detective-agency.toml";

// A valid phrase rule; line numbers matter to the tests below.
const std::string kValid =
    "id = \"spin-detective-agency\"\n"                                   // 1
    "kind = \"phrase\"\n"                                                // 2
    "severity = \"warning\"\n"                                           // 3
    "category = \"accuracy/mistranslation\"\n"                           // 4
    "message = \"Spun phrase '{match}': write '{expected}'.\"\n"         // 5
    "fixable = true\n"                                                   // 6
    "\n"                                                                 // 7
    "[[phrases]]\n"                                                      // 8
    "match = [\"detective agency\", \"investigator agency\"]\n"          // 9
    "expected = \"spy agency\"\n"                                        // 10
    "unless = \"private detective agency\"\n"                            // 11
    "\n"                                                                 // 12
    "[[phrases]]\n"                                                      // 13
    "match = \"nato\"\n"                                                 // 14
    "expected = \"NATO\"\n"                                              // 15
    "case_sensitive = true\n"                                            // 16
    "\n"                                                                 // 17
    "[examples]\n"                                                       // 18
    "fire = [\"The detective agency said.\", \"Ask nato.\"]\n"           // 19
    "clean = [\"The spy agency said.\", \"A private detective agency.\"]\n";  // 20

// Replaces the first occurrence of `from` in `s` (which must be there).
std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// The LoadError message of loading `text`, or "" if it loads.
std::string load_error(const std::string& text, const std::string& file = kFile, const std::string& pack = "spin") {
  RuleSet set;
  try {
    set.load_rule(text, file, pack);
  } catch (const LoadError& e) {
    return e.what();
  }
  return "";
}

std::unique_ptr<Document> doc(const std::string& text) {
  return input::prepare("story.txt", text, InputFormat::plain).doc;
}

Date some_day() { return *Date::parse("2024-05-01"); }

// ---- loading ---------------------------------------------------------------------------------

TEST(NameListTest, SortedMembershipWithoutRepeats) {
  rules::NameList list;
  EXPECT_FALSE(list.contains("Santa Cruz"));
  for (const char* n : {"Santa Cruz", "Port Harcourt", "Santa Cruz", "Bath", "Aachen", "Sao Paulo", "São Paulo"})
    list.add(n);
  list.finish();
  EXPECT_EQ(list.size(), 6u);
  for (const char* n : {"Santa Cruz", "Port Harcourt", "Bath", "Aachen", "Sao Paulo", "São Paulo"}) EXPECT_TRUE(list.contains(n)) << n;
  for (const char* n : {"Santa", "Santa Cruz de", "bath", "", "Zzz", "A"}) EXPECT_FALSE(list.contains(n)) << n;
}

TEST(NameListTest, SortedFilesAreMergedAndAnyOrderIsSorted) {
  // Two sorted files one after another (the merge), and names in falling order (a sort).
  rules::NameList merged, reversed;
  for (const char* n : {"Aachen", "Lagos", "Zaria", "Abuja", "Lagos", "Zomba"}) merged.add(n);
  for (int i = 60; i > 0; --i) reversed.add("Town " + std::to_string(i));
  merged.finish();
  reversed.finish();
  EXPECT_EQ(merged.size(), 5u);
  for (const char* n : {"Aachen", "Abuja", "Lagos", "Zaria", "Zomba"}) EXPECT_TRUE(merged.contains(n)) << n;
  EXPECT_EQ(reversed.size(), 60u);
  for (int i = 1; i <= 60; ++i) EXPECT_TRUE(reversed.contains("Town " + std::to_string(i))) << i;
  EXPECT_FALSE(reversed.contains("Town 61"));
}

TEST(LoadRuleTest, ValidPhraseRule) {
  RuleSet set;
  set.load_rule(kValid, kFile, "spin");
  ASSERT_EQ(set.rules().size(), 1u);
  const auto& info = set.rules()[0]->info();
  EXPECT_EQ(info.id, "spin-detective-agency");
  EXPECT_EQ(info.pack, "spin");
  EXPECT_EQ(info.kind, "phrase");
  EXPECT_EQ(info.severity, Severity::warning);
  EXPECT_EQ(info.message, "Spun phrase '{match}': write '{expected}'.");
  EXPECT_EQ(info.description, "");
  EXPECT_EQ(info.category, "accuracy/mistranslation");
  EXPECT_EQ(info.link, "rules/spin/spin-detective-agency.toml");
  EXPECT_TRUE(info.fixable);
  EXPECT_TRUE(info.enabled);
  EXPECT_EQ(info.file, kFile);
  ASSERT_EQ(info.fire.size(), 2u);
  EXPECT_EQ(info.fire[0].text, "The detective agency said.");
  EXPECT_EQ(info.fire[0].line, 19u);
  EXPECT_EQ(info.fire[1].text, "Ask nato.");
  ASSERT_EQ(info.clean.size(), 2u);
  EXPECT_EQ(info.clean[1].text, "A private detective agency.");
  EXPECT_EQ(info.clean[1].line, 20u);
  EXPECT_FALSE(set.rules()[0]->scans());
  EXPECT_EQ(set.index_of("spin-detective-agency"), 0);
  EXPECT_EQ(set.index_of("spin-other"), -1);
  EXPECT_EQ(set.find("spin-detective-agency"), set.rules()[0].get());
  EXPECT_EQ(set.find("nope"), nullptr);
}

TEST(LoadRuleTest, OptionalMetadata) {
  std::string text = replace(kValid, "fixable = true\n",
                             "description = \"Why.\"\nlink = \"https://example.org/r\"\nenabled = false\n");
  text = replace(text, "severity = \"warning\"", "severity = \"error\"");
  RuleSet set;
  set.load_rule(text, kFile, "spin");
  const auto& info = set.rules()[0]->info();
  EXPECT_EQ(info.description, "Why.");
  EXPECT_EQ(info.link, "https://example.org/r");
  EXPECT_FALSE(info.enabled);
  EXPECT_FALSE(info.fixable);
  EXPECT_EQ(info.severity, Severity::error);
}

TEST(LoadRuleTest, UnknownTopLevelKey) {
  EXPECT_EQ(load_error(replace(kValid, "fixable = true\n", "fixable = true\ncolour = \"red\"\n")),
            kFile + ":7: unknown key 'colour'");
}

TEST(LoadRuleTest, UnknownTopLevelTable) {
  EXPECT_EQ(load_error(kValid + "\n[extra]\nx = 1\n"), kFile + ":22: unknown key 'extra'");
}

TEST(LoadRuleTest, UnknownKeyInPhrases) {
  EXPECT_EQ(load_error(replace(kValid, "expected = \"NATO\"\n", "expected = \"NATO\"\nexpect = \"NATO\"\n")),
            kFile + ":16: unknown key 'expect'");
}

TEST(LoadRuleTest, UnknownKeyInExamples) {
  EXPECT_EQ(load_error(kValid + "fires = [\"x\"]\n"), kFile + ":21: unknown key 'fires'");
}

TEST(LoadRuleTest, BadSeverity) {
  EXPECT_EQ(load_error(replace(kValid, "\"warning\"", "\"fatal\"")),
            kFile + ":3: 'severity': expected error, warning or suggestion");
  EXPECT_EQ(load_error(replace(kValid, "\"warning\"", "\"Warning\"")),
            kFile + ":3: 'severity': expected error, warning or suggestion");
}

TEST(LoadRuleTest, UnknownKindListsKnownKinds) {
  auto names = rules::kind_names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_NE(std::find(names.begin(), names.end(), "phrase"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "spelling"), names.end());
  std::string known;
  for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
  EXPECT_EQ(load_error(replace(kValid, "\"phrase\"", "\"frase\"")),
            kFile + ":2: 'kind': unknown rule kind 'frase' (known: " + known + ")");
  EXPECT_EQ(rules::find_kind("frase"), nullptr);
  EXPECT_NE(rules::find_kind("phrase"), nullptr);
}

TEST(LoadRuleTest, IdMustEqualFileStem) {
  EXPECT_EQ(load_error(kValid, "rules/spin/spin-other.toml"),
            "rules/spin/spin-other.toml:1: 'id': must equal the file name 'spin-other'");
}

TEST(LoadRuleTest, IdMustStartWithPack) {
  std::string text = replace(kValid, "spin-detective-agency", "news-detective-agency");
  EXPECT_EQ(load_error(text, "rules/spin/news-detective-agency.toml"),
            "rules/spin/news-detective-agency.toml:1: 'id': must start with the pack name 'spin-'");
  // The pack name followed by '-', not just the pack name as a prefix.
  text = replace(kValid, "spin-detective-agency", "spinner-agency");
  EXPECT_EQ(load_error(text, "rules/spin/spinner-agency.toml"),
            "rules/spin/spinner-agency.toml:1: 'id': must start with the pack name 'spin-'");
}

TEST(LoadRuleTest, IdMustBeKebabCase) {
  const char* bad[] = {"spin-Detective-agency", "spin_detective", "spin--detective", "spin-detective-", "spin detective"};
  for (const std::string id : bad) {
    SCOPED_TRACE(id);
    std::string file = "rules/spin/" + id + ".toml";
    EXPECT_EQ(load_error(replace(kValid, "spin-detective-agency", id), file),
              file + ":1: 'id': must be kebab-case (a-z, 0-9, '-')");
  }
}

TEST(LoadRuleTest, DuplicateId) {
  RuleSet set;
  set.load_rule(kValid, kFile, "spin");
  try {
    set.load_rule(kValid, "other/spin/spin-detective-agency.toml", "spin");
    FAIL() << "duplicate accepted";
  } catch (const LoadError& e) {
    EXPECT_STREQ(e.what(), "other/spin/spin-detective-agency.toml:1: 'id': duplicate rule id 'spin-detective-agency'");
  }
  EXPECT_EQ(set.rules().size(), 1u);
}

TEST(LoadRuleTest, MissingRequiredKeys) {
  EXPECT_EQ(load_error(replace(kValid, "message = \"Spun phrase '{match}': write '{expected}'.\"\n", "")),
            kFile + ":1: missing required key 'message'");
  EXPECT_EQ(load_error(replace(kValid, "category = \"accuracy/mistranslation\"\n", "")),
            kFile + ":1: missing required key 'category'");
  EXPECT_EQ(load_error(replace(kValid, "id = \"spin-detective-agency\"\n", "")), kFile + ":1: missing required key 'id'");
  EXPECT_EQ(load_error(replace(kValid, "kind = \"phrase\"\n", "")), kFile + ":1: missing required key 'kind'");
  EXPECT_EQ(load_error(replace(kValid, "severity = \"warning\"\n", "")), kFile + ":1: missing required key 'severity'");
  EXPECT_EQ(load_error(replace(kValid, "category = \"accuracy/mistranslation\"", "category = \"\"")),
            kFile + ":4: 'category': must not be empty");
  EXPECT_EQ(load_error(replace(kValid, "message = \"Spun", "message = 5 #")), kFile + ":5: 'message': expected a string");
}

TEST(LoadRuleTest, WrongValueTypes) {
  EXPECT_EQ(load_error(replace(kValid, "fixable = true", "fixable = \"yes\"")),
            kFile + ":6: 'fixable': expected true or false");
  EXPECT_EQ(load_error(replace(kValid, "fire = [\"The detective agency said.\", \"Ask nato.\"]", "fire = [\"a\", 2]")),
            kFile + ":19: 'fire': expected strings only");
  EXPECT_EQ(load_error(replace(kValid.substr(0, kValid.find("[examples]")), "fixable = true\n",
                               "fixable = true\nexamples = 1\n")),
            kFile + ":7: 'examples': expected a table");
}

TEST(LoadRuleTest, NeedsFireAndCleanExamples) {
  EXPECT_EQ(load_error(replace(kValid, "fire = [\"The detective agency said.\", \"Ask nato.\"]\n", "")),
            kFile + ":1: rule 'spin-detective-agency' needs at least one [examples] fire text");
  EXPECT_EQ(load_error(replace(kValid, "clean = [\"The spy agency said.\", \"A private detective agency.\"]\n", "clean = []\n")),
            kFile + ":1: rule 'spin-detective-agency' needs at least one [examples] clean text");
  EXPECT_EQ(load_error(kValid.substr(0, kValid.find("[examples]"))),
            kFile + ":1: rule 'spin-detective-agency' needs at least one [examples] fire text");
}

TEST(LoadRuleTest, TomlSyntaxErrorReportsLine) {
  std::string err = load_error(replace(kValid, "severity = \"warning\"", "severity = \"warning"));
  // toml++ reads the line break as an illegal character inside the unterminated string.
  EXPECT_EQ(err, kFile +
                     ":3: Error while parsing string: unescaped control characters other than TAB (U+0009) are "
                     "explicitly prohibited");
  err = load_error(replace(kValid, "fixable = true", "fixable = = true"));
  EXPECT_EQ(err, kFile + ":6: Error while parsing value: could not determine value type");
}

TEST(LoadRuleTest, PhraseRuleNeedsPhrases) {
  std::string no_phrases = kValid.substr(0, kValid.find("[[phrases]]")) + kValid.substr(kValid.find("[examples]"));
  EXPECT_EQ(load_error(no_phrases), kFile + ":1: a phrase rule needs at least one [[phrases]] entry");
  EXPECT_EQ(load_error(replace(kValid, "match = \"nato\"\n", "")), kFile + ":13: entry needs 'match'");
  EXPECT_EQ(load_error(replace(kValid, "match = \"nato\"", "match = \"  \"")), kFile + ":13: 'match' has no words: \"  \"");
}

TEST(LoadRuleTest, UnlessMustContainTheMatch) {
  EXPECT_EQ(load_error(replace(kValid, "match = \"nato\"\n", "match = \"nato\"\nunless = \"natal care\"\n")),
            kFile + ":15: exception \"natal care\" does not contain any 'match' of its entry, so it can never apply");
}

// With several `match` variants, an `unless` that contains none of them can never apply either.
TEST(LoadRuleTest, UnlessMustContainOneOfSeveralMatches) {
  std::string err = load_error(replace(kValid, "unless = \"private detective agency\"", "unless = \"private eye firm\""));
  EXPECT_EQ(err.rfind(kFile + ":11: exception \"private eye firm\" does not contain", 0), 0u) << err;
}

TEST(LoadRuleTest, SpellingKindReadsItsKeysStrictly) {
  const std::string spelling =
      "id = \"spelling-test\"\nkind = \"spelling\"\nseverity = \"suggestion\"\ncategory = \"fluency/spelling\"\n"
      "message = \"Unknown word '{match}'.\"\nmax_suggestions = 2\nprefixes = [\"pre\"]\n"
      "[examples]\nfire = \"dificult\"\nclean = \"difficult\"\n";
  RuleSet set;
  set.load_rule(spelling, "rules/spelling/spelling-test.toml", "spelling");
  EXPECT_TRUE(set.rules()[0]->scans());
  EXPECT_EQ(set.rules()[0]->info().severity, Severity::suggestion);
  ASSERT_EQ(set.rules()[0]->info().fire.size(), 1u);
  EXPECT_EQ(set.rules()[0]->info().fire[0].line, 9u);
  EXPECT_EQ(load_error(replace(spelling, "max_suggestions", "max_sugestions"), "rules/spelling/spelling-test.toml",
                       "spelling"),
            "rules/spelling/spelling-test.toml:6: unknown key 'max_sugestions'");
  EXPECT_EQ(load_error(replace(spelling, "max_suggestions = 2", "max_suggestions = \"2\""),
                       "rules/spelling/spelling-test.toml", "spelling"),
            "rules/spelling/spelling-test.toml:6: 'max_suggestions': expected an integer");
}

// ---- rule set --------------------------------------------------------------------------------

const std::string kSecond =
    "id = \"spin-false-friend\"\nkind = \"phrase\"\nseverity = \"suggestion\"\ncategory = \"accuracy\"\n"
    "message = \"'{match}' is a false friend.\"\n"
    "[[phrases]]\nmatch = \"actual president\"\nexpected = [\"current president\", \"incumbent president\"]\n"
    "[examples]\nfire = \"The actual president spoke.\"\nclean = \"The current president spoke.\"\n";

TEST(RuleSetTest, CompileGathersPhrasesWithOwners) {
  RuleSet set;
  set.load_rule(kValid, kFile, "spin");
  set.load_rule(kSecond, "rules/spin/spin-false-friend.toml", "spin");
  EXPECT_EQ(set.phrases().size(), 0u);
  set.compile();
  EXPECT_EQ(set.phrases().size(), 4u);
  const auto& owners = set.phrase_owners();
  ASSERT_EQ(owners.size(), 4u);
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> want{{0, 0}, {0, 1}, {0, 2}, {1, 0}};
  for (std::size_t i = 0; i < owners.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(owners[i].rule, want[i].first);
    EXPECT_EQ(owners[i].local, want[i].second);
  }
  EXPECT_EQ(set.index_of("spin-false-friend"), 1);
  // Compiling twice rebuilds the same set.
  set.compile();
  EXPECT_EQ(set.phrases().size(), 4u);
  EXPECT_EQ(set.phrase_owners().size(), 4u);
}

TEST(RuleTest, FormatMessage) {
  RuleSet set;
  set.load_rule(
      replace(kValid, "Spun phrase '{match}': write '{expected}'.", "{match} -> {expected} ({match}, {other}, {expected"),
      kFile, "spin");
  const auto& rule = *set.rules()[0];
  EXPECT_EQ(rule.format_message("detective agency", "spy agency"),
            "detective agency -> spy agency (detective agency, {other}, {expected");
  EXPECT_EQ(rule.format_message("", ""), " ->  (, {other}, {expected");
}

TEST(RuleTest, FormatMessageWithoutPlaceholders) {
  RuleSet set;
  set.load_rule(replace(kValid, "Spun phrase '{match}': write '{expected}'.", "Plain {} text."), kFile, "spin");
  EXPECT_EQ(set.rules()[0]->format_message("a", "b"), "Plain {} text.");
}

TEST(MatchCaseTest, CarriesInitialCapital) {
  EXPECT_EQ(rules::match_case("Detective agency", "spy agency"), "Spy agency");
  EXPECT_EQ(rules::match_case("detective agency", "spy agency"), "spy agency");
  EXPECT_EQ(rules::match_case("nato", "NATO"), "NATO");
  EXPECT_EQ(rules::match_case("Uavs", "UAVs"), "UAVs");
  EXPECT_EQ(rules::match_case("U. S.", "U.S."), "U.S.");
  EXPECT_EQ(rules::match_case("Kiev", "kyiv"), "Kyiv");
  EXPECT_EQ(rules::match_case("", "spy"), "spy");
  EXPECT_EQ(rules::match_case("Spy", ""), "");
}

// ---- the phrase kind end to end --------------------------------------------------------------

struct Found {
  std::string rule;
  std::size_t offset, length;
  std::string match, message;
  std::vector<std::string> replacements;
  bool operator==(const Found& o) const {
    return rule == o.rule && offset == o.offset && length == o.length && match == o.match && message == o.message &&
           replacements == o.replacements;
  }
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  os << "{" << f.rule << " @" << f.offset << "+" << f.length << " '" << f.match << "' \"" << f.message << "\" [";
  for (const auto& r : f.replacements) os << "'" << r << "' ";
  return os << "]}";
}

std::vector<Found> run(const RuleSet& set, const std::string& text) {
  lint::Linter linter(set, nullptr);
  auto d = doc(text);
  std::vector<Found> out;
  for (const auto& x : linter.lint(*d, lint::RuleSelection::defaults(set), some_day()))
    out.push_back(Found{x.rule, x.span.offset, x.span.length, x.match, x.message, x.replacements});
  return out;
}

class PhraseKindTest : public ::testing::Test {
 protected:
  void SetUp() override {
    set_.load_rule(kValid, kFile, "spin");
    set_.load_rule(kSecond, "rules/spin/spin-false-friend.toml", "spin");
    set_.compile();
  }
  RuleSet set_;
};

TEST_F(PhraseKindTest, CaseInsensitiveWithReplacementCase) {
  const std::string id = "spin-detective-agency";
  EXPECT_EQ(run(set_, "Detective agency officials met."),
            (std::vector<Found>{{id, 0, 16, "Detective agency", "Spun phrase 'Detective agency': write 'Spy agency'.",
                                 {"Spy agency"}}}));
  EXPECT_EQ(run(set_, "The detective\nAgency said."),
            (std::vector<Found>{{id, 4, 16, "detective\nAgency", "Spun phrase 'detective\nAgency': write 'spy agency'.",
                                 {"spy agency"}}}));
  EXPECT_EQ(run(set_, "An investigator agency"),
            (std::vector<Found>{{id, 3, 19, "investigator agency",
                                 "Spun phrase 'investigator agency': write 'spy agency'.", {"spy agency"}}}));
}

TEST_F(PhraseKindTest, SeveralReplacements) {
  EXPECT_EQ(run(set_, "Actual president"),
            (std::vector<Found>{{"spin-false-friend", 0, 16, "Actual president", "'Actual president' is a false friend.",
                                 {"Current president", "Incumbent president"}}}));
}

TEST_F(PhraseKindTest, UnlessException) {
  EXPECT_TRUE(run(set_, "He hired a private detective agency.").empty());
  EXPECT_TRUE(run(set_, "Private\nDetective  Agency").empty());
  // The exception needs all of its tokens, in place.
  EXPECT_EQ(run(set_, "A private, detective agency.").size(), 1u);
  EXPECT_EQ(run(set_, "Detective agency, private detective agency").size(), 1u);
  // The exception belongs to the entry, so it covers every variant of the entry that it contains.
  EXPECT_EQ(run(set_, "A private investigator agency.").size(), 1u);
}

TEST_F(PhraseKindTest, CaseSensitiveEntry) {
  EXPECT_EQ(run(set_, "Ask nato now."),
            (std::vector<Found>{{"spin-detective-agency", 4, 4, "nato", "Spun phrase 'nato': write 'NATO'.", {"NATO"}}}));
  EXPECT_TRUE(run(set_, "Ask NATO now.").empty());
  EXPECT_TRUE(run(set_, "Ask Nato now.").empty());
  EXPECT_TRUE(run(set_, "Ask NaTo now.").empty());
}

TEST(PhraseKindRuleLevelTest, CaseSensitiveRuleWithEntryOverride) {
  const std::string text =
      "id = \"spin-acronym\"\nkind = \"phrase\"\nseverity = \"warning\"\ncategory = \"fluency\"\n"
      "message = \"{match} -> {expected}\"\ncase_sensitive = true\n"
      "[[phrases]]\nmatch = \"uavs\"\nexpected = \"UAVs\"\n"
      "[[phrases]]\nmatch = \"kiev\"\nexpected = \"Kyiv\"\ncase_sensitive = false\n"
      "[examples]\nfire = \"uavs\"\nclean = \"UAVs\"\n";
  RuleSet set;
  set.load_rule(text, "spin-acronym.toml", "spin");
  set.compile();
  EXPECT_EQ(run(set, "uavs and Uavs and UAVs"),
            (std::vector<Found>{{"spin-acronym", 0, 4, "uavs", "uavs -> UAVs", {"UAVs"}}}));
  EXPECT_EQ(run(set, "KIEV"), (std::vector<Found>{{"spin-acronym", 0, 4, "KIEV", "KIEV -> Kyiv", {"Kyiv"}}}));
}

TEST_F(PhraseKindTest, ReplacementEqualToMatchIsDropped) {
  RuleSet set;
  set.load_rule(
      "id = \"spin-kyiv\"\nkind = \"phrase\"\nseverity = \"warning\"\ncategory = \"c\"\nmessage = \"m\"\n"
      "[[phrases]]\nmatch = \"kiev\"\nexpected = [\"Kiev\", \"Kyiv\"]\n"
      "[examples]\nfire = \"kiev\"\nclean = \"Kyiv\"\n",
      "spin-kyiv.toml", "spin");
  set.compile();
  EXPECT_EQ(run(set, "In Kiev"), (std::vector<Found>{{"spin-kyiv", 3, 4, "Kiev", "m", {"Kyiv"}}}));
}

TEST_F(PhraseKindTest, DerivedExamples) {
  const auto& rule = *set_.find("spin-detective-agency");
  std::vector<rules::Example> fire, clean;
  rule.derived_examples(fire, clean);
  ASSERT_EQ(fire.size(), 3u);
  EXPECT_EQ(fire[0].text, "detective agency");
  EXPECT_EQ(fire[0].line, 8u);
  EXPECT_EQ(fire[1].text, "investigator agency");
  EXPECT_EQ(fire[1].line, 8u);
  EXPECT_EQ(fire[2].text, "nato");
  EXPECT_EQ(fire[2].line, 13u);
  ASSERT_EQ(clean.size(), 2u);
  EXPECT_EQ(clean[0].text, "spy agency");
  EXPECT_EQ(clean[0].line, 8u);
  EXPECT_EQ(clean[1].text, "NATO");
  EXPECT_EQ(clean[1].line, 13u);
  // What verify does with them, here without an Engine: each fires, each stays clean.
  auto& info = rule.info();
  auto sel = lint::RuleSelection::only(set_, set_.index_of(info.id));
  lint::Linter linter(set_, nullptr);
  auto count = [&](const std::string& text) { return linter.lint(*doc(text), sel, some_day()).size(); };
  for (const auto& ex : fire) EXPECT_EQ(count(ex.text), 1u) << ex.text;
  for (const auto& ex : clean) EXPECT_EQ(count(ex.text), 0u) << ex.text;
  for (const auto& ex : info.fire) EXPECT_EQ(count(ex.text), 1u) << ex.text;
  for (const auto& ex : info.clean) EXPECT_EQ(count(ex.text), 0u) << ex.text;
}

// ---- shipped rules ---------------------------------------------------------------------------

TEST(ShippedRulesTest, EveryExampleHolds) {
  lint::Engine engine(WIRELINT_SOURCE_DIR);
  ASSERT_GE(engine.rules().rules().size(), 1u);
  ASSERT_GE(engine.rules().index_of("spelling-unknown-word"), 0);
  auto failures = lint::verify_all_examples(engine);
  std::string all;
  for (const auto& f : failures) all += f + "\n";
  EXPECT_TRUE(failures.empty()) << all;
}

TEST(ShippedRulesTest, VerifyReportsAFailingExample) {
  lint::Engine engine(WIRELINT_SOURCE_DIR);
  int spelling = engine.rules().index_of("spelling-unknown-word");
  ASSERT_GE(spelling, 0);
  EXPECT_TRUE(lint::verify_examples(engine, spelling).empty());
}

}  // namespace
}  // namespace wirelint

// --- the story context ------------------------------------------------------------------------

namespace wirelint {
namespace {

const rules::ContextData& context_words() {
  static const rules::ContextData d = rules::ContextData::parse(
      "framing = [\"calls\", \"so-called\", \"known as\"]\nframing_window = 2\n"
      "framing_gap = [\"the\", \"a\", \"it\"]\nattribution = [\"said\", \"according to\"]\n",
      "context.toml");
  return d;
}

// The words of `text` the context puts inside a quotation, joined by spaces.
std::string quoted_words(const std::string& text) {
  tokenize::TokenStream ts(text);
  rules::StoryContext story(ts, context_words());
  std::string out;
  for (std::size_t t = 0; t < ts.size(); ++t)
    if (ts[t].is_word() && story.quoted(t)) out += (out.empty() ? "" : " ") + std::string(ts.surface(t));
  return out;
}

TEST(StoryContext, QuotationsStraightCurlyNestedAndClosedAtTheParagraphEnd) {
  EXPECT_EQ(quoted_words("He said \"we will go\" and left."), "we will go");
  EXPECT_EQ(quoted_words("“It is ‘very effective’,” he said of the “deal”."), "It is very effective deal");
  // An apostrophe is no closing mark: the quotation runs on.
  EXPECT_EQ(quoted_words("“The banks’ loans grew,” he said."), "The banks loans grew");
  EXPECT_EQ(quoted_words("Iran’s drones are effective."), "");
  // An unbalanced quotation ends with its paragraph; the next paragraph is not quoted.
  EXPECT_EQ(quoted_words("He said “we will go.\n\nOfficials denied it."), "we will go");
  EXPECT_EQ(quoted_words("He said \"we will go.\n\nOfficials denied it."), "we will go");
}

TEST(StoryContext, FramingNeedsOnlyGapWordsBetweenAndAttributionIsPerSentence) {
  tokenize::TokenStream ts(
      "Russia calls it a special operation. Reservists were called up for the special operation. "
      "The so-called special operation began, officials said. According to Kyiv, it failed.");
  rules::StoryContext story(ts, context_words());
  std::vector<std::size_t> special;
  for (std::size_t t = 0; t < ts.size(); ++t)
    if (ts.surface(t) == "special") special.push_back(t);
  ASSERT_EQ(special.size(), 3u);
  EXPECT_TRUE(story.framed(special[0]));   // "calls it a"
  EXPECT_FALSE(story.framed(special[1]));  // "called up for the": not a framing phrase, and "up for" no gap words
  EXPECT_TRUE(story.framed(special[2]));   // "so-called"
  EXPECT_FALSE(story.attributed(special[0]));
  EXPECT_TRUE(story.attributed(special[2]));
  EXPECT_TRUE(story.attributed(ts.size() - 2));
}

// A headline is in title case (or capitals) when no word of four letters or more after its first
// is lower case and at least two are capitalized: there a capital marks no name.
TEST(StoryContext, TitleCaseHeadlines) {
  const std::pair<const char*, bool> cases[] = {
      {"Far-Right Minister Vows Crackdown", true},
      {"DROUGHT MAY REDUCE COFFEE OUTPUT -GROWERS", true},
      {"Talks to Resume in Geneva on Monday", true},
      {"Far-right minister vows crackdown", false},
      {"Top Minister Kim resigns", false},
      {"Biden Wins", false},
  };
  for (const auto& [headline, title_case] : cases) {
    const std::string text = std::string(headline) + "\n\nThe Body Text Goes Here.\n";
    tokenize::TokenStream ts(text);
    const std::size_t end = std::string_view(headline).size();
    rules::StoryContext story(ts, context_words(), {{0, end, Scope::headline}});
    EXPECT_EQ(story.in_title_case_headline(0), title_case) << headline;
    EXPECT_EQ(story.in_part(end - 1, Scope::headline), true) << headline;
    EXPECT_FALSE(story.in_title_case_headline(end + 2)) << headline;  // the body
    EXPECT_FALSE(story.in_part(end + 2, Scope::headline)) << headline;
  }
  // A byline is no headline, whatever its case.
  tokenize::TokenStream ts("By Jane Doe And Ann Lee\n");
  rules::StoryContext story(ts, context_words(), {{0, 23, Scope::byline}});
  EXPECT_FALSE(story.in_title_case_headline(3));
  EXPECT_TRUE(story.in_part(3, Scope::byline));
}

TEST(StoryContext, BadWordsAreLoadErrorsNamingTheFile) {
  try {
    rules::ContextData::parse("framing_window = 12\n", "rules/context.toml");
    FAIL() << "no error";
  } catch (const rules::LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("rules/context.toml:1"), std::string::npos) << e.what();
  }
}

}  // namespace
// toml++ quotes what it saw, line break included; the error stays on one line. Found by
// tests/fuzz/rule_fuzz; its corpus keeps regression-error-spans-lines.toml.
TEST(RuleLoader, SyntaxErrorQuotingALineBreakIsOneLine) {
  std::string e = load_error("id = \"spin-detective-agency\"\nfixable = tru\ne\n");
  EXPECT_EQ(e.rfind(kFile + ":2: ", 0), 0u) << e;
  EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  EXPECT_NE(e.find("\\n"), std::string::npos) << e;
}

// A value the message quotes may hold a line break or another control character (a TOML
// escape): the error is still one line, the character written as an escape (found by the rule
// fuzz target: tests/fuzz/corpus/rule/regression-kind-with-line-break.toml).
TEST(RuleLoader, QuotedValueWithALineBreakIsOneLine) {
  std::string e = load_error("id = \"spin-detective-agency\"\nkind = \"no-such-ki\\nd\\u0007\"\n");
  EXPECT_EQ(e.rfind(kFile + ":2: 'kind': unknown rule kind 'no-such-ki\\nd\\x07' (known: ", 0), 0u) << e;
  EXPECT_EQ(e.find('\n'), std::string::npos) << e;
  EXPECT_EQ(escape_controls("a\r\tb\x7f"), "a\\r\\tb\\x7f");
}

}  // namespace wirelint
