// Small helpers shared by the grammar kinds (private to rules/kinds/grammar/).
#pragma once

#include <string>

#include "tokenize/tokens.h"

namespace wirelint::rules::grammar {

// The plural forms of dictionaries/ngrams/plural-forms.tsv as the grammar kinds read them through
// the n-gram image: the row ("!p", word), whose strength says how the singular is made (1 drop
// -s, 2 drop -es, 3 -ies to -y) plus kAlsoVerb when the word is a verb's third person too.
constexpr char kPluralKey[] = "!p";
constexpr int kAlsoVerb = 4;

// The singular of `plural` by a row's strength (the kAlsoVerb part is ignored); empty for a
// strength that names no way.
inline std::string singular_of(const std::string& plural, int strength) {
  switch (strength % kAlsoVerb) {
    case 1: return plural.substr(0, plural.size() - 1);
    case 2: return plural.substr(0, plural.size() - 2);
    case 3: return plural.substr(0, plural.size() - 3) + "y";
    default: return {};
  }
}

// Whether token `j` is a hyphen or an apostrophe written against the word before it, which then
// makes a compound or a possessive of it ("a jobs-related bill", "they cocoa-growing", "a
// farmers' group").
inline bool glued_on(const tokenize::TokenStream& ts, std::size_t j) {
  if (j >= ts.size() || ts[j].space_before) return false;
  std::string_view p = ts.surface(j);
  return p == "-" || p == "'" || p == "\xE2\x80\x99";
}

}  // namespace wirelint::rules::grammar
