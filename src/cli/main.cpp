// wirelint command line: parses options, builds the engine and a session, picks a reporter,
// and turns the outcome into an exit code (0 clean, 1 findings at or above the fail level,
// 2 usage, configuration or input error). Nothing here lints.
#include <CLI/CLI.hpp>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

#include "cli/hook.h"
#include "cli/staged.h"
#include "input/reader.h"
#include "lint/corpus.h"
#include "lint/baseline.h"
#include "lint/batch.h"
#include "lint/engine.h"
#include "lint/session.h"
#include "lint/verify.h"
#include "lsp/server.h"
#include "server/server.h"  // ServerOptions: declarations only; serve() is linked into wirelint-serve
#include "rules/entity_image.h"
#include "rules/rule_image.h"
#include "rules/schema.h"
#include "report/reporter.h"

namespace {

using namespace wirelint;

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

std::vector<std::string> split_ids(const std::vector<std::string>& lists) {
  std::vector<std::string> out;
  for (const auto& list : lists) {
    std::stringstream ss(list);
    std::string id;
    while (std::getline(ss, id, ','))
      if (!id.empty()) out.push_back(id);
  }
  return out;
}

int list_rules(const lint::Engine& engine, bool check) {
  for (const auto& r : engine.rules().rules()) {
    const auto& i = r->info();
    std::string styles;
    for (const auto& s : i.styles) styles += (styles.empty() ? "" : ",") + s;
    std::cout << i.id << "  " << to_string(i.severity) << "  pack=" << i.pack << "  kind=" << i.kind
              << (i.enabled ? "" : "  (off by default)") << (styles.empty() ? "" : "  style=" + styles)
              << (i.fixable ? "  fixable" : "") << "\n";
  }
  if (!check) return kExitClean;
  auto failures = lint::verify_all_examples(engine);
  for (const auto& f : failures) std::cerr << f << "\n";
  std::cerr << engine.rules().rules().size() << " rules, " << failures.size() << " failing examples\n";
  return failures.empty() ? kExitClean : kExitError;
}

// The house styles, each with the rules that only it turns on; then what no style needs.
int list_styles(const lint::Engine& engine) {
  const auto& rules = engine.rules();
  for (const auto& s : rules.styles()) {
    std::cout << s.id << "  " << s.name << "\n";
    for (std::size_t start = 0; start < s.description.size();) {  // the description, indented
      std::size_t nl = s.description.find('\n', start);
      if (nl == std::string::npos) nl = s.description.size();
      std::cout << "    " << s.description.substr(start, nl - start) << "\n";
      start = nl + 1;
    }
    std::string bound;
    for (const auto& r : rules.rules()) {
      const auto& st = r->info().styles;
      if (std::find(st.begin(), st.end(), s.id) != st.end()) bound += (bound.empty() ? "" : ", ") + r->info().id;
    }
    std::cout << "    rules: " << (bound.empty() ? "none of its own" : bound) << "\n";
  }
  if (rules.styles().empty()) std::cout << "no house styles\n";
  std::cout << "\nWith no style (no 'style' in .wirelint.toml, no --style), only rules bound to no style run.\n";
  return kExitClean;
}

int explain(const lint::Engine& engine, const std::string& id) {
  const rules::Rule* r = engine.rules().find(id);
  if (!r) {
    std::cerr << "wirelint: explain: unknown rule '" << id << "'\n";
    return kExitError;
  }
  const auto& i = r->info();
  std::cout << i.id << " (" << to_string(i.severity) << ", pack " << i.pack << ", kind " << i.kind << ")\n";
  std::cout << "Category: " << i.category << "\n";
  if (!i.description.empty()) std::cout << "\n" << i.description << "\n";
  std::cout << "\nMessage: " << i.message << "\n";
  std::cout << "\nFires on:\n";
  for (const auto& e : i.fire) std::cout << "  " << e.text << "\n";
  std::cout << "Stays clean on:\n";
  for (const auto& e : i.clean) std::cout << "  " << e.text << "\n";
  std::cout << "\nFixable: " << (i.fixable ? "yes" : "no") << "\nLink: " << i.link << "\n";
  if (!i.styles.empty()) {
    std::string styles;
    for (const auto& s : i.styles) styles += (styles.empty() ? "" : ", ") + s;
    std::cout << "House styles: " << styles << " (runs only when the configured style is one of them)\n";
  }
  return kExitClean;
}

}  // namespace

