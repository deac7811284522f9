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
  std::vector<std::size_t> order(offsets_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return at(a) < at(b); });
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
