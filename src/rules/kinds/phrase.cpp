// Kind "phrase": multi-word substitutions. Each [[phrases]] entry has `match` (one or more
// variants), `expected` (one or more replacements, best first) and optional `unless` context
// exceptions: longer phrases that contain the match and make it correct ("private detective
// agency"). Matching is case-insensitive unless `case_sensitive = true` (rule- or entry-level).
// Optional `since` and `until` (YYYY-MM-DD, both inclusive) limit an entry to stories dated in
// that period: a preferred name is only wrong in copy written after the change ("Kiev" → "Kyiv").
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "rules/kind.h"
#include "rules/kinds/case.h"
#include "rules/kinds/registry.h"

namespace wirelint::rules {
namespace {

struct Exception {
  std::vector<std::string> tokens;  // folded
  std::size_t offset = 0;           // where the match sits inside the exception
};

struct Variant {
  std::string text;
  std::vector<std::string> tokens;
  std::uint32_t entry = 0;
  std::vector<Exception> exceptions;
};

struct Entry {
  std::vector<std::string> expected;
  bool case_sensitive = false;
  std::optional<Date> since, until;  // the story dates the entry applies to, inclusive
  std::size_t line = 0;

  bool applies(const Date& d) const { return !(since && d < *since) && !(until && d > *until); }
};

std::optional<Date> entry_date(TableReader& e, const char* key) {
  auto s = e.string(key);
  if (!s) return std::nullopt;
  auto d = Date::parse(*s);
  if (!d) e.fail(key, "expected a date YYYY-MM-DD, got \"" + *s + "\"");
  return d;
}

class PhraseRule : public Rule {
 public:
  PhraseRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    bool case_sensitive = table.boolean("case_sensitive").value_or(false);
    auto entries = table.tables("phrases");
    if (entries.empty()) table.fail(table.line(), "a phrase rule needs at least one [[phrases]] entry");
    for (auto& e : entries) {
      Entry entry;
      entry.line = e.line();
      entry.case_sensitive = e.boolean("case_sensitive").value_or(case_sensitive);
      entry.expected = e.strings("expected");
      entry.since = entry_date(e, "since");
      entry.until = entry_date(e, "until");
      if (entry.since && entry.until && *entry.until < *entry.since)
        e.fail("until", "is before 'since', so the entry can never apply");
      auto matches = e.strings("match");
      if (matches.empty()) e.fail(e.line(), "entry needs 'match'");
      auto unless = e.strings("unless");
      e.finish();
      auto index = static_cast<std::uint32_t>(entries_.size());
      std::vector<std::vector<std::string>> match_tokens;
      for (const auto& m : matches) match_tokens.push_back(match::phrase_tokens(m));
      std::vector<std::vector<std::string>> unless_tokens;
      for (const auto& u : unless) unless_tokens.push_back(match::phrase_tokens(u));
      for (std::size_t ui = 0; ui < unless.size(); ++ui) {
        const auto& ex = unless_tokens[ui];
        const auto& u = unless[ui];
        bool contains_some = false;
        for (const auto& mt : match_tokens)
          contains_some |= std::search(ex.begin(), ex.end(), mt.begin(), mt.end()) != ex.end();
        if (!contains_some)
          e.fail(e.line_of("unless"), "exception \"" + u + "\" does not contain any 'match' of its entry, so it can never apply");
      }
      for (std::size_t mi = 0; mi < matches.size(); ++mi) {
        const auto& m = matches[mi];
        Variant v;
        v.text = m;
        v.tokens = match_tokens[mi];
        v.entry = index;
        if (v.tokens.empty()) e.fail(e.line(), "'match' has no words: \"" + m + "\"");
        for (const auto& ut : unless_tokens) {
          Exception ex;
          ex.tokens = ut;
          bool found = false;
          for (std::size_t k = 0; k + v.tokens.size() <= ex.tokens.size() && !found; ++k) {
            if (std::equal(v.tokens.begin(), v.tokens.end(), ex.tokens.begin() + k)) {
              ex.offset = k;
              found = true;
            }
          }
          if (found) v.exceptions.push_back(std::move(ex));
        }
        variants_.push_back(std::move(v));
      }
      entries_.push_back(std::move(entry));
    }
  }

  void register_phrases(PhraseRegistrar& registrar) const override {
    for (std::uint32_t i = 0; i < variants_.size(); ++i) registrar.add(variants_[i].tokens, i);
  }

  void on_phrase(const LintContext& ctx, const match::PhraseHit& hit, std::uint32_t local,
                 Emitter& out) const override {
    const Variant& v = variants_[local];
    const Entry& entry = entries_[v.entry];
    if (!entry.applies(ctx.date)) return;
    const auto& ts = ctx.tokens;
    if (entry.case_sensitive) {
      // The text must read exactly like the phrase, token by token.
      auto pattern = tokenize::TokenStream(v.text);
      for (std::size_t k = 0; k < pattern.size(); ++k)
        if (ts.surface(hit.first_token + k) != pattern.surface(k)) return;
    }
    for (const auto& ex : v.exceptions) {
      if (hit.first_token < ex.offset) continue;
      std::size_t start = hit.first_token - ex.offset;
      if (start + ex.tokens.size() > ts.size()) continue;
      bool all = true;
      for (std::size_t k = 0; k < ex.tokens.size() && all; ++k) all = ts.folded(start + k) == ex.tokens[k];
      if (all) return;
    }
    std::size_t b = ts[hit.first_token].begin, e = ts[hit.end_token - 1].end;
    std::string_view matched = ts.text().substr(b, e - b);
    std::vector<std::string> repl;
    for (const auto& x : entry.expected) repl.push_back(match_case(matched, x));
    std::string message = format_message(matched, repl.empty() ? std::string_view() : std::string_view(repl[0]));
    out.emit(b, e, std::move(message), std::move(repl));
  }

  void derived_examples(std::vector<Example>& fire, std::vector<Example>& clean) const override {
    // Examples are checked at today's date: a dated entry that does not apply today cannot be
    // expected to fire on its own text.
    Date today = Date::today();
    for (const auto& v : variants_)
      if (entries_[v.entry].applies(today)) fire.push_back(Example{v.text, entries_[v.entry].line});
    for (const auto& e : entries_)
      for (const auto& x : e.expected) clean.push_back(Example{x, e.line});
  }

 private:
  std::vector<Variant> variants_;
  std::vector<Entry> entries_;
};

}  // namespace

std::unique_ptr<Rule> make_phrase_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<PhraseRule>(std::move(info), table);
}

}  // namespace wirelint::rules