// Start-up builds about ten megabytes of tables on the heap (the entity records, the rules'
// trees and phrase sets) and touches each page once: at 4 KB a page that is thousands of page
// faults, the largest part of a cold run's system time. One arena, grown in large steps and
// backed by transparent huge pages where the kernel offers them (madvise mode), takes them in
// 2 MB pages instead. Large blocks stay on the heap too (they would be mapped one by one).
void use_large_heap_pages() {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t kStep = std::size_t{32} << 20;
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kStep));
  mallopt(M_TOP_PAD, static_cast<int>(kStep));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kStep));
  // Grow the heap once (nothing is touched yet) and advise all of it.
  void* first = std::malloc(kStep / 2);
  auto begin = (reinterpret_cast<std::uintptr_t>(first) + kHuge - 1) & ~(kHuge - 1);
  auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  std::free(first);
#endif
}

int main(int argc, char** argv) {
  use_large_heap_pages();
  CLI::App app{"wirelint: a linter for news wire copy", "wirelint"};
  app.set_version_flag("--version", std::string("wirelint ") + WIRELINT_VERSION);

  std::vector<std::string> paths;
  std::string format = "text", stdin_filename = "<stdin>", date_text, config_file, fail_level = "warning";
  std::string color = "auto", data_dir;
  std::vector<std::string> enable, disable, only;
  bool no_config = false, quiet = false;

  app.add_option("paths", paths, "Files or folders to lint; '-' reads standard input");
  app.add_option("--format", format, "Output format")
      ->check(CLI::IsMember(std::vector<std::string>(report::format_names().begin(), report::format_names().end())));
  app.add_option("--stdin-filename", stdin_filename, "Path to report (and find configuration from) for standard input");
  std::size_t max_bytes = std::size_t{64} << 20;
  unsigned jobs = 1;
  app.add_option("-j,--jobs", jobs, "Files (batch: stories) linted at once, on threads (default 1); fixes run one file at a time")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--max-bytes", max_bytes, "Largest input to read, in bytes (default 64 MiB); a larger one is an input error")
      ->check(CLI::PositiveNumber);
  std::size_t segment_bytes = lint::Linter::kSegmentBytes;
  app.add_option("--segment-bytes", segment_bytes,
                 "Read and lint a plain text longer than this a segment at a time, cut at paragraph breaks, so "
                 "memory follows the segment, not the file (default 256 KiB)")
      ->check(CLI::Range(std::size_t{4096}, std::size_t{1} << 30));
  std::string input_format;
  app.add_option("--input-format", input_format,
                 "Read every input as this format (default: by extension, and by content for XML and files "
                 "without one)")
      ->check(CLI::IsMember({"plain", "markdown", "nitf", "newsml", "html"}));
  app.add_option("--date", date_text, "The story's date (YYYY-MM-DD) when the input carries none; default today");
  auto* config_opt = app.add_option("--config", config_file, "Use this configuration file for every input");
  app.add_flag("--no-config", no_config, "Ignore .wirelint.toml files")->excludes(config_opt);
  std::string style;
  app.add_option("--style", style, "House style for every input, over the configuration's (see 'wirelint styles')");
  app.add_option("--enable", enable, "Enable rules (comma-separated ids)")->allow_extra_args(false);
  app.add_option("--disable", disable, "Disable rules (comma-separated ids)")->allow_extra_args(false);
  app.add_option("--only", only, "Run only these rules (comma-separated ids)")->allow_extra_args(false);
  app.add_option("--fail-level", fail_level, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "suggestion"}));
  app.add_flag("--quiet,-q", quiet, "Print findings only: no summary, no notices");
  app.add_option("--color", color, "Colour in text output")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--data-dir", data_dir, "Folder holding rules/ and dictionaries/ (default: built-in)");

  // Fixes and baseline (engine side in lint/fix.h, lint/baseline.h).
  bool fix = false, show_diff = false;
  std::string baseline_file, write_baseline_file;
  auto* fix_opt = app.add_flag("--fix", fix, "Apply unambiguous fixes in place ('-': print the fixed text)");
  app.add_flag("--diff", show_diff, "Print a unified diff of what --fix would change; write nothing")->excludes(fix_opt);
  app.add_option("--baseline", baseline_file, "Report only findings not recorded in this baseline file");
  app.add_option("--write-baseline", write_baseline_file, "Record the current findings in this file; report none");

  auto* rules_cmd = app.add_subcommand("rules", "List the rules with severity and pack");
  bool check_examples = false;
  rules_cmd->add_flag("--check", check_examples, "Also run every rule's examples; exit 2 if any fails");
  auto* styles_cmd = app.add_subcommand("styles", "List the house styles and the rules each one turns on");
  auto* explain_cmd = app.add_subcommand("explain", "Explain one rule: message, examples, link");
  std::string explain_id;
  explain_cmd->add_option("rule", explain_id, "Rule id")->required();

  // Git pre-commit: lint what the index holds; install or remove a hook that does so.
  bool staged = false;
  app.add_flag("--staged", staged, "Lint the staged content of the stories staged for commit (git index)");
  auto* hook_cmd = app.add_subcommand("hook", "Install or remove a git pre-commit hook running wirelint --staged");
  hook_cmd->require_subcommand(1);
  auto* hook_install_cmd = hook_cmd->add_subcommand("install", "Write the pre-commit hook");
  bool hook_chain = false;
  hook_install_cmd->add_flag("--chain", hook_chain, "Keep an existing pre-commit hook and run it first");
  hook_cmd->add_subcommand("uninstall", "Remove the hook; restore a chained one");

  auto* dictionary_cmd = app.add_subcommand("dictionary", "Count the known entities per type");
  auto* corpus_cmd = app.add_subcommand(
      "corpus", "Lint a JSON-lines corpus or a folder, each story at its own date; findings per rule per 10,000 words");
  std::string corpus_path;
  lint::CorpusOptions corpus_options;
  corpus_cmd->add_option("corpus", corpus_path, "JSON-lines file (id, date, body) or folder")->required();
  corpus_cmd->add_option("--part", corpus_options.part, "Stories to use: all, even or odd (by position)")
      ->check(CLI::IsMember({"all", "even", "odd"}));
  corpus_cmd->add_option("--examples", corpus_options.examples, "Examples to print per rule");
  corpus_cmd->fallthrough();
  corpus_cmd->add_option("--limit", corpus_options.limit, "Stop after this many stories");

  corpus_cmd->add_option("--findings", corpus_options.findings_path,
                         "Also write every story's word count and every finding as JSON lines to this file");

  auto* batch_cmd = app.add_subcommand(
      "batch", "Lint a JSON-lines archive (id, date, text or body): one JSON line of findings per story, in order");
  std::string batch_input = "-";
  batch_cmd->add_option("archive", batch_input, "JSON-lines file; '-' or none reads standard input");
  std::size_t batch_first_line = 1;
  batch_cmd->add_option("--first-line", batch_first_line,
                        "Number of the input's first line, for a shard of a larger archive (default 1)")
      ->check(CLI::PositiveNumber);
  batch_cmd->fallthrough();

  auto* models_cmd = app.add_subcommand("models", "The compiled models (synonyms, bigrams, entities) and rules: size, whether the image is used, load time");
  auto* models_compile_cmd =
      models_cmd->add_subcommand("compile", "Compile the synonym and bigram tables, the entity dictionary and the rule files into their images");

  auto* lsp_cmd = app.add_subcommand("lsp", "Run as a language server (LSP 3.17) on standard input and output");

  auto* serve_cmd = app.add_subcommand("serve", "Run an HTTP server that speaks LanguageTool's API (POST /v2/check)");
  server::ServerOptions serve_options;
  long long serve_timeout_ms = serve_options.deadline.count();
  serve_cmd->add_option("--host", serve_options.host, "Address to listen on (default 127.0.0.1: this machine only)");
  serve_cmd->add_option("--port", serve_options.port, "Port to listen on (default 8081; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--max-body-bytes", serve_options.max_body_bytes, "Largest request body (default 1 MiB); more is 413")
      ->check(CLI::PositiveNumber);
  serve_cmd->add_option("--timeout-ms", serve_timeout_ms, "Time one check may take (default 10000); more is 503")
      ->check(CLI::PositiveNumber);
  serve_cmd->add_option("--max-concurrent", serve_options.max_concurrent, "Checks at once (default 4); more wait")
      ->check(CLI::PositiveNumber);
  serve_cmd->add_option("--max-queue", serve_options.max_queue, "Checks waiting for a slot (default 8); more is 503");
  serve_cmd->add_option("--style", serve_options.style, "House style for every request (see 'wirelint styles')");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitClean : kExitError;
  }

