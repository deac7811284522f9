// End-to-end tests of the CI formats: the built wirelint binary run as a child process
// (posix_spawn, standard streams redirected to files) with `--format sarif|github|rdjsonl` on a
// small story in a fresh temporary folder, checking exit code and output. The story carries one
// finding of typography-spaced-abbreviation after a 3-byte apostrophe, so code-point and byte
// columns differ, and ends in CRLF. Message wording belongs to the rule file, so it is taken
// from a JSON run of the same input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/process.h"

namespace fs = std::filesystem;
namespace support = wirelint::testing_support;
using nlohmann::json;
using support::read_file;
using support::write_file;

namespace {

constexpr const char* kBinary = WIRELINT_BINARY;
constexpr const char* kRule = "typography-spaced-abbreviation";

// "U. S." starts at code point 21 and byte 23 (1-based) of line 1.
const std::string kStory = "Kyiv\xE2\x80\x99s envoy in the U. S. said on Tuesday that talks had ended.\r\n";
const std::string kClean = "Kyiv\xE2\x80\x99s envoy in the U.S. said on Tuesday that talks had ended.\r\n";

using Result = support::ProcessResult;

class CiCliTest : public support::SandboxTest {
 protected:
  void SetUp() override {
    ASSERT_NE(std::string(kBinary), "") << "the wirelint target was not built";
    ASSERT_NO_FATAL_FAILURE(make_sandbox("wirelint-ci"));
    // Stops the walk up for configuration at the work folder.
    write_file(work_ / ".wirelint.toml", "");
    write_file(work_ / "news" / "story.txt", kStory);
    write_file(work_ / "news" / "clean.txt", kClean);
    if (!has_rule()) GTEST_SKIP() << kRule << " is not in the rule set";
  }

  Result run(const std::vector<std::string>& args) {
    // The built-in data folder.
    return support::run_process(kBinary, args, work_, io_, std::nullopt, {"WIRELINT_DATA_DIR="});
  }

  bool has_rule() {
    Result r = run({"rules"});
    return r.out.find(std::string(kRule) + " ") != std::string::npos;
  }

