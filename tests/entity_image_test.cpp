// The entity image (rules/entity_image.h): an image gives the same entities and mentions as
// the TSV sources it was compiled from, and a stale, corrupt, truncated or foreign image is
// never used (open returns nullptr and leaves the dictionary empty for the sources).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dictionary/entities.h"
#include "image/io.h"
#include "rules/entity_image.h"
#include "rules/entity_index.h"
#include "tokenize/tokens.h"

namespace {

namespace fs = std::filesystem;
using wirelint::dictionary::EntityDictionary;
using wirelint::rules::compile_entity_image;
using wirelint::rules::EntityIndex;
using wirelint::rules::open_entity_image;

const std::string kShipped = std::string(WIRELINT_SOURCE_DIR) + "/dictionaries/entities";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string mentions(const EntityIndex& index, const std::string& text) {
  wirelint::tokenize::TokenStream ts(text);
  std::string out;
  for (const auto& m : index.find(ts))
    out += std::to_string(m.first_token) + "-" + std::to_string(m.end_token) + ":" +
           std::string(index.dictionary().entities()[m.entity].id) + ":" + std::to_string(static_cast<int>(m.form)) + ";";
  return out;
}

class EntityImageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("wirelint-entity-image-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "entities");
    write(dir_ / "entities" / "countries.tsv",
          "id\tshort_name\tdemonym_adj\tcapitals\nKP\tNorth Korea\tNorth Korean\tPyongyang\nUS\tUnited States\tAmerican\tWashington\n");
    write(dir_ / "entities" / "agencies.tsv", "id\tname\tabbreviations\tcountry\nkcna\tKorean Central News Agency\tKCNA\tKP\n");
    image_ = (dir_ / "entities.bin").string();
    compile_entity_image((dir_ / "entities").string(), image_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Opens the image over the small folder: whether it was used, and the dictionary left empty if not.
  bool opens() {
    EntityDictionary d;
    auto index = open_entity_image((dir_ / "entities").string(), image_, d);
    if (!index) {
      EXPECT_TRUE(d.entities().empty());
    }
    return index != nullptr;
  }

  fs::path dir_;
  std::string image_;
};

TEST(EntityImage, ShippedImageGivesTheSourcesEntitiesAndMentions) {
  auto out = fs::temp_directory_path() / ("wirelint-shipped-" + std::to_string(::getpid()) + ".bin");
  compile_entity_image(kShipped, out.string());
  EntityDictionary from_image, from_sources;
  auto image_index = open_entity_image(kShipped, out.string(), from_image);
  fs::remove(out);
  ASSERT_NE(image_index, nullptr);
  from_sources.load_directory(kShipped);
  from_sources.freeze();
  EntityIndex source_index(from_sources);
  ASSERT_EQ(from_image.entities().size(), from_sources.entities().size());
  for (std::size_t i = 0; i < from_sources.entities().size(); ++i) {
    const auto& a = from_image.entities()[i];
    const auto& b = from_sources.entities()[i];
    ASSERT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.aliases, b.aliases);
    EXPECT_EQ(a.countries, b.countries);
    EXPECT_EQ(a.demonym_adj, b.demonym_adj);
    EXPECT_EQ(a.target, b.target);
    EXPECT_EQ(a.valid_to.has_value(), b.valid_to.has_value());
    ASSERT_EQ(a.terms.size(), b.terms.size());
    for (std::size_t t = 0; t < a.terms.size(); ++t) {
      EXPECT_EQ(a.terms[t].title, b.terms[t].title);
      ASSERT_EQ(a.terms[t].start.has_value(), b.terms[t].start.has_value());
      if (b.terms[t].start) {
        EXPECT_TRUE(*a.terms[t].start == *b.terms[t].start);
      }
    }
  }
  EXPECT_EQ(image_index->lowercase_name_words(), source_index.lowercase_name_words());
  const std::string text =
      "The official Korean Central News Agency (KCNA) said North Korean leader Kim Jong Un met "
      "U.S. President Donald Trump, West German Chancellor Helmut Kohl and Dahomey's envoy in Pyongyang.";
  EXPECT_EQ(mentions(*image_index, text), mentions(source_index, text));
  EXPECT_NE(mentions(*image_index, text).find("wikidata_q2518"), std::string::npos);  // Helmut Kohl
  ASSERT_TRUE(from_image.by_name("KCNA"));
  // Every lookup table read from the image answers as the one built from the sources.
  auto same = [](const EntityDictionary::Hits& x, const EntityDictionary::Hits& y) {
    return x.has_value() == y.has_value() && (!x || x->to_vector() == y->to_vector());
  };
  for (const auto& e : from_sources.entities()) {
    ASSERT_EQ(from_image.find_id(e.id) - from_image.entities().data(),
              from_sources.find_id(e.id) - from_sources.entities().data());
    std::vector<std::string> keys{std::string(e.name)};
    for (const auto* list : {&e.aliases, &e.abbreviations, &e.demonym_adj, &e.demonym_plural, &e.capitals})
      keys.insert(keys.end(), list->begin(), list->end());
    for (const auto& k : keys) {
      EXPECT_TRUE(same(from_image.by_name(k), from_sources.by_name(k))) << k;
      EXPECT_TRUE(same(from_image.by_demonym(k), from_sources.by_demonym(k))) << k;
      EXPECT_TRUE(same(from_image.by_capital(k), from_sources.by_capital(k))) << k;
    }
  }
  EXPECT_EQ(from_image.find_id("no such id"), nullptr);
}

TEST_F(EntityImageTest, FreshImageOpens) { EXPECT_TRUE(opens()); }

TEST_F(EntityImageTest, ChangedSourceMakesItStale) {
  auto p = dir_ / "entities" / "agencies.tsv";
  write(p, read(p) + "yonhap\tYonhap\t\tKP\n");
  EXPECT_FALSE(opens());
}

TEST_F(EntityImageTest, NewOrRemovedSourceMakesItStale) {
  write(dir_ / "entities" / "organizations.tsv", "id\tname\nun\tUnited Nations\n");
  EXPECT_FALSE(opens());
  fs::remove(dir_ / "entities" / "organizations.tsv");
  EXPECT_TRUE(opens());
  fs::remove(dir_ / "entities" / "agencies.tsv");
  EXPECT_FALSE(opens());
}

TEST_F(EntityImageTest, TouchedSourceMakesItStale) {
  auto p = dir_ / "entities" / "countries.tsv";
  fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(5));
  EXPECT_FALSE(opens());
}

