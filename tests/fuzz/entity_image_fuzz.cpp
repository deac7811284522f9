// Fuzz target: any bytes as the payload of the entity image (rules/entity_image.h: the entity
// dictionary, then its index and phrase trie, all read through image/io.h's ImageReader), past
// the header and checksum that would otherwise turn nearly every input away. A malformed payload
// must end in ImageError or EntityError; one that loads must answer lookups and find mentions in
// a story without reading out of bounds, and every mention must name a loaded entity.
#include <cstdint>
#include <string>

#include "dictionary/entities.h"
#include "fuzz/fuzz_support.h"
#include "image/io.h"
#include "rules/entity_index.h"
#include "tokenize/tokens.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  static const tokenize::TokenStream story(
      "North Korea's KCNA said Pyongyang would reply. The North Korean Central News Agency "
      "and the U.S. State Department disagreed, Kim Jong Un's aides said in Washington.");
  dictionary::EntityDictionary dict;
  ImageReader in(reinterpret_cast<const char*>(data), size);
  try {
    dict.read_image(in);
    dict.freeze();
    rules::EntityIndex index(dict, in, nullptr);  // reads `data` in place: it outlives the index
    for (const auto& m : index.find(story)) {
      if (m.entity >= dict.entities().size()) fuzz::fail("mention of entity " + std::to_string(m.entity));
      if (m.first_token >= m.end_token || m.end_token > story.size()) fuzz::fail("mention outside the tokens");
    }
    for (const char* s : {"North Korea", "KCNA", "North Korean", "Pyongyang", ""}) {
      for (const auto& hits : {dict.by_name(s), dict.by_demonym(s), dict.by_capital(s)})
        if (hits)
          for (auto i : *hits)
            if (i >= dict.entities().size()) fuzz::fail("index entry past the entities");
    }
  } catch (const ImageError&) {
  } catch (const dictionary::EntityError&) {
  }
  return 0;
}
