#include "rules/name_list.h"

#include <algorithm>
#include <numeric>

namespace wirelint::rules {

void NameList::add(std::string_view name) {
  offsets_.push_back(static_cast<std::uint32_t>(blob_.size()));
  lengths_.push_back(static_cast<std::uint32_t>(name.size()));
  blob_.append(name);
}

void NameList::finish() {
  // The lists arrive as a few sorted files one after another (the generators sort them): merge
  // their runs, which costs a comparison a name, instead of sorting every name at start-up.
  std::vector<std::size_t> order(offsets_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto less = [&](std::size_t a, std::size_t b) { return at(a) < at(b); };
  std::vector<std::size_t> runs{0};
  for (std::size_t i = 1; i < order.size(); ++i)
    if (less(i, i - 1)) runs.push_back(i);
  if (runs.size() > 16) {
    std::sort(order.begin(), order.end(), less);
  } else {
    runs.push_back(order.size());
    for (std::size_t r = 2; r < runs.size(); ++r)
      std::inplace_merge(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(runs[r - 1]),
                         order.begin() + static_cast<std::ptrdiff_t>(runs[r]), less);
  }
  std::vector<std::uint32_t> offsets, lengths;
  offsets.reserve(order.size());
  lengths.reserve(order.size());
  for (std::size_t i : order) {
    if (!offsets.empty() && std::string_view(blob_).substr(offsets.back(), lengths.back()) == at(i)) continue;
    offsets.push_back(offsets_[i]);
    lengths.push_back(lengths_[i]);
  }
  offsets_ = std::move(offsets);
  lengths_ = std::move(lengths);
}

bool NameList::contains(std::string_view name) const {
  if (lookup_) return lookup_(name);
  std::size_t lo = 0, hi = offsets_.size();
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (at(mid) < name)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < offsets_.size() && at(lo) == name;
}

}  // namespace wirelint::rules
