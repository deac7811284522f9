#include "models/synonyms.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "image/io.h"

namespace wirelint::models {
namespace {

// Image layout (native byte order, checked by the marker):
//   Header, then u32 word_off[words+1], u32 adj_off[words+1], u32 target[pairs],
//   u8 strength[pairs], u8 sources[pairs], u32 buckets[hash_buckets] (a hash index of the
//   words: open addressing, linear probing, FNV-1a; entry = word index + 1, 0 empty; a power of
//   two at least twice the words), the words' bytes (sorted, no separators).
// Each source file is recorded by size and modification time, so a changed source makes the
// image stale; a stale or malformed image is ignored and the sources are compiled instead.
constexpr char kMagic[8] = {'W', 'L', 'S', 'Y', 'N', 'I', 'M', 'G'};
constexpr std::uint32_t kVersion = 3;
constexpr std::uint32_t kMarker = 0x01020304;
constexpr std::size_t kMaxSources = 6;

struct SourceStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = -1;  // -1: the source was absent
};

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t marker;
  std::uint32_t n_sources;
  std::uint32_t words;
  std::uint32_t pairs;
  std::uint32_t blob_bytes;
  std::uint32_t hash_buckets;
  std::uint32_t reserved = 0;
  SourceStamp stamps[kMaxSources];
};

SourceStamp stamp_of(const std::string& path) {
  FileStamp s = file_stamp(path);
  return SourceStamp{s.size, s.mtime_ns};
}

std::uint8_t source_bits(char c) {
  switch (c) {
    case 'm': return kMyThes;
    case 'w': return kWordNet;
    case 'r': case 's': return kRelated;
    case 'b': return kMoby;
    case 'g': case 'h': return kHypernym;
    case 'd': return kDerivation;
    case 'x': return kCurated;
    case 'n': return kReference;
    default: return 0;
  }
}

struct Pending {
  std::uint8_t strength = 0, sources = 0;
};

std::vector<std::uint8_t> build_image(const std::vector<std::string>& sources) {
  if (sources.size() > kMaxSources) throw SynonymError("synonym model: at most 6 source files");
  std::map<std::string, std::map<std::string, Pending>> table;
  std::vector<SourceStamp> stamps;
  for (const auto& path : sources) {
    stamps.push_back(stamp_of(path));
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;  // optional source
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // '#' opens a comment, except as a row's whole first field: a unigram of the n-gram table.
      if (line.empty() || (line[0] == '#' && (line.size() < 2 || line[1] != '\t'))) continue;
      auto fail = [&](const std::string& why) { throw SynonymError(path + ":" + std::to_string(n) + ": " + why); };
      std::vector<std::string> cols;
      std::size_t b = 0;
      while (true) {
        auto t = line.find('\t', b);
        cols.push_back(line.substr(b, t == std::string::npos ? std::string::npos : t - b));
        if (t == std::string::npos) break;
        b = t + 1;
      }
      if (cols.size() < 4) fail("expected word, synonym, sources, strength (tab-separated)");
      if (cols[0].empty() || cols[1].empty()) fail("empty word");
      if (cols[0] == "word" && cols[1] == "synonym") continue;  // a header row
      std::uint8_t bits = 0;
      for (char c : cols[2]) {
        auto bit = source_bits(c);
        if (!bit) fail("unknown source letter '" + std::string(1, c) + "'");
        bits |= bit;
      }
      int strength = 0;
      for (char c : cols[3]) {
        if (c < '0' || c > '9') fail("strength must be a number from 1 to 9");
        strength = strength * 10 + (c - '0');
        if (strength > 9) fail("strength must be a number from 1 to 9");
      }
      if (strength < 1) fail("strength must be a number from 1 to 9");
      auto& p = table[lower(cols[0])][lower(cols[1])];
      p.strength = static_cast<std::uint8_t>(std::min(9, std::max<int>(p.strength, strength)));
      p.sources |= bits;
    }
  }
  // Every word that appears on either side gets an index; pairs sorted by target index.
  std::map<std::string, std::uint32_t> index;
  for (const auto& [w, syns] : table) {
    index.emplace(w, 0);
    for (const auto& s : syns) index.emplace(s.first, 0);
  }
  std::uint32_t next = 0;
  std::string blob;
  std::vector<std::uint32_t> word_off{0};
  for (auto& [w, id] : index) {
    id = next++;
    blob += w;
    word_off.push_back(static_cast<std::uint32_t>(blob.size()));
  }
  std::vector<std::uint32_t> adj_off{0}, target;
  std::vector<std::uint8_t> strength, srcs;
  for (const auto& [w, id] : index) {
    auto it = table.find(w);
    if (it != table.end()) {
      std::vector<std::pair<std::uint32_t, Pending>> row;
      for (const auto& [s, p] : it->second) row.emplace_back(index.at(s), p);
      std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      for (const auto& [t, p] : row) target.push_back(t), strength.push_back(p.strength), srcs.push_back(p.sources);
    }
    adj_off.push_back(static_cast<std::uint32_t>(target.size()));
  }
  Header h{};
  std::memcpy(h.magic, kMagic, 8);
  h.version = kVersion;
  h.marker = kMarker;
  h.n_sources = static_cast<std::uint32_t>(stamps.size());
  for (std::size_t i = 0; i < stamps.size(); ++i) h.stamps[i] = stamps[i];
  h.words = static_cast<std::uint32_t>(index.size());
  h.pairs = static_cast<std::uint32_t>(target.size());
  h.blob_bytes = static_cast<std::uint32_t>(blob.size());
  std::uint32_t nb = 16;
  while (nb < 2u * h.words) nb *= 2;
  h.hash_buckets = nb;
  std::vector<std::uint32_t> buckets(nb, 0);
  for (std::uint32_t i = 0; i < h.words; ++i) {
    std::string_view w(blob.data() + word_off[i], word_off[i + 1] - word_off[i]);
    std::uint32_t b = fnv1a(w) & (nb - 1);
    while (buckets[b] != 0) b = (b + 1) & (nb - 1);
    buckets[b] = i + 1;
  }
  std::vector<std::uint8_t> out(sizeof(Header));
  std::memcpy(out.data(), &h, sizeof h);
  auto put = [&](const void* p, std::size_t n) {
    auto* b = static_cast<const std::uint8_t*>(p);
    out.insert(out.end(), b, b + n);
  };
  put(word_off.data(), word_off.size() * 4);
  put(adj_off.data(), adj_off.size() * 4);
  put(target.data(), target.size() * 4);
  put(strength.data(), strength.size());
  put(srcs.data(), srcs.size());
  put(buckets.data(), buckets.size() * 4);
  put(blob.data(), blob.size());
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// British endings and their American forms.
constexpr std::pair<const char*, const char*> kVariantEndings[] = {
    {"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ised", "ized"}, {"ising", "izing"},
    {"our", "or"}, {"ours", "ors"}, {"ence", "ense"}, {"tre", "ter"}, {"tres", "ters"}, {"bre", "ber"}, {"bres", "bers"},
    {"mme", "m"}, {"mmes", "ms"}, {"ogue", "og"}, {"ogues", "ogs"}, {"lled", "led"}, {"lling", "ling"}};

