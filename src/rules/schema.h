// Strict reading of one TOML table of a rule file. Every getter marks its key as read; finish()
// rejects any key that nobody read, naming file and line, so a misspelt key is an error rather
// than a silently ignored setting. All failures throw LoadError ("file:line: problem").
// Only the loader and the rule kinds include this header (it pulls in toml++).
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace wirelint::rules {

class LoadError : public std::runtime_error {
 public:
  explicit LoadError(const std::string& what) : std::runtime_error(what) {}
};

// toml++'s description of a syntax error on one line: it quotes the text it saw, which may hold
// a line break; those are written as \n and \r.
std::string toml_error_text(const toml::parse_error& e);

// TOML text parsed into a table; a syntax error is a LoadError naming `file` and the line.
toml::table parse_table(std::string_view toml_text, const std::string& file);

class TableReader {
 public:
  TableReader(const toml::table& table, std::string file);

  std::optional<std::string> string(const std::string& key);
  std::string required_string(const std::string& key);
  // A string or an array of strings.
  std::vector<std::string> strings(const std::string& key);
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
  [[noreturn]] void fail(std::size_t line, const std::string& problem) const;
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

  // Throws for the first key that was never read.
  void finish() const;

 private:
  const toml::node* get(const std::string& key);

  const toml::table* table_;
  std::string file_;
  std::set<std::string> read_;
};

}  // namespace wirelint::rules
