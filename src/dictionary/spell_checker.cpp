#include "dictionary/spell_checker.h"

#include <hunspell/hunspell.hxx>

#include "text/utf8.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>

namespace wirelint::dictionary {

SpellChecker::SpellChecker(std::string aff_path, std::string dic_path, std::string words_path)
    : aff_path_(std::move(aff_path)), dic_path_(std::move(dic_path)) {
  if (words_path.empty()) return;
  std::ifstream in(words_path, std::ios::binary | std::ios::ate);
  if (!in) return;
  auto size = static_cast<std::size_t>(in.tellg());
  in.seekg(0);
  words_.resize(size);
  if (!in.read(words_.data(), static_cast<std::streamsize>(size))) words_.clear();
  if (!words_.empty() && words_.back() != '\n') words_.push_back('\n');
}

bool SpellChecker::listed(std::string_view word) const {
  if (accepted_.count(std::string(word))) return true;
  if (words_.empty()) return false;
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (const char* p = words_.data(); (p = static_cast<const char*>(
                                            std::memchr(p, '\n', words_.data() + words_.size() - p)));) {
      ++p;
      line_starts_.push_back(static_cast<std::uint32_t>(p - words_.data()));
    }
    if (line_starts_.back() != words_.size()) line_starts_.push_back(static_cast<std::uint32_t>(words_.size()));
  }
  // Lines [lo, hi): line i is words_[line_starts_[i], line_starts_[i + 1] - 1) (without its '\n').
  std::size_t lo = 0, hi = line_starts_.size() - 1;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    std::string_view line(words_.data() + line_starts_[mid], line_starts_[mid + 1] - line_starts_[mid] - 1);
    int cmp = line.compare(word);
    if (cmp == 0) return true;
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

SpellChecker::~SpellChecker() = default;

std::string SpellChecker::check_files() const {
  for (const auto* path : {&aff_path_, &dic_path_}) {
    std::ifstream in(*path);
    if (!in) return *path + ": cannot read Hunspell dictionary file";
  }
  return {};
}

void SpellChecker::accept(std::string_view word) {
  std::lock_guard<std::mutex> lock(mutex_);
  accepted_.emplace(word);
  cache_.clear();
}

bool SpellChecker::accepted(std::string_view word) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return accepted_.count(std::string(word)) > 0;
}

Hunspell& SpellChecker::engine() const {
  if (!hunspell_) hunspell_ = std::make_unique<Hunspell>(aff_path_.c_str(), dic_path_.c_str());
  return *hunspell_;
}

bool SpellChecker::known(std::string_view word) const {
  std::string w(word);
  std::lock_guard<std::mutex> lock(mutex_);
  auto hit = cache_.find(w);
  if (hit != cache_.end()) return hit->second;
  bool ok = accepted_.count(w) > 0;
  if (!ok) {
    // Hunspell wants the typographic apostrophe as a plain one.
    std::string plain = text::plain_apostrophes(w);
    ok = listed(plain) || (words_.empty() && engine().spell(plain));
  }
  cache_.emplace(std::move(w), ok);
  return ok;
}

bool SpellChecker::hunspell_knows(std::string_view word) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return engine().spell(std::string(word));
}

std::vector<std::string> SpellChecker::suggest(std::string_view word, std::size_t max) const {
  std::string w(word);
  std::lock_guard<std::mutex> lock(mutex_);
  // Hunspell's suggestion search costs milliseconds a word; misspellings repeat in a corpus.
  auto hit = suggestions_.find(w);
  if (hit == suggestions_.end()) hit = suggestions_.emplace(w, near_words(w)).first;
  auto all = hit->second;
  if (all.size() > max) all.resize(max);
  return all;
}

std::vector<std::string> SpellChecker::near_words(const std::string& w) const {
  // Hunspell's own suggestion search takes tens of milliseconds a word (it scans the whole
  // dictionary for n-gram neighbours); single edits checked with spell() take well under one,
  // and catch what re-keying does: a doubled, dropped, swapped or wrong letter, a lost capital.
  std::vector<std::string> out;
  auto consider = [&](const std::string& c) {
    if (c.empty() || c == w) return;
    if (std::find(out.begin(), out.end(), c) != out.end()) return;
    if (words_.empty() ? (accepted_.count(c) || engine().spell(c)) : listed(c)) out.push_back(c);
  };
  bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return out;
  std::string cap = w;
  cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
  consider(cap);
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {  // transpositions
    std::string c = w;
    std::swap(c[i], c[i + 1]);
    consider(c);
  }
  // Doubling and undoubling first: the commonest re-keying slips ("bilion", "targetted").
  for (std::size_t i = 0; i < w.size(); ++i) consider(w.substr(0, i + 1) + w[i] + w.substr(i + 1));
  for (std::size_t i = 0; i + 1 < w.size(); ++i)
    if (w[i] == w[i + 1]) consider(w.substr(0, i) + w.substr(i + 1));
  for (std::size_t i = 0; i < w.size(); ++i) consider(w.substr(0, i) + w.substr(i + 1));  // deletions
  // Insertions and substitutions too, even when a cheaper edit found a word: "copany" is one
  // deletion from "copay" but one insertion from "company", and the caller ranks them.
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
  for (std::size_t i = 0; i <= w.size(); ++i)  // insertions
    for (const char* l = letters; *l; ++l) consider(w.substr(0, i) + *l + w.substr(i));
  for (std::size_t i = 0; i < w.size(); ++i)  // substitutions
    for (const char* l = letters; *l; ++l) {
      std::string c = w;
      c[i] = *l;
      consider(c);
    }
  if (!out.empty()) return out;
  for (std::size_t i = 2; i + 1 < w.size(); ++i) {  // a lost space: "alot" -> "a lot"
    std::string a = w.substr(0, i), b = w.substr(i);
    auto ok = [&](const std::string& x) { return words_.empty() ? (accepted_.count(x) || engine().spell(x)) : listed(x); };
    if (ok(a) && ok(b))
      out.push_back(a + " " + b);
  }
  return out;
}

}  // namespace wirelint::dictionary
