// Fuzz target: the Markdown reader (input/reader.h mask_markdown and prepare). The mask must be
// exactly as long as the file, keep every line break where it was, and change bytes only to
// spaces; a front-matter date, if taken, must be a real date; the prepared document must map
// back into the file.
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "fuzz/fuzz_support.h"
#include "input/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  std::string source = fuzz::bytes_of(data, size);
  std::optional<Date> date;
  std::string mask = input::mask_markdown(source, &date);
  if (mask.size() != source.size()) fuzz::fail("mask of another length");
  for (std::size_t i = 0; i < mask.size(); ++i) {
    if ((source[i] == '\n') != (mask[i] == '\n')) fuzz::fail("a line break moved at " + std::to_string(i));
    if (mask[i] != source[i] && mask[i] != ' ') fuzz::fail("a byte masked to something other than a space");
  }
  if (date && (date->month < 1 || date->month > 12 || date->day < 1 || date->day > 31)) fuzz::fail("impossible date");
  auto prepared = input::prepare("fuzz.md", source, InputFormat::markdown);
  if (prepared.doc->source != source) fuzz::fail("the document's source is not the file");
  if (prepared.error_offset) fuzz::fail("Markdown refused");
  fuzz::check_document(*prepared.doc);
  return 0;
}
