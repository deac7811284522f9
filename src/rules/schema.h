// Strict reading of one TOML table of a rule file. Every getter marks its key as read; finish()
// rejects any key that nobody read, naming file and line, so a misspelt key is an error rather
// than a silently ignored setting. All failures throw LoadError ("file:line: problem").
// The tree read is parser-independent (rules/node.h): it comes from toml++ or from the compiled
// rule image, and line numbers are the same either way.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/escape_controls.h"
#include "rules/node.h"

namespace wirelint::rules {

class LoadError : public std::runtime_error {
 public:
  // One line whatever the message quotes (see core/escape_controls.h).
  explicit LoadError(const std::string& what) : std::runtime_error(escape_controls(what)) {}
};

// TOML text parsed (by toml++) into a tree; a syntax error is a LoadError naming `file` and the
// line.
Node parse_table(std::string_view toml_text, const std::string& file);

class TableReader {
 public:
  // `table` (a NodeType::table) must outlive the reader.
  TableReader(const Node& table, std::string file);

  std::optional<std::string> string(const std::string& key);
  std::string required_string(const std::string& key);
  // A string or an array of strings.
  std::vector<std::string> strings(const std::string& key);
  // Strings of the form "left->right", both sides non-empty, as pairs; another string fails
  // with `expected "<shape>"` ("Abbr->Word").
  std::vector<std::pair<std::string, std::string>> arrows(const std::string& key, const std::string& shape);
  std::optional<bool> boolean(const std::string& key);
  std::optional<std::int64_t> integer(const std::string& key);
  // An array of integers (empty if the key is absent).
  std::vector<std::int64_t> integers(const std::string& key);
  // Each element of an array of tables, as readers (empty if the key is absent).
  std::vector<TableReader> tables(const std::string& key);
  std::optional<TableReader> table(const std::string& key);
  // Keys of the table (for tables used as maps), marking them all read.
  std::vector<std::string> keys();

  std::size_t line() const;
  std::size_t line_of(const std::string& key) const;
  const std::string& file() const { return file_; }
  const Node& node() const { return *table_; }
  [[noreturn]] void fail(std::size_t line, const std::string& problem) const;
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

  // Throws for the first key that was never read.
  void finish() const;

 private:
  const Node* get(const std::string& key);

  const Node* table_;
  std::string file_;
  std::vector<bool> read_;  // per key of the table
};

}  // namespace wirelint::rules