TEST_F(EntityImageTest, CorruptTruncatedOrForeignImageIsNotUsed) {
  std::string good = read(image_);
  std::string flipped = good;
  flipped[flipped.size() - 20] ^= 0x40;  // a byte of the payload
  write(image_, flipped);
  EXPECT_FALSE(opens());
  write(image_, good.substr(0, good.size() - 1));
  EXPECT_FALSE(opens());
  write(image_, good.substr(0, 5));
  EXPECT_FALSE(opens());
  std::string other = good;
  other[8] = 99;  // format version
  write(image_, other);
  EXPECT_FALSE(opens());
  write(image_, "");
  EXPECT_FALSE(opens());
  write(image_, good);
  EXPECT_TRUE(opens());
  fs::remove(image_);
  EXPECT_FALSE(opens());
}

TEST_F(EntityImageTest, BadSourcesFailToCompileNamingTheFile) {
  write(dir_ / "entities" / "agencies.tsv", "id\tname\tcountry\nx\tX Agency\n");
  try {
    compile_entity_image((dir_ / "entities").string(), image_);
    FAIL() << "no error";
  } catch (const wirelint::dictionary::EntityError& e) {
    EXPECT_NE(std::string(e.what()).find("agencies.tsv:2: expected 3 tab-separated fields, found 2"), std::string::npos) << e.what();
  }
}

}  // namespace

// The entities are views into the image: their lists point into pools sized by counts the image
// records. An image whose counts are too small for its lists is refused (a pool that grew would
// move the names the views already point at), and one whose counts fit reads back whole.
TEST(EntityImagePools, CountsTooSmallForTheListsAreRefused) {
  EntityDictionary d;
  d.load_tsv("id\tshort_name\tdemonym_adj\tcapitals\nKP\tNorth Korea\tNorth Korean\tPyongyang|P'yongyang\n",
             "countries.tsv");
  d.load_tsv("id\tname\ttitle\tcountry\tstart\nkim\tKim Jong Un\tLeader\tKP\t2011\n", "office_holders.tsv");
  d.freeze();
  wirelint::ImageWriter w;
  d.write_image(w);
  const std::string image = w.bytes();
  auto read_back = [](const std::string& bytes) {
    auto kept = std::make_shared<const std::string>(bytes);
    EntityDictionary e;
    wirelint::ImageReader in(kept->data(), kept->size());
    e.read_image(in);
    e.keep(kept);
    return e;
  };
  // Entities, names in all lists (KP: itself as country, an adjective, two capitals; kim: KP), terms.
  ASSERT_EQ(wirelint::load<std::uint32_t>(image.data()), 2u);
  ASSERT_EQ(wirelint::load<std::uint32_t>(image.data() + 4), 5u);
  ASSERT_EQ(wirelint::load<std::uint32_t>(image.data() + 8), 1u);
  for (std::size_t at : {4, 8}) {
    std::string bad = image;
    std::uint32_t fewer = wirelint::load<std::uint32_t>(image.data() + at) - 1;
    std::memcpy(&bad[at], &fewer, 4);
    try {
      read_back(bad);
      ADD_FAILURE() << "a count at byte " << at << " one too small was read";
    } catch (const wirelint::ImageError& e) {
      EXPECT_STREQ(e.what(), at == 4 ? "corrupt image: entity names" : "corrupt image: entity terms");
    }
  }
  EntityDictionary whole = read_back(image);
  whole.freeze();
  ASSERT_EQ(whole.entities().size(), 2u);
  const auto& kp = whole.entities()[0];
  EXPECT_EQ(kp.name, "North Korea");
  ASSERT_EQ(kp.capitals.size(), 2u);
  EXPECT_EQ(kp.capitals[1], "P'yongyang");
  const auto* kim = whole.find_id("kim");
  ASSERT_NE(kim, nullptr);
  ASSERT_EQ(kim->terms.size(), 1u);
  EXPECT_EQ(kim->terms[0].title, "Leader");
  EXPECT_EQ(kim->terms[0].start->to_string(), "2011-01-01");
}
