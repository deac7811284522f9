// SpellChecker answers the same with the expanded word list (fast path) and with Hunspell
// loaded from the .aff/.dic pair (no list).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <iterator>

#include "dictionary/entities.h"
#include "dictionary/language_words.h"
#include "image/io.h"
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

TEST(SpellChecker, CommonWordsAWordContracts) {
  SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words", kDir + "common.words");
  auto has = [](const std::vector<std::string>& v, const std::string& w) {
    return std::find(v.begin(), v.end(), w) != v.end();
  };
  auto gp = s.common_contracted("gp", 2, 1000);
  EXPECT_TRUE(has(gp, "group"));
  EXPECT_FALSE(has(gp, "gap"));  // one letter left out, fewer than two
  for (std::size_t k = 1; k < gp.size(); ++k) EXPECT_LE(gp[k - 1].size(), gp[k].size());  // shortest first
  EXPECT_TRUE(has(s.common_contracted("amts", 2, 1000), "amounts"));
  EXPECT_FALSE(has(s.common_contracted("amts", 4, 1000), "amounts"));  // three left out
  EXPECT_FALSE(has(s.common_contracted("cnt", 2, 1000), "cent"));
  EXPECT_FALSE(has(s.common_contracted("gpx", 2, 1000), "group"));  // the last letter differs
  EXPECT_EQ(s.common_contracted("gp", 2, 1).size(), 1u);
  EXPECT_TRUE(s.common_contracted("abcdefghi", 2, 1000).empty());  // longer than kMaxContractionLetters
  SpellChecker without(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words");
  EXPECT_TRUE(without.common_contracted("gp", 2, 1000).empty());
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

// Other languages' word lists: compiled from plain lists named in a lists.tsv, read from the
// image by hash, with the lists that hold a word and whether English writes it too.
namespace {

namespace fs = std::filesystem;
using wirelint::dictionary::LanguageWords;

struct LanguageFolder {
  fs::path dir = fs::temp_directory_path() / ("wirelint-languages-" + std::to_string(::getpid()));
  LanguageFolder() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~LanguageFolder() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
  std::string lists(const std::string& rows) const {
    return write("lists.tsv", "# code\tpath\tpackage\tlicense\n" + rows);
  }
};

bool english(std::string_view w) { return w == "land" || w == "mitt"; }

}  // namespace

TEST(LanguageWords, CompiledListsAnswerWhichLanguagesWriteAWord) {
  LanguageFolder f;
  auto no = f.write("no.txt", "lille\nland\nmitt\nlandet\nFjord\n");
  auto fr = f.write("fr.txt", "le\ntricolore\nlandet\ntrès\n");
  auto tsv = f.lists("nb\t" + no + "\twnorwegian\tGPL-2+\nfr\t" + fr + "\twfrench\tGPL-2+\nxx\t" +
                     (f.dir / "absent.txt").string() + "\twabsent\tnone\n");
  auto image = (f.dir / "words.bin").string();
  auto compiled = LanguageWords::compile(tsv, image, english);
  EXPECT_EQ(compiled.words, 7u);  // lille land mitt landet le tricolore très; not the name "Fjord"
  ASSERT_EQ(compiled.missing.size(), 1u);
  EXPECT_NE(compiled.missing[0].find("absent.txt (wabsent)"), std::string::npos);
  LanguageWords words(image);
  EXPECT_EQ(words.problem(), "");
  EXPECT_EQ(words.codes(), (std::vector<std::string>{"nb", "fr"}));
  EXPECT_EQ(words.size(), 7u);
  EXPECT_EQ(words.languages("lille"), 1);
  EXPECT_EQ(words.languages("Lille"), 1);  // asked in lower case
  EXPECT_EQ(words.languages("landet"), 3);
  EXPECT_EQ(words.languages("land"), 1 | LanguageWords::kEnglish);
  EXPECT_EQ(words.languages("tricolore"), 2);
  EXPECT_EQ(words.languages("TRÈS"), 2);  // Latin-1 capitals fold too
  EXPECT_EQ(words.languages("fjord"), 0);
  EXPECT_EQ(words.languages("missing"), 0);
  EXPECT_EQ(words.languages(""), 0);
  EXPECT_EQ(words.countries(), 0u);  // no countries.tsv beside lists.tsv
}

// countries.tsv beside lists.tsv names each country's languages; a code of no compiled list
// counts for nothing, and a country with none of them is left out.
TEST(LanguageWords, CountriesNameTheirLanguages) {
  LanguageFolder f;
  auto no = f.write("no.txt", "lille\n");
  auto fr = f.write("fr.txt", "le\n");
  auto tsv = f.lists("nb\t" + no + "\twnorwegian\tGPL-2+\nfr\t" + fr + "\twfrench\tGPL-2+\nxx\t" +
                     (f.dir / "absent.txt").string() + "\twabsent\tnone\n");
  f.write("countries.tsv", "# id\tlanguages\nNO\tnb\nCH\tfr,de,it\nBE\tfr,nb\nAD\txx\n");
  auto image = (f.dir / "words.bin").string();
  LanguageWords::compile(tsv, image, english);
  LanguageWords words(image);
  EXPECT_EQ(words.problem(), "");
  EXPECT_EQ(words.countries(), 3u);  // AD's only language was not compiled
  EXPECT_EQ(words.spoken_in("NO"), 1);
  EXPECT_EQ(words.spoken_in("CH"), 2);
  EXPECT_EQ(words.spoken_in("BE"), 3);
  EXPECT_EQ(words.spoken_in("AD"), 0);
  EXPECT_EQ(words.spoken_in("US"), 0);

  f.write("countries.tsv", "NO\n");
  try {
    LanguageWords::compile(tsv, image, english);
    FAIL() << "a country row of one field was accepted";
  } catch (const wirelint::ImageError& e) {
    EXPECT_NE(std::string(e.what()).find("countries.tsv: line 1: expected 2 tab-separated fields"), std::string::npos)
        << e.what();
  }
}

TEST(LanguageWords, MissingDamagedAndMalformedInputs) {
  LanguageFolder f;
  LanguageWords absent((f.dir / "none.bin").string());
  EXPECT_EQ(absent.languages("le"), 0);
  EXPECT_NE(absent.problem().find("none.bin: missing or empty"), std::string::npos);

  auto fr = f.write("fr.txt", "le\ntricolore\n");
  auto image = (f.dir / "words.bin").string();
  LanguageWords::compile(f.lists("fr\t" + fr + "\twfrench\tGPL-2+\n"), image, english);
  std::string bytes;
  {
    std::ifstream in(image, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  // Every truncation is refused whole, never read past its end.
  for (std::size_t n = 1; n < bytes.size(); ++n) {
    auto cut = f.write("cut.bin", bytes.substr(0, n));
    LanguageWords words(cut);
    EXPECT_EQ(words.languages("le"), 0) << n;
    EXPECT_NE(words.problem(), "") << n;
  }
  auto other = bytes;
  other[0] = 'X';
  LanguageWords wrong(f.write("other.bin", other));
  EXPECT_NE(wrong.problem().find("not a word image of other languages"), std::string::npos);

  try {
    LanguageWords::compile(f.lists("fr\t" + fr + "\n"), image, english);
    FAIL() << "a row of two fields was accepted";
  } catch (const wirelint::ImageError& e) {
    EXPECT_NE(std::string(e.what()).find("lists.tsv: line 2: expected 4 tab-separated fields"), std::string::npos)
        << e.what();
  }
  try {
    LanguageWords::compile((f.dir / "nowhere.tsv").string(), image, english);
    FAIL() << "a missing lists.tsv was accepted";
  } catch (const wirelint::ImageError& e) {
    EXPECT_NE(std::string(e.what()).find("nowhere.tsv: cannot read"), std::string::npos) << e.what();
  }
}

// The spelling checker answers from the image it is given, and nothing without one.
TEST(LanguageWords, SpellCheckerAsksTheImage) {
  LanguageFolder f;
  auto image = (f.dir / "words.bin").string();
  LanguageWords::compile(f.lists("fr\t" + f.write("fr.txt", "tricolore\n") + "\twfrench\tGPL-2+\n"), image, english);
  SpellChecker with(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words", {}, {}, image);
  SpellChecker without(kDir + "en_US.aff", kDir + "en_US.dic", kDir + "en_US.words");
  EXPECT_EQ(with.languages("Tricolore"), 1);
  EXPECT_EQ(without.languages("tricolore"), 0);
}

// The word lists compiled into one hash table answer as the lists do; a stale or damaged image
// is not used.
TEST(SpellChecker, CompiledListsAnswerAsTheLists) {
  LanguageFolder f;
  auto image = (f.dir / "lists.bin").string();
  const std::string words = kDir + "en_US.words", common = kDir + "common.words", rare = kDir + "rare.words";
  EXPECT_GT(SpellChecker::compile_lists(words, common, rare, image), 300000u);
  SpellChecker mapped(kDir + "en_US.aff", kDir + "en_US.dic", words, common, rare, {}, image);
  SpellChecker lists(kDir + "en_US.aff", kDir + "en_US.dic", words, common, rare);
  EXPECT_TRUE(mapped.lists_mapped());
  EXPECT_FALSE(lists.lists_mapped());
  for (const char* w : {"agency", "agencies", "Agency", "AGENCY", "don't", "London", "london", "zymurgy", "dificulties",
                        "commerical", "enflame", "Enflame", "chamise", "wich", "which", "", "a", "zzzz"}) {
    EXPECT_EQ(mapped.known(w), lists.known(w)) << w;
    EXPECT_EQ(mapped.common(w), lists.common(w)) << w;
    EXPECT_EQ(mapped.rare(w), lists.rare(w)) << w;
    EXPECT_EQ(mapped.suggest(w, 5), lists.suggest(w, 5)) << w;
  }
  EXPECT_TRUE(mapped.known("agencies"));
  EXPECT_TRUE(mapped.common("Agency"));
  EXPECT_TRUE(mapped.rare("enflame"));
  EXPECT_FALSE(mapped.known("dificulties"));
}

// The vocabulary and exact-name lists compiled beside the word lists: a process reads none of
// them while they are unchanged; a changed or different set of them leaves the image unused.
TEST(SpellChecker, ImageHoldsTheVocabularyAndExactNames) {
  LanguageFolder f;
  auto words = f.write("w.words", "agencies\nagency\n");
  auto common = f.write("c.words", "agency\n");
  auto rare = f.write("r.words", "enflame\n");
  auto vocabulary = f.write("v.txt", "# accepted words\nunsmoothed\n\r\noblasts\r\n");
  auto names = f.write("n.txt", "# names\nSanta Cruz\tcity, Bolivia\nPort Harcourt\n");
  auto image = (f.dir / "lists.bin").string();
  EXPECT_EQ(SpellChecker::compile_lists(words, common, rare, image, {vocabulary}, {names}), 7u);
  {
    SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", words, common, rare, {}, image, {vocabulary, names});
    EXPECT_TRUE(s.lists_mapped());
    EXPECT_TRUE(s.known("unsmoothed"));
    EXPECT_TRUE(s.known("oblasts"));
    EXPECT_FALSE(s.known("# accepted words"));
    EXPECT_TRUE(s.exact_name("Santa Cruz"));
    EXPECT_TRUE(s.exact_name("Port Harcourt"));
    EXPECT_FALSE(s.exact_name("Santa Cruz\tcity, Bolivia"));
    EXPECT_FALSE(s.exact_name("agency"));
    EXPECT_FALSE(s.known("Santa Cruz"));
  }
  {
    // Asked with other extra lists than it holds: not used.
    SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", words, common, rare, {}, image, {vocabulary});
    EXPECT_FALSE(s.lists_mapped());
  }
  f.write("v.txt", "unsmoothed\noblasts\nrollout\n");
  {
    SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", words, common, rare, {}, image, {vocabulary, names});
    EXPECT_FALSE(s.lists_mapped());
    EXPECT_FALSE(s.exact_name("Santa Cruz"));
  }
  try {
    SpellChecker::compile_lists(words, common, rare, image, {(f.dir / "none.txt").string()}, {});
    FAIL() << "a missing vocabulary list was compiled";
  } catch (const wirelint::ImageError& e) {
    EXPECT_NE(std::string(e.what()).find("none.txt: cannot read list"), std::string::npos) << e.what();
  }
}

TEST(SpellChecker, StaleOrDamagedListImageIsNotUsed) {
  LanguageFolder f;
  auto words = f.write("w.words", "agencies\nagency\n");  // sorted, as the lists are
  auto common = f.write("c.words", "agency\n");
  auto rare = f.write("r.words", "enflame\n");
  auto image = (f.dir / "lists.bin").string();
  EXPECT_EQ(SpellChecker::compile_lists(words, common, rare, image), 3u);
  {
    SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", words, common, rare, {}, image);
    EXPECT_TRUE(s.lists_mapped());
    EXPECT_TRUE(s.known("agencies"));
    EXPECT_FALSE(s.known("zebra"));
  }
  // A list edited after the image: the lists answer, with the new word.
  f.write("w.words", "agencies\nagency\nzebra\n");
  {
    SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", words, common, rare, {}, image);
    EXPECT_FALSE(s.lists_mapped());
    EXPECT_TRUE(s.known("zebra"));
  }
  EXPECT_EQ(SpellChecker::compile_lists(words, common, rare, image), 4u);
  std::string bytes;
  {
    std::ifstream in(image, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (std::size_t n : {std::size_t{4}, std::size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    f.write("lists.bin", bytes.substr(0, n));
    SpellChecker s(kDir + "en_US.aff", kDir + "en_US.dic", words, common, rare, {}, image);
    EXPECT_FALSE(s.lists_mapped()) << n;
    EXPECT_TRUE(s.known("zebra")) << n;
  }
  try {
    SpellChecker::compile_lists((f.dir / "none.words").string(), common, rare, image);
    FAIL() << "a missing list was compiled";
  } catch (const wirelint::ImageError& e) {
    EXPECT_NE(std::string(e.what()).find("none.words: cannot read word list"), std::string::npos) << e.what();
  }
}
