// The base protocol of LSP: each message is a header block (`Name: value` lines ending in
// CRLF, then an empty line) followed by exactly Content-Length bytes of JSON. Content-Type and
// any other header are accepted and ignored.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

namespace wirelint::lsp {

// Larger bodies are refused: no editor sends a story this big, and the limit stops a corrupt
// header from making us allocate gigabytes.
constexpr std::size_t kMaxContentLength = 64u << 20;

struct Frame {
  enum class Status {
    ok,       // `body` holds one message
    bad,      // a header block without a usable Content-Length; `error` says why; the stream
              // is positioned after the header block, so reading can go on
    end,      // end of input before a new message began
    truncated // end of input inside a message
  };
  Status status = Status::end;
  std::string body;
  std::string error;
};

Frame read_frame(std::istream& in);
void write_frame(std::ostream& out, const std::string& body);

}  // namespace wirelint::lsp
