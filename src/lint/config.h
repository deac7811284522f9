// Project configuration: `.wirelint.toml`, found by walking up from each linted file (the
// nearest one wins; no merging across levels). Keys:
//   enable  = ["rule-id", …]          turn on rules that are off by default
//   disable = ["rule-id", …]          turn rules off
//   ignore  = ["drafts/**", "*.tmp.md"]  paths (relative to the config's folder) not linted
//   style   = "ap"                    the house style (rules/house-styles.toml; `wirelint styles`)
//   [severity]  "rule-id" = "error" | "warning" | "suggestion"
//   [spelling]  accept = ["word", …]; dictionaries = ["words.txt", …] (one word a line,
//               '#' comments, relative to the config's folder)
//   [thresholds] "rule-id" = N         the least score of a rule that scores its findings
//                                      (spun-collocation-model): higher, fewer and surer findings
//   [ngrams]    table = "house.tsv"    a house table of reference n-grams (tools/ngrams/ngrams.py
//               build), relative to the config's folder, in place of the shipped one
// Unknown keys, unknown rule ids and unreadable word lists are errors naming file and line.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/escape_controls.h"
#include "core/severity.h"

namespace wirelint::lint {

class ConfigError : public std::runtime_error {
 public:
  // One line whatever the message quotes (see core/escape_controls.h).
  explicit ConfigError(const std::string& what) : std::runtime_error(escape_controls(what)) {}
};

struct Config {
  std::string path;  // the file it was read from
  std::string dir;   // its folder
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::vector<std::string> ignore;
  std::string style;           // house style id; empty: none
  std::size_t style_line = 0;  // its line, for errors
  std::map<std::string, Severity> severity;
  std::vector<std::string> accept_words;  // inline and from dictionaries, in order
  std::map<std::string, int> thresholds;  // rule id -> least score
  std::string ngram_table;                // absolute path; empty: the shipped table
};

// Parses config text; `path` names it in errors and anchors relative paths. Throws ConfigError.
Config parse_config(const std::string& text, const std::string& path);
Config load_config(const std::string& path);

// The nearest `.wirelint.toml` in the folder of `file` or above, if any.
std::optional<std::string> find_config(const std::string& file);

// Glob match on '/'-separated paths: '*' and '?' stay within a segment, '**' spans segments.
bool glob_match(const std::string& pattern, const std::string& path);

}  // namespace wirelint::lint
