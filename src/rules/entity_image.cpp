#include "rules/entity_image.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace wirelint::rules {
namespace {

constexpr char kMagic[8] = {'W', 'L', 'E', 'N', 'T', 'I', 'M', 'G'};
constexpr std::uint32_t kVersion = 5;  // 2: each entity's name target; 3: phrase set and forms laid out flat; 4: lookup tables; 5: pool sizes

struct Source {
  std::string name;
  FileStamp stamp;
};

// The .tsv files the loader reads, by name.
std::vector<Source> sources_of(const std::string& dir) {
  std::vector<Source> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv") out.push_back(Source{e.path().filename().string(), file_stamp(e.path().string())});
  std::sort(out.begin(), out.end(), [](const Source& a, const Source& b) { return a.name < b.name; });
  return out;
}

}  // namespace

std::unique_ptr<EntityIndex> open_entity_image(const std::string& dir, const std::string& image,
                                               dictionary::EntityDictionary& dictionary) {
  auto map = std::make_shared<MappedFile>(image);
  if (map->empty()) return nullptr;
  std::string_view bytes = map->bytes();
  try {
    ImageReader r(bytes.data(), bytes.size());
    if (!r.magic(kMagic) || r.u32() != kVersion) return nullptr;
    auto now = sources_of(dir);
    if (r.count(20) != now.size()) return nullptr;
    for (const auto& s : now) {
      if (r.str() != s.name) return nullptr;
      if (!(r.stamp() == s.stamp)) return nullptr;
    }
    std::uint64_t sum = 0;
    std::string_view payload = r.checked_payload(&sum);
    ImageReader p(payload.data(), payload.size());
    dictionary.read_image(p);
    dictionary.keep(map);  // its tables are read in place
    dictionary.freeze();
    dictionary.set_fingerprint(sum);
    auto index = std::make_unique<EntityIndex>(dictionary, p, map);  // read in place: keeps the map
    if (p.remaining() != 0) throw ImageError("corrupt image: trailing bytes");
    return index;
  } catch (const std::exception&) {  // ImageError, or an EntityError from freeze()
    dictionary = dictionary::EntityDictionary();
    return nullptr;
  }
}

void compile_entity_image(const std::string& dir, const std::string& out) {
  auto sources = sources_of(dir);
  dictionary::EntityDictionary dictionary;
  dictionary.load_directory(dir);
  dictionary.freeze();
  EntityIndex index(dictionary);
  ImageWriter payload;
  dictionary.write_image(payload);
  index.write_image(payload);
  ImageWriter w;
  w.magic(kMagic);
  w.u32(kVersion);
  w.u32(static_cast<std::uint32_t>(sources.size()));
  for (const auto& s : sources) {
    w.str(s.name);
    w.stamp(s.stamp);
  }
  w.payload_tail(payload.bytes());
  write_atomically(out, {w.bytes(), payload.bytes()});
}

}  // namespace wirelint::rules
