#include "rules/toml_node.h"

#include <sstream>

#include "rules/schema.h"

namespace wirelint::rules {
namespace {

template <typename T>
std::string written(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

std::string toml_error_text(const toml::parse_error& e) {
  // LoadError and ConfigError write its line breaks as escapes (core/escape_controls.h).
  return std::string(e.description());
}

Node to_node(const toml::node& value) {
  Node n;
  n.line = static_cast<std::uint32_t>(value.source().begin.line);
  n.column = static_cast<std::uint32_t>(value.source().begin.column);
  switch (value.type()) {
    case toml::node_type::table: {
      n.type = NodeType::table;
      const auto& t = *value.as_table();
      n.keys.reserve(t.size());
      n.children.reserve(t.size());
      for (const auto& [k, v] : t) {
        n.keys.emplace_back(k.str());
        n.children.push_back(to_node(v));
      }
      break;
    }
    case toml::node_type::array: {
      n.type = NodeType::array;
      const auto& a = *value.as_array();
      n.array_of_tables = a.is_array_of_tables();
      n.children.reserve(a.size());
      for (const auto& el : a) n.children.push_back(to_node(el));
      break;
    }
    case toml::node_type::string:
      n.type = NodeType::string;
      n.text = value.as_string()->get();
      break;
    case toml::node_type::integer:
      n.type = NodeType::integer;
      n.integer = value.as_integer()->get();
      break;
    case toml::node_type::floating_point:
      n.type = NodeType::floating;
      n.floating = value.as_floating_point()->get();
      break;
    case toml::node_type::boolean:
      n.type = NodeType::boolean;
      n.boolean = value.as_boolean()->get();
      break;
    case toml::node_type::date:
      n.type = NodeType::date;
      n.text = written(value.as_date()->get());
      break;
    case toml::node_type::time:
      n.type = NodeType::date;
      n.text = written(value.as_time()->get());
      break;
    case toml::node_type::date_time:
      n.type = NodeType::date;
      n.text = written(value.as_date_time()->get());
      break;
    case toml::node_type::none:
      n.type = NodeType::date;  // toml++ never yields one inside a parsed document
      break;
  }
  return n;
}

Node parse_table(std::string_view toml_text, const std::string& file) {
  try {
    return to_node(toml::parse(toml_text, file));
  } catch (const toml::parse_error& e) {
    throw LoadError(file + ":" + std::to_string(e.source().begin.line) + ": " + toml_error_text(e));
  }
}

}  // namespace wirelint::rules
