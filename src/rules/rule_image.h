// The rule image: every file of a rules folder (each pack's rule files, house-styles.toml,
// context.toml) parsed into trees (rules/node.h) and written to <rules dir>/rules.bin by
// `wirelint models compile` (the build runs it), so that start-up reads trees instead of
// parsing TOML. The rules are still built from the trees by the same strict readers, so every
// error names the same file and line as with the TOML.
//
// A file's tree is used only while the file's text has the size and checksum the image
// recorded; any other file (edited, added, or no image at all) is parsed from its TOML, so
// editing a rule never needs a rebuild and never gives stale results. An image of another
// format version is ignored whole. A damaged image (another magic, truncated, failing its
// payload checksum, a malformed tree) is refused with a LoadError of one line naming it.
//
// The image stays mapped while the rules are built; a file's tree is decoded when asked for, on
// the thread that builds the rule, and freed with it.
//
// Layout: magic "WLRULIMG", u32 format version, u32 file count, per file (its path relative to
// the rules folder with '/', u64 size and u64 checksum of its text, u64 offset and u64 length
// of its tree in the payload), u64 payload size, u64 payload checksum, then the payload: each
// file's tree (write_node), in the same order (image/io.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "image/io.h"
#include "rules/node.h"

namespace wirelint::rules {

// A data file of a rules folder.
struct RuleSource {
  std::filesystem::path path;  // as errors name it: <dir>/<pack>/<id>.toml or <dir>/context.toml
  std::string pack;            // empty for the files beside the packs
  std::string relative;        // the image's name for it: <pack>/<id>.toml or context.toml
};

// The rule files (*.toml) of one pack folder, sorted.
std::vector<RuleSource> pack_sources(const std::filesystem::path& pack_dir);
// Every pack folder's rule files (packs sorted), then house-styles.toml and context.toml when
// they are there.
std::vector<RuleSource> rule_sources(const std::string& dir);

// The whole text of a data file; LoadError "PATH: cannot read WHAT" when it cannot be read.
std::string read_data_file(const std::filesystem::path& path, const char* what);

// <dir>/rules.bin
std::string rule_image_path(const std::string& dir);

class RuleImage {
 public:
  // The image at `path`; nullopt when there is none or it has another format version. Throws
  // LoadError "PATH: corrupt image: ... (rebuild it with 'wirelint models compile')".
  static std::optional<RuleImage> open(const std::string& path);

  // Whether the image holds a tree of the file `relative` parsed from exactly `text`.
  bool holds(const std::string& relative, std::string_view text) const;
  // That tree (holds() first). Throws LoadError, as open(), when it is malformed.
  Node tree(const std::string& relative) const;
  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::uint64_t size = 0;
    std::uint64_t checksum = 0;
    std::uint64_t offset = 0;  // of the tree in the payload
    std::uint64_t length = 0;
  };
  std::string path_;
  std::unique_ptr<MappedFile> map_;
  const char* payload_ = nullptr;
  std::unordered_map<std::string, File> files_;
};

// Parses every file rule_sources(dir) lists and writes their trees to `out` atomically. Throws
// LoadError for a file that is not valid TOML or cannot be read, ImageError when `out` cannot
// be written.
void compile_rule_image(const std::string& dir, const std::string& out);

}  // namespace wirelint::rules
