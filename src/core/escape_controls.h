// Error messages are one line ("file:line: problem"): a value quoted from the input may hold a
// line break or another control character (a TOML string "a\nb"), which is written as an escape.
#pragma once

#include <string>

namespace wirelint {

inline std::string escape_controls(const std::string& message) {
  std::string out;
  out.reserve(message.size());
  static const char* hex = "0123456789abcdef";
  for (char ch : message) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) (out += "\\x") += std::string{hex[c >> 4], hex[c & 15]};
    else out += ch;
  }
  return out;
}

}  // namespace wirelint
