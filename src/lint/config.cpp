#include "lint/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/schema.h"
#include "rules/toml_node.h"

namespace fs = std::filesystem;

namespace wirelint::lint {

Config parse_config(const std::string& text, const std::string& path) {
  Config cfg;
  cfg.path = path;
  cfg.dir = fs::path(path).parent_path().string();
  rules::Node root;
  try {
    root = rules::to_node(toml::parse(text, path));
  } catch (const toml::parse_error& e) {
    throw ConfigError(path + ":" + std::to_string(e.source().begin.line) + ": " + rules::toml_error_text(e));
  }
  try {
    rules::TableReader t(root, path);
    cfg.enable = t.strings("enable");
    cfg.disable = t.strings("disable");
    cfg.ignore = t.strings("ignore");
    if (auto style = t.string("style")) {
      cfg.style = *style;
      cfg.style_line = t.line_of("style");
    }
    if (auto sev = t.table("severity")) {
      for (const auto& key : sev->keys()) {
        auto value = sev->string(key);
        auto s = value ? parse_severity(*value) : std::nullopt;
        if (!s) sev->fail(key, "expected error, warning or suggestion");
        cfg.severity[key] = *s;
      }
    }
    if (auto sp = t.table("spelling")) {
      cfg.accept_words = sp->strings("accept");
      for (const auto& dict : sp->strings("dictionaries")) {
        fs::path p = fs::path(dict).is_absolute() ? fs::path(dict) : fs::path(cfg.dir) / dict;
        std::ifstream in(p);
        if (!in) sp->fail("dictionaries", "cannot read word list " + p.string());
        std::string line;
        while (std::getline(in, line)) {
          if (!line.empty() && line.back() == '\r') line.pop_back();
          auto hash = line.find('#');
          if (hash != std::string::npos) line.erase(hash);
          while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
          std::size_t start = line.find_first_not_of(" \t");
          if (start == std::string::npos) continue;
          cfg.accept_words.push_back(line.substr(start));
        }
      }
      sp->finish();
    }
    if (auto th = t.table("thresholds")) {
      for (const auto& key : th->keys()) {
        auto value = th->integer(key);
        if (!value) th->fail(key, "expected an integer");
        if (*value < -100000 || *value > 100000) th->fail(key, "expected a score from -100000 to 100000");
        cfg.thresholds[key] = static_cast<int>(*value);
      }
    }
    if (auto ng = t.table("ngrams")) {
      if (auto table = ng->string("table")) {
        fs::path p = fs::path(*table).is_absolute() ? fs::path(*table) : fs::path(cfg.dir) / *table;
        std::ifstream in(p);
        if (!in) ng->fail("table", "cannot read n-gram table " + p.string());
        cfg.ngram_table = p.string();
      }
      ng->finish();
    }
    t.finish();
  } catch (const rules::LoadError& e) {
    throw ConfigError(e.what());
  }
  return cfg;
}

Config load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot read configuration file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_config(buf.str(), path);
}

std::optional<std::string> find_config(const std::string& file) {
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
  while (!dir.empty()) {
    fs::path candidate = dir / ".wirelint.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

namespace {

bool match_from(const std::string& p, std::size_t pi, const std::string& s, std::size_t si) {
  while (pi < p.size()) {
    if (p.compare(pi, 2, "**") == 0) {
      std::size_t next = pi + 2;
      bool slash = next < p.size() && p[next] == '/';
      if (slash) ++next;  // "**/" also matches no folder at all
      for (std::size_t k = si; k <= s.size(); ++k) {
        // After "**/" the rest of the pattern starts a path segment, never the middle of one.
        if (slash && k > si && s[k - 1] != '/') continue;
        if (match_from(p, next, s, k)) return true;
      }
      return false;
    }
    if (p[pi] == '*') {
      for (std::size_t k = si; k <= s.size(); ++k) {
        if (match_from(p, pi + 1, s, k)) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (p[pi] == '?') {
      if (s[si] == '/') return false;
    } else if (p[pi] != s[si]) {
      return false;
    }
    ++pi;
    ++si;
  }
  return si == s.size();
}

}  // namespace

bool glob_match(const std::string& pattern, const std::string& path) {
  return match_from(pattern, 0, path, 0);
}

}  // namespace wirelint::lint
