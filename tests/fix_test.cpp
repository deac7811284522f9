// Engine-level tests of fixes, suppression directives, fingerprints and the baseline file:
// in-memory inputs, except for the atomic write and the baseline, which use a temporary folder.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/reader.h"
#include "lint/baseline.h"
#include "lint/config.h"
#include "lint/fingerprint.h"
#include "lint/fix.h"
#include "lint/suppress.h"

namespace fs = std::filesystem;
using namespace wirelint;
using namespace wirelint::lint;

namespace {

Diagnostic diag(const std::string& rule, std::size_t offset, const std::string& match,
                std::vector<std::string> replacements, bool fixable = true) {
  Diagnostic d;
  d.rule = rule;
  d.span = Span{offset, match.size()};
  d.match = match;
  d.replacements = std::move(replacements);
  d.fixable = fixable;
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "wirelint-fix-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  fs::path dir_;
};

// --- plan and apply ------------------------------------------------------------------------

TEST(PlanFixes, OnlyFixableFindingsWithExactlyOneReplacement) {
  std::vector<Diagnostic> ds = {
      diag("r-one", 0, "aa", {"a"}),
      diag("r-two", 3, "bb", {"b", "B"}),          // ambiguous
      diag("r-off", 6, "cc", {"c"}, false),        // rule not fixable
      diag("r-none", 9, "dd", {}),                 // nothing to write
      diag("r-same", 12, "ee", {"ee"}),            // no change
  };
  auto edits = plan_fixes(ds);
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].rule, "r-one");
  EXPECT_EQ(edits[0].span.offset, 0u);
  EXPECT_EQ(edits[0].replacement, "a");
}

TEST(PlanFixes, OverlapsResolveByOffsetThenRuleId) {
  // "U. S.”," : two rules want overlapping bytes; the earlier start wins regardless of input order.
  std::vector<Diagnostic> ds = {
      diag("typography-quote-punctuation", 3, "S.\xE2\x80\x9D,", {"S.,\xE2\x80\x9D"}),
      diag("typography-spaced-abbreviation", 0, "U. S.", {"U.S."}),
      // Same start: the smaller rule id wins, the other is skipped.
      diag("b-rule", 20, "xy", {"X"}),
      diag("a-rule", 20, "xyz", {"Z"}),
      // Adjacent (touching, not overlapping) edits are both kept.
      diag("c-rule", 23, "q", {"Q"}),
  };
  auto edits = plan_fixes(ds);
  ASSERT_EQ(edits.size(), 3u);
  EXPECT_EQ(edits[0].rule, "typography-spaced-abbreviation");
  EXPECT_EQ(edits[1].rule, "a-rule");
  EXPECT_EQ(edits[2].rule, "c-rule");
  // Reversed input gives the same plan.
  std::reverse(ds.begin(), ds.end());
  auto again = plan_fixes(ds);
  ASSERT_EQ(again.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(again[i].rule, edits[i].rule);
}

TEST(PlanFixes, TwoInsertionsAtOneOffsetKeepOnlyTheFirst) {
  std::vector<Diagnostic> ds = {diag("b", 5, "", {"y"}), diag("a", 5, "", {"x"})};
  auto edits = plan_fixes(ds);
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].rule, "a");
}

TEST(ApplyEdits, CopiesEveryOtherByteAsIs) {
  const std::string source = "\xEF\xBB\xBFIt is  fine.\r\nThe  end.\r\n\xFF tail";
  ASSERT_EQ(source.substr(6, 9), "is  fine.");
  ASSERT_EQ(source.substr(17, 8), "The  end");
  std::vector<Edit> edits = {{Span{6, 9}, "is fine.", "x"}, {Span{17, 8}, "The end", "y"}};
  EXPECT_EQ(apply_edits(source, edits), "\xEF\xBB\xBFIt is fine.\r\nThe end.\r\n\xFF tail");
  EXPECT_EQ(apply_edits(source, {}), source);
}

// --- unified diff --------------------------------------------------------------------------

TEST(UnifiedDiff, EqualTextsGiveNothing) { EXPECT_EQ(unified_diff("a.txt", "x\n", "x\n"), ""); }

TEST(UnifiedDiff, SeparateHunksWithThreeLinesOfContext) {
  std::string before = "one  x\nA\nB\nC\nD\nE\nF\nG\nnine  x\n";
  std::string after = "one x\nA\nB\nC\nD\nE\nF\nG\nnine x\n";
  EXPECT_EQ(unified_diff("d/s.txt", before, after),
            "--- a/d/s.txt\n+++ b/d/s.txt\n"
            "@@ -1,4 +1,4 @@\n-one  x\n+one x\n A\n B\n C\n"
            "@@ -6,4 +6,4 @@\n E\n F\n G\n-nine  x\n+nine x\n");
}

