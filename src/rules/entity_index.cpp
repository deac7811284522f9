#include "rules/entity_index.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "text/utf8.h"

namespace wirelint::rules {

EntityIndex::EntityIndex(const dictionary::EntityDictionary& dictionary) : dictionary_(dictionary) {
  match::PhraseSetBuilder builder;
  std::vector<std::vector<Form>> lists;  // by pattern id
  std::unordered_map<std::string, std::uint32_t> ids;  // folded tokens, joined by '\n' -> pattern id
  std::unordered_set<std::string> seen_lowercase;
  auto add = [&](std::uint32_t entity, FormKind kind, std::string_view text, bool possessive) {
    if (text.size() > 0xFFFF) return;  // no name; its tokens' lengths would not fit the layout
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
      lists.resize(it->second + 1);
    }
    auto& list = lists[it->second];
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
  lists.resize(set_.size());
  owned_forms_ = std::make_unique<std::string>(write_forms(lists));
  view_forms(*owned_forms_);
}

std::string EntityIndex::write_forms(const std::vector<std::vector<Form>>& forms) {
  std::string records;
  ImageWriter offsets;
  offsets.u32(static_cast<std::uint32_t>(forms.size()));
  auto put = [&](auto v) { records.append(reinterpret_cast<const char*>(&v), sizeof v); };
  for (const auto& list : forms) {
    offsets.u32(static_cast<std::uint32_t>(records.size()));
    for (const auto& f : list) {
      put(f.entity);
      put(static_cast<std::uint8_t>(f.kind));
      put(static_cast<std::uint8_t>(f.possessive ? 1 : 0));
      put(static_cast<std::uint16_t>(f.surface.size()));
      for (const auto& t : f.surface) {
        put(static_cast<std::uint16_t>(t.size()));
        records += t;
      }
    }
  }
  offsets.u32(static_cast<std::uint32_t>(records.size()));
  return offsets.bytes() + records;
}

void EntityIndex::view_forms(std::string_view bytes) {
  ImageReader r(bytes.data(), bytes.size());
  std::uint32_t patterns = r.count(4);
  if (patterns != set_.size()) throw ImageError("corrupt image: forms and phrases differ in number");
  const char* offsets = r.bytes(4 * (static_cast<std::size_t>(patterns) + 1)).data();
  std::size_t size = r.remaining();
  const char* records = r.bytes(size).data();
  // Every form in bounds and in range, so that find() reads them unchecked.
  std::size_t entities = dictionary_.entities().size();
  std::uint32_t before = 0;
  for (std::uint32_t p = 0; p <= patterns; ++p) {
    std::uint32_t at = load<std::uint32_t>(offsets + 4 * static_cast<std::size_t>(p));
    if (at < before || at > size || (p == patterns && at != size)) throw ImageError("corrupt image: form offsets out of order");
    for (std::size_t x = before; x < at && p > 0;) {
      if (at - x < 8) throw ImageError("corrupt image: a form runs past its end");
      if (load<std::uint32_t>(records + x) >= entities || load<std::uint8_t>(records + x + 4) > static_cast<std::uint8_t>(FormKind::capital))
        throw ImageError("corrupt image: form out of range");
      std::uint16_t tokens = load<std::uint16_t>(records + x + 6);
      x += 8;
      for (std::uint16_t t = 0; t < tokens; ++t) {
        if (at - x < 2) throw ImageError("corrupt image: a form runs past its end");
        std::size_t len = load<std::uint16_t>(records + x);
        if (at - x - 2 < len) throw ImageError("corrupt image: a form runs past its end");
        x += 2 + len;
      }
    }
    before = at;
  }
  form_offsets_ = offsets;
  forms_ = records;
}

// Calls visit(entity, kind, possessive, surface) for each form of `pattern`, where surface(k)
// is the form's k-th token and surface.size() their number.
template <typename Visit>
void EntityIndex::for_each_form(std::uint32_t pattern, Visit visit) const {
  std::size_t x = load<std::uint32_t>(form_offsets_ + 4 * static_cast<std::size_t>(pattern));
  std::size_t end = load<std::uint32_t>(form_offsets_ + 4 * (static_cast<std::size_t>(pattern) + 1));
  while (x < end) {
    auto entity = load<std::uint32_t>(forms_ + x);
    auto kind = static_cast<FormKind>(load<std::uint8_t>(forms_ + x + 4));
    bool possessive = load<std::uint8_t>(forms_ + x + 5) != 0;
    std::uint16_t tokens = load<std::uint16_t>(forms_ + x + 6);
    x += 8;
    const char* first = forms_ + x;
    for (std::uint16_t t = 0; t < tokens; ++t) x += 2 + load<std::uint16_t>(forms_ + x);
    visit(entity, kind, possessive, first, tokens);
  }
}

void EntityIndex::write_image(ImageWriter& out) const {
  set_.write(out);
  std::string_view offsets(form_offsets_ - 4, 4 * (set_.size() + 2));
  std::size_t records = load<std::uint32_t>(form_offsets_ + 4 * set_.size());
  out.str(std::string(offsets) + std::string(forms_, records));
  out.strs(lowercase_words_);
}

EntityIndex::EntityIndex(const dictionary::EntityDictionary& dictionary, ImageReader& in,
                         std::shared_ptr<const void> image)
    : dictionary_(dictionary), image_(std::move(image)), set_(match::PhraseSet::read(in)) {
  view_forms(in.bytes(in.u32()));
  lowercase_words_ = in.strs();
}

std::vector<Mention> EntityIndex::find(const tokenize::TokenStream& tokens) const {
  std::vector<match::PhraseHit> hits;
  set_.match(tokens, hits);
  // Keep hits whose case matches some form, then take leftmost-longest.
  std::vector<Mention> candidates;
  for (const auto& h : hits) {
    for_each_form(h.pattern, [&](std::uint32_t entity, FormKind kind, bool possessive, const char* surface,
                                 std::uint16_t count) {
      bool same = count == h.end_token - h.first_token;
      for (std::size_t k = 0; k < count && same; ++k) {
        std::uint16_t len = load<std::uint16_t>(surface);
        same = text::plain_apostrophes(tokens.surface(h.first_token + k)) == std::string_view(surface + 2, len);
        surface += 2 + len;
      }
      if (same) candidates.push_back(Mention{h.first_token, h.end_token, entity, kind, possessive});
    });
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
