// The reference dictionary of known entities: countries and territories, historical states and
// former names, news agencies, international organizations, government bodies, armed groups,
// office holders and institutions. Loaded once from the TSV files in dictionaries/entities/
// (see the README there for columns and sources), then frozen: every lookup is const and the
// dictionary may be shared by any number of linting threads.
//
// Each file is one entity type; its header names its columns, and a column the loader does not
// know is an error (file and line), as is a malformed date or a reference to an unknown country.
// A frozen dictionary's entities are views: their strings point into the entity image (or, when
// loaded from the sources, into the same layout built by freeze()), and their lists into two
// pools, so opening the image allocates three arrays and copies no string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "image/flat_table.h"
#include "image/io.h"

namespace wirelint::dictionary {

class EntityError : public std::runtime_error {
 public:
  explicit EntityError(const std::string& what) : std::runtime_error(what) {}
};

enum class EntityType {
  country,       // countries.tsv
  historical,    // historical.tsv: former states and former names
  agency,        // agencies.tsv: news agencies
  organization,  // organizations.tsv: international organizations and their bodies
  government,    // government.tsv: ministries, legislatures, central banks, services, forces
  armed_group,   // armed_groups.tsv
  person,        // office_holders.tsv: one row per term of office
  institution,   // institutions.tsv: universities and think tanks
};

std::string_view to_string(EntityType type);

// A run of values stored elsewhere (the dictionary's pools), read like a const vector.
template <typename T>
class Span {
 public:
  Span() = default;
  Span(const T* p, std::size_t n) : p_(p), n_(static_cast<std::uint32_t>(n)) {}
  const T* begin() const { return p_; }
  const T* end() const { return p_ + n_; }
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const T& operator[](std::size_t i) const { return p_[i]; }
  const T& front() const { return p_[0]; }
  friend bool operator==(const Span& a, const Span& b) {
    if (a.n_ != b.n_) return false;
    for (std::uint32_t i = 0; i < a.n_; ++i)
      if (!(a.p_[i] == b.p_[i])) return false;
    return true;
  }

 private:
  const T* p_ = nullptr;
  std::uint32_t n_ = 0;
};
using Names = Span<std::string_view>;

// A term of office: who held which title for which country, when. `end` empty = still in office
// as far as the dictionary was verified.
struct Term {
  std::string_view title;    // "Foreign Minister", "President"
  std::string_view country;  // country id
  std::optional<Date> start;
  std::optional<Date> end;
  friend bool operator==(const Term& a, const Term& b) {
    return a.title == b.title && a.country == b.country && a.start == b.start && a.end == b.end;
  }
};

// How the near-miss rule may use an entity's names as targets (column `target`): every swap
// (`all`, the default and every curated row), only another country's word in place of the
// name's own (`country`: names a program read from a source, such as the Factbook's parties),
// or none (`none`: a known name only).
enum class NameTarget : std::uint8_t { all, country, none };

// One entity of a frozen dictionary. Its strings are views into the dictionary's image (read in
// place, never copied per entity): an Entity is valid as long as its dictionary.
struct Entity {
  std::string_view id;
  EntityType type = EntityType::country;
  std::string_view name;  // the canonical name as wire copy writes it
  Names aliases;          // other full names (long name, former spellings in use)
  Names abbreviations;    // case-sensitive short forms (KCNA, U.S.)
  Names countries;        // country ids it belongs to (itself for a country)
  Names demonym_adj;      // "North Korean"
  Names demonym_noun;     // "North Korean"
  Names demonym_plural;   // "North Koreans"
  Names capitals;         // for countries; variants included
  Names successors;       // ids
  std::optional<Date> valid_from, valid_to;  // political validity (historical names, terms)
  std::string_view status;       // historical.tsv: historical | both_current | name_reused
  std::string_view kind;         // the file's own sub-kind column (state, dependency, name, ...)
  std::string_view description;  // wire-style description ("Palestinian militant group")
  NameTarget target = NameTarget::all;
  Span<Term> terms;  // persons
};

class EntityDictionary {
 public:
  EntityDictionary();
  ~EntityDictionary();
  EntityDictionary(EntityDictionary&&) noexcept;
  EntityDictionary& operator=(EntityDictionary&&) noexcept;
  // Loads every known *.tsv file in `dir` (a missing file is skipped; an unknown .tsv is an
  // error). Throws EntityError ("file:line: problem").
  void load_directory(const std::string& dir);
  // One file from text; `file` names it in errors, its base name selects the type.
  void load_tsv(std::string_view text, const std::string& file);
  // Resolves references and builds the indexes. Call once after loading.
  void freeze();
  // The loaded entities and their lookup tables in the entity image's form (after freeze()), and
  // back (into an empty dictionary; call freeze() after). read_image reads the tables in place:
  // the bytes `in` reads must outlive the dictionary (keep() holds them). It throws ImageError
  // on a malformed image.
  void write_image(ImageWriter& out) const;
  void read_image(ImageReader& in);
  void keep(std::shared_ptr<const void> bytes) { image_ = std::move(bytes); }

  const std::vector<Entity>& entities() const { return entities_; }
  const Entity* find_id(std::string_view id) const;
  // The indexes of entities() a lookup finds, in the order they were loaded; none when the key
  // is no entity's (read in place from a flat table: image/flat_table.h).
  using Hits = std::optional<FlatValues>;
  // Entities whose name, alias or abbreviation is exactly `surface`.
  Hits by_name(std::string_view surface) const;
  // Countries and historical states whose demonym (adjective, noun or plural) is `surface`.
  Hits by_demonym(std::string_view surface) const;
  // Countries whose capital is `surface`.
  Hits by_capital(std::string_view surface) const;
  std::size_t count(EntityType type) const;
  // What identifies the loaded data for images derived from it (the entity image's payload
  // checksum); 0 when unknown (loaded from the TSV sources), which matches no image.
  std::uint64_t fingerprint() const { return fingerprint_; }
  void set_fingerprint(std::uint64_t f) { fingerprint_ = f; }

  // Date parsing for the dictionary's YYYY or YYYY-MM-DD values; a year alone is its first day
  // (start) or last day (end).
  static std::optional<Date> parse_date(std::string_view s, bool end_of_period);

 private:
  static Hits lookup(const FlatTable& table, std::string_view key);
  // Reads the four lookup tables in place (write_image's order); throws ImageError.
  void open_tables(ImageReader& in);

  // Decodes the entities of an image (write_image's first part) as views into its bytes.
  void read_entities(ImageReader& in);

  struct Loading;  // the rows read from the sources, until freeze()
  std::unique_ptr<Loading> loading_;
  std::vector<Entity> entities_;
  std::vector<std::string_view> names_pool_;  // every entity's lists, one after another
  std::vector<Term> terms_pool_;
  std::unique_ptr<std::string> owned_entities_;  // the entities' bytes when loaded from sources
  // Built by freeze() into owned_, or read from the image: id -> entity, and the lookups.
  FlatTable ids_, names_, demonyms_, capitals_;
  std::unique_ptr<std::string> owned_;
  std::shared_ptr<const void> image_;
  bool tables_from_image_ = false;
  bool frozen_ = false;
  std::uint64_t fingerprint_ = 0;
};

}  // namespace wirelint::dictionary
