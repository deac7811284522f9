// A parsed data file (a rule file, house-styles.toml, context.toml, .wirelint.toml) as a small
// tree of values, independent of the TOML parser: TableReader, the house-style loader and the
// story context read this tree, so the same tree can come from toml++ (toml_node.h) or from the
// compiled rule image (rule_image.h) without parsing anything at start-up.
//
// A node keeps what the readers and their error messages need: its type, the line and column
// where it starts in its source file, its value, a table's keys in the order toml++ iterates
// them (sorted), and whether an array is an array of tables. Dates and times are kept as their
// TOML text: no reader accepts one, they are only ever rejected by type.
//
// Serialization (write_node/read_node) is the rule image's payload format; read_node checks
// every field and nesting depth, so a corrupt image throws ImageError rather than reading out
// of bounds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "image/io.h"

namespace wirelint::rules {

enum class NodeType : std::uint8_t { table, array, string, integer, floating, boolean, date };

struct Node {
  NodeType type = NodeType::table;
  bool array_of_tables = false;  // an array whose elements are all tables (and at least one)
  std::uint32_t line = 0;        // 1-based; 0 when the source did not say
  std::uint32_t column = 0;
  std::string text;              // string value, or a date or time as TOML writes it
  std::int64_t integer = 0;
  double floating = 0;
  bool boolean = false;
  std::vector<std::string> keys;  // a table's keys, one per child
  std::vector<Node> children;     // a table's values (beside keys) or an array's elements

  // The position of `key` among a table's keys (binary search: toml++ sorts them byte-wise), or
  // keys.size() when it has none.
  std::size_t position(std::string_view key) const;
  // The child under `key` in a table, or nullptr.
  const Node* find(std::string_view key) const {
    std::size_t i = position(key);
    return i < keys.size() ? &children[i] : nullptr;
  }
};

void write_node(ImageWriter& out, const Node& node);
// Throws ImageError on a truncated or malformed tree.
Node read_node(ImageReader& in);

}  // namespace wirelint::rules
