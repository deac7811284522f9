// Kind "doubled-word": the same word twice in a row ("the the"), compared case-insensitively,
// with only whitespace between (a comma, a quote or a paragraph break makes it deliberate:
// "very, very"). A line break between the two is still a typo — that is where doubled words
// hide in hard-wrapped copy.
//
// Deliberate doubles come from the rule's data: `exceptions` lists phrases that contain a
// doubled word and make it grammatical ("had had", "that that", "what it is is"); `words`
// lists reduplicated words ("bye bye", "mahi mahi"). A double with a capital is a name
// ("Bora Bora", "Walla Walla", "Sirhan Sirhan") unless the word is one of the rule's
// `function_words` ("The the"). Numbers are not words here ("10 10" is a table), nor are
// doubles in table columns (wide gaps) or inside compounds ("non-bank bank", "one one-hundredth").
#include <algorithm>

#include "rules/kinds/registry.h"
#include "rules/kinds/typography/util.h"

namespace wirelint::rules {
namespace {

using tokenize::CaseShape;

struct Exception {
  std::vector<std::string> words;  // folded
  std::size_t second = 0;          // index of the second of the doubled pair in `words`
};

class DoubledWordRule : public Rule {
 public:
  DoubledWordRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    function_words_ = typography::word_set(table, "function_words");
    words_ = typography::word_set(table, "words");
    for (const auto& p : table.strings("exceptions")) {
      Exception ex;
      auto tokens = match::phrase_tokens(p);
      for (std::size_t k = 1; k < tokens.size() && !ex.second; ++k)
        if (tokens[k] == tokens[k - 1]) ex.second = k;
      if (!ex.second) table.fail("exceptions", "\"" + p + "\" holds no doubled word, so it can never apply");
      ex.words = std::move(tokens);
      exceptions_.push_back(std::move(ex));
    }
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    const auto& ts = ctx.tokens;
    for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
      if (!ts[i].is_word()) continue;
      std::size_t j = i + 1;
      // A run of the same word ("the the the") is one finding.
      while (j < ts.size() && ts[j].is_word() && ts[j].space_before && !ts[j].paragraph_before &&
             ts.folded(j) == ts.folded(i))
        ++j;
      if (j == i + 1) continue;
      std::size_t last = j - 1;
      if (deliberate(ts, i, last)) {
        i = last;
        continue;
      }
      std::size_t b = ts[i].begin, e = ts[last].end;
      std::string keep(ts.surface(i));
      out.emit(b, e, format_message(ts.text().substr(b, e - b), keep), {keep});
      i = last;
    }
  }

 private:
  bool deliberate(const tokenize::TokenStream& ts, std::size_t i, std::size_t last) const {
    std::string w(ts.folded(i));
    if (words_.count(w)) return true;
    // Part of a compound: "non-bank bank", "one one-hundredth".
    if (i > 0 && !ts[i].space_before && typography::is_punct(ts, i - 1, "-")) return true;
    if (last + 1 < ts.size() && !ts[last + 1].space_before && typography::is_punct(ts, last + 1, "-"))
      return true;
    // Columns of a table ("nil      nil      nil"): aligned with runs of spaces or tabs.
    for (std::size_t k = i; k < last; ++k) {
      std::string_view gap = ts.text().substr(ts[k].end, ts[k + 1].begin - ts[k].end);
      if (gap.find('\t') != std::string_view::npos || gap.find("   ") != std::string_view::npos) return true;
    }
    auto a = ts[i].shape, b = ts[i + 1].shape;
    bool lower = a == CaseShape::lower && b == CaseShape::lower;
    // "The the" opening a sentence is a typo; "Bora Bora" and "THE THE" are not for us to judge.
    bool sentence_initial = a == CaseShape::capitalized && b == CaseShape::lower && ts[i].sentence_start;
    if (!lower && !(sentence_initial && function_words_.count(w))) return true;
    for (const auto& ex : exceptions_) {
      if (ex.words[ex.second] != w) continue;
      // Align the exception so that its doubled pair sits on tokens i, i+1.
      std::size_t second = i + 1;
      if (second < ex.second) continue;
      std::size_t start = second - ex.second;
      if (start + ex.words.size() > ts.size()) continue;
      bool all = true;
      for (std::size_t k = 0; k < ex.words.size() && all; ++k) all = ts.folded(start + k) == ex.words[k];
      if (all) return true;
    }
    return false;
  }

  std::unordered_set<std::string> function_words_, words_;
  std::vector<Exception> exceptions_;
};

}  // namespace

std::unique_ptr<Rule> make_doubled_word_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<DoubledWordRule>(std::move(info), table);
}

}  // namespace wirelint::rules
