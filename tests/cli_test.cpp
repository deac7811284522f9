// End-to-end tests of the wirelint executable: each test writes its inputs into a fresh
// temporary folder, runs the built binary as a child process (posix_spawn, standard streams
// redirected to files so that no pipe can fill up and deadlock), and checks the exit code,
// standard output and standard error exactly.
//
// Every temporary folder gets an empty `.wirelint.toml` at its top so that the walk up from an
// input never reaches a configuration file that happens to sit in /tmp or above it.
//
// Rule-specific assertions use `--only spelling-unknown-word`, the one rule that is sure to
// exist; typography assertions run only when `wirelint rules` lists typography rules. Message
// wording belongs to the rule files, so exact-output tests take the message from a JSON run of
// the same input instead of repeating it here.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "support/process.h"

namespace fs = std::filesystem;
namespace support = wirelint::testing_support;
using nlohmann::json;
using support::read_file;
using support::split_lines;

namespace {

constexpr const char* kBinary = WIRELINT_BINARY;
constexpr const char* kSourceDir = WIRELINT_SOURCE_DIR;
constexpr const char* kSpelling = "spelling-unknown-word";

// One misspelling, at byte 26 (column 27), 11 bytes long; and the same sentence spelled right.
const std::string kMisspelled = "Shippers are experiencing dificulties in obtaining certificates.\n";
const std::string kClean = "Shippers are experiencing difficulties in obtaining certificates.\n";

void write_file(const fs::path& p, const std::string& bytes) {
  ASSERT_TRUE(support::write_file(p, bytes)) << "cannot write " << p;
}

using Result = support::ProcessResult;

class CliTest : public support::SandboxTest {
 protected:
  void SetUp() override {
    ASSERT_NE(std::string(kBinary), "") << "the wirelint target was not built";
    ASSERT_NO_FATAL_FAILURE(make_sandbox("wirelint-cli"));
    write_file(work_ / ".wirelint.toml", "");
  }

  // A file under the work folder, `rel` relative to it.
  void write(const std::string& rel, const std::string& bytes) { write_file(work_ / rel, bytes); }

  // Runs wirelint with `args` in the work folder; standard input is `input`, or /dev/null.
  Result run(const std::vector<std::string>& args, const std::optional<std::string>& input = std::nullopt) {
    // The tests exercise the built-in data folder and plain (uncoloured) output.
    return support::run_process(kBinary, args, work_, io_, input, {"WIRELINT_DATA_DIR=", "NO_COLOR="});
  }

  // Runs with `--format json` appended and parses standard output.
  json run_json(std::vector<std::string> args, int expected_code,
                const std::optional<std::string>& input = std::nullopt) {
    args.push_back("--format");
    args.push_back("json");
    Result r = run(args, input);
    EXPECT_EQ(r.code, expected_code) << r.err;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << r.out;
    return j;
  }

  // The message the spelling rule gives for `kMisspelled` (wording belongs to the rule file).
  std::string spelling_message() {
    write("probe/probe.txt", kMisspelled);
    json j = run_json({"probe/probe.txt", "--only", kSpelling}, 1);
    const auto& d = j.at("files").at(0).at("diagnostics").at(0);
    std::string message = d.at("message");
    EXPECT_EQ(message.rfind("Unknown word 'dificulties'", 0), 0u) << message;
    return message;
  }

  // Paths of the files in a JSON report, in order.
  static std::vector<std::string> paths_of(const json& report) {
    std::vector<std::string> paths;
    for (const auto& f : report.at("files")) paths.push_back(f.at("path"));
    return paths;
  }

