// lint/: configuration parsing, globbing, rule selection, the Linter's ordering and offsets,
// Session (invalid UTF-8, configuration found by walking up) and the corpus report.
// In-memory where the API allows; the Session and corpus tests use a temporary folder.

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/sink.h"
#include "dictionary/spell_checker.h"
#include "input/reader.h"
#include "lint/config.h"
#include "lint/corpus.h"
#include "lint/engine.h"
#include "lint/linter.h"
#include "lint/session.h"
#include "rules/rule_set.h"
#include "rules/schema.h"

namespace fs = std::filesystem;

namespace wirelint::lint {
namespace {

const std::string kSpelling = "spelling-unknown-word";

const Engine& engine() {
  static const Engine* e = new Engine(WIRELINT_SOURCE_DIR);
  return *e;
}

Date some_day() { return *Date::parse("2024-05-01"); }

std::string config_error(const std::string& text, const std::string& path = "proj/.wirelint.toml") {
  try {
    parse_config(text, path);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

// A phrase rule of pack "spin" whose [[phrases]] come from `phrases` (TOML text).
std::string phrase_rule(const std::string& id, const std::string& phrases, const std::string& extra = "") {
  return "id = \"" + id + "\"\nkind = \"phrase\"\nseverity = \"warning\"\ncategory = \"accuracy\"\n" +
         "message = \"'{match}' -> '{expected}'\"\n" + extra + phrases +
         "\n[examples]\nfire = \"x\"\nclean = \"y\"\n";
}

std::string replace_severity(std::string text, const std::string& severity) {
  const std::string from = "severity = \"warning\"";
  text.replace(text.find(from), from.size(), "severity = \"" + severity + "\"");
  return text;
}

void load(rules::RuleSet& set, const std::string& id, const std::string& text) {
  set.load_rule(text, "rules/spin/" + id + ".toml", id.substr(0, id.find('-')));
}

struct Collector : DiagnosticSink {
  std::vector<std::string> events;
  std::vector<Diagnostic> diagnostics;
  void begin_file(const Document& doc) override { events.push_back("begin " + doc.path); }
  void diagnostic(const Document& doc, const Diagnostic& d) override {
    events.push_back("diagnostic " + doc.path + " " + d.rule + " @" + std::to_string(d.span.offset));
    diagnostics.push_back(d);
  }
  void end_file(const Document& doc) override { events.push_back("end " + doc.path); }
  void notice(std::string_view path, std::string_view message) override {
    events.push_back("notice " + std::string(path) + " " + std::string(message));
  }
  std::vector<Diagnostic> of(const std::string& rule) const {
    std::vector<Diagnostic> out;
    for (const auto& d : diagnostics)
      if (d.rule == rule) out.push_back(d);
    return out;
  }
};

// A temporary folder removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    char tpl[] = "/tmp/wirelint-lint-test-XXXXXX";
    const char* made = mkdtemp(tpl);
    if (made) path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string write(const std::string& rel, const std::string& content) const {
    fs::path p = fs::path(path_) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::string path_;
};

// ---- parse_config ----------------------------------------------------------------------------

TEST(ParseConfigTest, AcceptsEveryKey) {
  Config c = parse_config(
      "enable = [\"spin-a\"]\n"
      "disable = [\"spin-b\", \"spin-c\"]\n"
      "ignore = [\"drafts/**\", \"*.tmp.md\"]\n"
      "[severity]\n"
      "\"spin-a\" = \"error\"\n"
      "spin-b = \"suggestion\"\n"
      "\"spin-c\" = \"warning\"\n"
      "[spelling]\n"
      "accept = [\"Pyongyang\", \"KCNA\"]\n",
      "proj/sub/.wirelint.toml");
  EXPECT_EQ(c.path, "proj/sub/.wirelint.toml");
  EXPECT_EQ(c.dir, "proj/sub");
  EXPECT_EQ(c.enable, (std::vector<std::string>{"spin-a"}));
  EXPECT_EQ(c.disable, (std::vector<std::string>{"spin-b", "spin-c"}));
  EXPECT_EQ(c.ignore, (std::vector<std::string>{"drafts/**", "*.tmp.md"}));
  EXPECT_EQ(c.severity, (std::map<std::string, Severity>{
                            {"spin-a", Severity::error}, {"spin-b", Severity::suggestion}, {"spin-c", Severity::warning}}));
  EXPECT_EQ(c.accept_words, (std::vector<std::string>{"Pyongyang", "KCNA"}));
}

TEST(ParseConfigTest, EmptyAndSingleStrings) {
  Config empty = parse_config("", ".wirelint.toml");
  EXPECT_TRUE(empty.enable.empty());
  EXPECT_TRUE(empty.disable.empty());
  EXPECT_TRUE(empty.ignore.empty());
  EXPECT_TRUE(empty.severity.empty());
  EXPECT_TRUE(empty.accept_words.empty());
  EXPECT_EQ(empty.dir, "");
  Config single = parse_config("disable = \"spin-a\"\n", "x.toml");
  EXPECT_EQ(single.disable, (std::vector<std::string>{"spin-a"}));
}

TEST(ParseConfigTest, UnknownKeyNamesFileAndLine) {
  EXPECT_EQ(config_error("enable = []\n\ncolour = 1\n"), "proj/.wirelint.toml:3: unknown key 'colour'");
  EXPECT_EQ(config_error("[spelling]\naccept = []\nacept = [\"x\"]\n"), "proj/.wirelint.toml:3: unknown key 'acept'");
  EXPECT_EQ(config_error("enable = []\n[severty]\n\"a\" = \"error\"\n"), "proj/.wirelint.toml:2: unknown key 'severty'");
}

// A quoted key or value with a line break: the error is still one line.
TEST(ParseConfigTest, UnknownKeyWithALineBreakIsOneLine) {
  EXPECT_EQ(config_error("\"col\\nour\" = 1\n"), "proj/.wirelint.toml:1: unknown key 'col\\nour'");
}

TEST(ParseConfigTest, BadSeverityValue) {
  EXPECT_EQ(config_error("[severity]\n\"spin-a\" = \"fatal\"\n"),
            "proj/.wirelint.toml:2: 'spin-a': expected error, warning or suggestion");
  EXPECT_EQ(config_error("[severity]\n\n\"spin-a\" = 2\n"), "proj/.wirelint.toml:3: 'spin-a': expected a string");
}

TEST(ParseConfigTest, WrongTypes) {
  EXPECT_EQ(config_error("enable = 3\n"), "proj/.wirelint.toml:1: 'enable': expected a string or an array of strings");
  EXPECT_EQ(config_error("severity = \"error\"\n"), "proj/.wirelint.toml:1: 'severity': expected a table");
}

TEST(ParseConfigTest, TomlSyntaxError) {
  EXPECT_EQ(config_error("enable = [\"a\"]\ndisable = \n"),
            "proj/.wirelint.toml:2: Error while parsing key-value pair: expected value, saw '\\n'");
}

TEST(ParseConfigTest, MissingWordList) {
  EXPECT_EQ(config_error("[spelling]\naccept = [\"x\"]\ndictionaries = [\"words.txt\"]\n",
                         "/nonexistent-wirelint-dir/proj/.wirelint.toml"),
            "/nonexistent-wirelint-dir/proj/.wirelint.toml:3: 'dictionaries': cannot read word list "
            "/nonexistent-wirelint-dir/proj/words.txt");
}

TEST(ParseConfigTest, ReadsWordLists) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  dir.write("lists/words.txt", "# names\nPyongyang\r\n  Kim Jong Un  # leader\n\n\t\nKCNA\n");
  Config c = parse_config("[spelling]\naccept = \"Tehran\"\ndictionaries = [\"lists/words.txt\"]\n",
                          dir.path() + "/.wirelint.toml");
  EXPECT_EQ(c.accept_words, (std::vector<std::string>{"Tehran", "Pyongyang", "Kim Jong Un", "KCNA"}));
}

// ---- glob_match ------------------------------------------------------------------------------

TEST(GlobMatchTest, StarStaysInSegment) {
  EXPECT_TRUE(glob_match("*.md", "story.md"));
  EXPECT_TRUE(glob_match("*.md", ".md"));
  EXPECT_FALSE(glob_match("*.md", "drafts/story.md"));
  EXPECT_FALSE(glob_match("*.md", "story.md.txt"));
  EXPECT_FALSE(glob_match("*.md", "story.txt"));
  EXPECT_TRUE(glob_match("*.tmp.md", "a.tmp.md"));
  EXPECT_TRUE(glob_match("a/*/b", "a/x/b"));
  EXPECT_TRUE(glob_match("a/*/b", "a/xyz/b"));
  EXPECT_FALSE(glob_match("a/*/b", "a/x/y/b"));
  EXPECT_FALSE(glob_match("a/*/b", "a/b"));
}

TEST(GlobMatchTest, DoubleStarSpansSegments) {
  EXPECT_TRUE(glob_match("drafts/**", "drafts/x.md"));
  EXPECT_TRUE(glob_match("drafts/**", "drafts/a/b/c.md"));
  EXPECT_FALSE(glob_match("drafts/**", "mydrafts/x.md"));
  EXPECT_FALSE(glob_match("drafts/**", "other/drafts/x.md"));
  EXPECT_FALSE(glob_match("drafts/**", "drafts"));
  EXPECT_TRUE(glob_match("**/x.txt", "x.txt"));
  EXPECT_TRUE(glob_match("**/x.txt", "a/x.txt"));
  EXPECT_TRUE(glob_match("**/x.txt", "a/b/x.txt"));
  EXPECT_FALSE(glob_match("**/x.txt", "a/b/x.txt.bak"));
  EXPECT_FALSE(glob_match("**/x.txt", "a/y.txt"));
  EXPECT_TRUE(glob_match("**", "any/thing/at/all"));
  EXPECT_TRUE(glob_match("a/**/b", "a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/x/y/b"));
}

// After "**/" the rest of the pattern starts a path segment: "**/x.txt" does not match "ax.txt".
TEST(GlobMatchTest, DoubleStarSlashStartsASegment) {
  EXPECT_FALSE(glob_match("**/x.txt", "a/bx.txt"));
  EXPECT_FALSE(glob_match("**/x.txt", "ax.txt"));
  EXPECT_FALSE(glob_match("a/**/b", "a/xb"));
  EXPECT_FALSE(glob_match("drafts/**/old.md", "drafts/a/bold.md"));
}

TEST(GlobMatchTest, QuestionMark) {
  EXPECT_TRUE(glob_match("?", "a"));
  EXPECT_FALSE(glob_match("?", ""));
  EXPECT_FALSE(glob_match("?", "ab"));
  EXPECT_FALSE(glob_match("?", "/"));
  EXPECT_TRUE(glob_match("story?.md", "story1.md"));
  EXPECT_FALSE(glob_match("a?b", "a/b"));
}

TEST(GlobMatchTest, Literal) {
  EXPECT_TRUE(glob_match("notes.txt", "notes.txt"));
  EXPECT_FALSE(glob_match("notes.txt", "notes.txt2"));
  EXPECT_FALSE(glob_match("notes.txt", "Notes.txt"));
  EXPECT_TRUE(glob_match("", ""));
  EXPECT_FALSE(glob_match("", "a"));
}

// ---- RuleSelection ---------------------------------------------------------------------------

TEST(RuleSelectionTest, DefaultsAndOnly) {
  rules::RuleSet set;
  load(set, "spin-a", phrase_rule("spin-a", "[[phrases]]\nmatch = \"aaa\"\n"));
  load(set, "spin-b",
       replace_severity(phrase_rule("spin-b", "[[phrases]]\nmatch = \"bbb\"\n", "enabled = false\n"), "error"));
  load(set, "spin-c", replace_severity(phrase_rule("spin-c", "[[phrases]]\nmatch = \"ccc\"\n"), "suggestion"));
  set.compile();
  auto d = RuleSelection::defaults(set);
  EXPECT_EQ(d.enabled, (std::vector<bool>{true, false, true}));
  EXPECT_EQ(d.severity, (std::vector<Severity>{Severity::warning, Severity::error, Severity::suggestion}));
  EXPECT_TRUE(d.accepted_words.empty());
  auto only_b = RuleSelection::only(set, 1);
  EXPECT_EQ(only_b.enabled, (std::vector<bool>{false, true, false}));
  EXPECT_EQ(only_b.severity, d.severity);
  EXPECT_EQ(RuleSelection::only(set, -1).enabled, (std::vector<bool>{false, false, false}));
  EXPECT_EQ(RuleSelection::only(set, 3).enabled, (std::vector<bool>{false, false, false}));

  // Command-line overrides: enable, disable, then only; an unknown id comes back.
  auto o = RuleSelection::defaults(set);
  EXPECT_EQ(o.apply_overrides(set, {"spin-b"}, {"spin-a"}, {}), std::nullopt);
  EXPECT_EQ(o.enabled, (std::vector<bool>{false, true, true}));
  EXPECT_EQ(o.apply_overrides(set, {}, {}, {"spin-a"}), std::nullopt);
  EXPECT_EQ(o.enabled, (std::vector<bool>{true, false, false}));
  EXPECT_EQ(o.apply_overrides(set, {"spin-c", "spin-z"}, {}, {}), std::optional<std::string>("spin-z"));
  EXPECT_EQ(o.enabled, (std::vector<bool>{true, false, true}));

  // What the selection does to a lint.
  Linter linter(set, nullptr);
  auto doc = input::prepare("s.txt", "aaa bbb ccc", InputFormat::plain).doc;
  auto all = linter.lint(*doc, d, some_day());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].rule, "spin-a");
  EXPECT_EQ(all[1].rule, "spin-c");
  EXPECT_EQ(all[1].severity, Severity::suggestion);
  auto b = linter.lint(*doc, only_b, some_day());
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].rule, "spin-b");
  EXPECT_EQ(b[0].severity, Severity::error);
  EXPECT_EQ(b[0].span.offset, 4u);
  auto relevelled = d;
  relevelled.severity[0] = Severity::error;
  EXPECT_EQ(linter.lint(*doc, relevelled, some_day())[0].severity, Severity::error);
}


