#include "lsp/framing.h"

#include <algorithm>
#include <cctype>

namespace wirelint::lsp {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

Frame read_frame(std::istream& in) {
  Frame f;
  std::string line, length_text;
  bool any_header = false, have_length = false;
  // Header lines end in CRLF; a bare LF is accepted too, since being lenient costs nothing.
  while (true) {
    if (!std::getline(in, line)) {
      f.status = any_header ? Frame::Status::truncated : Frame::Status::end;
      return f;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;  // not a header: ignored, the block goes on
    if (lower(trim(line.substr(0, colon))) == "content-length") {
      length_text = trim(line.substr(colon + 1));
      have_length = true;
    }
  }
  if (!have_length) {
    f.status = Frame::Status::bad;
    f.error = "missing Content-Length header";
    return f;
  }
  std::size_t length = 0;
  bool digits = !length_text.empty() && length_text.size() <= 12 &&
                std::all_of(length_text.begin(), length_text.end(), [](unsigned char c) { return std::isdigit(c); });
  if (digits) length = std::stoull(length_text);
  if (!digits || length > kMaxContentLength) {
    f.status = Frame::Status::bad;
    f.error = "invalid Content-Length header '" + length_text + "'";
    return f;
  }
  f.body.resize(length);
  // read() returns only when all bytes arrived or the input ended, so partial pipe reads are
  // joined here.
  in.read(f.body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length) {
    f.body.resize(static_cast<std::size_t>(in.gcount()));
    f.status = Frame::Status::truncated;
    return f;
  }
  f.status = Frame::Status::ok;
  return f;
}

void write_frame(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace wirelint::lsp
