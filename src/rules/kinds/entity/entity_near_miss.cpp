// Kind "entity-near-miss": a capitalized span that is not a known name but is one word away
// from one ("Asian Central News Agency" for the Korean Central News Agency, "Worldwide Criminal
// Court"), and a capitalized unknown word a small edit away from a known place or organization
// name ("Pyongyan", "Tehram"). Spinners and bad translation swap one word of a name for a
// synonym; re-keying drops or doubles a letter.
//
// The known names are indexed once per entity dictionary (the dictionary reaches a rule only at
// lint time, so the index is built on the first document and cached): every multi-word name
// under each of its keys "the name with word k replaced by a wildcard", and every single-word
// target under its deletion variants (symmetric-delete). A document is then one pass over its
// capitalized words, each looked up under a handful of keys.
//
// A swapped word counts when the synonym model (models::SynonymModel) relates it to the known
// word with the strength the rule asks for its place (modifier, head, two-word name), or when
// it is a misspelling, a broad region or another country for the name's country word, or a
// two-word paraphrase of one word (pair keys). Precision comes first; a near-miss of a name is
// very often another real name. It does not count when:
//  - the span is a known name, a listed real name (dictionaries/names/), or holds a longer
//    form of the entity meant ("Kyodo News" in "Kyodo News Service");
//  - the swapped word forms a frequent pair with a neighbour in the reference bigrams
//    ("Supreme Constitutional Court"), or is one kind of body for another as the head;
//  - names with different replacements answer the span ("Bakhtar/Fars/Mehr News Agency");
//  - a place stands for a place outside the country rules ("Qatar News Agency");
//  - the word is another form of the same word ("Organisation", "Commerce Departments", "Corp");
//  - the span runs on ("Federal Reserve Bank of New York").
// Single words: not known to Hunspell in any form, used once in the story, standing alone (not
// next to another capitalized word or after a title or an initial), same first letter, one
// edit (two from `word_long_letters` letters, keeping the first two), a substituted letter only
// from a neighbouring key, and not the known name plus or minus a final letter ("Panamax",
// "Reuter" for Reuters, "two Canadas").
#include <algorithm>
#include <cstring>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "dictionary/entities.h"
#include "dictionary/spell_checker.h"
#include "image/flat_table.h"
#include "image/io.h"
#include "models/synonyms.h"
#include "rules/entity_index.h"
#include "rules/kinds/registry.h"
#include "rules/node.h"
#include "rules/schema.h"
#include "text/utf8.h"

namespace wirelint::rules {
namespace {

using dictionary::EntityType;
using tokenize::CaseShape;

constexpr char kSep = '\x1f';
constexpr const char* kWild = "\x01";


using text::possessive_bytes;

std::string strip_possessive(const std::string& w) { return w.substr(0, w.size() - possessive_bytes(w)); }

// A dotted abbreviation as the reference pairs write it: "U.S." as "US".
std::string without_dots(const std::string& w) {
  std::string out;
  for (char c : w)
    if (c != '.') out.push_back(c);
  return out;
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xF0) cp = c & 0x07, n = 4;
    else if (c >= 0xE0) cp = c & 0x0F, n = 3;
    else if (c >= 0xC0) cp = c & 0x1F, n = 2;
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp >= 'A' && cp <= 'Z') cp += 32;  // names are compared without case
    out.push_back(cp);
    i += n;
  }
  return out;
}

// Optimal string alignment distance (a transposition is one edit), stopping early past `limit`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

std::string to_utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) out.push_back(static_cast<char>(c));
    else if (c < 0x800) out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    else if (c < 0x10000)
      out += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    else
      out += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
  }
  return out;
}

// Every string obtained by deleting up to `depth` code points (the string itself included).
void deletions(const std::u32string& s, std::size_t depth, std::unordered_set<std::string>& out) {
  out.insert(to_utf8(s));
  if (depth == 0 || s.size() <= 1) return;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::u32string t = s.substr(0, i) + s.substr(i + 1);
    deletions(t, depth - 1, out);
  }
}

// Whether a typist could hit `b` for `a`: neighbours on a QWERTY keyboard, or one vowel for
// another (transliteration: "Pyongyong").
bool slip(char32_t a, char32_t b) {
  static const char* rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  auto vowel = [](char32_t c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  if (vowel(a) && vowel(b)) return true;
  int ra = -1, ca = 0, rb = -1, cb = 0;
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; rows[r][c]; ++c) {
      if (static_cast<char32_t>(rows[r][c]) == a) ra = r, ca = c;
      if (static_cast<char32_t>(rows[r][c]) == b) rb = r, cb = c;
    }
  }
  if (ra < 0 || rb < 0) return false;
  int dr = ra - rb, dc = ca - cb;
  // Rows are staggered, each a little to the right of the one above: a key touches, on the row
  // below, the same index and one to the left ("o": "k" and "l"); on the row above, the same
  // index and one to the right ("k": "i" and "o").
  if (dr == 0) return dc == 1 || dc == -1;
  if (dr == 1) return dc == 0 || dc == -1;  // a below b
  if (dr == -1) return dc == 0 || dc == 1;  // a above b
  return false;
}

std::size_t letters(std::string_view s) { return code_points(s).size(); }

// Whether token i is the full stop that ends a dotted abbreviation ("U.S."): right after a word
// that holds a dot itself.
bool abbreviation_dot(const tokenize::TokenStream& ts, std::size_t i) {
  return i > 0 && i < ts.size() && ts.surface(i) == "." && !ts[i].space_before && ts[i - 1].is_word() &&
         ts.surface(i - 1).find('.') != std::string_view::npos;
}

struct Params {
  std::size_t min_words = 3;
  std::size_t two_word_min_letters = 14;
  std::size_t word_min_letters = 6;
  std::unordered_set<std::string> place_followers;  // words after a place that name its bodies
  std::size_t word_long_letters = 8;
  bool free_swaps = false;
  std::unordered_set<EntityType> name_types, word_types;
  std::unordered_set<std::string> region_words, geographic_words, function_words, person_titles, accept;
  // Lower-case words that join two capitalized parts into one longer name ("Bank of New York");
  // "and" coordinates two names ("Paul Volcker and the ...") and is not among them.
  std::unordered_set<std::string> joining_words;
  std::unordered_set<std::string> place_leaders;  // "Historic", "Greater": before a place's name
  // Capitalized words after a name that begin a role, not a longer name ("Governor", "Chairman").
  std::unordered_set<std::string> role_words;
  // A company's legal form after a name ("Ltd"): ends the name, and makes it a company's.
  std::unordered_set<std::string> company_forms;
  // Words that open a sentence without being part of a name after them ("The", "In", "But").
  std::unordered_set<std::string> openers;
  // Lower-cased head nouns that name a kind of body (ministry, department, office, ...).
  std::unordered_set<std::string> body_words;
  // The least strength (sum of thesaurus weights, see dictionaries/synonyms/README.md) at
  // which the synonym model's answer counts as a swap: in names of three words or more, in
  // two-word names, and for the name's head noun.
  int synonym_strength = 1;
  // Abbreviation -> the word it stands for ("Corp" -> "Corporation"): the same word.
  std::unordered_map<std::string, std::string> abbreviations;
  // A country's own word in a name replaced by another country's or a region's word counts.
  bool country_swaps = true;
  std::size_t country_swap_words = 3;  // other capitalized words the name must have
  bool story_country_swaps = true;      // ... unless the story names only the name's own country
  bool two_word_story_country_swaps = false;  // ... in two-word state bodies too ("U.S. Treasury")
  bool known_body_country_swaps = false;      // ... and known state bodies of another country
  // ... or, for a span no known name spells, when the story names the name's own country at all
  // and never the swapped-in one ("Burmese Treasury" in a story about Argentina's U.S. loan).
  bool absent_country_swaps = false;
  std::size_t story_country_mentions = 2;  // mentions that make a country the story's own
  bool triple_paraphrases = false;          // three capitalized words for one word of a name
  bool proper_partner_heads = false;        // a two-word name's head after a proper noun needs head_strength
  // A region for the country word of a state body that several countries have, in a story naming
  // none of them ("Royal Bank of Africa"): reported with `region_message` and the bodies whose
  // wording is most frequent in reference text, at most `region_candidates` of them.
  bool unnamed_region_swaps = false;
  // Kinds of state body every country has one of, under a name the dictionary knows ("central
  // bank"): a span that aligns with one country's body but names another country, whose own
  // body of that kind is called otherwise ("Bank of Libya": Libya's is the Central Bank of
  // Libya), names no real body. Reported with `misnamed_message` ({kind} is the kind) and the
  // country's own body, unless the story's countries pick the body meant.
  std::unordered_set<std::string> misnamed_kinds;
  std::string misnamed_message;
  std::string region_message;
  std::size_t region_candidates = 3;
  // The known name's abbreviation in brackets after a span one word away ("Paraguayan Navy
  // (USN)") makes any differing word a swap.
  bool bracketed_abbreviations = false;
  // Lower-cased head nouns after which a region word names a company, not a swap.
  std::unordered_set<std::string> company_heads;
  // Capitalized words before a name that open a title ("Assistant", "Acting").
  std::unordered_set<std::string> title_openers;
  // Single words longer than this are no name a letter or two away (the variants searched grow
  // with the cube of the length).
  std::size_t word_max_letters = 40;
  // Entity types whose names belong to one state (its ministries, forces, central bank, news
  // agency): a region has none of these, so a region word for the country word counts in a
  // name of any length.
  std::unordered_set<EntityType> state_types;
  // Region words that count only in such a state body's name ("Arab Press Agency" for the
  // Saudi Press Agency); elsewhere they build real names ("Arab Monetary Fund").
  std::unordered_set<std::string> state_region_words;
  // Lower-cased words that end a part of a body after its name ("Senate Agriculture Committee").
  std::unordered_set<std::string> sub_body_words;
  // Last words of places' names ("Island", "River", "Sea").
  std::unordered_set<std::string> place_heads;
  // Place words of a country that the entity dictionary does not list as countries
  // ("England" -> GB), and currency words that tie a story to a country ("stg" -> GB).
  std::unordered_map<std::string, std::string> constituents, currencies;
  // Currency words many countries use that name one country when the story never qualifies them
  // ("dlrs" in a story that writes no "Canadian dlrs" or "HK dlrs"): the wire's home currency.
  std::unordered_map<std::string, std::string> bare_currencies;
  // A word in at least this many known entities' names is an institution word ("National").
  std::uint32_t institution_names = 0;  // 0: off
  int reference_strength = 3;           // least bigram strength that marks wording in use; 0: off
  int famous_wording_strength = 0;      // ... unless a long name's pairs are this strong (famous_wording)
  int variant_strength = 0;             // a name's own pair this frequent makes any swap count; 0: off
  std::size_t body_swap_common = 0;  // ... unless another word of the name is in this many known names
  int body_swap_strength = 0;  // a name's own pair this frequent lets another body word be its head's swap; 0: off
  int country_head_variant_strength = 0;  // a country's pair with a short body's head this frequent; 0: off
  int run_on_strength = 0;  // a longer name's pair with the known word this frequent lets a span run on; 0: off
  int outside_vocabulary_strength = 1;  // strength enough for a word no name uses; 0: off
  int famous_strength = 6;              // two-word names this frequent in reference text admit it too
  int famous_swap_strength = 0;         // any swap this strong counts in a two-word name ...
  int famous_swap_pair_strength = 6;    // ... this frequent in reference text; 0: off
  int two_word_strength = 2;
  int two_word_head_strength = 3;
  int country_head_strength = 3;  // the head of a two-word name after a country's word
  int head_strength = 2;
  int portfolio_strength = 0;  // a body named by one word and body words only ("Ministry of X"); 0: off
};

// A multi-word name as written, split into tokens.
struct Name {
  std::uint32_t entity = 0;
  std::string text;
  std::vector<std::string> tokens;
  std::vector<bool> head;  // the word a name is built on: its last, or the one before "of"
  std::size_t words = 0;
  // A state body's short name of a country's word and a head ("U.S. Army"): too short for a
  // thesaurus swap, indexed for another country's or a region's word in its first place only.
  bool country_only = false;
  // A name read from a source by a program (NameTarget::country): indexed at its country words
  // only, and judged only for another place's word (or a misspelling) there.
  bool place_word_only = false;
};

