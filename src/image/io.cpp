#include "image/io.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace wirelint {

FileStamp file_stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return FileStamp{};
  return FileStamp{static_cast<std::uint64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

std::uint64_t checksum(const char* p, std::size_t n) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = ((h << 7) | (h >> 57)) ^ w;
  }
  for (; i < n; ++i) h = ((h << 7) | (h >> 57)) ^ static_cast<unsigned char>(p[i]);
  return h;
}

MappedFile::MappedFile(const std::string& path, bool populate) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    void* map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
    if (map != MAP_FAILED) {
      data_ = map;
      size_ = static_cast<std::size_t>(st.st_size);
    }
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

void write_atomically(const std::string& out, const std::vector<std::string_view>& parts) {
  std::string tmp = out + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    for (auto part : parts) f.write(part.data(), static_cast<std::streamsize>(part.size()));
    f.flush();
    if (!f) {
      std::remove(tmp.c_str());
      throw ImageError(out + ": cannot write");
    }
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw ImageError(out + ": cannot write");
  }
}

}  // namespace wirelint
