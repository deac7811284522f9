// SpellChecker answers the same with the expanded word list (fast path) and with Hunspell
// loaded from the .aff/.dic pair (no list).
#include <gtest/gtest.h>

#include <string>

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
  EXPECT_EQ(s.suggest("bilion", 3), (std::vector<std::string>{"billion", "billon"}));
  EXPECT_EQ(s.suggest("goverment", 1), (std::vector<std::string>{"government"}));
  EXPECT_EQ(s.suggest("venezuela", 1), (std::vector<std::string>{"Venezuela"}));
}

TEST(SpellChecker, MissingFilesAreReported) {
  SpellChecker s("/nonexistent/x.aff", "/nonexistent/x.dic");
  EXPECT_EQ(s.check_files(), "/nonexistent/x.aff: cannot read Hunspell dictionary file");
}

}  // namespace
