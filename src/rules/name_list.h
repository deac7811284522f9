// A long list of names kept as one sorted block of text: membership by binary search, no
// allocation per name. For the generated real-name lists (dictionaries/names/exact/: every
// party, province and city), whose thousands of names would otherwise cost a hash node and
// often a string each at every start.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace wirelint::rules {

class NameList {
 public:
  void add(std::string_view name);
  // Sorts and drops repeats; call once after the last add.
  void finish();
  bool contains(std::string_view name) const;
  // Answers contains() with `lookup` instead (the names compiled into an image), adding nothing.
  void answer_from(std::function<bool(std::string_view)> lookup) { lookup_ = std::move(lookup); }
  std::size_t size() const { return offsets_.size(); }

 private:
  std::string_view at(std::size_t i) const { return std::string_view(blob_).substr(offsets_[i], lengths_[i]); }
  std::function<bool(std::string_view)> lookup_;
  std::string blob_;
  std::vector<std::uint32_t> offsets_, lengths_;
};

}  // namespace wirelint::rules
