// SpellChecker answers the same with the expanded word list (fast path) and with Hunspell
// loaded from the .aff/.dic pair (no list).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "dictionary/entities.h"
#include "dictionary/spell_checker.h"

namespace {

using wirelint::dictionary::SpellChecker;

const std::string kDir = std::string(WIRELINT_SOURCE_DIR) + "/dictionaries/hunspell/";

TEST(SpellChecker, ListAndHunspellAgree) {
  SpellChecker listed(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words");
  SpellChecker hunspell(kDir + "en_US.aff", kDir + "en_US.dic");
  for (const char* w : {"agency", "agencies", "difficulties", "don't", "transferred", "a", "zymurgy",
                        "dificulties", "commerical", "uavs", "bilion", "zzzz"}) {
    EXPECT_EQ(listed.known(w), hunspell.known(w)) << w;
    EXPECT_EQ(hunspell.known(w), hunspell.hunspell_knows(w)) << w;
  }
  EXPECT_TRUE(listed.known("difficulties"));
  EXPECT_FALSE(listed.known("dificulties"));
}

TEST(SpellChecker, AcceptedWordsAndTypographicApostrophe) {
  SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words");
  EXPECT_FALSE(s.known("mln"));
  s.accept("mln");
  EXPECT_TRUE(s.known("mln"));
  EXPECT_TRUE(s.known("don\xE2\x80\x99t"));  // don’t
}

TEST(SpellChecker, SuggestsSingleEditsInOrder) {
  SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words");
  EXPECT_EQ(s.suggest("commerical", 3), (std::vector<std::string>{"commercial"}));
  // Every single edit, the cheap ones (doubling) first; the spelling rule ranks them.
  EXPECT_EQ(s.suggest("bilion", 3), (std::vector<std::string>{"billion", "billon"}));
  // An insertion is offered even when a deletion found a word: the caller ranks "company" first.
  EXPECT_EQ(s.suggest("copany", 3), (std::vector<std::string>{"copay", "company"}));
  EXPECT_EQ(s.suggest("goverment", 3), (std::vector<std::string>{"government"}));  // needs an insertion
  EXPECT_EQ(s.suggest("goverment", 1), (std::vector<std::string>{"government"}));
  EXPECT_EQ(s.suggest("venezuela", 1), (std::vector<std::string>{"Venezuela"}));
}

TEST(SpellChecker, CommonAndRareWordLists) {
  SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words", kDir + "common.words",
                 kDir + "rare.words");
  EXPECT_TRUE(s.common("Inflame"));
  EXPECT_FALSE(s.common("enflame"));
  EXPECT_TRUE(s.rare("enflame"));
  EXPECT_TRUE(s.rare("Chamise"));
  EXPECT_FALSE(s.rare("inflame"));  // common, and known to the dictionary
  EXPECT_FALSE(s.rare("goverment"));
  SpellChecker without(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words");
  EXPECT_FALSE(without.rare("enflame"));
}

TEST(SpellChecker, MissingFilesAreReported) {
  SpellChecker s("/nonexistent/x.aff", "/nonexistent/x.dic");
  EXPECT_EQ(s.check_files(), "/nonexistent/x.aff: cannot read Hunspell dictionary file");
}

}  // namespace

namespace {

using wirelint::dictionary::EntityDictionary;
using wirelint::dictionary::EntityError;
using wirelint::dictionary::EntityType;

std::string load_error(const std::string& file, const std::string& text) {
  EntityDictionary d;
  try {
    d.load_tsv(text, file);
    d.freeze();
  } catch (const EntityError& e) {
    return e.what();
  }
  return "";
}

TEST(EntityDictionary, LoadsAndIndexesCountriesAgenciesAndOfficeHolders) {
  EntityDictionary d;
  d.load_tsv("# source: test\nid\tshort_name\taliases\tdemonym_adj\tdemonym_noun\tdemonym_plural\tcapitals\n"
             "KP\tNorth Korea\tDPRK\tNorth Korean\tNorth Korean\tNorth Koreans\tPyongyang\n"
             "PS\tPalestine\t\tPalestinian\tPalestinian\tPalestinians\t\n",
             "dict/countries.tsv");
  d.load_tsv("id\tname\tabbreviations\tcountry\taliases\tnote\nkcna\tKorean Central News Agency\tKCNA\tKP\t\t\n",
             "dict/agencies.tsv");
  d.load_tsv("id\tname\taliases\ttitle\tcountry\tstart\tend\tsource\n"
             "lavrov\tSergei Lavrov\t\tForeign Minister\tKP\t2004-03-09\t\tx\n"
             "lavrov\tSergei Lavrov\t\tDeputy\tPS\t1990\t1992\tx\n",
             "dict/office_holders.tsv");
  d.freeze();
  EXPECT_EQ(d.count(EntityType::country), 2u);
  EXPECT_EQ(d.count(EntityType::agency), 1u);
  EXPECT_EQ(d.count(EntityType::person), 1u);
  ASSERT_TRUE(d.by_name("KCNA"));
  EXPECT_EQ(d.entities()[d.by_name("KCNA")->front()].id, "kcna");
  ASSERT_TRUE(d.by_demonym("North Koreans"));
  EXPECT_EQ(d.entities()[d.by_capital("Pyongyang")->front()].id, "KP");
  const auto* lavrov = d.find_id("lavrov");
  ASSERT_NE(lavrov, nullptr);
  ASSERT_EQ(lavrov->terms.size(), 2u);
  EXPECT_EQ(lavrov->terms[1].end->to_string(), "1992-12-31");
  EXPECT_EQ(lavrov->terms[1].start->to_string(), "1990-01-01");
  EXPECT_FALSE(d.by_name("Nowhere"));
}

TEST(EntityDictionary, StrictErrorsNameFileAndLine) {
  EXPECT_EQ(load_error("d/countries.tsv", "id\tshort_name\tcolour\nKP\tNorth Korea\tred\n"),
            "d/countries.tsv:1: unknown column 'colour'");
  EXPECT_EQ(load_error("d/countries.tsv", "id\tshort_name\nKP\tNorth Korea\textra\n"),
            "d/countries.tsv:2: expected 2 tab-separated fields, found 3");
  EXPECT_EQ(load_error("d/historical.tsv", "id\tname\tvalid_to\nx\tX\t1976-13-01\n"),
            "d/historical.tsv:2: 'valid_to': expected YYYY or YYYY-MM-DD, got '1976-13-01'");
  EXPECT_EQ(load_error("d/countries.tsv", "id\tshort_name\nKP\tNorth Korea\nKP\tAgain\n"),
            "d/countries.tsv:3: duplicate id 'KP'");
  EXPECT_EQ(load_error("d/people.tsv", "id\tname\n"), "d/people.tsv: unknown entity file (see dictionaries/entities/README.md)");
  EXPECT_EQ(load_error("d/government-read.tsv", "id\tname\ttarget\nx\tX Y\tcountries\n"),
            "d/government-read.tsv:2: 'target': expected all, country or none, got 'countries'");
}

TEST(EntityDictionary, NameTargetDefaultsToAll) {
  EntityDictionary d;
  d.load_tsv("id\tname\ttarget\na\tA Body\t\nb\tB Body\tcountry\nc\tC Body\tnone\nd\tD Body\tall\n",
             "d/government-read.tsv");
  d.freeze();
  EXPECT_EQ(d.find_id("a")->target, wirelint::dictionary::NameTarget::all);
  EXPECT_EQ(d.find_id("b")->target, wirelint::dictionary::NameTarget::country);
  EXPECT_EQ(d.find_id("c")->target, wirelint::dictionary::NameTarget::none);
  EXPECT_EQ(d.find_id("d")->target, wirelint::dictionary::NameTarget::all);
}

TEST(EntityDictionary, PartFilesShareTheirKind) {
  // "office_holders-<part>.tsv" holds office holders like "office_holders.tsv"; a part file
  // needs no code. The main file loads first, then the parts by name.
  auto dir = std::filesystem::temp_directory_path() / "wirelint-entity-parts";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const char* text) { std::ofstream(dir / name) << text; };
  write("countries.tsv", "id\tshort_name\tdemonym_adj\nUS\tUnited States\tAmerican\nGB\tUnited Kingdom\tBritish\n");
  write("office_holders.tsv", "id\tname\ttitle\tcountry\tstart\tend\nrr\tRonald Reagan\tPresident\tUS\t1981\t1989\n");
  write("office_holders-b.tsv", "id\tname\ttitle\tcountry\tstart\tend\nmt\tMargaret Thatcher\tPrime Minister\tGB\t1979\t1990\n");
  write("office_holders-a.tsv", "id\tname\ttitle\tcountry\tstart\tend\nrr\tRonald Reagan\tGovernor\tUS\t1967\t1975\n");
  EntityDictionary d;
  d.load_directory(dir.string());
  d.freeze();
  ASSERT_EQ(d.count(EntityType::person), 2u);
  const wirelint::dictionary::Entity* rr = d.find_id("rr");
  ASSERT_NE(rr, nullptr);
  ASSERT_EQ(rr->terms.size(), 2u);
  EXPECT_EQ(rr->terms[0].title, "President");  // main file first
  EXPECT_EQ(rr->terms[1].title, "Governor");
  write("office_holders-.tsv", "id\tname\n");
  EXPECT_THROW(EntityDictionary().load_directory(dir.string()), EntityError);
  std::filesystem::remove_all(dir);
}

TEST(EntityDictionary, UnknownCountryReferenceIsAnError) {
  EntityDictionary d;
  d.load_tsv("id\tshort_name\nKP\tNorth Korea\n", "countries.tsv");
  d.load_tsv("id\tname\tcountry\nx\tX Agency\tZZ\n", "agencies.tsv");
  try {
    d.freeze();
    FAIL() << "no error";
  } catch (const EntityError& e) {
    EXPECT_STREQ(e.what(), "entity 'x': unknown country id 'ZZ'");
  }
}

TEST(EntityDictionary, ShippedDictionaryLoads) {
  EntityDictionary d;
  d.load_directory(std::string(WIRELINT_SOURCE_DIR) + "/dictionaries/entities");
  d.freeze();
  EXPECT_GE(d.count(EntityType::country), 250u);
  EXPECT_GE(d.count(EntityType::historical), 40u);
  EXPECT_GE(d.count(EntityType::agency), 100u);
  ASSERT_TRUE(d.by_name("Korean Central News Agency"));
  ASSERT_TRUE(d.by_demonym("North Vietnamese"));
}

}  // namespace