// A word of a name as the co-naming check compares it: lower case, a plural as its singular.
std::string name_word_key(std::string w) {
  w = models::lower(w);
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

// Two words of one name, in either order.
std::string pair_key(const std::string& a, const std::string& b) {
  std::string x = name_word_key(a), y = name_word_key(b);
  if (y < x) std::swap(x, y);
  return x + '\x1f' + y;
}

void add_pairs(const std::vector<std::string>& words, std::unordered_set<std::string>& out) {
  for (std::size_t i = 0; i < words.size(); ++i)
    for (std::size_t j = i + 1; j < words.size(); ++j) out.insert(pair_key(words[i], words[j]));
}

// check_span without a hyphenated compound.
constexpr std::size_t kNoCompound = static_cast<std::size_t>(-1);

// One word or mark of a name as the index sees it.
struct Piece {
  std::string text;
  bool word = false;
  bool capitalized = false;
};

struct WordTarget {
  std::uint32_t entity = 0;
  std::string text;
  std::u32string folded;
};

// What the rule derives from one entity dictionary, as build_index collects it; then laid out
// flat (write_payload) and read in place (NearMissIndex).
struct IndexBuild {
  std::vector<Name> names;
  std::unordered_map<std::string, std::vector<std::uint32_t>> keys;  // wildcarded name -> names
  std::vector<std::size_t> lengths;                                  // token counts present
  // The span lengths that can answer a name with a word swapped for a two-word paraphrase
  // ("Financial Institution of England"); such a span is looked up under the name's key with
  // the two words as one wildcard.
  std::vector<std::size_t> pair_lengths;
  std::unordered_set<std::string> name_tokens;                       // every token of those names
  // ... and of the names a program read (NameTarget::country): these only let a window through
  // to the lookup, they are no words of the names' vocabulary.
  std::unordered_set<std::string> read_name_tokens;
  // The part before "of" of every "X of Y" name: the short form wire copy uses once the name
  // is known ("the People's Bank" for the People's Bank of China).
  std::unordered_set<std::string> short_forms;
  // Lower-cased word -> how many entities' names hold it: "national", "federal", "supreme",
  // "state" are words many real bodies are built from.
  // name_word_key -> the entities (ascending) whose names hold the word, when a setting asks.
  std::unordered_map<std::string, std::vector<std::uint32_t>> word_entities;
  std::unordered_set<std::string> country_words;  // single words of country and state names, demonyms, capitals
  std::vector<WordTarget> targets;
  std::unordered_map<std::string, std::vector<std::uint32_t>> deletes;  // deletion variant -> targets
  // Country id + '\t' + kind -> the state bodies of that kind the country has (`misnamed_kinds`).
  std::unordered_map<std::string, std::vector<std::uint32_t>> bodies_of_kind;
  // The spelling checker's answers the build asked for (word, known): an image is used only while
  // the checker still gives them all.
  std::vector<std::pair<std::string, bool>> spell_answers;
  // The words of the listed real names (dictionaries/names/*.txt; LintContext::real_names) and
  // the pairs of words that share a name (pair_key).
  std::unordered_set<std::string> real_words, real_pairs;
};

// The index as the rule reads it: its lists decoded, its tables read in place from `bytes` (built
// in this process) or from the mapped image `map` (compiled by `wirelint models compile`).
// Fields as in IndexBuild.
struct NearMissIndex {
  std::vector<Name> names;
  std::vector<std::size_t> lengths, pair_lengths;
  std::vector<WordTarget> targets;
  FlatTable keys, name_tokens, read_name_tokens, short_forms, word_entities, country_words, deletes, bodies_of_kind,
      real_words, real_pairs;
  std::string bytes;
  std::unique_ptr<MappedFile> map;
};

std::unique_ptr<IndexBuild> build_index(const Params& p, const EntityIndex& index,
                                        const dictionary::SpellChecker* spell,
                                        const std::unordered_set<std::string>* real_names) {
  auto out = std::make_unique<IndexBuild>();
  if (real_names) {
    std::vector<std::string> words;
    for (const auto& n : *real_names) {
      words.clear();
      for (std::size_t b = 0; b <= n.size();) {
        auto sp = std::min(n.find(' ', b), n.size());
        if (sp > b) words.push_back(n.substr(b, sp - b));
        b = sp + 1;
      }
      out->real_words.insert(words.begin(), words.end());
      add_pairs(words, out->real_pairs);
    }
  }
  const auto& all = index.dictionary().entities();
  std::unordered_set<std::size_t> lengths, pair_lengths;
  std::unordered_set<std::string> seen_targets;
  auto add_geo = [&](std::string_view form) {
    tokenize::TokenStream ts(form, tokenize::TokenStream::Mode::tokens_only);
    if (ts.size() == 1) {
      out->country_words.insert(text::plain_apostrophes(ts.surface(0)));
      return;
    }
    // A dotted abbreviation ("U.S.") is one word of a name.
    if (ts.size() == 2 && abbreviation_dot(ts, 1))
      out->country_words.insert(std::string(form));
    // Words of a two-word form count when they are proper nouns of their own ("Korean" of
    // "North Korean", "Lanka"), not ordinary words ("United"). Long official names are left
    // out: "Islamic" of "Islamic Republic of Iran" is not a place.
    std::size_t words = 0;
    for (std::size_t i = 0; i < ts.size(); ++i) words += ts[i].is_word();
    if (words > 2) return;
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (!ts[i].is_word() || ts[i].shape != CaseShape::capitalized) continue;
      std::string w(ts.surface(i));
      if (p.function_words.count(models::lower(w))) continue;
      if (spell) {
        bool known = spell->known(models::lower(w));
        out->spell_answers.emplace_back(models::lower(w), known);
        if (known) continue;
      }
      out->country_words.insert(w);
    }
  };
  // A name as a sequence of pieces (tokens, or a dotted abbreviation as one), indexed by every
  // capitalized piece replaced by a wildcard.
  auto add_name = [&](std::uint32_t e, std::string_view form, const std::vector<Piece>& pieces) {
    auto of = form.find(" of ");
    if (of != std::string_view::npos && of > 0) out->short_forms.insert(text::plain_apostrophes(form.substr(0, of)));
    Name n;
    n.entity = e;
    n.text = form;
    n.place_word_only = all[e].target == dictionary::NameTarget::country;
    // The head: the word before a joining word ("Ministry" of "Ministry of Defense"), or the
    // last word when no joining word comes before it ("Securities and Exchange Commission").
    auto joining = [&](std::size_t i) {
      return pieces[i].word && !pieces[i].capitalized && p.joining_words.count(models::lower(pieces[i].text));
    };
    bool joined = false;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      n.tokens.push_back(pieces[i].text);
      if (pieces[i].word) ++n.words;
      bool last = true;
      for (std::size_t j = i + 1; j < pieces.size() && last; ++j) last = !pieces[j].word;
      bool before_joining = i + 1 < pieces.size() && joining(i + 1);
      n.head.push_back(pieces[i].word && ((last && !joined) || before_joining));
      joined = joined || joining(i);
    }
    // How many names build on a word is a count of curated names: a program's reading of a
    // source does not shift the rule's thresholds.
    if ((p.institution_names > 0 || p.body_swap_common > 0 || p.body_swap_strength > 0) && !n.place_word_only)
      for (std::size_t j = 0; j < n.tokens.size(); ++j) {
        if (!pieces[j].word) continue;
        auto& ids = out->word_entities[name_word_key(n.tokens[j])];
        if (ids.empty() || ids.back() != e) ids.push_back(e);
      }
    bool long_enough = n.words >= p.min_words || (n.words == 2 && letters(form) >= p.two_word_min_letters);
    if (!long_enough && n.words == 2 && p.two_word_story_country_swaps && p.state_types.count(all[e].type) &&
        pieces.size() == 2 && pieces[0].word && out->country_words.count(pieces[0].text) &&
        !p.geographic_words.count(pieces[0].text) && pieces[1].word && pieces[1].capitalized)
      n.country_only = long_enough = true;
    // Words that are not articles or function words: "The Bahamas" has one, and a name
    // with one word of its own cannot be aligned by the other.
    std::size_t content = 0;
    for (const auto& piece : pieces) content += piece.word && !p.function_words.count(models::lower(piece.text));
    if (n.words < 2 || !long_enough || content < 2) return;
    auto id = static_cast<std::uint32_t>(out->names.size());
    bool keyed = false;
    for (std::size_t k = 0; k < n.tokens.size(); ++k) {
      if (!pieces[k].word || !pieces[k].capitalized) continue;
      if (p.function_words.count(models::lower(n.tokens[k]))) continue;
      if (n.place_word_only && !out->country_words.count(n.tokens[k]) && !out->country_words.count(n.tokens[k] + "."))
        continue;
      keyed = true;
      if (n.country_only && k > 0 && p.country_head_variant_strength == 0) break;
      std::string key;
      for (std::size_t j = 0; j < n.tokens.size(); ++j) (key += j == k ? kWild : n.tokens[j]) += kSep;
      out->keys[key].push_back(id);
    }
    if (!keyed && n.place_word_only) return;
    pair_lengths.insert(n.tokens.size() + 1);
    lengths.insert(n.tokens.size());
    if (n.place_word_only)
      out->read_name_tokens.insert(n.tokens.begin(), n.tokens.end());
    else if (!n.country_only)
      out->name_tokens.insert(n.tokens.begin(), n.tokens.end());
    out->names.push_back(std::move(n));
  };
  for (const auto& c : p.constituents) out->country_words.insert(c.first);
  for (std::uint32_t e = 0; e < all.size(); ++e) {
    const auto& ent = all[e];
    if (p.misnamed_kinds.count(std::string(ent.kind)) && p.state_types.count(ent.type) && ent.countries.size() == 1)
      out->bodies_of_kind[std::string(ent.countries[0]) + '\t' + std::string(ent.kind)].push_back(e);
  }
  for (std::uint32_t e = 0; e < all.size(); ++e) {
    const auto& ent = all[e];
    std::vector<std::string_view> forms{ent.name};
    for (const auto& a : ent.aliases) forms.push_back(a);
    if (ent.type == EntityType::country || ent.type == EntityType::historical) {
      for (auto f : forms) add_geo(f);
      if (ent.type == EntityType::country)
        for (const auto& a : ent.abbreviations) add_geo(a);  // "U.S.", "UK"
      for (const auto* list : {&ent.demonym_adj, &ent.demonym_noun, &ent.demonym_plural, &ent.capitals})
        for (const auto& f : *list) add_geo(f);
    }
    if (p.name_types.count(ent.type) && ent.target != dictionary::NameTarget::none) {
      for (auto f : forms) {
        tokenize::TokenStream ts(f, tokenize::TokenStream::Mode::tokens_only);
        std::vector<Piece> pieces;
        bool dotted = false;
        // A country's abbreviation counts as a capitalized word ("US Treasury"): a spinner
        // replaces it by a word ("Asian Treasury"). Countries are indexed first.
        auto country_abbreviation = [&](std::size_t i) {
          if (ts[i].shape != CaseShape::upper) return false;
          std::string w = text::plain_apostrophes(ts.surface(i));
          if (i + 1 < ts.size() && ts.surface(i + 1) == "." && !ts[i + 1].space_before) w += '.';
          return out->country_words.count(w) > 0;
        };
        for (std::size_t i = 0; i < ts.size(); ++i)
          pieces.push_back(Piece{text::plain_apostrophes(ts.surface(i)), ts[i].is_word(),
                                 ts[i].shape == CaseShape::capitalized || country_abbreviation(i)});
        add_name(e, f, pieces);
        // A dotted abbreviation as one word ("U.S." of "U.S. Treasury"), as a spun span that
        // replaces it by one word ("Asian Treasury") is tokenized.
        std::vector<Piece> merged;
        for (std::size_t i = 0; i < ts.size(); ++i) {
          if (abbreviation_dot(ts, i + 1)) {
            merged.push_back(pieces[i]);
            merged.back().text += '.';
            dotted = true;
            ++i;
            continue;
          }
          merged.push_back(pieces[i]);
        }
        if (dotted) add_name(e, f, merged);
      }
    }
    // Single-word targets: names and aliases of the chosen types, capitals of countries.
    std::vector<std::string_view> words;
    if (p.word_types.count(ent.type) && ent.target == dictionary::NameTarget::all) words = forms;
    if (ent.type == EntityType::country && p.word_types.count(EntityType::country))
      for (const auto& c : ent.capitals) words.push_back(c);
    for (auto w : words) {
      tokenize::TokenStream ts(w, tokenize::TokenStream::Mode::tokens_only);
      if (ts.size() != 1 || ts[0].shape != CaseShape::capitalized) continue;
      auto folded = code_points(w);
      if (folded.size() < p.word_min_letters) continue;
      if (!seen_targets.insert(std::to_string(e) + kSep + std::string(w)).second) continue;
      auto id = static_cast<std::uint32_t>(out->targets.size());
      std::unordered_set<std::string> dels;
      deletions(folded, folded.size() >= p.word_long_letters ? 2 : 1, dels);
      for (const auto& d : dels) out->deletes[d].push_back(id);
      out->targets.push_back(WordTarget{e, std::string(w), std::move(folded)});
    }
  }
  out->lengths.assign(lengths.begin(), lengths.end());
  std::sort(out->lengths.begin(), out->lengths.end());
  out->pair_lengths.assign(pair_lengths.begin(), pair_lengths.end());
  std::sort(out->pair_lengths.begin(), out->pair_lengths.end());
  return out;
}

// The index laid out for an image: names, lengths and single-word targets as lists, then each
// table flat (image/flat_table.h).
std::string write_payload(const IndexBuild& b) {
  ImageWriter w;
  w.u32(static_cast<std::uint32_t>(b.names.size()));
  for (const auto& n : b.names) {
    w.u32(n.entity);
    w.str(n.text);
    w.strs(n.tokens);
    for (bool h : n.head) w.u8(h ? 1 : 0);
    w.u32(static_cast<std::uint32_t>(n.words));
    w.u8(static_cast<std::uint8_t>((n.country_only ? 1 : 0) | (n.place_word_only ? 2 : 0)));
  }
  for (const auto* lengths : {&b.lengths, &b.pair_lengths}) {
    w.u32(static_cast<std::uint32_t>(lengths->size()));
    for (auto l : *lengths) w.u32(static_cast<std::uint32_t>(l));
  }
  w.u32(static_cast<std::uint32_t>(b.targets.size()));
  for (const auto& t : b.targets) {
    w.u32(t.entity);
    w.str(t.text);
  }
  auto table = [&](const auto& source) {
    FlatTableBuilder f;
    for (const auto& entry : source) {
      if constexpr (std::is_same_v<std::decay_t<decltype(entry)>, std::string>)
        f.add(entry);
      else
        f.add(entry.first, entry.second);
    }
    w.str(f.build());
  };
  table(b.keys);
  table(b.name_tokens);
  table(b.read_name_tokens);
  table(b.short_forms);
  table(b.word_entities);
  table(b.country_words);
  table(b.deletes);
  table(b.bodies_of_kind);
  table(b.real_words);
  table(b.real_pairs);
  return std::move(w).take();
}

// Reads a payload in place: `ix` owns (or maps) the bytes `payload` points into. Throws
// ImageError when it is malformed.
void read_payload(std::string_view payload, NearMissIndex& ix) {
  ImageReader r(payload.data(), payload.size());
  ix.names.resize(r.count(14));
  for (auto& n : ix.names) {
    n.entity = r.u32();
    n.text = r.str();
    n.tokens = r.strs();
    n.head.resize(n.tokens.size());
    for (std::size_t i = 0; i < n.tokens.size(); ++i) n.head[i] = r.u8() != 0;
    n.words = r.u32();
    auto flags = r.u8();
    n.country_only = flags & 1;
    n.place_word_only = flags & 2;
  }
  for (auto* lengths : {&ix.lengths, &ix.pair_lengths}) {
    lengths->resize(r.count(4));
    for (auto& l : *lengths) l = r.u32();
  }
  ix.targets.resize(r.count(8));
  for (auto& t : ix.targets) {
    t.entity = r.u32();
    t.text = r.str();
    t.folded = code_points(t.text);
  }
  for (auto* table : {&ix.keys, &ix.name_tokens, &ix.read_name_tokens, &ix.short_forms, &ix.word_entities,
                      &ix.country_words, &ix.deletes, &ix.bodies_of_kind, &ix.real_words, &ix.real_pairs})
    if (!table->open(r.bytes(r.u32()))) throw ImageError("corrupt image: a malformed table");
  if (r.remaining() != 0) throw ImageError("corrupt image: trailing bytes");
}

// The near-miss index image: magic "WLNEARMX", u32 format version, u64 fingerprint of the rule's
// table, u64 fingerprint of the entity dictionary (its image's checksum), u64 fingerprint of the
// real-name lists (names_fingerprint), the spelling checker's answers (u32 count, per answer the
// word and u8 known), u64 payload size, u64 payload checksum, then the payload (write_payload).
// Bump the version whenever build_index or the payload changes.
constexpr char kIndexMagic[8] = {'W', 'L', 'N', 'E', 'A', 'R', 'M', 'X'};
constexpr std::uint32_t kIndexVersion = 2;

// The real-name lists' fingerprint: the sum of each name's checksum, so that it needs no order
// (the names are a set); 1 for no lists, never 0.
std::uint64_t names_fingerprint(const std::unordered_set<std::string>* names) {
  std::uint64_t sum = 1;
  if (names)
    for (const auto& n : *names) sum += checksum(n);
  return sum == 0 ? 1 : sum;
}

