#include "core/severity.h"

namespace wirelint {

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::error;
  if (name == "warning") return Severity::warning;
  if (name == "suggestion") return Severity::suggestion;
  return std::nullopt;
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::suggestion: return "suggestion";
  }
  return "warning";
}

}  // namespace wirelint
