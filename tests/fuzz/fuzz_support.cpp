#include "fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

#include "input/reader.h"
#include "lint/linter.h"

namespace wirelint::fuzz {

void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what.c_str());
  std::abort();
}

const lint::Engine& engine() {
  static const lint::Engine* e = new lint::Engine(WIRELINT_SOURCE_DIR);
  return *e;
}

void check_rule_examples(rules::RuleSet& set) {
  set.compile();
  const auto& e = engine();
  lint::Linter linter(set, &e.spell(), &e.entity_index(), &e.synonyms(), nullptr, &e.bigrams(), nullptr, &e.ngrams());
  auto selection = lint::RuleSelection::only(set, 0);
  const auto& info = set.rules()[0]->info();
  for (const auto* examples : {&info.fire, &info.clean}) {
    for (const auto& ex : *examples) {
      auto prepared = input::prepare("example.txt", ex.text, InputFormat::plain);
      for (const auto& d : linter.lint(*prepared.doc, selection, Date{2024, 3, 1}))
        if (d.span.end() > prepared.doc->source.size()) fail("finding outside the example");
    }
  }
}

namespace {

void check_map(const std::vector<std::uint32_t>& map, const Document& doc, const char* name) {
  if (map.empty()) return;
  if (map.size() != doc.text.size() + 1)
    fail(std::string(name) + ": " + std::to_string(map.size()) + " entries for " + std::to_string(doc.text.size()) +
         " text bytes");
  for (std::size_t i = 0; i < map.size(); ++i) {
    if (map[i] > doc.source.size()) fail(std::string(name) + ": entry " + std::to_string(i) + " past the source");
    if (i > 0 && map[i] < map[i - 1]) fail(std::string(name) + ": decreases at " + std::to_string(i));
  }
}

}  // namespace

void check_document(const Document& doc) {
  // A refused markup file has no text (and no map); any other text without a map is the source's length.
  if (doc.text_to_source.empty() && !doc.text.empty() && doc.text.size() != doc.source.size())
    fail("identity map but text and source differ in length");
  check_map(doc.text_to_source, doc, "text_to_source");
  check_map(doc.text_end_to_source, doc, "text_end_to_source");
  std::size_t last_end = 0;
  for (const auto& r : doc.text_nodes) {
    if (r.begin > r.end || r.end > doc.source.size() || r.begin < last_end) fail("text node out of order or bounds");
    last_end = r.end;
  }
  for (std::size_t at : {std::size_t{0}, doc.source.size() / 2, doc.source.size()}) {
    auto p = doc.lines.position(at);
    if (p.line < 1 || p.column < 1) fail("line index: no position for offset " + std::to_string(at));
  }
}

void check_error_names_file(std::string_view message, std::string_view file) {
  if (message.substr(0, file.size()) != file) fail("error does not start with the file name: " + std::string(message));
  if (message.find('\n') != std::string_view::npos) fail("error spans lines: " + std::string(message));
}

}  // namespace wirelint::fuzz
