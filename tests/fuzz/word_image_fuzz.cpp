// Fuzz target: the spelling checker's word images. The first byte picks what the rest is: even,
// a whole image of other languages' words (dictionary/language_words.h: hashes and masks, no
// checksum pass, so every lookup must stay in bounds); odd, the table of the compiled English
// word lists (SpellChecker::compile_lists), after a header that matches the small lists beside
// it (so the bytes are taken, not turned away as stale). Neither may throw or read out of
// bounds; a language mask never names a list the image does not, and a checker whose table is
// refused answers from its lists.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "dictionary/language_words.h"
#include "dictionary/spell_checker.h"
#include "fuzz/fuzz_support.h"
#include "image/io.h"

namespace {

struct Scratch {
  std::string dir, words, common, rare, image, header;
  Scratch() {
    auto d = std::filesystem::temp_directory_path() / ("wirelint-word-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    dir = d.string();
    auto write = [&](const char* name, const char* text) {
      std::string p = dir + "/" + name;
      std::ofstream(p, std::ios::binary) << text;
      return p;
    };
    words = write("en.words", "London\nagencies\nagency\nsaid\n");  // sorted, as the lists are
    common = write("common.words", "agency\nsaid\n");
    rare = write("rare.words", "enflame\n");
    image = dir + "/lists.bin";
    wirelint::dictionary::SpellChecker::compile_lists(words, common, rare, image);
    std::ifstream in(image, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    // magic 8, version 4, three stamps of 16, payload size 8, checksum 8: the table follows.
    header = bytes.substr(0, 8 + 4 + 3 * 16);
  }
};

const char* const kWords[] = {"agency", "Agency", "agencies", "london", "London", "said", "enflame", "le",
                              "tricolore", "", "zzzz", "a"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  if (size == 0) return 0;
  static const Scratch s;
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  if (!(data[0] & 1)) {
    std::string path = s.dir + "/languages.bin";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << rest;
    dictionary::LanguageWords words(path);
    auto known = static_cast<std::uint16_t>(((1u << words.codes().size()) - 1) | dictionary::LanguageWords::kEnglish);
    for (const char* w : kWords)
      if (words.languages(w) & ~known) fuzz::fail("a language the image does not name");
    if (words.size() != 0 && !words.problem().empty()) fuzz::fail("words from a refused image");
    return 0;
  }
  ImageWriter tail;
  tail.payload_tail(rest);
  std::ofstream(s.image, std::ios::binary | std::ios::trunc) << s.header << tail.bytes() << rest;
  dictionary::SpellChecker checker(s.dir + "/none.aff", s.dir + "/none.dic", s.words, s.common, s.rare, {}, s.image);
  for (const char* w : kWords) {
    (void)checker.known(w);
    (void)checker.common(w);
    (void)checker.rare(w);
    (void)checker.suggest(w, 3);
  }
  if (!checker.lists_mapped() && (!checker.known("agencies") || checker.known("zzzz")))
    fuzz::fail("a refused table, yet the lists answer wrongly");
  return 0;
}
