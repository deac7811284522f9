#include "lint/fingerprint.h"

#include <cstdio>
#include <map>

namespace wirelint::lint {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool ends_sentence(char c) { return c == '.' || c == '!' || c == '?'; }

std::string hex16(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string fingerprint_context(std::string_view source, Span span) {
  std::size_t begin = std::min(span.offset, source.size());
  std::size_t end = std::min(span.end(), source.size());
  // Back to the start of the sentence: stop after ". " (or at the line start). The match itself
  // may contain sentence punctuation ("U. S."), so the search starts outside it.
  std::size_t b = begin;
  while (b > 0 && source[b - 1] != '\n') {
    if (b >= 2 && is_space(source[b - 1]) && ends_sentence(source[b - 2])) break;
    --b;
  }
  std::size_t e = end;
  while (e < source.size() && source[e] != '\n' && source[e] != '\r') {
    if (ends_sentence(source[e]) && (e + 1 == source.size() || is_space(source[e + 1]))) {
      ++e;
      break;
    }
    ++e;
  }
  std::string out;
  bool pending_space = false;
  for (std::size_t i = b; i < e; ++i) {
    if (is_space(source[i])) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += source[i];
  }
  return out;
}

std::vector<std::string> fingerprints(std::string_view source, const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  std::map<std::uint64_t, int> seen;  // base hash -> occurrences so far
  for (const auto& d : diagnostics) {
    std::string key = d.rule;
    key += '\0';
    key += d.match;
    key += '\0';
    key += fingerprint_context(source, d.span);
    std::uint64_t base = fnv1a64(key);
    int n = seen[base]++;
    out.push_back(hex16(fnv1a64(key + '\0' + std::to_string(n))));
  }
  return out;
}

}  // namespace wirelint::lint
