#include "rules/rule_set.h"

#include <algorithm>
#include <optional>
#include <atomic>
#include <exception>
#include <thread>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/kind.h"
#include "rules/schema.h"

namespace fs = std::filesystem;

namespace wirelint::rules {
namespace {

bool kebab(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return id.find("--") == std::string_view::npos;
}

std::vector<Example> examples(TableReader& table, const std::string& key) {
  std::vector<Example> out;
  std::size_t line = table.line_of(key);
  for (auto& s : table.strings(key)) out.push_back(Example{std::move(s), line});
  return out;
}

class Registrar : public PhraseRegistrar {
 public:
  Registrar(match::PhraseSetBuilder& builder, std::vector<PhraseOwner>& owners, std::uint32_t rule)
      : builder_(builder), owners_(owners), rule_(rule) {}
  bool add(const std::vector<std::string>& folded, std::uint32_t local) override {
    auto id = builder_.add(folded);
    if (id == match::PhraseSetBuilder::kInvalid) return false;
    owners_.resize(std::max<std::size_t>(owners_.size(), id + 1));
    owners_[id] = PhraseOwner{rule_, local};
    return true;
  }

 private:
  match::PhraseSetBuilder& builder_;
  std::vector<PhraseOwner>& owners_;
  std::uint32_t rule_;
};

}  // namespace

// One rule file on its way in: read, then parsed (on any thread), then added (in order).
struct RuleFile {
  fs::path path;
  std::string pack;
  std::string text;
  std::unique_ptr<Rule> rule;
  std::exception_ptr error;
};

namespace {

std::vector<fs::path> toml_files(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string pack_name(const fs::path& dir) {
  std::string pack = dir.filename().string();
  return pack.empty() ? dir.parent_path().filename().string() : pack;
}

}  // namespace

void RuleSet::load_directory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw LoadError(dir + ": rules directory not found");
  std::vector<fs::path> packs;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory()) packs.push_back(e.path());
  std::sort(packs.begin(), packs.end());
  std::vector<RuleFile> files;
  for (const auto& p : packs)
    for (auto& f : toml_files(p)) files.push_back(RuleFile{f, pack_name(p), {}, nullptr, nullptr});
  load_files(files);
  // A data file beside the packs, when there is one: its text, or nothing.
  auto beside = [&](const char* name) -> std::optional<std::string> {
    fs::path path = fs::path(dir) / name;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LoadError(path.string() + ": cannot read file");
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
  };
  fs::path styles = fs::path(dir) / "house-styles.toml";
  if (auto text = beside("house-styles.toml")) load_styles(*text, styles.string());
  if (auto text = beside("context.toml")) context_ = ContextData::parse(*text, (fs::path(dir) / "context.toml").string());
  for (const auto& r : rules_)
    for (const auto& s : r->info().styles)
      if (!find_style(s))
        throw LoadError(r->info().file + ": 'styles': unknown house style '" + s + "' (" + styles.string() +
                        " lists the styles)");
}

void RuleSet::load_styles(std::string_view toml_text, const std::string& file) {
  toml::table root = parse_table(toml_text, file);
  const auto* list = root["style"].as_array();
  if (!list || root.size() != 1) throw LoadError(file + ":1: expected only [[style]] tables");
  for (const auto& node : *list) {
    const auto* t = node.as_table();
    std::size_t line = node.source().begin.line;
    if (!t) throw LoadError(file + ":" + std::to_string(line) + ": 'style': expected a table");
    TableReader table(*t, file);
    HouseStyle s;
    s.id = table.required_string("id");
    if (!kebab(s.id)) table.fail("id", "must be kebab-case (a-z, 0-9, '-')");
    if (find_style(s.id)) table.fail("id", "duplicate house style '" + s.id + "'");
    s.name = table.required_string("name");
    s.description = table.required_string("description");
    table.finish();
    styles_.push_back(std::move(s));
  }
}

const HouseStyle* RuleSet::find_style(std::string_view id) const {
  for (const auto& s : styles_)
    if (s.id == id) return &s;
  return nullptr;
}

void RuleSet::load_pack(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw LoadError(dir + ": rule pack directory not found");
  std::vector<RuleFile> files;
  for (auto& f : toml_files(dir)) files.push_back(RuleFile{f, pack_name(dir), {}, nullptr, nullptr});
  load_files(files);
}

