#include "lint/baseline.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lint/config.h"
#include "lint/fix.h"

namespace wirelint::lint {

constexpr int kBaselineVersion = 1;

Baseline Baseline::load(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file + ": cannot read baseline: " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(buf.str(), nullptr, false);
  if (j.is_discarded()) throw ConfigError(file + ": not a wirelint baseline: invalid JSON");
  auto bad = [&](const std::string& why) { return ConfigError(file + ": not a wirelint baseline: " + why); };
  if (!j.is_object() || !j.contains("version") || !j["version"].is_number_integer())
    throw bad("expected an object with an integer \"version\"");
  if (j["version"].get<long long>() != kBaselineVersion)
    throw bad("unsupported version " + j["version"].dump() + " (expected 1)");
  if (!j.contains("findings") || !j["findings"].is_array()) throw bad("expected a \"findings\" array");
  Baseline b;
  std::size_t i = 0;
  for (const auto& f : j["findings"]) {
    auto field = [&](const char* name) {
      if (!f.is_object() || !f.contains(name) || !f[name].is_string())
        throw bad("finding " + std::to_string(i + 1) + ": expected a string \"" + name + "\"");
      return f[name].get<std::string>();
    };
    BaselineEntry e;
    e.path = field("path");
    e.rule = field("rule");
    e.fingerprint = field("fingerprint");
    if (f.contains("match") && f["match"].is_string()) e.match = f["match"].get<std::string>();
    b.add(std::move(e));
    ++i;
  }
  return b;
}

void Baseline::save(const std::string& file) const {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& e : entries_)
    findings.push_back({{"path", e.path}, {"rule", e.rule}, {"fingerprint", e.fingerprint}, {"match", e.match}});
  nlohmann::ordered_json j = {{"version", kBaselineVersion}, {"findings", findings}};
  // A match may hold ill-formed UTF-8 (the invalid-UTF-8 finding): replace rather than throw.
  std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  std::string error;
  std::ifstream probe(file);
  if (probe) {
    probe.close();
    if (!write_atomically(file, text, error)) throw ConfigError(file + ": cannot write baseline: " + error);
    return;
  }
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) throw ConfigError(file + ": cannot write baseline: " + std::strerror(errno));
}

void Baseline::add(BaselineEntry entry) {
  keys_.emplace(entry.path, entry.rule, entry.fingerprint);
  entries_.push_back(std::move(entry));
}

bool Baseline::contains(const std::string& path, const std::string& rule, const std::string& fingerprint) const {
  return keys_.count({path, rule, fingerprint}) > 0;
}

}  // namespace wirelint::lint
