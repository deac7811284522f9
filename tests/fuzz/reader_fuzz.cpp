// Fuzz target: the byte-level input path (input/encoding.h, input/reader.h) for plain text: the
// byte-order mark, UTF-16 and UTF-32 decoding, ill-formed UTF-8, NFC with its offset map. A
// decodable UTF-16/32 file must encode back to exactly its own bytes (so --fix keeps the file's
// form); an undecodable one must name an offset inside it. The prepared document must be the
// input, byte for byte, with a text that maps back into it, and the first ill-formed UTF-8 byte
// it reports must really be one.
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.h"
#include "input/encoding.h"
#include "input/reader.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  std::string bytes = fuzz::bytes_of(data, size);
  auto encoding = input::sniff_encoding(bytes);
  if (encoding != input::Encoding::utf8) {
    std::string text;
    if (auto bad = input::decode_to_utf8(bytes, encoding, text)) {
      if (*bad >= bytes.size()) fuzz::fail("decode error offset past the end");
      return 0;
    }
    if (input::encode_from_utf8(text, encoding) != bytes)
      fuzz::fail(std::string("decoded ") + input::encoding_name(encoding) + " does not encode back to the file");
    bytes = std::move(text);
  }
  auto prepared = input::prepare("fuzz.txt", bytes, InputFormat::plain);
  const Document& doc = *prepared.doc;
  if (doc.source != bytes) fuzz::fail("the document's source is not the input");
  if (prepared.error_offset) fuzz::fail("plain text refused");
  std::size_t first_bad = text::first_invalid_utf8(bytes);
  if (prepared.invalid_utf8_offset.value_or(text::npos) != first_bad)
    fuzz::fail("ill-formed UTF-8 reported at " + std::to_string(prepared.invalid_utf8_offset.value_or(text::npos)) +
               ", first is at " + std::to_string(first_bad));
  fuzz::check_document(doc);
  return 0;
}
