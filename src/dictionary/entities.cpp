#include "dictionary/entities.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace wirelint::dictionary {
namespace {

struct FileType {
  const char* file;
  EntityType type;
};

// The files the loader knows, in load order (countries first: others refer to them).
constexpr FileType kFiles[] = {
    {"countries.tsv", EntityType::country},       {"historical.tsv", EntityType::historical},
    {"agencies.tsv", EntityType::agency},         {"organizations.tsv", EntityType::organization},
    {"government.tsv", EntityType::government},   {"armed_groups.tsv", EntityType::armed_group},
    {"office_holders.tsv", EntityType::person},   {"institutions.tsv", EntityType::institution},
};
// Inputs of tools/gen_entities.py, not dictionary files.
constexpr const char* kGeneratorInputs[] = {"overrides.tsv"};

const std::set<std::string>& known_columns() {
  static const std::set<std::string> columns = {
      "id", "iso2", "iso3", "gec", "kind", "name", "short_name", "long_name", "aliases",
      "abbreviations", "country", "countries", "demonym_adj", "demonym_noun", "demonym_plural",
      "capitals", "capital_variants", "former_names", "valid_from", "valid_to", "start", "end",
      "successors", "status", "description", "title", "source", "note", "target"};
  return columns;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find(sep, start);
    std::string part(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (!part.empty()) out.push_back(std::move(part));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// An entity as the sources give it, owning its strings, until freeze() writes it out.
struct Record {
  std::string id;
  EntityType type = EntityType::country;
  std::string name;
  std::vector<std::string> aliases, abbreviations, countries, demonym_adj, demonym_noun, demonym_plural, capitals,
      successors;
  std::optional<Date> valid_from, valid_to;
  std::string status, kind, description;
  NameTarget target = NameTarget::all;
  struct OwnedTerm {
    std::string title, country;
    std::optional<Date> start, end;
  };
  std::vector<OwnedTerm> terms;
};

void append(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& s : from)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

}  // namespace

struct EntityDictionary::Loading {
  std::vector<Record> records;
  std::unordered_map<std::string, std::size_t> by_id;
};

EntityDictionary::EntityDictionary() : loading_(std::make_unique<Loading>()) {}
EntityDictionary::~EntityDictionary() = default;
EntityDictionary::EntityDictionary(EntityDictionary&&) noexcept = default;
EntityDictionary& EntityDictionary::operator=(EntityDictionary&&) noexcept = default;

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::country: return "country";
    case EntityType::historical: return "historical";
    case EntityType::agency: return "agency";
    case EntityType::organization: return "organization";
    case EntityType::government: return "government";
    case EntityType::armed_group: return "armed_group";
    case EntityType::person: return "person";
    case EntityType::institution: return "institution";
  }
  return "country";
}

std::optional<Date> EntityDictionary::parse_date(std::string_view s, bool end_of_period) {
  if (s.size() == 4) {
    for (char c : s)
      if (c < '0' || c > '9') return std::nullopt;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    return end_of_period ? Date{y, 12, 31} : Date{y, 1, 1};
  }
  return Date::parse(s);
}

// The file kind of an entity file: "office_holders.tsv" and "office_holders-wikidata.tsv" are
// both office holders; a pack of rows needs a new file, never new code.
static const FileType* file_type(const std::string& base) {
  if (base.size() < 4 || base.compare(base.size() - 4, 4, ".tsv") != 0) return nullptr;
  std::string stem = base.substr(0, base.size() - 4);
  std::string kind = stem.substr(0, stem.find('-'));
  if (kind.size() != stem.size() && kind.size() + 1 == stem.size()) return nullptr;  // "kind-.tsv"
  for (const auto& f : kFiles)
    if (kind + ".tsv" == f.file) return &f;
  return nullptr;
}

void EntityDictionary::load_directory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw EntityError(dir + ": entity dictionary folder not found");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".tsv") continue;
    std::string name = e.path().filename().string();
    bool known = file_type(name) || std::any_of(std::begin(kGeneratorInputs), std::end(kGeneratorInputs),
                                                [&](const char* f) { return name == f; });
    if (!known) throw EntityError(e.path().string() + ": unknown entity file (see dictionaries/entities/README.md)");
    if (file_type(name)) names.push_back(name);
  }
  // Kinds in load order (countries first: others refer to them); within a kind, the main file
  // first, then its parts by name.
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.substr(0, a.size() - 4) < b.substr(0, b.size() - 4);
  });
  for (const auto& f : kFiles)
    for (const auto& name : names) {
      if (file_type(name) != &f) continue;
      fs::path p = fs::path(dir) / name;
      std::ifstream in(p, std::ios::binary);
      if (!in) throw EntityError(p.string() + ": cannot read");
      std::ostringstream buf;
      buf << in.rdbuf();
      load_tsv(buf.str(), p.string());
    }
}

