#include "rules/node.h"

#include <algorithm>
#include <cstring>

namespace wirelint::rules {
namespace {

// Deeper than any data file nests; bounds the recursion on a corrupt image.
constexpr int kMaxDepth = 64;

Node read_node(ImageReader& in, int depth) {
  if (depth > kMaxDepth) throw ImageError("corrupt image: values nested too deep");
  Node n;
  std::uint8_t type = in.u8();
  if (type > static_cast<std::uint8_t>(NodeType::date)) throw ImageError("corrupt image: unknown value type");
  n.type = static_cast<NodeType>(type);
  std::uint8_t flags = in.u8();
  if (flags > 1) throw ImageError("corrupt image: unknown value flags");
  n.array_of_tables = flags == 1;
  if (n.array_of_tables && n.type != NodeType::array) throw ImageError("corrupt image: only an array holds tables");
  n.line = in.u32();
  n.column = in.u32();
  switch (n.type) {
    case NodeType::string:
    case NodeType::date:
      n.text = in.str();
      break;
    case NodeType::integer:
      n.integer = in.i64();
      break;
    case NodeType::floating: {
      std::uint64_t bits = in.u64();
      std::memcpy(&n.floating, &bits, sizeof bits);
      break;
    }
    case NodeType::boolean: {
      std::uint8_t b = in.u8();
      if (b > 1) throw ImageError("corrupt image: a boolean is neither true nor false");
      n.boolean = b == 1;
      break;
    }
    case NodeType::table: {
      std::uint32_t count = in.count(15);  // a key's length and the smallest value
      n.keys.reserve(count);
      n.children.reserve(count);
      for (std::uint32_t i = 0; i < count; ++i) {
        n.keys.push_back(in.str());
        if (i > 0 && !(n.keys[i - 1] < n.keys[i])) throw ImageError("corrupt image: table keys out of order");
        n.children.push_back(read_node(in, depth + 1));
      }
      break;
    }
    case NodeType::array: {
      std::uint32_t count = in.count(11);  // the smallest value: a boolean
      n.children.reserve(count);
      for (std::uint32_t i = 0; i < count; ++i) {
        n.children.push_back(read_node(in, depth + 1));
        if (n.array_of_tables && n.children.back().type != NodeType::table)
          throw ImageError("corrupt image: an array of tables holds another value");
      }
      if (n.array_of_tables && count == 0) throw ImageError("corrupt image: an empty array of tables");
      break;
    }
  }
  return n;
}

}  // namespace

std::size_t Node::position(std::string_view key) const {
  auto it = std::lower_bound(keys.begin(), keys.end(), key,
                             [](const std::string& k, std::string_view want) { return std::string_view(k) < want; });
  return it == keys.end() || *it != key ? keys.size() : static_cast<std::size_t>(it - keys.begin());
}

void write_node(ImageWriter& out, const Node& n) {
  out.u8(static_cast<std::uint8_t>(n.type));
  out.u8(n.array_of_tables ? 1 : 0);
  out.u32(n.line);
  out.u32(n.column);
  switch (n.type) {
    case NodeType::string:
    case NodeType::date:
      out.str(n.text);
      break;
    case NodeType::integer:
      out.i64(n.integer);
      break;
    case NodeType::floating: {
      std::uint64_t bits;
      std::memcpy(&bits, &n.floating, sizeof bits);
      out.u64(bits);
      break;
    }
    case NodeType::boolean:
      out.u8(n.boolean ? 1 : 0);
      break;
    case NodeType::table:
      out.u32(static_cast<std::uint32_t>(n.children.size()));
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        out.str(n.keys[i]);
        write_node(out, n.children[i]);
      }
      break;
    case NodeType::array:
      out.u32(static_cast<std::uint32_t>(n.children.size()));
      for (const auto& c : n.children) write_node(out, c);
      break;
  }
}

Node read_node(ImageReader& in) { return read_node(in, 0); }

}  // namespace wirelint::rules