// ---- Linter: order, duplicates, offsets ------------------------------------------------------

const std::string kSpellingRule =
    "id = \"spelling-test\"\nkind = \"spelling\"\nseverity = \"warning\"\ncategory = \"fluency/spelling\"\n"
    "message = \"Unknown word '{match}'.\"\n[examples]\nfire = \"dificult\"\nclean = \"difficult\"\n";

TEST(LinterTest, SortedByOffsetAcrossPhraseAndScanningRules) {
  rules::RuleSet set;
  load(set, "spin-agency", phrase_rule("spin-agency", "[[phrases]]\nmatch = \"detective agency\"\nexpected = \"spy agency\"\n"));
  set.load_rule(kSpellingRule, "rules/spelling/spelling-test.toml", "spelling");
  set.compile();
  const std::string hunspell = std::string(WIRELINT_SOURCE_DIR) + "/dictionaries/hunspell/";
  dictionary::SpellChecker spell(hunspell + "en_US.aff", hunspell + "en_US.dic");
  ASSERT_EQ(spell.check_files(), "");
  Linter linter(set, &spell);
  // Phrase hits are produced before the scanning rules run; the output is in source order.
  auto doc = input::prepare("s.txt", "The dificulty with the detective agency and a mispeled word.", InputFormat::plain).doc;
  auto found = linter.lint(*doc, RuleSelection::defaults(set), some_day());
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].rule, "spelling-test");
  EXPECT_EQ(found[0].span.offset, 4u);
  EXPECT_EQ(found[0].span.length, 9u);
  EXPECT_EQ(found[0].match, "dificulty");
  EXPECT_EQ(found[1].rule, "spin-agency");
  EXPECT_EQ(found[1].span.offset, 23u);
  EXPECT_EQ(found[1].span.length, 16u);
  EXPECT_EQ(found[1].message, "'detective agency' -> 'spy agency'");
  EXPECT_EQ(found[1].replacements, (std::vector<std::string>{"spy agency"}));
  EXPECT_EQ(found[1].category, "accuracy");
  EXPECT_EQ(found[1].link, "rules/spin/spin-agency.toml");
  EXPECT_FALSE(found[1].fixable);
  EXPECT_EQ(found[2].rule, "spelling-test");
  EXPECT_EQ(found[2].span.offset, 46u);
  EXPECT_EQ(found[2].match, "mispeled");
  // Accepted words from the selection silence the spelling rule.
  auto sel = RuleSelection::defaults(set);
  sel.accepted_words.insert("mispeled");
  auto fewer = linter.lint(*doc, sel, some_day());
  ASSERT_EQ(fewer.size(), 2u);
  EXPECT_EQ(fewer[1].span.offset, 23u);
}

