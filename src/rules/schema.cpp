#include "rules/schema.h"

namespace wirelint::rules {

TableReader::TableReader(const Node& table, std::string file)
    : table_(&table), file_(std::move(file)), read_(table.keys.size(), false) {}

std::size_t TableReader::line() const { return table_->line; }

std::size_t TableReader::line_of(const std::string& key) const {
  const Node* n = table_->find(key);
  return n ? n->line : line();
}

void TableReader::fail(std::size_t line, const std::string& problem) const {
  throw LoadError(file_ + ":" + std::to_string(line ? line : 1) + ": " + problem);
}

void TableReader::fail(const std::string& key, const std::string& problem) const {
  fail(line_of(key), "'" + key + "': " + problem);
}

const Node* TableReader::get(const std::string& key) {
  std::size_t i = table_->position(key);
  if (i == read_.size()) return nullptr;
  read_[i] = true;
  return &table_->children[i];
}

std::optional<std::string> TableReader::string(const std::string& key) {
  const Node* n = get(key);
  if (!n) return std::nullopt;
  if (n->type != NodeType::string) fail(key, "expected a string");
  return n->text;
}

std::string TableReader::required_string(const std::string& key) {
  auto s = string(key);
  if (!s) fail(line(), "missing required key '" + key + "'");
  if (s->empty()) fail(key, "must not be empty");
  return *s;
}

std::vector<std::string> TableReader::strings(const std::string& key) {
  const Node* n = get(key);
  std::vector<std::string> out;
  if (!n) return out;
  if (n->type == NodeType::string) {
    out.push_back(n->text);
    return out;
  }
  if (n->type != NodeType::array) fail(key, "expected a string or an array of strings");
  out.reserve(n->children.size());
  for (const auto& el : n->children) {
    if (el.type != NodeType::string) fail(el.line, "'" + key + "': expected strings only");
    out.push_back(el.text);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> TableReader::arrows(const std::string& key,
                                                                    const std::string& shape) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& pair : strings(key)) {
    auto arrow = pair.find("->");
    if (arrow == std::string::npos || arrow == 0 || arrow + 2 == pair.size())
      fail(key, "expected \"" + shape + "\", got \"" + pair + "\"");
    out.emplace_back(pair.substr(0, arrow), pair.substr(arrow + 2));
  }
  return out;
}

std::optional<bool> TableReader::boolean(const std::string& key) {
  const Node* n = get(key);
  if (!n) return std::nullopt;
  if (n->type != NodeType::boolean) fail(key, "expected true or false");
  return n->boolean;
}

std::optional<std::int64_t> TableReader::integer(const std::string& key) {
  const Node* n = get(key);
  if (!n) return std::nullopt;
  if (n->type != NodeType::integer) fail(key, "expected an integer");
  return n->integer;
}

std::vector<std::int64_t> TableReader::integers(const std::string& key) {
  const Node* n = get(key);
  std::vector<std::int64_t> out;
  if (!n) return out;
  if (n->type != NodeType::array) fail(key, "expected an array of integers");
  for (const auto& el : n->children) {
    if (el.type != NodeType::integer) fail(el.line, "'" + key + "': expected integers only");
    out.push_back(el.integer);
  }
  return out;
}

std::vector<TableReader> TableReader::tables(const std::string& key) {
  const Node* n = get(key);
  std::vector<TableReader> out;
  if (!n) return out;
  if (!n->array_of_tables) fail(key, "expected an array of tables ([[" + key + "]])");
  for (const auto& el : n->children) out.emplace_back(el, file_);
  return out;
}

std::optional<TableReader> TableReader::table(const std::string& key) {
  const Node* n = get(key);
  if (!n) return std::nullopt;
  if (n->type != NodeType::table) fail(key, "expected a table");
  return TableReader(*n, file_);
}

std::vector<std::string> TableReader::keys() {
  read_.assign(read_.size(), true);
  return table_->keys;
}

void TableReader::finish() const {
  for (std::size_t i = 0; i < table_->keys.size(); ++i) {
    const auto& k = table_->keys[i];
    if (!read_[i]) fail(table_->children[i].line, "unknown key '" + k + "'");
  }
}

}  // namespace wirelint::rules
