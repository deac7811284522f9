// Sentence and token streams over a Document's lintable text, segmented by ICU's word and
// sentence break rules (UAX #29). Whitespace is not a token: each token records whether
// whitespace, a line break or a blank line came before it, so rules can tell "Thomas- Greenfield"
// from "Thomas-Greenfield" and phrases still match across line breaks. Every word and number
// token carries its case-folded form, so matchers compare without allocating.
//
// Cost: one pass of each break iterator over the text, one allocation for the folded pool.
// The iterators are cloned from prototypes built once per process.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wirelint::tokenize {

enum class TokenKind : std::uint8_t { word, number, punct };

// Case shape of a word: "agency" lower, "Agency" capitalized, "KCNA" upper, "iPhone" mixed.
enum class CaseShape : std::uint8_t { none, lower, capitalized, upper, mixed };

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the text
  std::uint32_t end = 0;
  std::uint32_t fold_begin = 0;  // into TokenStream::folded pool
  std::uint32_t fold_length = 0;
  std::uint32_t sentence = 0;  // index into TokenStream::sentences
  TokenKind kind = TokenKind::punct;
  CaseShape shape = CaseShape::none;
  bool space_before = false;      // any whitespace between the previous token and this one
  bool newline_before = false;    // that whitespace holds a line break
  bool paragraph_before = false;  // that whitespace holds a blank line (or this is the first)
  bool sentence_start = false;    // first token of a sentence

  bool is_word() const { return kind == TokenKind::word; }
  std::uint32_t length() const { return end - begin; }
};

struct Sentence {
  std::uint32_t begin = 0;  // byte offsets into the text
  std::uint32_t end = 0;
  std::uint32_t first_token = 0;  // [first_token, end_token)
  std::uint32_t end_token = 0;
};

class TokenStream {
 public:
  // `tokens_only`: sentences are not needed (phrases); they come out as one sentence.
  enum class Mode { full, tokens_only };
  // Segments `text` (valid UTF-8; the stream keeps a view, so `text` must outlive it).
  explicit TokenStream(std::string_view text, Mode mode = Mode::full);

  std::string_view text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  std::size_t size() const { return tokens_.size(); }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }

  std::string_view surface(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  std::string_view surface(std::size_t i) const { return surface(tokens_[i]); }
  // Case-folded form of a word or number; the surface itself for punctuation.
  std::string_view folded(const Token& t) const {
    return std::string_view(folded_).substr(t.fold_begin, t.fold_length);
  }
  std::string_view folded(std::size_t i) const { return folded(tokens_[i]); }
  // Whether token i is its sentence's first word: only punctuation (an opening quotation mark,
  // a bracket) comes before it in the sentence ('"The Bank of England ...').
  bool opens_sentence(std::size_t i) const {
    if (tokens_[i].sentence_start) return true;
    for (std::size_t j = i; j-- > 0;) {
      if (tokens_[j].kind != TokenKind::punct) return false;
      if (tokens_[j].sentence_start) return tokens_[j].sentence == tokens_[i].sentence;
    }
    return false;
  }

 private:
  static bool simple_ascii(std::string_view text, bool tokens_only);
  void scan_simple_ascii();
  void push_token(Token& t, std::string_view surface);

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::string folded_;
};

// Case shape of a word (exposed for rules that classify words outside a stream).
CaseShape case_shape(std::string_view word);

}  // namespace wirelint::tokenize
