// Writes the seed images of entity_image_fuzz, model_image_fuzz and rule_image_fuzz from small
// hand-made sources (for rule_image, the TOML seeds of rule_fuzz that parse), through the
// loaders' own writers (so the seeds follow the image formats as they change):
// `fuzz_make_image_seeds <tests/fuzz/corpus>`. Built with -DWIRELINT_FUZZ=ON.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dictionary/entities.h"
#include "image/io.h"
#include "models/synonyms.h"
#include "rules/entity_index.h"
#include "rules/node.h"
#include "rules/schema.h"

namespace fs = std::filesystem;
using namespace wirelint;

namespace {

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string entity_payload(const std::string& countries, const std::string& agencies) {
  dictionary::EntityDictionary d;
  d.load_tsv(countries, "countries.tsv");
  if (!agencies.empty()) d.load_tsv(agencies, "agencies.tsv");
  d.freeze();
  rules::EntityIndex index(d);
  ImageWriter w;
  d.write_image(w);
  index.write_image(w);
  return std::move(w).take();
}

// A compiled model of `tsv`, its header's source count set to 0 as the fuzzer opens it.
std::string model_image(const fs::path& scratch, const std::string& tsv) {
  write(scratch / "s.tsv", tsv);
  models::SynonymModel::compile({(scratch / "s.tsv").string()}, (scratch / "s.bin").string());
  std::ifstream in(scratch / "s.bin", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::string image = s.str();
  const std::size_t n_sources_at = 16;  // after magic, version and marker
  image.replace(n_sources_at, 4, std::string(4, '\0'));
  return image;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_image_seeds CORPUS_DIR\n");
    return 2;
  }
  fs::path corpus(argv[1]);
  fs::create_directories(corpus / "entity_image");
  fs::create_directories(corpus / "model_image");
  const std::string countries =
      "id\tshort_name\tdemonym_adj\tcapitals\nKP\tNorth Korea\tNorth Korean\tPyongyang\nUS\tUnited States\tAmerican\tWashington\n";
  const std::string agencies = "id\tname\tabbreviations\tcountry\nkcna\tKorean Central News Agency\tKCNA\tKP\n";
  write(corpus / "entity_image" / "seed-two-countries.bin", entity_payload(countries, ""));
  write(corpus / "entity_image" / "seed-agency.bin", entity_payload(countries, agencies));

  fs::path scratch = fs::temp_directory_path() / ("wirelint-seeds-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  const std::string even = "word\tsynonym\tsources\tstrength\nprime\tfirst\trsb\t5\nspy\tdetective\tm\t3\n";
  const std::string odd = "word\tsynonym\tsources\tstrength\nprime\tforemost\tb\t1\nprime\tfirst\trsb\t5\nagency\tbureau\tw\t2\n";
  write(corpus / "model_image" / "seed-image-even-pairs.bin", std::string(1, '\0') + model_image(scratch, even));
  write(corpus / "model_image" / "regression-image-odd-pairs.bin", std::string(1, '\0') + model_image(scratch, odd));
  write(corpus / "model_image" / "seed-source.tsv", "\x01" + odd);
  write(corpus / "model_image" / "seed-source-comments.tsv",
        "\x01# reference pairs\nword\tsynonym\tsources\tstrength\n#\tthe\tn\t2\nthe\tagency\tn\t4\n");
  write(corpus / "model_image" / "seed-source-bad-strength.tsv", "\x01word\tsynonym\tsources\tstrength\nprime\tfirst\tm\tten\n");
  fs::remove_all(scratch);

  fs::create_directories(corpus / "rule_image");
  for (const auto& e : fs::directory_iterator(corpus / "rule")) {
    std::string name = e.path().filename().string();
    if (name.rfind("seed-", 0) != 0) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    try {
      ImageWriter w;
      rules::write_node(w, rules::parse_table(text.str(), name));
      write(corpus / "rule_image" / (e.path().stem().string() + ".bin"), w.bytes());
    } catch (const rules::LoadError&) {  // not TOML: no tree to seed with
    }
  }
  return 0;
}