TEST(UnifiedDiff, NearbyChangesShareAHunk) {
  std::string before = "a1\nb\nc\nd\ne\nf\ng\na2\nz\n";
  std::string after = "A1\nb\nc\nd\ne\nf\ng\nA2\nz\n";
  EXPECT_EQ(unified_diff("s", before, after),
            "--- a/s\n+++ b/s\n@@ -1,9 +1,9 @@\n-a1\n+A1\n b\n c\n d\n e\n f\n g\n-a2\n+A2\n z\n");
}

TEST(UnifiedDiff, CrLfAndMissingFinalNewline) {
  std::string before = "x  y\r\nend";
  std::string after = "x y\r\nend";
  EXPECT_EQ(unified_diff("s", before, after),
            "--- a/s\n+++ b/s\n@@ -1,2 +1,2 @@\n-x  y\r\n+x y\r\n end\n\\ No newline at end of file\n");
}

TEST(UnifiedDiff, ChangedLineCountBecomesOneBlock) {
  EXPECT_EQ(unified_diff("s", "a\nb\n", "a\nb\nc\n"), "--- a/s\n+++ b/s\n@@ -1,2 +1,3 @@\n a\n b\n+c\n");
  EXPECT_EQ(unified_diff("s", "", "c\n"), "--- a/s\n+++ b/s\n@@ -0,0 +1,1 @@\n+c\n");
}

// --- atomic write --------------------------------------------------------------------------

TEST_F(TempDir, WriteAtomicallyReplacesContentAndKeepsMode) {
  fs::path p = dir_ / "story.txt";
  write(p, "old\r\n");
  ASSERT_EQ(::chmod(p.c_str(), 0640), 0);
  std::string error;
  ASSERT_TRUE(write_atomically(p.string(), "new\r\n", error)) << error;
  EXPECT_EQ(slurp(p), "new\r\n");
  struct stat st;
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  // No temporary file is left behind.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) files += e.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST_F(TempDir, WriteAtomicallyFollowsASymbolicLink) {
  fs::path target = dir_ / "real.txt", link = dir_ / "link.txt";
  write(target, "old");
  fs::create_symlink(target, link);
  std::string error;
  ASSERT_TRUE(write_atomically(link.string(), "new", error)) << error;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(slurp(target), "new");
}

