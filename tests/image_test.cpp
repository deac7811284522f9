// image/: the flat table read in place (image/flat_table.h): every key finds its values, absent
// keys find nothing, and damaged bytes are refused by open(), never read past their end.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "image/flat_table.h"

namespace wirelint {
namespace {

std::string sample_table() {
  FlatTableBuilder b;
  b.add("Ministry\x1f\x01\x1f", {3, 7});
  b.add("Korean Central News Agency", 42);
  b.add("Korean Central News Agency", 43);
  b.add("set member");  // a key with no values
  for (std::uint32_t i = 0; i < 200; ++i) b.add("key" + std::to_string(i), i * 2);
  return b.build();
}

TEST(FlatTableTest, KeysFindTheirValuesInOrder) {
  std::string bytes = sample_table();
  FlatTable t;
  ASSERT_TRUE(t.open(bytes));
  EXPECT_EQ(t.size(), 203u);
  EXPECT_EQ(t.find("Ministry\x1f\x01\x1f").to_vector(), (std::vector<std::uint32_t>{3, 7}));
  EXPECT_EQ(t.find("Korean Central News Agency").to_vector(), (std::vector<std::uint32_t>{42, 43}));
  for (std::uint32_t i = 0; i < 200; ++i) EXPECT_EQ(t.find("key" + std::to_string(i)).to_vector(), std::vector<std::uint32_t>{i * 2});
  bool found = false;
  EXPECT_TRUE(t.find("set member", &found).empty());
  EXPECT_TRUE(found);
  EXPECT_EQ(t.count("set member"), 1u);
}

TEST(FlatTableTest, AbsentKeysFindNothing) {
  std::string bytes = sample_table();
  FlatTable t;
  ASSERT_TRUE(t.open(bytes));
  bool found = true;
  EXPECT_TRUE(t.find("Korean Central News", &found).empty());
  EXPECT_FALSE(found);
  EXPECT_FALSE(t.contains(""));
  EXPECT_FALSE(t.contains("key200"));
  EXPECT_EQ(t.count("ministry\x1f\x01\x1f"), 0u);  // case matters
}

TEST(FlatTableTest, EmptyTableAndUnopenedTableFindNothing) {
  std::string bytes = FlatTableBuilder().build();
  FlatTable t;
  ASSERT_TRUE(t.open(bytes));
  EXPECT_EQ(t.size(), 0u);
  EXPECT_FALSE(t.contains("x"));
  FlatTable none;
  EXPECT_FALSE(none.contains("x"));
  EXPECT_TRUE(none.find("x").empty());
}

TEST(FlatTableTest, SameAdditionsGiveTheSameBytes) {
  FlatTableBuilder a, b;
  for (auto* builder : {&a, &b}) {
    builder->add("b", 1);
    builder->add("a", 2);
    builder->add("b", 3);
  }
  EXPECT_EQ(a.build(), b.build());
  FlatTable t;
  std::string bytes = a.build();
  ASSERT_TRUE(t.open(bytes));
  EXPECT_EQ(t.find("b").to_vector(), (std::vector<std::uint32_t>{1, 3}));
}

TEST(FlatTableTest, TruncatedOrExtendedBytesAreRefused) {
  std::string bytes = sample_table();
  FlatTable t;
  for (std::size_t n = 0; n < bytes.size(); n += 7) EXPECT_FALSE(t.open(std::string_view(bytes).substr(0, n))) << n;
  EXPECT_FALSE(t.open(bytes + "    "));
  EXPECT_FALSE(t.contains("key1")) << "a refused table is left empty";
}

TEST(FlatTableTest, DamagedHeaderIsRefused) {
  std::string good = sample_table();
  auto with = [&](std::size_t at, std::uint32_t v) {
    std::string b = good;
    std::memcpy(&b[at], &v, 4);
    return b;
  };
  FlatTable t;
  EXPECT_FALSE(t.open(with(0, 3)));         // slot count not a power of two
  EXPECT_FALSE(t.open(with(0, 1u << 30)));  // slots past the end
  EXPECT_FALSE(t.open(with(4, 100000)));    // more keys than slots
  EXPECT_FALSE(t.open(with(8, 4)));         // entry bytes disagree with the size
  EXPECT_TRUE(t.open(good));
}

// Slots and entries are checked where a lookup reads them: a damaged one makes its key miss
// (or answers it, when the damage is elsewhere), never reads past the table, never loops.
TEST(FlatTableTest, DamagedSlotsAndEntriesMakeLookupsMissNotReadPastTheTable) {
  std::string good = sample_table();
  std::uint32_t slots;
  std::memcpy(&slots, good.data(), 4);
  std::size_t entries_at = 12 + 8 * static_cast<std::size_t>(slots);
  std::vector<std::string> keys = {"Ministry\x1f\x01\x1f", "Korean Central News Agency", "set member"};
  for (std::uint32_t i = 0; i < 200; ++i) keys.push_back("key" + std::to_string(i));
  FlatTable reference;
  ASSERT_TRUE(reference.open(good));
  auto check = [&](const std::string& bytes, const char* what) {
    FlatTable t;
    ASSERT_TRUE(t.open(bytes)) << what;
    std::size_t answered = 0;
    for (const auto& k : keys) {
      auto v = t.find(k);
      if (!v.empty() || t.contains(k)) {
        EXPECT_EQ(v.to_vector(), reference.find(k).to_vector()) << what << ": " << k;
        ++answered;
      }
    }
    EXPECT_LT(answered, keys.size()) << what << ": the damage must cost some key";
    EXPECT_FALSE(t.contains("absent key")) << what;
  };
  for (std::size_t s = 0; s < slots; ++s) {
    std::uint32_t at;
    std::memcpy(&at, good.data() + 12 + 8 * s + 4, 4);
    if (at == 0) continue;
    for (std::uint32_t bad : {static_cast<std::uint32_t>(good.size()), at + 1, 0xFFFFFFFFu}) {
      std::string b = good;
      std::memcpy(&b[12 + 8 * s + 4], &bad, 4);
      check(b, "slot past the entries or unaligned");
    }
    std::string b = good;
    const std::uint32_t long_key = 1u << 31;
    std::memcpy(&b[entries_at + at - 1], &long_key, 4);
    check(b, "key length past the end");
    b = good;
    const std::uint32_t many = 1u << 30;
    std::uint32_t len;
    std::memcpy(&len, good.data() + entries_at + at - 1, 4);
    std::memcpy(&b[entries_at + at - 1 + 4 + ((len + 3) & ~3u)], &many, 4);
    check(b, "value count past the end");
    break;
  }
  // Every empty slot filled with a damaged entry: no empty slot ends a probe, the round does.
  std::string full = good;
  for (std::size_t s = 0; s < slots; ++s) {
    std::uint32_t at;
    std::memcpy(&at, full.data() + 12 + 8 * s + 4, 4);
    if (at == 0) {
      const std::uint32_t bad = 2;  // unaligned
      std::memcpy(&full[12 + 8 * s + 4], &bad, 4);
    }
  }
  FlatTable t;
  ASSERT_TRUE(t.open(full));
  EXPECT_FALSE(t.contains("absent key"));
  EXPECT_EQ(t.find("key7").to_vector(), std::vector<std::uint32_t>{14});
}

}  // namespace
}  // namespace wirelint
