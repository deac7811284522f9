#include "dictionary/language_words.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/list_lines.h"
#include "image/io.h"

namespace wirelint::dictionary {

namespace {

constexpr char kMagic[8] = {'W', 'L', 'L', 'A', 'N', 'G', 'W', '1'};
constexpr std::uint32_t kVersion = 2;  // 2: the countries' languages

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

// A lower-case word of letters (any script), apostrophes and hyphens, within the length limit:
// names (capitalized) and abbreviations with dots or digits say nothing about a language.
bool usable(std::string_view w) {
  if (w.empty() || w.size() > LanguageWords::kMaxWordBytes) return false;
  for (unsigned char c : w) {
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || c == '\'' || c == '-') continue;
    return false;
  }
  return w.front() != '-' && w.front() != '\'';
}

}  // namespace

std::string LanguageWords::fold(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
    // Latin-1 capitals (U+00C0..U+00DE but U+00D7): lead byte C3, second 80..9E.
    else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

namespace {

// Calls `row` with the tab-separated fields of each line of `in` that is neither empty nor a
// '#' comment; a line of another number of fields, or with an empty first or second field,
// throws ImageError "FILE: line N: expected ...".
template <typename Row>
void each_row(std::istream& in, const std::string& file, std::size_t fields, const char* names, Row row) {
  for_each_list_line(in, [&](const std::string& line, std::size_t n) {
    auto f = split_tabs(line);
    if (f.size() != fields || f[0].empty() || f[1].empty())
      throw ImageError(file + ": line " + std::to_string(n) + ": expected " + std::to_string(fields) +
                       " tab-separated fields (" + names + ")");
    row(f);
  });
}

}  // namespace

std::vector<LanguageWords::Source> LanguageWords::read_sources(const std::string& lists_tsv) {
  std::ifstream in(lists_tsv);
  if (!in) throw ImageError(lists_tsv + ": cannot read the list of other languages' word lists");
  std::vector<Source> out;
  each_row(in, lists_tsv, 4, "code, path, package, license", [&](const std::vector<std::string>& f) {
    out.push_back({f[0], f[1], f[2]});
    if (out.size() > kMaxLanguages)
      throw ImageError(lists_tsv + ": more than " + std::to_string(kMaxLanguages) + " word lists");
  });
  return out;
}

std::vector<std::pair<std::string, std::vector<std::string>>> LanguageWords::read_countries(const std::string& countries_tsv) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  std::ifstream in(countries_tsv);
  if (!in) return out;
  each_row(in, countries_tsv, 2, "country id, language codes", [&](const std::vector<std::string>& f) {
    std::vector<std::string> codes;
    std::istringstream list(f[1]);
    for (std::string c; std::getline(list, c, ',');)
      if (!c.empty()) codes.push_back(c);
    out.emplace_back(f[0], std::move(codes));
  });
  return out;
}