TEST_F(TempDir, WriteAtomicallyFailsCleanly) {
  std::string error;
  EXPECT_FALSE(write_atomically((dir_ / "missing.txt").string(), "x", error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(fs::exists(dir_ / "missing.txt"));
}

// --- fingerprints --------------------------------------------------------------------------

TEST(Fingerprint, ContextIsTheSentenceWithWhitespaceCollapsed) {
  std::string s = "First one. The  U. S. said\tso! Last.\nNext line.";
  std::size_t at = s.find("U. S.");
  EXPECT_EQ(fingerprint_context(s, Span{at, 5}), "The U. S. said so!");
  EXPECT_EQ(fingerprint_context(s, Span{s.find("Next"), 4}), "Next line.");
}

TEST(Fingerprint, SurvivesEditsElsewhereAndCountsDuplicates) {
  std::string a = "Alpha beta.\nIt is  fine. It is  fine.\nIt is  fine.\n";
  std::string b = "A new first line.\n\nAlpha beta gamma.\nIt is  fine. It is  fine.\nIt is  fine.\n";
  auto mk = [](const std::string& s, std::size_t from) { return diag("r", s.find("is  fine", from), "is  fine", {}); };
  std::vector<Diagnostic> da = {mk(a, 0), mk(a, a.find("is  fine") + 1), mk(a, a.rfind("is  fine"))};
  std::vector<Diagnostic> db = {mk(b, 0), mk(b, b.find("is  fine") + 1), mk(b, b.rfind("is  fine"))};
  auto fa = fingerprints(a, da), fb = fingerprints(b, db);
  EXPECT_EQ(fa, fb);
  EXPECT_NE(fa[0], fa[1]);  // same rule, match and sentence: the counter tells them apart
  EXPECT_NE(fa[1], fa[2]);
  EXPECT_EQ(fa[0].size(), 16u);
  // Another rule, or another sentence, changes it.
  auto other = diag("q", da[0].span.offset, "is  fine", {});
  EXPECT_NE(fingerprints(a, {other})[0], fa[0]);
}

// --- suppressions --------------------------------------------------------------------------

std::unique_ptr<Document> doc(const std::string& path, const std::string& text) {
  return input::prepare(path, text, input::format_for_path(path)).doc;
}

// Finds every "  " in the document as a finding of `rule`.
std::vector<Diagnostic> doubles(const Document& d, const std::string& rule) {
  std::vector<Diagnostic> out;
  for (std::size_t p = d.source.find("  "); p != std::string::npos; p = d.source.find("  ", p + 2))
    out.push_back(diag(rule, p, "  ", {" "}));
  return out;
}

std::vector<std::size_t> lines_of(const Document& d, const std::vector<Diagnostic>& ds) {
  std::vector<std::size_t> lines;
  for (const auto& x : ds) lines.push_back(d.lines.position(x.span.offset).line);
  return lines;
}

bool known(const std::string& id) { return id == "dbl" || id == "other"; }

TEST(Suppress, MarkdownCommentForms) {
  auto d = doc("s.md",
               "a  1\n"
               "<!-- wirelint-disable-next-line dbl -->\n"
               "a  3\n"
               "a  4\n"
               "<!-- wirelint-disable other, dbl -->\n"
               "a  6\n"
               "<!--wirelint-enable dbl-->\n"
               "a  8\n"
               "<!-- wirelint-disable -->\n"
               "a  10\n"
               "<!-- wirelint-enable other -->\n"
               "a  12\n"
               "<!-- wirelint-enable -->\n"
               "a  14 <!-- not a directive -->\n");
  auto ds = doubles(*d, "dbl");
  apply_suppressions(*d, ds, known);
  EXPECT_EQ(lines_of(*d, ds), (std::vector<std::size_t>{1, 4, 8, 14}));
}

TEST(Suppress, PlainTextHashLines) {
  auto d = doc("s.txt",
               "a  1\n"
               "#wirelint-disable-next-line dbl\n"
               "a  3\n"
               "#wirelint-disable\r\n"
               "a  5\n"
               "  #wirelint-enable dbl\n"
               "a  7\n"
               "#wirelint-disabled dbl\n"               // another word: not a directive
               "a  9\n"
               "# wirelint-disable\n"                    // not at the '#': not a directive
               "a  11\n"
               "<!-- wirelint-disable-next-line -->\n"    // the comment form works in plain text too
               "a  13\n");
  auto ds = doubles(*d, "dbl");
  apply_suppressions(*d, ds, known);
  EXPECT_EQ(lines_of(*d, ds), (std::vector<std::size_t>{1, 7, 9, 11}));
}

// What a segment passes on to the next (a file read in segments) is what still decides a known
// rule, in order, however many directives the segment has: shadowed ones and unknown ids drop.
TEST(Suppress, WhatASegmentCarriesIsWhatStillDecides) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "#wirelint-disable dbl\n#wirelint-enable other, dbl\n#wirelint-disable other\n";
  text += "#wirelint-disable dbl, no-such-rule\na  601\n#wirelint-disable-next-line other\n";
  auto d = doc("s.txt", text);
  auto ds = doubles(*d, "dbl");
  std::vector<Directive> carry;
  apply_suppressions(*d, ds, known, &carry);
  ASSERT_EQ(carry.size(), 3u);
  EXPECT_EQ(carry[0].kind, Directive::Kind::disable);  // the last naming "other"
  EXPECT_EQ(carry[0].rules, (std::vector<std::string>{"other"}));
  EXPECT_EQ(carry[1].kind, Directive::Kind::disable);  // the last naming "dbl"; the unknown id drops
  EXPECT_EQ(carry[1].rules, (std::vector<std::string>{"dbl"}));
  EXPECT_EQ(carry[2].kind, Directive::Kind::disable_next_line);  // on the segment's last line
  EXPECT_EQ(carry[2].rules, (std::vector<std::string>{"other"}));
  // Carried into the next segment: "dbl" stays off, and the first line is off for "other" only.
  auto next = doc("s.txt", "a  1\na  2\n");
  auto more = doubles(*next, "dbl");
  apply_suppressions(*next, more, known, &carry);
  EXPECT_TRUE(more.empty());
  // An all-rules directive shadows every one before it.
  auto all = doc("s.txt", "#wirelint-disable dbl\n#wirelint-enable\na  3\n");
  auto found = doubles(*all, "dbl");
  std::vector<Directive> carried;
  apply_suppressions(*all, found, known, &carried);
  ASSERT_EQ(carried.size(), 1u);
  EXPECT_EQ(carried[0].kind, Directive::Kind::enable);
  EXPECT_TRUE(carried[0].rules.empty());
}

TEST(Suppress, HashLinesAreNotDirectivesInMarkdown) {
  auto d = doc("s.md", "#wirelint-disable\na  2\n");
  auto ds = doubles(*d, "dbl");
  apply_suppressions(*d, ds, known);
  EXPECT_EQ(ds.size(), 1u);
}

TEST(Suppress, UnknownRuleIdIsReportedAtTheId) {
  auto d = doc("s.txt", "#wirelint-disable dbl,dlb\na  2\n");
  std::vector<Diagnostic> ds = doubles(*d, "dbl");
  apply_suppressions(*d, ds, known);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule, kUnknownSuppressionId);
  EXPECT_EQ(ds[0].severity, Severity::warning);
  EXPECT_EQ(ds[0].match, "dlb");
  EXPECT_EQ(ds[0].span.offset, 22u);
}