  std::vector<std::string> rule_ids() {
    Result r = run({"rules"});
    EXPECT_EQ(r.code, 0) << r.err;
    std::vector<std::string> ids;
    for (const auto& line : split_lines(r.out)) ids.push_back(line.substr(0, line.find(' ')));
    return ids;
  }

};

std::string project_version() {
  std::string cmake = read_file(fs::path(kSourceDir) / "CMakeLists.txt");
  std::smatch m;
  if (!std::regex_search(cmake, m, std::regex(R"(project\(wirelint\s+VERSION\s+([0-9.]+))"))) return "?";
  return m[1];
}

// --- options and usage errors ------------------------------------------------------------

// Office holders from the dictionary at a past date: a run of capitals cut at "and" is the
// tail of the person's title ("Trade and Industry Minister"), not a spun title; another title
// with the same head is.
TEST_F(CliTest, SpunTitleKnowsTheTailOfATitleBrokenAtAnd) {
  write("tamura.txt",
        "Trade and Industry Minister Hajime Tamura spoke. Nakasone told Trade and\n"
        "Industry Minister Hajime Tamura to act. Commerce Minister Hajime Tamura said.\n");
  Result r = run({"tamura.txt", "--only", "entity-spun-title", "--date", "1987-03-03", "--format", "line"});
  EXPECT_EQ(r.code, 1) << r.err;
  auto lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_EQ(lines[0].rfind("tamura.txt:2:41: warning: ", 0), 0u) << r.out;
  EXPECT_NE(lines[0].find("'Trade Minister'"), std::string::npos) << r.out;
}

TEST_F(CliTest, VersionPrintsProjectVersion) {
  Result r = run({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "wirelint " + project_version() + "\n");
  EXPECT_EQ(r.err, "");
}

// `wirelint serve` runs wirelint-serve with the same arguments: the server checks them (an
// unknown house style) after loading, in the binary that has the server linked in.
TEST_F(CliTest, ServeRunsTheServerBinaryWithTheSameArguments) {
  Result r = run({"serve", "--port", "0", "--style", "no-such-style"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "wirelint: unknown house style 'no-such-style' (see 'wirelint styles')\n");
}

TEST_F(CliTest, HelpListsEveryOptionAndSubcommand) {
  Result r = run({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("wirelint: a linter for news wire copy\n", 0), 0u) << r.out;
  for (const char* option : {"--format", "--stdin-filename", "--date", "--config", "--no-config", "--enable",
                             "--disable", "--only", "--fail-level", "--quiet", "--color", "--data-dir", "--version", "--max-bytes"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  for (const char* format : {"text", "line", "json"}) EXPECT_NE(r.out.find(format), std::string::npos) << format;
  EXPECT_NE(r.out.find("\n  rules "), std::string::npos);
  EXPECT_NE(r.out.find("\n  explain "), std::string::npos);
}

// --jobs: files linted on threads are reported exactly as one thread reports them — the same
// bytes in every format, the same notices and errors on standard error, the same exit code.
TEST_F(CliTest, JobsReportLikeOneThread) {
  for (int i = 0; i < 40; ++i) {
    std::string name = "desk/" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".txt";
    std::string text;
    for (int k = 0; k < (i * 13) % 17; ++k) text += "Officials met on Tuesday and talks went on. ";
    write(name, text + (i % 3 ? kMisspelled : kClean));
  }
  write("desk/binary.txt", std::string("abc\0def", 7));
  write("desk/broken.nitf", "<nitf><body><p>An open paragraph</body></nitf>");
  write("desk/sub/.wirelint.toml", "ignore = [\"skip.txt\"]\n");
  write("desk/sub/skip.txt", kMisspelled);
  write("desk/sub/kept.txt", kMisspelled);
  write("other.txt", kMisspelled);
  for (const char* format : {"text", "json", "sarif", "line", "html", "rdjsonl", "github"}) {
    std::vector<std::string> args = {"desk", "missing.txt", "other.txt", "--only", kSpelling, "--format", format};
    Result one = run(args);
    args.push_back("-j");
    args.push_back("4");
    Result four = run(args);
    EXPECT_EQ(one.code, 2) << format;  // a missing file and a broken NITF file are input errors
    EXPECT_EQ(four.code, one.code) << format;
    EXPECT_EQ(four.out, one.out) << format;
    EXPECT_EQ(four.err, one.err) << format;
  }
  Result one = run({"desk", "--only", kSpelling, "--format", "line"});
  EXPECT_EQ(split_lines(one.out).size(), 27u) << one.out;  // 26 misspelled stories and sub/kept.txt
  EXPECT_NE(one.err.find("binary.txt: skipped: binary file"), std::string::npos) << one.err;
  EXPECT_NE(one.err.find("broken.nitf:1:"), std::string::npos) << one.err;
}

TEST_F(CliTest, JobsStopAtABrokenConfigurationAsOneThreadDoes) {
  for (int i = 0; i < 12; ++i) write("desk/a" + std::to_string(i + 10) + ".txt", kMisspelled);
  write("desk/b/.wirelint.toml", "enable = [\"no-such-rule\"]\n");
  write("desk/b/story.txt", kMisspelled);
  for (int i = 0; i < 12; ++i) write("desk/c" + std::to_string(i + 10) + ".txt", kMisspelled);
  Result one = run({"desk", "--only", kSpelling, "--format", "line"});
  Result four = run({"desk", "--only", kSpelling, "--format", "line", "-j", "4"});
  EXPECT_EQ(one.code, 2);
  EXPECT_EQ(four.code, 2);
  EXPECT_EQ(four.out, one.out);
  EXPECT_EQ(four.err, one.err);
  EXPECT_NE(one.err.find("no-such-rule"), std::string::npos) << one.err;
}

// A file read in segments (--segment-bytes 4096, the least): every report gives a finding's place
// in the file, not in its segment, as when the file is read whole. The misspelling comes after
// 2,039 paragraphs (8,156 bytes, 4,078 line breaks) and "Zo\u00ebl said the " (15 bytes, 14 code
// points); in the second file after 1,000 "he said " on the same line, so its segment begins
// inside the line.
TEST_F(CliTest, SegmentsReportPlacesInTheFile) {
  std::string paragraphs;
  for (int i = 0; i < 2039; ++i) paragraphs += i % 2 ? "ab\n\n" : "\xC3\xA9\n\n";
  paragraphs += "Zo\xC3\xABl said the goverment ended.\n";
  for (int i = 0; i < 30; ++i) paragraphs += "ab\n\n";
  write("paragraphs.txt", paragraphs);
  std::string line;
  for (int i = 0; i < 1000; ++i) line += "he said ";
  line += "Zo\xC3\xABl said the goverment ended.\n";
  write("line.txt", line);
  struct Case {
    const char* file;
    std::size_t offset, line, column;
  };
  for (const Case& c : {Case{"paragraphs.txt", 8171, 4079, 15}, Case{"line.txt", 8015, 1, 8015}})
    for (const char* segment : {"4096", "1000000"}) {
      std::vector<std::string> args{c.file, "--only", kSpelling, "--segment-bytes", segment};
      json j = run_json(args, 1);
      const auto& d = j.at("files").at(0).at("diagnostics").at(0);
      EXPECT_EQ(d.at("offset"), c.offset) << c.file << " " << segment;
      EXPECT_EQ(d.at("line"), c.line) << c.file << " " << segment;
      EXPECT_EQ(d.at("column"), c.column) << c.file << " " << segment;
      EXPECT_EQ(d.at("match"), "goverment");
      args.insert(args.end(), {"--format", "sarif"});
      Result r = run(args);
      json sarif = json::parse(r.out, nullptr, false);
      ASSERT_FALSE(sarif.is_discarded()) << r.out;
      const auto& region = sarif.at("runs").at(0).at("results").at(0).at("locations").at(0).at("physicalLocation").at("region");
      EXPECT_EQ(region.at("byteOffset"), c.offset);
      EXPECT_EQ(region.at("startColumn"), c.column);
      args.back() = "rdjsonl";
      r = run(args);
      json rd = json::parse(r.out.substr(0, r.out.find('\n')), nullptr, false);
      ASSERT_FALSE(rd.is_discarded()) << r.out;
      // Bytes: "\u00eb" is one more than its one code point.
      EXPECT_EQ(rd.at("location").at("range").at("start").at("column"), c.column + 1);
    }
  Result r = run({"line.txt", "--segment-bytes", "4095"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--segment-bytes"), std::string::npos) << r.err;
}

TEST_F(CliTest, InputBeyondTheLimitIsAnErrorAndReadNoFurther) {
  // An endless device is read up to the limit, not until memory runs out.
  Result r = run({"/dev/zero", "--max-bytes", "1000000"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("wirelint: /dev/zero: larger than 1000000 bytes (--max-bytes); not checked"), std::string::npos)
      << r.err;
  // Standard input too; a story within the limit is linted as ever.
  r = run({"-", "--max-bytes", "10", "--format", "line"}, std::string("Officials in the U. S. said so.\n"));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("<stdin>: larger than 10 bytes"), std::string::npos) << r.err;
  r = run({"-", "--max-bytes", "100", "--format", "line", "--only", "typography-spaced-abbreviation"},
          std::string("Officials in the U. S. said so.\n"));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("<stdin>:1:18:", 0), 0u) << r.out;
}

TEST_F(CliTest, UnknownOptionIsUsageError) {
  Result r = run({"--bogus"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--bogus"), std::string::npos) << r.err;
}

TEST_F(CliTest, UnknownFormatIsUsageError) {
  write("story.txt", kClean);
  Result r = run({"story.txt", "--format", "xml"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--format"), std::string::npos) << r.err;
}

TEST_F(CliTest, ConfigAndNoConfigExcludeEachOther) {
  write("story.txt", kClean);
  Result r = run({"story.txt", "--config", "x.toml", "--no-config"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--no-config"), std::string::npos) << r.err;
}

TEST_F(CliTest, NoPathsIsUsageError) {
  Result r = run({});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  ASSERT_EQ(split_lines(r.err).size(), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("wirelint: no input", 0), 0u) << r.err;
}

TEST_F(CliTest, MissingFileIsInputErrorNamingTheFile) {
  Result r = run({"missing.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: missing.txt: no such file or directory\n");
  EXPECT_EQ(r.out, "No files checked.\n");
}

TEST_F(CliTest, MissingFileStillLintsTheOthersAndExitsTwo) {
  write("story.txt", kMisspelled);
  Result r = run({"missing.txt", "story.txt", "--only", kSpelling, "--format", "line"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: missing.txt: no such file or directory\n");
  ASSERT_EQ(split_lines(r.out).size(), 1u) << r.out;
  EXPECT_EQ(r.out.rfind("story.txt:1:27: warning: ", 0), 0u) << r.out;
}

TEST_F(CliTest, BadDataDirIsError) {
  write("story.txt", kClean);
  Result r = run({"story.txt", "--data-dir", (base_ / "nowhere").string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "wirelint: " + (base_ / "nowhere").string() +
                       ": not a wirelint data folder (rules/ and dictionaries/ missing)\n");
}

TEST_F(CliTest, ExplicitDataDirIsTheSourceTree) {
  write("story.txt", kMisspelled);
  Result r = run({"story.txt", "--data-dir", kSourceDir, "--only", kSpelling, "--format", "line"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("story.txt:1:27: warning: ", 0), 0u) << r.out;
}

TEST_F(CliTest, BadDateIsUsageError) {
  write("story.txt", kClean);
  Result r = run({"story.txt", "--date", "bad"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "wirelint: --date: expected YYYY-MM-DD, got 'bad'\n");

  r = run({"story.txt", "--date", "2024-02-30"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: --date: expected YYYY-MM-DD, got '2024-02-30'\n");

  r = run({"story.txt", "--date", "2024-05-02", "--format", "line"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, UnknownRuleOnCommandLineIsError) {
  write("story.txt", kClean);
  for (const char* option : {"--enable", "--disable", "--only"}) {
    Result r = run({"story.txt", option, "nope"});
    EXPECT_EQ(r.code, 2) << option;
    EXPECT_EQ(r.out, "") << option;
    EXPECT_EQ(r.err, std::string("wirelint: ") + option + ": unknown rule 'nope'\n");
  }
}

// --- exit codes and findings -------------------------------------------------------------

TEST_F(CliTest, CleanTextExitsZeroAndJsonListsTheFile) {
  write("clean.txt", kClean);
  json j = run_json({"clean.txt"}, 0);
  EXPECT_EQ(j, json::parse(R"({"version":1,"files":[{"path":"clean.txt","diagnostics":[]}]})"));
}

TEST_F(CliTest, MisspellingExitsOne) {
  write("story.txt", kMisspelled);
  Result r = run({"story.txt", "--only", kSpelling, "--format", "line"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "story.txt:1:27: warning: " + spelling_message() + " [spelling-unknown-word]\n");
}

TEST_F(CliTest, FailLevelDecidesTheExitCode) {
  write("story.txt", kMisspelled);
  const std::string expected = "story.txt:1:27: warning: " + spelling_message() + " [spelling-unknown-word]\n";
  Result r = run({"story.txt", "--only", kSpelling, "--format", "line", "--fail-level", "error"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, expected);  // still reported, just not failing
  r = run({"story.txt", "--only", kSpelling, "--format", "line", "--fail-level", "warning"});
  EXPECT_EQ(r.code, 1);
  r = run({"story.txt", "--only", kSpelling, "--format", "line", "--fail-level", "suggestion"});
  EXPECT_EQ(r.code, 1);
  r = run({"story.txt", "--fail-level", "fatal"});
  EXPECT_EQ(r.code, 2);
}

// A story typed without the capitals of its names gets one finding for them, not one a name; its
// unknown words are names too, but a slip of a frequent word is still reported.
TEST_F(CliTest, StoryWithNamesInLowerCaseGetsOneFinding) {
  write("story.txt",
        "Finance minister manuel azpurua said venezuela and jamaica would ask reuters\n"
        "for a better exhange rate, azpurua said.\n");
  Result r = run({"story.txt", "--only", kSpelling, "--format", "line", "--date", "1987-03-01"});
  EXPECT_EQ(r.out,
            "story.txt:1:18: warning: Names in lower case: 'manuel' is 'Manuel', and 3 more names in this story "
            "lack their capitals. [spelling-unknown-word]\n"
            "story.txt:2:14: warning: Unknown word 'exhange'. [spelling-unknown-word]\n");
  // Two names in lower case are two slips, each reported.
  write("story.txt", "The minister said venezuela and jamaica agreed.\n");
  r = run({"story.txt", "--only", kSpelling, "--format", "line", "--date", "1987-03-01"});
  EXPECT_EQ(r.out,
            "story.txt:1:19: warning: Unknown word 'venezuela'. [spelling-unknown-word]\n"
            "story.txt:1:33: warning: Unknown word 'jamaica'. [spelling-unknown-word]\n");
}

TEST_F(CliTest, DisableOnCommandLineRemovesFinding) {
  write("story.txt", kMisspelled);
  json j = run_json({"story.txt", "--disable", kSpelling}, 0);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics"), json::array());
  // Several ids in one comma-separated list.
  j = run_json({"story.txt", "--disable", std::string(kSpelling) + "," + kSpelling}, 0);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics"), json::array());
}

TEST_F(CliTest, SpacedAbbreviationFiresWhenTypographyRulesExist) {
  std::vector<std::string> typography;
  for (const auto& id : rule_ids())
    if (id.rfind("typography-", 0) == 0) typography.push_back(id);
  if (typography.empty()) GTEST_SKIP() << "no typography-* rules in this build yet";
  std::string only;
  for (const auto& id : typography) only += (only.empty() ? "" : ",") + id;

  write("spaced.txt", "The U. S. army moved north.\n");
  write("tight.txt", "The U.S. army moved north.\n");
  json j = run_json({"spaced.txt", "--only", only}, 1);
  bool found = false;
  for (const auto& d : j.at("files").at(0).at("diagnostics")) {
    std::size_t begin = d.at("offset"), end = begin + d.at("length").get<std::size_t>();
    // "U. S." is bytes [4, 9): the finding must lie inside it.
    if (begin >= 4 && end <= 9 && end > begin) found = true;
  }
  EXPECT_TRUE(found) << j.dump(2);
  j = run_json({"tight.txt", "--only", only}, 0);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics"), json::array()) << j.dump(2);
  // With every default rule too, the spaced form fails the run.
  Result r = run({"spaced.txt"});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
}

// --- output formats ------------------------------------------------------------------------

TEST_F(CliTest, TextFormatWithoutColour) {
  write("story.txt", kMisspelled);
  Result r = run({"story.txt", "--only", kSpelling, "--color", "never"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "story.txt:1:27: warning: " + spelling_message() + " [spelling-unknown-word]\n" +
                       "   1 | Shippers are experiencing dificulties in obtaining certificates.\n" +
                       "     | " + std::string(26, ' ') + "^" + std::string(10, '~') + "\n" +
                       "\n" +
                       "1 warning in 1 file\n");
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(CliTest, TextFormatSummaryCountsCleanFiles) {
  write("a.txt", kMisspelled);
  write("b.txt", kClean);
  Result r = run({"a.txt", "b.txt", "--only", kSpelling, "--color", "never"});
  EXPECT_EQ(r.code, 1);
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 5u) << r.out;
  EXPECT_EQ(lines[0], "a.txt:1:27: warning: " + spelling_message() + " [spelling-unknown-word]");
  EXPECT_EQ(lines[3], "");
  EXPECT_EQ(lines[4], "1 warning in 2 files (1 file clean)");

  r = run({"b.txt", "--color", "never"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "No problems found in 1 file.\n");
}

TEST_F(CliTest, TextFormatQuietLeavesOutTheSummary) {
  write("story.txt", kMisspelled);
  Result r = run({"story.txt", "--only", kSpelling, "--color", "never", "--quiet"});
  EXPECT_EQ(r.code, 1);
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0], "story.txt:1:27: warning: " + spelling_message() + " [spelling-unknown-word]");
}

TEST_F(CliTest, TextFormatWithColour) {
  write("story.txt", kMisspelled);
  Result r = run({"story.txt", "--only", kSpelling, "--color", "always"});
  EXPECT_EQ(r.code, 1);
  const std::string header = "\x1b[1mstory.txt:1:27:\x1b[0m \x1b[1;33mwarning:\x1b[0m \x1b[1m" +
                             spelling_message() + " [spelling-unknown-word]\x1b[0m\n";
  EXPECT_EQ(r.out.rfind(header, 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\x1b[1m1 warning in 1 file\x1b[0m\n"), std::string::npos) << r.out;
}

TEST_F(CliTest, TextFormatAutoColourIsOffWhenNotATerminal) {
  write("story.txt", kMisspelled);
  Result r = run({"story.txt", "--only", kSpelling});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
}

TEST_F(CliTest, LineFormat) {
  write("story.txt", "Clean first line.\n" + kMisspelled);
  Result r = run({"story.txt", "--only", kSpelling, "--format", "line"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "story.txt:2:27: warning: " + spelling_message() + " [spelling-unknown-word]\n");
}

TEST_F(CliTest, JsonFormatFields) {
  // "é" is two bytes and one column: byte offsets and code-point columns part ways.
  write("story.txt", "Caf\xC3\xA9 owners had dificulties.\n");
  json j = run_json({"story.txt", "--only", kSpelling}, 1);
  ASSERT_EQ(j.at("version"), 1);
  ASSERT_EQ(j.at("files").size(), 1u);
  EXPECT_EQ(j["files"][0].at("path"), "story.txt");
  const json& diagnostics = j["files"][0].at("diagnostics");
  ASSERT_EQ(diagnostics.size(), 1u);
  const json& d = diagnostics[0];
  EXPECT_EQ(d.at("rule"), kSpelling);
  EXPECT_EQ(d.at("severity"), "warning");
  EXPECT_EQ(d.at("message"), spelling_message());
  EXPECT_EQ(d.at("line"), 1);
  EXPECT_EQ(d.at("column"), 17);
  EXPECT_EQ(d.at("end_line"), 1);
  EXPECT_EQ(d.at("end_column"), 28);
  EXPECT_EQ(d.at("offset"), 17);
  EXPECT_EQ(d.at("length"), 11);
  EXPECT_EQ(d.at("match"), "dificulties");
  ASSERT_TRUE(d.at("replacements").is_array());
  ASSERT_FALSE(d["replacements"].empty());
  EXPECT_EQ(d["replacements"][0], "difficulties");
  // Keys in the order of the contract.
  std::vector<std::string> keys;
  for (auto it = d.begin(); it != d.end(); ++it) keys.push_back(it.key());
  std::vector<std::string> sorted{"column", "end_column", "end_line", "length",      "line",
                                  "match",  "message",    "offset",   "replacements", "rule",
                                  "severity"};
  EXPECT_EQ(keys, sorted);  // nlohmann::json sorts keys on parse: same set, nothing extra
}

TEST_F(CliTest, JsonOutputKeepsContractKeyOrder) {
  write("story.txt", kMisspelled);
  Result r = run({"story.txt", "--only", kSpelling, "--format", "json"});
  EXPECT_EQ(r.code, 1);
  std::vector<std::size_t> at;
  for (const char* key : {"\"rule\"", "\"severity\"", "\"message\"", "\"line\"", "\"column\"", "\"end_line\"",
                          "\"end_column\"", "\"offset\"", "\"length\"", "\"match\"", "\"replacements\""})
    at.push_back(r.out.find(key));
  for (std::size_t i = 0; i < at.size(); ++i) ASSERT_NE(at[i], std::string::npos) << i;
  for (std::size_t i = 1; i < at.size(); ++i) EXPECT_LT(at[i - 1], at[i]) << i;
  EXPECT_EQ(r.out.back(), '\n');
}

// --- inputs ----------------------------------------------------------------------------------

TEST_F(CliTest, StandardInputDefaultName) {
  Result r = run({"-", "--only", kSpelling, "--format", "line"}, kMisspelled);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, "<stdin>:1:27: warning: " + spelling_message() + " [spelling-unknown-word]\n");
}

TEST_F(CliTest, StandardInputWithStdinFilename) {
  Result r = run({"-", "--stdin-filename", "desk/story.txt", "--only", kSpelling, "--format", "line"}, kMisspelled);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, "desk/story.txt:1:27: warning: " + spelling_message() + " [spelling-unknown-word]\n");
}

TEST_F(CliTest, StdinFilenamePicksTheFormat) {
  const std::string markdown = "Run `dificulties` now.\n";  // inline code is not prose
  Result r = run({"-", "--stdin-filename", "story.md", "--only", kSpelling, "--format", "line"}, markdown);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  r = run({"-", "--stdin-filename", "story.txt", "--only", kSpelling, "--format", "line"}, markdown);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out.rfind("story.txt:1:6: warning: ", 0), 0u) << r.out;
}

TEST_F(CliTest, StdinFilenameFindsConfiguration) {
  write("desk/.wirelint.toml", "disable = [\"spelling-unknown-word\"]\n");
  Result r = run({"-", "--stdin-filename", "desk/story.txt", "--format", "line"}, kMisspelled);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

// The collocation model's least score and its reference table come from the configuration.
TEST_F(CliTest, ConfigurationSetsTheCollocationThresholdAndAHouseTable) {
  const std::string spun = "The company cut its posted toll for crude by one dlr, traders said.\n";
  const std::vector<std::string> args = {"-", "--stdin-filename", "desk/story.txt", "--only", "spun-collocation-model",
                                         "--format", "line"};
  write("desk/.wirelint.toml", "");
  Result r = run(args, spun);
  EXPECT_EQ(r.code, 0) << r.out << r.err;  // below the shipped least score
  write("desk/.wirelint.toml", "[thresholds]\n\"spun-collocation-model\" = 10\n");
  r = run(args, spun);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("desk/story.txt:1:21: warning: 'posted toll' is unseen in news while 'posted price' is frequent"),
            std::string::npos)
      << r.out;
  // A house table in which the desk's wording is frequent: seen wording is never a swap.
  write("desk/house.tsv", "posted\ttoll\th\t5\nposted\tprice\th\t5\n");
  write("desk/.wirelint.toml", "[thresholds]\n\"spun-collocation-model\" = 10\n[ngrams]\ntable = \"house.tsv\"\n");
  r = run(args, spun);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  // Errors name the file: a rule without a score, an unknown rule, a missing table.
  write("desk/.wirelint.toml", "[thresholds]\n\"typography-doubled-word\" = 3\n");
  r = run(args, spun);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(".wirelint.toml: [thresholds]: rule 'typography-doubled-word' does not score its findings"),
            std::string::npos)
      << r.err;
  write("desk/.wirelint.toml", "[thresholds]\n\"spun-nothing\" = 3\n");
  r = run(args, spun);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(".wirelint.toml: [thresholds]: unknown rule 'spun-nothing'"), std::string::npos) << r.err;
  write("desk/.wirelint.toml", "[ngrams]\ntable = \"missing.tsv\"\n");
  r = run(args, spun);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(".wirelint.toml:2: 'table': cannot read n-gram table"), std::string::npos) << r.err;
}

// A pair with a word that is only ever a verb form is a clause, not a collocation: the n-gram
// model marks verb forms (dictionaries/ngrams/verb-forms.tsv) and the rule skips them
// (skip_verb_forms = 2): "the shield depicts" is subject and verb. The same rule with the option
// off reports the pair as a swap of "shield represents".
TEST_F(CliTest, CollocationModelSkipsPairsWithAVerbForm) {
  const std::string story = "On the new flag, the shield depicts an eagle over a river.\n";
  write("low.toml", "[thresholds]\n\"spun-collocation-model\" = 10\n");
  const std::vector<std::string> args = {"--config", "low.toml", "--only", "spun-collocation-model", "--format", "line",
                                         "-"};
  Result r = run(args, story);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  // A data folder whose rule has the option off.
  fs::create_directories(work_ / "data" / "rules");
  fs::copy(fs::path(kSourceDir) / "rules", work_ / "data" / "rules", fs::copy_options::recursive);
  fs::create_directory_symlink(fs::path(kSourceDir) / "dictionaries", work_ / "data" / "dictionaries");
  const auto rule = work_ / "data" / "rules" / "spun" / "spun-collocation-model.toml";
  std::string text = read_file(rule);
  const std::string on = "skip_verb_forms = 2\n";
  ASSERT_NE(text.find(on), std::string::npos);
  text.replace(text.find(on), on.size(), "skip_verb_forms = 0\n");
  write("data/rules/spun/spun-collocation-model.toml", text);
  std::vector<std::string> off = {"--data-dir", (work_ / "data").string()};
  off.insert(off.end(), args.begin(), args.end());
  r = run(off, story);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("<stdin>:1:22: warning: 'shield depicts' is unseen in news while 'shield represents' is frequent"),
            std::string::npos)
      << r.out;
}

// The both-words check: a pair general English writes is left alone (both_max_general = 0), and
// the same rule without that gate reports it; its learned score needs every one of its arrays.
TEST_F(CliTest, CollocationModelBothWordsGateAndItsWeights) {
  const std::string story = "It was a crisp autumn morning in the capital.\n";
  const std::vector<std::string> args = {"--only", "spun-collocation-model", "--format", "line", "-"};
  Result r = run(args, story);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  fs::create_directories(work_ / "data" / "rules");
  fs::copy(fs::path(kSourceDir) / "rules", work_ / "data" / "rules", fs::copy_options::recursive);
  fs::remove(work_ / "data" / "rules" / "rules.bin");
  fs::create_directory_symlink(fs::path(kSourceDir) / "dictionaries", work_ / "data" / "dictionaries");
  const std::string shipped = read_file(work_ / "data" / "rules" / "spun" / "spun-collocation-model.toml");
  std::vector<std::string> with_data = {"--data-dir", (work_ / "data").string()};
  with_data.insert(with_data.end(), args.begin(), args.end());
  // Without the gate.
  std::string text = shipped;
  const std::string gate = "both_max_general = 0\n";
  ASSERT_NE(text.find(gate), std::string::npos);
  text.replace(text.find(gate), gate.size(), "both_max_general = 9\n");
  write("data/rules/spun/spun-collocation-model.toml", text);
  r = run(with_data, story);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("<stdin>:1:10: warning: 'crisp autumn' is unseen in news while 'sharp fall' is frequent"),
            std::string::npos)
      << r.out;
  // A learned score with an array missing is an error naming the key.
  text = shipped;
  auto at = text.find("\nboth_original = [");
  ASSERT_NE(at, std::string::npos);
  text.erase(at + 1, text.find('\n', at + 1) - at);
  write("data/rules/spun/spun-collocation-model.toml", text);
  r = run(with_data, story);
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.err.find("'both_original'"), std::string::npos) << r.err;
}

// The corpus command finds no .wirelint.toml of its own, but a configuration named with --config
// applies to every story: its thresholds and its house table (tools/spin/crossfit.py lints each
// fold with its own table this way). A bad one is an error, not ignored.
TEST_F(CliTest, CorpusCommandReadsTheConfigurationNamedWithConfig) {
  write("archive.jsonl",
        "{\"id\":1,\"date\":\"1987-03-02\",\"body\":\"The company cut its posted toll for crude by one dlr, traders "
        "said.\"}\n");
  const std::vector<std::string> corpus = {"corpus", "archive.jsonl", "--only", "spun-collocation-model",
                                           "--examples", "0"};
  auto with_config = [&](const std::string& config) {
    std::vector<std::string> args = {"--config", config};
    args.insert(args.end(), corpus.begin(), corpus.end());
    return run(args, "");
  };
  Result r = run(corpus, "");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("all rules: 0 findings"), std::string::npos) << r.out;  // below the shipped least score
  write("low.toml", "[thresholds]\n\"spun-collocation-model\" = 10\n");
  r = with_config("low.toml");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("spun-collocation-model: 1 findings in 1 stories"), std::string::npos) << r.out;
  write("house.tsv", "posted\ttoll\th\t5\nposted\tprice\th\t5\n");
  write("house.toml", "[thresholds]\n\"spun-collocation-model\" = 10\n[ngrams]\ntable = \"house.tsv\"\n");
  r = with_config("house.toml");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("all rules: 0 findings"), std::string::npos) << r.out;  // the house table knows the pair
  write("bad.toml", "[ngrams]\ntable = \"missing.tsv\"\n");
  r = with_config("bad.toml");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("bad.toml:2: 'table': cannot read n-gram table"), std::string::npos) << r.err;
  // The batch command reads it the same way.
  r = run({"--config", "low.toml", "--only", "spun-collocation-model", "batch", "archive.jsonl"}, "");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("'posted toll' is unseen in news"), std::string::npos) << r.out;
  r = run({"--only", "spun-collocation-model", "batch", "archive.jsonl"}, "");
  EXPECT_EQ(r.code, 0) << r.err << r.out;
}

TEST_F(CliTest, DirectoryRecursionPicksProseFilesAndSkipsHiddenFolders) {
  write("docs/a.txt", kMisspelled);
  write("docs/b.md", kMisspelled);
  write("docs/c.rst", kMisspelled);
  write("docs/d.html", kMisspelled);
  write("docs/e.json", "{}\n");
  write("docs/upper.TXT", kMisspelled);
  write("docs/sub/f.markdown", kMisspelled);
  write("docs/sub/deeper/g.txt", kClean);
  write("docs/.hidden/h.txt", kMisspelled);
  write("docs/sub/.git/i.md", kMisspelled);
  json j = run_json({"docs", "--only", kSpelling}, 1);
  // HTML is a story format too (docs/input-formats.md): d.html is read as HTML.
  EXPECT_EQ(paths_of(j), (std::vector<std::string>{"docs/a.txt", "docs/b.md", "docs/d.html", "docs/sub/deeper/g.txt",
                                                   "docs/sub/f.markdown", "docs/upper.TXT"}));
  std::vector<std::size_t> counts;
  for (const auto& f : j.at("files")) counts.push_back(f.at("diagnostics").size());
  EXPECT_EQ(counts, (std::vector<std::size_t>{1, 1, 1, 0, 1, 1}));
}

TEST_F(CliTest, NamedFileIsLintedWhateverItsExtension) {
  write("notes.rst", kMisspelled);
  Result r = run({"notes.rst", "--only", kSpelling, "--format", "line"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out.rfind("notes.rst:1:27: warning: ", 0), 0u) << r.out;
}

TEST_F(CliTest, BinaryFileIsSkippedWithNotice) {
  write("bin.txt", std::string("wire\0copy dificulties\n", 22));
  Result r = run({"bin.txt", "--format", "json"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "wirelint: bin.txt: skipped: binary file (contains NUL bytes)\n");
  EXPECT_EQ(json::parse(r.out), json::parse(R"({"version":1,"files":[]})"));
}

TEST_F(CliTest, QuietHidesTheSkippedFileNotice) {
  write("bin.txt", std::string("wire\0copy\n", 10));
  Result r = run({"bin.txt", "-q", "--format", "line"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, BinaryFileInFolderDoesNotStopTheOthers) {
  write("desk/bin.txt", std::string("\0\0\0", 3));
  write("desk/story.txt", kMisspelled);
  json j = run_json({"desk", "--only", kSpelling}, 1);
  EXPECT_EQ(paths_of(j), std::vector<std::string>{"desk/story.txt"});
}

TEST_F(CliTest, InvalidUtf8IsReportedAndTheRestIsLinted) {
  // Byte 24 (line 2, column 8) is 0xFF, never valid in UTF-8; the misspelling after it is at
  // byte 35, column 19 (the bad byte counts as one column).
  write("bad.txt", "Fine first line.\nSecond \xFF line has dificulties.\n");
  json j = run_json({"bad.txt", "--only", kSpelling}, 1);
  const json& ds = j.at("files").at(0).at("diagnostics");
  ASSERT_EQ(ds.size(), 2u) << j.dump(2);
  EXPECT_EQ(ds[0].at("rule"), "input-invalid-utf8");
  EXPECT_EQ(ds[0].at("severity"), "error");
  EXPECT_EQ(ds[0].at("message").get<std::string>().rfind("Invalid UTF-8 at byte 24", 0), 0u) << ds[0];
  EXPECT_EQ(ds[0].at("line"), 2);
  EXPECT_EQ(ds[0].at("column"), 8);
  EXPECT_EQ(ds[0].at("end_line"), 2);
  EXPECT_EQ(ds[0].at("end_column"), 9);
  EXPECT_EQ(ds[0].at("offset"), 24);
  EXPECT_EQ(ds[0].at("length"), 1);
  EXPECT_EQ(ds[0].at("match"), "\xEF\xBF\xBD");  // the bad byte, written as U+FFFD
  EXPECT_EQ(ds[0].at("replacements"), json::array());
  EXPECT_EQ(ds[1].at("rule"), kSpelling);
  EXPECT_EQ(ds[1].at("line"), 2);
  EXPECT_EQ(ds[1].at("column"), 19);
  EXPECT_EQ(ds[1].at("offset"), 35);
  EXPECT_EQ(ds[1].at("match"), "dificulties");

  // An error: fails the run even at --fail-level error.
  Result r = run({"bad.txt", "--disable", kSpelling, "--fail-level", "error", "--format", "line"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out.rfind("bad.txt:2:8: error: Invalid UTF-8 at byte 24", 0), 0u) << r.out;
  EXPECT_EQ(r.out.substr(r.out.size() - 22), " [input-invalid-utf8]\n") << r.out;
}

TEST_F(CliTest, EmptyFileIsClean) {
  write("empty.txt", "");
  Result r = run({"empty.txt", "--color", "never"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "No problems found in 1 file.\n");
  EXPECT_EQ(r.err, "");
  json j = run_json({"empty.txt"}, 0);
  EXPECT_EQ(j, json::parse(R"({"version":1,"files":[{"path":"empty.txt","diagnostics":[]}]})"));
}

TEST_F(CliTest, CrlfLinePositions) {
  write("crlf.txt", "First line is fine.\r\nSecond has dificulties here.\r\n");
  json j = run_json({"crlf.txt", "--only", kSpelling}, 1);
  const json& d = j.at("files").at(0).at("diagnostics").at(0);
  EXPECT_EQ(d.at("line"), 2);
  EXPECT_EQ(d.at("column"), 12);
  EXPECT_EQ(d.at("end_line"), 2);
  EXPECT_EQ(d.at("end_column"), 23);
  EXPECT_EQ(d.at("offset"), 32);
  EXPECT_EQ(d.at("length"), 11);
  // The excerpt carries no carriage return.
  Result r = run({"crlf.txt", "--only", kSpelling, "--color", "never", "--quiet"});
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[1], "   2 | Second has dificulties here.");
  EXPECT_EQ(lines[2], "     | " + std::string(11, ' ') + "^" + std::string(10, '~'));
}

TEST_F(CliTest, ByteOrderMarkIsNotAColumn) {
  write("bom.txt", "\xEF\xBB\xBFThe dificulties grew.\n");
  json j = run_json({"bom.txt", "--only", kSpelling}, 1);
  const json& d = j.at("files").at(0).at("diagnostics").at(0);
  EXPECT_EQ(d.at("line"), 1);
  EXPECT_EQ(d.at("column"), 5);
  EXPECT_EQ(d.at("end_column"), 16);
  EXPECT_EQ(d.at("offset"), 7);
  EXPECT_EQ(d.at("length"), 11);
  EXPECT_EQ(d.at("match"), "dificulties");
}

// --- configuration ---------------------------------------------------------------------------

TEST_F(CliTest, ConfigFoundWalkingUpDisablesRule) {
  write("proj/.wirelint.toml", "disable = [\"spelling-unknown-word\"]\n");
  write("proj/a/b/story.txt", kMisspelled);
  write("other/story.txt", kMisspelled);
  json j = run_json({"proj/a/b/story.txt"}, 0);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics"), json::array());
  j = run_json({"other/story.txt"}, 1);  // same text, no such configuration above it
  EXPECT_EQ(j.at("files").at(0).at("diagnostics").size(), 1u);
}

TEST_F(CliTest, ConfigAcceptsWords) {
  write("proj/.wirelint.toml", "[spelling]\naccept = [\"dificulties\"]\n");
  write("proj/story.txt", kMisspelled);
  json j = run_json({"proj/story.txt"}, 0);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics"), json::array());
}

TEST_F(CliTest, ConfigWordListFile) {
  write("proj/.wirelint.toml", "[spelling]\ndictionaries = [\"words.txt\"]\n");
  write("proj/words.txt", "# house words\n  dificulties  # sic\n\n");
  write("proj/story.txt", kMisspelled);
  json j = run_json({"proj/story.txt"}, 0);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics"), json::array());
}

TEST_F(CliTest, ConfigRelevelsSeverity) {
  write("proj/.wirelint.toml", "[severity]\n\"spelling-unknown-word\" = \"error\"\n");
  write("proj/story.txt", kMisspelled);
  json j = run_json({"proj/story.txt", "--fail-level", "error"}, 1);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics").at(0).at("severity"), "error");
}

TEST_F(CliTest, ConfigIgnoresPaths) {
  write("site/.wirelint.toml", "ignore = [\"drafts/**\", \"*.tmp.md\"]\n");
  write("site/story.txt", kMisspelled);
  write("site/old.tmp.md", kMisspelled);
  write("site/drafts/x.txt", kMisspelled);
  write("site/drafts/deep/y.md", kMisspelled);
  json j = run_json({"site", "--only", kSpelling}, 1);
  EXPECT_EQ(paths_of(j), std::vector<std::string>{"site/story.txt"});
}

TEST_F(CliTest, ConfigUnknownKeyIsErrorNamingFileAndLine) {
  write("bad/.wirelint.toml", "disable = []\nbogus = 1\n");
  write("bad/story.txt", kClean);
  Result r = run({"bad/story.txt"});
  EXPECT_EQ(r.code, 2);
  ASSERT_EQ(split_lines(r.err).size(), 1u) << r.err;
  const std::string prefix = "wirelint: " + (work_ / "bad" / ".wirelint.toml").string() + ":2: ";
  EXPECT_EQ(r.err.rfind(prefix, 0), 0u) << r.err;
  EXPECT_NE(r.err.find("bogus"), std::string::npos) << r.err;
}

TEST_F(CliTest, ConfigSyntaxErrorNamesFileAndLine) {
  write("bad/.wirelint.toml", "# settings\ndisable = [\"spelling-unknown-word\"\nenable = []\n");
  write("bad/story.txt", kClean);
  Result r = run({"bad/story.txt"});
  EXPECT_EQ(r.code, 2);
  ASSERT_EQ(split_lines(r.err).size(), 1u) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.err, m, std::regex("^wirelint: (.*)/\\.wirelint\\.toml:([0-9]+): ")))
      << r.err;
  EXPECT_EQ(m[1], (work_ / "bad").string());
  EXPECT_GE(std::stoi(m[2]), 2) << r.err;
}

TEST_F(CliTest, ConfigUnknownRuleIsError) {
  write("bad/.wirelint.toml", "disable = [\"nope-rule\"]\n");
  write("bad/story.txt", kClean);
  Result r = run({"bad/story.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: " + (work_ / "bad" / ".wirelint.toml").string() + ": unknown rule 'nope-rule'\n");
}

// House styles: the US placement of a comma inside the closing quotation mark is a convention,
// reported only where the desk's style is "ap"; doubled punctuation is wrong in every style.
TEST_F(CliTest, HouseStyleTurnsOnItsRules) {
  const std::string story = "The company called the offer \"inadequate\", a spokesman said.\n";
  const std::string rule = "typography-quote-punctuation";
  write("plain/story.txt", story);
  write("us/.wirelint.toml", "style = \"ap\"\n");
  write("us/story.txt", story);
  write("uk/.wirelint.toml", "style = \"logical\"\n");
  write("uk/story.txt", story);
  EXPECT_EQ(run_json({"plain/story.txt"}, 0).at("files").at(0).at("diagnostics"), json::array());
  EXPECT_EQ(run_json({"uk/story.txt"}, 0).at("files").at(0).at("diagnostics"), json::array());
  // Both rules are suggestions: below the default --fail-level, so the exit code stays 0.
  json us = run_json({"us/story.txt"}, 0);
  ASSERT_EQ(us.at("files").at(0).at("diagnostics").size(), 1u);
  EXPECT_EQ(us.at("files").at(0).at("diagnostics").at(0).at("rule"), rule);
  // --style is over the configuration's, for every input.
  EXPECT_EQ(run_json({"plain/story.txt", "--style", "ap"}, 0).at("files").at(0).at("diagnostics").size(), 1u);
  EXPECT_EQ(run_json({"us/story.txt", "--style", "logical"}, 0).at("files").at(0).at("diagnostics"), json::array());
  // Doubled punctuation at a closing mark, in every style.
  write("plain/doubled.txt", "\"We will go.\", he said.\n");
  json d = run_json({"plain/doubled.txt"}, 0);
  ASSERT_EQ(d.at("files").at(0).at("diagnostics").size(), 1u);
  EXPECT_EQ(d.at("files").at(0).at("diagnostics").at(0).at("rule"), "typography-quote-spacing");
}

TEST_F(CliTest, UnknownHouseStyleIsErrorNamingFileAndLine) {
  write("bad/.wirelint.toml", "# desk\nstyle = \"chicago\"\n");
  write("bad/story.txt", kClean);
  Result r = run({"bad/story.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: " + (work_ / "bad" / ".wirelint.toml").string() +
                       ":2: 'style': unknown house style 'chicago' (known: ap, logical)\n");
  write("ok/story.txt", kClean);
  r = run({"ok/story.txt", "--style", "chicago"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: --style: unknown house style 'chicago' (known: ap, logical)\n");
}

TEST_F(CliTest, StylesListsEachStyleWithItsRules) {
  Result r = run({"styles"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("ap  AP / US wire style\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    rules: typography-quote-punctuation\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("logical  Logical punctuation"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    rules: none of its own\n"), std::string::npos) << r.out;
}

TEST_F(CliTest, ExplicitConfigFileIsUsedForEveryInput) {
  const fs::path custom = base_ / "elsewhere" / "custom.toml";
  write_file(custom, "disable = [\"spelling-unknown-word\"]\n");
  write("proj/.wirelint.toml", "enable = [\"spelling-unknown-word\"]\n");  // not consulted
  write("proj/story.txt", kMisspelled);
  write("story.txt", kMisspelled);
  json j = run_json({"proj/story.txt", "story.txt", "--config", custom.string()}, 0);
  EXPECT_EQ(paths_of(j), (std::vector<std::string>{"proj/story.txt", "story.txt"}));
  for (const auto& f : j.at("files")) EXPECT_EQ(f.at("diagnostics"), json::array());
}

TEST_F(CliTest, ExplicitConfigFileMissingIsError) {
  write("story.txt", kClean);
  const std::string missing = (base_ / "missing.toml").string();
  Result r = run({"story.txt", "--config", missing});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: " + missing + ": cannot read configuration file\n");
}

TEST_F(CliTest, NoConfigIgnoresConfigurationFiles) {
  write("proj/.wirelint.toml", "disable = [\"spelling-unknown-word\"]\n");
  write("proj/story.txt", kMisspelled);
  json j = run_json({"proj/story.txt", "--no-config"}, 1);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics").size(), 1u);

  write("bad/.wirelint.toml", "bogus = 1\n");  // never read
  write("bad/story.txt", kClean);
  Result r = run({"bad/story.txt", "--no-config", "--format", "line"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, CommandLineOverridesConfiguration) {
  write("proj/.wirelint.toml", "disable = [\"spelling-unknown-word\"]\n");
  write("proj/story.txt", kMisspelled);
  json j = run_json({"proj/story.txt", "--enable", kSpelling}, 1);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics").size(), 1u);
}

// --- subcommands -----------------------------------------------------------------------------

TEST_F(CliTest, RulesListsSpellingRule) {
  Result r = run({"rules"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  bool found = false;
  for (const auto& line : split_lines(r.out))
    if (line.rfind("spelling-unknown-word ", 0) == 0) {
      EXPECT_EQ(line, "spelling-unknown-word  warning  pack=spelling  kind=spelling");
      found = true;
    }
  EXPECT_TRUE(found) << r.out;
}

TEST_F(CliTest, RulesCheckRunsEveryExample) {
  Result r = run({"rules", "--check"});
  EXPECT_EQ(r.code, 0) << r.err;
  std::size_t rules = split_lines(r.out).size();
  EXPECT_EQ(r.err, std::to_string(rules) + " rules, 0 failing examples\n");
}

TEST_F(CliTest, ExplainKnownRule) {
  Result r = run({"explain", kSpelling});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "spelling-unknown-word (warning, pack spelling, kind spelling)");
  EXPECT_EQ(lines[1], "Category: fluency/spelling");
  EXPECT_NE(r.out.find("\nFires on:\n  "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nStays clean on:\n  "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nLink: rules/spelling/spelling-unknown-word.toml\n"), std::string::npos) << r.out;
}

TEST_F(CliTest, ExplainUnknownRule) {
  Result r = run({"explain", "nope"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "wirelint: explain: unknown rule 'nope'\n");
}

// --- the shipped samples ---------------------------------------------------------------------

TEST_F(CliTest, SpunSampleHasFindings) {
  const std::string sample = (fs::path(kSourceDir) / "samples" / "spun-story.txt").string();
  json j = run_json({sample, "--only", kSpelling}, 1);
  std::vector<std::string> matches;
  for (const auto& d : j.at("files").at(0).at("diagnostics")) matches.push_back(d.at("match"));
  EXPECT_NE(std::find(matches.begin(), matches.end(), "goverment"), matches.end()) << j.dump(2);
  Result r = run({sample});
  EXPECT_EQ(r.code, 1) << r.err;
}

TEST_F(CliTest, CleanSampleIsClean) {
  const std::string sample = (fs::path(kSourceDir) / "samples" / "clean-story.md").string();
  json j = run_json({sample}, 0);
  EXPECT_EQ(j.at("files").at(0).at("diagnostics"), json::array()) << j.dump(2);
}

}  // namespace
