#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "text/normalize.h"
#include "text/script.h"
#include "text/utf8.h"

using namespace wirelint::text;

// ---- utf8 ----

TEST(Utf8, ValidInputs) {
  EXPECT_EQ(first_invalid_utf8(""), npos);
  EXPECT_EQ(first_invalid_utf8("plain ASCII text that is longer than eight bytes"), npos);
  EXPECT_EQ(first_invalid_utf8("Caf\xC3\xA9"), npos);                 // U+00E9
  EXPECT_EQ(first_invalid_utf8("\xE2\x80\x9Cquoted\xE2\x80\x9D"), npos);  // curly quotes
  EXPECT_EQ(first_invalid_utf8("\xF0\x9F\x98\x80"), npos);           // U+1F600
  EXPECT_EQ(first_invalid_utf8("\xF4\x8F\xBF\xBF"), npos);           // U+10FFFF
  EXPECT_EQ(first_invalid_utf8("\xED\x9F\xBF"), npos);               // U+D7FF
  EXPECT_EQ(first_invalid_utf8("\xEE\x80\x80"), npos);               // U+E000
  EXPECT_EQ(first_invalid_utf8(std::string("a\0b", 3)), npos);       // NUL is valid UTF-8
}

TEST(Utf8, RejectsIllFormedSequences) {
  EXPECT_EQ(first_invalid_utf8("ab\x80"), 2u);                  // stray continuation
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0u);                // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xC1\xBF"), 0u);                // overlong
  EXPECT_EQ(first_invalid_utf8("x\xE0\x80\xAF"), 1u);           // overlong 3-byte
  EXPECT_EQ(first_invalid_utf8("\xF0\x80\x80\xAF"), 0u);        // overlong 4-byte
  EXPECT_EQ(first_invalid_utf8("ok \xED\xA0\x80"), 3u);         // surrogate U+D800
  EXPECT_EQ(first_invalid_utf8("\xED\xBF\xBF"), 0u);            // surrogate U+DFFF
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);        // U+110000
  EXPECT_EQ(first_invalid_utf8("\xF5\x80\x80\x80"), 0u);        // lead F5
  EXPECT_EQ(first_invalid_utf8("\xFF"), 0u);
  EXPECT_EQ(first_invalid_utf8("abc\xC3"), 3u);                 // truncated at end
  EXPECT_EQ(first_invalid_utf8("abc\xE2\x80"), 3u);             // truncated at end
  EXPECT_EQ(first_invalid_utf8("\xE2\x80z"), 0u);               // truncated mid-string
  // The ASCII fast path must not skip a bad byte that sits after a full 8-byte block.
  EXPECT_EQ(first_invalid_utf8("0123456789abcdef\x80"), 16u);
  EXPECT_EQ(first_invalid_utf8("01234567\xC3\xA9" "89abcdef\xFE"), 18u);
}

TEST(Utf8, BlanksMaximalSubparts) {
  std::string s = "a\xE2\x80z";  // truncated 3-byte sequence: one subpart of two bytes
  EXPECT_EQ(blank_invalid_utf8(s), 1u);
  EXPECT_EQ(s, "a  z");

  s = "\xE0\x80\xAF!";  // E0 cannot be followed by 80: three separate one-byte subparts
  EXPECT_EQ(blank_invalid_utf8(s), 0u);
  EXPECT_EQ(s, "   !");

  s = "x\xF0\x9F\x98";  // truncated emoji at end
  EXPECT_EQ(blank_invalid_utf8(s), 1u);
  EXPECT_EQ(s, "x   ");

  s = "\xC3\xA9\xFF\xC3\xA9\xED\xA0\x80\xC3\xA9";
  EXPECT_EQ(blank_invalid_utf8(s), 2u);
  EXPECT_EQ(s, "\xC3\xA9 \xC3\xA9   \xC3\xA9");
  EXPECT_EQ(first_invalid_utf8(s), npos);

  s = "all good \xC3\xA9";
  EXPECT_EQ(blank_invalid_utf8(s), npos);
  EXPECT_EQ(s, "all good \xC3\xA9");

  s.clear();
  EXPECT_EQ(blank_invalid_utf8(s), npos);
}

