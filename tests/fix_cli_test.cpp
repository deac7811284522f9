// End-to-end tests of --fix, --diff, inline suppressions and the baseline, running the built
// binary in a fresh temporary folder (posix_spawn, standard streams redirected to files).
//
// Assertions use typography-double-space (fixable, one replacement) and spelling-unknown-word
// (not fixable); a test is skipped when its rule is not in `wirelint rules`. The seed story is
// copied from /work/shared/seed at run time; its test is skipped when the file is absent.
#include <gtest/gtest.h>

#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "support/process.h"

namespace fs = std::filesystem;
namespace support = wirelint::testing_support;
using nlohmann::json;

namespace {

constexpr const char* kBinary = WIRELINT_BINARY;
constexpr const char* kSeed = "/work/shared/seed/wire-sample-2024-spun.txt";
constexpr const char* kDouble = "typography-double-space";
constexpr const char* kSpelling = "spelling-unknown-word";

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t nl = s.find('\n', pos);
    std::size_t end = nl == std::string::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

using Result = support::ProcessResult;

struct FileId {
  ino_t inode = 0;
  struct timespec mtime {};
  mode_t mode = 0;
  bool operator==(const FileId& o) const {
    return inode == o.inode && mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec && mode == o.mode;
  }
};

FileId id_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return FileId{st.st_ino, st.st_mtim, static_cast<mode_t>(st.st_mode & 07777)};
}

class FixCliTest : public support::SandboxTest {
 protected:
  void SetUp() override {
    ASSERT_NE(std::string(kBinary), "") << "the wirelint target was not built";
    ASSERT_NO_FATAL_FAILURE(make_sandbox("wirelint-fixcli"));
    support::write_file(work_ / ".wirelint.toml", "");  // no configuration above the temporary folder applies
  }
  void TearDown() override {
    std::error_code ec;
    if (!base_.empty()) fs::permissions(work_, fs::perms::owner_all, fs::perm_options::add, ec);
    SandboxTest::TearDown();
  }

  void write(const std::string& rel, const std::string& bytes) { support::write_file(work_ / rel, bytes); }
  std::string read(const std::string& rel) { return support::read_file(work_ / rel); }

  Result run(const std::vector<std::string>& args, const std::optional<std::string>& input = std::nullopt) {
    return support::run_process(kBinary, args, work_, io_, input, {"WIRELINT_DATA_DIR=", "NO_COLOR="});
  }

  json report(std::vector<std::string> args, int expected_code) {
    args.insert(args.end(), {"--format", "json"});
    Result r = run(args);
    EXPECT_EQ(r.code, expected_code) << r.err;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out;
    return j;
  }

  // (line, rule) of each finding in a one-file JSON report.
  static std::vector<std::pair<int, std::string>> findings(const json& j) {
    std::vector<std::pair<int, std::string>> out;
    for (const auto& f : j.at("files"))
      for (const auto& d : f.at("diagnostics")) out.emplace_back(d.at("line").get<int>(), d.at("rule").get<std::string>());
    return out;
  }

  bool has_rule(const std::string& id) {
    Result r = run({"rules"});
    return r.out.find(id + "  ") != std::string::npos;
  }

};

#define REQUIRE_RULE(id)                                     \
  do {                                                       \
    if (!has_rule(id)) {                                     \
      GTEST_SKIP() << id << " is not in this build's rules"; \
    }                                                        \
  } while (0)

// --- --fix -----------------------------------------------------------------------------------

