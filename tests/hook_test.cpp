// End-to-end tests of the git integration: `wirelint --staged` and `wirelint hook
// install|uninstall`, run as child processes next to real `git` in a temporary repository.
//
// git runs with no user or system configuration (GIT_CONFIG_GLOBAL=/dev/null,
// GIT_CONFIG_NOSYSTEM=1), a fixed identity from the environment, and without any GIT_* variable
// of the process running the tests (which may itself be inside a hook). The hook that `hook
// install` writes names the binary under test by absolute path, so commits exercise it.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "support/process.h"

namespace fs = std::filesystem;
namespace support = wirelint::testing_support;
using support::read_file;

namespace {

constexpr const char* kBinary = WIRELINT_BINARY;

// Two findings that default rules report at warning level, and the same sentence cleaned.
const std::string kSpun = "The U. S. said the the talks failed.\n";
const std::string kClean = "The U.S. said the talks failed.\n";

void write_file(const fs::path& p, const std::string& bytes) {
  ASSERT_TRUE(support::write_file(p, bytes)) << "cannot write " << p;
}

using Result = support::ProcessResult;

class HookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(std::string(kBinary), "") << "the wirelint target was not built";
    tmp_.emplace("wirelint-hook");
    ASSERT_FALSE(tmp_->path().empty()) << tmp_->error();
    base_ = tmp_->path();
    repo_ = base_ / "repo";
    io_ = base_ / "io";
    fs::create_directories(repo_);
    fs::create_directories(io_);
    ASSERT_EQ(git({"init", "-q", "."}).code, 0);
    // Keeps the configuration walk from leaving the repository.
    write_file(repo_ / ".wirelint.toml", "");
  }

  void TearDown() override { tmp_.reset(); }

  // `program` (looked up in PATH) without any GIT_* variable of ours, with git's configuration
  // pinned as described at the top.
  Result spawn(const std::string& program, const std::vector<std::string>& args, const fs::path& dir) {
    return support::run_process(program, args, dir, io_, std::nullopt, {"GIT_", "WIRELINT_DATA_DIR=", "NO_COLOR="},
                                {"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=Test",
                                 "GIT_AUTHOR_EMAIL=test@example.com", "GIT_COMMITTER_NAME=Test",
                                 "GIT_COMMITTER_EMAIL=test@example.com", "GIT_CEILING_DIRECTORIES=" + base_.string()});
  }

  Result git(const std::vector<std::string>& args) { return spawn("git", args, repo_); }
  Result wirelint(const std::vector<std::string>& args, const fs::path& dir = {}) {
    return spawn(kBinary, args, dir.empty() ? repo_ : dir);
  }
  void write(const std::string& rel, const std::string& bytes) { write_file(repo_ / rel, bytes); }
  int commits() {
    Result r = git({"rev-list", "--count", "--all"});
    return r.code == 0 ? std::stoi(r.out) : 0;
  }
  fs::path hooks() const { return repo_ / ".git" / "hooks"; }

  // A hook of the user's own: appends a line to io/foreign.log and exits with `code`.
  std::string foreign_hook(int code) const {
    return "#!/bin/sh\necho ran >> '" + (io_ / "foreign.log").string() + "'\nexit " + std::to_string(code) + "\n";
  }

  std::optional<support::TempDir> tmp_;
  fs::path base_, repo_, io_;
};

bool executable(const fs::path& p) { return ::access(p.c_str(), X_OK) == 0; }

