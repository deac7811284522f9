#include "image/flat_table.h"

namespace wirelint {
namespace {

void put(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }

std::uint32_t get(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

std::size_t padded(std::size_t n) { return (n + 3) & ~static_cast<std::size_t>(3); }

constexpr std::size_t kHeader = 12;

}  // namespace

// FNV-1a: deterministic across builds and machines, so a table built once reads anywhere.
std::uint32_t FlatTable::hash(std::string_view key) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  return h;
}

std::string FlatTableBuilder::build() const {
  std::uint32_t slots = 2;
  while (slots < entries_.size() * 2 + 1) slots *= 2;
  std::string entries;
  std::vector<std::uint32_t> slot_hash(slots, 0), slot_entry(slots, 0);
  for (const auto& [key, values] : entries_) {
    auto offset = static_cast<std::uint32_t>(entries.size());
    put(entries, static_cast<std::uint32_t>(key.size()));
    entries += key;
    entries.append(padded(key.size()) - key.size(), '\0');
    put(entries, static_cast<std::uint32_t>(values.size()));
    for (auto v : values) put(entries, v);
    std::uint32_t h = FlatTable::hash(key), s = h & (slots - 1);
    while (slot_entry[s] != 0) s = (s + 1) & (slots - 1);
    slot_hash[s] = h;
    slot_entry[s] = offset + 1;
  }
  std::string out;
  out.reserve(kHeader + 8 * static_cast<std::size_t>(slots) + entries.size());
  put(out, slots);
  put(out, static_cast<std::uint32_t>(entries_.size()));
  put(out, static_cast<std::uint32_t>(entries.size()));
  for (std::uint32_t s = 0; s < slots; ++s) {
    put(out, slot_hash[s]);
    put(out, slot_entry[s]);
  }
  out += entries;
  return out;
}

bool FlatTable::open(std::string_view bytes) {
  *this = FlatTable();
  if (bytes.size() < kHeader) return false;
  std::uint32_t slots = get(bytes.data()), keys = get(bytes.data() + 4), size = get(bytes.data() + 8);
  if (slots < 2 || (slots & (slots - 1)) != 0 || keys >= slots) return false;
  if (bytes.size() != kHeader + 8 * static_cast<std::size_t>(slots) + size) return false;
  const char* slot = bytes.data() + kHeader;
  const char* entries = slot + 8 * static_cast<std::size_t>(slots);
  std::uint32_t used = 0;
  for (std::uint32_t s = 0; s < slots; ++s) {
    std::uint32_t at = get(slot + 8 * static_cast<std::size_t>(s) + 4);
    if (at == 0) continue;
    ++used;
    std::size_t off = at - 1;
    if (off % 4 != 0 || off + 4 > size) return false;
    std::size_t len = get(entries + off);
    if (len > size - off - 4) return false;
    std::size_t count_at = off + 4 + padded(len);
    if (count_at + 4 > size) return false;
    std::size_t n = get(entries + count_at);
    if (n > (size - count_at - 4) / 4) return false;
    // A slot whose hash is not its key's only makes lookups of that key miss: not checked, as
    // it would cost a pass over every key at each start.
  }
  if (used != keys) return false;
  slots_ = slot;
  entries_ = entries;
  slot_count_ = slots;
  keys_ = keys;
  return true;
}

const char* FlatTable::find_entry(std::string_view key) const {
  if (slot_count_ == 0) return nullptr;
  std::uint32_t h = hash(key), mask = slot_count_ - 1;
  // open() saw an empty slot (keys < slots), so the probe ends.
  for (std::uint32_t s = h & mask;; s = (s + 1) & mask) {
    const char* slot = slots_ + 8 * static_cast<std::size_t>(s);
    std::uint32_t at = get(slot + 4);
    if (at == 0) return nullptr;
    if (get(slot) != h) continue;
    const char* e = entries_ + (at - 1);
    std::uint32_t len = get(e);
    if (len == key.size() && std::memcmp(e + 4, key.data(), len) == 0) return e;
  }
}

FlatValues FlatTable::find(std::string_view key, bool* found) const {
  const char* e = find_entry(key);
  if (found) *found = e != nullptr;
  if (!e) return FlatValues();
  std::size_t count_at = 4 + padded(get(e));
  return FlatValues(e + count_at + 4, get(e + count_at));
}

}  // namespace wirelint
