#include "rules/kind.h"

#include <map>

#include "rules/kinds/registry.h"

namespace wirelint::rules {
namespace {

const std::map<std::string, KindFactory>& kinds() {
  static const std::map<std::string, KindFactory> table = {
      {"phrase", make_phrase_rule},
      {"spelling", make_spelling_rule},
      {"spaced-abbreviation", make_spaced_abbreviation_rule},
      {"spaced-hyphen", make_spaced_hyphen_rule},
      {"quote-direction", make_quote_direction_rule},
      {"article", make_article_rule},
      {"doubled-word", make_doubled_word_rule},
      {"mojibake", make_mojibake_rule},
      {"mixed-script", make_mixed_script_rule},
      {"temporal-validity", make_temporal_validity_rule},
      {"office-term", make_office_term_rule},
      {"context-country", make_context_country_rule},
      {"entity-modifier", make_entity_modifier_rule},
      {"malformed-demonym", make_malformed_demonym_rule},
      {"entity-near-miss", make_entity_near_miss_rule},
      {"spun-title", make_spun_title_rule},
      {"double-space", make_double_space_rule},
      {"space-before-punctuation", make_space_before_punctuation_rule},
      {"spaced-dash", make_spaced_dash_rule},
      {"quote-punctuation", make_quote_punctuation_rule},
      {"collocation-model", make_collocation_model_rule},
      {"determiner-plural", make_determiner_plural_rule},
      {"pronoun-determiner", make_pronoun_determiner_rule},
  };
  return table;
}

}  // namespace

const KindFactory* find_kind(const std::string& name) {
  auto it = kinds().find(name);
  return it == kinds().end() ? nullptr : &it->second;
}

std::vector<std::string> kind_names() {
  std::vector<std::string> out;
  for (const auto& [name, factory] : kinds()) {
    (void)factory;
    out.push_back(name);
  }
  return out;
}

}  // namespace wirelint::rules