TEST(Utf8, BlankingAlwaysYieldsValidUtf8OfSameLength) {
  // Every two-byte combination, with a valid character on either side.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 7) {
      std::string s = "\xC3\xA9";
      s += static_cast<char>(a);
      s += static_cast<char>(b);
      s += "\xE2\x82\xAC";
      std::size_t size = s.size();
      blank_invalid_utf8(s);
      ASSERT_EQ(s.size(), size);
      ASSERT_EQ(first_invalid_utf8(s), npos) << a << " " << b;
      ASSERT_EQ(s.substr(0, 2), "\xC3\xA9");
      ASSERT_EQ(s.substr(size - 3), "\xE2\x82\xAC");
    }
  }
}

TEST(Utf8, CodePointCount) {
  EXPECT_EQ(code_point_count(""), 0u);
  EXPECT_EQ(code_point_count("abc"), 3u);
  EXPECT_EQ(code_point_count("Caf\xC3\xA9"), 4u);
  EXPECT_EQ(code_point_count("\xF0\x9F\x98\x80x"), 2u);
}

// ---- normalize ----

TEST(Normalize, NfcInputIsReturnedWithEmptyMap) {
  for (std::string s : {std::string(""), std::string("Plain ASCII."),
                        std::string("Caf\xC3\xA9 \xE2\x80\x9CKyiv\xE2\x80\x9D"),
                        std::string("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0")}) {
    Normalized n = normalize_nfc(s);
    EXPECT_EQ(n.text, s);
    EXPECT_TRUE(n.to_input.empty());
  }
}

TEST(Normalize, ComposesAndMapsBackToTheBaseLetter) {
  std::string in = "Caf" "e\xCC\x81";  // e + COMBINING ACUTE ACCENT
  Normalized n = normalize_nfc(in);
  EXPECT_EQ(n.text, "Caf\xC3\xA9");
  ASSERT_EQ(n.to_input.size(), n.text.size() + 1);
  EXPECT_EQ(n.to_input[0], 0u);
  EXPECT_EQ(n.to_input[2], 2u);
  EXPECT_EQ(n.to_input[3], 3u);  // first byte of é -> the 'e'
  EXPECT_EQ(n.to_input[4], 3u);  // inside é -> still the 'e'
  EXPECT_EQ(n.to_input[5], in.size());
}

TEST(Normalize, MapIsMonotonicAndKeepsUnchangedTextExact) {
  // Text before and after a decomposed letter keeps byte-exact offsets; a singleton
  // decomposition (ANGSTROM SIGN -> Å) and a reordering of combining marks are mapped too.
  std::string in = "K\xC3\xB6ln e\xCC\x81t\xC3\xA9 \xE2\x84\xAB a\xCC\x81\xCC\xA3 end";
  Normalized n = normalize_nfc(in);
  ASSERT_EQ(n.to_input.size(), n.text.size() + 1);
  EXPECT_EQ(n.to_input.back(), in.size());
  for (std::size_t i = 1; i < n.to_input.size(); ++i) EXPECT_LE(n.to_input[i - 1], n.to_input[i]);
  EXPECT_EQ(n.text.substr(0, 6), "K\xC3\xB6ln ");
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(n.to_input[i], i);
  std::size_t end_in_text = n.text.rfind("end");
  EXPECT_EQ(n.to_input[end_in_text], in.rfind("end"));
  EXPECT_NE(n.text.find("\xC3\x85"), std::string::npos);  // Å
  // NFC of a + acute + dot below: the dot below (ccc 220) composes first.
  EXPECT_NE(n.text.find("\xE1\xBA\xA1\xCC\x81"), std::string::npos);
  Normalized again = normalize_nfc(n.text);
  EXPECT_EQ(again.text, n.text);
  EXPECT_TRUE(again.to_input.empty());
}

