// The near-miss rule's index image (dictionaries/entities/entity-near-miss.bin, written by
// `wirelint models compile`): a fresh image is mapped and gives exactly the findings of the
// index built in the process; an image compiled from other rule data, another entity
// dictionary, other real-name lists, or damaged, is never used (the index is built on first use,
// same findings).
//
// Each test works in a temporary data folder: rules/ and dictionaries/entities/ are copies
// (modification times kept, so the entity image stays fresh), the other dictionaries are links
// to the shipped ones (read only).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/data_folder.h"
#include "support/process.h"

namespace fs = std::filesystem;
namespace support = wirelint::testing_support;

namespace {

const fs::path kSource = WIRELINT_SOURCE_DIR;
const fs::path kSeed = kSource / ".." / "shared" / "seed" / "wire-sample-2024-spun.txt";

// A story with near misses of both kinds the index answers: a name one word off and a word one
// letter off.
const char* kStory =
    "SEOUL, March 3 - The official Asian Central News Agency said the delegation left Pyongyan "
    "for Tehran on Tuesday. The Ministry of Protection in Seoul declined to comment.\n";

// What the rule reports on kStory, whichever way its index came.
const char* kFindings =
    "story.txt:1:31: warning: 'Asian Central News Agency' is not a known name; did you mean 'Korean Central "
    "News Agency'? [entity-near-miss]\n"
    "story.txt:1:82: warning: 'Pyongyan' is not a known name; did you mean 'Pyongyang'? [entity-near-miss]\n"
    "story.txt:1:118: warning: 'Ministry of Protection' is not a known name; did you mean 'Ministry of "
    "Defense'? [entity-near-miss]\n";

// ... and without its third ("Ministry of Protection").
const char* kFindingsBut3 =
    "story.txt:1:31: warning: 'Asian Central News Agency' is not a known name; did you mean 'Korean Central "
    "News Agency'? [entity-near-miss]\n"
    "story.txt:1:82: warning: 'Pyongyan' is not a known name; did you mean 'Pyongyang'? [entity-near-miss]\n";

class NearMissIndexTest : public support::DataFolderTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(make_sandbox("wirelint-near-miss-index"));
    data_ = base_ / "data";
    fs::create_directories(data_ / "dictionaries");
    fs::copy(kSource / "rules", data_ / "rules", fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(kSource / "dictionaries")) {
      if (e.path().filename() == "entities") continue;
      fs::create_directory_symlink(e.path(), data_ / "dictionaries" / e.path().filename());
    }
    fs::create_directories(entities());
    for (const auto& e : fs::directory_iterator(kSource / "dictionaries" / "entities")) {
      if (!e.is_regular_file()) continue;
      fs::copy_file(e.path(), entities() / e.path().filename());
      fs::last_write_time(entities() / e.path().filename(), fs::last_write_time(e.path()));
    }
    ASSERT_TRUE(fs::exists(image())) << "build the project first: `wirelint models compile` writes " << image();
    ASSERT_TRUE(support::write_file(work_ / "story.txt", kStory));
    ASSERT_TRUE(support::write_file(work_ / ".wirelint.toml", ""));
  }

  fs::path entities() const { return data_ / "dictionaries" / "entities"; }
  fs::path image() const { return entities() / "entity-near-miss.bin"; }

  // `wirelint models`'s line on the near-miss rule's index.
  std::string index_line() { return models_line("index\tentity-near-miss\t"); }
  std::string mapped() const { return "index\tentity-near-miss\timage " + image().string(); }
  std::string built() const {
    return "index\tentity-near-miss\tbuilt on first use (image missing or stale) " + image().string();
  }
  support::ProcessResult lint() { return run({"--format", "line", "--only", "entity-near-miss", "story.txt"}); }
};

TEST_F(NearMissIndexTest, FreshImageIsMappedAndFindsWhatTheBuiltIndexFinds) {
  EXPECT_EQ(index_line(), mapped());
  auto with = lint();
  EXPECT_EQ(with.code, 1) << with.err;
  EXPECT_EQ(with.out, kFindings);
  fs::remove(image());
  EXPECT_EQ(index_line(), built());
  auto without = lint();
  EXPECT_EQ(without.code, with.code) << without.err;
  EXPECT_EQ(without.out, with.out);
  EXPECT_EQ(without.err, with.err);
}

TEST_F(NearMissIndexTest, SeedStoryGetsTheSameFindingsFromTheImageAndTheBuiltIndex) {
  if (!fs::exists(kSeed)) GTEST_SKIP() << kSeed << " is not beside the repository";
  const std::vector<std::string> args = {"--style", "ap", "--format", "json", kSeed.string()};
  auto with = run(args);
  fs::remove(image());
  auto without = run(args);
  EXPECT_EQ(without.code, 1) << without.err;
  EXPECT_EQ(with.code, without.code);
  EXPECT_EQ(with.out, without.out);
}

TEST_F(NearMissIndexTest, EditedRuleDataMakesTheImageStale) {
  fs::path rule = data_ / "rules" / "entity" / "entity-near-miss.toml";
  std::string text = support::read_file(rule);
  auto at = text.find("min_words = 3");
  ASSERT_NE(at, std::string::npos);
  ASSERT_TRUE(support::write_file(rule, text.replace(at, 13, "min_words = 4")));
  EXPECT_EQ(index_line(), built());
  auto r = lint();
  EXPECT_EQ(r.code, 1) << r.err;
  // Built from the edited data: a three-word name ("Ministry of Protection") is now too short.
  EXPECT_EQ(r.out, kFindingsBut3);
}

TEST_F(NearMissIndexTest, ChangedEntityDictionaryMakesTheImageStale) {
  // A touched source makes the entity image stale: the dictionary comes from the sources, and no
  // index image names it.
  fs::last_write_time(entities() / "agencies.tsv", fs::file_time_type::clock::now());
  EXPECT_EQ(index_line(), built());
  auto r = lint();
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, kFindings);
}

TEST_F(NearMissIndexTest, ChangedRealNameListsMakeTheImageStale) {
  // The index holds the real-name lists' words and pairs: a name added makes it stale, and the
  // index built in its place knows the name (a listed real name is not reported).
  fs::remove(data_ / "dictionaries" / "names");
  fs::copy(kSource / "dictionaries" / "names", data_ / "dictionaries" / "names", fs::copy_options::recursive);
  fs::path curated = data_ / "dictionaries" / "names" / "curated.txt";
  ASSERT_TRUE(support::write_file(curated, support::read_file(curated) + "Ministry of Protection\ttest\n"));
  EXPECT_EQ(index_line(), built());
  auto r = lint();
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, kFindingsBut3);
}

TEST_F(NearMissIndexTest, DamagedImageIsNotUsed) {
  std::string good = support::read_file(image());
  auto expected = lint();
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{40}, good.size() / 2, good.size() - 1}) {
    ASSERT_TRUE(support::write_file(image(), good.substr(0, cut)));
    EXPECT_EQ(index_line(), built()) << "truncated to " << cut;
  }
  std::string flipped = good;
  flipped[good.size() - 3] ^= 0x55;  // in the payload: its checksum fails
  ASSERT_TRUE(support::write_file(image(), flipped));
  EXPECT_EQ(index_line(), built());
  auto r = lint();
  EXPECT_EQ(r.code, expected.code) << r.err;
  EXPECT_EQ(r.out, expected.out);
}

}  // namespace