// Parsing a rule file touches nothing shared, so files are parsed on two threads (start-up is
// most of a single story's run time), the largest first; rules are then added in file order,
// so ids, order and the first error reported are the same as a sequential load.
void RuleSet::load_files(std::vector<RuleFile>& files) {
  for (auto& f : files) {
    std::ifstream in(f.path, std::ios::binary);
    if (!in) throw LoadError(f.path.string() + ": cannot read rule file");
    std::ostringstream buf;
    buf << in.rdbuf();
    f.text = buf.str();
  }
  std::vector<std::size_t> order(files.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return files[a].text.size() > files[b].text.size(); });
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < order.size();) {
      RuleFile& f = files[order[k]];
      try {
        f.rule = parse_rule(f.text, f.path.string(), f.pack);
      } catch (...) {
        f.error = std::current_exception();
      }
    }
  };
  if (files.size() > 1) {
    std::thread helper(work);
    work();
    helper.join();
  } else {
    work();
  }
  for (auto& f : files) {
    if (f.error) std::rethrow_exception(f.error);
    add_rule(std::move(f.rule));
  }
}

void RuleSet::load_rule(std::string_view toml_text, const std::string& file, const std::string& pack) {
  add_rule(parse_rule(toml_text, file, pack));
}

void RuleSet::add_rule(std::unique_ptr<Rule> rule) {
  const auto& info = rule->info();
  if (by_id_.count(info.id))
    throw LoadError(info.file + ":" + std::to_string(info.line) + ": 'id': duplicate rule id '" + info.id + "'");
  by_id_.emplace(info.id, static_cast<int>(rules_.size()));
  rules_.push_back(std::move(rule));
}

std::unique_ptr<Rule> RuleSet::parse_rule(std::string_view toml_text, const std::string& file, const std::string& pack) {
  toml::table root = parse_table(toml_text, file);
  TableReader table(root, file);
  RuleInfo info;
  info.file = file;
  info.pack = pack;
  info.id = table.required_string("id");
  info.line = table.line_of("id");
  if (!kebab(info.id)) table.fail("id", "must be kebab-case (a-z, 0-9, '-')");
  std::string stem = fs::path(file).stem().string();
  if (stem != info.id) table.fail("id", "must equal the file name '" + stem + "'");
  if (info.id.rfind(pack + "-", 0) != 0) table.fail("id", "must start with the pack name '" + pack + "-'");
  info.kind = table.required_string("kind");
  const KindFactory* factory = find_kind(info.kind);
  if (!factory) {
    std::string known;
    for (const auto& k : kind_names()) known += (known.empty() ? "" : ", ") + k;
    table.fail("kind", "unknown rule kind '" + info.kind + "' (known: " + known + ")");
  }
  auto sev = parse_severity(table.required_string("severity"));
  if (!sev) table.fail("severity", "expected error, warning or suggestion");
  info.severity = *sev;
  info.message = table.required_string("message");
  info.description = table.string("description").value_or("");
  info.category = table.required_string("category");
  info.link = table.string("link").value_or("rules/" + pack + "/" + info.id + ".toml");
  info.fixable = table.boolean("fixable").value_or(false);
  info.enabled = table.boolean("enabled").value_or(true);
  info.fallback = table.boolean("fallback").value_or(false);
  info.styles = table.strings("styles");
  for (const auto& c : table.strings("unless_context")) {
    if (c == "quoted") info.unless_quoted = true;
    else if (c == "framed") info.unless_framed = true;
    else if (c == "attributed") info.unless_attributed = true;
    else if (c == "headline") info.unless_headline = true;
    else if (c == "byline") info.unless_byline = true;
    else if (c == "dateline") info.unless_dateline = true;
    else if (c == "title-case-headline") info.unless_title_case_headline = true;
    else
      table.fail("unless_context",
                 "expected quoted, framed, attributed, headline, title-case-headline, byline or dateline, got \"" + c + "\"");
  }
  for (const auto& s : info.styles)
    if (!kebab(s)) table.fail("styles", "a house style's id is kebab-case, got '" + s + "'");
  if (auto ex = table.table("examples")) {
    info.fire = examples(*ex, "fire");
    info.clean = examples(*ex, "clean");
    ex->finish();
  }
  if (info.fire.empty()) table.fail(table.line(), "rule '" + info.id + "' needs at least one [examples] fire text");
  if (info.clean.empty()) table.fail(table.line(), "rule '" + info.id + "' needs at least one [examples] clean text");
  auto rule = (*factory)(std::move(info), table);
  table.finish();
  return rule;
}

void RuleSet::compile() {
  match::PhraseSetBuilder builder;
  owners_.clear();
  for (std::uint32_t i = 0; i < rules_.size(); ++i) {
    Registrar reg(builder, owners_, i);
    rules_[i]->register_phrases(reg);
  }
  phrases_ = std::move(builder).compile();
}

int RuleSet::index_of(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

const Rule* RuleSet::find(std::string_view id) const {
  int i = index_of(id);
  return i < 0 ? nullptr : rules_[i].get();
}

}  // namespace wirelint::rules
