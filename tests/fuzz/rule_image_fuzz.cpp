// Fuzz target: any bytes as one file's tree in the rule image (rules/rule_image.h, written by
// rules/node.h's write_node), past the header and payload checksum that would otherwise turn
// nearly every input away. A malformed tree must be an ImageError. A tree that reads is given
// to every reader of a rules folder's files, as rules/fuzz/fuzz-rule.toml, house-styles.toml
// and context.toml: each either loads or throws a LoadError of one line starting with the
// file's path; a rule that loads compiles and lints its own examples.
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.h"
#include "image/io.h"
#include "rules/context.h"
#include "rules/node.h"
#include "rules/rule_set.h"
#include "rules/schema.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  rules::Node root;
  ImageReader in(reinterpret_cast<const char*>(data), size);
  try {
    root = rules::read_node(in);
  } catch (const ImageError&) {
    return 0;
  }
  for (const char* file : {"rules/house-styles.toml", "rules/context.toml"}) {
    try {
      rules::RuleSet styles;
      if (std::string(file) == "rules/context.toml") (void)rules::ContextData::read(root, file);
      else styles.load_styles(root, file);
    } catch (const rules::LoadError& e) {
      fuzz::check_error_names_file(e.what(), file);
    }
  }
  const std::string file = "rules/fuzz/fuzz-rule.toml";
  rules::RuleSet set;
  try {
    set.load_rule(root, file, "fuzz");
  } catch (const rules::LoadError& e) {
    fuzz::check_error_names_file(e.what(), file);
    return 0;
  }
  fuzz::check_rule_examples(set);
  return 0;
}
