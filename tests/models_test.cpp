// The synonym model: morphology (same_word, base_forms), relation() through base forms, the
// compiled image (written, opened by mmap, refused when stale or malformed), and strict errors.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "models/synonyms.h"
#include "support/process.h"

namespace wirelint::models {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) { ASSERT_TRUE(testing_support::write_file(p, text)); }

TEST(AmericanSpelling, BritishEndingsAndShortWords) {
  EXPECT_EQ(wirelint::models::american_spelling("metre"), "meter");
  EXPECT_EQ(wirelint::models::american_spelling("litres"), "liters");
  EXPECT_EQ(wirelint::models::american_spelling("Centre"), "center");
  EXPECT_EQ(wirelint::models::american_spelling("labour"), "labor");
  // Too short a stem: left as written.
  EXPECT_EQ(wirelint::models::american_spelling("raise"), "raise");
  EXPECT_EQ(wirelint::models::american_spelling("acre"), "acre");
  EXPECT_EQ(wirelint::models::american_spelling("tour"), "tour");
}

TEST(SameWord, NumberTenseSpellingAndDerivationsAreOneWord) {
  EXPECT_TRUE(same_word("Guard", "Guards"));
  EXPECT_TRUE(same_word("Guard", "Guardian"));
  EXPECT_TRUE(same_word("Defence", "Defense"));
  EXPECT_TRUE(same_word("Labour", "Labor"));
  EXPECT_TRUE(same_word("Organisation", "Organization"));
  EXPECT_TRUE(same_word("Economy", "Economic"));
  EXPECT_TRUE(same_word("Korea", "Korean"));
  EXPECT_TRUE(same_word("South", "Southern"));
  EXPECT_TRUE(same_word("Lords", "Lord's"));
  EXPECT_TRUE(same_word("Brazil's", "Brazilian"));
  EXPECT_TRUE(same_word("Countries", "Country"));
  EXPECT_FALSE(same_word("Prime", "Foremost"));
  EXPECT_FALSE(same_word("Bank", "Bankrupt"));
  EXPECT_FALSE(same_word("Home", "Office"));
}

class ModelFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tmp_.path().empty()) << tmp_.error();
    tsv_ = (fs::path(tmp_.path()) / "syn.tsv").string();
    extra_ = (fs::path(tmp_.path()) / "extra.tsv").string();
    image_ = (fs::path(tmp_.path()) / "syn.bin").string();
    write(tsv_, "# comment\nword\tsynonym\tsources\tstrength\nprime\tforemost\tb\t1\nprime\tfirst\trsb\t5\n"
                "guard\twatchman\tmw\t6\n");
    write(extra_, "department\tbranch\tx\t3\n");
  }
  testing_support::TempDir tmp_{"wirelint-models"};
  std::string tsv_, extra_, image_;
};

TEST_F(ModelFiles, RelationsThroughBaseFormsAndNoneForTheSameWord) {
  auto m = SynonymModel::open({tsv_, extra_}, "");
  EXPECT_FALSE(m->from_image());
  EXPECT_EQ(m->relation("Prime", "Foremost").strength, 1);
  EXPECT_EQ(m->relation("prime", "first").strength, 5);
  EXPECT_EQ(m->relation("prime", "first").sources, kRelated | kMoby);
  EXPECT_EQ(m->relation("Guards", "Watchmen").strength, 6);  // plural on both sides
  EXPECT_EQ(m->relation("Department", "Branch").sources, kCurated);
  EXPECT_FALSE(m->relation("Guard", "Guards"));
  EXPECT_FALSE(m->relation("Prime", "Bank"));
  EXPECT_EQ(m->pair_strength("PRIME", "first"), 5);
  EXPECT_EQ(m->pair_strength("primes", "first"), 0);  // pairs are exact
  ASSERT_EQ(m->synonyms("prime").size(), 2u);
  EXPECT_EQ(m->synonyms("prime")[0].first, "first");  // strongest first
}