void EntityDictionary::load_tsv(std::string_view text, const std::string& file) {
  if (frozen_ || !loading_) throw EntityError(file + ": dictionary already frozen");
  auto& records = loading_->records;
  auto& by_id = loading_->by_id;
  std::string base = fs::path(file).filename().string();
  const FileType* ft = file_type(base);
  if (!ft) throw EntityError(file + ": unknown entity file (see dictionaries/entities/README.md)");

  std::vector<std::string> header;
  std::map<std::string, std::size_t, std::less<>> column;  // header name -> cell index
  std::size_t line_no = 0, pos = 0;
  auto fail = [&](const std::string& problem) {
    throw EntityError(file + ":" + std::to_string(line_no) + ": " + problem);
  };
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cells;  // views into `text`: no copy per cell
    cells.reserve(header.empty() ? 16 : header.size());
    {
      std::size_t start = 0;
      while (true) {
        std::size_t t = line.find('\t', start);
        cells.emplace_back(line.substr(start, t == std::string_view::npos ? std::string_view::npos : t - start));
        if (t == std::string_view::npos) break;
        start = t + 1;
      }
    }
    if (header.empty()) {
      header.assign(cells.begin(), cells.end());
      for (const auto& c : header)
        if (!known_columns().count(c)) fail("unknown column '" + c + "'");
      if (std::find(header.begin(), header.end(), "id") == header.end()) fail("no 'id' column");
      for (std::size_t i = 0; i < header.size(); ++i) column.emplace(header[i], i);
      continue;
    }
    if (cells.size() != header.size())
      fail("expected " + std::to_string(header.size()) + " tab-separated fields, found " + std::to_string(cells.size()));
    auto get = [&](std::string_view k) -> std::string_view {
      auto it = column.find(k);
      return it == column.end() ? std::string_view() : cells[it->second];
    };
    auto date = [&](const char* k, bool end) -> std::optional<Date> {
      std::string v(get(k));
      if (v.empty()) return std::nullopt;
      auto d = parse_date(v, end);
      if (!d) fail("'" + std::string(k) + "': expected YYYY or YYYY-MM-DD, got '" + v + "'");
      return d;
    };
    std::string id(get("id"));
    if (id.empty()) fail("empty id");

    if (ft->type == EntityType::person) {
      // One row per term: rows with the same id are one person.
      Record::OwnedTerm term{std::string(get("title")), std::string(get("country")), date("start", false),
                             date("end", true)};
      if (term.title.empty() || term.country.empty()) fail("an office holder needs 'title' and 'country'");
      auto it = by_id.find(id);
      if (it == by_id.end()) {
        Record e;
        e.id = id;
        e.type = EntityType::person;
        e.name = std::string(get("name"));
        if (e.name.empty()) fail("empty name");
        e.aliases = split(get("aliases"), '|');
        it = by_id.emplace(id, records.size()).first;
        records.push_back(std::move(e));
      }
      Record& e = records[it->second];
      append(e.countries, {term.country});
      e.terms.push_back(std::move(term));
      continue;
    }

    if (by_id.count(id)) fail("duplicate id '" + id + "'");
    Record e;
    e.id = id;
    e.type = ft->type;
    e.name = std::string(get("name").empty() ? get("short_name") : get("name"));
    if (e.name.empty()) fail("empty name");
    append(e.aliases, split(get("long_name"), '|'));
    append(e.aliases, split(get("aliases"), '|'));
    e.abbreviations = split(get("abbreviations"), '|');
    e.countries = split(get("countries"), '|');
    append(e.countries, split(get("country"), '|'));
    if (e.type == EntityType::country) e.countries = {id};
    e.demonym_adj = split(get("demonym_adj"), '|');
    e.demonym_noun = split(get("demonym_noun"), '|');
    e.demonym_plural = split(get("demonym_plural"), '|');
    e.capitals = split(get("capitals"), '|');
    append(e.capitals, split(get("capital_variants"), '|'));
    e.successors = split(get("successors"), '|');
    e.valid_from = date("valid_from", false);
    e.valid_to = date("valid_to", true);
    e.status = std::string(get("status"));
    e.kind = std::string(get("kind"));
    e.description = std::string(get("description"));
    std::string_view target = get("target");
    if (target == "country") e.target = NameTarget::country;
    else if (target == "none") e.target = NameTarget::none;
    else if (!target.empty() && target != "all")
      fail("'target': expected all, country or none, got '" + std::string(target) + "'");
    by_id.emplace(id, records.size());
    records.push_back(std::move(e));
  }
}

