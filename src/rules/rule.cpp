#include "rules/rule.h"

#include "models/synonyms.h"
#include "rules/name_list.h"

namespace wirelint::rules {

bool listed_real_name(const LintContext& ctx, const std::string& name) {
  if (ctx.real_names && ctx.real_names->count(name)) return true;
  return ctx.exact_names && ctx.exact_names->contains(name);
}

bool verb_form(const LintContext& ctx, std::string_view word) {
  return ctx.ngrams && ctx.ngrams->folded_pair_strength("!v", word) > 0;
}

std::string Rule::format_message(std::string_view match, std::string_view expected) const {
  return fill_message(info_.message, match, expected);
}

std::string fill_message(std::string_view tpl, std::string_view match, std::string_view expected) {
  std::string out;
  out.reserve(tpl.size() + match.size() + expected.size());
  for (std::size_t i = 0; i < tpl.size();) {
    if (tpl.compare(i, 7, "{match}") == 0) {
      out.append(match);
      i += 7;
    } else if (tpl.compare(i, 10, "{expected}") == 0) {
      out.append(expected);
      i += 10;
    } else {
      out.push_back(tpl[i++]);
    }
  }
  return out;
}

}  // namespace wirelint::rules
