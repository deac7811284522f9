#include "lint/fix.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <tuple>

namespace fs = std::filesystem;

namespace wirelint::lint {

std::vector<Edit> plan_fixes(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Edit> candidates;
  for (const auto& d : diagnostics) {
    if (!d.fixable || d.replacements.size() != 1 || d.replacements[0] == d.match) continue;
    candidates.push_back(Edit{d.span, d.replacements[0], d.rule});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Edit& a, const Edit& b) {
    return std::tie(a.span.offset, a.rule, a.replacement, a.span.length) <
           std::tie(b.span.offset, b.rule, b.replacement, b.span.length);
  });
  std::vector<Edit> accepted;
  for (auto& e : candidates) {
    if (!accepted.empty()) {
      const Span& last = accepted.back().span;
      // Two edits at one offset (even two insertions) would depend on their order: skip.
      if (e.span.offset < last.end() || e.span.offset == last.offset) continue;
    }
    accepted.push_back(std::move(e));
  }
  return accepted;
}

std::string escape_markup_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";  // "]]>" may not appear in XML text
    } else {
      out += c;
    }
  }
  return out;
}

std::string apply_edits(std::string_view source, const std::vector<Edit>& edits) {
  std::string out;
  out.reserve(source.size());
  std::size_t pos = 0;
  for (const auto& e : edits) {
    std::size_t begin = std::min(e.span.offset, source.size());
    if (begin < pos) continue;  // not sorted or overlapping: keep the source as it is
    out.append(source.substr(pos, begin - pos));
    out += e.replacement;
    pos = std::min(e.span.end(), source.size());
  }
  out.append(source.substr(pos));
  return out;
}

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t nl = s.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

enum class OpKind { same, del, ins };
struct Op {
  OpKind kind;
  std::string_view line;
};

void append_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t before, std::size_t count) {
  // An empty range names the line before it, as diff(1) and patch(1) expect.
  return std::to_string(count == 0 ? before : before + 1) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  auto a = split_lines(before), b = split_lines(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;

  // Fixes replace text within lines, so the changed middles usually have as many lines on both
  // sides: pair them line by line. Otherwise the middle is one replaced block (still a correct
  // diff, only not minimal).
  std::vector<Op> ops;
  for (std::size_t i = 0; i < prefix; ++i) ops.push_back({OpKind::same, a[i]});
  std::size_t am = a.size() - prefix - suffix, bm = b.size() - prefix - suffix;
  if (am == bm) {
    std::size_t i = 0;
    while (i < am) {
      if (a[prefix + i] == b[prefix + i]) {
        ops.push_back({OpKind::same, a[prefix + i]});
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < am && a[prefix + j] != b[prefix + j]) ++j;
      for (std::size_t k = i; k < j; ++k) ops.push_back({OpKind::del, a[prefix + k]});
      for (std::size_t k = i; k < j; ++k) ops.push_back({OpKind::ins, b[prefix + k]});
      i = j;
    }
  } else {
    for (std::size_t k = 0; k < am; ++k) ops.push_back({OpKind::del, a[prefix + k]});
    for (std::size_t k = 0; k < bm; ++k) ops.push_back({OpKind::ins, b[prefix + k]});
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) ops.push_back({OpKind::same, a[i]});

  // Lines of each side consumed before each op, for the hunk headers.
  std::vector<std::size_t> a_before(ops.size() + 1), b_before(ops.size() + 1);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    a_before[k + 1] = a_before[k] + (ops[k].kind != OpKind::ins);
    b_before[k + 1] = b_before[k] + (ops[k].kind != OpKind::del);
  }
  std::vector<std::size_t> changes;
  for (std::size_t k = 0; k < ops.size(); ++k)
    if (ops[k].kind != OpKind::same) changes.push_back(k);

  constexpr std::size_t kContext = 3;
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  std::size_t g = 0;
  while (g < changes.size()) {
    std::size_t h = g;
    while (h + 1 < changes.size() && changes[h + 1] - changes[h] - 1 <= 2 * kContext) ++h;
    std::size_t first = changes[g] >= kContext ? changes[g] - kContext : 0;
    std::size_t last = std::min(ops.size(), changes[h] + kContext + 1);
    out += "@@ -" + range(a_before[first], a_before[last] - a_before[first]) + " +" +
           range(b_before[first], b_before[last] - b_before[first]) + " @@\n";
    for (std::size_t k = first; k < last; ++k)
      append_line(out, ops[k].kind == OpKind::same ? ' ' : ops[k].kind == OpKind::del ? '-' : '+', ops[k].line);
    g = h + 1;
  }
  return out;
}

bool write_atomically(const std::string& path, const std::string& bytes, std::string& error) {
  std::error_code ec;
  fs::path target = path;
  if (fs::is_symlink(target, ec)) {
    target = fs::canonical(target, ec);
    if (ec) {
      error = "cannot resolve symbolic link: " + ec.message();
      return false;
    }
  }
  struct stat st;
  if (::stat(target.c_str(), &st) != 0) {
    error = std::string("cannot stat: ") + std::strerror(errno);
    return false;
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmp = (dir / ("." + target.filename().string() + ".wirelint-XXXXXX")).string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    error = std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    return false;
  }
  auto fail = [&](const char* what) {
    error = std::string(what) + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return false;
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot write the temporary file");
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions");
  // Keep the owner when allowed to (running as root on someone else's file); otherwise the
  // file simply belongs to whoever fixed it, as with any editor.
  if (::fchown(fd, st.st_uid, st.st_gid) != 0) {
  }
  if (::fsync(fd) != 0) return fail("cannot sync the temporary file");
  if (::close(fd) != 0) {
    error = std::string("cannot close the temporary file: ") + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    error = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);  // best effort: makes the rename itself durable
    ::close(dfd);
  }
  return true;
}

}  // namespace wirelint::lint
