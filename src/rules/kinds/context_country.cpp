// placeholder, replaced below
#include "rules/kinds/registry.h"
namespace wirelint::rules {
std::unique_ptr<Rule> make_context_country_rule(RuleInfo info, TableReader& table) { (void)info; table.fail(table.line(), "not yet"); }
}  // namespace wirelint::rules
