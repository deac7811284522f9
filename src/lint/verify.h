// Runs each rule's examples (its own and those implied by its data) with only that rule
// enabled: every `fire` text must produce a diagnostic of the rule, every `clean` text none.
// Used by `wirelint rules --check` and the test suite; costs one small lint per example.
#pragma once

#include <string>
#include <vector>

#include "lint/engine.h"

namespace wirelint::lint {

// One line per failure: "file:line: rule-id: fire example did not fire: \"…\"". Empty = all pass.
std::vector<std::string> verify_examples(const Engine& engine, int rule_index);
std::vector<std::string> verify_all_examples(const Engine& engine);

}  // namespace wirelint::lint