TEST(LinterTest, SameRuleSameSpanOnceAndTiesByLengthThenRule) {
  rules::RuleSet set;
  // Two variants of one entry that both match the same tokens.
  load(set, "spin-b", phrase_rule("spin-b", "[[phrases]]\nmatch = [\"detective agency\", \"Detective Agency\"]\n"));
  load(set, "spin-a", phrase_rule("spin-a", "[[phrases]]\nmatch = \"detective agency\"\n[[phrases]]\nmatch = \"detective\"\n"));
  set.compile();
  Linter linter(set, nullptr);
  auto doc = input::prepare("s.txt", "A detective agency.", InputFormat::plain).doc;
  auto found = linter.lint(*doc, RuleSelection::defaults(set), some_day());
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].rule, "spin-a");
  EXPECT_EQ(found[0].span.offset, 2u);
  EXPECT_EQ(found[0].span.length, 9u);
  EXPECT_EQ(found[1].rule, "spin-a");
  EXPECT_EQ(found[1].span.length, 16u);
  EXPECT_EQ(found[2].rule, "spin-b");
  EXPECT_EQ(found[2].span.offset, 2u);
  EXPECT_EQ(found[2].span.length, 16u);
}

TEST(LinterTest, NonNfcInputSpansPointAtSourceBytes) {
  rules::RuleSet set;
  load(set, "spin-cafe",
       phrase_rule("spin-cafe", "[[phrases]]\nmatch = \"caf\u00e9 noir\"\n[[phrases]]\nmatch = \"le caf\u00e9\"\n"
                                "[[phrases]]\nmatch = \"detective agency\"\n"));
  set.compile();
  Linter linter(set, nullptr);
  // "Café" with e + U+0301 COMBINING ACUTE ACCENT: the NFC text is one byte shorter.
  const std::string source = "Le Cafe\xCC\x81 Noir and the detective agency.";
  auto doc = input::prepare("s.txt", source, InputFormat::plain).doc;
  ASSERT_EQ(doc->text, "Le Caf\xC3\xA9 Noir and the detective agency.");
  auto found = linter.lint(*doc, RuleSelection::defaults(set), some_day());
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].span.offset, 0u);
  EXPECT_EQ(found[0].span.length, 9u);
  EXPECT_EQ(found[0].match, "Le Cafe\xCC\x81");
  EXPECT_EQ(found[1].span.offset, 3u);
  EXPECT_EQ(found[1].span.length, 11u);
  EXPECT_EQ(found[1].match, "Cafe\xCC\x81 Noir");
  // The message quotes the lintable (NFC) text; `match` keeps the source bytes.
  EXPECT_EQ(found[1].message, "'Caf\xC3\xA9 Noir' -> ''");
  EXPECT_EQ(found[2].span.offset, 23u);
  EXPECT_EQ(found[2].span.length, 16u);
  EXPECT_EQ(found[2].match, "detective agency");
  EXPECT_EQ(source.substr(found[2].span.offset, found[2].span.length), "detective agency");
}

