#include "dictionary/spell_checker.h"

#include <hunspell/hunspell.hxx>

#include "core/list_lines.h"
#include "dictionary/language_words.h"
#include "image/flat_table.h"
#include "image/io.h"
#include "text/utf8.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>

namespace wirelint::dictionary {

namespace {

// The line of `text` (one word a line, each ending in '\n') that starts at byte `start`.
std::string_view line_at(std::string_view text, std::size_t start) {
  std::size_t end = text.find('\n', start);
  return text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
}

// Where the first line of the sorted lines of `text` that is not before `key` starts
// (text.size() when none): a binary search over bytes, each probe stepping back to its line's
// start, so no index of line starts is built (that cost more than a story's lint).
std::size_t first_line_not_before(std::string_view text, std::string_view key) {
  std::size_t lo = 0, hi = text.size();  // both at line starts
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2, start = mid;
    while (start > lo && text[start - 1] != '\n') --start;
    std::string_view line = line_at(text, start);
    if (line.compare(key) < 0) lo = std::min(hi, start + line.size() + 1);
    else hi = start;
  }
  return lo;
}

// Calls `f` with each of the sorted lines of `text` that start with the letter `first` (one range).
template <typename F>
void for_each_line_starting(std::string_view text, char first, F&& f) {
  for (std::size_t at = first_line_not_before(text, std::string(1, first)); at < text.size();) {
    std::string_view line = line_at(text, at);
    if (line.empty() || line[0] != first) break;
    f(line);
    at += line.size() + 1;
  }
}

// Whether the sorted lines of `text` hold `word`.
bool has_line(std::string_view text, std::string_view word) {
  std::size_t at = first_line_not_before(text, word);
  return at < text.size() && line_at(text, at) == word;
}

// `word` with its ASCII letters in lower case: how the common and rare lists are compared.
std::string ascii_lower(std::string_view word) {
  std::string lower(word);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string read_all(const std::string& path) {
  std::string out;
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return out;
  out.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  if (!in.read(out.data(), static_cast<std::streamsize>(out.size()))) out.clear();
  if (!out.empty() && out.back() != '\n') out.push_back('\n');
  return out;
}

// The edit distance of `a` and `b` (letters added, dropped, replaced, neighbours swapped), or
// limit + 1 when it is above `limit`.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t limit) {
  std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> before(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    before.swap(prev);
    prev.swap(cur);
  }
  return std::min(prev[m], limit + 1);
}

constexpr char kListsMagic[8] = {'W', 'L', 'W', 'O', 'R', 'D', 'S', '1'};
constexpr std::uint32_t kListsVersion = 2;  // 2: the vocabulary and exact-name lists

}  // namespace

std::size_t SpellChecker::compile_lists(const std::string& words_path, const std::string& common_path,
                                        const std::string& rare_path, const std::string& out,
                                        const std::vector<std::string>& vocabulary,
                                        const std::vector<std::string>& exact_names) {
  std::unordered_map<std::string, std::uint32_t> bits;
  std::vector<FileStamp> stamps;
  for (auto [path, bit] : {std::pair<const std::string*, std::uint32_t>{&words_path, kListed}, {&common_path, kCommon},
                           {&rare_path, kRare}}) {
    std::string text = read_all(*path);
    if (text.empty()) throw ImageError(*path + ": cannot read word list");
    stamps.push_back(file_stamp(*path));
    for (std::size_t b = 0; b < text.size();) {
      std::size_t e = text.find('\n', b);
      if (e > b) bits[text.substr(b, e - b)] |= bit;
      b = e + 1;
    }
  }
  // The extra lists: entries of their lines that are neither empty nor '#' comments; a name's
  // line may carry notes after a tab.
  std::vector<FileStamp> extra;
  for (auto [lists, bit] : {std::pair<const std::vector<std::string>*, std::uint32_t>{&vocabulary, kListed},
                            {&exact_names, kExactName}})
    for (const auto& path : *lists) {
      std::ifstream in(path, std::ios::binary);
      if (!in) throw ImageError(path + ": cannot read list");
      extra.push_back(file_stamp(path));
      for_each_list_line(in, [&, bit = bit](const std::string& line, std::size_t) {
        bits[std::string(bit == kExactName ? name_of_entry(line) : line)] |= bit;
      });
    }
  // Sorted keys: the same lists give the same bytes.
  std::vector<std::pair<std::string_view, std::uint32_t>> entries(bits.begin(), bits.end());
  std::sort(entries.begin(), entries.end());
  std::string table = FlatTableBuilder::build_unique(entries);
  ImageWriter header;
  header.magic(kListsMagic);
  header.u32(kListsVersion);
  for (const auto& st : stamps) header.stamp(st);
  header.u32(static_cast<std::uint32_t>(extra.size()));
  for (const auto& st : extra) header.stamp(st);
  header.payload_tail(table);
  write_atomically(out, {header.bytes(), table});
  return entries.size();
}

