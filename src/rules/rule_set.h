// All loaded rules, immutable once compiled. Loading reads rule files (TOML, or their trees
// from the compiled rule image) with a strict schema; compile() gathers every rule's phrases into one shared PhraseSet, so the text is
// matched once whatever the number of phrase rules.
//
// Layout on disk: <rules dir>/<pack>/<id>.toml, where <id> starts with "<pack>-". Files are
// loaded in sorted order, so rule order (and output order for ties) is deterministic.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/phrase_set.h"
#include "rules/context.h"
#include "rules/rule.h"

namespace wirelint::rules {

struct RuleFile;
struct Node;
class RuleImage;

// A house style: a set of conventions (punctuation at quotation marks, spellings) that rules
// bound to it (`styles` in a rule file) encode. Listed in <rules dir>/house-styles.toml.
struct HouseStyle {
  std::string id;    // "ap"
  std::string name;  // "AP / US wire style"
  std::string description;
};

struct PhraseOwner {
  std::uint32_t rule = 0;   // index into rules()
  std::uint32_t local = 0;  // the rule's own id for the phrase
};

class RuleSet {
 public:
  RuleSet() = default;
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;
  RuleSet(RuleSet&&) = default;
  RuleSet& operator=(RuleSet&&) = default;

  // Every pack folder under `dir`, and its house-styles.toml and context.toml when there are
  // any; each file's tree comes from the rule image <dir>/rules.bin when that holds its exact
  // text (rules/rule_image.h), else from parsing its TOML. Throws LoadError, also for a rule
  // bound to a style that file does not list and for a corrupt image.
  void load_directory(const std::string& dir);
  // House styles from TOML text (`[[style]]` tables with id, name, description), or from its
  // tree. Throws LoadError.
  void load_styles(std::string_view toml_text, const std::string& file);
  void load_styles(const Node& root, const std::string& file);
  // One pack folder (its *.toml files). Throws LoadError.
  void load_pack(const std::string& dir);
  // One rule from TOML text; `file` names it in errors and its stem must equal the id; `pack`
  // is the pack it belongs to. Throws LoadError.
  void load_rule(std::string_view toml_text, const std::string& file, const std::string& pack);
  // The same from the rule file's tree (rules/node.h).
  void load_rule(const Node& root, const std::string& file, const std::string& pack);

  // Builds the shared phrase set. Call once after loading.
  void compile();

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  // Index of the rule with `id`, or -1.
  int index_of(std::string_view id) const;
  const Rule* find(std::string_view id) const;

  const std::vector<HouseStyle>& styles() const { return styles_; }
  // The words the story context is computed with (<rules dir>/context.toml; empty without it).
  const ContextData& context_data() const { return context_; }
  void set_context_data(ContextData d) { context_ = std::move(d); }
  const HouseStyle* find_style(std::string_view id) const;

  // How many of load_directory's files came from the rule image and how many were parsed.
  struct ImageUse {
    std::size_t from_image = 0;
    std::size_t parsed = 0;
  };
  const ImageUse& image_use() const { return image_use_; }

  const match::PhraseSet& phrases() const { return phrases_; }
  const std::vector<PhraseOwner>& phrase_owners() const { return owners_; }

 private:
  void load_files(std::vector<RuleFile>& files, const RuleImage* image);
  void add_rule(std::unique_ptr<Rule> rule);
  static std::unique_ptr<Rule> parse_rule(std::string_view toml_text, const std::string& file,
                                          const std::string& pack);
  static std::unique_ptr<Rule> build_rule(const Node& root, const std::string& file, const std::string& pack);

  std::vector<std::unique_ptr<Rule>> rules_;
  std::unordered_map<std::string, int> by_id_;
  match::PhraseSet phrases_;
  std::vector<PhraseOwner> owners_;
  std::vector<HouseStyle> styles_;
  ContextData context_;
  ImageUse image_use_;
};

}  // namespace wirelint::rules
