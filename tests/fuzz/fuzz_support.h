// Shared by the fuzz targets in this folder: the engine (loaded once per process), the checks
// every prepared Document must pass, and a way to stop with a message that libFuzzer keeps with
// the crashing input. See README.md for the targets and how to run them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/document.h"
#include "lint/engine.h"
#include "rules/rule_set.h"

namespace wirelint::fuzz {

// Prints "fuzz check failed: WHAT" and aborts, so the input is saved as a crash.
[[noreturn]] void fail(const std::string& what);

// The engine over the source tree's data (rules, dictionaries, models), built on first use.
const lint::Engine& engine();

// The bytes of a fuzz input as a string.
inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// What must hold for any Document the reader returns: the text-to-source maps have one entry
// per text byte plus one, never decrease and stay inside the source; markup text nodes are
// sorted, disjoint and inside the source; the line index answers for every source offset.
void check_document(const Document& doc);

// Compiles `set` (one rule that loaded) and lints each of the rule's examples with the engine's
// dictionaries and models: every finding must lie inside its example.
void check_rule_examples(rules::RuleSet& set);

// An error message meant for a user: one line that starts with `file`.
void check_error_names_file(std::string_view message, std::string_view file);

}  // namespace wirelint::fuzz