TEST_F(ModelFiles, TheImageIsUsedWhenFreshAndIgnoredWhenStaleOrMalformed) {
  SynonymModel::compile({tsv_, extra_}, image_);
  auto fresh = SynonymModel::open({tsv_, extra_}, image_);
  EXPECT_TRUE(fresh->from_image());
  EXPECT_EQ(fresh->relation("guard", "watchman").strength, 6);
  EXPECT_EQ(fresh->pairs(), 4u);
  // A source edited after the image was written: the sources are compiled instead.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  write(extra_, "department\tbranch\tx\t3\ndepartment\tdivision\tb\t1\n");
  auto stale = SynonymModel::open({tsv_, extra_}, image_);
  EXPECT_FALSE(stale->from_image());
  EXPECT_EQ(stale->relation("department", "division").strength, 1);
  // A truncated or foreign file is not an image.
  write(image_, "WLSYNIMG but not really");
  EXPECT_FALSE(SynonymModel::open({tsv_, extra_}, image_)->from_image());
  // An image whose arrays are damaged but whose header is intact is used (its arrays are
  // checked where they are read, not in a pass at open): the first target (after the 136-byte
  // header and the two offset arrays) pointing past the words reads as no word, never past
  // the image. Damaged offsets likewise give a word no pairs.
  constexpr std::streamoff kHeader = 136;  // 40 bytes and six 16-byte source stamps
  SynonymModel::compile({tsv_, extra_}, image_);
  ASSERT_TRUE(SynonymModel::open({tsv_, extra_}, image_)->from_image());
  std::uint32_t words = 0;
  {
    std::fstream f(image_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(20);
    f.read(reinterpret_cast<char*>(&words), 4);
    f.seekp(kHeader + 8 * (static_cast<std::streamoff>(words) + 1));
    const std::uint32_t bad = 0x7fffffff;
    f.write(reinterpret_cast<const char*>(&bad), 4);
  }
  auto damaged = SynonymModel::open({tsv_, extra_}, image_);
  EXPECT_TRUE(damaged->from_image());
  std::size_t pairs = 0, empty = 0;
  const std::vector<const char*> all = {"prime", "first", "foremost", "guard", "watchman", "department", "branch", "division"};
  for (const char* w : all)
    for (const auto& [other, r] : damaged->synonyms(w)) {
      ++pairs;
      empty += other.empty();
      EXPECT_LE(r.strength, 6);
    }
  std::size_t listed = 0;
  for (const char* w : all) listed += SynonymModel::open({tsv_, extra_}, "")->synonyms(w).size();
  EXPECT_EQ(pairs, listed) << "every pair is still listed";
  EXPECT_EQ(empty, 1u) << "the damaged target reads as no word";
  {
    // The second word's pair offset past the pairs: that word has none.
    std::fstream f(image_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(kHeader + 4 * (static_cast<std::streamoff>(words) + 1) + 4);
    const std::uint32_t bad = 0x7ffffff0;
    f.write(reinterpret_cast<const char*>(&bad), 4);
  }
  auto offsets = SynonymModel::open({tsv_, extra_}, image_);
  EXPECT_TRUE(offsets->from_image());
  std::size_t left = 0;
  for (const char* w : all) left += offsets->synonyms(w).size();
  EXPECT_LT(left, pairs) << "the word with damaged offsets lists no pairs";
  // A missing optional source is skipped.
  EXPECT_EQ(SynonymModel::open({tsv_, extra_ + ".absent"}, "")->relation("department", "branch").strength, 0);
}

// With an odd number of pairs the hash buckets, which follow the pairs' one-byte arrays, are not
// 4-byte aligned in the image; they are read without assuming it (UndefinedBehaviorSanitizer
// reported misaligned loads in the WIRELINT_SANITIZE build). Found by tests/fuzz/model_image_fuzz.
TEST_F(ModelFiles, AnImageWithAnOddNumberOfPairsAnswersEveryLookup) {
  write(extra_, "department\tbranch\tx\t3\n");
  write(tsv_, "word\tsynonym\tsources\tstrength\nprime\tforemost\tb\t1\nprime\tfirst\trsb\t5\n");
  SynonymModel::compile({tsv_, extra_}, image_);
  auto m = SynonymModel::open({tsv_, extra_}, image_);
  ASSERT_TRUE(m->from_image());
  EXPECT_EQ(m->pairs(), 3u);
  EXPECT_EQ(m->relation("prime", "first").strength, 5);
  EXPECT_EQ(m->relation("Department", "Branch").sources, kCurated);
  EXPECT_EQ(m->pair_strength("prime", "foremost"), 1);
  EXPECT_EQ(m->pair_strength("prime", "absent"), 0);
  ASSERT_EQ(m->synonyms("prime").size(), 2u);
  EXPECT_EQ(m->synonyms("prime")[1].first, "foremost");
}

TEST_F(ModelFiles, MalformedSourcesNameFileAndLine) {
  write(extra_, "department\tbranch\tq\t3\n");
  try {
    SynonymModel::open({tsv_, extra_}, "");
    FAIL() << "expected an error";
  } catch (const SynonymError& e) {
    EXPECT_EQ(std::string(e.what()), extra_ + ":1: unknown source letter 'q'");
  }
  write(extra_, "department\tbranch\tx\n");
  EXPECT_THROW(SynonymModel::open({tsv_, extra_}, ""), SynonymError);
  write(extra_, "department\tbranch\tx\t12\n");
  EXPECT_THROW(SynonymModel::open({tsv_, extra_}, ""), SynonymError);
}

}  // namespace
}  // namespace wirelint::models
