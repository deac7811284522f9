// End-to-end tests of the CI formats: the built wirelint binary run as a child process
// (posix_spawn, standard streams redirected to files) with `--format sarif|github|rdjsonl` on a
// small story in a fresh temporary folder, checking exit code and output. The story carries one
// finding of typography-spaced-abbreviation after a 3-byte apostrophe, so code-point and byte
// columns differ, and ends in CRLF. Message wording belongs to the rule file, so it is taken
// from a JSON run of the same input.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kBinary = WIRELINT_BINARY;
constexpr const char* kRule = "typography-spaced-abbreviation";

// "U. S." starts at code point 21 and byte 23 (1-based) of line 1.
const std::string kStory = "Kyiv\xE2\x80\x99s envoy in the U. S. said on Tuesday that talks had ended.\r\n";
const std::string kClean = "Kyiv\xE2\x80\x99s envoy in the U.S. said on Tuesday that talks had ended.\r\n";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

struct Result {
  int code = -1;
  std::string out, err;
};

class CiCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(std::string(kBinary), "") << "the wirelint target was not built";
    std::string tmpl = (fs::temp_directory_path() / "wirelint-ci-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr) << std::strerror(errno);
    base_ = fs::canonical(tmpl);
    work_ = base_ / "work";
    io_ = base_ / "io";
    fs::create_directories(io_);
    // Stops the walk up for configuration at the work folder.
    write_file(work_ / ".wirelint.toml", "");
    write_file(work_ / "news" / "story.txt", kStory);
    write_file(work_ / "news" / "clean.txt", kClean);
    if (!has_rule()) GTEST_SKIP() << kRule << " is not in the rule set";
  }

  void TearDown() override {
    std::error_code ec;
    if (!base_.empty()) fs::remove_all(base_, ec);
  }

  Result run(const std::vector<std::string>& args) {
    Result r;
    const fs::path out = io_ / "stdout", err = io_ / "stderr";
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
      std::string var = *e;
      if (var.rfind("WIRELINT_DATA_DIR=", 0) == 0) continue;  // the built-in data folder
      env_strings.push_back(var);
    }
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_strings{kBinary};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addchdir_np(&actions, work_.c_str());
    pid_t pid = 0;
    int rc = posix_spawn(&pid, kBinary, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      ADD_FAILURE() << "posix_spawn " << kBinary << ": " << std::strerror(rc);
      return r;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
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

  fs::path base_, work_, io_;
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