namespace {

void write_date(ImageWriter& out, const std::optional<Date>& d) {
  out.u8(d ? 1 : 0);
  if (d) {
    out.u32(static_cast<std::uint32_t>(d->year));
    out.u8(static_cast<std::uint8_t>(d->month));
    out.u8(static_cast<std::uint8_t>(d->day));
  }
}

std::optional<Date> read_date(ImageReader& in) {
  if (!in.u8()) return std::nullopt;
  Date d;
  d.year = static_cast<int>(in.u32());
  d.month = in.u8();
  d.day = in.u8();
  return d;
}

// The entities' part of the image: their number, the number of names in all their lists and
// of terms (so the pools are sized once and the views into them stay valid), then each entity.
template <typename E, typename Each>
void write_entities(ImageWriter& out, const std::vector<E>& all, Each&& each_list) {
  std::size_t names = 0, terms = 0;
  for (const auto& e : all) {
    each_list(e, [&](const auto& list) { names += list.size(); });
    terms += e.terms.size();
  }
  out.u32(static_cast<std::uint32_t>(all.size()));
  out.u32(static_cast<std::uint32_t>(names));
  out.u32(static_cast<std::uint32_t>(terms));
  for (const auto& e : all) {
    out.str(e.id);
    out.u8(static_cast<std::uint8_t>(e.type));
    out.str(e.name);
    each_list(e, [&](const auto& list) {
      out.u32(static_cast<std::uint32_t>(list.size()));
      for (const auto& s : list) out.str(s);
    });
    write_date(out, e.valid_from);
    write_date(out, e.valid_to);
    out.str(e.status);
    out.str(e.kind);
    out.str(e.description);
    out.u8(static_cast<std::uint8_t>(e.target));
    out.u32(static_cast<std::uint32_t>(e.terms.size()));
    for (const auto& t : e.terms) {
      out.str(t.title);
      out.str(t.country);
      write_date(out, t.start);
      write_date(out, t.end);
    }
  }
}

// Calls f on each list of an entity (a Record or an Entity), in the image's order.
struct EachList {
  template <typename E, typename F>
  void operator()(const E& e, F&& f) const {
    for (const auto* list : {&e.aliases, &e.abbreviations, &e.countries, &e.demonym_adj, &e.demonym_noun,
                             &e.demonym_plural, &e.capitals, &e.successors})
      f(*list);
  }
};

}  // namespace

void EntityDictionary::write_image(ImageWriter& out) const {
  if (!frozen_) throw EntityError("entity image: the dictionary is not frozen");
  write_entities(out, entities_, EachList{});
  for (const auto* table : {&ids_, &names_, &demonyms_, &capitals_}) out.str(table->bytes());
}

void EntityDictionary::read_entities(ImageReader& in) {
  std::uint32_t count = in.count(16), names = in.count(4), terms = in.count(10);
  entities_.resize(count);
  names_pool_.reserve(names);
  terms_pool_.reserve(terms);
  auto view = [&]() { return in.bytes(in.u32()); };
  for (auto& e : entities_) {
    e.id = view();
    std::uint8_t type = in.u8();
    if (type > static_cast<std::uint8_t>(EntityType::institution)) throw ImageError("corrupt image: entity type");
    e.type = static_cast<EntityType>(type);
    e.name = view();
    for (auto* list : {&e.aliases, &e.abbreviations, &e.countries, &e.demonym_adj, &e.demonym_noun,
                       &e.demonym_plural, &e.capitals, &e.successors}) {
      std::uint32_t n = in.count(4);
      // The pool never grows past its reserve, so the views already taken stay valid.
      if (n > names_pool_.capacity() - names_pool_.size()) throw ImageError("corrupt image: entity names");
      std::size_t first = names_pool_.size();
      for (std::uint32_t k = 0; k < n; ++k) names_pool_.push_back(view());
      *list = Names(names_pool_.data() + first, n);
    }
    e.valid_from = read_date(in);
    e.valid_to = read_date(in);
    e.status = view();
    e.kind = view();
    e.description = view();
    std::uint8_t target = in.u8();
    if (target > static_cast<std::uint8_t>(NameTarget::none)) throw ImageError("corrupt image: name target");
    e.target = static_cast<NameTarget>(target);
    std::uint32_t n = in.count(10);
    if (n > terms_pool_.capacity() - terms_pool_.size()) throw ImageError("corrupt image: entity terms");
    std::size_t first = terms_pool_.size();
    for (std::uint32_t k = 0; k < n; ++k) {
      Term t;
      t.title = view();
      t.country = view();
      t.start = read_date(in);
      t.end = read_date(in);
      terms_pool_.push_back(t);
    }
    e.terms = Span<Term>(terms_pool_.data() + first, n);
  }
}

