// The plural forms of dictionaries/ngrams/plural-forms.tsv as the grammar kinds read them through
// the n-gram image: the row ("!p", word), whose strength says how the singular is made (1 drop
// -s, 2 drop -es, 3 -ies to -y) plus kAlsoVerb when the word is a verb's third person too.
#pragma once

#include <string>

namespace wirelint::rules::grammar {

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

}  // namespace wirelint::rules::grammar
