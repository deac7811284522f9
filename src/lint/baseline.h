// A baseline: findings accepted as they are, so that a check reports only new ones. Stored as
// JSON: {"version":1,"findings":[{"path","rule","fingerprint","match"}...]}. Paths are the
// paths as reported (as given on the command line), so write and read the baseline from the
// same folder with the same arguments. Fingerprints (see fingerprint.h) do not depend on line
// numbers, so an edit elsewhere in the file keeps old findings matched.
#pragma once

#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace wirelint::lint {

struct BaselineEntry {
  std::string path, rule, fingerprint, match;
};

class Baseline {
 public:
  // Throws ConfigError with a one-line reason naming `file`.
  static Baseline load(const std::string& file);
  // Writes atomically; throws ConfigError naming `file`.
  void save(const std::string& file) const;

  void add(BaselineEntry entry);
  bool contains(const std::string& path, const std::string& rule, const std::string& fingerprint) const;
  const std::vector<BaselineEntry>& entries() const { return entries_; }

 private:
  std::vector<BaselineEntry> entries_;
  std::set<std::tuple<std::string, std::string, std::string>> keys_;
};

}  // namespace wirelint::lint
