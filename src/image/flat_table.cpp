#include "image/flat_table.h"

namespace wirelint {
namespace {

std::uint32_t get(const char* p) { return load<std::uint32_t>(p); }

std::size_t padded(std::size_t n) { return (n + 3) & ~static_cast<std::size_t>(3); }

constexpr std::size_t kHeader = 12;

}  // namespace

// Lays out `n` entries: key(i) and values(i) (a container of u32).
template <typename Key, typename Values>
std::string lay_out(std::size_t n, Key key, Values values) {
  std::uint32_t slots = 2;
  while (slots < n * 2 + 1) slots *= 2;
  std::size_t entry_bytes = 0;
  for (std::size_t i = 0; i < n; ++i) entry_bytes += 8 + padded(key(i).size()) + 4 * values(i).size();
  std::string out(kHeader + 8 * static_cast<std::size_t>(slots) + entry_bytes, '\0');
  char* slot = out.data() + kHeader;
  char* entries = slot + 8 * static_cast<std::size_t>(slots);
  auto set = [](char* p, std::uint32_t v) { std::memcpy(p, &v, 4); };
  set(out.data(), slots);
  set(out.data() + 4, static_cast<std::uint32_t>(n));
  set(out.data() + 8, static_cast<std::uint32_t>(entry_bytes));
  std::size_t at = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view k = key(i);
    const auto& v = values(i);
    set(entries + at, static_cast<std::uint32_t>(k.size()));
    std::memcpy(entries + at + 4, k.data(), k.size());
    std::size_t count_at = at + 4 + padded(k.size());
    set(entries + count_at, static_cast<std::uint32_t>(v.size()));
    std::size_t x = count_at + 4;
    for (std::uint32_t value : v) set(entries + x, value), x += 4;
    std::uint32_t h = fnv1a(k), s = h & (slots - 1);
    while (get(slot + 8 * static_cast<std::size_t>(s) + 4) != 0) s = (s + 1) & (slots - 1);
    set(slot + 8 * static_cast<std::size_t>(s), h);
    set(slot + 8 * static_cast<std::size_t>(s) + 4, static_cast<std::uint32_t>(at + 1));
    at = x;
  }
  return out;
}

std::string FlatTableBuilder::build() const {
  return lay_out(
      entries_.size(), [&](std::size_t i) { return entries_[i].first; },
      [&](std::size_t i) -> const std::vector<std::uint32_t>& { return entries_[i].second; });
}

std::string FlatTableBuilder::build_unique(const std::vector<std::pair<std::string_view, std::uint32_t>>& entries) {
  struct One {
    std::uint32_t value;
    std::size_t size() const { return 1; }
    const std::uint32_t* begin() const { return &value; }
    const std::uint32_t* end() const { return &value + 1; }
  };
  return lay_out(
      entries.size(), [&](std::size_t i) { return entries[i].first; },
      [&](std::size_t i) { return One{entries[i].second}; });
}

bool FlatTable::open(std::string_view bytes) {
  *this = FlatTable();
  if (bytes.size() < kHeader) return false;
  std::uint32_t slots = get(bytes.data()), keys = get(bytes.data() + 4), size = get(bytes.data() + 8);
  if (slots < 2 || (slots & (slots - 1)) != 0 || keys >= slots) return false;
  if (bytes.size() != kHeader + 8 * static_cast<std::size_t>(slots) + size) return false;
  // The slots and entries are checked where a lookup reads them (entry()), not in a pass here:
  // that would touch every page of every table at each start.
  slots_ = bytes.data() + kHeader;
  entries_ = slots_ + 8 * static_cast<std::size_t>(slots);
  slot_count_ = slots;
  keys_ = keys;
  entry_bytes_ = size;
  bytes_ = bytes;
  return true;
}

std::size_t FlatTable::entry_size(std::size_t off) const {
  if (off % 4 != 0 || off > entry_bytes_ || entry_bytes_ - off < 8) return 0;
  std::size_t len = get(entries_ + off);
  if (len > entry_bytes_ - off - 8) return 0;
  std::size_t count_at = off + 4 + padded(len);
  if (count_at + 4 > entry_bytes_) return 0;
  std::size_t n = get(entries_ + count_at);
  if (n > (entry_bytes_ - count_at - 4) / 4) return 0;
  return count_at + 4 + 4 * n - off;
}

const char* FlatTable::entry(std::uint32_t at) const {
  return at != 0 && entry_size(at - 1) != 0 ? entries_ + (at - 1) : nullptr;
}

bool FlatTable::values_below(std::uint32_t limit) const {
  // Entries lie one after another.
  for (std::size_t x = 0, size = 0; x < entry_bytes_; x += size) {
    size = entry_size(x);
    if (size == 0) return false;
    FlatValues values = values_at(entries_ + x);
    for (std::uint32_t v : values)
      if (v >= limit) return false;
  }
  return true;
}

const char* FlatTable::find_entry(std::string_view key) const {
  if (slot_count_ == 0) return nullptr;
  std::uint32_t h = fnv1a(key), mask = slot_count_ - 1;
  // At most one round: a damaged table may have no empty slot.
  for (std::uint32_t s = h & mask, probes = 0; probes < slot_count_; s = (s + 1) & mask, ++probes) {
    const char* slot = slots_ + 8 * static_cast<std::size_t>(s);
    std::uint32_t at = get(slot + 4);
    if (at == 0) return nullptr;
    if (get(slot) != h) continue;
    const char* e = entry(at);
    if (!e) continue;  // damaged: no key is there
    std::uint32_t len = get(e);
    if (len == key.size() && std::memcmp(e + 4, key.data(), len) == 0) return e;
  }
  return nullptr;
}

FlatValues FlatTable::find(std::string_view key, bool* found) const {
  const char* e = find_entry(key);
  if (found) *found = e != nullptr;
  return e ? values_at(e) : FlatValues();
}

FlatValues FlatTable::values_at(const char* e) {
  std::size_t count_at = 4 + padded(get(e));
  return FlatValues(e + count_at + 4, get(e + count_at));
}

}  // namespace wirelint