// A long text is cut after a blank line when the window has one, else after a line break, else
// after a space, else at a character boundary; never before half the window.
TEST(LinterTest, SegmentsEndAtParagraphBreaksThenLinesThenSpaces) {
  //                      0123456789012345678901234567890
  const std::string text = "aaaa bbbb\n\ncccc dddd\neeee ffff gggg";
  EXPECT_EQ(Linter::segment_end(text, 0, 100), text.size());     // the rest fits
  EXPECT_EQ(Linter::segment_end(text, 0, 16), 11u);              // after the blank line
  EXPECT_EQ(Linter::segment_end(text, 11, 12), 21u);             // after "dddd\n"
  EXPECT_EQ(Linter::segment_end(text, 21, 12), 31u);             // after "ffff "
  EXPECT_EQ(Linter::segment_end(text, 0, 6), 5u);                // after "aaaa "
  EXPECT_EQ(Linter::segment_end("\n\n \t\r\nabc", 0, 6), 6u);  // a blank line of spaces and a CR
  // No break in the window: cut at begin + size, moved back out of a UTF-8 character.
  const std::string long_word = "xx\xC3\xA9\xC3\xA9\xC3\xA9yyyyyyyy";
  EXPECT_EQ(Linter::segment_end(long_word, 0, 3), 2u);
  EXPECT_EQ(Linter::segment_end(long_word, 0, 4), 4u);
  // Half the window at least: a break near the start is not taken.
  EXPECT_EQ(Linter::segment_end("a zzzzzzzzzzzzzzzzzzzz", 0, 10), 10u);
}

// A text longer than a segment is linted a segment at a time: each finding has its place in the
// whole file, and what a story-level rule sees is its segment (here: the same stories, each in
// its own segment, give the findings they give alone, shifted to where they stand).
TEST(LinterTest, LongTextsAreLintedASegmentAtATimeWithFileOffsets) {
  const std::string one = "The the ministry said it recieved the report.\n\n";
  const std::string two = "Officials said the the spy agency was informed on Monday.\n\n";
  std::string all;
  for (int i = 0; i < 40; ++i) all += i % 2 ? two : one;
  auto doc = input::prepare("long.txt", all, InputFormat::plain).doc;
  const auto& linter = engine().linter();
  const auto selection = RuleSelection::defaults(engine().rules());
  auto whole = linter.lint(*doc, selection, some_day());
  std::size_t words_whole = 0, words_cut = 0;
  linter.lint(*doc, selection, some_day(), &words_whole);
  auto cut = linter.lint(*doc, selection, some_day(), &words_cut, 2 * one.size());
  EXPECT_EQ(words_cut, words_whole);
  // Alone, each story's findings; in the long text, the same at the story's offset.
  auto single = [&](const std::string& story) {
    auto d = input::prepare("one.txt", story, InputFormat::plain).doc;
    return linter.lint(*d, selection, some_day());
  };
  auto a = single(one), b = single(two);
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  std::vector<std::string> expected, got;
  std::size_t at = 0;
  for (int i = 0; i < 40; ++i) {
    for (const auto& d : i % 2 ? b : a)
      expected.push_back(d.rule + "@" + std::to_string(at + d.span.offset) + ":" + d.match);
    at += (i % 2 ? two : one).size();
  }
  for (const auto& d : cut) {
    got.push_back(d.rule + "@" + std::to_string(d.span.offset) + ":" + d.match);
    EXPECT_EQ(all.substr(d.span.offset, d.span.length), d.match);
  }
  EXPECT_EQ(got, expected);
  // Linted whole, the stories see each other ("recieved" four times is the story's own term).
  EXPECT_NE(whole.size(), cut.size());
}