TEST_F(FixCliTest, SeedStoryRoundTrip) {
  if (!fs::exists(kSeed)) GTEST_SKIP() << kSeed << " is absent";
  fs::copy_file(kSeed, work_ / "story.txt");
  fs::permissions(work_ / "story.txt", fs::perms(0640), fs::perm_options::replace);
  // The seed story is written in US wire style: its desk's configuration says so, which turns on
  // the placement of a comma inside the closing quotation mark.
  std::ofstream(work_ / ".wirelint.toml") << "style = \"ap\"\n";
  const std::string original = read("story.txt");

  // Lines that hold a fixable finding: the only ones --fix may change.
  json before = report({"story.txt", "--date", "2024-08-01"}, 1);
  std::set<int> fixable_lines;
  for (const auto& d : before.at("files").at(0).at("diagnostics"))
    if (d.at("replacements").size() == 1) fixable_lines.insert(d.at("line").get<int>());

  Result diff = run({"--diff", "story.txt", "--date", "2024-08-01", "--format", "line"});
  EXPECT_EQ(diff.code, 1) << diff.err;
  EXPECT_EQ(diff.out.rfind("--- a/story.txt\n+++ b/story.txt\n@@ -", 0), 0u) << diff.out;
  EXPECT_EQ(read("story.txt"), original) << "--diff wrote the file";

  Result fixed = run({"--fix", "story.txt", "--date", "2024-08-01", "--format", "line"});
  EXPECT_EQ(fixed.code, 1) << fixed.err;
  const std::string after = read("story.txt");
  ASSERT_NE(after, original);
  EXPECT_EQ(id_of(work_ / "story.txt").mode, 0640u);
  // Same number of lines, the same terminators, and every changed line held a fixable finding.
  auto a = lines_of(original), b = lines_of(after);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].back() == '\n', b[i].back() == '\n') << "line " << i + 1;
    if (a[i] != b[i]) {
      EXPECT_TRUE(fixable_lines.count(static_cast<int>(i) + 1)) << "line " << i + 1 << " changed";
    }
  }
  EXPECT_NE(after.find("Russia\xE2\x80\x99s war"), std::string::npos);
  EXPECT_NE(after.find("the U.S.,\xE2\x80\x9D said"), std::string::npos);  // overlapping fixes, both applied

  // The report after --fix is the findings that remain: those of a plain run on the fixed file.
  Result remaining = run({"story.txt", "--date", "2024-08-01", "--format", "line"});
  EXPECT_EQ(fixed.out, remaining.out);

  // Idempotent: a second run changes nothing and does not touch the file.
  FileId id = id_of(work_ / "story.txt");
  Result again = run({"--fix", "story.txt", "--date", "2024-08-01", "--format", "line"});
  EXPECT_EQ(again.out, remaining.out);
  EXPECT_EQ(read("story.txt"), after);
  EXPECT_TRUE(id_of(work_ / "story.txt") == id);
  Result no_diff = run({"--diff", "story.txt", "--date", "2024-08-01", "--format", "line"});
  EXPECT_EQ(no_diff.out, "");
}

TEST_F(FixCliTest, CrLfAndBomArePreserved) {
  REQUIRE_RULE(kDouble);
  write("crlf.txt", "\xEF\xBB\xBFIt is  fine.\r\nNo change here.\r\nThe  end.\r\n");
  Result r = run({"--fix", "crlf.txt", "--only", kDouble});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(read("crlf.txt"), "\xEF\xBB\xBFIt is fine.\r\nNo change here.\r\nThe end.\r\n");
  write("bare.txt", "It is  fine.\nNo final newline  here");
  r = run({"--fix", "bare.txt", "--only", kDouble});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(read("bare.txt"), "It is fine.\nNo final newline here");
}

// "text" (ASCII) as UTF-16LE with its byte-order mark, or UTF-16BE.
std::string utf16(const std::string& text, bool big_endian = false) {
  std::string out = big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE");
  for (char c : text) {
    if (big_endian) out.push_back('\0');
    out.push_back(c);
    if (!big_endian) out.push_back('\0');
  }
  return out;
}

