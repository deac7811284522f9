// SARIF 2.1.0, the format GitHub code scanning (and most CI dashboards) ingest: one log with one
// run, written as a single document at finish().
//
// Positions: startLine/startColumn/endLine/endColumn are 1-based with the end exclusive, columns
// in Unicode code points, which the run declares with columnKind "unicodeCodePoints". The exact
// span is also given as byteOffset/byteLength into the file's bytes (a BOM included), because
// charOffset would have to count characters in a unit that SARIF leaves to the consumer.
//
// Fingerprints: "wirelint/v1" hashes the rule id, the matched text and the finding's line with
// its whitespace collapsed, then appends ":N" for the N-th (0-based) finding with the same hash in
// the file. No line number goes in, so a finding keeps its fingerprint when lines are added above
// it and code scanning does not reopen it as new.
//
// The driver lists each rule that has at least one result, in order of first appearance, and
// results point at it by ruleIndex. The reporter sees only diagnostics; descriptions and default
// levels come from ReporterOptions::rule_catalog when the front end fills it.

#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/severity.h"
#include "report/formats.h"

namespace wirelint::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kFingerprintKey = "wirelint/v1";

std::string_view level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::suggestion: return "note";
  }
  return "warning";
}

// Runs of whitespace (line breaks included) become one space; the ends are trimmed.
std::string collapse_space(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The first sentence of collapsed prose: up to the first '.', '!' or '?' that is followed by a
// space, skipping the period of a lone initial ("U. S.", "e. g.") which ends no sentence.
std::string first_sentence(const std::string& prose) {
  for (std::size_t i = 0; i + 1 < prose.size(); ++i) {
    char c = prose[i];
    if ((c != '.' && c != '!' && c != '?') || prose[i + 1] != ' ') continue;
    bool initial = c == '.' && i >= 1 && is_letter(prose[i - 1]) && (i == 1 || !is_letter(prose[i - 2]));
    if (!initial) return prose.substr(0, i + 1);
  }
  return prose;
}

// A URI reference for a path: unreserved bytes and '/' as they are, everything else
// percent-encoded (spaces, '%', '#', non-ASCII). A relative path stays relative (the result then
// names %SRCROOT% as its base); an absolute one becomes a file:// URI.
std::string path_uri(const std::string& path, bool& absolute) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string uri;
  std::size_t from = 0;
  absolute = false;
  if (!path.empty() && path[0] == '/') {
    uri = "file://";
    absolute = true;
  } else if (path.size() >= 3 && is_letter(path[0]) && path[1] == ':' && path[2] == '/') {
    uri = "file:///" + path.substr(0, 2);  // a Windows drive letter keeps its colon
    from = 2;
    absolute = true;
  }
  for (std::size_t i = from; i < path.size(); ++i) {
    auto u = static_cast<unsigned char>(path[i]);
    if (is_letter(path[i]) || (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' ||
        u == '~' || u == '/') {
      uri += path[i];
    } else {
      uri += '%';
      uri += kHex[u >> 4];
      uri += kHex[u & 0xF];
    }
  }
  return uri;
}

// "https://…", "file:…": a scheme is a letter, then letters, digits, '+', '-' or '.', then ':'.
bool has_scheme(std::string_view link) {
  std::size_t i = 0;
  while (i < link.size() && (is_letter(link[i]) || (i > 0 && ((link[i] >= '0' && link[i] <= '9') ||
                                                              link[i] == '+' || link[i] == '-' ||
                                                              link[i] == '.'))))
    ++i;
  return i > 0 && i < link.size() && link[i] == ':';
}

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string fingerprint_hash(const Diagnostic& d, std::string_view line_text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  // NUL separators keep ("ab","c") and ("a","bc") apart.
  h = fnv1a(h, d.rule);
  h = fnv1a(h, std::string_view("\0", 1));
  h = fnv1a(h, d.match);
  h = fnv1a(h, std::string_view("\0", 1));
  h = fnv1a(h, collapse_space(line_text));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

class SarifReporter final : public DiagnosticSink {
 public:
  SarifReporter(std::ostream& out, const ReporterOptions& options)
      : out_(out), version_(options.tool_version), catalog_(options.rule_catalog) {}

  void begin_file(const Document&) override { occurrences_.clear(); }

  void diagnostic(const Document& doc, const Diagnostic& d) override {
    Position start = doc.lines.position(d.span.offset);
    Position end = doc.lines.position(d.span.end());
    Json region{
        {"startLine", start.line},   {"startColumn", start.column},
        {"endLine", end.line},       {"endColumn", end.column},
        {"byteOffset", doc.lines.file_offset(d.span.offset)}, {"byteLength", d.span.length},
    };
    bool absolute = false;
    std::string uri = path_uri(detail::repo_path(doc.path), absolute);
    Json artifact{{"uri", uri}};
    if (!absolute) artifact["uriBaseId"] = "%SRCROOT%";

    Json location_region = region;
    location_region["snippet"] = Json{{"text", d.match}};
    Json result{
        {"ruleId", d.rule},
        {"ruleIndex", rule_index(d)},
        {"level", std::string(level(d.severity))},
        {"message", Json{{"text", d.message}}},
        {"locations", Json::array({Json{{"physicalLocation",
                                         Json{{"artifactLocation", artifact},
                                              {"region", std::move(location_region)}}}}})},
    };
    std::string hash = fingerprint_hash(d, doc.lines.line_text(start.line));
    int n = occurrences_[hash]++;
    result["partialFingerprints"] = Json{{kFingerprintKey, hash + ":" + std::to_string(n)}};
    if (!d.replacements.empty()) {
      Json fixes = Json::array();
      for (const std::string& r : d.replacements) {
        fixes.push_back(Json{
            {"description", Json{{"text", "Replace with '" + r + "'"}}},
            {"artifactChanges",
             Json::array({Json{{"artifactLocation", artifact},
                               {"replacements", Json::array({Json{
                                                    {"deletedRegion", region},
                                                    {"insertedContent", Json{{"text", r}}},
                                                }})}}})},
        });
      }
      result["fixes"] = std::move(fixes);
    }
    results_.push_back(std::move(result));
  }

  void finish() override {
    if (finished_) return;
    finished_ = true;
    Json driver{{"name", "wirelint"}};
    if (!version_.empty()) driver["version"] = version_;
    driver["rules"] = std::move(rules_);
    Json run{
        {"tool", Json{{"driver", std::move(driver)}}},
        {"columnKind", "unicodeCodePoints"},
        {"results", std::move(results_)},
    };
    Json log{
        {"$schema", kSchema},
        {"version", "2.1.0"},
        {"runs", Json::array({std::move(run)})},
    };
    // Messages, matches and paths need not be valid UTF-8; U+FFFD keeps the log parseable.
    out_ << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    out_.flush();
  }

 private:
  std::size_t rule_index(const Diagnostic& d) {
    auto it = index_.find(d.rule);
    if (it != index_.end()) return it->second;
    auto doc = catalog_.find(d.rule);
    std::string full = doc != catalog_.end() ? collapse_space(doc->second.description) : "";
    if (full.empty()) full = d.rule;
    Severity default_level = doc != catalog_.end() ? doc->second.severity : d.severity;
    Json rule{
        {"id", d.rule},
        {"shortDescription", Json{{"text", first_sentence(full)}}},
        {"fullDescription", Json{{"text", full}}},
    };
    // The schema types helpUri as an absolute URI and code scanning rejects the whole log when
    // it is not one; a link that is a path within the rules folder goes into help.text only.
    if (has_scheme(d.link)) rule["helpUri"] = d.link;
    rule["help"] = Json{{"text", d.link.empty() ? full : full + " See " + d.link}};
    rule["defaultConfiguration"] = Json{{"level", std::string(level(default_level))}};
    Json properties = Json::object();
    if (!d.category.empty()) {
      properties["category"] = d.category;
      properties["tags"] = Json::array({d.category});
    }
    rule["properties"] = std::move(properties);
    rules_.push_back(std::move(rule));
    std::size_t i = rules_.size() - 1;
    index_.emplace(d.rule, i);
    return i;
  }

  std::ostream& out_;
  std::string version_;
  std::map<std::string, RuleDoc, std::less<>> catalog_;
  Json rules_ = Json::array();
  Json results_ = Json::array();
  std::map<std::string, std::size_t> index_;
  std::map<std::string, int> occurrences_;  // per file: fingerprint hash -> findings so far
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<DiagnosticSink> make_sarif_reporter(std::ostream& out, const ReporterOptions& options) {
  return std::make_unique<SarifReporter>(out, options);
}

}  // namespace wirelint::report