TEST_F(HookTest, HookBlocksASpunStoryAndLetsACleanOneThrough) {
  Result install = wirelint({"hook", "install"});
  ASSERT_EQ(install.code, 0) << install.err;
  EXPECT_EQ(install.err, "");
  EXPECT_EQ(install.out, "wirelint: installed the pre-commit hook at .git/hooks/pre-commit (runs " +
                             fs::canonical(kBinary).string() + " --staged)\n");
  ASSERT_TRUE(executable(hooks() / "pre-commit"));

  write("story.txt", kSpun);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  Result blocked = git({"commit", "-q", "-m", "spun"});
  EXPECT_NE(blocked.code, 0);
  EXPECT_NE(blocked.all().find("story.txt:1:5: warning: Spaced abbreviation 'U. S.'"), std::string::npos) << blocked.all();
  EXPECT_NE(blocked.all().find("[typography-spaced-abbreviation]"), std::string::npos);
  EXPECT_NE(blocked.all().find("[typography-doubled-word]"), std::string::npos);
  EXPECT_EQ(commits(), 0);
  EXPECT_EQ(read_file(repo_ / "story.txt"), kSpun);  // the hook never touches the story

  write("story.txt", kClean);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  Result passed = git({"commit", "-q", "-m", "clean"});
  EXPECT_EQ(passed.code, 0) << passed.all();
  EXPECT_EQ(commits(), 1);
}

TEST_F(HookTest, AnUnstagedFixDoesNotHideAStagedError) {
  ASSERT_EQ(wirelint({"hook", "install"}).code, 0);
  write("story.txt", kSpun);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  write("story.txt", kClean);  // fixed in the working tree only
  Result blocked = git({"commit", "-q", "-m", "spun"});
  EXPECT_NE(blocked.code, 0);
  EXPECT_NE(blocked.all().find("[typography-doubled-word]"), std::string::npos) << blocked.all();
  EXPECT_EQ(commits(), 0);
  EXPECT_EQ(read_file(repo_ / "story.txt"), kClean);

  // And the other way round: a staged fix passes although the working tree is still spun.
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  write("story.txt", kSpun);
  EXPECT_EQ(git({"commit", "-q", "-m", "clean"}).code, 0);
  EXPECT_EQ(commits(), 1);
}

TEST_F(HookTest, CommitAllLintsWhatItCommits) {
  write("story.md", kClean);
  ASSERT_EQ(git({"add", "story.md"}).code, 0);
  ASSERT_EQ(git({"commit", "-q", "-m", "first"}).code, 0);
  ASSERT_EQ(wirelint({"hook", "install"}).code, 0);
  write("story.md", kSpun);  // not staged: `commit -a` stages it into the index the hook sees
  Result blocked = git({"commit", "-q", "-a", "-m", "spun"});
  EXPECT_NE(blocked.code, 0);
  EXPECT_NE(blocked.all().find("story.md:1:5:"), std::string::npos) << blocked.all();
  EXPECT_EQ(commits(), 1);
}

TEST_F(HookTest, StagedNamesPathsAsTheRepoDoesWithSpacesAndNonAscii) {
  const std::string rel = "news/my story \xC3\xBC.md";
  write(rel, kSpun);
  ASSERT_EQ(git({"add", "--", rel}).code, 0);
  // The same bytes linted straight from the working tree, named from the top: the expected report.
  Result direct = wirelint({rel, "--format", "line"});
  ASSERT_EQ(direct.code, 1) << direct.err;
  ASSERT_EQ(direct.out.rfind(rel + ":1:5: warning:", 0), 0u) << direct.out;

  Result top = wirelint({"--staged", "--format", "line"});
  EXPECT_EQ(top.code, 1) << top.err;
  EXPECT_EQ(top.out, direct.out);
  EXPECT_EQ(top.err, "");
  // From a subfolder the names stay relative to the top of the work tree, as git names them.
  Result sub = wirelint({"--staged", "--format", "line"}, repo_ / "news");
  EXPECT_EQ(sub.code, 1) << sub.err;
  EXPECT_EQ(sub.out, direct.out);
}