// The scanning rules on two threads give the findings of one thread, in the same order, with
// the limit of findings a rule and file counted the same (here the doubled-word rule passes
// it), whether the counts stay in the call or are carried across calls.
TEST(LinterTest, RulesOnTwoThreadsGiveTheFindingsOfOne) {
  std::string text;
  for (int i = 0; i < 60; ++i)
    text += "The the ministry said it recieved the report from Pyongyang on Monday.\n\n"
            "Officials said the the North Vietnamese spy agency \"was informed\" ,said KCNA.\n\n";
  for (int i = 0; i < 1100; ++i) text += "He said the the talks ended. ";
  auto doc = input::prepare("long.txt", text, InputFormat::plain).doc;
  const auto& linter = engine().linter();
  const auto selection = RuleSelection::defaults(engine().rules());
  auto listed = [](const std::vector<Diagnostic>& found) {
    std::vector<std::string> out;
    for (const auto& d : found)
      out.push_back(d.rule + "@" + std::to_string(d.span.offset) + "+" + std::to_string(d.span.length) + " " +
                    d.message);
    return out;
  };
  auto one = listed(linter.lint(*doc, selection, some_day(), nullptr, 16384, nullptr, 1));
  auto two = listed(linter.lint(*doc, selection, some_day(), nullptr, 16384, nullptr, 2));
  ASSERT_GT(one.size(), 1000u);
  EXPECT_EQ(two, one);
  EXPECT_NE(std::find_if(one.begin(), one.end(),
                         [](const std::string& s) { return s.find("more findings of this rule") != std::string::npos; }),
            one.end());
  Linter::FileCounts counts_one, counts_two;
  auto carried_one = listed(linter.lint(*doc, selection, some_day(), nullptr, 16384, &counts_one, 1));
  auto carried_two = listed(linter.lint(*doc, selection, some_day(), nullptr, 16384, &counts_two, 2));
  EXPECT_EQ(carried_two, carried_one);
  ASSERT_EQ(counts_two.over.size(), counts_one.over.size());
  for (const auto& [rule, over] : counts_one.over) {
    ASSERT_TRUE(counts_two.over.count(rule));
    EXPECT_EQ(counts_two.over.at(rule).count, over.count) << rule->info().id;
    EXPECT_EQ(counts_two.over.at(rule).dropped, over.dropped) << rule->info().id;
    EXPECT_EQ(counts_two.over.at(rule).first_at.offset, over.first_at.offset) << rule->info().id;
  }
}

// Markup is linted whole whatever its length: its parts (headline, byline) are ranges of the
// whole text.
TEST(LinterTest, MarkupIsNeverCut) {
  std::string body;
  for (int i = 0; i < 30; ++i) body += "<p>The the ministry said the spy agency was informed.</p>\n";
  const std::string html = "<html><head><title>Report</title></head><body><h1>Ministry report</h1>" + body +
                           "</body></html>";
  auto doc = input::prepare("s.html", html, InputFormat::html).doc;
  const auto& linter = engine().linter();
  const auto selection = RuleSelection::defaults(engine().rules());
  auto whole = linter.lint(*doc, selection, some_day());
  auto small = linter.lint(*doc, selection, some_day(), nullptr, 64);
  ASSERT_EQ(small.size(), whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) EXPECT_EQ(small[i].span.offset, whole[i].span.offset);
}

// ---- Session ---------------------------------------------------------------------------------

SessionOptions no_config() {
  SessionOptions o;
  o.date = some_day();
  o.use_config = false;
  return o;
}

TEST(SessionTest, InvalidUtf8IsReportedAtItsOffset) {
  std::ostringstream errors;
  SessionOptions o = no_config();
  o.only = {kSpelling};  // the reading error is not a rule: --only does not hide it
  Session session(engine(), o, errors);
  Collector sink;
  session.lint_bytes("story.txt", "The agency\xFF said.\n", sink);
  auto bad = sink.of(kInvalidUtf8Id);
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].rule, "input-invalid-utf8");
  EXPECT_EQ(bad[0].severity, Severity::error);
  EXPECT_EQ(bad[0].message, "Invalid UTF-8 at byte 10; the file must be UTF-8 encoded.");
  EXPECT_EQ(bad[0].span.offset, 10u);
  EXPECT_EQ(bad[0].span.length, 1u);
  EXPECT_EQ(bad[0].match, "\xFF");
  EXPECT_EQ(bad[0].category, "fluency/character-encoding");
  EXPECT_EQ(sink.diagnostics.size(), 1u);
  EXPECT_EQ(sink.events, (std::vector<std::string>{"begin story.txt", "diagnostic story.txt input-invalid-utf8 @10",
                                                   "end story.txt"}));
  EXPECT_EQ(session.files(), 1u);
  EXPECT_EQ(session.count(Severity::error), 1u);
  EXPECT_EQ(session.count_at_least(Severity::suggestion), 1u);
  EXPECT_EQ(session.input_errors(), 0u);
  EXPECT_EQ(errors.str(), "");
}

TEST(SessionTest, TruncatedSequenceIsReportedAtItsFirstByte) {
  std::ostringstream errors;
  Session session(engine(), no_config(), errors);
  Collector sink;
  // A two-byte lead (C3) followed by a space: the sequence is cut short at byte 3.
  session.lint_bytes("story.txt", "Caf\xC3 is open.", sink);
  auto bad = sink.of(kInvalidUtf8Id);
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].span.offset, 3u);
  EXPECT_EQ(bad[0].match, "\xC3");
  EXPECT_EQ(bad[0].message, "Invalid UTF-8 at byte 3; the file must be UTF-8 encoded.");
}

// The input-invalid-utf8 diagnostic reaches the sink in source order with the rules' findings.
TEST(SessionTest, InvalidUtf8DiagnosticInSourceOrder) {
  std::ostringstream errors;
  SessionOptions o = no_config();
  o.only = {kSpelling};
  Session session(engine(), o, errors);
  Collector sink;
  session.lint_bytes("story.txt", "The goverment said\xFF.", sink);
  EXPECT_EQ(sink.events, (std::vector<std::string>{"begin story.txt",
                                                   "diagnostic story.txt spelling-unknown-word @4",
                                                   "diagnostic story.txt input-invalid-utf8 @18", "end story.txt"}));
}

TEST(SessionTest, BinaryInputIsSkippedWithANotice) {
  std::ostringstream errors;
  Session session(engine(), no_config(), errors);
  Collector sink;
  session.lint_bytes("blob.txt", std::string("PK\x03\x04\0\0", 6), sink);
  EXPECT_EQ(sink.events, (std::vector<std::string>{"notice blob.txt skipped: binary file (contains NUL bytes)"}));
  EXPECT_EQ(errors.str(), "wirelint: blob.txt: skipped: binary file (contains NUL bytes)\n");
  EXPECT_EQ(session.files(), 0u);
}

// ---- Session: a long plain-text file read a segment at a time ----------------------------

