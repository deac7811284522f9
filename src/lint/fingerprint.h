// Fingerprints that identify a finding across edits elsewhere in the file: they hash the rule
// id, the matched text and the sentence around the match (whitespace collapsed), never a line
// number or offset. Identical findings in identical sentences are told apart by an occurrence
// counter in source order. Used by the baseline; other consumers (SARIF) may reuse the idea.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace wirelint::lint {

// 64-bit FNV-1a.
std::uint64_t fnv1a64(std::string_view bytes);

// The sentence holding `span` within its source line (bounded by . ! ? followed by a space, or
// by the line ends), whitespace runs collapsed to one space and trimmed.
std::string fingerprint_context(std::string_view source, Span span);

// One fingerprint (16 lowercase hex digits) per diagnostic, in the order given; `diagnostics`
// are those of one file, in source order.
std::vector<std::string> fingerprints(std::string_view source, const std::vector<Diagnostic>& diagnostics);

}  // namespace wirelint::lint
