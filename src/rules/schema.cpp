#include "rules/schema.h"

namespace wirelint::rules {

std::string toml_error_text(const toml::parse_error& e) {
  std::string out;
  for (char c : e.description()) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

toml::table parse_table(std::string_view toml_text, const std::string& file) {
  try {
    return toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    throw LoadError(file + ":" + std::to_string(e.source().begin.line) + ": " + toml_error_text(e));
  }
}

TableReader::TableReader(const toml::table& table, std::string file)
    : table_(&table), file_(std::move(file)) {}

std::size_t TableReader::line() const { return table_->source().begin.line; }

std::size_t TableReader::line_of(const std::string& key) const {
  const toml::node* n = table_->get(key);
  return n ? n->source().begin.line : line();
}

void TableReader::fail(std::size_t line, const std::string& problem) const {
  throw LoadError(file_ + ":" + std::to_string(line ? line : 1) + ": " + problem);
}

void TableReader::fail(const std::string& key, const std::string& problem) const {
  fail(line_of(key), "'" + key + "': " + problem);
}

const toml::node* TableReader::get(const std::string& key) {
  read_.insert(key);
  return table_->get(key);
}

std::optional<std::string> TableReader::string(const std::string& key) {
  const toml::node* n = get(key);
  if (!n) return std::nullopt;
  if (!n->is_string()) fail(key, "expected a string");
  return n->as_string()->get();
}

std::string TableReader::required_string(const std::string& key) {
  auto s = string(key);
  if (!s) fail(line(), "missing required key '" + key + "'");
  if (s->empty()) fail(key, "must not be empty");
  return *s;
}

std::vector<std::string> TableReader::strings(const std::string& key) {
  const toml::node* n = get(key);
  std::vector<std::string> out;
  if (!n) return out;
  if (n->is_string()) {
    out.push_back(n->as_string()->get());
    return out;
  }
  if (!n->is_array()) fail(key, "expected a string or an array of strings");
  for (const auto& el : *n->as_array()) {
    if (!el.is_string()) fail(el.source().begin.line, "'" + key + "': expected strings only");
    out.push_back(el.as_string()->get());
  }
  return out;
}

std::optional<bool> TableReader::boolean(const std::string& key) {
  const toml::node* n = get(key);
  if (!n) return std::nullopt;
  if (!n->is_boolean()) fail(key, "expected true or false");
  return n->as_boolean()->get();
}

std::optional<std::int64_t> TableReader::integer(const std::string& key) {
  const toml::node* n = get(key);
  if (!n) return std::nullopt;
  if (!n->is_integer()) fail(key, "expected an integer");
  return n->as_integer()->get();
}

std::vector<std::int64_t> TableReader::integers(const std::string& key) {
  const toml::node* n = get(key);
  std::vector<std::int64_t> out;
  if (!n) return out;
  if (!n->is_array()) fail(key, "expected an array of integers");
  for (const auto& el : *n->as_array()) {
    if (!el.is_integer()) fail(el.source().begin.line, "'" + key + "': expected integers only");
    out.push_back(el.as_integer()->get());
  }
  return out;
}

std::vector<TableReader> TableReader::tables(const std::string& key) {
  const toml::node* n = get(key);
  std::vector<TableReader> out;
  if (!n) return out;
  if (!n->is_array_of_tables()) fail(key, "expected an array of tables ([[" + key + "]])");
  for (const auto& el : *n->as_array()) out.emplace_back(*el.as_table(), file_);
  return out;
}

std::optional<TableReader> TableReader::table(const std::string& key) {
  const toml::node* n = get(key);
  if (!n) return std::nullopt;
  if (!n->is_table()) fail(key, "expected a table");
  return TableReader(*n->as_table(), file_);
}

std::vector<std::string> TableReader::keys() {
  std::vector<std::string> out;
  for (const auto& [k, v] : *table_) {
    (void)v;
    out.emplace_back(k.str());
    read_.insert(std::string(k.str()));
  }
  return out;
}

void TableReader::finish() const {
  for (const auto& [k, v] : *table_) {
    if (!read_.count(std::string(k.str())))
      fail(v.source().begin.line, "unknown key '" + std::string(k.str()) + "'");
  }
}

}  // namespace wirelint::rules