// Each finding as the report gives it: rule, file offset, line:column (code points), UTF-16
// column, byte column and match; and how often each file began and ended.
struct PlaceCollector : DiagnosticSink {
  std::vector<std::string> places;
  std::size_t begins = 0, ends = 0;
  std::set<std::size_t> documents;  // where each document the findings came with starts in the file
  void begin_file(const Document&) override { ++begins; }
  void end_file(const Document&) override { ++ends; }
  void diagnostic(const Document& doc, const Diagnostic& d) override {
    places.push_back(place(doc, d));
    documents.insert(doc.lines.file_offset(0));
  }
  static std::string place(const Document& doc, const Diagnostic& d) {
    Position p = doc.lines.position(d.span.offset);
    return d.rule + " @" + std::to_string(doc.lines.file_offset(d.span.offset)) + " " + std::to_string(p.line) + ":" +
           std::to_string(p.column) + " u" + std::to_string(doc.lines.utf16_column(d.span.offset)) + " b" +
           std::to_string(doc.lines.byte_column(d.span.offset)) + " '" + d.match + "' " + d.message;
  }
};

// The findings of `text` read whole, with the linter's segments of `segment` bytes.
std::vector<std::string> whole_file_places(const std::string& text, std::size_t segment) {
  auto prepared = input::prepare("long.txt", text, InputFormat::plain);
  auto found = diagnose(engine(), *prepared.doc, RuleSelection::defaults(engine().rules()), some_day(),
                        prepared.invalid_utf8_offset, nullptr, segment);
  std::vector<std::string> out;
  for (const auto& d : found) out.push_back(PlaceCollector::place(*prepared.doc, d));
  return out;
}

std::vector<std::string> segmented_places(const std::string& text, std::size_t segment, PlaceCollector* sink_out = nullptr,
                                          std::string* errors_out = nullptr) {
  TempDir dir;
  std::string path = dir.write("long.txt", text);
  std::ostringstream errors;
  SessionOptions o = no_config();
  o.segment_bytes = segment;
  Session session(engine(), o, errors);
  PlaceCollector sink;
  session.lint_path(path, sink);
  EXPECT_EQ(session.files(), text.find('\0') == std::string::npos ? 1u : 0u);
  if (errors_out) *errors_out = errors.str();
  if (sink_out) *sink_out = sink;
  return sink.places;
}

// A file longer than a segment is read from disk a segment at a time, cut where the linter cuts
// the whole text: every finding is the one the whole file gives, at the same offset, line and
// columns, with non-ASCII text, CRLF and a blank-line-free stretch (cut at a line break) in it.
TEST(SessionSegments, ALongFileGivesTheFindingsOfTheWholeFile) {
  const std::string one = "The the ministry said it recieved the report from Pyongyang.\n\n";
  const std::string two = "Officials in Zürich said the the spy agency — “a détente” — was informed.\r\n\r\n";
  const std::string lines = "The goverment said\nthe the talks\nwould resume.\n";
  std::string all;
  for (int i = 0; i < 30; ++i) all += i % 3 == 0 ? one : i % 3 == 1 ? two : lines;
  const std::size_t segment = 3 * two.size();
  PlaceCollector sink;
  auto got = segmented_places(all, segment, &sink);
  auto expected = whole_file_places(all, segment);
  ASSERT_GT(expected.size(), 30u);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(sink.begins, 1u);
  EXPECT_EQ(sink.ends, 1u);
  EXPECT_GE(sink.documents.size(), 5u);  // read in segments
}

// One long line is cut at spaces: columns after a cut count from the line's start in code
// points, UTF-16 units and bytes, as in the whole file.
TEST(SessionSegments, ALongLineIsCutAtSpacesWithItsColumns) {
  std::string line;
  for (int i = 0; i < 40; ++i) line += i % 2 ? "déjà vu 😀 the the goverment said " : "Zürich officials recieved it ";
  line += "\n";
  const std::size_t segment = 200;
  PlaceCollector sink;
  auto got = segmented_places(line, segment, &sink);
  auto expected = whole_file_places(line, segment);
  ASSERT_GT(expected.size(), 20u);
  EXPECT_EQ(got, expected);
  EXPECT_GE(sink.documents.size(), 5u);
  EXPECT_NE(got.back().find(" 1:"), std::string::npos);  // still line 1, far along it
}

// Suppression directives hold across segments: a disable before, an enable after, and a
// disable-next-line on a segment's last line covering the next segment's first.
TEST(SessionSegments, SuppressionsHoldAcrossSegments) {
  const std::string para = "The ministry recieved the report on Monday and said so.\n\n";
  std::string all = "#wirelint-disable spelling-unknown-word\n\n";
  for (int i = 0; i < 6; ++i) all += para;
  all += "#wirelint-enable spelling-unknown-word\n\n";
  for (int i = 0; i < 6; ++i) all += para;
  all += "#wirelint-disable-next-line spelling-unknown-word\nThe ministry recieved it.\n\n";
  for (int i = 0; i < 3; ++i) all += para;
  const std::size_t segment = para.size() + 10;
  auto got = segmented_places(all, segment);
  auto expected = whole_file_places(all, segment);
  std::size_t spelling = 0;
  for (const auto& p : expected) spelling += p.rfind(kSpelling, 0) == 0;
  EXPECT_EQ(spelling, 9u);  // the 6 after the enable and the last 3; none disabled
  EXPECT_EQ(got, expected);
  // A segment ends just after the disable-next-line directive, so the carried directive is what
  // silences the line after it.
  const std::size_t after_directive = all.find('\n', all.find("#wirelint-disable-next-line")) + 1;
  std::vector<std::size_t> cuts;
  for (std::size_t at = 0; at < all.size();) cuts.push_back(at = Linter::segment_end(all, at, segment));
  EXPECT_NE(std::find(cuts.begin(), cuts.end(), after_directive), cuts.end());
}

// The limit of findings per rule and file counts across segments: 1,000 findings and one that
// counts the rest, at the first left out, as in the whole file.
TEST(SessionSegments, TheLimitPerRuleCountsTheWholeFile) {
  std::string all;
  for (int i = 0; i < 1400; ++i) all += "He said the the talks ended.\n\n";  // a doubled word each
  const std::size_t segment = 4096;
  auto got = segmented_places(all, segment);
  auto expected = whole_file_places(all, segment);
  ASSERT_EQ(expected.size(), 1001u);
  EXPECT_NE(expected[1000].find("400 more findings of this rule in this file are not reported"), std::string::npos);
  // Reported last (its segment is gone by then), at the same place.
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(got, expected);
}

