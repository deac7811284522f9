// Fuzz target: the language server's message reader and dispatcher (lsp/framing.h, lsp/server.h)
// over any bytes as the editor's side of the stream: headers, bodies, JSON-RPC, documents opened,
// changed and closed, code actions. The server must end with 0 or 1 and write only frames, each
// a JSON object; nothing may crash it.
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz/fuzz_support.h"
#include "lsp/framing.h"
#include "lsp/server.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  std::istringstream in(fuzz::bytes_of(data, size));
  std::ostringstream out;
  std::ostringstream log;
  int code = lsp::run(fuzz::engine(), in, out, &log);
  if (code != 0 && code != 1) fuzz::fail("exit code " + std::to_string(code));
  std::istringstream written(out.str());
  for (;;) {
    auto frame = lsp::read_frame(written);
    if (frame.status == lsp::Frame::Status::end) break;
    if (frame.status != lsp::Frame::Status::ok) fuzz::fail("the server wrote a broken frame: " + frame.error);
    auto message = nlohmann::json::parse(frame.body, nullptr, false);
    if (!message.is_object()) fuzz::fail("the server wrote a body that is not a JSON object: " + frame.body);
  }
  return 0;
}
