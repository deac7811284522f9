// Fuzz target: the NITF, NewsML-G2 and HTML readers (input/markup.h). The first byte picks the
// dialect (0 NITF, 1 NewsML-G2, 2 HTML, by its value mod 3), the rest is the file. It goes
// through input::prepare (which blanks ill-formed UTF-8, then parses), through xml_root_name
// (the sniffer of .xml files) and, for valid UTF-8, straight through read_markup too. Either the file is refused with an error (no text, an
// offset inside the file) or its text maps back into the file: one start and end per text byte
// plus one, never decreasing; text nodes sorted and disjoint; the date, if any, a real date.
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.h"
#include "input/markup.h"
#include "input/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  if (size == 0) return 0;
  const InputFormat dialects[] = {InputFormat::nitf, InputFormat::newsml, InputFormat::html};
  InputFormat format = dialects[data[0] % 3];
  std::string source = fuzz::bytes_of(data + 1, size - 1);

  auto prepared = input::prepare("fuzz.xml", source, format);
  const Document& doc = *prepared.doc;
  if (doc.source != source) fuzz::fail("the document's source is not the file");
  if (prepared.error_offset) {
    if (!doc.text.empty()) fuzz::fail("a refused file has text");
    if (*prepared.error_offset > source.size()) fuzz::fail("error offset past the end");
    if (prepared.error.empty() || prepared.error.find('\n') != std::string::npos)
      fuzz::fail("markup error is not one line: " + prepared.error);
  }
  fuzz::check_document(doc);
  if (doc.date && (doc.date->month < 1 || doc.date->month > 12 || doc.date->day < 1 || doc.date->day > 31))
    fuzz::fail("impossible date");

  (void)input::xml_root_name(source);
  if (!prepared.invalid_utf8_offset) {
    auto m = input::read_markup(source, format);
    if (m.error) {
      if (!m.text.empty() || m.error->offset > source.size()) fuzz::fail("read_markup: error with text or offset");
    } else {
      if (m.starts.size() != m.text.size() + 1 || m.ends.size() != m.text.size() + 1)
        fuzz::fail("read_markup: maps of the wrong size");
      for (std::size_t i = 0; i <= m.text.size(); ++i) {
        if (m.starts[i] > source.size() || m.ends[i] > source.size()) fuzz::fail("read_markup: map past the file");
        if (i > 0 && m.starts[i] < m.starts[i - 1]) fuzz::fail("read_markup: starts decrease");
      }
    }
  }
  return 0;
}
