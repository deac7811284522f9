// Carrying the capitalization of what was matched over to a replacement: a sentence-initial
// "Detective agency" becomes "Spy agency", "U. S." stays upper case.
#pragma once

#include <string>
#include <string_view>

namespace wirelint::rules {

std::string match_case(std::string_view matched, std::string_view replacement);

}  // namespace wirelint::rules