std::string american(std::string w) {
  for (const auto& [from, to] : kVariantEndings) {
    std::string_view f(from);
    // At least three letters before the ending; two before -tre ("metre", "litre": no English
    // word of five letters ends in -tre otherwise).
    std::size_t stem = f.substr(0, 3) == "tre" ? 2 : 3;
    if (w.size() >= f.size() + stem && ends_with(w, f)) return w.substr(0, w.size() - f.size()) + to;
  }
  return w;
}

// Suffixes of derivations that keep the stem: "Guardian" is "Guard", "National" is "Nation".
constexpr const char* kDerivations[] = {"ian", "ians", "ial", "al", "als", "ic", "ical", "er", "ers", "or", "ors",
                                        "ship", "ships", "ment", "ments", "ion", "ions", "ation", "ations",
                                        "ive", "ity", "ist", "ists", "ism", "ary", "aries", "ese", "ish", "an",
                                        "ans", "ly", "s", "es", "ing", "ed", "d", "ern", "erly", "n"};

}  // namespace

std::string american_spelling(std::string_view w) { return american(lower(w)); }

std::string lower(std::string_view w) {
  std::string out(w);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> base_forms(std::string_view word) {
  std::vector<std::string> out;
  auto add = [&](std::string s) {
    if (s.size() >= 2 && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  std::string w = lower(word);
  out.push_back(w);  // the word itself, however short
  // Without apostrophes: "Lords" is "Lord's", "Asaib" is "Asa'ib".
  std::string bare;
  for (char c : w)
    if (c != '\'') bare.push_back(c);
  if (bare != w) add(bare), w = bare;
  std::string a = american(w);
  add(a);
  for (const std::string& s : {w, a}) {
    if (ends_with(s, "ies") && s.size() > 4) add(s.substr(0, s.size() - 3) + "y");
    if (ends_with(s, "men") && s.size() > 4) add(s.substr(0, s.size() - 3) + "man");  // watchmen
    if (ends_with(s, "es") && s.size() > 4) add(s.substr(0, s.size() - 2));
    if (ends_with(s, "s") && !ends_with(s, "ss") && s.size() > 3) add(s.substr(0, s.size() - 1));
    if (ends_with(s, "ing") && s.size() > 5) add(s.substr(0, s.size() - 3)), add(s.substr(0, s.size() - 3) + "e");
    if (ends_with(s, "ed") && s.size() > 4) add(s.substr(0, s.size() - 2)), add(s.substr(0, s.size() - 1));
  }
  return out;
}

static bool derived(const std::string& s, const std::string& t);

bool same_word(std::string_view a, std::string_view b) {
  // Every base form keeps the word's first two letters (of the word as written or without its
  // apostrophes), and so does every derivation: words that start otherwise are never the same
  // word, and most pairs asked are such (a word and its thesaurus synonyms).
  auto head = [](std::string_view w, bool bare) {
    std::string h;
    for (char c : w) {
      if (bare && c == '\'') continue;
      h.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      if (h.size() == 2) break;
    }
    return h;
  };
  const std::string ra = head(a, false), ba = head(a, true), rb = head(b, false), bb = head(b, true);
  if (ra != rb && ra != bb && ba != rb && ba != bb) return false;
  auto x = base_forms(a), y = base_forms(b);
  for (const auto& p : x)
    for (const auto& q : y)
      if (p == q) return true;
  for (const auto& s : x)
    for (const auto& t : y)
      if (derived(s, t)) return true;
  return false;
}

static bool derived(const std::string& s, const std::string& t) {
  // A derivation that keeps a stem of at least four letters.
  const std::string& shorter = s.size() <= t.size() ? s : t;
  const std::string& longer = s.size() <= t.size() ? t : s;
  if (shorter.size() < 4 || longer.compare(0, shorter.size(), shorter) != 0) {
    // "Defence"/"Defensive", "Economy"/"Economic": compare without a final e or y.
    if (shorter.size() >= 5 && (shorter.back() == 'e' || shorter.back() == 'y') &&
        longer.compare(0, shorter.size() - 1, shorter, 0, shorter.size() - 1) == 0) {
      std::string_view rest(longer);
      rest.remove_prefix(shorter.size() - 1);
      for (const char* d : kDerivations)
        if (rest == d) return true;
    }
    return false;
  }
  std::string_view rest(longer);
  rest.remove_prefix(shorter.size());
  if (rest.empty()) return true;
  for (const char* d : kDerivations)
    if (rest == d) return true;
  return false;
}

SynonymModel::~SynonymModel() {
  if (mapped_) ::munmap(mapped_, mapped_size_);
}

bool SynonymModel::attach(const std::uint8_t* data, std::size_t size) {
  if (size < sizeof(Header)) return false;
  Header h;
  std::memcpy(&h, data, sizeof h);
  if (std::memcmp(h.magic, kMagic, 8) != 0 || h.version != kVersion || h.marker != kMarker) return false;
  if (h.hash_buckets < 2ull * h.words || h.hash_buckets == 0 || (h.hash_buckets & (h.hash_buckets - 1)) != 0)
    return false;
  std::uint64_t need = sizeof(Header) + 8ull * (h.words + 1ull) + 6ull * h.pairs + 4ull * h.hash_buckets + h.blob_bytes;
  if (need != size) return false;
  const std::uint8_t* p = data + sizeof(Header);
  word_off_ = reinterpret_cast<const std::uint32_t*>(p);
  adj_off_ = word_off_ + h.words + 1;
  target_ = adj_off_ + h.words + 1;
  strength_ = reinterpret_cast<const std::uint8_t*>(target_ + h.pairs);
  sources_ = strength_ + h.pairs;
  buckets_ = sources_ + h.pairs;
  n_buckets_ = h.hash_buckets;
  blob_ = reinterpret_cast<const char*>(buckets_ + 4ull * h.hash_buckets);
  n_words_ = h.words;
  n_pairs_ = h.pairs;
  blob_bytes_ = h.blob_bytes;
  // The arrays' ends are checked here; every offset, target and bucket is checked where it is
  // read (word(), pairs_of(), find()), so a damaged image answers wrongly but never reads out of
  // bounds. A pass over every array at open would touch every page of the four images at each
  // start (7 M instructions and some 2,000 page faults).
  if (word_off_[0] != 0 || adj_off_[0] != 0 || word_off_[h.words] != h.blob_bytes || adj_off_[h.words] != h.pairs)
    return false;
  return true;
}

std::unique_ptr<SynonymModel> SynonymModel::open(const std::vector<std::string>& sources, const std::string& compiled) {
  std::unique_ptr<SynonymModel> m(new SynonymModel());
  int fd = compiled.empty() ? -1 : ::open(compiled.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size >= static_cast<off_t>(sizeof(Header))) {
      void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        m->mapped_ = p;
        m->mapped_size_ = static_cast<std::size_t>(st.st_size);
        Header h;
        std::memcpy(&h, p, sizeof h);
        bool fresh = h.n_sources == sources.size() && sources.size() <= kMaxSources;
        for (std::size_t i = 0; fresh && i < sources.size(); ++i) {
          auto s = stamp_of(sources[i]);
          fresh = s.size == h.stamps[i].size && s.mtime_ns == h.stamps[i].mtime_ns;
        }
        if (fresh && m->attach(static_cast<const std::uint8_t*>(p), m->mapped_size_)) {
          ::close(fd);
          return m;
        }
        ::munmap(p, m->mapped_size_);
        m->mapped_ = nullptr;
      }
    }
    ::close(fd);
  }
  m->owned_ = build_image(sources);
  if (!m->attach(m->owned_.data(), m->owned_.size())) throw SynonymError("synonym model: internal error compiling");
  return m;
}

void SynonymModel::compile(const std::vector<std::string>& sources, const std::string& out) {
  auto image = build_image(sources);
  try {
    write_atomically(out, {std::string_view(reinterpret_cast<const char*>(image.data()), image.size())});
  } catch (const ImageError& e) {
    throw SynonymError(e.what());
  }
}

std::string_view SynonymModel::word(std::uint32_t i) const {
  if (i >= n_words_) return {};
  std::uint32_t first = word_off_[i], last = word_off_[i + 1];
  if (first > last || last > blob_bytes_) return {};
  return std::string_view(blob_ + first, last - first);
}

std::pair<std::uint32_t, std::uint32_t> SynonymModel::pairs_of(std::int64_t i) const {
  if (i < 0 || i >= static_cast<std::int64_t>(n_words_)) return {0, 0};
  std::uint32_t first = adj_off_[i], last = adj_off_[i + 1];
  if (first > last || last > n_pairs_) return {0, 0};
  return {first, last};
}

std::uint32_t SynonymModel::bucket(std::uint32_t b) const {
  return load<std::uint32_t>(reinterpret_cast<const char*>(buckets_) + 4ull * b);
}

std::int64_t SynonymModel::find(std::string_view w) const {
  // The hash index: at least half the buckets are empty, so a probe ends soon; a bounded loop
  // all the same, should an image be damaged in a way the structural checks let through.
  std::uint32_t mask = n_buckets_ - 1;
  std::uint32_t b = fnv1a(w) & mask;
  for (std::uint32_t probes = 0; probes < n_buckets_; ++probes, b = (b + 1) & mask) {
    std::uint32_t e = bucket(b);
    if (e == 0 || e > n_words_) return -1;
    if (word(e - 1) == w) return static_cast<std::int64_t>(e - 1);
  }
  return -1;
}

SynonymRelation SynonymModel::direct(std::string_view a, std::string_view b) const {
  auto ia = find(a), ib = find(b);
  if (ia < 0 || ib < 0) return {};
  auto [from, to] = pairs_of(ia);
  const std::uint32_t* first = target_ + from;
  const std::uint32_t* last = target_ + to;
  const std::uint32_t* it = std::lower_bound(first, last, static_cast<std::uint32_t>(ib));
  if (it == last || *it != static_cast<std::uint32_t>(ib)) return {};
  std::size_t k = static_cast<std::size_t>(it - target_);
  return SynonymRelation{strength_[k], sources_[k]};
}

SynonymRelation SynonymModel::relation(std::string_view a, std::string_view b) const {
  if (same_word(a, b)) return {};
  SynonymRelation best;
  auto xs = base_forms(a), ys = base_forms(b);
  for (const auto& x : xs) {
    for (const auto& y : ys) {
      auto r = direct(x, y);
      if (r.strength > best.strength) best.strength = r.strength;
      best.sources |= r.sources;
    }
  }
  if (!best.strength) best.sources = 0;
  return best;
}

std::uint8_t SynonymModel::pair_strength(std::string_view a, std::string_view b) const {
  return direct(lower(a), lower(b)).strength;
}

std::vector<std::pair<std::string, SynonymRelation>> SynonymModel::synonyms(std::string_view a) const {
  std::vector<std::pair<std::string, SynonymRelation>> out;
  auto ia = find(lower(a));
  if (ia < 0) return out;
  auto [first, last] = pairs_of(ia);
  for (auto k = first; k < last; ++k)
    out.emplace_back(std::string(word(target_[k])), SynonymRelation{strength_[k], sources_[k]});
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.second.strength > y.second.strength; });
  return out;
}

}  // namespace wirelint::models
