#include "tokenize/tokens.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

#include "text/normalize.h"
#include "text/utf8.h"

namespace wirelint::tokenize {
namespace {

// Break iterators are costly to build and not thread-safe to share: one per thread, reused.
icu::BreakIterator& iterator(bool sentences) {
  thread_local std::unique_ptr<icu::BreakIterator> words, sents;
  auto& slot = sentences ? sents : words;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status)
                         : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status) || !slot) throw std::runtime_error("ICU break iterator unavailable");
  }
  return *slot;
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

std::unique_ptr<UText, UTextCloser> open_text(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU cannot open text");
  return std::unique_ptr<UText, UTextCloser>(ut);
}

// Folded form used for matching: case-folded, with typographic apostrophes made plain so
// "Iran’s" and "Iran's" compare equal.
void append_folded(std::string& pool, std::string_view word) {
  if (text::is_ascii(word)) {
    for (char c : word) pool.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    return;
  }
  std::string folded = text::fold_case(word);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) and U+02BC MODIFIER LETTER APOSTROPHE (CA BC)
    if (i + 2 < folded.size() && static_cast<unsigned char>(folded[i]) == 0xE2 &&
        static_cast<unsigned char>(folded[i + 1]) == 0x80 &&
        static_cast<unsigned char>(folded[i + 2]) == 0x99) {
      pool.push_back('\'');
      i += 2;
    } else if (i + 1 < folded.size() && static_cast<unsigned char>(folded[i]) == 0xCA &&
               static_cast<unsigned char>(folded[i + 1]) == 0xBC) {
      pool.push_back('\'');
      i += 1;
    } else {
      pool.push_back(folded[i]);
    }
  }
}

}  // namespace

namespace {

// Counts cased letters; the shape follows from the counts and the first cased letter.
struct CaseTally {
  int upper = 0, lower = 0;
  bool first_upper = false, seen = false;
  void add(bool is_upper, bool is_lower) {
    if (!is_upper && !is_lower) return;
    if (!seen) first_upper = is_upper;
    seen = true;
    upper += is_upper;
    lower += is_lower;
  }
  CaseShape shape() const {
    if (!seen) return CaseShape::none;
    if (upper == 0) return CaseShape::lower;
    if (first_upper && upper == 1) return CaseShape::capitalized;
    return lower == 0 ? CaseShape::upper : CaseShape::mixed;
  }
};

}  // namespace

CaseShape case_shape(std::string_view word) {
  CaseTally tally;
  if (text::is_ascii(word)) {
    for (char c : word) tally.add(c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z');
    return tally.shape();
  }
  for (int32_t i = 0, n = static_cast<int32_t>(word.size()); i < n;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0) continue;
    tally.add(c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c) || u_istitle(c),
              c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c));
  }
  return tally.shape();
}

// Short ASCII texts segment the same way under a plain scan that applies the UAX #29 rules
// for ASCII (letters and digits join; "'" and "." join letters; ".", "," and "'" join digits;
// everything else but space is a token of its own), and dictionary and rule phrases are
// thousands of such texts: building ICU iterators for each would dominate start-up. Sentence
// ends need ICU, so a full stream takes this path only when there is no ".", "!", "?" or line
// break; a tokens-only stream (phrases) takes it whenever the text is plain ASCII.
bool TokenStream::simple_ascii(std::string_view text, bool tokens_only) {
  if (text.size() > 256) return false;
  for (unsigned char c : text) {
    if (c >= 0x80 || c == '_' || c == ':' || (c < 0x20 && c != '\t')) return false;
    if (!tokens_only && (c == '.' || c == '!' || c == '?')) return false;
  }
  return true;
}

// Fills the token's folded form (punctuation as it is) and case shape, then keeps it.
void TokenStream::push_token(Token& t, std::string_view surface) {
  t.fold_begin = static_cast<std::uint32_t>(folded_.size());
  if (t.kind == TokenKind::punct) {
    folded_.append(surface);
  } else {
    append_folded(folded_, surface);
    t.shape = case_shape(surface);
  }
  t.fold_length = static_cast<std::uint32_t>(folded_.size()) - t.fold_begin;
  tokens_.push_back(t);
}

namespace {

// At least as many tokens as `text` can hold (a token starts after a space, at a punctuation
// byte, or where a word meets punctuation), so the token vector is allocated once: growing it
// by doubling would hold the old and the new array at once, 1.5 times the memory at the peak.
std::size_t token_bound(std::string_view text) {
  // A story's vector is small and the count would cost more than a regrowth.
  if (text.size() < (std::size_t{1} << 16)) return text.size() / 4 + 1;
  std::size_t n = 1;
  bool in_word = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    bool word = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (!space && (!word || !in_word)) ++n;
    in_word = word;
  }
  return n;
}

}  // namespace