LanguageWords::Compiled LanguageWords::compile(const std::string& lists_tsv, const std::string& out,
                                               const std::function<bool(std::string_view)>& english) {
  auto sources = read_sources(lists_tsv);
  auto countries = read_countries((std::filesystem::path(lists_tsv).parent_path() / "countries.tsv").string());
  Compiled result;
  std::unordered_map<std::string, std::uint16_t> words;
  std::vector<std::string> codes;
  for (const auto& s : sources) {
    std::ifstream in(s.path);
    if (!in) {
      result.missing.push_back(s.path + " (" + s.package + ")");
      continue;
    }
    auto bit = static_cast<std::uint16_t>(1u << codes.size());
    codes.push_back(s.code);
    std::string w;
    while (std::getline(in, w)) {
      if (!w.empty() && w.back() == '\r') w.pop_back();
      // Some lists carry a word's flags after a slash.
      if (auto slash = w.find('/'); slash != std::string::npos) w.resize(slash);
      // Capitalized entries are left out: names ("Sachs", "Caribe") would make a story typed in
      // lower case ("goldman sachs said") another language's, and German nouns with them.
      if (usable(w)) words[w] |= bit;
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint16_t>> entries;
  entries.reserve(words.size());
  for (const auto& [w, mask] : words)
    entries.emplace_back(fnv1a(w), static_cast<std::uint16_t>(mask | (english(w) ? kEnglish : 0)));
  std::sort(entries.begin(), entries.end());
  // Words that share a hash share one entry and their masks.
  std::vector<std::pair<std::uint32_t, std::uint16_t>> merged;
  for (const auto& e : entries) {
    if (!merged.empty() && merged.back().first == e.first) merged.back().second |= e.second;
    else merged.push_back(e);
  }
  ImageWriter payload;
  for (const auto& e : merged) payload.u32(e.first);
  for (const auto& e : merged) {
    std::uint16_t m = e.second;
    payload.u8(static_cast<std::uint8_t>(m & 0xFF));
    payload.u8(static_cast<std::uint8_t>(m >> 8));
  }
  // Each country's languages as a mask over `codes` (a code of no compiled list is left out; a
  // country none of whose languages was compiled is left out).
  std::vector<std::string> country_ids;
  std::vector<std::uint32_t> country_masks;
  for (const auto& [id, langs] : countries) {
    std::uint32_t mask = 0;
    for (const auto& l : langs)
      for (std::size_t b = 0; b < codes.size(); ++b)
        if (codes[b] == l) mask |= 1u << b;
    if (!mask) continue;
    country_ids.push_back(id);
    country_masks.push_back(mask);
  }
  ImageWriter header;
  header.magic(kMagic);
  header.u32(kVersion);
  header.strs(codes);
  header.strs(country_ids);
  for (auto m : country_masks) header.u32(m);
  header.u32(static_cast<std::uint32_t>(merged.size()));
  header.payload_tail(payload.bytes());
  write_atomically(out, {header.bytes(), payload.bytes()});
  result.words = words.size();
  return result;
}

LanguageWords::LanguageWords(std::string image) : path_(std::move(image)) {}
LanguageWords::~LanguageWords() = default;

void LanguageWords::open() const {
  std::call_once(opened_, [this] {
    map_ = std::make_unique<MappedFile>(path_, /*populate=*/false);
    if (map_->empty()) {
      problem_ = path_ + ": missing or empty (run 'wirelint models compile')";
      return;
    }
    try {
      auto bytes = map_->bytes();
      ImageReader r(bytes.data(), bytes.size());
      if (!r.magic(kMagic)) throw ImageError("not a word image of other languages");
      if (r.u32() != kVersion) throw ImageError("another version of the image");
      auto codes = r.strs();
      if (codes.size() > kMaxLanguages) throw ImageError("corrupt image: too many languages");
      auto country_ids = r.strs();
      std::unordered_map<std::string, std::uint16_t> countries;
      for (auto& id : country_ids)
        countries[std::move(id)] = static_cast<std::uint16_t>(r.u32() & ((1u << codes.size()) - 1));
      std::uint32_t n = r.u32();
      std::uint64_t size = r.u64();
      r.u64();  // the payload's checksum: not checked at each start (13 MB); lookups stay in bounds
      if (size != r.remaining() || size != std::uint64_t{n} * 6) throw ImageError("corrupt image: payload size");
      auto payload = r.bytes(r.remaining());
      codes_ = std::move(codes);
      countries_ = std::move(countries);
      hashes_ = payload.data();
      masks_ = payload.data() + std::size_t{n} * 4;
      n_ = n;
    } catch (const ImageError& e) {
      problem_ = path_ + ": " + e.what();
      n_ = 0;
    }
  });
}

std::uint16_t LanguageWords::languages(std::string_view word) const {
  open();
  if (n_ == 0) return 0;
  std::string folded = fold(word);
  if (!usable(folded)) return 0;
  std::uint32_t h = fnv1a(folded);
  std::size_t lo = 0, hi = n_;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (load<std::uint32_t>(hashes_ + mid * 4) < h) lo = mid + 1;
    else hi = mid;
  }
  if (lo == n_ || load<std::uint32_t>(hashes_ + lo * 4) != h) return 0;
  auto lowb = static_cast<unsigned char>(masks_[lo * 2]), highb = static_cast<unsigned char>(masks_[lo * 2 + 1]);
  auto mask = static_cast<std::uint16_t>(lowb | (highb << 8));
  // Bits of lists the image does not name are damage: ignored.
  auto known = static_cast<std::uint16_t>(((1u << codes_.size()) - 1) | kEnglish);
  return static_cast<std::uint16_t>(mask & known);
}

std::uint16_t LanguageWords::spoken_in(std::string_view country_id) const {
  open();
  auto it = countries_.find(std::string(country_id));
  return it == countries_.end() ? 0 : it->second;
}

std::size_t LanguageWords::countries() const {
  open();
  return countries_.size();
}

const std::vector<std::string>& LanguageWords::codes() const {
  open();
  return codes_;
}

std::size_t LanguageWords::size() const {
  open();
  return n_;
}

const std::string& LanguageWords::problem() const {
  open();
  return problem_;
}

}  // namespace wirelint::dictionary