TEST_F(HookTest, StagedLintsOnlyStagedStoriesNotIgnoredByConfig) {
  write(".wirelint.toml", "ignore = [\"drafts/**\"]\n");
  write("drafts/draft.md", kSpun);
  write("code.c", kSpun);             // not a story
  write("untracked.txt", kSpun);      // not staged
  write("gone.txt", kSpun);
  ASSERT_EQ(git({"add", "drafts/draft.md", "code.c", "gone.txt"}).code, 0);
  ASSERT_EQ(git({"commit", "-q", "-m", "base"}).code, 0);
  ASSERT_EQ(git({"rm", "-q", "gone.txt"}).code, 0);  // a deletion has nothing to lint
  write("drafts/draft.md", kSpun + kSpun);
  ASSERT_EQ(git({"add", "drafts/draft.md"}).code, 0);
  Result r = wirelint({"--staged"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");

  // Without the configuration the draft is linted.
  Result all = wirelint({"--staged", "--no-config", "--format", "line"});
  EXPECT_EQ(all.code, 1);
  EXPECT_EQ(all.out.rfind("drafts/draft.md:1:5: warning:", 0), 0u) << all.out;
}

TEST_F(HookTest, StagedConfigSeverityComesFromTheWorkingTree) {
  // The configuration as the working tree has it (not staged) decides: here it demotes both rules.
  write(".wirelint.toml",
        "[severity]\n\"typography-spaced-abbreviation\" = \"suggestion\"\n\"typography-doubled-word\" = \"suggestion\"\n");
  write("story.txt", kSpun);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  Result r = wirelint({"--staged", "--format", "line"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("story.txt:1:5: suggestion:"), std::string::npos) << r.out;
}

TEST_F(HookTest, StagedOutsideARepositoryIsAOneLineError) {
  fs::create_directories(base_ / "plain");
  Result r = wirelint({"--staged"}, base_ / "plain");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("wirelint: --staged: fatal: not a git repository", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;

  Result paths = wirelint({"--staged", "story.txt"});
  EXPECT_EQ(paths.code, 2);
  EXPECT_EQ(paths.err, "wirelint: --staged takes no paths: it lints the stories staged for commit\n");
}

TEST_F(HookTest, InstallTwiceIsIdempotent) {
  ASSERT_EQ(wirelint({"hook", "install"}).code, 0);
  const std::string first = read_file(hooks() / "pre-commit");
  Result again = wirelint({"hook", "install"});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out, "wirelint: pre-commit hook already installed at .git/hooks/pre-commit\n");
  EXPECT_EQ(read_file(hooks() / "pre-commit"), first);
  EXPECT_FALSE(fs::exists(hooks() / "pre-commit.wirelint-chained"));
  for (const auto& e : fs::directory_iterator(hooks()))
    EXPECT_EQ(e.path().filename().string().find("wirelint-tmp"), std::string::npos) << e.path();

  Result removed = wirelint({"hook", "uninstall"});
  EXPECT_EQ(removed.code, 0);
  EXPECT_EQ(removed.out, "wirelint: removed the pre-commit hook at .git/hooks/pre-commit\n");
  EXPECT_FALSE(fs::exists(hooks() / "pre-commit"));
  Result nothing = wirelint({"hook", "uninstall"});
  EXPECT_EQ(nothing.code, 0);
  EXPECT_EQ(nothing.out, "wirelint: no wirelint pre-commit hook installed at .git/hooks/pre-commit\n");
}

TEST_F(HookTest, InstallChainsAnExistingHookOnlyWhenAskedAndUninstallRestoresIt) {
  const std::string mine = foreign_hook(0);
  write(".git/hooks/pre-commit", mine);
  fs::permissions(hooks() / "pre-commit", fs::perms::owner_all, fs::perm_options::add);

  Result refused = wirelint({"hook", "install"});
  EXPECT_EQ(refused.code, 2);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err,
            "wirelint: hook install: .git/hooks/pre-commit exists and was not written by wirelint; rerun with "
            "--chain to keep it (it will run before wirelint)\n");
  EXPECT_EQ(read_file(hooks() / "pre-commit"), mine);

  Result chained = wirelint({"hook", "install", "--chain"});
  ASSERT_EQ(chained.code, 0) << chained.err;
  EXPECT_EQ(read_file(hooks() / "pre-commit.wirelint-chained"), mine);
  EXPECT_TRUE(executable(hooks() / "pre-commit.wirelint-chained"));
  EXPECT_EQ(wirelint({"hook", "install", "--chain"}).code, 0);  // already ours: nothing moves
  EXPECT_EQ(read_file(hooks() / "pre-commit.wirelint-chained"), mine);

  // Both run: the user's hook first, then wirelint, which blocks the spun story.
  write("story.txt", kSpun);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  EXPECT_NE(git({"commit", "-q", "-m", "spun"}).code, 0);
  EXPECT_EQ(read_file(io_ / "foreign.log"), "ran\n");
  write("story.txt", kClean);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  EXPECT_EQ(git({"commit", "-q", "-m", "clean"}).code, 0);
  EXPECT_EQ(read_file(io_ / "foreign.log"), "ran\nran\n");

  Result removed = wirelint({"hook", "uninstall"});
  EXPECT_EQ(removed.code, 0) << removed.err;
  EXPECT_EQ(removed.out,
            "wirelint: removed the wirelint pre-commit hook; restored the previous hook at .git/hooks/pre-commit\n");
  EXPECT_EQ(read_file(hooks() / "pre-commit"), mine);
  EXPECT_TRUE(executable(hooks() / "pre-commit"));
  EXPECT_FALSE(fs::exists(hooks() / "pre-commit.wirelint-chained"));
}

TEST_F(HookTest, AFailingChainedHookStillBlocks) {
  write(".git/hooks/pre-commit", foreign_hook(1));
  fs::permissions(hooks() / "pre-commit", fs::perms::owner_all, fs::perm_options::add);
  ASSERT_EQ(wirelint({"hook", "install", "--chain"}).code, 0);
  write("story.txt", kClean);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  EXPECT_NE(git({"commit", "-q", "-m", "clean"}).code, 0);
  EXPECT_EQ(commits(), 0);
}

TEST_F(HookTest, UninstallRefusesAForeignHook) {
  const std::string mine = foreign_hook(0);
  write(".git/hooks/pre-commit", mine);
  Result r = wirelint({"hook", "uninstall"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: hook uninstall: .git/hooks/pre-commit was not written by wirelint; leaving it alone\n");
  EXPECT_EQ(read_file(hooks() / "pre-commit"), mine);
}

TEST_F(HookTest, InstallFollowsCoreHooksPath) {
  ASSERT_EQ(git({"config", "core.hooksPath", "githooks"}).code, 0);
  Result r = wirelint({"hook", "install"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(executable(repo_ / "githooks" / "pre-commit"));
  EXPECT_FALSE(fs::exists(hooks() / "pre-commit"));
  write("story.txt", kSpun);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  EXPECT_NE(git({"commit", "-q", "-m", "spun"}).code, 0);
  EXPECT_EQ(commits(), 0);
}

TEST_F(HookTest, TheHookQuotesABinaryPathWithSpacesAndQuotes) {
  // The hook names the binary that installed it; here one in an awkward folder.
  const fs::path dir = base_ / "odd bin" / "it's $HOME";
  fs::create_directories(dir);
  const fs::path copy = dir / "wirelint";
  std::error_code ec;
  fs::create_hard_link(kBinary, copy, ec);
  if (ec) fs::copy_file(kBinary, copy, ec);
  ASSERT_FALSE(ec) << ec.message();
  Result r = spawn(copy.string(), {"hook", "install"}, repo_);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(read_file(hooks() / "pre-commit").find("wirelint='" + base_.string() + "/odd bin/it'\\''s $HOME/wirelint'\n"),
            std::string::npos)
      << read_file(hooks() / "pre-commit");
  write("story.txt", kSpun);
  ASSERT_EQ(git({"add", "story.txt"}).code, 0);
  Result blocked = git({"commit", "-q", "-m", "spun"});
  EXPECT_NE(blocked.code, 0);
  EXPECT_NE(blocked.all().find("[typography-doubled-word]"), std::string::npos) << blocked.all();
  EXPECT_EQ(commits(), 0);
}

TEST_F(HookTest, HookCommandsOutsideARepositoryFail) {
  fs::create_directories(base_ / "plain");
  Result r = wirelint({"hook", "install"}, base_ / "plain");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.rfind("wirelint: hook install: fatal: not a git repository", 0), 0u) << r.err;
  EXPECT_FALSE(fs::exists(base_ / "plain" / ".git"));
}

}  // namespace
