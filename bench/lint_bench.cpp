// Engine benchmarks: what a run costs before the first story (loading rules and dictionaries,
// the first Hunspell question), and per story once warm (tokenizing, linting a 5 KB story,
// throughput on about 1 MB). Inputs are built by repeating samples/spun-story.txt, so every
// case sees wire-like prose with findings in it.
//
//   ./build/bench/wirelint_bench                        all cases
//   ./build/bench/wirelint_bench --benchmark_filter=Lint
//
// Build with -DCMAKE_BUILD_TYPE=Release (or RelWithDebInfo) for numbers worth quoting.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "input/reader.h"
#include "lint/engine.h"
#include "lint/linter.h"
#include "models/synonyms.h"
#include "rules/entity_image.h"
#include "tokenize/tokens.h"

namespace {

using namespace wirelint;

// Rules and dictionaries: $WIRELINT_DATA_DIR if set (to time a fixed snapshot of the data),
// else this source tree. The sample always comes from the source tree.
const std::string kSourceDir = WIRELINT_SOURCE_DIR;
const std::string kDataDir = [] {
  const char* env = std::getenv("WIRELINT_DATA_DIR");
  return env && *env ? std::string(env) : kSourceDir;
}();

const std::string& sample() {
  static const std::string text = [] {
    std::ifstream in(kSourceDir + "/samples/spun-story.txt", std::ios::binary);
    if (!in) throw std::runtime_error("cannot read samples/spun-story.txt under " + kSourceDir);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

// Whole copies of the sample, then whole lines of it, up to `bytes` (never splits a line, so
// the text stays valid UTF-8 and every sentence is complete).
std::string story_of_size(std::size_t bytes) {
  std::string out;
  const std::string& s = sample();
  while (out.size() + s.size() <= bytes) out += s;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t nl = s.find('\n', pos);
    std::size_t end = nl == std::string::npos ? s.size() : nl + 1;
    if (out.size() + (end - pos) > bytes) break;
    out.append(s, pos, end - pos);
    pos = end;
  }
  return out;
}

const lint::Engine& engine() {
  static lint::Engine e(kDataDir);
  return e;
}

// Every rule on, default rules and those off by default alike.
lint::RuleSelection all_rules(const lint::Engine& e) {
  lint::RuleSelection s = lint::RuleSelection::defaults(e.rules());
  std::fill(s.enabled.begin(), s.enabled.end(), true);
  return s;
}

std::unique_ptr<Document> prepared(const std::string& text) {
  return input::prepare("bench.txt", text, InputFormat::plain).doc;
}

const Date kDate{2024, 5, 2};

// Rules parsed, validated and compiled; word lists read. Hunspell itself loads lazily.
void BM_EngineLoad(benchmark::State& state) {
  for (auto _ : state) {
    lint::Engine e(kDataDir);
    benchmark::DoNotOptimize(&e);
  }
}
BENCHMARK(BM_EngineLoad)->Unit(benchmark::kMillisecond);

// Engine load plus linting one story with a fresh engine (word lists read, caches cold, and
// Hunspell loaded if a word the expanded list lacks needs its verdict). This is what a one-file
// command-line run pays before printing.
void BM_EngineLoadAndFirstLint(benchmark::State& state) {
  const std::string text = story_of_size(5 * 1024);
  for (auto _ : state) {
    lint::Engine e(kDataDir);
    auto doc = prepared(text);
    auto found = e.linter().lint(*doc, all_rules(e), kDate);
    benchmark::DoNotOptimize(found.data());
  }
}
BENCHMARK(BM_EngineLoadAndFirstLint)->Unit(benchmark::kMillisecond);

// Loading Hunspell's .aff/.dic pair alone, on the first question only Hunspell can answer;
// engine construction is outside the timed region.
void BM_FirstHunspellLoad(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto e = std::make_unique<lint::Engine>(kDataDir);
    state.ResumeTiming();
    benchmark::DoNotOptimize(e->spell().hunspell_knows("difficulties"));
    state.PauseTiming();
    e.reset();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_FirstHunspellLoad)->Unit(benchmark::kMillisecond);

// The first lint of a 5 KB story on a fresh engine whose Hunspell is already loaded: what is
// left is the per-word caches filling, above all the suggestion search for each distinct
// unknown word (BM_Lint5KB repeats the same story, so it never pays this).
void BM_FirstLintColdCaches(benchmark::State& state) {
  const std::string text = story_of_size(5 * 1024);
  for (auto _ : state) {
    state.PauseTiming();
    auto e = std::make_unique<lint::Engine>(kDataDir);
    benchmark::DoNotOptimize(e->spell().hunspell_knows("difficulties"));
    auto selection = all_rules(*e);
    state.ResumeTiming();
    auto doc = prepared(text);
    auto found = e->linter().lint(*doc, selection, kDate);
    benchmark::DoNotOptimize(found.data());
    state.PauseTiming();
    e.reset();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_FirstLintColdCaches)->Unit(benchmark::kMillisecond);

void BM_Tokenize5KB(benchmark::State& state) {
  const auto doc = prepared(story_of_size(5 * 1024));
  for (auto _ : state) {
    tokenize::TokenStream tokens(doc->text);
    benchmark::DoNotOptimize(tokens.tokens().data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(doc->text.size()));
}
BENCHMARK(BM_Tokenize5KB)->Unit(benchmark::kMicrosecond);

// Reading (UTF-8 check, masking, NFC, line index) and linting with every rule, warm engine.
void BM_Lint5KB(benchmark::State& state) {
  const lint::Engine& e = engine();
  const auto selection = all_rules(e);
  const std::string text = story_of_size(5 * 1024);
  e.linter().lint(*prepared(text), selection, kDate);  // fill the per-word caches
  std::size_t findings = 0;
  for (auto _ : state) {
    auto doc = prepared(text);
    auto found = e.linter().lint(*doc, selection, kDate);
    findings = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Lint5KB)->Unit(benchmark::kMicrosecond);

// About 1 MB of story in one document, every rule on, warm engine.
void BM_Throughput1MB(benchmark::State& state) {
  const lint::Engine& e = engine();
  const auto selection = all_rules(e);
  const std::string text = story_of_size(1024 * 1024);
  e.linter().lint(*prepared(story_of_size(5 * 1024)), selection, kDate);
  for (auto _ : state) {
    auto doc = prepared(text);
    auto found = e.linter().lint(*doc, selection, kDate);
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Throughput1MB)->Unit(benchmark::kMillisecond);

// One run-on sentence listing former states (state.range(0) items): each mention is judged on
// the words around it, so time grows with the list's length, not with its square.
void BM_RunOnListOfFormerStates(benchmark::State& state) {
  const lint::Engine& e = engine();
  const auto selection = all_rules(e);
  std::string text = "Exports went to ";
  for (std::int64_t k = 0; k < state.range(0); ++k) text += "West Germany, Transjordan, ";
  text += "and Japan on Monday.\n";
  for (auto _ : state) {
    auto doc = prepared(text);
    auto found = e.linter().lint(*doc, selection, kDate);
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_RunOnListOfFormerStates)->Arg(1000)->Arg(4000)->Unit(benchmark::kMillisecond);

}  // namespace

// The synonym model: opening its memory-mapped image (what every process pays), compiling its
// TSV sources in memory (what a stale image costs), and one relation() lookup with morphology.
static lint::Engine::TableFiles synonym_files() { return lint::Engine::table_files(kDataDir, lint::Engine::TableModel::synonyms); }

void BM_SynonymImageOpen(benchmark::State& state) {
  auto [name, sources, image] = synonym_files();
  for (auto _ : state) {
    auto m = models::SynonymModel::open(sources, image);
    if (!m->from_image()) state.SkipWithError("synonyms.bin is missing or stale: build first");
    benchmark::DoNotOptimize(m.get());
  }
}
BENCHMARK(BM_SynonymImageOpen)->Unit(benchmark::kMicrosecond);

void BM_SynonymCompileInMemory(benchmark::State& state) {
  auto sources = synonym_files().sources;
  for (auto _ : state) {
    auto m = models::SynonymModel::open(sources, "");
    benchmark::DoNotOptimize(m.get());
  }
}
BENCHMARK(BM_SynonymCompileInMemory)->Unit(benchmark::kMillisecond);

void BM_SynonymRelation(benchmark::State& state) {
  auto files = synonym_files();
  auto m = models::SynonymModel::open(files.sources, files.image);
  const std::pair<const char*, const char*> pairs[] = {
      {"Prime", "Foremost"}, {"Foreign", "Outside"}, {"Guards", "Watchmen"}, {"Defence", "Safeguard"},
      {"Department", "Branch"}, {"News", "Intelligence"}, {"Treaty", "Bank"}, {"Central", "Asian"}};
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& p = pairs[i++ % 8];
    benchmark::DoNotOptimize(m->relation(p.first, p.second));
  }
}
BENCHMARK(BM_SynonymRelation)->Unit(benchmark::kNanosecond);

// The entity dictionary and its name index: read from the compiled image, and loaded and
// indexed from the TSV sources (what a missing or stale image costs).
void BM_EntityImageOpen(benchmark::State& state) {
  for (auto _ : state) {
    dictionary::EntityDictionary dict;
    auto index = rules::open_entity_image(lint::Engine::entity_dir(kDataDir), lint::Engine::entity_image(kDataDir), dict);
    if (!index) state.SkipWithError("entities.bin is missing or stale: build first");
    benchmark::DoNotOptimize(index.get());
  }
}
BENCHMARK(BM_EntityImageOpen)->Unit(benchmark::kMillisecond);

void BM_EntitySourcesLoadAndIndex(benchmark::State& state) {
  for (auto _ : state) {
    dictionary::EntityDictionary dict;
    dict.load_directory(lint::Engine::entity_dir(kDataDir));
    dict.freeze();
    rules::EntityIndex index(dict);
    benchmark::DoNotOptimize(&index);
  }
}
BENCHMARK(BM_EntitySourcesLoadAndIndex)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
