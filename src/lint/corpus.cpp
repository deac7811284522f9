#include "lint/corpus.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>

#include "input/reader.h"

namespace fs = std::filesystem;

namespace wirelint::lint {
namespace {

struct Story {
  std::string id;
  std::string body;
  std::optional<Date> date;
  std::string path;  // for format detection
};

std::string context_of(const std::string& text, std::size_t offset, std::size_t length) {
  std::size_t b = offset > 60 ? offset - 60 : 0, e = std::min(text.size(), offset + length + 60);
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  std::string s = text.substr(b, e - b);
  for (auto& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

bool selected(const std::string& part, std::size_t index) {
  if (part == "even") return index % 2 == 0;
  if (part == "odd") return index % 2 == 1;
  return true;
}

}  // namespace

CorpusReport run_corpus(const Engine& engine, const RuleSelection& selection, const std::string& path,
                        const CorpusOptions& options) {
  if (options.part != "all" && options.part != "even" && options.part != "odd")
    throw EngineError("--part: expected all, even or odd");
  std::vector<Story> stories;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(path, ec))
      if (e.is_regular_file() && (e.path().extension() == ".txt" ||
                                  input::format_for_path(e.path().string()) == InputFormat::markdown))
        files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream buf;
      buf << in.rdbuf();
      stories.push_back(Story{f.filename().string(), buf.str(), std::nullopt, f.string()});
    }
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw EngineError(path + ": cannot read corpus");
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("body") || !j["body"].is_string())
        throw EngineError(path + ":" + std::to_string(n) + ": expected a JSON object with a \"body\" string");
      Story s;
      s.id = j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump())
                              : std::to_string(n);
      s.body = j["body"].get<std::string>();
      if (j.contains("date") && j["date"].is_string()) s.date = Date::parse(j["date"].get<std::string>().substr(0, 10));
      s.path = "story.txt";
      stories.push_back(std::move(s));
    }
  }

  CorpusReport report;
  std::ofstream findings;
  if (!options.findings_path.empty()) {
    findings.open(options.findings_path, std::ios::binary | std::ios::trunc);
    if (!findings) throw EngineError(options.findings_path + ": cannot write findings");
  }
  auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < stories.size(); ++i) {
    if (!selected(options.part, i)) continue;
    if (options.limit && report.stories >= options.limit) break;
    const Story& s = stories[i];
    auto prepared = input::prepare(s.id, s.body, input::format_for_path(s.path));
    const Document& doc = *prepared.doc;
    Date date = s.date.value_or(doc.date.value_or(options.default_date));
    std::size_t words = 0;  // counted on the linter's own tokens
    auto found = engine.linter().lint(doc, selection, date, &words);
    ++report.stories;
    report.bytes += s.body.size();
    report.words += words;
    if (findings.is_open()) {
      findings << nlohmann::json{{"story", s.id}, {"words", words}}.dump() << "\n";
      for (const auto& d : found)
        findings << nlohmann::json{{"story", s.id},          {"rule", d.rule},     {"offset", d.span.offset},
                                   {"length", d.span.length}, {"match", d.match}, {"replacements", d.replacements},
                                   {"message", d.message}}
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                 << "\n";
    }
    std::set<std::string> seen;
    for (const auto& d : found) {
      auto& st = report.rules[d.rule];
      ++st.findings;
      if (seen.insert(d.rule).second) ++st.stories;
      if (st.examples.size() < options.examples)
        st.examples.push_back(CorpusFinding{s.id, d.match, context_of(doc.source, d.span.offset, d.span.length),
                                            d.replacements.empty() ? "" : d.replacements[0]});
    }
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

void print_corpus_report(const CorpusReport& report, std::ostream& out) {
  out << report.stories << " stories, " << report.words << " words, " << report.bytes << " bytes in "
      << std::fixed << std::setprecision(3) << report.seconds << " s ("
      << std::setprecision(2) << (report.seconds > 0 ? report.bytes / report.seconds / 1e6 : 0) << " MB/s)\n";
  std::size_t total = 0;
  for (const auto& [rule, st] : report.rules) total += st.findings;
  double per = report.words ? 10000.0 / report.words : 0;
  out << "all rules: " << total << " findings, " << std::setprecision(2) << total * per << " per 10,000 words\n";
  std::vector<std::pair<std::string, CorpusRuleStats>> rows(report.rules.begin(), report.rules.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.findings > b.second.findings; });
  for (const auto& [rule, st] : rows) {
    out << "\n" << rule << ": " << st.findings << " findings in " << st.stories << " stories, "
        << std::setprecision(2) << st.findings * per << " per 10,000 words\n";
    for (const auto& ex : st.examples)
      out << "  [" << ex.story << "] '" << ex.match << "'" << (ex.replacement.empty() ? "" : " -> '" + ex.replacement + "'")
          << "  …" << ex.context << "…\n";
  }
}

}  // namespace wirelint::lint
