// Fuzz target: the fix applier (lint/fix.h) as --fix uses it (lint/session.cpp): lint the story
// with every default rule, plan the fixes, apply them, lint the result and fix again until
// nothing changes. It checks that the planned edits are sorted, disjoint and inside the source;
// that applying them keeps every byte outside the edits and puts in exactly the replacements;
// that markup stays markup a reader accepts; that the repeated fixing settles within the
// session's ten passes; and that fixing the settled text again changes nothing.
// The first byte picks the format (plain, Markdown, NITF, NewsML-G2, HTML: its value mod 5).
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "input/reader.h"
#include "lint/fix.h"
#include "lint/linter.h"

namespace {

using namespace wirelint;

// The edits --fix would make to `doc`, after checking what apply_edits relies on.
std::vector<lint::Edit> planned(const Document& doc) {
  const auto& e = fuzz::engine();
  auto found = e.linter().lint(doc, lint::RuleSelection::defaults(e.rules()), Date{2024, 3, 1});
  auto edits = lint::plan_fixes(found);
  std::size_t last_end = 0;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    const auto& s = edits[i].span;
    if (s.end() > doc.source.size()) fuzz::fail(edits[i].rule + ": edit past the end of the source");
    if (i > 0 && (s.offset < last_end || s.offset == edits[i - 1].span.offset)) fuzz::fail("edits overlap");
    if (!doc.within_text_node(s.offset, s.end())) fuzz::fail(edits[i].rule + ": edit outside a text node");
    last_end = s.end();
  }
  return edits;
}

// apply_edits, checked against the edits: the bytes between them kept, the replacements in.
std::string applied(const std::string& source, const std::vector<lint::Edit>& edits) {
  std::string out = lint::apply_edits(source, edits);
  std::size_t from = 0, at = 0;
  for (const auto& e : edits) {
    std::size_t keep = e.span.offset - from;
    if (out.compare(at, keep, source, from, keep) != 0) fuzz::fail("a byte outside the edits changed");
    at += keep;
    if (out.compare(at, e.replacement.size(), e.replacement) != 0) fuzz::fail("a replacement is missing");
    at += e.replacement.size();
    from = e.span.end();
  }
  if (out.compare(at, std::string::npos, source, from, std::string::npos) != 0 || out.size() - at != source.size() - from)
    fuzz::fail("the tail after the last edit changed");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const InputFormat formats[] = {InputFormat::plain, InputFormat::markdown, InputFormat::nitf, InputFormat::newsml,
                                 InputFormat::html};
  const InputFormat format = formats[data[0] % 5];
  std::string source = fuzz::bytes_of(data + 1, size - 1);
  if (input::looks_binary(source)) return 0;  // skipped by the session
  auto prepared = input::prepare("fuzz", source, format);
  if (prepared.error_offset) return 0;  // not checked, not fixed
  constexpr int kMaxPasses = 10;  // as in Session::lint_source
  std::string text = source;
  for (int pass = 0;; ++pass) {
    auto edits = planned(*prepared.doc);
    if (edits.empty()) break;
    if (pass == kMaxPasses) fuzz::fail("fixes still change the text after " + std::to_string(kMaxPasses) + " passes");
    text = applied(text, edits);
    prepared = input::prepare("fuzz", text, format);
    if (prepared.error_offset) fuzz::fail("fixed markup no longer parses: " + prepared.error);
  }
  return 0;
}
