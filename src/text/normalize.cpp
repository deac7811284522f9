#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <limits>

#include "text/utf8.h"

namespace wirelint::text {
namespace {


// Decodes one code point of UTF-8 that the caller promised is valid; a stray byte still yields
// a code point (U+FFFD) and advances by one, so a broken promise cannot loop or overrun.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (b(i + k) & 0x3F);
  i += len;
  return cp;
}

// ICU's StringPiece carries an int32_t length.
constexpr std::size_t kMaxIcuLength = static_cast<std::size_t>(std::numeric_limits<int32_t>::max());

icu::StringPiece piece(std::string_view s) {
  return icu::StringPiece(s.data(), static_cast<int32_t>(s.size()));
}

class NfcMapper {
 public:
  NfcMapper(const icu::Normalizer2& nfc, std::string_view in, Normalized& out)
      : nfc_(nfc), in_(in), out_(out) {}

  // Splits the input at points where NFC cannot look across (hasBoundaryBefore), normalizes
  // each piece on its own, and records for every output byte which input piece produced it.
  // Pieces that come out unchanged keep a byte-exact map, so only the bytes of characters that
  // actually changed lose precision.
  bool run() {
    out_.text.reserve(in_.size() + in_.size() / 8 + 16);
    out_.to_input.reserve(in_.size() + in_.size() / 8 + 17);
    std::size_t seg = 0, i = 0;
    std::size_t seg_cps = 0;
    char32_t seg_first = 0;
    while (i < in_.size()) {
      std::size_t start = i;
      char32_t c = next_code_point(in_, i);
      if (start > seg && (c < 0x80 || nfc_.hasBoundaryBefore(static_cast<UChar32>(c)))) {
        if (!flush(seg, start, seg_cps, seg_first)) return false;
        seg = start;
        seg_cps = 0;
      }
      if (seg_cps++ == 0) seg_first = c;
    }
    if (seg < in_.size() && !flush(seg, in_.size(), seg_cps, seg_first)) return false;
    out_.to_input.push_back(static_cast<std::uint32_t>(in_.size()));
    return true;
  }

 private:
  void copy_identity(std::size_t a, std::size_t b) {
    out_.text.append(in_.data() + a, b - a);
    for (std::size_t k = a; k < b; ++k) out_.to_input.push_back(static_cast<std::uint32_t>(k));
  }

  bool flush(std::size_t a, std::size_t b, std::size_t cps, char32_t first) {
    // A lone character that passes NFC quick check is already normalized; skipping ICU for
    // these keeps the non-NFC path close to linear-copy speed on mostly-NFC text.
    if (cps == 1 && (first < 0x300 || u_getIntPropertyValue(static_cast<UChar32>(first),
                                                            UCHAR_NFC_QUICK_CHECK) == UNORM_YES)) {
      copy_identity(a, b);
      return true;
    }
    std::string_view segment = in_.substr(a, b - a);
    scratch_.clear();
    icu::StringByteSink<std::string> sink(&scratch_);
    UErrorCode ec = U_ZERO_ERROR;
    nfc_.normalizeUTF8(0, piece(segment), sink, nullptr, ec);
    if (U_FAILURE(ec)) return false;
    if (scratch_ == segment) {
      copy_identity(a, b);
      return true;
    }
    out_.text += scratch_;
    out_.to_input.insert(out_.to_input.end(), scratch_.size(), static_cast<std::uint32_t>(a));
    return true;
  }

  const icu::Normalizer2& nfc_;
  std::string_view in_;
  Normalized& out_;
  std::string scratch_;
};

}  // namespace

Normalized normalize_nfc(std::string_view utf8) {
  Normalized result;
  // Anything ICU cannot handle (an oversized input, a missing data file) degrades to the
  // identity: the linter then works on unnormalized text rather than failing the file.
  auto identity = [&] {
    result.text.assign(utf8.data(), utf8.size());
    result.to_input.clear();
    return std::move(result);
  };
  if (is_ascii(utf8) || utf8.size() > kMaxIcuLength) return identity();
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec) || nfc == nullptr) return identity();
  UBool normalized = nfc->isNormalizedUTF8(piece(utf8), ec);
  if (U_FAILURE(ec) || normalized) return identity();
  NfcMapper mapper(*nfc, utf8, result);
  if (!mapper.run()) return identity();
  return result;
}

std::string fold_case(std::string_view utf8) {
  std::string out(utf8);
  if (is_ascii(utf8)) {
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  if (utf8.size() > kMaxIcuLength) return out;
  std::string folded;
  folded.reserve(utf8.size() + 8);
  icu::StringByteSink<std::string> sink(&folded);
  UErrorCode ec = U_ZERO_ERROR;
  icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, piece(utf8), sink, nullptr, ec);
  if (U_FAILURE(ec)) return out;
  return folded;
}

}  // namespace wirelint::text
