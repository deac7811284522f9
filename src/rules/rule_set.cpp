#include "rules/rule_set.h"

#include <algorithm>
#include <optional>
#include <atomic>
#include <exception>
#include <thread>
#include <filesystem>

#include "rules/kind.h"
#include "rules/rule_image.h"
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

// One rule file on its way in: read, then parsed or taken from the image (on any thread), then
// added (in order).
struct RuleFile {
  RuleSource source;
  std::string text;
  bool from_image = false;  // the image holds a tree of exactly this text
  std::unique_ptr<Rule> rule;
  std::exception_ptr error;
};

void RuleSet::load_directory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw LoadError(dir + ": rules directory not found");
  auto image = RuleImage::open(rule_image_path(dir));
  std::vector<RuleFile> files;
  std::optional<RuleFile> styles, context;
  for (auto& s : rule_sources(dir)) {
    auto& slot = s.pack.empty() ? (s.relative == "context.toml" ? context : styles).emplace() : files.emplace_back();
    slot.source = std::move(s);
  }
  load_files(files, image ? &*image : nullptr);
  // A data file beside the packs: from the image when it holds this text, else parsed.
  auto tree_of = [&](RuleFile& f) {
    f.text = read_data_file(f.source.path, "file");
    f.from_image = image && image->holds(f.source.relative, f.text);
    ++(f.from_image ? image_use_.from_image : image_use_.parsed);
    return f.from_image ? image->tree(f.source.relative) : parse_table(f.text, f.source.path.string());
  };
  fs::path styles_path = fs::path(dir) / "house-styles.toml";
  if (styles) load_styles(tree_of(*styles), styles->source.path.string());
  if (context) context_ = ContextData::read(tree_of(*context), context->source.path.string());
  for (const auto& r : rules_)
    for (const auto& s : r->info().styles)
      if (!find_style(s))
        throw LoadError(r->info().file + ": 'styles': unknown house style '" + s + "' (" + styles_path.string() +
                        " lists the styles)");
}

void RuleSet::load_styles(std::string_view toml_text, const std::string& file) {
  load_styles(parse_table(toml_text, file), file);
}

void RuleSet::load_styles(const Node& root, const std::string& file) {
  const Node* list = root.find("style");
  if (!list || list->type != NodeType::array || root.children.size() != 1)
    throw LoadError(file + ":1: expected only [[style]] tables");
  for (const auto& node : list->children) {
    if (node.type != NodeType::table)
      throw LoadError(file + ":" + std::to_string(node.line) + ": 'style': expected a table");
    TableReader table(node, file);
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
  for (auto& s : pack_sources(dir)) files.emplace_back().source = std::move(s);
  load_files(files, nullptr);
}

// Building a rule touches nothing shared, so files are parsed (or read from the image's trees)
// on two threads (start-up is most of a single story's run time), the largest first; rules are
// then added in file order, so ids, order and the first error reported are the same as a
// sequential load.
void RuleSet::load_files(std::vector<RuleFile>& files, const RuleImage* image) {
  for (auto& f : files) {
    f.text = read_data_file(f.source.path, "rule file");
    f.from_image = image && image->holds(f.source.relative, f.text);
    ++(f.from_image ? image_use_.from_image : image_use_.parsed);
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
        const std::string file = f.source.path.string();
        f.rule = f.from_image ? build_rule(image->tree(f.source.relative), file, f.source.pack)
                              : parse_rule(f.text, file, f.source.pack);
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

void RuleSet::load_rule(const Node& root, const std::string& file, const std::string& pack) {
  add_rule(build_rule(root, file, pack));
}

void RuleSet::add_rule(std::unique_ptr<Rule> rule) {
  const auto& info = rule->info();
  if (by_id_.count(info.id))
    throw LoadError(info.file + ":" + std::to_string(info.line) + ": 'id': duplicate rule id '" + info.id + "'");
  by_id_.emplace(info.id, static_cast<int>(rules_.size()));
  rules_.push_back(std::move(rule));
}

std::unique_ptr<Rule> RuleSet::parse_rule(std::string_view toml_text, const std::string& file, const std::string& pack) {
  return build_rule(parse_table(toml_text, file), file, pack);
}

std::unique_ptr<Rule> RuleSet::build_rule(const Node& root, const std::string& file, const std::string& pack) {
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
