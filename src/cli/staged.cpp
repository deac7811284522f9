#include "cli/staged.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include "cli/git.h"
#include "lint/config.h"

namespace fs = std::filesystem;

namespace wirelint::cli {
namespace {

bool story_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd";
}

std::string chomp(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// The ignore patterns of the configuration that applies to `rel`, as Session applies them to a
// folder walk: relative to the configuration's folder.
class IgnoreFilter {
 public:
  IgnoreFilter(const StagedOptions& options, fs::path root) : options_(options), root_(std::move(root)) {}

  bool ignored(const std::string& rel) {
    if (!options_.use_config && !options_.config_file) return false;
    fs::path file = (root_ / rel).lexically_normal();
    std::string key;
    if (options_.config_file) {
      key = *options_.config_file;
    } else if (auto found = lint::find_config(file.string())) {
      key = *found;
    } else {
      return false;
    }
    auto it = configs_.find(key);
    if (it == configs_.end())
      it = configs_.emplace(key, std::make_unique<lint::Config>(lint::load_config(key))).first;
    const lint::Config& cfg = *it->second;
    if (cfg.ignore.empty()) return false;
    std::error_code ec;
    fs::path dir = fs::absolute(cfg.dir.empty() ? fs::path(".") : fs::path(cfg.dir), ec).lexically_normal();
    std::string s = file.lexically_relative(dir).generic_string();
    if (s.empty() || s.rfind("..", 0) == 0) return false;  // the file is outside the config's folder
    for (const auto& pattern : cfg.ignore)
      if (lint::glob_match(pattern, s) || lint::glob_match(pattern + "/**", s)) return true;
    return false;
  }

 private:
  const StagedOptions& options_;
  fs::path root_;
  std::map<std::string, std::unique_ptr<lint::Config>> configs_;
};

struct Entry {
  std::string path;
  std::string blob;  // object id of the staged content
};

// Parses `git diff --cached --raw -z` output: for each change a header
// ":<old mode> <new mode> <old id> <new id> <status>" and then one path (two for renames and
// copies, the second being the new name), each NUL-terminated.
std::vector<Entry> parse_raw(const std::string& out) {
  std::vector<Entry> entries;
  auto fields = split_nul(out);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string& header = fields[i];
    if (header.empty() || header[0] != ':') throw StagedError("--staged: unexpected output from git diff");
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= header.size()) {
      std::size_t end = header.find(' ', start);
      if (end == std::string::npos) end = header.size();
      parts.push_back(header.substr(start, end - start));
      start = end + 1;
    }
    if (parts.size() < 5 || parts[4].empty()) throw StagedError("--staged: unexpected output from git diff");
    char status = parts[4][0];
    std::size_t npaths = (status == 'R' || status == 'C') ? 2 : 1;
    if (i + npaths >= fields.size()) throw StagedError("--staged: unexpected output from git diff");
    std::string path = fields[i + npaths];
    i += npaths;
    const std::string& mode = parts[1];
    // Regular files only: a symlink's blob is its target, a submodule has no blob here.
    if (mode != "100644" && mode != "100755") continue;
    entries.push_back({std::move(path), parts[3]});
  }
  return entries;
}

}  // namespace

std::vector<StagedStory> read_staged_stories(const StagedOptions& options) {
  GitResult top = run_git({"rev-parse", "--show-toplevel"});
  if (top.status != 0)
    throw StagedError("--staged: " + git_error_line(top, "not inside a git work tree"));
  fs::path root = chomp(top.out);
  if (root.empty()) throw StagedError("--staged: not inside a git work tree");

  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec || fs::canonical(cwd, ec) != fs::canonical(root, ec)) {
    if (chdir(root.c_str()) != 0)
      throw StagedError("--staged: cannot change to " + root.string() + ": " + std::strerror(errno));
  }

  // --no-renames: a renamed story is linted under its new name like an added one;
  // --no-relative: names from the top even if diff.relative is configured.
  GitResult diff = run_git({"diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-relative",
                            "--no-ext-diff", "--diff-filter=ACMR"});
  if (diff.status != 0) throw StagedError("--staged: git diff: " + git_error_line(diff, "failed"));

  IgnoreFilter filter(options, root);
  std::vector<StagedStory> stories;
  for (auto& e : parse_raw(diff.out)) {
    if (!story_extension(e.path) || filter.ignored(e.path)) continue;
    GitResult blob = run_git({"cat-file", "blob", e.blob});
    if (blob.status != 0)
      throw StagedError("--staged: " + e.path + ": cannot read the staged content: " +
                        git_error_line(blob, "git cat-file failed"));
    stories.push_back({std::move(e.path), std::move(blob.out)});
  }
  std::sort(stories.begin(), stories.end(),
            [](const StagedStory& a, const StagedStory& b) { return a.path < b.path; });
  return stories;
}

}  // namespace wirelint::cli