void TokenStream::scan_simple_ascii() {
  tokens_.reserve(token_bound(text_));
  folded_.reserve(text_.size());
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  bool space = false;
  for (std::size_t i = 0; i < text_.size();) {
    char c = text_[i];
    if (c == ' ' || c == '\t') {
      space = true;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    if (letter(c) || digit(c)) {
      while (j < text_.size()) {
        char d = text_[j];
        if (letter(d) || digit(d)) {
          ++j;
          continue;
        }
        if (j + 1 < text_.size()) {
          char p = text_[j - 1], n = text_[j + 1];
          bool mid_letter = (d == '\'' || d == '.') && letter(p) && letter(n);
          bool mid_num = (d == '.' || d == ',' || d == '\'') && digit(p) && digit(n);
          if (mid_letter || mid_num) {
            j += 2;
            continue;
          }
        }
        break;
      }
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(i);
    t.end = static_cast<std::uint32_t>(j);
    // ICU reports the status of the rule that ended the word: "G20" is a number, "3M" a word.
    t.kind = !(letter(c) || digit(c)) ? TokenKind::punct : letter(text_[j - 1]) ? TokenKind::word : TokenKind::number;
    t.space_before = space;
    t.paragraph_before = tokens_.empty();
    t.sentence_start = tokens_.empty();
    push_token(t, text_.substr(i, j - i));
    space = false;
    i = j;
  }
  if (!tokens_.empty())
    sentences_.push_back(Sentence{tokens_.front().begin, tokens_.back().end, 0,
                                  static_cast<std::uint32_t>(tokens_.size())});
}

TokenStream::TokenStream(std::string_view text, Mode mode) : text_(text) {
  if (simple_ascii(text, mode == Mode::tokens_only)) {
    scan_simple_ascii();
    return;
  }
  tokens_.reserve(token_bound(text));
  folded_.reserve(text.size());
  auto ut = open_text(text);
  UErrorCode status = U_ZERO_ERROR;

  // Sentence starts first, so each token can be tagged as it is made.
  // Hard-wrapped copy (every line of a Reuters story ends in a newline) would otherwise end a
  // sentence at each line: single line breaks are read as spaces, blank lines still separate.
  std::vector<std::uint32_t> sentence_starts;
  {
    std::string unwrapped(text);
    for (std::size_t i = 0; i < unwrapped.size(); ++i) {
      if (unwrapped[i] != '\n' && unwrapped[i] != '\r') continue;
      std::size_t j = i;
      int breaks = 0;
      while (j < unwrapped.size() && (unwrapped[j] == '\n' || unwrapped[j] == '\r' ||
                                      unwrapped[j] == ' ' || unwrapped[j] == '\t')) {
        if (unwrapped[j] == '\n' || (unwrapped[j] == '\r' && (j + 1 >= unwrapped.size() || unwrapped[j + 1] != '\n')))
          ++breaks;
        ++j;
      }
      if (breaks < 2)
        for (std::size_t k = i; k < j; ++k)
          if (unwrapped[k] == '\n' || unwrapped[k] == '\r') unwrapped[k] = ' ';
      i = j - 1;
    }
    auto uw = open_text(unwrapped);
    icu::BreakIterator& it = iterator(true);
    it.setText(uw.get(), status);
    for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next())
      if (static_cast<std::size_t>(b) < text.size()) sentence_starts.push_back(static_cast<std::uint32_t>(b));
  }
  if (sentence_starts.empty()) sentence_starts.push_back(0);

  icu::BreakIterator& it = iterator(false);
  it.setText(ut.get(), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU cannot segment text");

  bool space = false, newline = false, paragraph = true;
  int line_breaks = 0;
  std::size_t next_sentence = 0;
  std::uint32_t sentence_index = 0;
  bool pending_sentence_start = true;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    const int32_t status_tag = it.getRuleStatus();
    while (next_sentence < sentence_starts.size() &&
           sentence_starts[next_sentence] <= static_cast<std::uint32_t>(start)) {
      if (next_sentence > 0 || sentence_starts[0] == 0) {
        sentence_index = static_cast<std::uint32_t>(next_sentence);
        pending_sentence_start = true;
      }
      ++next_sentence;
    }
    std::string_view seg = text.substr(start, end - start);
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(seg.data(), i, static_cast<int32_t>(seg.size()), c);
    if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85) {
      // CRLF arrives as one segment; a lone CR or LF each count once.
      for (char ch : seg) line_breaks += ch == '\n' || ch == '\r';
      if (seg == "\r\n") --line_breaks;
      space = newline = true;
      if (line_breaks >= 2) paragraph = true;
      continue;
    }
    if (c >= 0 && u_isUWhiteSpace(c)) {
      space = true;
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(end);
    if (status_tag >= UBRK_WORD_LETTER)
      t.kind = TokenKind::word;
    else if (status_tag >= UBRK_WORD_NUMBER)
      t.kind = TokenKind::number;
    else if (c >= 0 && (u_isalpha(c)))
      t.kind = TokenKind::word;  // letters ICU left unclassified (e.g. a lone letter in some scripts)
    else
      t.kind = TokenKind::punct;
    t.space_before = space;
    t.newline_before = newline;
    t.paragraph_before = paragraph;
    t.sentence = sentence_index;
    t.sentence_start = pending_sentence_start;
    pending_sentence_start = false;
    push_token(t, seg);
    space = newline = paragraph = false;
    line_breaks = 0;
  }

  // Sentences in token terms; sentences without tokens (only whitespace) are dropped.
  for (std::uint32_t k = 0; k < tokens_.size();) {
    std::uint32_t s = tokens_[k].sentence, j = k;
    while (j < tokens_.size() && tokens_[j].sentence == s) ++j;
    Sentence sent;
    sent.first_token = k;
    sent.end_token = j;
    sent.begin = tokens_[k].begin;
    sent.end = tokens_[j - 1].end;
    for (std::uint32_t m = k; m < j; ++m) tokens_[m].sentence = static_cast<std::uint32_t>(sentences_.size());
    sentences_.push_back(sent);
    k = j;
  }
}

}  // namespace wirelint::tokenize
