// Golden fixtures, one folder per rule: tests/fixtures/<rule-id>/ holds
//   fire.txt or fire.md   text on which the rule must report exactly what `fire.expected` lists
//   fire.expected          one diagnostic a line: LINE:COL:END_LINE:END_COL|match|repl1|repl2…
//                          (a line break inside a match or replacement is written \n, CR \r)
//   clean.txt or clean.md text on which the rule must report nothing
//   date (optional)        the story date (YYYY-MM-DD) to judge both texts at
//   fire.fixed             for a fixable rule: fire.txt after --fix with only this rule (every
//                          unambiguous fix applied until none is left), read by an editor as
//                          correct text; WIRELINT_UPDATE_FIXED=1 writes it from the current rule
// Only the rule under test is enabled, so any other diagnostic is a failure too. Positions are
// 1-based, columns in code points, end exclusive — the JSON contract. Every diagnostic is also
// checked against the file itself: the text between its start and end is exactly its match.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/line_index.h"
#include "input/reader.h"
#include "lint/engine.h"
#include "lint/fix.h"
#include "lint/verify.h"

namespace fs = std::filesystem;
using namespace wirelint;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const lint::Engine& engine() {
  static lint::Engine e(WIRELINT_SOURCE_DIR);
  return e;
}

fs::path find_text(const fs::path& dir, const std::string& stem) {
  for (const char* ext : {".txt", ".md"})
    if (fs::exists(dir / (stem + ext))) return dir / (stem + ext);
  return {};
}

// Byte offset of 1-based (line, column in code points), computed independently of LineIndex.
std::size_t offset_of(const std::string& s, std::size_t line, std::size_t column) {
  std::size_t i = 0, l = 1;
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) i = 3;
  while (l < line && i < s.size()) {
    if (s[i] == '\n' || s[i] == '\r') {
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      ++l;
    }
    ++i;
  }
  for (std::size_t c = 1; c < column && i < s.size(); ++c) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

std::vector<std::string> run(const std::string& rule, const fs::path& file, const std::optional<Date>& date) {
  int index = engine().rules().index_of(rule);
  auto sel = lint::RuleSelection::only(engine().rules(), index);
  std::string bytes = read(file);
  auto prepared = input::prepare(file.filename().string(), bytes, input::format_for_path(file.string()));
  auto found = engine().linter().lint(*prepared.doc, sel, date.value_or(Date{2024, 6, 1}));
  std::vector<std::string> lines;
  for (const auto& d : found) {
    auto b = prepared.doc->lines.position(d.span.offset);
    auto e = prepared.doc->lines.position(d.span.end());
    std::string line = std::to_string(b.line) + ":" + std::to_string(b.column) + ":" +
                       std::to_string(e.line) + ":" + std::to_string(e.column) + "|" + escaped(d.match);
    for (const auto& r : d.replacements) line += "|" + escaped(r);
    if (d.rule != rule) line = "UNEXPECTED RULE " + d.rule + " " + line;
    lines.push_back(line);
    // The position contract: the text at the reported line/columns is exactly the match.
    std::size_t ob = offset_of(bytes, b.line, b.column), oe = offset_of(bytes, e.line, e.column);
    EXPECT_EQ(bytes.substr(ob, oe - ob), d.match) << file << " " << line;
    EXPECT_EQ(ob, d.span.offset) << file << " " << line;
  }
  return lines;
}

