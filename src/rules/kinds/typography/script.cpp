// Kind "mixed-script": a word that mixes Latin letters with Cyrillic or Greek look-alikes
// ("Mоscow" with a Cyrillic "о"), left by re-keying, OCR or deliberate spoofing. The script test
// and the Latin spelling come from text::ScriptChecker (ICU's spoof checker); the rule only walks
// the words, and only words with a non-ASCII byte reach the checker.
#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"
#include "text/script.h"

namespace wirelint::rules {
namespace {

class MixedScriptRule : public Rule {
 public:
  MixedScriptRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) { (void)table; }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (!ts[i].is_word()) continue;
      std::string_view w = ts.surface(i);
      bool ascii = true;
      for (char c : w) ascii &= static_cast<unsigned char>(c) < 0x80;
      if (ascii || !checker_.is_mixed_script(w)) continue;
      std::string latin = checker_.latin_form(w);
      std::vector<std::string> repl;
      if (!latin.empty()) repl.push_back(latin);
      out.emit(ts[i].begin, ts[i].end, format_message(w, latin.empty() ? std::string_view("?") : latin),
               std::move(repl));
    }
  }

 private:
  text::ScriptChecker checker_;
};

}  // namespace

std::unique_ptr<Rule> make_mixed_script_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<MixedScriptRule>(std::move(info), table);
}

}  // namespace wirelint::rules
