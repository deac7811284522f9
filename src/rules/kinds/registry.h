// Factories of the built-in rule kinds; kinds.cpp maps kind names to them.
#pragma once

#include <memory>

#include "rules/rule.h"
#include "rules/schema.h"

namespace wirelint::rules {

std::unique_ptr<Rule> make_phrase_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_spelling_rule(RuleInfo info, TableReader& table);

}  // namespace wirelint::rules
