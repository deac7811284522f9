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
constexpr const char* kRebuild = " (rebuild it with 'wirelint models compile')";

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
  auto map = std::make_unique<MappedFile>(path);
  if (map->empty()) return std::nullopt;
  std::string_view bytes = map->bytes();
  try {
    ImageReader r(bytes.data(), bytes.size());
    if (!r.magic(kMagic)) throw ImageError("corrupt image: not a rule image");
    if (r.u32() != kVersion) return std::nullopt;  // another wirelint's: parse the TOML instead
    RuleImage image;
    std::uint32_t count = r.count(36);
    image.files_.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string relative = r.str();
      File f;
      f.size = r.u64();
      f.checksum = r.u64();
      f.offset = r.u64();
      f.length = r.u64();
      image.files_[std::move(relative)] = f;
    }
    std::string_view payload = r.checked_payload();
    image.payload_ = payload.data();
    std::uint64_t size = payload.size();
    for (const auto& [relative, f] : image.files_)
      if (f.offset > size || f.length > size - f.offset) throw ImageError("corrupt image: a tree past the payload");
    image.path_ = path;
    image.map_ = std::move(map);
    return image;
  } catch (const ImageError& e) {
    throw LoadError(path + ": " + e.what() + kRebuild);
  }
}

bool RuleImage::holds(const std::string& relative, std::string_view text) const {
  auto it = files_.find(relative);
  return it != files_.end() && it->second.size == text.size() && it->second.checksum == checksum(text);
}

Node RuleImage::tree(const std::string& relative) const {
  try {
    auto it = files_.find(relative);
    if (it == files_.end()) throw ImageError("corrupt image: no tree of " + relative);
    ImageReader in(payload_ + it->second.offset, it->second.length);
    Node root = read_node(in);
    if (root.type != NodeType::table) throw ImageError("corrupt image: a file's tree is not a table");
    if (in.remaining() != 0) throw ImageError("corrupt image: trailing bytes");
    return root;
  } catch (const ImageError& e) {
    throw LoadError(path_ + ": " + e.what() + kRebuild);
  }
}

void compile_rule_image(const std::string& dir, const std::string& out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw LoadError(dir + ": rules directory not found");
  auto sources = rule_sources(dir);
  ImageWriter header, payload;
  header.magic(kMagic);
  header.u32(kVersion);
  header.u32(static_cast<std::uint32_t>(sources.size()));
  for (const auto& s : sources) {
    std::string text = read_data_file(s.path, s.pack.empty() ? "file" : "rule file");
    header.str(s.relative);
    header.u64(text.size());
    header.u64(checksum(text));
    std::size_t offset = payload.bytes().size();
    write_node(payload, parse_table(text, s.path.string()));
    header.u64(offset);
    header.u64(payload.bytes().size() - offset);
  }
  header.payload_tail(payload.bytes());
  write_atomically(out, {header.bytes(), payload.bytes()});
}

}  // namespace wirelint::rules
