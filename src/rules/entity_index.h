// Finds mentions of known entities in a token stream: every name, alias, abbreviation, demonym
// and capital of the EntityDictionary compiled into one PhraseSet, matched once per document.
// A mention must read exactly like the form (case included, typographic apostrophes aside), so
// "Hamas" is a mention and "hamas" is not. Overlaps resolve leftmost-longest: "North Korean"
// is one demonym, not "North" + "Korean".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dictionary/entities.h"
#include "match/phrase_set.h"
#include "tokenize/tokens.h"

namespace wirelint::rules {

enum class FormKind : std::uint8_t { name, alias, abbreviation, demonym_adj, demonym_noun, demonym_plural, capital };

struct Mention {
  std::uint32_t first_token = 0;  // [first_token, end_token)
  std::uint32_t end_token = 0;
  std::uint32_t entity = 0;       // index into EntityDictionary::entities()
  FormKind form = FormKind::name;
  bool possessive = false;        // a name in the possessive ("Dahomey's"): its last token ends in 's
};

// The index one past the last mention sharing the span of `mentions[i]` (an ambiguous form
// yields one mention per entity, all adjacent).
inline std::size_t end_of_same_span(const std::vector<Mention>& mentions, std::size_t i) {
  std::size_t j = i;
  while (j < mentions.size() && mentions[j].first_token == mentions[i].first_token &&
         mentions[j].end_token == mentions[i].end_token)
    ++j;
  return j;
}

class EntityIndex {
 public:
  explicit EntityIndex(const dictionary::EntityDictionary& dictionary);
  // The index as the entity image holds it, for `dictionary` read from the same image, read in
  // place: `image` holds the bytes `in` reads and is kept while the index lives. Throws
  // ImageError on a malformed image.
  EntityIndex(const dictionary::EntityDictionary& dictionary, ImageReader& in, std::shared_ptr<const void> image);
  void write_image(ImageWriter& out) const;
  EntityIndex(const EntityIndex&) = delete;
  EntityIndex& operator=(const EntityIndex&) = delete;

  // Mentions in token order, non-overlapping. An ambiguous form (a name two entities share)
  // yields one mention per entity, all with the same span.
  std::vector<Mention> find(const tokenize::TokenStream& tokens) const;

  const dictionary::EntityDictionary& dictionary() const { return dictionary_; }
  // The lower-case words inside names, aliases and abbreviations ("al", "de"), once each.
  const std::vector<std::string>& lowercase_name_words() const { return lowercase_words_; }

 private:
  struct Form {
    std::uint32_t entity;
    FormKind kind;
    std::vector<std::string> surface;  // tokens as written, apostrophes made plain
    bool possessive = false;           // the last token carries "'s"
  };
  // The forms of every pattern laid out flat and read in place: per pattern id the byte offset
  // of its first form (one more for the end), then the forms, each u32 entity, u8 kind, u8
  // possessive, u16 token count, and per token u16 length and bytes.
  static std::string write_forms(const std::vector<std::vector<Form>>& forms);
  void view_forms(std::string_view bytes);  // throws ImageError
  template <typename Visit>
  void for_each_form(std::uint32_t pattern, Visit visit) const;

  const dictionary::EntityDictionary& dictionary_;
  std::shared_ptr<const void> image_;  // the entity image's bytes, when read from it
  std::unique_ptr<std::string> owned_forms_;
  match::PhraseSet set_;
  const char* form_offsets_ = nullptr;
  const char* forms_ = nullptr;
  std::vector<std::string> lowercase_words_;
};

}  // namespace wirelint::rules