class EntityNearMissRule : public Rule {
 public:
  EntityNearMissRule(RuleInfo info, TableReader& table) : Rule(std::move(info)) {
    {
      ImageWriter node;
      write_node(node, table.node());
      fingerprint_ = checksum(node.bytes());
    }
    auto size = [&](const char* key, std::size_t def) {
      auto v = table.integer(key);
      if (v && *v < 1) table.fail(key, "must be at least 1");
      return v ? static_cast<std::size_t>(*v) : def;
    };
    p_.min_words = size("min_words", 3);
    p_.two_word_min_letters = size("two_word_min_letters", 14);
    p_.word_min_letters = size("word_min_letters", 6);
    p_.word_long_letters = size("word_long_letters", 8);
    p_.free_swaps = table.boolean("free_swaps").value_or(false);
    auto types = [&](const char* key, std::unordered_set<EntityType>& out) {
      for (const auto& s : table.strings(key)) {
        bool found = false;
        for (auto t : {EntityType::country, EntityType::historical, EntityType::agency, EntityType::organization,
                       EntityType::government, EntityType::armed_group, EntityType::person, EntityType::institution}) {
          if (dictionary::to_string(t) == s) out.insert(t), found = true;
        }
        if (!found) table.fail(key, "unknown entity type \"" + s + "\"");
      }
    };
    types("name_types", p_.name_types);
    types("word_types", p_.word_types);
    types("state_types", p_.state_types);
    if (p_.word_types.count(EntityType::person)) table.fail("word_types", "persons cannot be word targets: surnames differ by a letter");
    auto words = [&](const char* key, std::unordered_set<std::string>& out, bool lower) {
      for (auto& w : table.strings(key)) out.insert(lower ? models::lower(w) : w);
    };
    words("region_words", p_.region_words, false);
    words("geographic_words", p_.geographic_words, false);
    words("state_region_words", p_.state_region_words, false);
    words("sub_body_words", p_.sub_body_words, true);
    words("place_heads", p_.place_heads, false);
    words("function_words", p_.function_words, true);
    words("joining_words", p_.joining_words, true);
    words("place_leaders", p_.place_leaders, false);
    words("role_words", p_.role_words, false);
    words("company_forms", p_.company_forms, false);
    words("sentence_openers", p_.openers, false);
    words("body_words", p_.body_words, true);
    words("person_titles", p_.person_titles, false);
    words("accept", p_.accept, false);
    words("place_followers", p_.place_followers, false);
    auto arrows = [&](const char* key, const char* shape, std::unordered_map<std::string, std::string>& out) {
      for (auto& [left, right] : table.arrows(key, shape)) out[left] = right;
    };
    arrows("abbreviations", "Abbr->Word", p_.abbreviations);
    arrows("constituent_countries", "Word->country id", p_.constituents);
    arrows("currency_words", "word->country id", p_.currencies);
    arrows("bare_currency_words", "word->country id", p_.bare_currencies);
    p_.country_swaps = table.boolean("country_swaps").value_or(true);
    p_.country_swap_words = size("country_swap_words", 3);
    p_.story_country_swaps = table.boolean("story_country_swaps").value_or(true);
    p_.two_word_story_country_swaps = table.boolean("two_word_story_country_swaps").value_or(false);
    p_.known_body_country_swaps = table.boolean("known_body_country_swaps").value_or(false);
    p_.absent_country_swaps = table.boolean("absent_country_swaps").value_or(false);
    p_.story_country_mentions = size("story_country_mentions", 2);
    p_.triple_paraphrases = table.boolean("triple_paraphrases").value_or(false);
    p_.proper_partner_heads = table.boolean("proper_partner_heads").value_or(false);
    p_.unnamed_region_swaps = table.boolean("unnamed_region_swaps").value_or(false);
    for (auto& k : table.strings("misnamed_kinds")) p_.misnamed_kinds.insert(k);
    p_.misnamed_message = table.string("misnamed_message").value_or("");
    if (!p_.misnamed_kinds.empty() && p_.misnamed_message.empty())
      table.fail("misnamed_message", "is needed when misnamed_kinds is set");
    p_.word_max_letters = size("word_max_letters", 40);
    for (auto& w : table.strings("title_openers")) p_.title_openers.insert(w);
    p_.bracketed_abbreviations = table.boolean("bracketed_abbreviations").value_or(false);
    for (auto& w : table.strings("company_heads")) p_.company_heads.insert(models::lower(w));
    p_.region_message = table.string("region_message").value_or("");
    if (p_.unnamed_region_swaps && p_.region_message.empty())
      table.fail("region_message", "is needed when unnamed_region_swaps is on");
    p_.region_candidates = size("region_candidates", 3);
    if (p_.region_candidates == 0) table.fail("region_candidates", "must be 1 or more");
    auto inst = table.integer("institution_names");
    if (inst && *inst < 0) table.fail("institution_names", "must be 0 (off) or more");
    p_.institution_names = inst ? static_cast<std::uint32_t>(*inst) : 0;
    // Strengths run from 1 to 9; those that may be switched off also take 0.
    auto strength = [&](const char* key, int def, bool may_be_off = false) {
      auto v = table.integer(key);
      int least = may_be_off ? 0 : 1;
      if (v && (*v < least || *v > 9))
        table.fail(key, may_be_off ? "must be from 0 (off) to 9" : "must be from 1 to 9");
      return v ? static_cast<int>(*v) : def;
    };
    p_.synonym_strength = strength("synonym_strength", 1);
    p_.two_word_strength = strength("two_word_strength", 2);
    p_.two_word_head_strength = strength("two_word_head_strength", 3);
    p_.country_head_strength = strength("country_head_strength", 3);
    p_.head_strength = strength("head_strength", 2);
    p_.portfolio_strength = strength("portfolio_strength", 0, true);
    p_.reference_strength = strength("reference_strength", 3, true);
    p_.famous_wording_strength = strength("famous_wording_strength", 0, true);
    p_.variant_strength = strength("variant_strength", 0, true);
    p_.run_on_strength = strength("run_on_strength", 0, true);
    p_.body_swap_strength = strength("body_swap_strength", 0, true);
    p_.country_head_variant_strength = strength("country_head_variant_strength", 0, true);
    p_.body_swap_common = size("body_swap_common", 0);
    p_.outside_vocabulary_strength = strength("outside_vocabulary_strength", 1, true);
    p_.famous_strength = strength("famous_strength", 6, true);
    p_.famous_swap_strength = strength("famous_swap_strength", 0, true);
    p_.famous_swap_pair_strength = strength("famous_swap_pair_strength", 6, true);
  }

  bool scans() const override { return true; }

