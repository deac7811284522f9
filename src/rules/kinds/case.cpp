#include "rules/kinds/case.h"

#include "tokenize/tokens.h"

namespace wirelint::rules {

std::string match_case(std::string_view matched, std::string_view replacement) {
  std::string out(replacement);
  if (out.empty() || matched.empty()) return out;
  auto first = static_cast<unsigned char>(matched.front());
  auto rfirst = static_cast<unsigned char>(out.front());
  // Only ASCII initials are adjusted; a replacement that starts with a capital is a name and
  // keeps its own case.
  if (first >= 'A' && first <= 'Z' && rfirst >= 'a' && rfirst <= 'z') out[0] = static_cast<char>(rfirst - 32);
  return out;
}

}  // namespace wirelint::rules
