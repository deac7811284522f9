// Fuzz target: the rule-file loader (rules/rule_set.h load_rule, with its strict schema and
// every rule kind's own keys). The bytes are the TOML of rules/fuzz/fuzz-rule.toml. A bad file
// must be a LoadError of one line that starts with the file's path; a rule that loads must
// compile and lint its own examples (with the shipped dictionaries and models) without a
// finding outside the example's text.
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.h"
#include "rules/rule_set.h"
#include "rules/schema.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  const std::string file = "rules/fuzz/fuzz-rule.toml";
  rules::RuleSet set;
  try {
    set.load_rule(fuzz::bytes_of(data, size), file, "fuzz");
  } catch (const rules::LoadError& e) {
    fuzz::check_error_names_file(e.what(), file);
    return 0;
  }
  fuzz::check_rule_examples(set);
  return 0;
}