  void check(const LintContext& ctx, Emitter& out) const override {
    if (!ctx.entities || !ctx.spell) return;
    auto held = index_for(*ctx.entities, ctx.spell, ctx.real_names);
    const NearMissIndex& ix = *held;
    const auto& ts = ctx.tokens;
    const auto& dict = ctx.entities->dictionary();
    // Tokens inside a known mention, and the mentions of two or more words.
    std::vector<std::int32_t> mention_of(ts.size(), -1);
    if (ctx.mentions)
      for (std::size_t m = 0; m < ctx.mentions->size(); ++m)
        for (auto t = (*ctx.mentions)[m].first_token; t < (*ctx.mentions)[m].end_token; ++t)
          mention_of[t] = static_cast<std::int32_t>(m);
    std::vector<bool> reported(ts.size(), false);
    StoryCountries story(p_, ctx);

    // Tokens no known name has; a window with two of them cannot be one word off a name, so
    // most windows are dismissed by a subtraction.
    std::vector<std::uint32_t> foreign(ts.size() + 1, 0);
    for (std::size_t i = 0; i < ts.size(); ++i) {
      auto known = [&](const std::string& w) { return ix.name_tokens.count(w) || ix.read_name_tokens.count(w); };
      // As written, and without a possessive when it has one.
      bool named = known(surface_for_name(ts, i, false)) ||
                   (possessive_bytes(ts.surface(i)) > 0 && known(surface_for_name(ts, i, true)));
      foreign[i + 1] = foreign[i] + (named ? 0 : 1);
    }
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (!name_word(ts[i])) continue;
      bool done = false;
      for (std::size_t len : ix.lengths) {
        if (i + len > ts.size()) break;
        if (foreign[i + len] - foreign[i] > 1) continue;
        if (check_span(ctx, story, ix, mention_of, i, len, false, out)) {
          for (std::size_t t = i; t < i + len; ++t) reported[t] = true;
          done = true;
          break;
        }
      }
      for (std::size_t len : ix.pair_lengths) {
        if (done || i + len > ts.size()) break;
        if (foreign[i + len] - foreign[i] > 2) continue;
        if (check_span(ctx, story, ix, mention_of, i, len, true, out)) {
          for (std::size_t t = i; t < i + len; ++t) reported[t] = true;
          done = true;
          break;
        }
      }
      // Three words for one ("Depository Financial Institution of France").
      for (std::size_t len : ix.lengths) {
        if (done || !p_.triple_paraphrases || i + len + 2 > ts.size()) break;
        if (foreign[i + len + 2] - foreign[i] > 3) continue;
        if (check_span(ctx, story, ix, mention_of, i, len + 2, true, out, kNoCompound, 2)) {
          for (std::size_t t = i; t < i + len + 2; ++t) reported[t] = true;
          done = true;
        }
      }
      // A hyphenated compound for one word of a name ("Federal Reserve Plug-in", "Ruby-red
      // Cross"): the compound is one word of the span.
      for (std::size_t len : ix.lengths) {
        if (done || i + len + 2 > ts.size()) break;
        for (std::size_t c = 0; c < len && !done; ++c) {
          std::size_t t = i + c;
          if (!ts[t].is_word() || ts.surface(t + 1) != "-" || ts[t + 1].space_before || ts[t + 2].space_before ||
              !ts[t + 2].is_word())
            continue;
          if (foreign[i + len + 2] - foreign[i] > 3) continue;
          if (check_span(ctx, story, ix, mention_of, i, len, false, out, c)) {
            for (std::size_t r = i; r < i + len + 2; ++r) reported[r] = true;
            done = true;
          }
        }
      }
    }
    // A slip of the keys happens once; a word the story repeats is a name its writer means
    // ("Staley said ... Staley told"), however close to a place it looks.
    std::unordered_map<std::string, std::size_t> uses;
    for (std::size_t i = 0; i < ts.size(); ++i)
      if (ts[i].is_word() && ts[i].shape == CaseShape::capitalized) ++uses[bare_word(ts, i)];
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (reported[i] || mention_of[i] >= 0 || !ts[i].is_word() || ts[i].shape != CaseShape::capitalized) continue;
      if (uses[bare_word(ts, i)] > 1) continue;
      check_word(ctx, ix, dict, i, out);
    }
  }

 private:
  // A word without its possessive, apostrophes made plain.
  static std::string bare_word(const tokenize::TokenStream& ts, std::size_t i) {
    std::string_view raw = ts.surface(i);
    return text::plain_apostrophes(raw.substr(0, raw.size() - possessive_bytes(raw)));
  }

  static bool name_word(const tokenize::Token& t) {
    return t.is_word() && (t.shape == CaseShape::capitalized || t.shape == CaseShape::upper);
  }
  static bool attached(const tokenize::Token& t) { return !t.space_before; }
  // "J", "A.E": capitals and dots only, short.
  static bool initial(std::string_view s) {
    if (s.empty() || s.size() > 4) return false;
    for (char c : s)
      if (!(c >= 'A' && c <= 'Z') && c != '.') return false;
    return true;
  }
  // Runs of whitespace as one space: a name may wrap across a line.
  static std::string one_line(std::string s) {
    std::string out;
    for (char c : s) {
      bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out.push_back(space ? ' ' : c);
    }
    return out;
  }

  // The text a token contributes to a name comparison: typographic apostrophes made plain,
  // and for the last token of a span a possessive stripped.
  static std::string surface_for_name(const tokenize::TokenStream& ts, std::size_t i, bool last) {
    std::string_view s = ts.surface(i);
    if (last) s.remove_suffix(possessive_bytes(s));
    return text::plain_apostrophes(s);
  }

  // A capitalized word that opens a sentence and is an ordinary word ("The", "In") does not
  // make a name run on.
  bool sentence_opener(const LintContext& ctx, std::size_t i) const {
    const auto& t = ctx.tokens[i];
    // A dateline's dash opens the story's first sentence ("LONDON, March 26 - The Bank ...").
    bool after_dash = i > 0 && (ctx.tokens.surface(i - 1) == "-" || ctx.tokens.surface(i - 1) == "\xE2\x80\x94") &&
                      ctx.tokens[i - 1].space_before && t.space_before;
    if ((!ctx.tokens.opens_sentence(i) && !after_dash) || !ctx.spell->known(models::lower(ctx.tokens.surface(i)))) return false;
    // With a list of openers, other capitalized words at a sentence's start belong to the name
    // after them ("Union Bank of Switzerland"); without one, every known word opens.
    return p_.openers.empty() || p_.openers.count(std::string(ctx.tokens.surface(i))) > 0;
  }

  // Whether the capitalized span [b, e) runs on to the left or right: a capitalized word next
  // to it, joined directly, by a hyphen, or by a function word ("Bank of New York").
  // A two-word name that reference text uses often ("White House", "World Bank": pair strength
  // at least `famous_strength`), with an ordinary lower-case word swapped in (not a proper
  // noun: "Easter Island", "Northland Bank" are other places and banks). `spelled`: the word
  // must be one the spelling dictionary knows; without it, a thesaurus's rare words count too
  // ("Decolor House", "Megacosm Bank"), for the outside-vocabulary test, which asks a
  // thesaurus link of the word anyway.
  bool famous_pair(const LintContext& ctx, const Name& name, const std::string& text_lower, int least,
                   bool spelled = true) const {
    if (!ctx.bigrams || least == 0 || name.tokens.size() != 2) return false;
    if (spelled && !ctx.spell->known(text_lower)) return false;
    return ctx.bigrams->pair_strength(name.tokens[0], name.tokens[1]) >= least;
  }

  // The countries (entity ids) a word names as a country's or a former state's name, demonym
  // or capital, or as a listed constituent place ("England").
  std::vector<std::string> countries_named(const dictionary::EntityDictionary& dict, const std::string& word) const {
    std::vector<std::string> ids;
    for (const auto& list : {dict.by_name(word), dict.by_demonym(word), dict.by_capital(word)})
      if (list)
        for (auto e : *list) {
          const auto& ent = dict.entities()[e];
          if (ent.type == EntityType::country) ids.emplace_back(ent.id);
          // A former name names its successor ("Ceylon" in a story about Sri Lanka).
          if (ent.type == EntityType::historical) {
            ids.insert(ids.end(), ent.countries.begin(), ent.countries.end());
            ids.insert(ids.end(), ent.successors.begin(), ent.successors.end());
          }
        }
    auto c = p_.constituents.find(word);
    if (c != p_.constituents.end()) ids.push_back(c->second);
    return ids;
  }

  // Where the story names countries: a mention of the country, or of a body or person of one
  // country ("Federal Reserve", "Bundesbank"), its currency, a dateline's capital in capitals
  // ("LONDON, March 26 -"). Gathered once per story, on first use.
  class StoryCountries {
   public:
    StoryCountries(const Params& p, const LintContext& ctx) : p_(p), ctx_(ctx) {}
    // How often each country is named in the tokens [from, to), outside the span [b, e).
    std::unordered_map<std::string, std::size_t> tally_within(std::size_t from, std::size_t to, std::size_t b,
                                                              std::size_t e) const {
      gather();
      std::unordered_map<std::string, std::size_t> count;
      auto it = std::lower_bound(namings_.begin(), namings_.end(), from,
                                 [](const Naming& n, std::size_t t) { return n.first < t; });
      for (; it != namings_.end() && it->first < to; ++it)
        if (it->end <= to && (it->end <= b || it->first >= e)) ++count[it->country];
      return count;
    }
    // How often each country is named outside the span [b, e). The last span's tally is kept:
    // a span's hits ask it once for each country word (story_country, then story_names).
    const std::unordered_map<std::string, std::size_t>& tally(std::size_t b, std::size_t e) const {
      gather();
      if (tallied_ && tally_span_ == std::make_pair(b, e)) return tally_;
      tallied_ = true;
      tally_span_ = {b, e};
      tally_ = total_;
      auto it = std::lower_bound(namings_.begin(), namings_.end(), b,
                                 [](const Naming& n, std::size_t t) { return n.first < t; });
      for (; it != namings_.end() && it->first < e; ++it)
        if (it->end <= e && --tally_[it->country] == 0) tally_.erase(it->country);
      return tally_;
    }

   private:
    struct Naming {
      std::size_t first, end;
      std::string country;
    };
    void gather() const {
      if (gathered_) return;
      gathered_ = true;
      const auto& dict = ctx_.entities->dictionary();
      if (ctx_.mentions)
        for (const auto& m : *ctx_.mentions) {
          const auto& ent = dict.entities()[m.entity];
          // A former state of one country names that country ("West Germany" in a story about
          // Bonn's loans).
          const auto& of = ent.type == EntityType::historical && ent.countries.empty() ? ent.successors : ent.countries;
          if (of.size() != 1) continue;
          namings_.push_back(Naming{m.first_token, m.end_token, std::string(of[0])});
        }
      const auto& ts = ctx_.tokens;
      // Tokens a mention above names already ("Washington" may be a known name of its own).
      std::vector<bool> named(ts.size(), false);
      for (const auto& n : namings_)
        for (std::size_t t = n.first; t < n.end && t < ts.size(); ++t) named[t] = true;
      // The token t names the country whose capital `form` is.
      auto capital = [&](std::size_t t, const std::string& form) {
        if (auto list = dict.by_capital(form))
          for (auto id : *list) namings_.push_back(Naming{t, t + 1, std::string(dict.entities()[id].id)});
      };
      // Bare currency words ("dlrs") name their country only when no such word in the story is
      // qualified by a capitalized word that names another ("Canadian dlrs", "HK dlrs").
      std::vector<std::pair<std::size_t, std::string>> bare;
      bool qualified = false;
      for (std::size_t t = 0; t < ts.size(); ++t) {
        if (!ts[t].is_word()) continue;
        std::string w(ts.surface(t));
        auto c = p_.currencies.find(w);
        if (c != p_.currencies.end()) namings_.push_back(Naming{t, t + 1, c->second});
        auto d = p_.bare_currencies.find(w);
        if (d != p_.bare_currencies.end()) {
          std::size_t q = t;
          while (q > 0 && !ts[q - 1].is_word() && ts.surface(q - 1) == ".") --q;  // "U.S. dlrs"
          bool after_name = q > 0 && ts[q - 1].is_word() && !ts.opens_sentence(q - 1) &&
                            ts[q - 1].shape != CaseShape::lower;
          if (!after_name) {
            bare.emplace_back(t, d->second);
          } else {
            std::string before(ts.surface(q - 1));
            bool own = false;
            for (const auto& list : {dict.by_name(before), dict.by_name(before + "."), dict.by_demonym(before),
                                     dict.by_demonym(before + ".")})
              if (list)
                for (auto id : *list) own = own || dict.entities()[id].id == d->second;
            if (!own) qualified = true;
          }
        }
        // A capital's possessive, which the mentions leave out ("London's dealers"), standing
        // alone (not "Lake Victoria's", nor a sentence's first word).
        if (ts[t].shape == CaseShape::capitalized && !named[t] && !ts.opens_sentence(t) && !(t > 0 && name_word(ts[t - 1])) &&
            !(t + 1 < ts.size() && name_word(ts[t + 1])))
          capital(t, w.substr(0, w.size() - possessive_bytes(w)));
        if (ts[t].shape == CaseShape::upper && w.size() >= 4) {
          for (std::size_t i = 1; i < w.size(); ++i) w[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
          capital(t, w);
        }
      }
      if (!qualified)
        for (auto& [t, id] : bare) namings_.push_back(Naming{t, t + 1, std::move(id)});
      std::stable_sort(namings_.begin(), namings_.end(), [](const Naming& x, const Naming& y) { return x.first < y.first; });
      for (const auto& n : namings_) ++total_[n.country];
    }
    const Params& p_;
    const LintContext& ctx_;
    mutable bool gathered_ = false;
    mutable std::vector<Naming> namings_;
    mutable std::unordered_map<std::string, std::size_t> total_;
    mutable bool tallied_ = false;
    mutable std::pair<std::size_t, std::size_t> tally_span_;
    mutable std::unordered_map<std::string, std::size_t> tally_;
  };

  // How often a tally of the story's countries (StoryCountries::tally) holds the most named of these.
  template <typename Ids>
  static std::size_t most_named(const std::unordered_map<std::string, std::size_t>& count, const Ids& ids) {
    std::size_t n = 0;
    for (const auto& id : ids) {
      auto it = count.find(std::string(id));
      if (it != count.end()) n = std::max(n, it->second);
    }
    return n;
  }

  // Whether the story names one of these countries outside the span [b, e).
  static bool story_names_any(const StoryCountries& story, const std::vector<std::string>& ids, std::size_t b,
                              std::size_t e) {
    if (ids.empty()) return false;
    const auto& count = story.tally(b, e);
    return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return count.count(id) > 0; });
  }

  // Whether the story names the country of `word` outside the span [b, e).
  bool story_names(const LintContext& ctx, const StoryCountries& story, const std::string& word, std::size_t b,
                   std::size_t e) const {
    return story_names_any(story, countries_named(ctx.entities->dictionary(), word), b, e);
  }

  // Whether `word` names a country: a word of its name, demonym or capital, or a name of one.
  bool names_country(const LintContext& ctx, const NearMissIndex& ix, const std::string& word) const {
    return ix.country_words.count(word) || !countries_named(ctx.entities->dictionary(), word).empty();
  }

  // Whether `text_word` may be another country's word for the name's own `known_word`
  // (`country_swaps`; geographic words such as "North" are left to the region logic).
  bool country_for_country(const LintContext& ctx, const NearMissIndex& ix, const std::string& known_word,
                           const std::string& text_word) const {
    return p_.country_swaps && ix.country_words.count(known_word) && names_country(ctx, ix, text_word) &&
           !p_.geographic_words.count(known_word) && !p_.geographic_words.count(text_word);
  }

  // Whether the story is about the country of `known_word` and never names that of `text_word`.
  bool story_swap(const LintContext& ctx, const StoryCountries& story, const std::string& known_word,
                  const std::string& text_word, std::size_t b, std::size_t e) const {
    return story_country(ctx, story, known_word, b, e) && !story_names(ctx, story, text_word, b, e);
  }

  // Whether the story names the country of `known_word` outside the span at all, and that of
  // `text_word` never (`absent_country_swaps`): a country swapped in from nowhere.
  // Only in a state body's name (`state_types`): a country's long name ("Kingdom of Thailand")
  // or a company's is another real name with another country in it.
  bool absent_swap(const LintContext& ctx, const StoryCountries& story, const Name& name, const std::string& known_word,
                   const std::string& text_word, std::size_t b, std::size_t e) const {
    if (!p_.state_types.count(ctx.entities->dictionary().entities()[name.entity].type)) return false;
    // One word that names a country the dictionary knows; a place of several words may be the
    // end of a longer name ("People's Republic of China State Council").
    if (!p_.absent_country_swaps || text_word.find(' ') != std::string::npos ||
        countries_named(ctx.entities->dictionary(), text_word).empty())
      return false;
    // A list of countries' bodies of one kind ("Royal Malaysian Air Force and Indonesian Air
    // Force aircraft") names each for its own: the span's last word within a few words on the
    // other side of a coordinator next to it.
    const auto& ts = ctx.tokens;
    auto coordinator = [&](std::size_t t) {
      std::string_view w = ts.folded(t);
      return w == "and" || w == "or" || w == "&";
    };
    std::string_view head = ts.folded(e - 1);
    auto head_within = [&](std::size_t from, std::size_t to) {  // [from, to)
      for (std::size_t t = from; t < to && t < ts.size(); ++t)
        if (ts.folded(t) == head) return true;
      return false;
    };
    constexpr std::size_t kListWindow = 5;
    std::size_t before = b;
    if (before > 0 && ts.folded(before - 1) == "the") --before;
    if (before > 0 && coordinator(before - 1) && head_within(before - 1 > kListWindow ? before - 1 - kListWindow : 0, before - 1))
      return false;
    if (e < ts.size() && coordinator(e) && head_within(e + 1, e + 1 + kListWindow)) return false;
    return story_names(ctx, story, known_word, b, e) && !story_names(ctx, story, text_word, b, e);
  }

  // Whether the country of `word` is the story's own (see story_country_id).
  bool story_country(const LintContext& ctx, const StoryCountries& story, const std::string& word, std::size_t b,
                     std::size_t e) const {
    auto ids = countries_named(ctx.entities->dictionary(), word);
    if (ids.empty()) return false;
    const auto& count = story.tally(b, e);
    std::size_t own = 0, most = 0;
    for (const auto& [id, n] : count) {
      most = std::max(most, n);
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) own = std::max(own, n);
    }
    return own >= std::max<std::size_t>(1, p_.story_country_mentions) && own >= most;
  }

  // Whether a word is part of some known name or some listed real name.
  static bool in_name_vocabulary(const NearMissIndex& ix, const std::string& word) {
    return ix.name_tokens.count(word) || ix.real_words.count(word);
  }

  // Whether some known or listed real name holds both words (lower case, a plural as its
  // singular): "commerce" and "ministry" in "Ministry of Commerce".
  static bool co_named(const NearMissIndex& ix, const std::string& a, const std::string& b) {
    auto x = ix.word_entities.find(name_word_key(a)), y = ix.word_entities.find(name_word_key(b));
    if (!x.empty() && !y.empty()) {
      for (std::uint32_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i] == y[j]) return true;
        x[i] < y[j] ? ++i : ++j;
      }
    }
    return ix.real_pairs.count(pair_key(a, b)) > 0;
  }

  // Whether the name's pair of words around position k is frequent in the reference bigrams
  // (at least `variant_strength`) while the same pair with the text's word is unseen.
  bool rare_variant(const LintContext& ctx, const Name& name, std::size_t k, const std::string& text_lower) const {
    return rare_variant(ctx, name, k, text_lower, p_.variant_strength);
  }
  bool rare_variant(const LintContext& ctx, const Name& name, std::size_t k, const std::string& text_lower,
                    int least) const {
    if (!ctx.bigrams || least == 0) return false;
    auto around = content_neighbours(name, k);
    for (std::size_t i = 0; i < around.count; ++i) {
      std::size_t j = around.at[i];
      const std::string& other = name.tokens[j];
      int known = j < k ? ctx.bigrams->pair_strength(other, name.tokens[k]) : ctx.bigrams->pair_strength(name.tokens[k], other);
      int spun = j < k ? ctx.bigrams->pair_strength(other, text_lower) : ctx.bigrams->pair_strength(text_lower, other);
      if (known >= least && spun == 0) return true;
    }
    return false;
  }

  // The positions of the name's content words (not "of", "the", ...) right before and after
  // its word k: the words its reference pairs are read with.
  struct Neighbours {
    std::size_t at[2];
    std::size_t count = 0;
  };
  Neighbours content_neighbours(const Name& name, std::size_t k) const {
    auto content = [&](std::size_t j) { return !name.tokens[j].empty() && !p_.function_words.count(models::lower(name.tokens[j])); };
    Neighbours out;
    if (k > 0 && content(k - 1)) out.at[out.count++] = k - 1;
    if (k + 1 < name.tokens.size() && content(k + 1)) out.at[out.count++] = k + 1;
    return out;
  }

  // Whether a name of `min_words` or more is famous wording around its word k: every pair the
  // word forms with a neighbouring content word of the name is at least `famous_wording_strength`
  // in the reference bigrams ("international monetary", "monetary fund"). The rest of the
  // name then pins the span to it, whatever other bodies the swapped word's pairs name
  // ("International Financial Fund": "international financial" is frequent wording too).
  bool famous_wording(const LintContext& ctx, const Name& name, std::size_t k) const {
    if (!ctx.bigrams || p_.famous_wording_strength == 0 || name.words < p_.min_words) return false;
    auto around = content_neighbours(name, k);
    for (std::size_t i = 0; i < around.count; ++i) {
      std::size_t j = around.at[i];
      const std::string& a = name.tokens[std::min(j, k)];
      const std::string& b = name.tokens[std::max(j, k)];
      if (ctx.bigrams->pair_strength(without_dots(a), b) < p_.famous_wording_strength) return false;
    }
    return around.count > 0;
  }

  // Whether the swapped word at `k` forms a pair with a neighbouring word of the span that is
  // frequent in reference news text ("Constitutional Court", "National Security"): wording in
  // use names a real body; a spinner's pair ("Worldwide Criminal") is rare.
  bool in_use(const LintContext& ctx, const std::vector<std::string>& words, std::size_t k) const {
    if (!ctx.bigrams || p_.reference_strength == 0) return false;
    auto content = [&](std::size_t j) { return !words[j].empty() && !p_.function_words.count(models::lower(words[j])); };
    // A dotted abbreviation's dot: its word, written without dots as the reference pairs are
    // ("U.S. Firms": "us firms").
    std::size_t left = k;
    std::string before = k > 0 ? words[k - 1] : std::string();
    if (k > 1 && before == "." && words[k - 2].find('.') != std::string::npos) {
      before = without_dots(words[k - 2]);
      left = k - 1;
    }
    // After a dotted abbreviation (a country's: "U.S.") any noun may follow ("U.S. firm"): fewer sightings
    // show the pair in use.
    int need_left = p_.reference_strength - (left < k ? 1 : 0);
    if (left > 0 && content(left - 1) &&
        ctx.bigrams->pair_strength(models::lower(before), models::lower(words[k])) >= std::max(1, need_left))
      return true;
    return k + 1 < words.size() && content(k + 1) &&
           ctx.bigrams->pair_strength(words[k], words[k + 1]) >= p_.reference_strength;
  }

  // The word before token b, lower case, as the reference pairs write it: a hyphenated
  // compound whole ("export-import" of "the Export-Import Bank of Japan").
  static std::string left_neighbour(const tokenize::TokenStream& ts, std::size_t b, bool as_written = false) {
    auto form = [&](std::size_t t) { return as_written ? std::string(ts.surface(t)) : models::lower(ts.surface(t)); };
    if (b >= 3 && ts.surface(b - 2) == "-" && attached(ts[b - 2]) && attached(ts[b - 1]) && ts[b - 3].is_word())
      return form(b - 3) + "-" + form(b - 1);
    return form(b - 1);
  }

  // Whether the lower-case word at `j` joins the name to the capitalized word at `other`: a
  // joining word ("Bank of New York") always; "and" or "&" when the other side is an ordinary
  // word that does not begin or end a known name ("Peoples Bank and Trust Co", but not "Paul
  // Volcker and ..." nor "... and World Bank").
  bool joins(const LintContext& ctx, const std::vector<std::int32_t>& mention_of, std::size_t j, std::size_t other) const {
    const auto& ts = ctx.tokens;
    std::string w(ts.folded(j));
    if (ts[j].shape == CaseShape::lower && p_.joining_words.count(w)) return true;
    if (w != "and" && w != "&") return false;
    if (mention_of[other] >= 0) return false;
    // Two bodies listed ("the Senate and Family of Representatives"), not one name.
    if (body_word(models::lower(ts.surface(other)))) return false;
    return ctx.spell->known(models::lower(ts.surface(other)));
  }

  // Whether the capitalized words from token j end in a part of a body ("Agriculture
  // Committee", "Ways and Means Committee", "Banking subcommittee" after "Senate" or "House").
  bool sub_body(const tokenize::TokenStream& ts, std::size_t j) const {
    if (p_.sub_body_words.empty()) return false;
    for (std::size_t t = j, words = 0; t < ts.size() && words < 6 && ts[t].sentence == ts[j].sentence; ++t) {
      if (!ts[t].is_word()) return false;
      if (p_.sub_body_words.count(models::lower(std::string(ts.surface(t))))) return true;
      if (ts[t].shape != CaseShape::capitalized && !p_.function_words.count(std::string(ts.folded(t)))) return false;
      ++words;
    }
    return false;
  }

  bool runs_on(const LintContext& ctx, const NearMissIndex& ix, const std::vector<std::int32_t>& mention_of, std::size_t b, std::size_t e,
               bool skip_left = false, bool skip_right = false) const {
    const auto& ts = ctx.tokens;
    if (b > 0 && !skip_left) {
      std::size_t j = b - 1;
      if (ts.surface(j) == "-" && attached(ts[b]) && attached(ts[j]) && j > 0 && name_word(ts[j - 1])) return true;
      // "Japan's Self-Defense Forces": a possessive ends the name before it, and so does a
      // demonym ("the Iranian National News Agency", "Argentine").
      // A demonym before a name of three words or more ("the Iranian National News Agency")
      // does not make a longer name; before two ("Saudi International Bank") it may.
      std::size_t words = 0;  // the span's words, not counting "of", "the", ...
      for (std::size_t t = b; t < e; ++t)
        words += ts[t].is_word() && !p_.function_words.count(std::string(ts.folded(t)));
      bool demonym = words >= 3 && ctx.entities->dictionary().by_demonym(std::string(ts.surface(j)));
      // A word that opens a title before the name ("Assistant U.S. Treasury Secretary") does
      // not make a longer name.
      bool title_opener = p_.title_openers.count(std::string(ts.surface(j))) > 0;
      if (name_word(ts[j]) && !sentence_opener(ctx, j) && possessive_bytes(ts.surface(j)) == 0 && !demonym &&
          !title_opener)
        return true;
      // ... unless the word before the joining word is a surname, no known name's word and no
      // dictionary word ("Susumu Taketomi of Industrial Bank of Japan").
      if (j > 0 && ts[j].is_word() && joins(ctx, mention_of, j, j - 1) && name_word(ts[j - 1]) &&
          !sentence_opener(ctx, j - 1)) {
        std::string before(ts.surface(j - 1));
        bool surname = ts[j - 1].shape == CaseShape::capitalized && j > 1 && name_word(ts[j - 2]) &&
                       !in_name_vocabulary(ix, before) && !ctx.spell->known(models::lower(before)) &&
                       !ctx.spell->known(before);
        if (!surname) return true;
      }
    }
    // A possessive ends the name after it too ("the Harvard University's Energy and
    // Environment Policy Center", "the Defense Department's Ada Validation Facility"), unless
    // known names hold the word so ("House of People's Representatives").
    bool possessive_end = possessive_bytes(ts.surface(e - 1)) > 0 &&
                          !ix.name_tokens.count(text::plain_apostrophes(ts.surface(e - 1)));
    if (e < ts.size() && !skip_right && !possessive_end) {
      std::size_t j = e;
      // "Bankers' Associations": a plural possessive apostrophe is a token of its own.
      std::string_view next = ts.surface(j);
      if ((next == "'" || next == "\xE2\x80\x99") && attached(ts[j]) && j + 1 < ts.size()) ++j;
      if (ts.surface(j) == "-" && attached(ts[j]) && j + 1 < ts.size() && attached(ts[j + 1]) && name_word(ts[j + 1]))
        return true;
      // A role after a name ("Bank of England Governor Robin Leigh-Pemberton") does not make
      // a longer name.
      // So does a known abbreviation after it ("the official Saudi Push Agency SPA said").
      bool abbreviation = mention_of[j] >= 0 && (*ctx.mentions)[mention_of[j]].form == FormKind::abbreviation;
      if (name_word(ts[j]) && ts[j].sentence == ts[e - 1].sentence && !p_.role_words.count(std::string(ts.surface(j))) &&
          !p_.company_forms.count(std::string(ts.surface(j))) &&
          !abbreviation && !sub_body(ts, j))
        return true;
      // "Organization for the Exploitation of ...": an article may follow the joining word.
      std::size_t k = j + 1;
      if (k + 1 < ts.size() && ts.folded(k) == "the" && ts[k].shape == CaseShape::lower &&
          p_.joining_words.count(std::string(ts.folded(j))))
        ++k;
      if (k < ts.size() && ts[j].is_word() && joins(ctx, mention_of, j, k) && name_word(ts[k]))
        return true;
    }
    return false;
  }

  // One word in another form (number, spelling, derivation: see models::same_word), or a
  // listed abbreviation of it ("Corp" for "Corporation").
  bool same_word(const std::string& known, const std::string& text) const {
    if (models::same_word(known, text)) return true;
    auto it = p_.abbreviations.find(text);
    return it != p_.abbreviations.end() && it->second == known;
  }

  // A kind of body, in the singular or the plural ("courts").
  bool body_word(const std::string& lower) const {
    if (p_.body_words.count(lower)) return true;
    return lower.size() > 3 && lower.back() == 's' && p_.body_words.count(lower.substr(0, lower.size() - 1));
  }

  bool geographic(const NearMissIndex& ix, const std::string& w) const {
    return ix.country_words.count(w) || p_.region_words.count(w) || p_.geographic_words.count(w);
  }

  bool altered(const std::string& a, const std::string& b) const {
    auto x = code_points(a), y = code_points(b);
    std::size_t limit = std::max(x.size(), y.size()) >= p_.word_long_letters ? 2 : 1;
    return std::min(x.size(), y.size()) >= 4 && edit_distance(x, y, limit) <= limit;
  }

  // Why the swapped word may stand for the known one; none: it may not.
  // region: a region, or (country) another country, for the name's country word.
  enum class Swap { none, synonym, misspelt, region, country, free, abbreviation };
  static bool place_swap(Swap s) { return s == Swap::region || s == Swap::country; }

  Swap swap_kind(const LintContext& ctx, const StoryCountries& story, const NearMissIndex& ix, const Name& name,
                 std::size_t k, std::size_t b,
                 std::size_t e,
                 const std::string& text_as_written) const {
    // Geography is judged without a possessive ("China's parliament").
    std::string text_word = text_as_written.substr(0, text_as_written.size() - possessive_bytes(text_as_written));
    std::string known_word = name.tokens[k].substr(0, name.tokens[k].size() - possessive_bytes(name.tokens[k]));
    std::string text_lower = models::lower(text_word), known_lower = models::lower(known_word);
    if (models::same_word(text_lower, known_lower)) return Swap::none;
    // A name a program read from a source: another place's word only in a story about the
    // name's own country that never names the place swapped in ("the Ethiopian Space Science
    // and Technology Institute" in a story about Ethiopia is that country's former body, not
    // Ghana's renamed).
    if (name.place_word_only && (!geographic(ix, text_word) || !story_swap(ctx, story, known_word, text_word, b, e)))
      return altered(text_word, known_word) ? Swap::misspelt : Swap::none;
    // A short name's head ("U.S. Vault" for the U.S. Treasury) is judged only as a rare variant
    // of frequent wording (below): never when the country's pair with the word is seen.
    if (name.country_only && k > 0) {
      if (!ctx.bigrams || !ctx.synonyms) return Swap::none;
      if (ctx.bigrams->pair_strength(without_dots(name.tokens[0]), text_lower) > 0) return Swap::none;
    }
    // ... and its country word only for a place ("White House" is no swap of the U.S. House).
    if (name.country_only && k == 0 && !names_country(ctx, ix, text_word) && !p_.region_words.count(text_word) &&
        !p_.state_region_words.count(text_word))
      return Swap::none;
    // Place for place is the country and region logic's to judge, never a thesaurus's: Moby
    // lists "Taiwan" under "China".
    bool places = geographic(ix, text_word) && geographic(ix, known_word);
    // One kind of body for another as the head ("Commerce Ministry", "Department of Foreign
    // Affairs"): both are real forms, not a spin.
    // Unless the name's wording is frequent in reference text and the other body's never seen
    // ("Commerce Branch", "Federal Reserve Committee"), and a thesaurus links the two.
    // No known or real name may join the other body word with the name's other words ("Commerce
    // Ministry": China's "Ministry of Commerce").
    if (name.head[k] && body_word(text_lower) && body_word(known_lower)) {
      bool rare = p_.body_swap_strength > 0 && rare_variant(ctx, name, k, text_lower, p_.body_swap_strength);
      if (!rare || !ctx.synonyms || !ctx.synonyms->relation(known_lower, text_lower)) return Swap::none;
      // Nor may they be words many names are built from ("National Assembly" / "National
      // Commission", "United States Navy"): one body for another there is another real body.
      for (std::size_t j = 0; j < name.tokens.size(); ++j) {
        if (j == k || name.tokens[j].empty() || p_.function_words.count(models::lower(name.tokens[j]))) continue;
        std::string other = models::lower(name.tokens[j]);
        if (co_named(ix, other, text_lower)) return Swap::none;
        auto used = ix.word_entities.find(name_word_key(other));
        if (p_.body_swap_common > 0 && used.size() >= p_.body_swap_common)
          return Swap::none;
      }
      return Swap::synonym;
    }
    // The other words of a place's name ("Wake Island", "Red Sea") are names, not words a
    // thesaurus may vary: "Reunion Island" is another island.
    bool place_name = !name.tokens.empty() && p_.place_heads.count(name.tokens.back()) && !name.head[k];
    // A short name's head ("U.S. Vault"): only as a rare variant of frequent wording (below).
    bool short_head = name.country_only && k > 0;
    if (ctx.synonyms && !places && !place_name && (!name.country_only || short_head)) {
      // Two words that each build many known names ("National"/"Internal" Security, "Federal"/
      // "Constitutional" Court): one for the other names another real body.
      auto common = [&](const std::string& w) {
        return p_.institution_names > 0 && ix.word_entities.find(name_word_key(w)).size() >= p_.institution_names;
      };
      if (common(known_lower) && common(text_lower) && !geographic(ix, known_word) && !geographic(ix, text_word))
        return Swap::none;
      // A two-word name's head noun needs the most: "Home State" (a bank) is not the Home Office.
      bool two = name.words < p_.min_words;
      {
        int need = two ? (name.head[k] ? p_.two_word_head_strength : p_.two_word_strength)
                       : name.head[k] ? p_.head_strength : p_.synonym_strength;
        // "Bank of Japan": a head bound to a country by "of" is as distinctive as a name of three
        // words.
        if (two && name.head[k] && k + 2 < name.tokens.size() && name.tokens[k + 1] == "of" &&
            (ix.country_words.count(name.tokens[k + 2]) || ix.country_words.count(name.tokens[k + 2] + ".")))
          need = std::min(need, p_.head_strength);
        // "Harvard University": a head after a proper noun of the name's own (no ordinary word,
        // no place) is as distinctive too ("Georgetown Establishment").
        if (two && name.head[k] && p_.proper_partner_heads && name.tokens.size() == 2 && k == 1 &&
            !geographic(ix, name.tokens[0]) && !ctx.spell->known(models::lower(name.tokens[0])))
          need = std::min(need, p_.head_strength);
        // A country's word and a head noun ("U.S. House"): after a country's word any noun may
        // follow ("U.S. concern", "U.S. firms"), so the head needs a strong synonym.
        if (two && name.head[k] && k > 0 &&
            (ix.country_words.count(name.tokens[0]) || ix.country_words.count(name.tokens[0] + ".")))
          need = std::max(need, p_.country_head_strength);
        // ... unless the name's own pair is frequent in reference text and the swapped one never
        // seen ("U.S. Vault" for the U.S. Treasury; "U.S. firms" is seen).
        bool rare_head = false;
        if (two && name.head[k] && k > 0 && p_.country_head_variant_strength > 0 && ctx.bigrams &&
            (ix.country_words.count(name.tokens[0]) || ix.country_words.count(name.tokens[0] + "."))) {
          std::string country = without_dots(name.tokens[0]);
          // A body's head is a noun: "U.S. Accounting principles", "in the U.S. Combined sales"
          // (a sentence the dot ended) are not bodies.
          auto verbal = [](const std::string& w) {
            auto ends = [&](const char* x) {
              std::size_t n = std::strlen(x);
              return w.size() > n + 2 && w.compare(w.size() - n, n, x) == 0;
            };
            return ends("ed") || ends("ing");
          };
          // Nor is a plural for a singular head ("U.S. Agencies", the shipping line "U.S. Lines"),
          // or a word naming a kind of body ("the U.S. Agency also emphasised").
          auto plural = [](const std::string& w) { return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's'; };
          rare_head = ctx.bigrams->pair_strength(country, known_lower) >= p_.country_head_variant_strength &&
                      ctx.bigrams->pair_strength(country, text_lower) == 0 && !verbal(text_lower) &&
                      !body_word(text_lower) &&  // "the U.S. Agency": another body, not a swap
                      !(plural(text_lower) && !plural(known_lower));
        }
        if (rare_head) need = std::min(need, p_.outside_vocabulary_strength);
        if (short_head && !rare_head) return Swap::none;
        // The name's own wording is frequent in reference text and the swapped wording never
        // seen ("White House" / "White Monastery"): any thesaurus link will do.
        if (rare_variant(ctx, name, k, text_lower)) need = 1;
        // A two-word name reference text uses often ("White House", "World Bank") with an
        // ordinary word swapped in: wording that famous is not varied by a real body.
        if (two && p_.famous_swap_strength > 0 && famous_pair(ctx, name, text_lower, p_.famous_swap_pair_strength))
          need = std::min(need, p_.famous_swap_strength);
        // A word no known or real name uses ("White Monastery", "World Cant"): names of
        // bodies are built from a small vocabulary, a thesaurus's words mostly lie outside it.
        if (p_.outside_vocabulary_strength > 0 && !in_name_vocabulary(ix, text_word) &&
            (!two || famous_pair(ctx, name, text_lower, p_.famous_strength, false)))
          need = std::min(need, p_.outside_vocabulary_strength);
        // A portfolio ("Ministry of Construction", "Ministry of Communications"): a body word, "of"
        // and the swapped word, which other names use: any such portfolio names another real
        // body somewhere, so only a true synonym is a spin ("Ministry of Protection" for the
        // Ministry of Defense; "Ministry of Denial", a word no name uses, counts as any swap does).
        if (p_.portfolio_strength > 0 && name.tokens.size() == 3 && k == 2 && name.tokens[1] == "of" &&
            body_word(models::lower(name.tokens[0])) && in_name_vocabulary(ix, text_word))
          need = std::max(need, p_.portfolio_strength);
        auto rel = ctx.synonyms->relation(known_lower, text_lower);
        if (rel.strength >= need) return Swap::synonym;
      }
    }
    if (!name.country_only && altered(text_word, known_word)) return Swap::misspelt;
    // The span's first word ending a place's name that begins before it ("Saudi Arabian Armed
    // Forces"): the word is not the span's own.
    if (k == 0 && b > 0 && ctx.tokens[b - 1].is_word() &&
        !countries_named(ctx.entities->dictionary(), std::string(ctx.tokens.surface(b - 1)) + " " + text_word).empty())
      return Swap::none;
    // A broad region for a country's own word: "Asian" for "Korean"; in a two-word name only
    // when the name is a state body's or the story names that country elsewhere ("West
    // European" is not "West Germany").
    if (ix.country_words.count(known_word) && !p_.region_words.count(known_word)) {
      const auto& entity = ctx.entities->dictionary().entities()[name.entity];
      // A state body's name, whatever its length: a region has no treasury ("Asian Treasury").
      // When several countries' bodies answer, the story's countries pick one (check_span).
      // Region words that also build real names count only when the body's country is the
      // story's own ("Arab Press Agency" in a story about Riyadh; not "Arab Army", Jordan's).
      bool state_body = p_.state_types.count(entity.type) > 0;
      // A region before a company's head noun names a real company ("Pacific Bank", "Far East
      // Bank"), however a state's body is named ("Bangladesh Bank").
      if (k + 1 < name.tokens.size() && p_.company_heads.count(models::lower(name.tokens[k + 1]))) return Swap::none;
      if ((p_.region_words.count(text_word) ||
           (state_body && p_.state_region_words.count(text_word) && story_country(ctx, story, known_word, b, e))) &&
          (state_body || name.words >= p_.min_words || story_country(ctx, story, known_word, b, e)))
        return Swap::region;
    }
    if (name.words < p_.min_words) {
      // A state body of two words ("U.S. Treasury") with another country's word for its own, in a
      // story whose own country is the body's and that never names the swapped-in one
      // ("Albanian Treasury" in a story about Washington's bond market).
      if (p_.two_word_story_country_swaps && p_.story_country_swaps &&
          p_.state_types.count(ctx.entities->dictionary().entities()[name.entity].type) &&
          country_for_country(ctx, ix, known_word, text_word) &&
          (story_swap(ctx, story, known_word, text_word, b, e) || absent_swap(ctx, story, name, known_word, text_word, b, e)))
        return Swap::country;
      return Swap::none;  // two-word names: synonyms, misspellings, regions
    }
    // Another country's word for the name's own country word ("Emirati Press Agency" for the
    // Saudi Press Agency): the name is bound to its country. Several names sharing the rest
    // ("Kuwait/Qatar News Agency") make the span ambiguous, and check_span then stays silent.
    // Only in a name whose other words are distinctive: every country has a "National Bank"
    // and a "Press Agency", few a "Central News Agency".
    if (country_for_country(ctx, ix, known_word, text_word)) {
      std::size_t others = 0;
      for (std::size_t j = 0; j < name.tokens.size(); ++j)
        if (j != k && !name.tokens[j].empty() && std::isupper(static_cast<unsigned char>(name.tokens[j][0])) &&
            !p_.function_words.count(models::lower(name.tokens[j])))
          ++others;
      if (others >= p_.country_swap_words) return Swap::country;
      // A common name bound to a country ("Bank of Japan") with another country swapped in,
      // in a story that names the name's own country elsewhere and never the swapped-in one
      // ("Bank of Norway" in a story about Tokyo's markets).
      if (p_.story_country_swaps &&
          (story_swap(ctx, story, known_word, text_word, b, e) || absent_swap(ctx, story, name, known_word, text_word, b, e)))
        return Swap::country;
    }
    if (name.head[k]) return Swap::none;  // another head noun names another body: "Bank of Spain"
    if (geographic(ix, text_word) || geographic(ix, known_word)) return Swap::none;
    // A spinner's synonym is an ordinary word for an ordinary word; a proper noun on either
    // side ("Tanjug News Agency", "Federation of Bankers" for "Federation of Malaya") is
    // another name.
    if (!p_.free_swaps) return Swap::none;
    if (!ctx.spell->known(text_lower) || !ctx.spell->known(known_lower)) return Swap::none;
    // Names of ordinary words and country names only ("Central News Agency", "Bahrain News
    // Agency") have many real neighbours ("Central Intelligence Agency", "Bahrain Monetary
    // Agency"): only listed synonyms count for them. A name with a word of its own
    // ("North Atlantic ...") does not.
    for (std::size_t j = 0; j < name.tokens.size(); ++j) {
      if (j == k || name.tokens[j].empty() || !(name.tokens[j][0] >= 'A' && name.tokens[j][0] <= 'Z')) continue;
      const std::string& w = name.tokens[j];
      if (p_.function_words.count(models::lower(w)) || ix.country_words.count(w)) continue;
      if (!ctx.spell->known(models::lower(w))) return Swap::free;
    }
    return Swap::none;
  }

  // Whether the sentence of the span [b, e) mentions, outside it, an entity one of the hits
  // names.
  template <typename Hits>
  bool sibling_in_sentence(const LintContext& ctx, const NearMissIndex& ix, const Hits& hits, std::size_t b,
                           std::size_t e) const {
    if (!ctx.mentions) return false;
    const auto& sentence = ctx.tokens.sentences()[ctx.tokens[b].sentence];
    // Mentions come in text order: start at the sentence's first.
    auto from = std::lower_bound(ctx.mentions->begin(), ctx.mentions->end(), sentence.first_token,
                                 [](const Mention& m, std::size_t t) { return m.first_token < t; });
    for (auto it = from; it != ctx.mentions->end() && it->first_token < sentence.end_token; ++it) {
      const auto& m = *it;
      if (m.end_token > sentence.end_token) continue;
      if (m.first_token >= b && m.end_token <= e) continue;
      for (const auto& h : hits)
        if (ix.names[h.name].entity == m.entity) return true;
    }
    return false;
  }

  // Initials of a name's capitalized words, with and without its lower-case words ("Bank of
  // Japan": "BJ", "BoJ" upper-cased "BOJ"); "U.S." gives "US".
  static std::pair<std::string, std::string> initials(const std::vector<std::string>& words) {
    std::string with, without;
    for (const auto& w : words) {
      if (w.empty()) continue;
      bool upper = w[0] >= 'A' && w[0] <= 'Z';
      // "U.S.", "US", "UK": every capital letter.
      bool letters_only = std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
      std::string part;
      if (letters_only) {
        for (char c : w)
          if (c >= 'A' && c <= 'Z') part += c;
      } else {
        part = std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(w[0]))));
      }
      with += part;
      if (upper) without += part;
    }
    return {with, without};
  }

  // Whether the span [.., e) is followed by "(ABBR)" where ABBR is an abbreviation of the known
  // name `name` (listed, or its initials) and not the initials of the span's own words.
  // 0 when not; 1 when ABBR is the known name's initials, 2 when it is a listed abbreviation.
  int abbreviation_after(const LintContext& ctx, const dictionary::EntityDictionary& dict, const Name& name,
                         const std::vector<std::string>& words, std::size_t e) const {
    const auto& ts = ctx.tokens;
    if (e + 2 >= ts.size() || ts.surface(e) != "(" || ts.surface(e + 2) != ")" || !ts[e + 1].is_word() ||
        ts[e + 1].shape != CaseShape::upper)
      return 0;
    std::string abbr(ts.surface(e + 1));
    if (abbr.size() < 2) return 0;
    auto own = initials(words);
    if (abbr == own.first || abbr == own.second) return 0;
    const auto& entity = dict.entities()[name.entity];
    if (std::find(entity.abbreviations.begin(), entity.abbreviations.end(), abbr) != entity.abbreviations.end())
      return 2;
    auto known = initials(name.tokens);
    return abbr == known.first || abbr == known.second ? 1 : 0;
  }

  // A known name that answers a span with its word k, and the span's text standing for that word.
  struct Aligned {
    std::uint32_t name;
    std::size_t k;
    std::string text;
  };

  // The bodies of a `misnamed_kinds` kind of the country the span names in place of an aligned
  // name's own, when none of them is called `span` ("Bank of Libya": Libya's Central Bank of
  // Libya); null otherwise. The span's word must be a country's own name: "Bank of Moscow" and
  // "Bank of Ceylon" (a capital, a former name) are banks of their own.
  std::optional<FlatValues> misnamed_bodies(const LintContext& ctx, const NearMissIndex& ix,
                                           const std::vector<Aligned>& aligned, const std::string& span) const {
    if (p_.misnamed_kinds.empty()) return std::nullopt;
    const auto& dict = ctx.entities->dictionary();
    for (const auto& a : aligned) {
      const Name& name = ix.names[a.name];
      const auto& ent = dict.entities()[name.entity];
      if (!p_.misnamed_kinds.count(std::string(ent.kind))) continue;
      // A proper name, every other word capitalized ("Polish central bank" is a description),
      // and the country's plain name in it ("Poland's National Bank" describes the bank).
      bool proper = true;
      for (std::size_t j = 0; j < name.tokens.size(); ++j)
        if (j != a.k && !p_.function_words.count(name.tokens[j]) && !name.tokens[j].empty() &&
            !(name.tokens[j][0] >= 'A' && name.tokens[j][0] <= 'Z'))
          proper = false;
      if (!proper || possessive_bytes(a.text) > 0) continue;
      if (!country_for_country(ctx, ix, strip_possessive(name.tokens[a.k]), a.text)) continue;
      auto named = dict.by_name(a.text);
      if (!named) continue;
      for (auto c : *named) {
        const auto& country = dict.entities()[c];
        if (country.type != EntityType::country || std::find(ent.countries.begin(), ent.countries.end(), country.id) != ent.countries.end())
          continue;
        bool found = false;
        auto bodies = ix.bodies_of_kind.find(std::string(country.id) + '\t' + std::string(ent.kind), &found);
        if (!found) continue;
        bool called = false;
        for (auto id : bodies) {
          const auto& body = dict.entities()[id];
          called = called || body.name == span ||
                   std::find(body.aliases.begin(), body.aliases.end(), span) != body.aliases.end();
        }
        if (!called) return bodies;
      }
    }
    return std::nullopt;
  }

  // Reports a misnamed body (see misnamed_bodies): the aligned name whose country the story
  // names most, when one does and the story never names the span's country elsewhere ("Bank of
  // Libya" in a story about francs and Paris: the Bank of France); otherwise the named
  // country's own body, with `misnamed_message`.
  bool report_misnamed(const LintContext& ctx, const StoryCountries& story, const NearMissIndex& ix,
                       FlatValues bodies, const std::vector<Aligned>& aligned, std::size_t b,
                       std::size_t e, std::size_t begin, std::size_t end, Emitter& out) const {
    const auto& dict = ctx.entities->dictionary();
    const auto& own = dict.entities()[bodies[0]];
    const auto& count = story.tally(b, e);
    auto named = [&](const dictionary::Names& ids) { return most_named(count, ids); };
    std::string meant;
    if (named(own.countries) == 0) {
      std::size_t most = 0;
      bool tie = false;
      for (const auto& a : aligned) {
        const Name& name = ix.names[a.name];
        const auto& ent = dict.entities()[name.entity];
        if (ent.kind != own.kind) continue;
        std::size_t n = named(ent.countries);
        if (n > most) most = n, meant = name.text, tie = false;
        else if (n == most && n > 0 && name.text != meant) tie = true;
      }
      if (tie) meant.clear();
    }
    std::vector<std::string> repl;
    if (!meant.empty()) repl.push_back(meant);
    for (auto id : bodies) repl.emplace_back(dict.entities()[id].name);
    std::string_view matched = ctx.tokens.text().substr(begin, end - begin);
    std::string message;
    if (!meant.empty()) {
      message = format_message(matched, meant);
    } else {
      std::string tpl = p_.misnamed_message;
      for (auto at = tpl.find("{kind}"); at != std::string::npos; at = tpl.find("{kind}"))
        tpl.replace(at, 6, own.kind);
      message = fill_message(tpl, matched, repl[0]);
    }
    out.emit(begin, end, std::move(message), std::move(repl));
    return true;
  }

  // Whether the name without its first word, run on into the capitalized word at `e`, is
  // another name of the same entity ("Federal Reserve" + "Board").
  bool longer_same_body(const LintContext& ctx, const Name& name, std::size_t e) const {
    if (e >= ctx.tokens.size()) return false;
    std::string rest;
    for (std::size_t j = 1; j < name.tokens.size(); ++j) (rest += name.tokens[j]) += " ";
    rest += std::string(ctx.tokens.surface(e));
    auto longer = ctx.entities->dictionary().by_name(rest);
    return longer && std::find(longer->begin(), longer->end(), name.entity) != longer->end();
  }

  bool check_span(const LintContext& ctx, const StoryCountries& story, const NearMissIndex& ix,
                  const std::vector<std::int32_t>& mention_of,
                  std::size_t b, std::size_t len, bool pair, Emitter& out,
                  std::size_t compound = kNoCompound, std::size_t extra = 1) const {
    const auto& ts = ctx.tokens;
    // The token of the span's word k: a hyphenated compound at `compound` takes three.
    auto tok = [&](std::size_t k) { return b + k + (compound != kNoCompound && k > compound ? 2 : 0); };
    std::size_t e = b + len + (compound != kNoCompound ? 2 : 0);
    if (!ts[e - 1].is_word()) return false;
    std::vector<std::string> words(len);
    for (std::size_t k = 0; k < len; ++k)
      words[k] = k == compound ? std::string(ts.surface(tok(k))) + "-" + surface_for_name(ts, tok(k) + 2, k + 1 == len)
                               : surface_for_name(ts, tok(k), k + 1 == len);
    struct Hit {
      std::uint32_t name;
      std::size_t k;
      Swap swap;
      int abbreviated = 0;  // the bracketed abbreviation after the span: 1 its initials, 2 listed, +2 a swap anyway
    };
    std::vector<Hit> hits;
    // Another country's word at the hit, in a story about the name's own country that never
    // names the swapped-in one.
    auto story_swapped = [&](const Hit& h) {
      return story_swap(ctx, story, strip_possessive(ix.names[h.name].tokens[h.k]), strip_possessive(words[h.k]), b, e);
    };
    // A known state body of a country the story never names otherwise, where the story's own
    // country has a body of the same name ("Australian Treasury" in a story about the U.S.
    // Treasury's auctions): another country swapped in, however real the result.
    // Looked up when a name answering the span has its word ("Australian Treasury" answers).
    dictionary::EntityDictionary::Hits known_span;
    bool known_looked_up = false;
    auto is_known_span = [&](std::uint32_t entity) {
      if (pair || !p_.known_body_country_swaps) return false;
      if (!known_looked_up) {
        known_looked_up = true;
        std::size_t kb = ts[b].begin, ke = ts[e - 1].end - possessive_bytes(ts.surface(e - 1));
        known_span = ctx.entities->dictionary().by_name(
            one_line(text::plain_apostrophes(ts.text().substr(kb, ke - kb))));
      }
      return known_span && std::find(known_span->begin(), known_span->end(), entity) != known_span->end();
    };
    // A paraphrase's words from k, as one phrase ("Sri Lanka", "Financial Institution").
    auto paraphrase = [&](std::size_t k) {
      std::string place = words[k];
      for (std::size_t x = 1; x <= extra; ++x) place += " " + words[k + x];
      return place;
    };
    for (std::size_t k = 0; k + (pair ? extra : 0) < len; ++k) {
      if (!ts[tok(k)].is_word() || ts[tok(k)].shape != CaseShape::capitalized) continue;
      // Only the compound itself stands for a word of the name.
      if (compound != kNoCompound && k != compound) continue;
      // The name's key: one wildcard for the word k (and, for a paraphrase, the words up to
      // k + extra it spans).
      std::string key;
      for (std::size_t j = 0; j < len; ++j)
        if (j == k) (key += kWild) += kSep;
        else if (!pair || j < k || j > k + extra) (key += words[j]) += kSep;
      if (pair) {
        // Two words for one: a thesaurus paraphrase ("Financial Institution" for "Bank"), or a
        // place of two words for a country's word ("Bank of Sri Lanka" for the Bank of England).
        // Three for one (`extra` 2): "Depository Financial Institution of France".
        // A joining word may stand inside a longer phrase ("Medium of Exchange").
        bool capitalized = true;
        for (std::size_t x = 1; x <= extra; ++x) {
          const auto& t = ts[tok(k + x)];
          bool joining = x < extra && t.shape == CaseShape::lower && p_.joining_words.count(std::string(ts.folded(tok(k + x))));
          capitalized = capitalized && t.is_word() && (t.shape == CaseShape::capitalized || joining);
        }
        if (!capitalized) continue;
        auto named = ix.keys.find(key);
        if (named.empty()) continue;
        std::string place = paraphrase(k);
        if (p_.region_words.count(place) || !countries_named(ctx.entities->dictionary(), place).empty()) {
          // Kept when no swap either: a misnamed body may still answer ("Bank of Costa Rica").
          for (auto id : named) {
            auto swap = swap_kind(ctx, story, ix, ix.names[id], k, b, e, place);
            hits.push_back(Hit{id, k, place_swap(swap) ? swap : Swap::none});
          }
          continue;
        }
        if (!ctx.synonyms) continue;
        std::string phrase = models::lower(place);
        for (auto id : named) {
          const Name& n = ix.names[id];
          int need = n.words < p_.min_words ? p_.two_word_strength : n.head[k] ? p_.head_strength : p_.synonym_strength;
          // Two words no known or real name uses ("Expanding Universe Bank"), as for one word
          // (outside_vocabulary_strength; a two-word name must be famous).
          bool outside = true;
          for (std::size_t x = 0; x <= extra; ++x) outside = outside && !in_name_vocabulary(ix, words[k + x]);
          if (p_.outside_vocabulary_strength > 0 && outside &&
              (n.words >= p_.min_words || famous_pair(ctx, n, models::lower(words[k]), p_.famous_strength)))
            need = std::min(need, p_.outside_vocabulary_strength);
          if (ctx.synonyms->relation(models::lower(n.tokens[k]), phrase).strength >= need)
            hits.push_back(Hit{id, k, Swap::synonym});
        }
        continue;
      }
      auto named = ix.keys.find(key);
      if (named.empty()) continue;
      for (auto id : named) {
        // The known name in another form ("United State's", "Organisation", "Corp"): not a spin;
        // the span's own name when it is a known body that may be a swap.
        // A compound is the same word without its hyphen ("Co-operation", "South-East").
        std::string unhyphenated = words[k];
        if (k == compound) unhyphenated.erase(std::remove(unhyphenated.begin(), unhyphenated.end(), '-'), unhyphenated.end());
        if (same_word(ix.names[id].tokens[k], words[k]) ||
            (k == compound && models::same_word(models::lower(ix.names[id].tokens[k]), models::lower(unhyphenated)))) {
          if (is_known_span(ix.names[id].entity)) continue;
          return false;
        }
        hits.push_back(Hit{id, k, Swap::none});
      }
    }
    if (hits.empty()) return false;

    std::size_t begin = ts[b].begin;
    std::size_t end = ts[e - 1].end - possessive_bytes(ts.surface(e - 1));
    std::string span = one_line(text::plain_apostrophes(ts.text().substr(begin, end - begin)));
    const auto& dict = ctx.entities->dictionary();
    bool known_body = false;
    if (p_.accept.count(span)) return false;
    if (auto known = dict.by_name(span)) {
      // Only a country-bound state body may be a swap of another country's (see above); a
      // country of two or three words for the name's one too ("Bank of Sierra Leone").
      known_body = known_span.has_value() || (pair && p_.known_body_country_swaps);
      for (auto id : *known) {
        const auto& ent = dict.entities()[id];
        if (!p_.state_types.count(ent.type) || ent.countries.empty()) known_body = false;
      }
      if (!known_body) return false;
    }
    if (listed_real_name(ctx, span)) return false;  // a real name the dictionary lacks
    // A short form, also in the plural ("Federal Reserve Banks").
    if (ix.short_forms.count(span) || (span.size() > 1 && span.back() == 's' && ix.short_forms.count(span.substr(0, span.size() - 1))))
      return false;
    // Marks inside the span join words ("Self-Defense", "Bankers'"); a spaced one splits it. The
    // dot of an abbreviation ends its word ("U.S. Treasury").
    for (std::size_t t = b + 1; t < e; ++t) {
      if (ts[t].is_word()) continue;
      // Not at a line's end ("... in the U.S.\n Concerning banking acquisitions").
      bool dot = abbreviation_dot(ts, t) && t + 1 < e &&
                 ts.text().substr(ts[t].end, ts[t + 1].begin - ts[t].end).find('\n') == std::string_view::npos;
      if (ts[t].space_before || (t + 1 < e && ts[t + 1].space_before && !dot)) return false;
    }
    // A span that runs on into a longer name is that name's part, unless the longer name is
    // frequent wording with the known word and never seen with the swapped one ("Royal
    // Depository of Canada": "royal bank" is frequent in reference text, "royal depository"
    // unseen), the neighbour being a plain capitalized word.
    bool ran_on = runs_on(ctx, ix, mention_of, b, e);
    bool excuse_left = false, excuse_right = false;
    if (ran_on) {
      if (pair || p_.run_on_strength == 0 || !ctx.bigrams) return false;
      // The neighbour may be an upper-case abbreviation ("the US Mansion of Representatives").
      excuse_left = b > 0 && name_word(ts[b - 1]) &&
                    (ts[b - 1].shape == CaseShape::capitalized || ts[b - 1].shape == CaseShape::upper) &&
                    !runs_on(ctx, ix, mention_of, b, e, true, false);
      excuse_right = e < ts.size() && name_word(ts[e]) && ts[e].shape == CaseShape::capitalized &&
                     ts[e].sentence == ts[e - 1].sentence && !runs_on(ctx, ix, mention_of, b, e, false, true);
      if (!excuse_left && !excuse_right) return false;
    }

    // Another country's name for the name's own in a body of a kind every country has, where
    // that country's own body is named otherwise ("Bank of Libya"): reported when the story
    // cannot tell which country's body was meant (below).
    std::vector<Aligned> aligned;
    for (const auto& h : hits) aligned.push_back(Aligned{h.name, h.k, pair ? paraphrase(h.k) : words[h.k]});
    // Not before a company's legal form ("National Bank of Brunei Bhd"): a company's name.
    bool company = e < ts.size() && p_.company_forms.count(std::string(ts.surface(e)));
    std::optional<FlatValues> misnamed;
    if (!known_body && !ran_on && !company) misnamed = misnamed_bodies(ctx, ix, aligned, span);
    auto decide = [&]() -> bool {
      if (!pair)
        for (auto& h : hits) {
          // The name's country word, where the rest of the name runs on into another name of the
          // same body ("Caribbean Federal Reserve Board": the Federal Reserve Board): judged as
          // the shorter name, for a place only.
          if (ran_on && excuse_right && !excuse_left && h.k == 0 && len > 1 && longer_same_body(ctx, ix.names[h.name], e)) {
            h.swap = swap_kind(ctx, story, ix, ix.names[h.name], h.k, b, e, words[h.k]);
            if (!place_swap(h.swap)) h.swap = Swap::none;
            continue;
          }
          // A span running on is judged only for a word next to the neighbour that excuses it.
          if (ran_on && !((excuse_left && h.k == 0) || (excuse_right && h.k + 1 == len))) {
            h.swap = Swap::none;
            continue;
          }
          // A known body is judged only for another country's word (below).
          if (known_body && !names_country(ctx, ix, strip_possessive(words[h.k]))) {
            h.swap = Swap::none;
            continue;
          }
          h.swap = swap_kind(ctx, story, ix, ix.names[h.name], h.k, b, e, words[h.k]);
          // A known body: only another country's word, in a story about the name's own country
          // that never names the known body's.
          if (known_body && (h.swap != Swap::country || !story_swapped(h))) h.swap = Swap::none;
          if ((h.swap == Swap::synonym || place_swap(h.swap)) && in_use(ctx, words, h.k) &&
              !(h.swap == Swap::synonym && famous_wording(ctx, ix.names[h.name], h.k)))
            h.swap = Swap::none;
          if (ran_on && h.swap != Swap::none) {
            const std::string known = models::lower(ix.names[h.name].tokens[h.k]), spun = models::lower(words[h.k]);
            auto frequent_only_known = [&](const std::string& x, const std::string& y_known, const std::string& y_spun,
                                           bool before) {
              int a = before ? ctx.bigrams->pair_strength(x, y_known) : ctx.bigrams->pair_strength(y_known, x);
              int c = before ? ctx.bigrams->pair_strength(x, y_spun) : ctx.bigrams->pair_strength(y_spun, x);
              return a >= p_.run_on_strength && c == 0;
            };
            // The longer run is a known name's spin itself ("Federal Allot Board"): judged as that.
            const std::string& known_text = ix.names[h.name].text;
            bool longer_known =
                (excuse_left && dict.by_name(left_neighbour(ts, b, true) + " " + known_text)) ||
                (excuse_right && dict.by_name(known_text + " " + std::string(ts.surface(e))));
            bool ok = h.swap == Swap::synonym && !longer_known &&
                      ((excuse_left && h.k == 0 && frequent_only_known(left_neighbour(ts, b), known, spun, true)) ||
                       (excuse_right && h.k + 1 == len &&
                        frequent_only_known(models::lower(ts.surface(e)), known, spun, false)));
            if (!ok) h.swap = Swap::none;
          }
          // The known name's abbreviation in brackets after the span, which the span's own words
          // do not give ("the Paraguayan Navy (USN)", "Central Tidings Agency (CIA)"): the name
          // was altered, whatever the word.
          if (p_.bracketed_abbreviations && !ran_on && !known_body) {
            if (int how = abbreviation_after(ctx, dict, ix.names[h.name], words, e)) {
              h.abbreviated = how + (h.swap != Swap::none ? 2 : 0);
              h.swap = Swap::abbreviation;
            }
          }
        }
      // A known body with a country of several words: only another country, in a story about
      // the name's own that never names the swapped-in one.
      if (pair && known_body)
        for (auto& h : hits)
          if (h.swap != Swap::country ||
              !story_swap(ctx, story, strip_possessive(ix.names[h.name].tokens[h.k]), strip_possessive(paraphrase(h.k)), b, e))
            h.swap = Swap::none;
      // A synonym settles which name was meant. Otherwise every name answering the span must be
      // one target: when the swapped word tells two known names apart ("Bakhtar / Fars / Mehr
      // News Agency"), it likely tells a third real one apart too. One target is one entity, or
      // one name that several countries' bodies share ("National Assembly", "Ministry of
      // Defense"): the fix is the same whichever was meant.
      // Spellings of one name count as one ("Ministry of Defense", "Ministry of Defence").
      auto same_target = [&](const Hit& x, const Hit& y) {
        const Name& a = ix.names[x.name];
        const Name& c = ix.names[y.name];
        if (a.entity == c.entity || a.text == c.text) return true;
        if (a.tokens.size() != c.tokens.size()) return false;
        for (std::size_t t = 0; t < a.tokens.size(); ++t)
          if (a.tokens[t] != c.tokens[t] && !models::same_word(a.tokens[t], c.tokens[t])) return false;
        return true;
      };
      bool any_synonym = std::any_of(hits.begin(), hits.end(), [](const Hit& h) { return h.swap == Swap::synonym; });
      bool unnamed_region = false;
      // The bracketed abbreviation settles it too: it names one of the known names.
      // Several names may have it: a swap of the word itself first, then a listed abbreviation
      // over mere initials ("Someone Development Bank (ADB)": African and Asian both give ADB).
      int best_abbreviation = 0;
      for (const auto& h : hits) best_abbreviation = std::max(best_abbreviation, h.abbreviated);
      if (best_abbreviation > 0)
        hits.erase(std::remove_if(hits.begin(), hits.end(),
                                  [&](const Hit& h) { return h.abbreviated < best_abbreviation; }),
                   hits.end());
      else if (any_synonym) {
        hits.erase(std::remove_if(hits.begin(), hits.end(), [](const Hit& h) { return h.swap != Swap::synonym; }), hits.end());
      } else {
        // A country word that the story singles out ("Bank of Norway" in a story about Japan)
        // leaves the names of other countries ("Bank of France") out of the question.
        // Another country's body of the same name in the sentence ("the Bank of Norway and the
        // Bank of Japan"): a list of countries' bodies, not a swapped country.
        if (std::any_of(hits.begin(), hits.end(), [](const Hit& h) { return h.swap == Swap::country; }) &&
            sibling_in_sentence(ctx, ix, hits, b, e))
          for (auto& h : hits)
            if (h.swap == Swap::country) h.swap = Swap::none;
        if (std::any_of(hits.begin(), hits.end(), [](const Hit& h) { return place_swap(h.swap); })) {
          hits.erase(std::remove_if(hits.begin(), hits.end(), [](const Hit& h) { return h.swap == Swap::none; }), hits.end());
          // A state's own body answers before a company named after a place ("Bank of Japan",
          // not the Bank of Tokyo; "Bank of England", not the Bank of Scotland).
          auto state = [&](const Hit& h) { return p_.state_types.count(dict.entities()[ix.names[h.name].entity].type) > 0; };
          if (std::any_of(hits.begin(), hits.end(), state))
            hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const Hit& h) { return !state(h); }), hits.end());
          // A region for the country word fits every country's body ("Bank of Africa"): the
          // country the story names most among theirs picks the one meant, or nothing does.
          if (std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return !same_target(h, hits[0]); })) {
            auto count = story.tally(b, e);
            auto named = [&](const Hit& h) { return most_named(count, dict.entities()[ix.names[h.name].entity].countries); };
            std::size_t most = 0;
            for (const auto& h : hits) most = std::max(most, named(h));
            // No country of theirs named: a region has none of these bodies whichever was meant
            // ("Royal Bank of Africa", "the Pacific Air Force"); the editor picks the country.
            if (most == 0 && p_.unnamed_region_swaps &&
                std::all_of(hits.begin(), hits.end(),
                            [&](const Hit& h) { return h.swap == Swap::region && h.k == hits[0].k && state(h); }))
              unnamed_region = true;
            else if (most == 0)
              return false;
            hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const Hit& h) { return named(h) < most; }),
                       hits.end());
            // A tie: the country the span's own sentence names ("Bank of Monaco Governor Satoshi
            // Sumita", the Bank of Japan's governor, in a story naming France as often).
            if (!unnamed_region &&
                std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return !same_target(h, hits[0]); })) {
              const auto& sentence = ts.sentences()[ts[b].sentence];
              count = story.tally_within(sentence.first_token, sentence.end_token, b, e);
              std::size_t near = 0;
              for (const auto& h : hits) near = std::max(near, named(h));
              if (near > 0)
                hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const Hit& h) { return named(h) < near; }),
                           hits.end());
            }
          }
        }
        for (const auto& h : hits)
          if ((!same_target(h, hits[0]) && !unnamed_region) || h.k != hits[0].k || h.swap == Swap::none) return false;
      }
      for (const auto& h : hits)
        if (!same_target(h, hits[0]) && !unnamed_region) return false;
      std::uint32_t meant = ix.names[hits[0].name].entity;
      for (std::size_t t = b; t < e; ++t) {
        if (mention_of[t] < 0) continue;
        const auto& m = (*ctx.mentions)[mention_of[t]];
        if (m.first_token <= b && m.end_token >= e && !known_body) return false;  // the span is (inside) a known name
        // It holds another name of an entity meant ("Kyodo News" in "Kyodo News Service",
        // "Federal Reserve" in "Federal Reserve Bank"): a related body with a longer name.
        // Not when the swapped word is a thesaurus word no name uses ("Federal Reserve Cater").
        bool foreign_word = std::all_of(hits.begin(), hits.end(), [&](const Hit& h) {
          return h.swap == Swap::synonym && !in_name_vocabulary(ix, words[h.k]);
        });
        // Nor when a region stands for the name's country word ("African State Department"), or
        // another country in a story about the name's own that never names the other; a country
        // before a shorter name is otherwise another real body ("the Sudan People's Liberation
        // Army" in a story about Sudan).
        bool place = std::all_of(hits.begin(), hits.end(), [&](const Hit& h) {
          return h.swap == Swap::region ||
                 (h.swap == Swap::country &&
                  (story_swapped(h) || absent_swap(ctx, story, ix.names[h.name], strip_possessive(ix.names[h.name].tokens[h.k]),
                                                   strip_possessive(words[h.k]), b, e)));
        });
        if (m.end_token - m.first_token >= 2 && !foreign_word && !place &&
            std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return ix.names[h.name].entity == m.entity; }))
          return false;
      }

      // Replacements: every known form one word away, the entity's own name first.
      const auto& entity = dict.entities()[meant];
      std::vector<std::string> repl;
      for (const auto& h : hits) {
        const auto& text = ix.names[h.name].text;
        if (std::find(repl.begin(), repl.end(), text) == repl.end()) repl.push_back(text);
      }
      std::stable_partition(repl.begin(), repl.end(), [&](const std::string& r) { return r == entity.name; });
      std::string_view matched = ts.text().substr(begin, end - begin);
      if (unnamed_region) {
        // The countries' bodies whose wording reference text uses most come first.
        auto used = [&](const Name& name) {
          int sum = 0;
          for (std::size_t j = 0; ctx.bigrams && j + 1 < name.tokens.size(); ++j)
            sum += ctx.bigrams->pair_strength(models::lower(without_dots(name.tokens[j])),
                                              models::lower(without_dots(name.tokens[j + 1])));
          return sum;
        };
        std::vector<std::pair<int, std::string>> ranked;
        for (const auto& h : hits) {
          const Name& name = ix.names[h.name];
          if (std::none_of(ranked.begin(), ranked.end(), [&](const auto& r) { return r.second == name.text; }))
            ranked.emplace_back(-used(name), name.text);
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        repl.clear();
        for (std::size_t i = 0; i < ranked.size() && i < p_.region_candidates; ++i) repl.push_back(ranked[i].second);
        std::string message = fill_message(p_.region_message, matched, repl[0]);
        out.emit(begin, end, std::move(message), std::move(repl));
        return true;
      }
      std::string message = format_message(matched, repl[0]);
      out.emit(begin, end, std::move(message), std::move(repl));
      return true;
    };
    if (decide()) return true;
    if (!misnamed) return false;
    return report_misnamed(ctx, story, ix, *misnamed, aligned, b, e, begin, end, out);
  }

  void check_word(const LintContext& ctx, const NearMissIndex& ix, const dictionary::EntityDictionary& dict,
                  std::size_t i, Emitter& out) const {
    const auto& ts = ctx.tokens;
    std::string_view raw = ts.surface(i);
    std::size_t cut = possessive_bytes(raw);
    std::string word = bare_word(ts, i);
    auto folded = code_points(word);
    if (folded.size() + 1 < p_.word_min_letters || folded.size() > p_.word_max_letters) return;
    for (char32_t c : folded)
      if (c >= '0' && c <= '9') return;
    if (p_.accept.count(word) || dict.by_name(word) || dict.by_demonym(word) || dict.by_capital(word)) return;
    if (ctx.spell->known(word) || ctx.spell->known(models::lower(word))) return;
    if (ctx.accepted_words && ctx.accepted_words->count(word)) return;
    if (listed_real_name(ctx, word)) return;  // a listed real name ("Guyane")
    // Part of a longer capitalized name ("Cesar Franck", "Mr Landon"): most likely a person.
    // A word that leads a place's name ("Historic Vjenna", "Greater Lndon": `place_leaders`)
    // does not make a person's.
    if (i > 0 && (name_word(ts[i - 1]) && !sentence_opener(ctx, i - 1)) &&
        !p_.place_leaders.count(std::string(ts.surface(i - 1))))
      return;
    if (i > 0 && p_.person_titles.count(std::string(ts.surface(i - 1)))) return;
    // After an initial ("Thomas J. Albani", "A.E. Staley").
    if (i > 1 && ts.surface(i - 1) == "." && initial(ts.surface(i - 2))) return;
    // Before another capitalized word, part of a longer name; unless that word names something
    // of a place (`place_followers`: "Londoj Stock Exchange", "Singappre Finance Minister"),
    // and then only a place's slip is reported (below).
    const bool followed = i + 1 < ts.size() && name_word(ts[i + 1]) && ts[i + 1].sentence == ts[i].sentence;
    if (followed && !p_.place_followers.count(std::string(ts.surface(i + 1)))) return;
    if (followed) {  // a listed real name ("Riyad Bank")
      std::string name = word;
      for (std::size_t k = i + 1; k < ts.size() && k <= i + 3 && name_word(ts[k]); ++k) {
        name += " " + bare_word(ts, k);
        if (listed_real_name(ctx, name)) return;
      }
    }
    // A hyphenated compound of names ("Bamingui-Bangoran", "Guine-Bissau") is a name of its own;
    // joined to an English word ("Abidjaj-based", "Dumping-Londin", "Amsterdan-New York") the
    // word is judged alone.
    auto known_part = [&](std::size_t j) {
      return ts[j].is_word() && ctx.spell->known(models::lower(bare_word(ts, j)));
    };
    if (i + 2 < ts.size() && ts.surface(i + 1) == "-" && attached(ts[i + 1]) && attached(ts[i + 2]) &&
        !known_part(i + 2))
      return;
    if (i > 1 && ts.surface(i - 1) == "-" && attached(ts[i]) && attached(ts[i - 1]) && !known_part(i - 2)) return;
    // A word cited in quotation marks ('a name that later became "Hungari,"'): a form discussed,
    // not a name used.
    auto quote = [&](std::size_t j) {
      if (j >= ts.size()) return false;
      std::string_view q = ts.surface(j);
      return q == "\"" || q == "\xE2\x80\x9C" || q == "\xE2\x80\x9D";
    };
    if (i > 0 && quote(i - 1) &&
        (quote(i + 1) || (i + 2 < ts.size() && (ts.surface(i + 1) == "," || ts.surface(i + 1) == ".") && quote(i + 2))))
      return;
    // A gloss in brackets ("Hareri Hizb (Harari)", "(Liberi e Uguali)"): a foreign form.
    if ((i > 0 && ts.surface(i - 1) == "(") || (i + 1 < ts.size() && ts.surface(i + 1) == ")")) return;
    // A capitalized word no known or listed real name and no dictionary word is.
    auto unknown_name = [&](std::size_t j) {
      if (j >= ts.size() || !name_word(ts[j])) return false;
      std::string w = bare_word(ts, j);
      // An initial or a dotted abbreviation ("Washington, D.C.") is no place's name.
      if (w.size() < kLeastListedName || w.find('.') != std::string::npos) return false;
      return !dict.by_name(w) && !dict.by_demonym(w) && !dict.by_capital(w) && !ix.name_tokens.count(w) &&
             !ix.country_words.count(w) && !ctx.spell->known(models::lower(w)) && !listed_real_name(ctx, w);
    };
    // One of a list of names nobody knows ("Gotland, Halland, Jamtland"): places of their own.
    // In a list of known places ("Egypt, Zambia, Djinouti, Zaire") it is a slip like any other.
    // A list's item is a word of its own: not part of a longer name such as a person's ("the
    // mayor of Antaannarivo, Andry RAJOELINA").
    auto lone = [&](std::size_t j) {
      return !(j + 1 < ts.size() && name_word(ts[j + 1])) && !(j > 0 && name_word(ts[j - 1]));
    };
    auto listed = [&](std::size_t comma, std::size_t other) {
      return comma < ts.size() && other < ts.size() && ts.surface(comma) == "," && unknown_name(other) && lone(other);
    };
    if ((i >= 2 && listed(i - 1, i - 2)) || listed(i + 1, i + 2)) return;
    // ... also when the items carry a share ("Dyula 5.7%, Bissa 3.3%, Gurunsi 3.2%"): the
    // figure and its unit are skipped.
    auto figure = [&](std::size_t j) {
      return j < ts.size() && (ts[j].kind == tokenize::TokenKind::number || ts.surface(j) == "%");
    };
    {
      std::size_t l = i;
      while (l > 0 && i - l < kFigureTokens && figure(l - 1)) --l;
      std::size_t r = i + 1;
      while (r < ts.size() && r - i <= kFigureTokens && figure(r)) ++r;
      bool left = l >= 1 && l == i && i >= 3 && ts.surface(i - 1) == ",";  // "Dyula 5.7%, Bissa"
      if (left) {
        std::size_t k = i - 1;
        while (k > 0 && i - 1 - k < kFigureTokens && figure(k - 1)) --k;
        left = k < i - 1 && k >= 1 && unknown_name(k - 1);
      }
      bool right = r > i + 1 && r + 1 < ts.size() && ts.surface(r) == "," && unknown_name(r + 1);
      if (left || right) return;
    }
    // Glossed by a spelling of its own in brackets ("Amara (Amhara)"): a local form.
    if (i + 3 < ts.size() && ts.surface(i + 1) == "(" && ts.surface(i + 3) == ")" && name_word(ts[i + 2])) {
      std::u32string other = code_points(bare_word(ts, i + 2));
      if (other != folded && edit_distance(folded, other, 2) <= 2) return;
    }
    // Coordinated with a name nobody knows ("the Rundi or Barundi", "Luba and Lunda"): local
    // names of a kind, not a slip for a capital.
    auto coordinated = [&](std::size_t conj, std::size_t other) {
      if (conj >= ts.size()) return false;
      std::string_view c = ts.surface(conj);
      return (c == "and" || c == "or") && unknown_name(other);
    };
    if ((i >= 2 && coordinated(i - 1, i - 2)) || coordinated(i + 1, i + 2)) return;
    // Spelt apart only by an apostrophe ("P'yongyang"): a transliteration.
    std::string plain;
    for (char c : word)
      if (c != '\'') plain.push_back(c);
    if (plain != word && (dict.by_name(plain) || dict.by_capital(plain))) return;

    std::unordered_set<std::string> dels;
    deletions(folded, folded.size() + 1 >= p_.word_long_letters ? 2 : 1, dels);
    std::size_t best = 3;
    std::vector<std::uint32_t> found;
    for (const auto& d : dels) {
      for (auto id : ix.deletes.find(d)) {
        const auto& t = ix.targets[id];
        std::size_t limit = t.folded.size() >= p_.word_long_letters ? 2 : 1;
        std::size_t dist = edit_distance(folded, t.folded, limit);
        if (dist == 0 || dist > limit) continue;
        // Slips keep a word's start: a different first letter makes another name ("Noland",
        // "Billington"); two edits must keep the first two letters.
        if (folded[0] != t.folded[0] || (dist == 2 && folded[1] != t.folded[1])) continue;
        // One letter for another is a slip only next door on the keyboard; "Canterra" for
        // "Canberra" is another name.
        if (dist == 1 && folded.size() == t.folded.size()) {
          std::size_t diff = 0, at = 0;
          for (std::size_t c = 0; c < folded.size(); ++c)
            if (folded[c] != t.folded[c]) ++diff, at = c;
          if (diff == 1 && !slip(folded[at], t.folded[at])) continue;
        }
        // A plural or a name that adds a letter at the end is a word of its own ("two
        // Canadas", "Panamax", "Reuter" for the agency's old name).
        if (folded.size() == t.folded.size() + 1 && folded.compare(0, t.folded.size(), t.folded) == 0) continue;
        if (folded.size() + 1 == t.folded.size() && t.folded.back() == U's' &&
            t.folded.compare(0, folded.size(), folded) == 0)
          continue;
        if (dist < best) best = dist, found.clear();
        if (dist == best && std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
      }
    }
    if (found.empty()) return;
    std::vector<std::string> repl;
    for (auto id : found)
      if (std::find(repl.begin(), repl.end(), ix.targets[id].text) == repl.end()) repl.push_back(ix.targets[id].text);
    if (repl.size() != 1) return;  // two names equally near: no telling which was meant
    if (followed && countries_named(dict, repl[0]).empty()) return;  // only a place heads a place's body
    // The known name a few words away ("Gambie (Gambia)"): the writer knows it, and this is
    // another word on purpose. Only nearby, where one glosses the other: a slip's own word is
    // often written elsewhere in the sentence ("Marine Dumping-London Convention, Marine
    // Dumping-Lohdon Protocol").
    const auto& sentence = ts.sentences()[ts[i].sentence];
    // Or in a bracket after it that translates the name it is part of ("Antartida e Islas del
    // Atlantico Sur (Tierra del Fuego - Antarctica and South Atlantic Islands)").
    std::size_t open = 0;  // the bracket open at t, after i
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
      if (t > i && ts.surface(t) == "(") open = t;
      if (t > i && ts.surface(t) == ")") open = 0;
      if (t == i || !ts[t].is_word() || bare_word(ts, t) != repl[0]) continue;
      if ((t > i ? t - i : i - t) <= kGlossReach || open > i) return;
    }
    std::size_t begin = ts[i].begin, end = ts[i].end - cut;
    std::string message = format_message(ts.text().substr(begin, end - begin), repl[0]);
    out.emit(begin, end, std::move(message), std::move(repl));
  }

  static constexpr std::size_t kFigureTokens = 3;  // "5.7", "%" after a listed name
  static constexpr std::size_t kGlossReach = 4;  // tokens: "Gambie (Gambia)", "Gambie, or Gambia"
  static constexpr std::size_t kLeastListedName = 3;  // bytes; "D" of "D.C." is none

  // The index for this dictionary: the one open_index mapped, or built on first use. Keyed by
  // the objects' addresses plus the entity table's own address and size, so a dictionary loaded
  // later at a reused address is not mistaken for an old one; a few are kept (an editor may
  // reload its dictionaries).
  std::shared_ptr<const NearMissIndex> index_for(const EntityIndex& entities, const dictionary::SpellChecker* spell,
                                                 const std::unordered_set<std::string>* real_names) const {
    CacheKey key = key_of(entities, spell, real_names);
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& c : cache_)
      if (c.first == key) return c.second;
    auto ix = std::make_shared<NearMissIndex>();
    // The image open_index found fresh, read on first use: a run without this rule never
    // decodes it.
    auto mapped = std::find_if(pending_.begin(), pending_.end(), [&](const Pending& p) { return p.key == key; });
    if (mapped != pending_.end()) {
      try {
        read_payload(mapped->payload, *ix);
        ix->map = std::move(mapped->map);
      } catch (const ImageError&) {
        ix = std::make_shared<NearMissIndex>();  // damaged after all: built below
      }
      pending_.erase(mapped);
    }
    if (!ix->map) {
      ix->bytes = write_payload(*build_index(p_, entities, spell, real_names));
      read_payload(ix->bytes, *ix);
    }
    remember(key, ix);
    return ix;
  }

  bool has_index() const override { return true; }

  bool compile_index(const IndexContext& ctx) const override {
    std::uint64_t dict = ctx.entities.dictionary().fingerprint();
    if (dict == 0) throw ImageError(index_path(ctx.dir) + ": cannot write: the entity dictionary has no image");
    auto built = build_index(p_, ctx.entities, ctx.spell, ctx.real_names);
    std::string payload = write_payload(*built);
    ImageWriter w;
    w.magic(kIndexMagic);
    w.u32(kIndexVersion);
    w.u64(fingerprint_);
    w.u64(dict);
    w.u64(names_fingerprint(ctx.real_names));
    w.u32(static_cast<std::uint32_t>(built->spell_answers.size()));
    for (const auto& [word, known] : built->spell_answers) {
      w.str(word);
      w.u8(known ? 1 : 0);
    }
    w.payload_tail(payload);
    write_atomically(index_path(ctx.dir), {w.bytes(), payload});
    return true;
  }

  bool open_index(const IndexContext& ctx) const override {
    auto map = std::make_unique<MappedFile>(index_path(ctx.dir));
    if (map->empty()) return false;
    std::string_view bytes = map->bytes();
    try {
      ImageReader r(bytes.data(), bytes.size());
      if (!r.magic(kIndexMagic) || r.u32() != kIndexVersion || r.u64() != fingerprint_) return false;
      std::uint64_t dict = r.u64();
      if (dict == 0 || dict != ctx.entities.dictionary().fingerprint()) return false;
      if (r.u64() != names_fingerprint(ctx.real_names)) return false;
      for (std::uint32_t n = r.count(5), i = 0; i < n; ++i) {
        std::string word = r.str();
        bool known = r.u8() != 0;
        if (!ctx.spell || ctx.spell->known(word) != known) return false;
      }
      std::string_view payload = r.checked_payload();
      std::lock_guard<std::mutex> lock(mutex_);
      pending_.push_back(Pending{key_of(ctx.entities, ctx.spell, ctx.real_names), std::move(map), payload});
      return true;
    } catch (const ImageError&) {
      return false;  // damaged: built on first use instead
    }
  }

  struct CacheKey {
    const EntityIndex* entities;
    const dictionary::SpellChecker* spell;
    const std::unordered_set<std::string>* real_names;
    const dictionary::Entity* table;
    std::size_t size;
    bool operator==(const CacheKey& o) const {
      return entities == o.entities && spell == o.spell && real_names == o.real_names && table == o.table &&
             size == o.size;
    }
  };
  static CacheKey key_of(const EntityIndex& entities, const dictionary::SpellChecker* spell,
                         const std::unordered_set<std::string>* real_names) {
    const auto& all = entities.dictionary().entities();
    return CacheKey{&entities, spell, real_names, all.data(), all.size()};
  }
  using Cached = std::pair<CacheKey, std::shared_ptr<const NearMissIndex>>;
  // Under mutex_.
  void remember(const CacheKey& key, std::shared_ptr<const NearMissIndex> ix) const {
    if (cache_.size() >= 4) cache_.erase(cache_.begin());
    cache_.emplace_back(key, std::move(ix));
  }
  Params p_;
  std::uint64_t fingerprint_ = 0;  // of the rule's table: an index image is compiled from it
  mutable std::mutex mutex_;
  mutable std::vector<Cached> cache_;
  // Fresh images open_index mapped, not yet read (index_for reads one on first use).
  struct Pending {
    CacheKey key;
    std::unique_ptr<MappedFile> map;
    std::string_view payload;  // within map
  };
  mutable std::vector<Pending> pending_;
};

}  // namespace

std::unique_ptr<Rule> make_entity_near_miss_rule(RuleInfo info, TableReader& table) {
  return std::make_unique<EntityNearMissRule>(std::move(info), table);
}

}  // namespace wirelint::rules
