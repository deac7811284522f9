// The one bridge from toml++ to the parser-independent tree (rules/node.h): the rule loader's
// fallback when a file is not in the rule image, the image compiler, and the user's
// .wirelint.toml include this header; nothing else sees toml++.
#pragma once

#include <toml++/toml.h>

#include <string>

#include "rules/node.h"

namespace wirelint::rules {

// toml++'s description of a syntax error. It quotes the text it saw, which may hold a line
// break: LoadError and ConfigError write every control character as an escape (core/escape_controls.h).
std::string toml_error_text(const toml::parse_error& e);

// The tree of a toml++ value: every node's type, source line and column and value, a table's
// keys in toml++'s order.
Node to_node(const toml::node& value);

}  // namespace wirelint::rules
