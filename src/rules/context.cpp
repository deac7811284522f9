#include "rules/context.h"

#include <algorithm>
#include <utility>

#include "match/phrase_set.h"
#include "rules/schema.h"

namespace wirelint::rules {

ContextData ContextData::parse(std::string_view toml_text, const std::string& file) {
  return read(parse_table(toml_text, file), file);
}

ContextData ContextData::read(const Node& root, const std::string& file) {
  TableReader table(root, file);
  ContextData d;
  for (const auto& p : table.strings("framing")) {
    auto tokens = match::phrase_tokens(p);
    if (tokens.empty()) table.fail("framing", "an empty phrase");
    d.framing.push_back(std::move(tokens));
  }
  auto window = table.integer("framing_window").value_or(3);
  if (window < 0 || window > 8) table.fail("framing_window", "must be from 0 to 8");
  d.framing_window = static_cast<std::size_t>(window);
  d.framing_gap = table.strings("framing_gap");
  for (const auto& p : table.strings("attribution")) {
    auto tokens = match::phrase_tokens(p);
    if (tokens.empty()) table.fail("attribution", "an empty phrase");
    d.attribution.push_back(std::move(tokens));
  }
  table.finish();
  return d;
}

namespace {

enum class Mark { none, open, close, straight };

Mark mark_of(std::string_view s) {
  if (s == "\"") return Mark::straight;
  if (s == "\xE2\x80\x9C" || s == "\xE2\x80\x98") return Mark::open;   // “ ‘
  if (s == "\xE2\x80\x9D" || s == "\xE2\x80\x99") return Mark::close;  // ” ’
  return Mark::none;
}

}  // namespace

StoryContext::StoryContext(const tokenize::TokenStream& ts, const ContextData& data, std::vector<TextScope> parts)
    : ts_(ts), data_(data), parts_(std::move(parts)), quoted_(ts.size(), false), attributed_(ts.sentences().size()) {
  for (auto& a : attributed_) a.store(-1, std::memory_order_relaxed);
  title_case_.reserve(parts_.size());
  for (const auto& p : parts_) title_case_.push_back(p.scope == Scope::headline && title_case(p));
  int doubles = 0, singles = 0;  // open curly quotations, double and single
  bool straight = false;          // a straight quotation is open
  for (std::size_t t = 0; t < ts.size(); ++t) {
    const auto& tok = ts[t];
    if (tok.paragraph_before) doubles = singles = 0, straight = false;  // closed at the paragraph's end
    Mark m = tok.kind == tokenize::TokenKind::punct ? mark_of(ts.surface(t)) : Mark::none;
    bool single = ts.surface(t) == "\xE2\x80\x98" || ts.surface(t) == "\xE2\x80\x99";
    if (m == Mark::open) {
      ++(single ? singles : doubles);
      continue;
    }
    if (m == Mark::close) {
      // A right single mark with no single quotation open is an apostrophe ("the banks’ loans").
      int& open = single ? singles : doubles;
      if (open > 0) --open;
      continue;
    }
    if (m == Mark::straight) {
      straight = !straight;
      continue;
    }
    quoted_[t] = doubles > 0 || singles > 0 || straight;
  }
}

bool StoryContext::title_case(const TextScope& part) const {
  const auto& toks = ts_.tokens();
  auto it = std::lower_bound(toks.begin(), toks.end(), part.begin,
                             [](const tokenize::Token& tok, std::size_t at) { return tok.begin < at; });
  std::size_t capitals = 0;
  bool first = true;
  for (; it != toks.end() && it->end <= part.end; ++it) {
    if (!it->is_word()) continue;
    if (first) {  // the first word is capitalized in every style
      first = false;
      continue;
    }
    using tokenize::CaseShape;
    if (it->shape == CaseShape::lower && it->length() >= 4) return false;  // "minister": sentence case
    if (it->shape == CaseShape::capitalized || it->shape == CaseShape::upper) ++capitals;
  }
  return capitals >= 2;
}

bool StoryContext::in_part(std::size_t offset, Scope scope) const { return in_scope(parts_, offset, scope); }

bool StoryContext::in_title_case_headline(std::size_t offset) const {
  for (std::size_t i = 0; i < parts_.size(); ++i)
    if (title_case_[i] && offset >= parts_[i].begin && offset < parts_[i].end) return true;
  return false;
}

bool StoryContext::phrase_at(const tokenize::TokenStream& ts, std::size_t at, const std::vector<std::string>& phrase) {
  if (at + phrase.size() > ts.size()) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k)
    if (ts.folded(at + k) != phrase[k]) return false;
  return true;
}

bool StoryContext::framed(std::size_t t) const {
  if (t >= ts_.size()) return false;
  for (const auto& phrase : data_.framing) {
    // The phrase ends at e (exclusive), with at most framing_window tokens from e to t.
    for (std::size_t gap = 0; gap <= data_.framing_window; ++gap) {
      if (t < gap + phrase.size()) break;
      std::size_t start = t - gap - phrase.size();
      if (ts_[start].sentence != ts_[t].sentence) break;
      std::size_t between = start + phrase.size();
      if (between < t) {  // every token between must be a gap word or a quotation mark
        bool ok = true;
        for (std::size_t k = between; k < t && ok; ++k)
          ok = mark_of(ts_.surface(k)) != Mark::none ||
               std::find(data_.framing_gap.begin(), data_.framing_gap.end(), ts_.folded(k)) != data_.framing_gap.end();
        if (!ok) break;
      }
      if (phrase_at(ts_, start, phrase)) return true;
    }
  }
  return false;
}

bool StoryContext::attributed(std::size_t t) const {
  if (t >= ts_.size()) return false;
  auto& cached = attributed_[ts_[t].sentence];
  signed char v = cached.load(std::memory_order_relaxed);
  if (v < 0) {
    v = 0;
    const auto& s = ts_.sentences()[ts_[t].sentence];
    for (std::size_t k = s.first_token; k < s.end_token && !v; ++k)
      for (const auto& phrase : data_.attribution)
        if (phrase_at(ts_, k, phrase)) {
          v = 1;
          break;
        }
    cached.store(v, std::memory_order_relaxed);
  }
  return v == 1;
}

}  // namespace wirelint::rules
