// Fuzz target: any bytes, as a story, through the whole engine (encoding detection, the reader,
// the tokenizer, every default rule) and the position index. It checks what must hold for any
// input: no crash, no sanitizer report, every finding's span inside the text.
//
// With clang and -DWIRELINT_FUZZ=ON this builds `lint_fuzz`, a libFuzzer binary:
//   build/tests/lint_fuzz -max_total_time=60 tests/fuzz/corpus
// Always built as `lint_fuzz_replay`, which runs the same entry on every file of the folders or
// files it is given; ctest runs it over tests/fuzz/corpus (the seed inputs and every crash found
// so far, kept as regression cases).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "input/encoding.h"
#include "input/reader.h"
#include "lint/engine.h"
#include "lint/linter.h"

namespace {

const wirelint::lint::Engine& engine() {
  static const wirelint::lint::Engine e(WIRELINT_SOURCE_DIR);
  return e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto encoding = input::sniff_encoding(bytes);
  if (encoding != input::Encoding::utf8) {
    std::string text;
    if (input::decode_to_utf8(bytes, encoding, text)) return 0;  // ill-formed: an input error
    bytes = std::move(text);
  }
  if (input::looks_binary(bytes)) return 0;  // skipped with a notice
  // Markup is read as such when its first bytes say so (and then the length picks the dialect
  // claimed, right or wrong); otherwise the length picks plain text or Markdown, so the fuzzer
  // explores every reader.
  InputFormat format = input::detect_format("fuzz.txt", bytes);
  if (is_markup(format) || format == InputFormat::xml) {
    const InputFormat dialects[] = {InputFormat::nitf, InputFormat::newsml, InputFormat::html};
    format = dialects[size % 3];
  } else {
    format = size % 2 ? InputFormat::markdown : InputFormat::plain;
  }
  auto prepared = input::prepare("fuzz.txt", bytes, format);
  const Document& doc = *prepared.doc;
  const auto& rules = engine().rules();
  auto found = engine().linter().lint(doc, lint::RuleSelection::defaults(rules), Date{1987, 3, 2});
  for (const auto& d : found) {
    if (d.span.offset > doc.source.size() || d.span.end() > doc.source.size()) {
      std::fprintf(stderr, "finding of %s outside the text: %zu+%zu of %zu\n", d.rule.c_str(), d.span.offset,
                   d.span.length, doc.source.size());
      std::abort();
    }
    auto at = doc.lines.position(d.span.offset);
    if (at.line < 1 || at.column < 1) std::abort();
  }
  return 0;
}

#ifdef WIRELINT_FUZZ_REPLAY
int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::size_t runs = 0;
  auto run = [&](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    std::string bytes = s.str();
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    ++runs;
  };
  for (int i = 1; i < argc; ++i) {
    fs::path p(argv[i]);
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) run(e.path());
    } else {
      run(p);
    }
  }
  std::printf("lint_fuzz_replay: %zu inputs, no failure\n", runs);
  return runs > 0 ? 0 : 1;
}
#endif
