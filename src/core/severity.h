// Severity of a diagnostic. Ordered: suggestion < warning < error, so a fail level is a
// simple comparison.
#pragma once

#include <optional>
#include <string_view>

namespace wirelint {

enum class Severity { suggestion = 0, warning = 1, error = 2 };

std::optional<Severity> parse_severity(std::string_view name);
std::string_view to_string(Severity severity);

}  // namespace wirelint
