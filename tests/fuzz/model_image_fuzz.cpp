// Fuzz target: the synonym and n-gram model loader (models/synonyms.h), which maps a compiled
// image or, when the image is unusable, compiles its TSV sources. The first byte picks what the
// rest is: even, a compiled image (its header's source count must be 0 to be taken); odd, the
// text of a TSV source. A malformed source must be a SynonymError that names the file and line;
// a malformed image must be refused (the model is then compiled from no sources, and is empty);
// whatever loads must answer every kind of lookup without reading out of bounds.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz/fuzz_support.h"
#include "models/synonyms.h"

namespace {

const std::string& scratch(const char* name) {
  static const std::string dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("wirelint-model-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  static std::string paths[2] = {dir + "/image.bin", dir + "/source.tsv"};
  return paths[name[0] == 's'];
}

void exercise(const wirelint::models::SynonymModel& m) {
  static const char* words[] = {"prime", "first", "foremost", "agency", "spy", "detective", "a", "", "Guards", "realised"};
  for (const char* a : words) {
    for (const auto& [b, r] : m.synonyms(a)) (void)m.relation(a, b);
    for (const char* b : words) {
      (void)m.relation(a, b);
      (void)m.pair_strength(a, b);
    }
    std::size_t n = 0;
    m.for_each_pair(a, [&](std::string_view, std::uint8_t) { ++n; });
    if (n > m.pairs()) wirelint::fuzz::fail("more pairs of one word than in the table");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  if (size == 0) return 0;
  bool source = data[0] & 1;
  const std::string& path = scratch(source ? "source" : "image");
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    auto m = source ? models::SynonymModel::open({path}, "") : models::SynonymModel::open({}, path);
    if (!source && !m->from_image() && (m->words() != 0 || m->pairs() != 0)) fuzz::fail("no sources, yet words");
    exercise(*m);
  } catch (const models::SynonymError& e) {
    if (!source) fuzz::fail(std::string("an image alone must not throw: ") + e.what());
    fuzz::check_error_names_file(e.what(), path);
  }
  return 0;
}
