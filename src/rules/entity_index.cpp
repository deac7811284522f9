#include "rules/entity_index.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "text/utf8.h"

namespace wirelint::rules {

EntityIndex::EntityIndex(const dictionary::EntityDictionary& dictionary) : dictionary_(dictionary) {
  match::PhraseSetBuilder builder;
  std::unordered_map<std::string, std::uint32_t> ids;  // folded tokens, joined by '\n' -> pattern id
  std::unordered_set<std::string> seen_lowercase;
  auto add = [&](std::uint32_t entity, FormKind kind, const std::string& text, bool possessive) {
    tokenize::TokenStream ts(text, tokenize::TokenStream::Mode::tokens_only);
    if (ts.size() == 0) return;
    std::vector<std::string> folded, surface;
    bool name = kind == FormKind::name || kind == FormKind::alias || kind == FormKind::abbreviation;
    // A person's short lower-case name parts ("il" of "Kim Yong-il", "te", "y") would hide
    // misspellings of English words; particles with a hyphen ("al-Assad") and longer ones stay.
    bool person = dictionary.entities()[entity].type == dictionary::EntityType::person;
    for (std::size_t i = 0; i < ts.size(); ++i) {
      folded.emplace_back(ts.folded(i));
      surface.push_back(text::plain_apostrophes(ts.surface(i)));
      std::string_view word = ts.surface(i);
      if (name && ts[i].is_word() && ts[i].shape == tokenize::CaseShape::lower &&
          (!person || word.size() >= 4 || word.find('-') != std::string_view::npos) &&
          seen_lowercase.insert(std::string(word)).second)
        lowercase_words_.emplace_back(ts.surface(i));
    }
    if (possessive) {
      // The tokenizer keeps "Dahomey's" as one word: match the name with its possessive too.
      if (!ts[ts.size() - 1].is_word()) return;
      folded.back() += "'s";
      surface.back() += "'s";
    }
    std::string key;
    for (const auto& f : folded) (key += f) += '\n';
    auto it = ids.find(key);
    if (it == ids.end()) {
      it = ids.emplace(std::move(key), builder.add(folded)).first;
      forms_.resize(it->second + 1);
    }
    auto& list = forms_[it->second];
    for (const auto& f : list)
      if (f.entity == entity && f.kind == kind && f.surface == surface) return;
    list.push_back(Form{entity, kind, std::move(surface), possessive});
  };
  const auto& all = dictionary.entities();
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    const auto& e = all[i];
    // Possessives of state names only ("Dahomey's", "North Korea's"): what the dated and
    // country rules need; every form twice would cost milliseconds at each start.
    bool state = e.type == dictionary::EntityType::country || e.type == dictionary::EntityType::historical;
    for (bool possessive : {false, true}) {
      if (possessive && !state) break;
      add(i, FormKind::name, e.name, possessive);
      for (const auto& a : e.aliases) add(i, FormKind::alias, a, possessive);
      if (!possessive)
        for (const auto& c : e.capitals) add(i, FormKind::capital, c, possessive);
    }
    for (const auto& a : e.abbreviations) add(i, FormKind::abbreviation, a, false);
    for (const auto& d : e.demonym_adj) add(i, FormKind::demonym_adj, d, false);
    for (const auto& d : e.demonym_noun) add(i, FormKind::demonym_noun, d, false);
    for (const auto& d : e.demonym_plural) add(i, FormKind::demonym_plural, d, false);
  }
  set_ = std::move(builder).compile();
}

void EntityIndex::write_image(ImageWriter& out) const {
  set_.write(out);
  out.u32(static_cast<std::uint32_t>(forms_.size()));
  for (const auto& list : forms_) {
    out.u32(static_cast<std::uint32_t>(list.size()));
    for (const auto& f : list) {
      out.u32(f.entity);
      out.u8(static_cast<std::uint8_t>(f.kind));
      out.strs(f.surface);
      out.u8(f.possessive ? 1 : 0);
    }
  }
  out.strs(lowercase_words_);
}

EntityIndex::EntityIndex(const dictionary::EntityDictionary& dictionary, ImageReader& in)
    : dictionary_(dictionary), set_(match::PhraseSet::read(in)) {
  forms_.resize(in.count(4));
  if (forms_.size() != set_.size()) throw ImageError("corrupt image: forms and phrases differ in number");
  std::size_t entities = dictionary.entities().size();
  for (auto& list : forms_) {
    list.resize(in.count(10));
    for (auto& f : list) {
      f.entity = in.u32();
      std::uint8_t kind = in.u8();
      if (f.entity >= entities || kind > static_cast<std::uint8_t>(FormKind::capital))
        throw ImageError("corrupt image: form out of range");
      f.kind = static_cast<FormKind>(kind);
      f.surface = in.strs();
      f.possessive = in.u8() != 0;
    }
  }
  lowercase_words_ = in.strs();
}

std::vector<Mention> EntityIndex::find(const tokenize::TokenStream& tokens) const {
  std::vector<match::PhraseHit> hits;
  set_.match(tokens, hits);
  // Keep hits whose case matches some form, then take leftmost-longest.
  std::vector<Mention> candidates;
  for (const auto& h : hits) {
    for (const auto& f : forms_[h.pattern]) {
      bool same = true;
      for (std::size_t k = 0; k < f.surface.size() && same; ++k)
        same = text::plain_apostrophes(tokens.surface(h.first_token + k)) == f.surface[k];
      if (same) candidates.push_back(Mention{h.first_token, h.end_token, f.entity, f.kind, f.possessive});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Mention& a, const Mention& b) {
    if (a.first_token != b.first_token) return a.first_token < b.first_token;
    return a.end_token > b.end_token;
  });
  std::vector<Mention> out;
  std::uint32_t covered = 0;
  for (std::size_t i = 0; i < candidates.size();) {
    const Mention& m = candidates[i];
    std::size_t j = i;
    if (m.first_token >= covered) {
      // every entity sharing this longest span
      while (j < candidates.size() && candidates[j].first_token == m.first_token && candidates[j].end_token == m.end_token) {
        // Only mentions of this span can repeat the entity: they sit at the end of `out`.
        bool dup = false;
        for (auto o = out.rbegin(); o != out.rend() && o->first_token == m.first_token; ++o)
          if (o->entity == candidates[j].entity) dup = true;
        if (!dup) out.push_back(candidates[j]);
        ++j;
      }
      covered = m.end_token;
    }
    i = std::max(i + 1, j);
  }
  return out;
}

}  // namespace wirelint::rules
