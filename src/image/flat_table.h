// A string-keyed table laid out flat in bytes, to be read where it lies (a mapped image) with no
// decoding: each key maps to a list of u32 values (none for a set). Lookup is one hash and a
// linear probe over an open-addressed slot array; a miss costs one or two slot reads.
//
// Layout (little-endian u32 throughout): slot count (a power of two, above the key count), key
// count, entry bytes; then the slots, each (hash of the key, offset of its entry + 1, 0 when the
// slot is empty); then the entries, each (key length, key bytes padded to 4, value count,
// values). FlatTable::open checks the header against the bytes it is given, and every lookup
// checks the slots and the entry it reads, so a damaged table answers wrongly (a miss) but is
// never read past its end, and opening costs nothing whatever the table's size.
#pragma once

#include <cstdint>
#include <cstddef>
#include <iterator>
#include <unordered_map>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "image/io.h"

namespace wirelint {

// The values of one key, read in place.
class FlatValues {
 public:
  FlatValues() = default;
  FlatValues(const char* p, std::uint32_t n) : p_(p), n_(n) {}
  std::uint32_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  std::uint32_t front() const { return (*this)[0]; }
  std::uint32_t operator[](std::uint32_t i) const { return load<std::uint32_t>(p_ + 4 * static_cast<std::size_t>(i)); }
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::uint32_t;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::uint32_t*;
    using reference = std::uint32_t;
    iterator() = default;
    iterator(const FlatValues* v, std::uint32_t i) : v_(v), i_(i) {}
    std::uint32_t operator*() const { return (*v_)[i_]; }
    iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const iterator& o) const { return i_ != o.i_; }
    bool operator==(const iterator& o) const { return i_ == o.i_; }

   private:
    const FlatValues* v_ = nullptr;
    std::uint32_t i_ = 0;
  };
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, n_); }
  std::vector<std::uint32_t> to_vector() const {
    std::vector<std::uint32_t> out;
    out.reserve(n_);
    for (std::uint32_t i = 0; i < n_; ++i) out.push_back((*this)[i]);
    return out;
  }

 private:
  const char* p_ = nullptr;
  std::uint32_t n_ = 0;
};

// Collects keys and values, then lays them out. Entries keep the order keys were first added
// in, so the same additions give the same bytes.
class FlatTableBuilder {
 public:
  void reserve(std::size_t keys) {
    index_.reserve(keys);
    entries_.reserve(keys);
  }
  void add(std::string_view key) { entry(key); }
  void add(std::string_view key, std::uint32_t value) { entry(key).push_back(value); }
  // Adds `value` unless it is the key's last value already (one entity's several forms under
  // one key count once, when each entity's keys are added together).
  void add_once(std::string_view key, std::uint32_t value) {
    auto& v = entry(key);
    if (v.empty() || v.back() != value) v.push_back(value);
  }
  void add(std::string_view key, const std::vector<std::uint32_t>& values) {
    auto& v = entry(key);
    v.insert(v.end(), values.begin(), values.end());
  }
  // The table's bytes (their length is a multiple of 4).
  std::string build() const;
  // The bytes of a table of distinct keys with one value each, in the order given, without the
  // builder's bookkeeping (for large tables built at every start: a phrase set's vocabulary).
  static std::string build_unique(const std::vector<std::pair<std::string_view, std::uint32_t>>& entries);

 private:
  std::vector<std::uint32_t>& entry(std::string_view key) {
    auto [it, fresh] = index_.emplace(std::string(key), static_cast<std::uint32_t>(entries_.size()));
    if (fresh) entries_.emplace_back(it->first, std::vector<std::uint32_t>{});
    return entries_[it->second].second;
  }
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<std::pair<std::string_view, std::vector<std::uint32_t>>> entries_;  // keys view index_'s
};

class FlatTable {
 public:
  FlatTable() = default;
  // Checks `bytes` as a table and reads it in place (the bytes must outlive the table). Returns
  // false, leaving the table empty, when they are no well-formed table.
  bool open(std::string_view bytes);

  bool contains(std::string_view key) const { return find_entry(key) != nullptr; }
  std::size_t count(std::string_view key) const { return contains(key) ? 1 : 0; }
  // The values of `key`, or nullptr-like empty when absent: `found` tells the two apart.
  FlatValues find(std::string_view key, bool* found = nullptr) const;
  std::size_t size() const { return keys_; }
  // The table's bytes as open() was given them (empty before).
  std::string_view bytes() const { return bytes_; }
  // Whether every value of every key is below `limit` (values that index another array).
  bool values_below(std::uint32_t limit) const;

 private:
  const char* find_entry(std::string_view key) const;
  // The bytes of the entry at offset `off` of the entries, or 0 when it does not lie within them.
  std::size_t entry_size(std::size_t off) const;
  // The entry at slot value `at` (offset + 1), or nullptr when it does not lie within the table.
  const char* entry(std::uint32_t at) const;
  // The values of the entry at `e` (one entry_size() found in bounds).
  static FlatValues values_at(const char* e);
  const char* slots_ = nullptr;
  const char* entries_ = nullptr;
  std::uint32_t slot_count_ = 0, keys_ = 0, entry_bytes_ = 0;
  std::string_view bytes_;
};

}  // namespace wirelint
