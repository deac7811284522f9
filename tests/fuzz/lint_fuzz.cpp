// Fuzz target: any bytes, as a story, through the whole engine (encoding detection, the reader,
// the tokenizer, every default rule) and the position index. It checks what must hold for any
// input: no crash, no sanitizer report, every finding's span inside the text.
//
// Corpus: tests/fuzz/corpus/lint; how to build and run it: README.md.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_support.h"
#include "input/encoding.h"
#include "input/reader.h"
#include "lint/engine.h"
#include "lint/linter.h"

using wirelint::fuzz::engine;

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
