// The entity-near-miss kind on a small in-memory entity dictionary, for what the golden fixture
// (which runs on the shipped dictionaries) cannot pin down: each precision guard on its own,
// the index being per dictionary, and the strict reading of the kind's keys.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "dictionary/entities.h"
#include "dictionary/spell_checker.h"
#include "input/reader.h"
#include "lint/linter.h"
#include "models/synonyms.h"
#include "rules/entity_index.h"
#include "rules/rule_set.h"
#include "rules/schema.h"

namespace wirelint {
namespace {

const std::string kRule = "entity-near-miss";

std::string rule_text() {
  std::ifstream in(std::string(WIRELINT_SOURCE_DIR) + "/rules/entity/entity-near-miss.toml");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const rules::RuleSet& rule_set() {
  static const rules::RuleSet* set = [] {
    auto* s = new rules::RuleSet;
    s->load_rule(rule_text(), "entity-near-miss.toml", "entity");
    s->compile();
    return s;
  }();
  return *set;
}

const dictionary::SpellChecker& spell() {
  static const dictionary::SpellChecker* checker = [] {
    std::string dir = std::string(WIRELINT_SOURCE_DIR) + "/dictionaries/hunspell/";
    return new dictionary::SpellChecker(dir + "en_US.aff", dir + "en_US.dic", dir + "en_US.words");
  }();
  return *checker;
}

// A dictionary made of (file name, TSV text) pairs, kept for the test program's life.
const dictionary::EntityDictionary& dictionary_of(const std::vector<std::pair<std::string, std::string>>& files) {
  auto* d = new dictionary::EntityDictionary;
  for (const auto& [file, text] : files) d->load_tsv(text, file);
  d->freeze();
  return *d;
}

// A dictionary with a few countries, agencies and organizations.
const dictionary::EntityDictionary& small_dictionary() {
  static const dictionary::EntityDictionary& dict = dictionary_of({
      {"dict/countries.tsv",
       "id\tshort_name\taliases\tdemonym_adj\tdemonym_noun\tdemonym_plural\tcapitals\n"
       "KP\tNorth Korea\tDPRK\tNorth Korean\tNorth Korean\tNorth Koreans\tPyongyang\n"
       "IR\tIran\t\tIranian\tIranian\tIranians\tTehran\n"
       "QA\tQatar\t\tQatari\tQatari\tQataris\tDoha\n"
       "KW\tKuwait\t\tKuwaiti\tKuwaiti\tKuwaitis\tKuwait City\n"
       "ES\tSpain\t\tSpanish\tSpaniard\tSpaniards\tMadrid\n"
       "FR\tFrance\t\tFrench\tFrenchman\tFrench\tParis\n"
       "JP\tJapan\t\tJapanese\tJapanese\tJapanese\tTokyo\n"},
      {"dict/agencies.tsv",
       "id\tname\tabbreviations\tcountry\taliases\tnote\n"
       "kcna\tKorean Central News Agency\tKCNA\tKP\t\t\n"
       "kuna\tKuwait News Agency\tKUNA\tKW\t\t\n"
       "cna_tw\tCentral News Agency\tCNA\tQA\t\t\n"
       "fars\tFars News Agency\t\tIR\t\t\n"
       "mehr\tMehr News Agency\t\tIR\t\t\n"},
      {"dict/organizations.tsv",
       "id\tname\taliases\tabbreviations\n"
       "nato\tNorth Atlantic Treaty Organization\t\tNATO\n"
       "icc\tInternational Criminal Court\t\tICC\n"
       "jsdf\tJapan Self-Defense Forces\tSelf-Defense Forces\tJSDF\n"
       "bde\tKingdom of Spain\t\t\n"},
  });
  return dict;
}

const rules::EntityIndex& small_index() {
  static const rules::EntityIndex* index = new rules::EntityIndex(small_dictionary());
  return *index;
}

// The shipped synonym model, compiled from its sources in memory (the image may be stale).
const models::SynonymModel& synonyms() {
  static const auto* model = [] {
    std::string dir = std::string(WIRELINT_SOURCE_DIR) + "/dictionaries/synonyms/";
    return models::SynonymModel::open({dir + "synonyms.tsv", dir + "extra.tsv"}, "").release();
  }();
  return *model;
}

// "match -> first replacement" of every finding.
std::vector<std::string> findings(const std::string& text, const rules::EntityIndex& index = small_index(),
                                  const std::unordered_set<std::string>* real_names = nullptr) {
  lint::Linter linter(rule_set(), &spell(), &index, &synonyms(), real_names);
  auto doc = input::prepare("story.txt", text, InputFormat::plain).doc;
  auto found = linter.lint(*doc, lint::RuleSelection::only(rule_set(), rule_set().index_of(kRule)), Date{2024, 6, 1});
  std::vector<std::string> out;
  for (const auto& d : found) out.push_back(d.match + " -> " + (d.replacements.empty() ? "" : d.replacements[0]));
  return out;
}

using V = std::vector<std::string>;

TEST(EntityNearMiss, OneSwappedWordOfAKnownName) {
  EXPECT_EQ(findings("The official Asian Central News Agency said so."),
            V{"Asian Central News Agency -> Korean Central News Agency"});
  EXPECT_EQ(findings("Leaders of the North Atlantic Agreement Organization met."),
            V{"North Atlantic Agreement Organization -> North Atlantic Treaty Organization"});
  EXPECT_EQ(findings("The Worldwide Criminal Court issued a warrant."),
            V{"Worldwide Criminal Court -> International Criminal Court"});
  EXPECT_EQ(findings("Officials said Japan's Self-Safeguard Forces joined the drill."),
            V{"Self-Safeguard Forces -> Self-Defense Forces"});
  // Another country's word in a name bound to its country, when the rest is distinctive.
  EXPECT_EQ(findings("The Iranian Central News Agency carried it."),
            V{"Iranian Central News Agency -> Korean Central News Agency"});
  // A misspelt word, and a possessive left out of the match.
  EXPECT_EQ(findings("The Korean Centrl News Agency's report."), V{"Korean Centrl News Agency -> Korean Central News Agency"});
}

TEST(EntityNearMiss, BracketedAbbreviationOfTheKnownName) {
  // Without a thesaurus link the word is no swap; the known name's abbreviation after it,
  // which the span's own words do not give, says the name was altered.
  EXPECT_EQ(findings("The Korean Central Banana Agency said so."), V{});
  EXPECT_EQ(findings("The Korean Central Banana Agency (KCNA) said so."),
            V{"Korean Central Banana Agency -> Korean Central News Agency"});
  // The span's own initials: a name of its own with its own abbreviation.
  EXPECT_EQ(findings("The Korean Central Banana Agency (KCBA) said so."), V{});
}

TEST(EntityNearMiss, ThesaurusSwapsAndTheirGuards) {
  // A word of a name for a synonym from the model; a two-word paraphrase for one word.
  EXPECT_EQ(findings("The Worldwide Criminal Court issued a warrant."),
            V{"Worldwide Criminal Court -> International Criminal Court"});
  // Another form of the same word is the same name, never a swap.
  EXPECT_EQ(findings("The International Criminal Courts issued warrants."), V{});
  // One kind of body for another as the head ("Agency"/"Bureau") is another real body.
  EXPECT_EQ(findings("The Korean Central News Bureau said so."), V{});
  // A head noun swapped for a word no known name uses, at Moby's strength 1 ("Court" ->
  // "Alleyway"), which a head noun would otherwise need strength 2 for.
  EXPECT_EQ(findings("The International Criminal Alleyway issued a warrant."),
            V{"International Criminal Alleyway -> International Criminal Court"});
  // A place for a place is for the country logic, not the thesaurus.
  EXPECT_EQ(findings("The Kuwait Central News Agency said so."), V{"Kuwait Central News Agency -> Korean Central News Agency"});
}

TEST(EntityNearMiss, SingleWordsNearAPlaceName) {
  EXPECT_EQ(findings("The delegation left Pyongyan for Tehram on Tuesday."),
            (V{"Pyongyan -> Pyongyang", "Tehram -> Tehran"}));
  EXPECT_EQ(findings("Talks in Tehram's suburbs resumed."), V{"Tehram -> Tehran"});
}

TEST(EntityNearMiss, KnownNamesAndTheirOwnFormsAreClean) {
  EXPECT_EQ(findings("The Korean Central News Agency (KCNA) and the Kuwait News Agency reported from "
                     "Pyongyang and Tehran; the Central News Agency of Taiwan did not."),
            V{});
  EXPECT_EQ(findings("The Organisation for Economic Co-operation and the North Atlantic Treaty Organisation."), V{});
}

TEST(EntityNearMiss, SwapsThatNameAnotherRealBodyAreClean) {
  // The swapped word tells two known names apart (Fars, Mehr): it tells a third apart too.
  EXPECT_EQ(findings("The Tasnim News Agency carried it."), V{});
  // A name of ordinary words only has real neighbours through the thesaurus ("news" and
  // "intelligence" are synonyms): the list of real names (dictionaries/names/) keeps them clean.
  const std::unordered_set<std::string> real{"Central Intelligence Agency"};
  EXPECT_EQ(findings("The Central Intelligence Agency declined to comment.", small_index(), &real), V{});
  EXPECT_EQ(findings("The Central Intelligence Agency declined to comment."),
            V{"Central Intelligence Agency -> Central News Agency"});
  // An ordinary word that is no listed stand-in (free_swaps is off).
  EXPECT_EQ(findings("The North Atlantic Defense Organization met."), V{});
  // Another head noun.
  EXPECT_EQ(findings("The Bank of Spain raised rates."), V{});
  // A proper noun in place of an ordinary word.
  EXPECT_EQ(findings("The Tanjug Central News Agency said."), V{});
  // A name that runs on.
  EXPECT_EQ(findings("The Worldwide Criminal Court of Appeal met."), V{});
}

TEST(EntityNearMiss, RepeatedWordsAndFarKeysAreNames) {
  // A word the story uses twice is meant; one letter for a far key is another name.
  EXPECT_EQ(findings("Tehram said prices rose. Tehram told reporters more."), V{});
  EXPECT_EQ(findings("Officials in Tehrax said."), V{});
  EXPECT_EQ(findings("Officials in Tehrab said."), V{"Tehrab -> Tehran"});
}

TEST(EntityNearMiss, PeopleAndVariantsAreClean) {
  EXPECT_EQ(findings("Cesar Franck and Mr Tehrak met; Thomas J. Tehrun agreed."), V{});
  // Plurals and added letters are words of their own.
  EXPECT_EQ(findings("Panamax ships sailed; there are two Frances, he said."), V{});
}

TEST(EntityNearMiss, IndexIsPerDictionary) {
  dictionary::EntityDictionary other;
  other.load_tsv("id\tshort_name\taliases\tdemonym_adj\tdemonym_noun\tdemonym_plural\tcapitals\n"
                 "TH\tThailand\t\tThai\tThai\tThais\tBangkok\n",
                 "dict/countries.tsv");
  other.freeze();
  rules::EntityIndex other_index(other);
  EXPECT_EQ(findings("He flew from Bangkock to Pyongyan.", other_index), V{"Bangkock -> Bangkok"});
  EXPECT_EQ(findings("He flew from Bangkock to Pyongyan."), V{"Pyongyan -> Pyongyang"});
}

// Countries' bodies: the story's countries pick the body a region or another country stands
// in for.
const rules::EntityIndex& state_index() {
  static const rules::EntityIndex* index = new rules::EntityIndex(dictionary_of({
      {"dict/countries.tsv",
       "id\tshort_name\taliases\tdemonym_adj\tdemonym_noun\tdemonym_plural\tcapitals\n"
       "US\tUnited States\tU.S.|US\tAmerican\tAmerican\tAmericans\tWashington\n"
       "GB\tUnited Kingdom\tBritain\tBritish\tBriton\tBritons\tLondon\n"
       "JP\tJapan\t\tJapanese\tJapanese\tJapanese\tTokyo\n"
       "NO\tNorway\t\tNorwegian\tNorwegian\tNorwegians\tOslo\n"
       "LK\tSri Lanka\t\tSri Lankan\tSri Lankan\tSri Lankans\tColombo\n"
       "AE\tUnited Arab Emirates\tUAE\tEmirati\tEmirati\tEmiratis\tAbu Dhabi\n"
       "RU\tRussia\t\tRussian\tRussian\tRussians\tMoscow\n"
       "SA\tSaudi Arabia\t\tSaudi|Saudi Arabian\tSaudi\tSaudis\tRiyadh\n"
       "JO\tJordan\t\tJordanian\tJordanian\tJordanians\tAmman\n"
       "BD\tBangladesh\t\tBangladeshi\tBangladeshi\tBangladeshis\tDhaka\n"
       "SL\tSierra Leone\t\tSierra Leonean\tSierra Leonean\tSierra Leoneans\tFreetown\n"
       "LY\tLibya\t\tLibyan\tLibyan\tLibyans\tTripoli\n"},
      {"dict/agencies.tsv",
       "id\tname\tabbreviations\tcountry\taliases\tnote\n"
       "spa\tSaudi Press Agency\tSPA\tSA\t\t\n"},
      {"dict/government.tsv",
       "id\tname\taliases\tabbreviations\tcountry\tkind\n"
       "us_treasury\tU.S. Treasury\tUS Treasury\t\tUS\tministry\n"
       "hm_treasury\tHM Treasury\tBritish Treasury\t\tGB\tministry\n"
       "boe\tBank of England\t\tBoE\tGB\tcentral bank\n"
       "boj\tBank of Japan\t\tBoJ\tJP\tcentral bank\n"
       "ru_forces\tRussian Armed Forces\t\t\tRU\tarmed forces\n"
       "us_army\tUnited States Army\tU.S. Army\t\tUS\tarmed forces\n"
       "bangladesh_bank\tBangladesh Bank\t\t\tBD\tcentral bank\n"
       "bank_of_sierra_leone\tBank of Sierra Leone\t\t\tSL\tcentral bank\n"
       "cbl\tCentral Bank of Libya\t\t\tLY\tcentral bank\n"},
  }));
  return *index;
}

TEST(EntityNearMiss, MisnamedCentralBanks) {
  const auto& ix = state_index();
  // "Bank of" a country whose central bank is called otherwise names no real bank: the
  // country's own is offered, or the bank of the country the story is about.
  EXPECT_EQ(findings("The Bank of Libya set its intervention rate, dealers said.", ix),
            V{"Bank of Libya -> Central Bank of Libya"});
  EXPECT_EQ(findings("The Bank of Libya set its intervention rate in Tripoli.", ix),
            V{"Bank of Libya -> Central Bank of Libya"});
  EXPECT_EQ(findings("The Bank of Libya provided 456 mln stg, London dealers said.", ix),
            V{"Bank of Libya -> Bank of England"});
  // The real name, a capital's bank, a possessive description, a country without a known
  // central bank: clean.
  EXPECT_EQ(findings("The Central Bank of Libya and the Bank of Tripoli set rates, dealers said.", ix), V{});
  EXPECT_EQ(findings("Libya's Bank said so; the Bank of Jordan agreed, dealers said.", ix), V{});
}

TEST(EntityNearMiss, RegionsAndCountriesInStateBodies) {
  const auto& ix = state_index();
  // A region has no treasury; the country the story names picks which treasury was meant,
  // through a dotted abbreviation too.
  EXPECT_EQ(findings("The Asian Treasury will lend to Argentina. The United States agreed.", ix),
            V{"Asian Treasury -> U.S. Treasury"});
  EXPECT_EQ(findings("The Asian Treasury will lend to Argentina, London said.", ix),
            V{"Asian Treasury -> British Treasury"});
  // A currency names a country: sterling is Britain's.
  EXPECT_EQ(findings("The Bank of Africa provided 456 mln stg in assistance.", ix),
            V{"Bank of Africa -> Bank of England"});
  // ... and of three.
  EXPECT_EQ(findings("The Bank of United Arab Emirates provided 456 mln stg, London dealers said.", ix),
            V{"Bank of United Arab Emirates -> Bank of England"});
  // A country of two words for the name's own, in a story that names Britain twice.
  EXPECT_EQ(findings("The Bank of Sri Lanka provided 456 mln stg, London dealers said.", ix),
            V{"Bank of Sri Lanka -> Bank of England"});
  // A sentence opened by a quotation mark: "The" opens it, the name does not run on from it.
  EXPECT_EQ(findings("\"The Bank of Africa provided 456 mln stg,\" a dealer said.", ix),
            V{"Bank of Africa -> Bank of England"});
  // No country named: a region has no central bank whichever was meant; the banks whose
  // wording reference text uses most are offered, the editor picks.
  EXPECT_EQ(findings("The Bank of Africa provided assistance, dealers said.", ix), V{"Bank of Africa -> Bank of England"});
  // The wire's bare "dlrs" names the United States when the story qualifies no dollar.
  EXPECT_EQ(findings("The Norwegian Treasury will auction 25 billion dlrs of bills. It sold 12 billion dlrs last week.", ix),
            V{"Norwegian Treasury -> U.S. Treasury"});
  EXPECT_EQ(findings("The Norwegian Treasury will auction 25 billion dlrs of bills. It sold 12 billion Canadian dlrs.", ix),
            V{});
  // Two countries named as often: the one the span's own sentence names picks the bank.
  EXPECT_EQ(findings("The Bank of Africa said Japanese banks bought dollars. Britain and Japan agreed, London and Tokyo said.", ix),
            V{"Bank of Africa -> Bank of Japan"});
  EXPECT_EQ(findings("The Bank of Africa said banks bought dollars. Britain and Japan agreed, London and Tokyo said.", ix),
            V{});
  // The swapped-in country is the story's too.
  EXPECT_EQ(findings("The Bank of Sri Lanka provided 456 mln stg in Colombo, London dealers said.", ix), V{});
  // Another country's body beside it: a list of banks.
  EXPECT_EQ(findings("The Bank of Norway and the Bank of Japan bought dollars in Tokyo, Japanese dealers said.", ix),
            V{});
  // A region word that builds real names ("Arab") counts only when the body's country is the
  // story's own.
  EXPECT_EQ(findings("The official Arab Press Agency said Saudi officials met in Riyadh.", ix),
            V{"Arab Press Agency -> Saudi Press Agency"});
  EXPECT_EQ(findings("Jordan's Arab Army trained with the U.S. Army near Amman, Jordanian officers said.", ix), V{});
  // A word that ends a country's name begun before the span.
  EXPECT_EQ(findings("Moscow watched the Saudi Arabian Armed Forces and the Russian Armed Forces.", ix), V{});
  // A two-word state body with another country's word for its own, in a story whose own
  // country is the body's and that never names the swapped-in one; short names too.
  EXPECT_EQ(findings("Dealers in Washington said the Norwegian Treasury sold bonds. The U.S. economy grew.", ix),
            V{"Norwegian Treasury -> U.S. Treasury"});
  EXPECT_EQ(findings("A team of Norwegian Army doctors said so in Washington. U.S. officials agreed.", ix),
            V{"Norwegian Army -> U.S. Army"});
  // ... not when the story names that country too.
  EXPECT_EQ(findings("The Norwegian Treasury sold bonds in Oslo, Washington dealers said. U.S. banks bought.", ix),
            V{});
  // A country the story names once, or less often than another, still owns the body when the
  // swapped-in country is named nowhere else (absent_country_swaps) ...
  EXPECT_EQ(findings("The Norwegian Treasury sold bonds, Washington dealers said.", ix),
            V{"Norwegian Treasury -> U.S. Treasury"});
  EXPECT_EQ(findings("The Norwegian Treasury will lend to Japan. Japan thanked the United States. "
                     "Japan's economy grew.", ix),
            V{"Norwegian Treasury -> U.S. Treasury"});
  // ... but not in a list of countries' bodies, nor when the story names no country that has it.
  EXPECT_EQ(findings("Japanese Army and Norwegian Army doctors met in Washington.", ix), V{});
  EXPECT_EQ(findings("Japanese banks and the Norwegian Treasury sold bonds, Washington dealers said.", ix),
            V{"Norwegian Treasury -> U.S. Treasury"});
  // A role after the name does not make it run on.
  EXPECT_EQ(findings("Norwegian Treasury Assistant Secretary David Mulford said so in Washington.", ix),
            V{"Norwegian Treasury -> U.S. Treasury"});
  EXPECT_EQ(findings("The Norwegian Treasury sold bonds, dealers said.", ix), V{});
  // A capital's possessive names its country too.
  EXPECT_EQ(findings("The Norwegian Treasury sold bonds, Washington dealers said. The mood in Washington's markets was firm.", ix),
            V{"Norwegian Treasury -> U.S. Treasury"});
  // A known body of a country the story never names, where the story's own country has a body
  // of that name: another country swapped in, however real the result.
  EXPECT_EQ(findings("The British Treasury sold bonds, Washington dealers said. The U.S. economy grew.", ix),
            V{"British Treasury -> U.S. Treasury"});
  EXPECT_EQ(findings("The British Treasury sold bonds in London, Washington dealers said. U.S. banks bought.", ix),
            V{});
  EXPECT_EQ(findings("The British Treasury sold bonds, dealers said.", ix), V{});
  // A known central bank named after a country of two words, in a story about another's.
  EXPECT_EQ(findings("The Bank of Sierra Leone provided 456 mln stg, London dealers said.", ix),
            V{"Bank of Sierra Leone -> Bank of England"});
  EXPECT_EQ(findings("The Bank of Sierra Leone provided 456 mln stg, Freetown and London dealers said.", ix), V{});
  // A word opening a title before the name does not make a longer name.
  EXPECT_EQ(findings("Assistant Asian Treasury Secretary David Mulford said so, U.S. officials said.", ix),
            V{"Asian Treasury -> U.S. Treasury"});
  // A region before a company's head noun names a company, not a state's bank.
  EXPECT_EQ(findings("The Pacific Bank closed, Dhaka officials said. Bangladesh agreed.", ix), V{});
  // A short name is not open to a thesaurus: "U.S. Navy" and "U.S. Armed" are other words.
  EXPECT_EQ(findings("U.S. officials said U.S. Militia doctors worked in Washington.", ix), V{});
}

std::string load_error(const std::string& toml) {
  rules::RuleSet set;
  try {
    set.load_rule(toml, "entity-near-miss.toml", "entity");
  } catch (const rules::LoadError& e) {
    return e.what();
  }
  return "";
}

// A dictionary whose space agency and party were read from a source by a program (target
// `country`) or are known names only (`none`).
const rules::EntityIndex& read_index() {
  static const rules::EntityIndex* index = new rules::EntityIndex(dictionary_of({
      {"dict/countries.tsv",
       "id\tshort_name\tdemonym_adj\tdemonym_noun\tdemonym_plural\tcapitals\n"
       "CN\tChina\tChinese\tChinese\tChinese\tBeijing\n"
       "JP\tJapan\tJapanese\tJapanese\tJapanese\tTokyo\n"
       "RW\tRwanda\tRwandan\tRwandan\tRwandans\tKigali\n"
       "BI\tBurundi\tBurundian\tBurundian\tBurundians\tGitega\n"},
      {"dict/government-read.tsv",
       "id\tname\tcountries\tkind\ttarget\tsource\n"
       "cnsa\tChina National Space Administration\tCN\tspace agency\tcountry\tfactbook:ch\n"},
      {"dict/organizations-read.tsv",
       "id\tname\tcountries\tkind\ttarget\tsource\n"
       "rpf\tRwandan Patriotic Front\tRW\tpolitical party\tnone\tfactbook:rw\n"},
  }));
  return *index;
}

TEST(EntityNearMiss, NamesReadFromASourceAreJudgedByTheirCountryWordOnly) {
  const auto& ix = read_index();
  // Another country's word, in a story about the name's own country that never names it.
  EXPECT_EQ(findings("China's Japan National Space Administration will launch a probe, Beijing said.", ix),
            V{"Japan National Space Administration -> China National Space Administration"});
  // ... not in a story about the country swapped in (a former or another real body).
  EXPECT_EQ(findings("Japan's Japan National Space Administration will launch a probe, Tokyo said.", ix), V{});
  // A thesaurus swap of any other word is never judged.
  EXPECT_EQ(findings("China's China National Space Management will launch a probe, Beijing said.", ix), V{});
  // A known name only: never a target.
  EXPECT_EQ(findings("Rwanda's ruling Burundian Patriotic Front won, Kigali said.", ix), V{});
}

TEST(EntityNearMiss, KeysAreReadStrictly) {
  std::string base = rule_text();
  EXPECT_EQ(load_error(base), "");
  auto with = [&](const std::string& line) {
    std::string t = base;
    t.insert(t.find("min_words = "), line + "\n");
    return t;
  };
  EXPECT_NE(load_error(with("min_word = 2")).find("min_word"), std::string::npos);
  std::string bad_type = base;
  bad_type.replace(bad_type.find("word_types = ["), 14, "word_types = [\"planet\", ");
  EXPECT_NE(load_error(bad_type).find("unknown entity type"), std::string::npos);
  std::string person = base;
  person.replace(person.find("word_types = ["), 14, "word_types = [\"person\", ");
  EXPECT_NE(load_error(person).find("persons"), std::string::npos);
}

}  // namespace
}  // namespace wirelint