TEST(Normalize, HangulJamoCompose) {
  std::string in = "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB";  // U+1112 U+1161 U+11AB -> 한
  Normalized n = normalize_nfc(in);
  EXPECT_EQ(n.text, "\xED\x95\x9C");
  ASSERT_EQ(n.to_input.size(), 4u);
  EXPECT_EQ(n.to_input[0], 0u);
  EXPECT_EQ(n.to_input[3], 9u);
}

TEST(FoldCase, AsciiAndUnicode) {
  EXPECT_EQ(fold_case(""), "");
  EXPECT_EQ(fold_case("Korean Central NEWS Agency 42"), "korean central news agency 42");
  EXPECT_EQ(fold_case("Stra\xC3\x9F" "e"), "strasse");
  EXPECT_EQ(fold_case("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90"),
            "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");  // МОСКВА -> москва
  EXPECT_EQ(fold_case("\xC3\x89LYS\xC3\x89" "E"), "\xC3\xA9lys\xC3\xA9" "e");  // ÉLYSÉE
  EXPECT_EQ(fold_case("\xCE\xA3"), "\xCF\x83");  // Σ -> σ
}

// ---- script ----

const char* const kMoscowCyrillicO = "M\xD0\xBE" "scow";  // U+043E CYRILLIC SMALL LETTER O
const char* const kMoskvaCyrillic = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";

TEST(Script, MixedLatinCyrillic) {
  ScriptChecker checker;
  EXPECT_TRUE(checker.is_mixed_script(kMoscowCyrillicO));
  EXPECT_EQ(checker.latin_form(kMoscowCyrillicO), "Moscow");
  // Cyrillic "ё" decomposes in the skeleton; the Latin form comes back composed.
  std::string yo = "Pot\xD1\x91mkin";
  EXPECT_TRUE(checker.is_mixed_script(yo));
  EXPECT_EQ(checker.latin_form(yo), "Pot\xC3\xABmkin");
}

TEST(Script, SingleScriptWordsAreNotMixed) {
  ScriptChecker checker;
  EXPECT_FALSE(checker.is_mixed_script("Moscow"));
  EXPECT_FALSE(checker.is_mixed_script(kMoskvaCyrillic));
  EXPECT_FALSE(checker.is_mixed_script("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"));  // Αθήνα
  EXPECT_FALSE(checker.is_mixed_script("Caf\xC3\xA9"));
  EXPECT_FALSE(checker.is_mixed_script(""));
  // Digits, punctuation and combining marks belong to no script in particular.
  EXPECT_FALSE(checker.is_mixed_script("COVID-19\xE2\x80\x99s"));
  EXPECT_FALSE(checker.is_mixed_script("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0-2024"));
  EXPECT_EQ(checker.latin_form("Moscow"), "");
  EXPECT_EQ(checker.latin_form(kMoskvaCyrillic), "");  // к, в have no Latin skeleton
}

TEST(Script, MixedLatinGreek) {
  ScriptChecker checker;
  std::string word = "Ath\xCE\xB5ns";  // Greek small epsilon
  EXPECT_TRUE(checker.is_mixed_script(word));
  std::string upper = "\xCE\x9A" "orea";  // Greek capital kappa
  EXPECT_TRUE(checker.is_mixed_script(upper));
  EXPECT_EQ(checker.latin_form(upper), "Korea");
}

TEST(Script, CyrillicWordWithLatinLetter) {
  ScriptChecker checker;
  std::string word = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2" "a";  // Latin final a
  EXPECT_TRUE(checker.is_mixed_script(word));
  EXPECT_EQ(checker.latin_form(word), "");
}

TEST(Script, SharedBetweenThreads) {
  const ScriptChecker checker;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!checker.is_mixed_script(kMoscowCyrillicO)) ++failures;
        if (checker.latin_form(kMoscowCyrillicO) != "Moscow") ++failures;
        if (checker.is_mixed_script(kMoskvaCyrillic)) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}