  std::string message() {
    Result r = run({"news/story.txt", "--only", kRule, "--format", "json"});
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out << r.err;
    return j.at("files").at(0).at("diagnostics").at(0).at("message");
  }

};

TEST_F(CiCliTest, Github) {
  std::string m = message();
  Result r = run({"./news/story.txt", "news/clean.txt", "--only", kRule, "--format", "github"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  std::string escaped;
  for (char c : m) escaped += c == '%' ? std::string("%25") : std::string(1, c);
  EXPECT_EQ(r.out, "::warning file=news/story.txt,line=1,endLine=1,col=21,endColumn=26,title=" + std::string(kRule) +
                       "::" + escaped + "\n");
}

TEST_F(CiCliTest, GithubErrorLevelAndFailLevel) {
  // Re-levelled to error by configuration; --fail-level error then fails the run.
  write_file(work_ / ".wirelint.toml", "[severity]\n\"" + std::string(kRule) + "\" = \"error\"\n");
  Result r = run({"news/story.txt", "--only", kRule, "--format", "github", "--fail-level", "error"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("::error file=news/story.txt,line=1,", 0), 0u) << r.out;
}

TEST_F(CiCliTest, GithubBelowFailLevelPassesButStillAnnotates) {
  Result r = run({"news/story.txt", "--only", kRule, "--format", "github", "--fail-level", "error"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("::warning file=news/story.txt,line=1,", 0), 0u) << r.out;
}

TEST_F(CiCliTest, GithubCleanWritesNothing) {
  Result r = run({"news/clean.txt", "--only", kRule, "--format", "github"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CiCliTest, Rdjsonl) {
  std::string m = message();
  Result r = run({"news/story.txt", "news/clean.txt", "--only", kRule, "--format", "rdjsonl"});
  EXPECT_EQ(r.code, 1) << r.err;
  ASSERT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  json j = json::parse(r.out);
  json range{{"start", {{"line", 1}, {"column", 23}}}, {"end", {{"line", 1}, {"column", 28}}}};
  EXPECT_EQ(j.at("message"), m);
  EXPECT_EQ(j.at("location"), (json{{"path", "news/story.txt"}, {"range", range}}));
  EXPECT_EQ(j.at("severity"), "WARNING");
  EXPECT_EQ(j.at("code").at("value"), kRule);
  EXPECT_FALSE(j.at("code").at("url").get<std::string>().empty());
  EXPECT_EQ(j.at("suggestions"), (json::array({json{{"range", range}, {"text", "U.S."}}})));
  EXPECT_EQ(j.at("source"), (json{{"name", "wirelint"}}));
}

TEST_F(CiCliTest, Sarif) {
  std::string m = message();
  Result r = run({"news/story.txt", "news/clean.txt", "--only", kRule, "--format", "sarif"});
  EXPECT_EQ(r.code, 1) << r.err;
  json log = json::parse(r.out, nullptr, false);
  ASSERT_FALSE(log.is_discarded()) << r.out;
  EXPECT_EQ(log.at("version"), "2.1.0");
  EXPECT_TRUE(log.contains("$schema"));
  const json& run0 = log.at("runs").at(0);
  const json& driver = run0.at("tool").at("driver");
  EXPECT_EQ(driver.at("name"), "wirelint");
  Result version = this->run({"--version"});
  EXPECT_EQ("wirelint " + driver.at("version").get<std::string>() + "\n", version.out);
  ASSERT_EQ(driver.at("rules").size(), 1u);
  const json& rule = driver.at("rules").at(0);
  EXPECT_EQ(rule.at("id"), kRule);
  // The CLI hands the rule's own description to the reporter.
  std::string full = rule.at("fullDescription").at("text");
  EXPECT_NE(full, kRule);
  EXPECT_EQ(full.rfind(rule.at("shortDescription").at("text").get<std::string>(), 0), 0u);
  EXPECT_EQ(rule.at("defaultConfiguration").at("level"), "warning");
  EXPECT_FALSE(rule.at("properties").at("category").get<std::string>().empty());
  EXPECT_EQ(run0.at("columnKind"), "unicodeCodePoints");

  ASSERT_EQ(run0.at("results").size(), 1u);
  const json& result = run0.at("results").at(0);
  EXPECT_EQ(result.at("ruleId"), kRule);
  EXPECT_EQ(result.at("ruleIndex"), 0);
  EXPECT_EQ(result.at("level"), "warning");
  EXPECT_EQ(result.at("message").at("text"), m);
  const json& loc = result.at("locations").at(0).at("physicalLocation");
  EXPECT_EQ(loc.at("artifactLocation"), (json{{"uri", "news/story.txt"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(loc.at("region"), (json{{"startLine", 1},
                                    {"startColumn", 21},
                                    {"endLine", 1},
                                    {"endColumn", 26},
                                    {"byteOffset", 22},
                                    {"byteLength", 5},
                                    {"snippet", {{"text", "U. S."}}}}));
  EXPECT_TRUE(result.at("partialFingerprints").contains("wirelint/v1"));
  EXPECT_EQ(result.at("fixes").at(0).at("artifactChanges").at(0).at("replacements").at(0).at("insertedContent"),
            (json{{"text", "U.S."}}));
}

TEST_F(CiCliTest, SarifFingerprintSurvivesALineAbove) {
  auto fingerprint = [&] {
    Result r = run({"news/story.txt", "--only", kRule, "--format", "sarif"});
    json log = json::parse(r.out);
    return log.at("runs").at(0).at("results").at(0).at("partialFingerprints").at("wirelint/v1").get<std::string>();
  };
  std::string before = fingerprint();
  write_file(work_ / "news" / "story.txt", "KYIV, May 2 (Reuters) -\r\n\r\n" + kStory);
  EXPECT_EQ(fingerprint(), before);
}

TEST_F(CiCliTest, SarifCleanAndMissingFile) {
  Result r = run({"news/clean.txt", "--only", kRule, "--format", "sarif"});
  EXPECT_EQ(r.code, 0) << r.err;
  json log = json::parse(r.out);
  EXPECT_EQ(log.at("runs").at(0).at("results"), json::array());
  r = run({"news/missing.txt", "--only", kRule, "--format", "sarif"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("news/missing.txt"), std::string::npos) << r.err;
  EXPECT_FALSE(json::parse(r.out, nullptr, false).is_discarded()) << r.out;
}

TEST_F(CiCliTest, HelpListsTheFormats) {
  Result r = run({"--help"});
  for (const char* f : {"sarif", "github", "rdjsonl"}) EXPECT_NE(r.out.find(f), std::string::npos) << f;
}

}  // namespace
