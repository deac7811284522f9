// `wirelint --staged`: the stories a commit is about to record, read from the index (the blobs
// git will commit), not from the working tree, so an unstaged fix cannot hide a staged error.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wirelint::cli {

class StagedError : public std::runtime_error {
 public:
  explicit StagedError(const std::string& what) : std::runtime_error(what) {}
};

struct StagedStory {
  std::string path;   // as git names it: relative to the top of the work tree, '/' separated
  std::string bytes;  // the staged blob
};

struct StagedOptions {
  bool use_config = true;                  // false: --no-config (no ignore patterns)
  std::optional<std::string> config_file;  // --config FILE, already made absolute
};

// Lists the files added, copied, modified or renamed in the index (regular files only, no
// symlinks or submodules) with a story extension (.txt .md .markdown .mdown .mkd, any case),
// drops those the configuration's `ignore` patterns name, and reads their staged blobs.
//
// Changes the current directory to the top of the work tree (git runs hooks there already), so
// that the reported repo-relative paths also find their `.wirelint.toml` as the working tree
// lays it out. Throws StagedError with a one-line message when git fails (not a repository, no
// work tree, git missing) and lint::ConfigError for a bad configuration.
std::vector<StagedStory> read_staged_stories(const StagedOptions& options);

}  // namespace wirelint::cli