TEST(Suppress, FindingsInsideADirectiveAreDropped) {
  auto d = doc("s.txt", "#wirelint-disable-next-line  dbl\nx\n");
  auto ds = doubles(*d, "dbl");
  ASSERT_EQ(ds.size(), 1u);
  apply_suppressions(*d, ds, known);
  EXPECT_TRUE(ds.empty());
}

TEST(Suppress, DirectiveToInsert) {
  EXPECT_EQ(suppression_directive(InputFormat::markdown, "typography-double-space"),
            "<!-- wirelint-disable-next-line typography-double-space -->");
  EXPECT_EQ(suppression_directive(InputFormat::plain, "typography-double-space"),
            "#wirelint-disable-next-line typography-double-space");
  // What it returns is understood by the parser.
  for (auto f : {InputFormat::markdown, InputFormat::plain}) {
    auto dirs = parse_directives(suppression_directive(f, "x-y") + "\n", f);
    ASSERT_EQ(dirs.size(), 1u);
    EXPECT_EQ(dirs[0].kind, Directive::Kind::disable_next_line);
    EXPECT_EQ(dirs[0].rules, std::vector<std::string>{"x-y"});
  }
}

// --- baseline ------------------------------------------------------------------------------

TEST_F(TempDir, BaselineRoundTrip) {
  Baseline b;
  b.add({"s.txt", "r", "0123456789abcdef", "m\xE2\x80\x99"});
  b.save((dir_ / "b.json").string());
  EXPECT_EQ(slurp(dir_ / "b.json"),
            "{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"path\": \"s.txt\",\n      \"rule\": \"r\",\n"
            "      \"fingerprint\": \"0123456789abcdef\",\n      \"match\": \"m\xE2\x80\x99\"\n    }\n  ]\n}\n");
  Baseline c = Baseline::load((dir_ / "b.json").string());
  EXPECT_TRUE(c.contains("s.txt", "r", "0123456789abcdef"));
  EXPECT_FALSE(c.contains("t.txt", "r", "0123456789abcdef"));
  ASSERT_EQ(c.entries().size(), 1u);
  EXPECT_EQ(c.entries()[0].match, "m\xE2\x80\x99");
}

TEST_F(TempDir, BadBaselineFilesAreConfigErrorsNamingTheFile) {
  auto error_of = [&](const std::string& text) -> std::string {
    fs::path p = dir_ / "b.json";
    write(p, text);
    try {
      Baseline::load(p.string());
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "";
  };
  std::string f = (dir_ / "b.json").string();
  EXPECT_EQ(error_of("{"), f + ": not a wirelint baseline: invalid JSON");
  EXPECT_EQ(error_of("[]"), f + ": not a wirelint baseline: expected an object with an integer \"version\"");
  EXPECT_EQ(error_of("{\"version\":2,\"findings\":[]}"), f + ": not a wirelint baseline: unsupported version 2 (expected 1)");
  EXPECT_EQ(error_of("{\"version\":1}"), f + ": not a wirelint baseline: expected a \"findings\" array");
  EXPECT_EQ(error_of("{\"version\":1,\"findings\":[{\"path\":\"a\",\"rule\":1}]}"),
            f + ": not a wirelint baseline: finding 1: expected a string \"rule\"");
  EXPECT_THROW(Baseline::load((dir_ / "none.json").string()), ConfigError);
}

}  // namespace
