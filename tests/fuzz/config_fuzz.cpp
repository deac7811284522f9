// Fuzz target: the project configuration (.wirelint.toml, lint/config.h) and its resolution
// against the rules (lint/session.h): the bytes are written as the configuration of a folder,
// and a short story in that folder is linted with it. A bad configuration must be a ConfigError
// of one line that starts with the configuration's path; a good one must lint the story.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/sink.h"
#include "fuzz/fuzz_support.h"
#include "lint/config.h"
#include "lint/session.h"

namespace {

class CountingSink : public wirelint::DiagnosticSink {
 public:
  void diagnostic(const wirelint::Document&, const wirelint::Diagnostic&) override { ++count; }
  std::size_t count = 0;
};

const std::string& folder() {
  static const std::string dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("wirelint-config-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::ofstream(d / "words.txt") << "# accepted\nPyongyang\nKCNA\n";
    return d.string();
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  const std::string path = folder() + "/.wirelint.toml";
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), size);
  try {
    lint::SessionOptions options;
    options.date = Date{2024, 3, 1};
    std::ostringstream errors;
    lint::Session session(fuzz::engine(), options, errors);
    CountingSink sink;
    session.lint_bytes(folder() + "/story.txt",
                       "PYONGYANG (Reuters) - The the North Korean state news agency KCNA said on Friday .\n", sink);
    if (session.files() != 1) fuzz::fail("the story was not linted: " + errors.str());
  } catch (const lint::ConfigError& e) {
    fuzz::check_error_names_file(e.what(), path);
  }
  return 0;
}
