#include "image/io.h"

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