// A NUL byte anywhere (here past the first segments) makes the file binary, as when read whole;
// so does a UTF-16 mark make it read whole.
TEST(SessionSegments, ANulByteAnywhereSkipsTheFileAsBinary) {
  std::string all;
  for (int i = 0; i < 100; ++i) all += "The the ministry said.\n\n";
  all += std::string("\0", 1);
  PlaceCollector sink;
  std::string errors;
  auto got = segmented_places(all, 256, &sink, &errors);
  EXPECT_TRUE(got.empty());
  EXPECT_EQ(sink.begins, 0u);
  EXPECT_NE(errors.find("skipped: binary file (contains NUL bytes)"), std::string::npos);
}

TEST(SessionTest, UnknownRuleIdInOptions) {
  std::ostringstream errors;
  SessionOptions o = no_config();
  o.disable = {"spin-nonexistent"};
  try {
    Session session(engine(), o, errors);
    FAIL() << "accepted an unknown rule";
  } catch (const EngineError& e) {
    EXPECT_STREQ(e.what(), "--disable: unknown rule 'spin-nonexistent'");
  }
}

TEST(SessionTest, ConfigurationFoundByWalkingUp) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string root = dir.path();
  const std::string story = "The goverment said.\n";
  dir.write(".wirelint.toml", "disable = [\"" + kSpelling + "\"]\nignore = [\"drafts/**\"]\n");
  std::string deep = dir.write("a/b/story.txt", story);
  dir.write("drafts/old.txt", story);
  dir.write("sub/.wirelint.toml", "[severity]\n\"" + kSpelling + "\" = \"error\"\n");
  std::string near = dir.write("sub/story.txt", story);

  EXPECT_EQ(find_config(deep), root + "/.wirelint.toml");
  EXPECT_EQ(find_config(near), root + "/sub/.wirelint.toml");
  EXPECT_EQ(find_config(root + "/sub/.wirelint.toml"), root + "/sub/.wirelint.toml");

  SessionOptions o;
  o.date = some_day();
  {
    std::ostringstream errors;
    Session session(engine(), o, errors);
    Collector sink;
    session.lint_path(deep, sink);  // the root config disables spelling
    EXPECT_TRUE(sink.of(kSpelling).empty());
    session.lint_path(near, sink);  // the nearest config wins: spelling on, as an error
    auto found = sink.of(kSpelling);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::error);
    EXPECT_EQ(found[0].span.offset, 4u);
    EXPECT_EQ(found[0].span.length, 9u);
    EXPECT_EQ(found[0].match, "goverment");
    EXPECT_EQ(session.files(), 2u);
    EXPECT_EQ(errors.str(), "");
  }
  {
    std::ostringstream errors;
    Session session(engine(), o, errors);
    Collector sink;
    session.lint_path(root, sink);  // drafts/ ignored by the root config
    std::vector<std::string> begins;
    for (const auto& e : sink.events)
      if (e.rfind("begin ", 0) == 0) begins.push_back(e);
    EXPECT_EQ(begins, (std::vector<std::string>{"begin " + root + "/a/b/story.txt", "begin " + root + "/sub/story.txt"}));
    EXPECT_EQ(session.files(), 2u);
    EXPECT_EQ(sink.of(kSpelling).size(), 1u);
  }
  {
    // --no-config: spelling at its own severity everywhere.
    std::ostringstream errors;
    SessionOptions off = o;
    off.use_config = false;
    Session session(engine(), off, errors);
    Collector sink;
    session.lint_path(deep, sink);
    auto found = sink.of(kSpelling);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].severity, Severity::warning);
  }
  {
    std::ostringstream errors;
    Session session(engine(), o, errors);
    Collector sink;
    session.lint_path(root + "/missing.txt", sink);
    EXPECT_EQ(errors.str(), "wirelint: " + root + "/missing.txt: no such file or directory\n");
    EXPECT_EQ(session.input_errors(), 1u);
  }
}

TEST(SessionTest, UnknownRuleInConfiguration) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::string cfg = dir.write(".wirelint.toml", "enable = [\"spin-nonexistent\"]\n");
  std::string file = dir.write("story.txt", "Text.\n");
  std::ostringstream errors;
  SessionOptions o;
  o.date = some_day();
  Session session(engine(), o, errors);
  Collector sink;
  try {
    session.lint_path(file, sink);
    FAIL() << "accepted an unknown rule";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), cfg + ": unknown rule 'spin-nonexistent'");
  }
}

// ---- corpus ----------------------------------------------------------------------------------

TEST(CorpusTest, CountsPerRuleAndWords) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::string path = dir.write(
      "corpus.jsonl",
      "{\"id\":\"s1\",\"date\":\"2024-03-01\",\"body\":\"The goverment said on Tuesday.\"}\n"
      "\n"
      "{\"id\":\"s2\",\"date\":\"1999-12-31T10:00:00Z\",\"body\":\"Officials said the goverment and the comittee met 3 times.\"}\n");
  auto sel = RuleSelection::only(engine().rules(), engine().rules().index_of(kSpelling));
  CorpusOptions opt;
  opt.default_date = some_day();
  CorpusReport r = run_corpus(engine(), sel, path, opt);
  EXPECT_EQ(r.stories, 2u);
  EXPECT_EQ(r.words, 15u);  // 5 + 10; numbers count as words, punctuation does not
  EXPECT_EQ(r.bytes, 88u);  // 30 + 58
  ASSERT_EQ(r.rules.size(), 1u);
  const auto& st = r.rules.at(kSpelling);
  EXPECT_EQ(st.findings, 3u);
  EXPECT_EQ(st.stories, 2u);
  ASSERT_EQ(st.examples.size(), 3u);
  EXPECT_EQ(st.examples[0].story, "s1");
  EXPECT_EQ(st.examples[0].match, "goverment");
  EXPECT_EQ(st.examples[0].context, "The goverment said on Tuesday.");
  EXPECT_EQ(st.examples[0].replacement, "government");
  EXPECT_EQ(st.examples[1].story, "s2");
  EXPECT_EQ(st.examples[1].match, "goverment");
  EXPECT_EQ(st.examples[2].story, "s2");
  EXPECT_EQ(st.examples[2].match, "comittee");
  EXPECT_EQ(st.examples[2].replacement, "committee");

  opt.examples = 1;
  opt.part = "odd";
  CorpusReport odd = run_corpus(engine(), sel, path, opt);
  EXPECT_EQ(odd.stories, 1u);
  EXPECT_EQ(odd.words, 10u);
  EXPECT_EQ(odd.rules.at(kSpelling).findings, 2u);
  EXPECT_EQ(odd.rules.at(kSpelling).stories, 1u);
  ASSERT_EQ(odd.rules.at(kSpelling).examples.size(), 1u);
  EXPECT_EQ(odd.rules.at(kSpelling).examples[0].story, "s2");

  opt.part = "all";
  opt.limit = 1;
  CorpusReport first = run_corpus(engine(), sel, path, opt);
  EXPECT_EQ(first.stories, 1u);
  EXPECT_EQ(first.words, 5u);
}

