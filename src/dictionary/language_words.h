// Words of other languages: which of the word lists of other languages (French, German,
// Spanish, ...) hold a lower-case word, so that the spelling rule can tell a word of a passage in
// another language ("Mitt lille land", "the le tricolore") from a slip of an English word.
//
// The lists are plain word lists that Debian ships (wfrench, wngerman, ...); which ones, and
// where they are, is data: dictionaries/languages/lists.tsv. `wirelint models compile` compiles
// them, in lower case, into one image (dictionaries/languages/words.bin) that is mapped on first use and read in
// place: a sorted array of 32-bit hashes of the words (FNV-1a) beside a mask of the lists that
// hold each, the top bit set when English writes the word too. Two words that share a hash
// share a mask: about one lookup in 1,500 of a word no list holds answers some language, which
// the rule tolerates (it asks for a second word of the same language beside the first).
// Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace wirelint {
class MappedFile;
}

namespace wirelint::dictionary {

class LanguageWords {
 public:
  // The bit of a word English writes too (the spelling checker knows it).
  static constexpr std::uint16_t kEnglish = 0x8000;
  static constexpr std::size_t kMaxLanguages = 15;
  // Words longer than this many bytes are left out of the image (long compounds say nothing a
  // shorter neighbour does not).
  static constexpr std::size_t kMaxWordBytes = 24;

  struct Source {
    std::string code;     // a short name of the language ("fr")
    std::string path;     // its word list, one word a line
    std::string package;  // the Debian package that installs it
  };
  // The lists of `lists_tsv` (code, path, package, license; '#' comments). Throws ImageError
  // "FILE: line N: ..." on a malformed line, or more than kMaxLanguages lists.
  static std::vector<Source> read_sources(const std::string& lists_tsv);

  struct Compiled {
    std::size_t words = 0;             // distinct words written
    std::vector<std::string> missing;  // lists that could not be read (their package is not installed)
  };
  // Compiles the lists of `lists_tsv` into the image `out` (written atomically). `english`
  // answers whether English writes a lower-case word. A list that cannot be read is skipped and
  // named in `missing`.
  static Compiled compile(const std::string& lists_tsv, const std::string& out,
                          const std::function<bool(std::string_view)>& english);

  // Maps `image` (nothing is read until the first lookup). A missing, empty or damaged image
  // holds no words; problem() says why.
  explicit LanguageWords(std::string image);
  ~LanguageWords();
  LanguageWords(const LanguageWords&) = delete;
  LanguageWords& operator=(const LanguageWords&) = delete;

  // `word` in lower case (ASCII and Latin-1 capitals), as the image holds words.
  static std::string fold(std::string_view word);
  // The lists holding `word` in lower case (bit i: the i-th of codes()), with kEnglish
  // when English writes it too; 0 when none does.
  std::uint16_t languages(std::string_view word) const;
  const std::vector<std::string>& codes() const;
  std::size_t size() const;
  const std::string& problem() const;

 private:
  void open() const;
  std::string path_;
  mutable std::once_flag opened_;
  mutable std::unique_ptr<MappedFile> map_;
  mutable std::vector<std::string> codes_;
  mutable const char* hashes_ = nullptr;  // n u32, ascending
  mutable const char* masks_ = nullptr;   // n u16
  mutable std::size_t n_ = 0;
  mutable std::string problem_;
};

}  // namespace wirelint::dictionary
