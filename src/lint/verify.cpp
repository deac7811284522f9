#include "lint/verify.h"

#include "input/reader.h"

namespace wirelint::lint {
namespace {

std::size_t hits(const Engine& engine, const RuleSelection& sel, const std::string& rule, const std::string& text) {
  auto prepared = input::prepare("<example>", text, InputFormat::plain);
  auto found = engine.linter().lint(*prepared.doc, sel, Date::today());
  std::size_t n = 0;
  for (const auto& d : found) n += d.rule == rule;
  return n;
}

}  // namespace

std::vector<std::string> verify_examples(const Engine& engine, int rule_index) {
  std::vector<std::string> failures;
  const auto& rule = *engine.rules().rules()[rule_index];
  const auto& info = rule.info();
  auto sel = RuleSelection::only(engine.rules(), rule_index);
  std::vector<rules::Example> fire = info.fire, clean = info.clean;
  rule.derived_examples(fire, clean);
  for (const auto& ex : fire)
    if (hits(engine, sel, info.id, ex.text) == 0)
      failures.push_back(info.file + ":" + std::to_string(ex.line) + ": " + info.id +
                         ": example should fire but did not: \"" + ex.text + "\"");
  for (const auto& ex : clean)
    if (hits(engine, sel, info.id, ex.text) != 0)
      failures.push_back(info.file + ":" + std::to_string(ex.line) + ": " + info.id +
                         ": example should stay clean but fired: \"" + ex.text + "\"");
  return failures;
}

std::vector<std::string> verify_all_examples(const Engine& engine) {
  std::vector<std::string> failures;
  for (int i = 0; i < static_cast<int>(engine.rules().rules().size()); ++i) {
    auto f = verify_examples(engine, i);
    failures.insert(failures.end(), f.begin(), f.end());
  }
  return failures;
}

}  // namespace wirelint::lint
