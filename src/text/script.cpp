#include "text/script.h"

#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <limits>

#include "text/normalize.h"

#include "text/utf8.h"

namespace wirelint::text {
namespace {


bool is_lookalike_script(UScriptCode sc) {
  return sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK;
}

bool is_neutral_script(UScriptCode sc) {
  return sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_UNKNOWN;
}

// Calls `f(cp, begin, end)` for each code point of `s`; ill-formed bytes come through as
// negative code points so callers can skip them.
template <typename F>
void for_each_code_point(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    int32_t begin = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    f(c, static_cast<std::size_t>(begin), static_cast<std::size_t>(i));
  }
}

UScriptCode script_of(UChar32 c) {
  if (c < 0) return USCRIPT_UNKNOWN;
  UErrorCode ec = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(c, &ec);
  return U_FAILURE(ec) ? USCRIPT_UNKNOWN : sc;
}

}  // namespace

// The spoof checker is only used through const functions (skeletons), which ICU documents as
// safe to call concurrently on one instance; the script tests use stateless ICU lookups.
struct ScriptChecker::Impl {
  USpoofChecker* spoof = nullptr;
  ~Impl() {
    if (spoof != nullptr) uspoof_close(spoof);
  }
};

ScriptChecker::ScriptChecker() : impl_(std::make_unique<Impl>()) {
  UErrorCode ec = U_ZERO_ERROR;
  USpoofChecker* sc = uspoof_open(&ec);
  if (U_SUCCESS(ec)) {
    impl_->spoof = sc;
  } else if (sc != nullptr) {
    uspoof_close(sc);
  }
}

ScriptChecker::~ScriptChecker() = default;

bool ScriptChecker::is_mixed_script(std::string_view word) const {
  if (is_ascii(word) || word.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max()))
    return false;
  bool latin = false, cyrillic = false, greek = false;
  for_each_code_point(word, [&](UChar32 c, std::size_t, std::size_t) {
    switch (script_of(c)) {
      case USCRIPT_LATIN: latin = true; break;
      case USCRIPT_CYRILLIC: cyrillic = true; break;
      case USCRIPT_GREEK: greek = true; break;
      default: break;
    }
  });
  // Cyrillic next to Greek inside one word is as much a re-keying artifact as either next to
  // Latin; other script pairs (Latin with Han, say) occur in legitimate product names.
  return int(latin) + int(cyrillic) + int(greek) >= 2;
}

std::string ScriptChecker::latin_form(std::string_view word) const {
  if (impl_->spoof == nullptr || is_ascii(word) ||
      word.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max()))
    return {};
  std::string out;
  out.reserve(word.size());
  bool replaced = false, ok = true;
  char buf[64];
  for_each_code_point(word, [&](UChar32 c, std::size_t begin, std::size_t end) {
    if (!ok) return;
    if (c < 0) {
      ok = false;
      return;
    }
    std::string_view bytes = word.substr(begin, end - begin);
    UScriptCode sc = script_of(c);
    if (!is_lookalike_script(sc)) {
      // Latin letters are kept as typed: their own skeletons fold further ("m" -> "rn"),
      // which would turn a correct spelling into a wrong one.
      out.append(bytes);
      return;
    }
    UErrorCode ec = U_ZERO_ERROR;
    int32_t len = uspoof_getSkeletonUTF8(impl_->spoof, 0, bytes.data(),
                                         static_cast<int32_t>(bytes.size()), buf,
                                         static_cast<int32_t>(sizeof buf), &ec);
    if (U_FAILURE(ec) || len <= 0 || len > static_cast<int32_t>(sizeof buf)) {
      ok = false;
      return;
    }
    // Skeletons may land on rare Latin letters (Cyrillic "к" -> "ĸ", "в" -> "ʙ"); those do not
    // make a word a reader would take for Latin, so only basic letters (with accents) count.
    std::string_view skeleton(buf, static_cast<std::size_t>(len));
    bool basic = true;
    for_each_code_point(skeleton, [&](UChar32 s, std::size_t, std::size_t) {
      bool letter = (s >= 'a' && s <= 'z') || (s >= 'A' && s <= 'Z');
      if (!letter && script_of(s) != USCRIPT_INHERITED) basic = false;
    });
    if (!basic) {
      ok = false;
      return;
    }
    out.append(skeleton);
    replaced = true;
  });
  if (!ok || !replaced) return {};
  bool all_latin = true, any_latin = false;
  for_each_code_point(out, [&](UChar32 c, std::size_t, std::size_t) {
    UScriptCode sc = script_of(c);
    if (sc == USCRIPT_LATIN) {
      any_latin = true;
    } else if (!is_neutral_script(sc) || c < 0) {
      all_latin = false;
    }
  });
  if (!all_latin || !any_latin) return {};
  // Skeletons are built from NFD, so a letter such as Cyrillic "ё" comes back decomposed.
  return normalize_nfc(out).text;
}

}  // namespace wirelint::text
