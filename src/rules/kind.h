// The registry of rule kinds: a kind name in a rule file ("phrase", "spelling", …) picks the
// factory that reads the kind's own keys and builds the Rule. Kinds register themselves in
// kinds.cpp; adding a kind is one class and one line there.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/schema.h"

namespace wirelint::rules {

// Builds a rule from its metadata and the rest of its table. The factory reads every key it
// understands from `table`; the loader rejects whatever is left.
using KindFactory = std::function<std::unique_ptr<Rule>(RuleInfo info, TableReader& table)>;

const KindFactory* find_kind(const std::string& name);
std::vector<std::string> kind_names();

}  // namespace wirelint::rules
