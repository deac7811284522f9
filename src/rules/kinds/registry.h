// Factories of the built-in rule kinds; kinds.cpp maps kind names to them.
#pragma once

#include <memory>

#include "rules/rule.h"
#include "rules/schema.h"

namespace wirelint::rules {

std::unique_ptr<Rule> make_phrase_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_spelling_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_spaced_abbreviation_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_spaced_hyphen_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_quote_direction_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_article_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_doubled_word_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_mojibake_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_mixed_script_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_temporal_validity_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_office_term_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_context_country_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_entity_modifier_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_malformed_demonym_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_entity_near_miss_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_spun_title_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_double_space_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_space_before_punctuation_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_spaced_dash_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_quote_punctuation_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_collocation_model_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_determiner_plural_rule(RuleInfo info, TableReader& table);
std::unique_ptr<Rule> make_pronoun_determiner_rule(RuleInfo info, TableReader& table);

}  // namespace wirelint::rules