TEST(CorpusTest, LineThatIsNotAnObject) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  auto sel = RuleSelection::defaults(engine().rules());
  CorpusOptions opt;
  std::string path = dir.write("bad.jsonl", "{\"id\":\"s1\",\"body\":\"Fine.\"}\n[1, 2]\n");
  try {
    run_corpus(engine(), sel, path, opt);
    FAIL() << "accepted a JSON array";
  } catch (const EngineError& e) {
    EXPECT_EQ(std::string(e.what()), path + ":2: expected a JSON object with a \"body\" string");
  }
  std::string no_body = dir.write("nobody.jsonl", "\n\n{\"id\":\"s1\",\"text\":\"Fine.\"}\n");
  try {
    run_corpus(engine(), sel, no_body, opt);
    FAIL() << "accepted an object without body";
  } catch (const EngineError& e) {
    EXPECT_EQ(std::string(e.what()), no_body + ":3: expected a JSON object with a \"body\" string");
  }
  try {
    run_corpus(engine(), sel, dir.path() + "/missing.jsonl", opt);
    FAIL() << "read a missing corpus";
  } catch (const EngineError& e) {
    EXPECT_EQ(std::string(e.what()), dir.path() + "/missing.jsonl: cannot read corpus");
  }
  opt.part = "third";
  try {
    run_corpus(engine(), sel, path, opt);
    FAIL() << "accepted a bad part";
  } catch (const EngineError& e) {
    EXPECT_STREQ(e.what(), "--part: expected all, even or odd");
  }
}

TEST(CorpusTest, StoryIdsDefaultToLineNumbers) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::string path = dir.write("c.jsonl", "{\"body\":\"A goverment.\"}\n{\"id\":7,\"body\":\"A goverment.\"}\n");
  auto sel = RuleSelection::only(engine().rules(), engine().rules().index_of(kSpelling));
  CorpusReport r = run_corpus(engine(), sel, path, CorpusOptions{});
  const auto& ex = r.rules.at(kSpelling).examples;
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0].story, "1");
  EXPECT_EQ(ex[1].story, "7");
}

}  // namespace
}  // namespace wirelint::lint

namespace wirelint::lint {
namespace {

TEST(LinterLimits, AtMostAThousandFindingsOfARuleInAFileAndOneThatCountsTheRest) {
  // 1,200 doubled words: the first 1,000 are reported as ever, then one finding at the first
  // unreported one says how many more there are.
  std::string text;
  for (int i = 0; i < 1200; ++i) text += "the the. ";
  auto doc = input::prepare("s.txt", text, InputFormat::plain).doc;
  const auto& rules = engine().rules();
  auto found = engine().linter().lint(*doc, RuleSelection::only(rules, rules.index_of("typography-doubled-word")),
                                      *Date::parse("2024-05-01"));
  ASSERT_EQ(found.size(), 1001u);
  EXPECT_EQ(found[999].span.offset, 999u * 9);
  const Diagnostic& last = found.back();
  EXPECT_EQ(last.rule, "typography-doubled-word");
  EXPECT_EQ(last.span.offset, 1000u * 9);
  EXPECT_EQ(last.span.length, 0u);
  EXPECT_TRUE(last.replacements.empty());
  EXPECT_EQ(last.message, "200 more findings of this rule in this file are not reported (at most 1000 a rule and file)");
}

}  // namespace
}  // namespace wirelint::lint

namespace wirelint::lint {
namespace {

std::vector<Diagnostic> article_findings(const std::string& text) {
  auto doc = input::prepare("story.txt", text, InputFormat::plain).doc;
  auto selection = RuleSelection::defaults(engine().rules());
  EXPECT_FALSE(selection.apply_overrides(engine().rules(), {}, {}, {"typography-article"}));
  return engine().linter().lint(*doc, selection, some_day());
}

// A plural after "a"/"an" that ends its phrase is reported as the plural it is, with the
// singular and the bare plural as the two fixes (so --fix applies neither), never "an officials".
TEST(ArticleRule, APluralAfterTheArticleOffersTheSingularOrNoArticle) {
  auto found = article_findings("A officials said the talks had failed.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "'A officials': an article before a plural; write 'An official' or drop the article.");
  EXPECT_EQ(found[0].span.offset, 0u);
  EXPECT_EQ(found[0].span.length, 11u);
  EXPECT_EQ(found[0].replacements, (std::vector<std::string>{"An official", "Officials"}));

  found = article_findings("They bought silver at 7.40 dlrs an ounces, subject to approval.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].replacements, (std::vector<std::string>{"an ounce", "ounces"}));

  // The first of a list of modifiers, a label, a singular in -s: nothing.
  EXPECT_TRUE(article_findings("Glidden is a paints, resins and coatings company.").empty());
  EXPECT_TRUE(article_findings("Holders of its class A shares would receive 15 dlrs.").empty());
  EXPECT_TRUE(article_findings("It held a news conference, the first of a series.").empty());
  // The sound rule still holds where no plural is involved.
  found = article_findings("He is a analyst.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].replacements, (std::vector<std::string>{"an analyst"}));
}

}  // namespace
}  // namespace wirelint::lint
