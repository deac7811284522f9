// The reference dictionary of known entities: countries and territories, historical states and
// former names, news agencies, international organizations, government bodies, armed groups,
// office holders and institutions. Loaded once from the TSV files in dictionaries/entities/
// (see the README there for columns and sources), then frozen: every lookup is const and the
// dictionary may be shared by any number of linting threads.
//
// Each file is one entity type; its header names its columns, and a column the loader does not
// know is an error (file and line), as is a malformed date or a reference to an unknown country.
// Cost: a few milliseconds for some thousand rows; lookups are hash-map finds.
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

// A term of office: who held which title for which country, when. `end` empty = still in office
// as far as the dictionary was verified.
struct Term {
  std::string title;    // "Foreign Minister", "President"
  std::string country;  // country id
  std::optional<Date> start;
  std::optional<Date> end;
};

// How the near-miss rule may use an entity's names as targets (column `target`): every swap
// (`all`, the default and every curated row), only another country's word in place of the
// name's own (`country`: names a program read from a source, such as the Factbook's parties),
// or none (`none`: a known name only).
enum class NameTarget : std::uint8_t { all, country, none };

struct Entity {
  std::string id;
  EntityType type = EntityType::country;
  std::string name;                        // the canonical name as wire copy writes it
  std::vector<std::string> aliases;        // other full names (long name, former spellings in use)
  std::vector<std::string> abbreviations;  // case-sensitive short forms (KCNA, U.S.)
  std::vector<std::string> countries;      // country ids it belongs to (itself for a country)
  std::vector<std::string> demonym_adj;    // "North Korean"
  std::vector<std::string> demonym_noun;   // "North Korean"
  std::vector<std::string> demonym_plural; // "North Koreans"
  std::vector<std::string> capitals;       // for countries; variants included
  std::vector<std::string> successors;     // ids
  std::optional<Date> valid_from, valid_to;  // political validity (historical names, terms)
  std::string status;       // historical.tsv: historical | both_current | name_reused
  std::string kind;         // the file's own sub-kind column (state, dependency, name, ...)
  std::string description;  // wire-style description ("Palestinian militant group")
  NameTarget target = NameTarget::all;
  std::vector<Term> terms;  // persons
};

class EntityDictionary {
 public:
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

  std::vector<Entity> entities_;
  std::unordered_map<std::string, std::size_t> by_id_;  // while loading the sources
  // Built by freeze() into owned_, or read from the image: id -> entity, and the lookups.
  FlatTable ids_, names_, demonyms_, capitals_;
  std::unique_ptr<std::string> owned_;
  std::shared_ptr<const void> image_;
  bool tables_from_image_ = false;
  bool frozen_ = false;
  std::uint64_t fingerprint_ = 0;
};

}  // namespace wirelint::dictionary
