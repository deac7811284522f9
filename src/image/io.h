// Writing and reading the compiled data images (entities, rules; see docs/DESIGN.md): plain
// little-endian integers and length-prefixed strings appended to a byte string, read back
// with a bounds check on every field, so a truncated or corrupt image throws ImageError
// instead of reading past its end. Also the stamp (size, modification time) that ties an
// image to the source files it was compiled from, the checksum of a payload or a source, and a
// whole file mapped into memory.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace wirelint {

class ImageError : public std::runtime_error {
 public:
  explicit ImageError(const std::string& what) : std::runtime_error(what) {}
};

// A source file's size and modification time (nanoseconds); mtime_ns -1 when it is absent.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = -1;
  friend bool operator==(const FileStamp& a, const FileStamp& b) { return a.size == b.size && a.mtime_ns == b.mtime_ns; }
};
FileStamp file_stamp(const std::string& path);

// A value of type T stored at `p` in the image's (little-endian) layout, at any alignment.
template <typename T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// FNV-1a: the hash of the images' hash tables (flat tables, the synonym model's index);
// deterministic across builds and machines, so a table built once reads anywhere.
inline std::uint32_t fnv1a(std::string_view key) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  return h;
}

// Eight bytes at a time, rotated: catches flipped and shifted bytes for the cost of a copy. Not
// a cryptographic hash: it tells a changed or damaged file, not a forged one.
std::uint64_t checksum(const char* p, std::size_t n);
inline std::uint64_t checksum(std::string_view s) { return checksum(s.data(), s.size()); }

// A whole file mapped read-only, populated in the same call: reading it into fresh heap pages
// would cost a page fault each, most of the read time in a virtual machine. empty() when the
// file is absent, empty or cannot be mapped. A large file read in a few places (a sorted table
// searched by bisection) is better mapped without `populate`: its pages are read when touched.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path, bool populate = true);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool empty() const { return size_ == 0; }
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// Writes `parts` one after another to a temporary file beside `out` and renames it over `out`,
// so a reader never sees half an image. Throws ImageError "OUT: cannot write".
void write_atomically(const std::string& out, const std::vector<std::string_view>& parts);

class ImageWriter {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  void magic(const char (&m)[8]) { raw(m, 8); }
  // A source file's stamp, as ImageReader::stamp reads it back.
  void stamp(const FileStamp& s) {
    u64(s.size);
    i64(s.mtime_ns);
  }
  // The tail every image's header ends with: the payload's size and checksum (the payload itself
  // follows it in the file).
  void payload_tail(std::string_view payload) {
    u64(payload.size());
    u64(checksum(payload));
  }
  const std::string& bytes() const { return out_; }
  std::string take() && { return std::move(out_); }

 private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

class ImageReader {
 public:
  ImageReader(const char* data, std::size_t size) : p_(data), end_(data + size) {}
  std::uint8_t u8() {
    need(1);
    return static_cast<std::uint8_t>(*p_++);
  }
  std::uint32_t u32() { return raw<std::uint32_t>(); }
  std::uint64_t u64() { return raw<std::uint64_t>(); }
  std::int64_t i64() { return raw<std::int64_t>(); }
  // A count of items that each take at least `min_bytes`: refused when the rest cannot hold them.
  std::uint32_t count(std::size_t min_bytes = 1) {
    std::uint32_t n = u32();
    if (min_bytes && n > remaining() / min_bytes) throw ImageError("corrupt image: a count runs past the end");
    return n;
  }
  std::string str() {
    std::uint32_t n = u32();
    need(n);
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  std::vector<std::string> strs() {
    std::vector<std::string> v(count(4));
    for (auto& s : v) s = str();
    return v;
  }
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }
  FileStamp stamp() {
    FileStamp s;
    s.size = u64();
    s.mtime_ns = i64();
    return s;
  }
  // Whether the next eight bytes are `m` (read either way).
  bool magic(const char (&m)[8]) { return std::memcmp(bytes(8).data(), m, 8) == 0; }
  // The payload after ImageWriter::payload_tail: the rest of the bytes, which must have the size
  // and checksum the tail records (stored in `sum` when given). Throws ImageError
  // "corrupt image: payload size|checksum".
  std::string_view checked_payload(std::uint64_t* sum = nullptr) {
    std::uint64_t size = u64(), recorded = u64();
    if (size != remaining()) throw ImageError("corrupt image: payload size");
    std::string_view payload = bytes(remaining());
    if (checksum(payload) != recorded) throw ImageError("corrupt image: checksum");
    if (sum) *sum = recorded;
    return payload;
  }
  // The next `n` bytes, read in place and passed over.
  std::string_view bytes(std::size_t n) {
    need(n);
    std::string_view v(p_, n);
    p_ += n;
    return v;
  }

 private:
  void need(std::size_t n) const {
    if (n > remaining()) throw ImageError("corrupt image: truncated");
  }
  template <typename T>
  T raw() {
    need(sizeof(T));
    T v;
    std::memcpy(&v, p_, sizeof v);
    p_ += sizeof v;
    return v;
  }
  const char* p_;
  const char* end_;
};

}  // namespace wirelint