void EntityDictionary::read_image(ImageReader& in) {
  if (frozen_ || !loading_ || !loading_->records.empty() || !entities_.empty())
    throw EntityError("entity image: the dictionary is not empty");
  loading_.reset();
  read_entities(in);
  open_tables(in);
  tables_from_image_ = true;
}

void EntityDictionary::freeze() {
  if (frozen_) return;
  frozen_ = true;
  if (tables_from_image_) return;  // compiled from sources that were checked as below
  const auto& records = loading_->records;
  const auto& by_id = loading_->by_id;
  bool have_countries = std::any_of(records.begin(), records.end(),
                                    [](const Record& r) { return r.type == EntityType::country; });
  // Each index lists an entity once per key, in load order.
  FlatTableBuilder ids, names, demonyms, capitals;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const Record& e = records[i];
    if (have_countries)
      for (const auto& c : e.countries) {
        auto it = by_id.find(c);
        if (it == by_id.end() || records[it->second].type != EntityType::country)
          throw EntityError("entity '" + e.id + "': unknown country id '" + c + "'");
      }
    ids.add(e.id, i);
    names.add_once(e.name, i);
    for (const auto& a : e.aliases) names.add_once(a, i);
    for (const auto& a : e.abbreviations) names.add_once(a, i);
    for (const auto* list : {&e.demonym_adj, &e.demonym_noun, &e.demonym_plural})
      for (const auto& d : *list) demonyms.add_once(d, i);
    for (const auto& c : e.capitals) capitals.add_once(c, i);
  }
  // The entities go through the image's own layout, so both ways of loading give the same views.
  ImageWriter entities;
  write_entities(entities, records, EachList{});
  owned_entities_ = std::make_unique<std::string>(std::move(entities).take());
  loading_.reset();
  ImageReader in(owned_entities_->data(), owned_entities_->size());
  read_entities(in);
  ImageWriter w;
  for (const auto* b : {&ids, &names, &demonyms, &capitals}) w.str(b->build());
  owned_ = std::make_unique<std::string>(std::move(w).take());
  ImageReader r(owned_->data(), owned_->size());
  open_tables(r);
}

void EntityDictionary::open_tables(ImageReader& in) {
  for (auto* table : {&ids_, &names_, &demonyms_, &capitals_})
    if (!table->open(in.bytes(in.u32())) || !table->values_below(static_cast<std::uint32_t>(entities_.size())))
      throw ImageError("corrupt image: a malformed entity table");
}

const Entity* EntityDictionary::find_id(std::string_view id) const {
  if (!frozen_) return nullptr;  // entities exist once frozen
  auto hit = ids_.find(id);
  return hit.empty() ? nullptr : &entities_[hit[0]];
}

EntityDictionary::Hits EntityDictionary::lookup(const FlatTable& table, std::string_view key) {
  bool found = false;
  auto values = table.find(key, &found);
  if (!found) return std::nullopt;
  return values;
}

EntityDictionary::Hits EntityDictionary::by_name(std::string_view s) const { return lookup(names_, s); }
EntityDictionary::Hits EntityDictionary::by_demonym(std::string_view s) const { return lookup(demonyms_, s); }
EntityDictionary::Hits EntityDictionary::by_capital(std::string_view s) const { return lookup(capitals_, s); }

std::size_t EntityDictionary::count(EntityType type) const {
  return static_cast<std::size_t>(
      std::count_if(entities_.begin(), entities_.end(), [&](const Entity& e) { return e.type == type; }));
}

}  // namespace wirelint::dictionary