TEST_F(FixCliTest, Utf16WithAByteOrderMarkIsLintedAndFixedInItsOwnEncoding) {
  REQUIRE_RULE(kDouble);
  // Not skipped as binary: the finding is reported at its line and column, and fails the run.
  write("le.txt", utf16("Fine.\r\nIt is  fine.\r\n"));
  json j = report({"le.txt", "--only", kDouble, "--fail-level", "suggestion"}, 1);
  EXPECT_EQ(findings(j), (std::vector<std::pair<int, std::string>>{{2, kDouble}}));
  EXPECT_EQ(j["files"][0]["diagnostics"][0]["column"], 4);
  // --fix writes UTF-16 back, mark, byte order and CRLF kept.
  Result r = run({"--fix", "le.txt", "--only", kDouble});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(read("le.txt"), utf16("Fine.\r\nIt is fine.\r\n"));
  write("be.txt", utf16("It is  fine.\n", true));
  r = run({"--fix", "be.txt", "--only", kDouble});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(read("be.txt"), utf16("It is fine.\n", true));
  // A filter answers in the encoding it was given.
  r = run({"--fix", "-", "--only", kDouble, "--format", "line"}, utf16("It is  fine.\n"));
  EXPECT_EQ(r.out, utf16("It is fine.\n"));
  // An unpaired surrogate: a clear error naming the file, the rest still checked.
  write("bad.txt", std::string("\xFF\xFE\x00\xD8" "A\0", 6));
  write("good.txt", "It is  fine.\n");
  r = run({"bad.txt", "good.txt", "--only", kDouble, "--format", "line"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("bad.txt: invalid UTF-16LE at byte 2"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("good.txt:1:4"), std::string::npos) << r.out;
  EXPECT_EQ(read("bad.txt"), std::string("\xFF\xFE\x00\xD8" "A\0", 6));
}

TEST_F(FixCliTest, FileWithoutFixesIsNotRewritten) {
  REQUIRE_RULE(kSpelling);
  write("clean.txt", "Shippers are experiencing difficulties.\n");
  write("unfixable.txt", "Shippers are experiencing dificulties.\n");  // a finding, but no sole fix
  FileId clean = id_of(work_ / "clean.txt"), unfixable = id_of(work_ / "unfixable.txt");
  ::sleep(1);  // a rewrite would show in the mtime
  Result r = run({"--fix", "clean.txt", "unfixable.txt", "--only", kSpelling, "--format", "line"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(id_of(work_ / "clean.txt") == clean);
  EXPECT_TRUE(id_of(work_ / "unfixable.txt") == unfixable);
  EXPECT_EQ(read("unfixable.txt"), "Shippers are experiencing dificulties.\n");
}

TEST_F(FixCliTest, StandardInputIsPrintedFixedAndReportGoesToStderr) {
  REQUIRE_RULE(kDouble);
  Result r = run({"--fix", "-", "--only", kDouble, "--format", "line", "--fail-level", "suggestion"},
                 std::string("It is  fine.\r\nAnd  so.\r\n"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "It is fine.\r\nAnd so.\r\n");
  EXPECT_EQ(r.err, "");
  // Nothing to fix: the text comes through unchanged.
  r = run({"--fix", "-", "--only", kDouble, "--format", "line"}, std::string("Fine.\n"));
  EXPECT_EQ(r.out, "Fine.\n");
}

TEST_F(FixCliTest, DiffOutputIsExact) {
  REQUIRE_RULE(kDouble);
  const std::string text = "It is  fine.\nA\nB\nC\nD\nE\nF\nG\nThe  end.\n";
  write("d.txt", text);
  Result r = run({"--diff", "d.txt", "--only", kDouble, "--format", "line", "--fail-level", "suggestion"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out,
            "--- a/d.txt\n+++ b/d.txt\n"
            "@@ -1,4 +1,4 @@\n-It is  fine.\n+It is fine.\n A\n B\n C\n"
            "@@ -6,4 +6,4 @@\n E\n F\n G\n-The  end.\n+The end.\n");
  // The report (on stderr) is that of the file as it is.
  EXPECT_EQ(lines_of(r.err).size(), 2u) << r.err;
  EXPECT_EQ(r.err.rfind("d.txt:1:4: suggestion: ", 0), 0u) << r.err;
  EXPECT_EQ(read("d.txt"), text);
  r = run({"--diff", "d.txt", "--only", kDouble, "--format", "line"});
  EXPECT_EQ(r.code, 0);  // suggestions are below the default fail level
}

TEST_F(FixCliTest, FixAndDiffExcludeEachOtherAndStaged) {
  write("x.txt", "Fine.\n");
  Result r = run({"--fix", "--diff", "x.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(read("x.txt"), "Fine.\n");
  for (const char* option : {"--fix", "--diff"}) {
    r = run({option, "--staged"});
    EXPECT_EQ(r.code, 2) << option;
    EXPECT_NE(r.err.find("--staged"), std::string::npos) << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  }
}

TEST_F(FixCliTest, FailedWriteIsAnErrorAndTheFileIsUntouched) {
  REQUIRE_RULE(kDouble);
  // A file-size limit below the story's size makes the write of the fixed text fail even for
  // root (with SIGXFSZ ignored, write() returns EFBIG); the child inherits both.
  std::string story;
  for (int i = 0; i < 20; ++i) story += "It is  fine.\n";
  write("s.txt", story);
  struct rlimit old {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  struct rlimit small = old;
  small.rlim_cur = 150;
  auto previous = ::signal(SIGXFSZ, SIG_IGN);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  Result r = run({"--fix", "s.txt", "--only", kDouble, "--format", "line", "--quiet"});
  ::setrlimit(RLIMIT_FSIZE, &old);
  ::signal(SIGXFSZ, previous);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.rfind("wirelint: s.txt: cannot write the fixed file: ", 0), 0u) << r.err;
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_EQ(read("s.txt"), story);
  int files = 0;  // no temporary file left behind
  for (const auto& e : fs::directory_iterator(work_)) files += e.is_regular_file();
  EXPECT_EQ(files, 2);  // s.txt and .wirelint.toml
}

// --- suppressions ----------------------------------------------------------------------------

TEST_F(FixCliTest, MarkdownSuppressions) {
  REQUIRE_RULE(kDouble);
  write("s.md",
        "It is  fine.\n\n"
        "<!-- wirelint-disable-next-line typography-double-space -->\n"
        "It is  fine.\n\n"
        "<!-- wirelint-disable typography-double-space -->\n"
        "It is  fine.\n\n"
        "<!-- wirelint-enable typography-double-space -->\n"
        "It is  fine.\n\n"
        "<!-- wirelint-disable -->\n"
        "It is  fine.\n\n"
        "<!-- wirelint-enable -->\n"
        "It is  fine.\n");
  json j = report({"s.md", "--only", kDouble}, 0);
  using F = std::vector<std::pair<int, std::string>>;
  EXPECT_EQ(findings(j), (F{{1, kDouble}, {10, kDouble}, {16, kDouble}}));
  // Suppressed findings are not fixed either.
  Result r = run({"--fix", "s.md", "--only", kDouble});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(read("s.md"),
            "It is fine.\n\n"
            "<!-- wirelint-disable-next-line typography-double-space -->\n"
            "It is  fine.\n\n"
            "<!-- wirelint-disable typography-double-space -->\n"
            "It is  fine.\n\n"
            "<!-- wirelint-enable typography-double-space -->\n"
            "It is fine.\n\n"
            "<!-- wirelint-disable -->\n"
            "It is  fine.\n\n"
            "<!-- wirelint-enable -->\n"
            "It is fine.\n");
}

TEST_F(FixCliTest, PlainTextSuppressions) {
  REQUIRE_RULE(kDouble);
  write("s.txt",
        "It is  fine.\n"
        "#wirelint-disable-next-line typography-double-space\n"
        "It is  fine.\n"
        "#wirelint-disable typography-double-space\n"
        "It is  fine.\n"
        "#wirelint-enable typography-double-space\n"
        "It is  fine.\n"
        "#wirelint-disable\n"
        "It is  fine.\n"
        "#wirelint-enable\n"
        "It is  fine.\n"
        "#wirelint-disable-next-line typography-dubble-space\n"
        "It is  fine.\n");
  // The unknown id in the last directive is a warning: exit code 1.
  json j = report({"s.txt", "--only", kDouble}, 1);
  using F = std::vector<std::pair<int, std::string>>;
  EXPECT_EQ(findings(j), (F{{1, kDouble},
                            {7, kDouble},
                            {11, kDouble},
                            {12, "input-unknown-suppression"},
                            {13, kDouble}}));
}

// --- baseline --------------------------------------------------------------------------------

TEST_F(FixCliTest, BaselineKeepsOldFindingsQuietAfterEditsElsewhere) {
  REQUIRE_RULE(kDouble);
  write("s.txt", "First  paragraph here.\nSecond one is fine.\nThird  one.\n");
  Result w = run({"--write-baseline", "base.json", "s.txt", "--only", kDouble});
  EXPECT_EQ(w.code, 0) << w.err;
  EXPECT_EQ(w.out, "");
  EXPECT_EQ(w.err, "wirelint: recorded 2 findings in base.json\n");
  json b = json::parse(read("base.json"));
  EXPECT_EQ(b.at("version"), 1);
  ASSERT_EQ(b.at("findings").size(), 2u);
  EXPECT_EQ(b["findings"][0].at("path"), "s.txt");
  EXPECT_EQ(b["findings"][0].at("rule"), kDouble);
  EXPECT_EQ(b["findings"][0].at("match").get<std::string>().find("  "), b["findings"][0]["match"].get<std::string>().find("  "));
  EXPECT_EQ(b["findings"][0].at("fingerprint").get<std::string>().size(), 16u);

  // Nothing new: clean.
  json j = report({"--baseline", "base.json", "s.txt", "--only", kDouble, "--fail-level", "suggestion"}, 0);
  EXPECT_TRUE(findings(j).empty());

  // Lines added above and an edit in another sentence: the old findings stay matched, the new
  // one is reported.
  write("s.txt", "A new lead.\n\nFirst  paragraph here.\nSecond one is  fine now.\nThird  one.\n");
  j = report({"--baseline", "base.json", "s.txt", "--only", kDouble, "--fail-level", "suggestion"}, 1);
  using F = std::vector<std::pair<int, std::string>>;
  EXPECT_EQ(findings(j), (F{{4, kDouble}}));
}

TEST_F(FixCliTest, BadBaselineIsAnErrorNamingTheFile) {
  write("s.txt", "Fine.\n");
  write("bad.json", "{\"version\": 1, \"findings\": 3}");
  Result r = run({"--baseline", "bad.json", "s.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: bad.json: not a wirelint baseline: expected a \"findings\" array\n");
  EXPECT_EQ(r.out, "");
  r = run({"--baseline", "missing.json", "s.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.rfind("wirelint: missing.json: cannot read baseline: ", 0), 0u) << r.err;
  EXPECT_EQ(lines_of(r.err).size(), 1u);
}

}  // namespace
