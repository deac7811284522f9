#include "rules/rule_image.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "image/io.h"
#include "rules/schema.h"

namespace fs = std::filesystem;

namespace wirelint::rules {
namespace {

constexpr char kMagic[8] = {'W', 'L', 'R', 'U', 'L', 'I', 'M', 'G'};
constexpr std::uint32_t kVersion = 1;
constexpr const char* kBeside[] = {"house-styles.toml", "context.toml"};

}  // namespace

std::string read_data_file(const fs::path& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path.string() + ": cannot read " + what);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::vector<RuleSource> pack_sources(const fs::path& pack_dir) {
  std::string pack = pack_dir.filename().string();
  if (pack.empty()) pack = pack_dir.parent_path().filename().string();
  std::error_code ec;
  std::vector<RuleSource> out;
  for (const auto& e : fs::directory_iterator(pack_dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".toml")
      out.push_back(RuleSource{e.path(), pack, pack + "/" + e.path().filename().string()});
  std::sort(out.begin(), out.end(), [](const RuleSource& a, const RuleSource& b) { return a.path < b.path; });
  return out;
}

std::vector<RuleSource> rule_sources(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::path> packs;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory()) packs.push_back(e.path());
  std::sort(packs.begin(), packs.end());
  std::vector<RuleSource> out;
  for (const auto& p : packs)
    for (auto& s : pack_sources(p)) out.push_back(std::move(s));
  for (const char* name : kBeside) {
    fs::path path = fs::path(dir) / name;
    if (fs::is_regular_file(path, ec)) out.push_back(RuleSource{path, "", name});
  }
  return out;
}

std::string rule_image_path(const std::string& dir) { return (fs::path(dir) / "rules.bin").string(); }

std::optional<RuleImage> RuleImage::open(const std::string& path) {
  MappedFile map(path);
  if (map.empty()) return std::nullopt;
  std::string_view bytes = map.bytes();
  try {
    ImageReader r(bytes.data(), bytes.size());
    for (char c : kMagic)
      if (static_cast<char>(r.u8()) != c) throw ImageError("corrupt image: not a rule image");
    if (r.u32() != kVersion) return std::nullopt;  // another wirelint's: parse the TOML instead
    struct Entry {
      std::string relative;
      std::uint64_t size, checksum;
    };
    std::vector<Entry> entries(r.count(20));
    for (auto& e : entries) {
      e.relative = r.str();
      e.size = r.u64();
      e.checksum = r.u64();
    }
    std::uint64_t size = r.u64(), sum = r.u64();
    if (size != r.remaining()) throw ImageError("corrupt image: payload size");
    const char* payload = bytes.data() + (bytes.size() - r.remaining());
    if (checksum(payload, size) != sum) throw ImageError("corrupt image: checksum");
    ImageReader p(payload, size);
    RuleImage image;
    image.files_.reserve(entries.size());
    for (auto& e : entries) {
      Node root = read_node(p);
      if (root.type != NodeType::table) throw ImageError("corrupt image: a file's tree is not a table");
      image.files_[std::move(e.relative)] = File{e.size, e.checksum, std::move(root)};
    }
    if (p.remaining() != 0) throw ImageError("corrupt image: trailing bytes");
    return image;
  } catch (const ImageError& e) {
    throw LoadError(path + ": " + e.what() + " (rebuild it with 'wirelint models compile')");
  }
}

const Node* RuleImage::tree(const std::string& relative, std::string_view text) const {
  auto it = files_.find(relative);
  if (it == files_.end() || it->second.size != text.size() || it->second.checksum != checksum(text)) return nullptr;
  return &it->second.root;
}

void compile_rule_image(const std::string& dir, const std::string& out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw LoadError(dir + ": rules directory not found");
  auto sources = rule_sources(dir);
  ImageWriter header, payload;
  for (char c : kMagic) header.u8(static_cast<std::uint8_t>(c));
  header.u32(kVersion);
  header.u32(static_cast<std::uint32_t>(sources.size()));
  for (const auto& s : sources) {
    std::string text = read_data_file(s.path, s.pack.empty() ? "file" : "rule file");
    header.str(s.relative);
    header.u64(text.size());
    header.u64(checksum(text));
    write_node(payload, parse_table(text, s.path.string()));
  }
  header.u64(payload.bytes().size());
  header.u64(checksum(payload.bytes().data(), payload.bytes().size()));
  write_atomically(out, {header.bytes(), payload.bytes()});
}

}  // namespace wirelint::rules