SpellChecker::SpellChecker(std::string aff_path, std::string dic_path, std::string words_path, std::string common_path,
                           std::string rare_path, std::string languages_path,
                           std::string lists_image, std::vector<std::string> extra_lists)
    : aff_path_(std::move(aff_path)),
      dic_path_(std::move(dic_path)),
      common_(std::move(common_path)),
      rare_(std::move(rare_path)),
      languages_(languages_path.empty() ? nullptr : std::make_unique<LanguageWords>(std::move(languages_path))) {
  // The compiled lists when they are fresh: checked by their header and the lists' stamps (every
  // lookup in the table is bounds-checked, so its bytes need no checksum pass at each start).
  if (!lists_image.empty() && !words_path.empty()) {
    auto map = std::make_unique<MappedFile>(lists_image, /*populate=*/false);
    if (!map->empty()) {
      try {
        auto bytes = map->bytes();
        ImageReader r(bytes.data(), bytes.size());
        bool fresh = r.magic(kListsMagic) && r.u32() == kListsVersion;
        for (const auto* path : {&words_path, &common_.path, &rare_.path})
          fresh = fresh && r.stamp() == file_stamp(*path);
        // The extra lists it holds: fresh only when they are the ones given, unchanged.
        std::uint32_t extras = fresh ? r.u32() : 0;
        fresh = fresh && extras == extra_lists.size();
        for (std::size_t k = 0; fresh && k < extra_lists.size(); ++k) fresh = r.stamp() == file_stamp(extra_lists[k]);
        if (fresh) {
          std::uint64_t size = r.u64();
          r.u64();  // checksum, see above
          auto table = std::make_unique<FlatTable>();
          if (size == r.remaining() && table->open(r.bytes(r.remaining()))) {
            lists_map_ = std::move(map);
            lists_table_ = std::move(table);
          }
        }
      } catch (const ImageError&) {
        // A damaged image: the lists are read instead.
      }
    }
  }
  if (!lists_table_ && !words_path.empty()) words_ = read_all(words_path);
}

bool SpellChecker::exact_name(std::string_view name) const {
  return lists_table_ && (list_bits(name) & kExactName) != 0;
}

bool SpellChecker::listed(std::string_view word) const {
  if (accepted_.count(std::string(word))) return true;
  if (lists_table_) return (list_bits(word) & kListed) != 0;
  if (words_.empty()) return false;
  return has_line(words_, word);
}

const std::string& SpellChecker::LazyList::text() const {
  if (!read) {
    read = true;
    if (!path.empty()) words = read_all(path);
  }
  return words;
}

bool SpellChecker::LazyList::holds(std::string_view word) const {
  const auto& t = text();
  return !t.empty() && has_line(t, ascii_lower(word));
}

const std::string& SpellChecker::common_words() const { return common_.text(); }

std::uint32_t SpellChecker::list_bits(std::string_view word) const {
  bool found = false;
  auto values = lists_table_->find(word, &found);
  return found && !values.empty() ? values.front() : 0;
}

bool SpellChecker::common(std::string_view word) const {
  if (lists_table_) return (list_bits(ascii_lower(word)) & kCommon) != 0;
  std::lock_guard<std::mutex> lock(mutex_);
  return common_.holds(word);
}

std::uint16_t SpellChecker::languages(std::string_view word) const {
  return languages_ ? languages_->languages(word) : 0;
}

bool SpellChecker::rare(std::string_view word) const {
  if (lists_table_) return (list_bits(ascii_lower(word)) & kRare) != 0;
  std::lock_guard<std::mutex> lock(mutex_);
  return rare_.holds(word);
}

std::vector<std::pair<std::size_t, std::string>> SpellChecker::common_within_two(std::string_view word, std::size_t max) const {
  std::vector<std::pair<std::size_t, std::string>> found;
  if (word.empty() || word.size() > kMaxTwoEditLetters || max == 0) return found;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto& text = common_words();
  // Letters doubled and halved are a speller's habit more than slips ("neccesarilly" is
  // "necessarily"): a word equal to the candidate but for them counts as one edit away.
  auto single = [](std::string_view w) {
    std::string out;
    for (char c : w)
      if (out.empty() || out.back() != c) out.push_back(c);
    return out;
  };
  const std::string word_single = single(word);
  // Slips seldom touch a word's first letter: the candidates start with the word's first letter,
  // or with its second (the first two swapped). The list is sorted, so each is one range.
  std::vector<std::string_view> lines;
  for (char first : {word[0], word.size() > 1 ? word[1] : word[0]}) {
    for_each_line_starting(text, first, [&](std::string_view line) { lines.push_back(line); });
    if (word.size() < 2 || word[1] == word[0]) break;
  }
  for (std::string_view line : lines) {
    if (line.size() + 3 < word.size() || line.size() > word.size() + 3) continue;
    if (!line.empty() && line[0] == word[0] && single(line) == word_single) {
      found.emplace_back(1, std::string(line));
      continue;
    }
    if (std::size_t d = bounded_distance(word, line, 2); d <= 2) found.emplace_back(d, std::string(line));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (found.size() > max) found.resize(max);
  return found;
}

std::vector<std::string> SpellChecker::common_contracted(std::string_view word, std::size_t min_dropped,
                                                        std::size_t max) const {
  std::vector<std::string> found;
  if (word.size() < 2 || word.size() > kMaxContractionLetters || max == 0) return found;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto& text = common_words();
  auto contracts = [&](std::string_view line) {
    if (line.size() < word.size() + min_dropped || line.back() != word.back()) return false;
    std::size_t k = 0;
    for (char c : line)
      if (k < word.size() && c == word[k]) ++k;
    return k == word.size();
  };
  for_each_line_starting(text, word[0], [&](std::string_view line) {
    if (contracts(line)) found.emplace_back(line);
  });
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  if (found.size() > max) found.resize(max);
  return found;
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
    ok = listed(plain) || (!has_list() && engine().spell(plain));
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
    if (!has_list() ? (accepted_.count(c) || engine().spell(c)) : listed(c)) out.push_back(c);
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
    auto ok = [&](const std::string& x) { return !has_list() ? (accepted_.count(x) || engine().spell(x)) : listed(x); };
    if (ok(a) && ok(b))
      out.push_back(a + " " + b);
  }
  return out;
}

}  // namespace wirelint::dictionary