#ifndef WIRELINT_SERVER
  // The HTTP server lives in its own binary beside this one (wirelint-serve, the same front end
  // linked with the server): its HTTP, TLS and compression libraries cost every other command
  // several milliseconds of loading and initialisation. Same arguments, same process.
  if (*serve_cmd) {
    std::error_code ec;
    auto self = std::filesystem::canonical("/proc/self/exe", ec);
    std::string server = (ec ? std::filesystem::path(argc > 0 ? argv[0] : "wirelint") : self).parent_path() / "wirelint-serve";
    std::vector<char*> args(argv, argv + argc);
    args.push_back(nullptr);
    args[0] = server.data();
    ::execv(server.c_str(), args.data());
    std::cerr << "wirelint: cannot run " << server << ": " << std::strerror(errno) << "\n";
    return kExitError;
  }
#endif

  // --fix rewrites files and --diff describes such rewrites: the index is not a file.
  if ((fix || show_diff) && staged) {
    std::cerr << "wirelint: --fix and --diff do not apply to --staged (the index is not a file to rewrite)\n";
    return kExitError;
  }

  // Before the engine loads: the hook needs none, and a commit without stories passes at once.
  std::vector<cli::StagedStory> staged_stories;
  try {
    if (*hook_cmd) {
      if (*hook_install_cmd)
        return cli::hook_install(cli::self_binary(argc > 0 ? argv[0] : ""), hook_chain, std::cout, std::cerr);
      return cli::hook_uninstall(std::cout, std::cerr);
    }
    if (staged) {
      if (!paths.empty()) {
        std::cerr << "wirelint: --staged takes no paths: it lints the stories staged for commit\n";
        return kExitError;
      }
      // read_staged_stories moves to the top of the work tree: anchor relative paths first.
      if (!config_file.empty()) config_file = std::filesystem::absolute(config_file).string();
      if (!data_dir.empty()) data_dir = std::filesystem::absolute(data_dir).string();
      for (std::string* f : {&baseline_file, &write_baseline_file})
        if (!f->empty()) *f = std::filesystem::absolute(*f).string();
      cli::StagedOptions staged_options;
      staged_options.use_config = !no_config;
      if (!config_file.empty()) staged_options.config_file = config_file;
      staged_stories = cli::read_staged_stories(staged_options);
      if (staged_stories.empty()) return kExitClean;
    }
  } catch (const cli::StagedError& e) {
    std::cerr << "wirelint: " << e.what() << "\n";
    return kExitError;
  } catch (const lint::ConfigError& e) {
    std::cerr << "wirelint: " << e.what() << "\n";
    return kExitError;
  } catch (const std::exception& e) {
    std::cerr << "wirelint: internal error: " << e.what() << "\n";
    return kExitError;
  }

  try {
    if (data_dir.empty()) data_dir = lint::find_data_dir(argc > 0 ? argv[0] : "");
    if (*models_compile_cmd) {
      std::size_t indexes = 0;
      dictionary::LanguageWords::Compiled languages;
      try {
        for (auto m : lint::Engine::kTableModels) {
          auto files = lint::Engine::table_files(data_dir, m);
          models::SynonymModel::compile(files.sources, files.image);
        }
        rules::compile_entity_image(lint::Engine::entity_dir(data_dir), lint::Engine::entity_image(data_dir));
        lint::Engine::compile_word_lists(data_dir);
        auto rules_dir = lint::Engine::rules_dir(data_dir);
        rules::compile_rule_image(rules_dir, rules::rule_image_path(rules_dir));
        // Then the rules' own indexes of the dictionaries, from the images just written, and the
        // other languages' words (marked where English writes them too).
        lint::Engine compiled(data_dir);
        indexes = compiled.compile_indexes();
        languages = compiled.compile_language_words();
      } catch (const rules::LoadError& e) {
        throw lint::EngineError(e.what());
      } catch (const models::SynonymError& e) {
        throw lint::EngineError(e.what());
      } catch (const dictionary::EntityError& e) {
        throw lint::EngineError(e.what());
      } catch (const ImageError& e) {
        throw lint::EngineError(e.what());
      }
      std::cout << "wrote";
      for (auto m : lint::Engine::kTableModels) std::cout << " " << lint::Engine::table_files(data_dir, m).image << ",";
      std::cout << " " << lint::Engine::entity_image(data_dir) << ", "
                << rules::rule_image_path(lint::Engine::rules_dir(data_dir)) << " and " << indexes
                << (indexes == 1 ? " rule index" : " rule indexes") << " in " << lint::Engine::entity_dir(data_dir)
                << "\n";
      std::cout << "wrote " << lint::Engine::word_lists_image(data_dir) << "\n";
      std::cout << "wrote " << lint::Engine::language_image(data_dir) << " (" << languages.words
                << " words of other languages)\n";
      // A list whose package is not installed is left out: the spelling rule then knows fewer
      // words of other languages (scripts/setup.sh installs them all).
      for (const auto& m : languages.missing)
        std::cerr << "wirelint: " << lint::Engine::language_lists(data_dir) << ": cannot read " << m
                  << ": left out\n";
      return kExitClean;
    }
    // Never destroyed: tearing down the dictionaries costs milliseconds at exit and the process
    // is ending anyway. Held by a static so leak checkers see it as reachable.
    static const lint::Engine* const kEngine = new lint::Engine(data_dir);
    const lint::Engine& engine = *kEngine;
    if (*lsp_cmd) {
      // The protocol is bytes with Content-Length counts: no stdio syncing, no translation.
      std::ios::sync_with_stdio(false);
      return lsp::run(engine, std::cin, std::cout, &std::cerr, /*background_lint=*/true);
    }
    if (*serve_cmd) {
      if (!serve_options.style.empty() && !engine.rules().find_style(serve_options.style)) {
        std::cerr << "wirelint: unknown house style '" << serve_options.style << "' (see 'wirelint styles')\n";
        return kExitError;
      }
      serve_options.deadline = std::chrono::milliseconds(serve_timeout_ms);
#ifdef WIRELINT_SERVER
      return server::serve(engine, serve_options, std::cerr);
#else
      return kExitError;  // exec'd wirelint-serve above
#endif
    }
    if (*rules_cmd) return list_rules(engine, check_examples);
    if (*explain_cmd) return explain(engine, explain_id);
    if (*styles_cmd) return list_styles(engine);
    if (*dictionary_cmd) {
      using dictionary::EntityType;
      for (auto t : {EntityType::country, EntityType::historical, EntityType::agency, EntityType::organization,
                     EntityType::government, EntityType::armed_group, EntityType::person, EntityType::institution})
        std::cout << dictionary::to_string(t) << "\t" << engine.entities().count(t) << "\n";
      return kExitClean;
    }
    if (*models_cmd) {
      for (auto m : lint::Engine::kTableModels) {
        auto [name, sources, image] = lint::Engine::table_files(data_dir, m);
        auto start = std::chrono::steady_clock::now();
        auto model = models::SynonymModel::open(sources, image);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::cout << name << "\t" << model->words() << " words\t" << model->pairs() << " pairs\t"
                  << (model->from_image() ? "image " : "compiled from sources (image missing or stale) ") << image
                  << "\topened in " << ms << " ms\n";
      }
      {
        auto start = std::chrono::steady_clock::now();
        dictionary::EntityDictionary dict;
        auto index = rules::open_entity_image(lint::Engine::entity_dir(data_dir), lint::Engine::entity_image(data_dir), dict);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::cout << "entities\t" << dict.entities().size() << " entities\t"
                  << (index ? "image " : "no usable image (missing, stale or corrupt): the sources are loaded ")
                  << lint::Engine::entity_image(data_dir) << "\topened in " << ms << " ms\n";
      }
      const auto& use = engine.rules().image_use();
      std::cout << "rules\t" << use.from_image + use.parsed << " files\t" << use.from_image << " from the image "
                << rules::rule_image_path(lint::Engine::rules_dir(data_dir)) << ", " << use.parsed
                << " parsed (new, edited, or no image)\n";
      for (const auto& rule : engine.rules().rules())
        if (rule->has_index())
          std::cout << "index\t" << rule->info().id << "\t"
                    << (engine.index_mapped(rule->info().id) ? "image " : "built on first use (image missing or stale) ")
                    << rule->index_path(lint::Engine::entity_dir(data_dir)) << "\n";
      std::cout << "word lists\t"
                << (engine.spell().lists_mapped() ? "image, with the vocabulary and exact names, "
                                                  : "read from the lists (image missing or stale) ")
                << lint::Engine::word_lists_image(data_dir) << "\n";
      if (const auto* words = engine.spell().language_words()) {  // the checker's own mapping
        std::cout << "languages\t" << words->size() << " words";
        for (const auto& c : words->codes()) std::cout << " " << c;
        std::cout << ", the languages of " << words->countries() << " countries";
        if (words->problem().empty()) std::cout << "\timage " << lint::Engine::language_image(data_dir) << "\n";
        else std::cout << "\tno usable image: " << words->problem() << "\n";
      }
      return kExitClean;
    }
    // The rules of the corpus and batch commands: the defaults of --style, then --enable,
    // --disable and --only. These commands find no .wirelint.toml of their own (an archive is
    // not a folder of stories); a configuration named with --config applies to every story:
    // its rules, thresholds and house n-gram table.
    std::optional<lint::Session> config_session;
    auto command_line_selection = [&]() -> lint::RuleSelection {
      if (!style.empty() && !engine.rules().find_style(style))
        throw lint::EngineError("--style: unknown house style '" + style + "' (see 'wirelint styles')");
      if (!config_file.empty()) {
        lint::SessionOptions options;
        options.config_file = config_file;
        if (!style.empty()) options.style = style;
        options.enable = split_ids(enable);
        options.disable = split_ids(disable);
        options.only = split_ids(only);
        config_session.emplace(engine, std::move(options), std::cerr);
        return config_session->selection(config_file);
      }
      auto selection = lint::RuleSelection::defaults(engine.rules(), style);
      if (auto bad = selection.apply_overrides(engine.rules(), split_ids(enable), split_ids(disable), split_ids(only)))
        throw lint::EngineError("unknown rule '" + *bad + "'");
      return selection;
    };
    if (*batch_cmd) {
      auto selection = command_line_selection();
      lint::BatchOptions batch_options;
      batch_options.jobs = jobs;  // -j: stories at once
      batch_options.max_bytes = max_bytes;
      batch_options.name = batch_input == "-" ? stdin_filename : batch_input;
      batch_options.first_line = batch_first_line;
      batch_options.diagnostics_json = report::diagnostics_json;
      if (!date_text.empty()) {
        auto d = Date::parse(date_text);
        if (!d) throw lint::EngineError("--date: expected YYYY-MM-DD, got '" + date_text + "'");
        batch_options.default_date = *d;
      }
      std::ios::sync_with_stdio(false);
      std::ifstream file;
      if (batch_input != "-") {
        if (std::filesystem::is_directory(batch_input))
          throw lint::EngineError(batch_input + ": is a folder; batch reads one JSON-lines file");
        file.open(batch_input, std::ios::binary);
        if (!file) throw lint::EngineError(batch_input + ": cannot read archive");
      }
      auto result = lint::run_batch(engine, selection, batch_input == "-" ? std::cin : file, std::cout, std::cerr,
                                    batch_options);
      std::cout.flush();
      if (result.errors > 0) return kExitError;
      return result.at_least[static_cast<int>(*parse_severity(fail_level))] > 0 ? kExitFindings : kExitClean;
    }
    if (*corpus_cmd) {
      auto selection = command_line_selection();
      auto report = lint::run_corpus(engine, selection, corpus_path, corpus_options);
      lint::print_corpus_report(report, std::cout);
      return kExitClean;
    }

    if (paths.empty() && !staged) {
      std::cerr << "wirelint: no input: give files or folders to lint, or '-' for standard input (see --help)\n";
      return kExitError;
    }
    lint::SessionOptions options;
    if (!date_text.empty()) {
      auto d = Date::parse(date_text);
      if (!d) {
        std::cerr << "wirelint: --date: expected YYYY-MM-DD, got '" << date_text << "'\n";
        return kExitError;
      }
      options.date = *d;
    }
    if (!input_format.empty()) options.input_format = input::parse_format_name(input_format);
    options.use_config = !no_config;
    if (!config_file.empty()) options.config_file = config_file;
    options.enable = split_ids(enable);
    if (!style.empty()) options.style = style;
    options.disable = split_ids(disable);
    options.only = split_ids(only);
    options.quiet = quiet;
    options.max_bytes = max_bytes;
    options.segment_bytes = segment_bytes;
    // One file at a time: its scanning rules on two threads (a story's lint would leave a core
    // idle); with --jobs the files themselves share the cores.
    options.rule_threads = jobs == 1 ? std::min(2u, std::max(1u, std::thread::hardware_concurrency())) : 1;
    options.jobs = jobs;
    // Fixes and baseline: when standard output carries text (a diff, or fixed standard input),
    // the report goes to standard error so the two never mix.
    options.fix = show_diff ? lint::FixMode::diff : fix ? lint::FixMode::write : lint::FixMode::off;
    options.fix_output = &std::cout;
    const bool report_to_stderr = show_diff || (fix && std::find(paths.begin(), paths.end(), "-") != paths.end());
    lint::Baseline baseline_in, baseline_out;
    if (!baseline_file.empty()) {
      baseline_in = lint::Baseline::load(baseline_file);
      options.baseline = &baseline_in;
    }
    if (!write_baseline_file.empty()) options.record_baseline = &baseline_out;

    report::ReporterOptions ropts;
    const char* no_color = std::getenv("NO_COLOR");
    ropts.color = color == "always" ||
                  (color == "auto" && isatty(STDOUT_FILENO) && !(no_color && *no_color));
    ropts.quiet = quiet;
    // SARIF describes each rule it reports; the other formats ignore the catalog.
    if (format == "sarif") {
      ropts.tool_version = WIRELINT_VERSION;
      for (const auto& r : engine.rules().rules())
        ropts.rule_catalog[r->info().id] = report::RuleDoc{r->info().description, r->info().severity};
    }
    auto sink = report::make_reporter(format, std::cout, ropts);
    if (report_to_stderr) sink = report::make_reporter(format, std::cerr, ropts);
    struct DiscardSink : DiagnosticSink {
      void diagnostic(const Document&, const Diagnostic&) override {}
    };
    if (!write_baseline_file.empty()) sink = std::make_unique<DiscardSink>();

    lint::Session session(engine, options, std::cerr);
    for (auto& story : staged_stories) session.lint_bytes(story.path, std::move(story.bytes), *sink);
    // Runs of files and folders are linted together (at once with --jobs); '-' in between.
    std::vector<std::string> run;
    for (const auto& p : paths) {
      if (p != "-") {
        run.push_back(p);
        continue;
      }
      session.lint_paths(run, *sink);
      run.clear();
      session.lint_stream(stdin_filename, std::cin, *sink);
    }
    session.lint_paths(run, *sink);
    sink->finish();
    if (!write_baseline_file.empty()) {
      baseline_out.save(write_baseline_file);
      if (!quiet)
        std::cerr << "wirelint: recorded " << baseline_out.entries().size() << " findings in " << write_baseline_file
                  << "\n";
      return session.input_errors() > 0 ? kExitError : kExitClean;
    }
    std::cout.flush();
    if (session.input_errors() > 0) return kExitError;
    return session.count_at_least(*parse_severity(fail_level)) > 0 ? kExitFindings : kExitClean;
  } catch (const lint::EngineError& e) {
    std::cerr << "wirelint: " << e.what() << "\n";
  } catch (const lint::ConfigError& e) {
    std::cerr << "wirelint: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "wirelint: internal error: " << e.what() << "\n";
  }
  return kExitError;
}
