// Kind "mojibake": UTF-8 text that went through a Windows-1252 or Latin-1 decoder and was
// written out again as UTF-8 ("Iranâ€™s" for "Iran’s"). The rule's `sequences` table maps each
// garbled sequence to the character it stands for; the longest sequence at a position wins
// (doubly garbled text holds singly garbled sequences inside it).
//
// One pass over the bytes: only bytes that start some sequence in the table are looked at
// (all of them start with a Latin-1 letter, so in practice only 0xC3), and at those only the
// sequences sharing the first two bytes are compared.
#include <algorithm>
#include <unordered_map>

#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

struct Sequence {
  std::string bad, good;
};

class MojibakeRule : public Rule {
 public:
  MojibakeRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    line_ = table.line_of("sequences");
    auto seqs = table.table("sequences");
    if (!seqs) table.fail(table.line(), "a mojibake rule needs a [sequences] table");
    for (const auto& key : seqs->keys()) {
      auto good = seqs->string(key);
      if (!good) seqs->fail(key, "expected the intended text as a string");
      // Two code points at least: a single character is no evidence of a wrong decoding.
      std::size_t len = 0;
      typography::decode_at(key, 0, &len);
      if (key.size() < 2 || len >= key.size())
        seqs->fail(key, "a garbled sequence has at least two characters");
      if (*good == key) seqs->fail(key, "maps to itself");
      auto id = static_cast<std::uint32_t>(sequences_.size());
      sequences_.push_back(Sequence{key, *good});
      starts_[static_cast<unsigned char>(key[0])] = true;
      by_prefix_[prefix(key, 0)].push_back(id);
    }
    if (sequences_.empty()) table.fail(table.line(), "a mojibake rule needs at least one sequence");
    for (auto& [p, ids] : by_prefix_) {
      (void)p;
      std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t x, std::uint32_t y) {
        return sequences_[x].bad.size() > sequences_[y].bad.size();
      });
    }
  }

  bool scans() const override { return true; }

  // Every garbled sequence must fire on its own, and what it stands for must stay clean.
  void derived_examples(std::vector<Example>& fire, std::vector<Example>& clean) const override {
    for (const auto& s : sequences_) {
      fire.push_back(Example{"Iran" + s.bad + "s oil", line_});
      clean.push_back(Example{"Iran" + s.good + "s oil", line_});
    }
  }

  void check(const LintContext& ctx, Emitter& out) const override {
    std::string_view text = ctx.tokens.text();
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      if (!starts_[static_cast<unsigned char>(text[i])]) continue;
      auto it = by_prefix_.find(prefix(text, i));
      if (it == by_prefix_.end()) continue;
      for (std::uint32_t id : it->second) {
        const Sequence& s = sequences_[id];
        if (text.compare(i, s.bad.size(), s.bad) != 0) continue;
        out.emit(i, i + s.bad.size(), format_message(s.bad, s.good), {s.good});
        i += s.bad.size() - 1;
        break;
      }
    }
  }

 private:
  static std::uint16_t prefix(std::string_view s, std::size_t i) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[i]) << 8 |
                                      (i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0));
  }

  std::vector<Sequence> sequences_;
  bool starts_[256] = {};
  std::unordered_map<std::uint16_t, std::vector<std::uint32_t>> by_prefix_;
  std::size_t line_ = 0;
};

}  // namespace

std::unique_ptr<Rule> make_mojibake_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<MojibakeRule>(std::move(info), table);
}

}  // namespace wirelint::rules