std::vector<std::string> expected_lines(const fs::path& p) {
  std::vector<std::string> out;
  std::istringstream in(read(p));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

class RuleFixture : public testing::TestWithParam<std::string> {};

TEST_P(RuleFixture, FiresExactlyAndStaysClean) {
  const std::string rule = GetParam();
  fs::path dir = fs::path(WIRELINT_TEST_DIR) / "fixtures" / rule;
  ASSERT_GE(engine().rules().index_of(rule), 0) << "fixture for unknown rule " << rule;
  std::optional<Date> date;
  if (fs::exists(dir / "date")) {
    std::string d = read(dir / "date");
    while (!d.empty() && (d.back() == '\n' || d.back() == '\r')) d.pop_back();
    date = Date::parse(d);
    ASSERT_TRUE(date) << "bad date file in " << dir;
  }
  fs::path fire = find_text(dir, "fire"), clean = find_text(dir, "clean");
  ASSERT_FALSE(fire.empty()) << "missing fire.txt/fire.md in " << dir;
  ASSERT_FALSE(clean.empty()) << "missing clean.txt/clean.md in " << dir;
  auto expected = expected_lines(dir / "fire.expected");
  ASSERT_FALSE(expected.empty()) << "fire.expected lists nothing in " << dir;
  EXPECT_EQ(run(rule, fire, date), expected);
  EXPECT_EQ(run(rule, clean, date), std::vector<std::string>{});
}

// The text --fix makes of `file` with only `rule` on: fixes applied and the text linted again
// until nothing changes, as a session does.
std::string fixed_text(const std::string& rule, const fs::path& file, const std::optional<Date>& date) {
  auto sel = lint::RuleSelection::only(engine().rules(), engine().rules().index_of(rule));
  std::string bytes = read(file);
  for (int round = 0; round < 8; ++round) {
    auto prepared = input::prepare(file.filename().string(), bytes, input::format_for_path(file.string()));
    auto found = engine().linter().lint(*prepared.doc, sel, date.value_or(Date{2024, 6, 1}));
    auto edits = lint::plan_fixes(found);
    if (edits.empty()) break;
    bytes = lint::apply_edits(bytes, edits);
  }
  return bytes;
}

// Every fixable rule's fixes make correct text: fire.fixed is that text, read by an editor.
TEST_P(RuleFixture, FixesYieldTheCorrectedText) {
  const std::string rule = GetParam();
  const auto* r = engine().rules().find(rule);
  ASSERT_NE(r, nullptr);
  if (!r->info().fixable) GTEST_SKIP() << rule << " offers no automatic fix";
  fs::path dir = fs::path(WIRELINT_TEST_DIR) / "fixtures" / rule;
  std::optional<Date> date;
  if (fs::exists(dir / "date")) {
    std::string d = read(dir / "date");
    while (!d.empty() && (d.back() == '\n' || d.back() == '\r')) d.pop_back();
    date = Date::parse(d);
  }
  fs::path fire = find_text(dir, "fire");
  std::string got = fixed_text(rule, fire, date);
  if (std::getenv("WIRELINT_UPDATE_FIXED")) std::ofstream(dir / "fire.fixed", std::ios::binary) << got;
  ASSERT_TRUE(fs::exists(dir / "fire.fixed")) << "a fixable rule needs fire.fixed in " << dir;
  EXPECT_EQ(got, read(dir / "fire.fixed")) << rule;
  EXPECT_NE(got, read(fire)) << rule << ": no fix changed fire.txt";
  // Fixing the clean text changes nothing.
  fs::path clean = find_text(dir, "clean");
  EXPECT_EQ(fixed_text(rule, clean, date), read(clean)) << rule;
}

std::vector<std::string> fixture_rules() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(WIRELINT_TEST_DIR) / "fixtures"))
    if (e.is_directory()) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, testing::ValuesIn(fixture_rules()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (auto& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

// A state's own body in a story dated before the state existed (countries.tsv valid_from).
// The fixture folder judges one date; this judges the same text at two.
TEST(HistoricalName, StateBodiesBeforeTheStateExisted) {
  fs::path file = fs::path(testing::TempDir()) / "state_bodies.txt";
  {
    std::ofstream f(file, std::ios::binary);
    f << "The Croatian Army and the Bank of Slovenia said so. Croatian nationalists protested.\n"
         "The Lithuanian National Bank sold bonds, and the Kenyan Army and Russian Army moved.\n"
         "The National Bank of Ukraine governor met the Ministry of Foreign Affairs.\n";
  }
  // A known body of one state is dated by its state when its name holds the state's
  // ("National Bank of Ukraine", one mention); a generic name ("Ministry of Foreign Affairs",
  // Ukraine's too) is not.
  EXPECT_EQ(run("entity-historical-name", file, Date{1987, 3, 2}),
            (std::vector<std::string>{"1:5:1:18|Croatian Army", "1:27:1:43|Bank of Slovenia",
                                      "2:5:2:29|Lithuanian National Bank", "3:5:3:29|National Bank of Ukraine"}));
  EXPECT_EQ(run("entity-historical-name", file, Date{1995, 3, 2}), std::vector<std::string>{});
  fs::remove(file);
}

TEST(RuleFixtures, EveryRuleHasAFixture) {
  for (const auto& r : engine().rules().rules())
    EXPECT_TRUE(fs::is_directory(fs::path(WIRELINT_TEST_DIR) / "fixtures" / r->info().id))
        << "no fixture folder for " << r->info().id;
}

}  // namespace

namespace {

TEST(RuleExamples, EveryRuleFiresOnItsFireExamplesAndNotOnItsCleanOnes) {
  auto failures = lint::verify_all_examples(engine());
  std::string all;
  for (const auto& f : failures) all += f + "\n";
  EXPECT_TRUE(failures.empty()) << all;
}

}  // namespace
