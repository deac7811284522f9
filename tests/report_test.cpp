// report/: every reporter driven with in-memory Documents; outputs compared byte for byte
// (line, text) or parsed back field by field (json).

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "report/reporter.h"

namespace wirelint::report {
namespace {

std::unique_ptr<Document> make_doc(std::string path, std::string source) {
  auto doc = std::make_unique<Document>();
  doc->path = std::move(path);
  doc->source = std::move(source);
  doc->finalize();
  return doc;
}

Diagnostic make_diag(const Document& doc, std::string rule, Severity severity,
                     std::string message, std::size_t offset, std::size_t length,
                     std::vector<std::string> replacements = {}) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = std::move(message);
  d.span = Span{offset, length};
  d.match = doc.source.substr(offset, length);
  d.replacements = std::move(replacements);
  return d;
}

struct FileRun {
  const Document* doc;
  std::vector<Diagnostic> diagnostics;
};

std::string run(std::string_view format, const std::vector<FileRun>& files,
                ReporterOptions options = {}) {
  std::ostringstream out;
  auto reporter = make_reporter(format, out, options);
  EXPECT_NE(reporter, nullptr);
  if (!reporter) return {};
  for (const FileRun& f : files) {
    reporter->begin_file(*f.doc);
    for (const Diagnostic& d : f.diagnostics) reporter->diagnostic(*f.doc, d);
    reporter->end_file(*f.doc);
  }
  reporter->finish();
  return out.str();
}

// Two findings in a.txt (one after a 3-byte apostrophe) and a clean b.txt.
struct Sample {
  std::unique_ptr<Document> a = make_doc("a.txt", "The U. S. said\nIran\xE2\x80\x99s  nuclear\n");
  std::unique_ptr<Document> b = make_doc("b.txt", "Clean copy.\n");
  std::vector<FileRun> files() const {
    return {
        {a.get(),
         {make_diag(*a, "typography-spaced-abbreviation", Severity::error,
                    "Write \xE2\x80\x9CU.S.\xE2\x80\x9D, not \xE2\x80\x9CU. S.\xE2\x80\x9D", 4, 5,
                    {"U.S."}),
          make_diag(*a, "typography-double-space", Severity::warning, "Double space", 23, 2,
                    {" "})}},
        {b.get(), {}},
    };
  }
};

// --- registry -------------------------------------------------------------------------------

TEST(ReporterRegistryTest, FormatNames) {
  EXPECT_EQ(format_names(), (std::vector<std::string_view>{"text", "line", "json", "sarif", "github", "rdjsonl", "html"}));
}

TEST(ReporterRegistryTest, EveryListedFormatIsMade) {
  std::ostringstream out;
  for (std::string_view name : format_names())
    EXPECT_NE(make_reporter(name, out, {}), nullptr) << name;
}

TEST(ReporterRegistryTest, UnknownFormatIsNull) {
  std::ostringstream out;
  EXPECT_EQ(make_reporter("xml", out, {}), nullptr);
  EXPECT_EQ(make_reporter("", out, {}), nullptr);
  EXPECT_EQ(make_reporter("JSON", out, {}), nullptr);
}

TEST(ReporterRegistryTest, NoticesAreNotWritten) {
  for (std::string_view name : format_names()) {
    std::ostringstream out;
    auto reporter = make_reporter(name, out, ReporterOptions{false, true});
    reporter->notice("bin.dat", "binary file");
    EXPECT_EQ(out.str().find("bin.dat"), std::string::npos) << name;
  }
}

// --- line -----------------------------------------------------------------------------------

TEST(LineReporterTest, OneLinePerDiagnostic) {
  Sample s;
  EXPECT_EQ(run("line", s.files()),
            "a.txt:1:5: error: Write \xE2\x80\x9CU.S.\xE2\x80\x9D, not \xE2\x80\x9CU. "
            "S.\xE2\x80\x9D [typography-spaced-abbreviation]\n"
            "a.txt:2:7: warning: Double space [typography-double-space]\n");
}

TEST(LineReporterTest, WritesAsDiagnosticsArrive) {
  auto doc = make_doc("a.txt", "Kiev");
  std::ostringstream out;
  auto reporter = make_reporter("line", out, {});
  reporter->begin_file(*doc);
  reporter->diagnostic(*doc, make_diag(*doc, "r", Severity::suggestion, "m", 0, 4));
  EXPECT_EQ(out.str(), "a.txt:1:1: suggestion: m [r]\n");
}

TEST(LineReporterTest, CrlfAndByteOrderMark) {
  auto doc = make_doc("dir/story.txt", "\xEF\xBB\xBFOne\r\ntwo Kiev\r\n");
  EXPECT_EQ(run("line", {{doc.get(),
                          {make_diag(*doc, "geo-kyiv", Severity::warning, "Use Kyiv", 3, 3),
                           make_diag(*doc, "geo-kyiv", Severity::warning, "Use Kyiv", 12, 4)}}}),
            "dir/story.txt:1:1: warning: Use Kyiv [geo-kyiv]\n"
            "dir/story.txt:2:5: warning: Use Kyiv [geo-kyiv]\n");
}

TEST(LineReporterTest, ControlCharactersCannotBreakTheLine) {
  auto doc = make_doc("a\nb.txt", "x");
  EXPECT_EQ(run("line", {{doc.get(), {make_diag(*doc, "r\t1", Severity::error, "two\nlines\r\x1b", 0, 1)}}}),
            "a b.txt:1:1: error: two lines   [r 1]\n");
}

TEST(LineReporterTest, CleanRunWritesNothing) {
  Sample s;
  EXPECT_EQ(run("line", {{s.b.get(), {}}}), "");
}

// --- text -----------------------------------------------------------------------------------

TEST(TextReporterTest, PlainLayout) {
  Sample s;
  EXPECT_EQ(run("text", s.files()),
            "a.txt:1:5: error: Write \xE2\x80\x9CU.S.\xE2\x80\x9D, not \xE2\x80\x9CU. "
            "S.\xE2\x80\x9D [typography-spaced-abbreviation]\n"
            "   1 | The U. S. said\n"
            "     |     ^~~~~\n"
            "\n"
            "a.txt:2:7: warning: Double space [typography-double-space]\n"
            "   2 | Iran\xE2\x80\x99s  nuclear\n"
            "     |       ^~\n"
            "\n"
            "1 error, 1 warning in 2 files (1 file clean)\n");
}

TEST(TextReporterTest, LongLineShowsAWindowAroundTheSpan) {
  // 200 "a " pairs, "Kiev" at byte 400, 200 more: 80 code points either side, cut marks at the
  // cuts, the underline under the span.
  std::string line = std::string(400, 'a') + "Kiev" + std::string(400, 'b');
  for (std::size_t i = 1; i < 400; i += 2) line[i] = ' ', line[404 + i] = ' ';
  auto doc = make_doc("a.txt", line);
  std::string got = run("text", {{doc.get(), {make_diag(*doc, "r", Severity::warning, "m", 400, 4)}}});
  const std::string cut = "\xE2\x80\xA6";
  std::string window = cut + line.substr(320, 4 + 160) + cut;
  EXPECT_EQ(got, "a.txt:1:401: warning: m [r]\n"
                 "   1 | " + window + "\n"
                 "     | " + std::string(81, ' ') + "^~~~\n"
                 "\n"
                 "1 warning in 1 file\n");
}

TEST(TextReporterTest, ColourLayout) {
  Sample s;
  std::string out = run("text", s.files(), ReporterOptions{true, false});
  EXPECT_EQ(out,
            "\x1b[1ma.txt:1:5:\x1b[0m \x1b[1;31merror:\x1b[0m \x1b[1mWrite "
            "\xE2\x80\x9CU.S.\xE2\x80\x9D, not \xE2\x80\x9CU. S.\xE2\x80\x9D "
            "[typography-spaced-abbreviation]\x1b[0m\n"
            "   1 | The U. S. said\n"
            "     |     \x1b[1;31m^~~~~\x1b[0m\n"
            "\n"
            "\x1b[1ma.txt:2:7:\x1b[0m \x1b[1;33mwarning:\x1b[0m \x1b[1mDouble space "
            "[typography-double-space]\x1b[0m\n"
            "   2 | Iran\xE2\x80\x99s  nuclear\n"
            "     |       \x1b[1;33m^~\x1b[0m\n"
            "\n"
            "\x1b[1m1 error, 1 warning in 2 files (1 file clean)\x1b[0m\n");
}

TEST(TextReporterTest, ColourOnlyAddsEscapes) {
  Sample s;
  std::string plain = run("text", s.files());
  std::string coloured = run("text", s.files(), ReporterOptions{true, false});
  std::string stripped;
  for (std::size_t i = 0; i < coloured.size(); ++i) {
    if (coloured[i] == '\x1b') {
      i = coloured.find('m', i);
      continue;
    }
    stripped += coloured[i];
  }
  EXPECT_EQ(stripped, plain);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
}

TEST(TextReporterTest, SuggestionIsCyan) {
  auto doc = make_doc("a.txt", "ok");
  std::string out = run("text", {{doc.get(), {make_diag(*doc, "r", Severity::suggestion, "m", 0, 2)}}},
                        ReporterOptions{true, true});
  EXPECT_EQ(out,
            "\x1b[1ma.txt:1:1:\x1b[0m \x1b[1;36msuggestion:\x1b[0m \x1b[1mm [r]\x1b[0m\n"
            "   1 | ok\n"
            "     | \x1b[1;36m^~\x1b[0m\n");
}

TEST(TextReporterTest, QuietHasNoSummary) {
  Sample s;
  std::string out = run("text", s.files(), ReporterOptions{false, true});
  const std::string tail = "     |       ^~\n";
  ASSERT_GE(out.size(), tail.size());
  EXPECT_EQ(out.substr(out.size() - tail.size()), tail);
  EXPECT_EQ(out.find("file"), std::string::npos);
  EXPECT_EQ(run("text", {{s.b.get(), {}}}, ReporterOptions{false, true}), "");
}

TEST(TextReporterTest, TabsExpandToStopsOfEight) {
  auto doc = make_doc("t.txt", "\tx\ty z");
  EXPECT_EQ(run("text", {{doc.get(), {make_diag(*doc, "r", Severity::error, "m", 3, 3)}}},
                ReporterOptions{false, true}),
            "t.txt:1:4: error: m [r]\n"
            "   1 |         x       y z\n"
            "     |                 ^~~\n");
}

TEST(TextReporterTest, TabInsideSpanIsUnderlinedWhole) {
  auto doc = make_doc("t.txt", "ab\tc");
  EXPECT_EQ(run("text", {{doc.get(), {make_diag(*doc, "r", Severity::error, "m", 1, 3)}}},
                ReporterOptions{false, true}),
            "t.txt:1:2: error: m [r]\n"
            "   1 | ab      c\n"
            "     |  ^~~~~~~~\n");
}

TEST(TextReporterTest, MultiByteColumns) {
  // "Iran’s Kiev": the underline sits under Kiev although ’ is three bytes.
  auto doc = make_doc("m.txt", "Iran\xE2\x80\x99s Kiev \xF0\x9F\x98\x80 x");
  EXPECT_EQ(run("text",
                {{doc.get(),
                  {make_diag(*doc, "geo-kyiv", Severity::warning, "Use Kyiv", 9, 4),
                   make_diag(*doc, "emoji", Severity::suggestion, "Emoji", 14, 4)}}},
                ReporterOptions{false, true}),
            "m.txt:1:8: warning: Use Kyiv [geo-kyiv]\n"
            "   1 | Iran\xE2\x80\x99s Kiev \xF0\x9F\x98\x80 x\n"
            "     |        ^~~~\n"
            "\n"
            "m.txt:1:13: suggestion: Emoji [emoji]\n"
            "   1 | Iran\xE2\x80\x99s Kiev \xF0\x9F\x98\x80 x\n"
            "     |             ^\n");
}

TEST(TextReporterTest, CrlfLineIsShownWithoutCarriageReturn) {
  auto doc = make_doc("w.txt", "Hello\r\nWorld  x\r\n");
  EXPECT_EQ(run("text", {{doc.get(), {make_diag(*doc, "double-space", Severity::warning, "m", 12, 2)}}},
                ReporterOptions{false, true}),
            "w.txt:2:6: warning: m [double-space]\n"
            "   2 | World  x\n"
            "     |      ^~\n");
}

TEST(TextReporterTest, ByteOrderMarkIsNotShown) {
  auto doc = make_doc("b.txt", "\xEF\xBB\xBFKiev");
  EXPECT_EQ(run("text", {{doc.get(), {make_diag(*doc, "r", Severity::error, "m", 3, 4)}}},
                ReporterOptions{false, true}),
            "b.txt:1:1: error: m [r]\n"
            "   1 | Kiev\n"
            "     | ^~~~\n");
}

TEST(TextReporterTest, SpanOverSeveralLinesIsUnderlinedToEndOfFirstLine) {
  auto doc = make_doc("s.txt", "He said\nthat\r\n");
  EXPECT_EQ(run("text", {{doc.get(), {make_diag(*doc, "r", Severity::error, "m", 3, 9)}}},
                ReporterOptions{false, true}),
            "s.txt:1:4: error: m [r]\n"
            "   1 | He said\n"
            "     |    ^~~~\n");
}

TEST(TextReporterTest, EmptySpanAndSpanAtLineEnd) {
  auto doc = make_doc("e.txt", "abc\n\nx");
  EXPECT_EQ(run("text",
                {{doc.get(),
                  {make_diag(*doc, "r", Severity::error, "m", 1, 0),
                   make_diag(*doc, "r", Severity::error, "m", 3, 1),
                   make_diag(*doc, "r", Severity::error, "m", 4, 0),
                   make_diag(*doc, "r", Severity::error, "m", 6, 0)}}},
                ReporterOptions{false, true}),
            "e.txt:1:2: error: m [r]\n"
            "   1 | abc\n"
            "     |  ^\n"
            "\n"
            "e.txt:1:4: error: m [r]\n"
            "   1 | abc\n"
            "     |    ^\n"
            "\n"
            "e.txt:2:1: error: m [r]\n"
            "   2 |\n"
            "     | ^\n"
            "\n"
            "e.txt:3:2: error: m [r]\n"
            "   3 | x\n"
            "     |  ^\n");
}

TEST(TextReporterTest, WideLineNumbersWidenTheGutter) {
  auto doc = make_doc("long.txt", std::string(12345, '\n') + "x");
  EXPECT_EQ(run("text", {{doc.get(), {make_diag(*doc, "r", Severity::error, "m", 12345, 1)}}},
                ReporterOptions{false, true}),
            "long.txt:12346:1: error: m [r]\n"
            "12346 | x\n"
            "      | ^\n");
}

TEST(TextReporterTest, ControlCharactersInSourceAreReplaced) {
  auto doc = make_doc("c.txt", "a\x1b[31mb\x7f\xC2\x9B" "c \xFF" "d");
  EXPECT_EQ(run("text", {{doc.get(), {make_diag(*doc, "r", Severity::error, "m", 12, 1)}}},
                ReporterOptions{false, true}),
            "c.txt:1:12: error: m [r]\n"
            "   1 | a\xEF\xBF\xBD[31mb\xEF\xBF\xBD\xEF\xBF\xBD" "c \xEF\xBF\xBD" "d\n"
            "     |            ^\n");
}

TEST(TextReporterTest, SummaryWording) {
  auto a = make_doc("a.txt", "abc");
  auto b = make_doc("b.txt", "abc");
  auto c = make_doc("c.txt", "abc");
  auto d = [&](Severity s) { return make_diag(*a, "r", s, "m", 0, 1); };
  auto last_line = [](const std::string& out) {
    std::size_t end = out.size() - 1;
    return out.substr(out.rfind('\n', end - 1) + 1);
  };
  EXPECT_EQ(run("text", {}), "No files checked.\n");
  EXPECT_EQ(run("text", {{a.get(), {}}}), "No problems found in 1 file.\n");
  EXPECT_EQ(run("text", {{a.get(), {}}, {b.get(), {}}}), "No problems found in 2 files.\n");
  EXPECT_EQ(last_line(run("text", {{a.get(), {d(Severity::warning)}}})),
            "1 warning in 1 file\n");
  EXPECT_EQ(last_line(run("text", {{a.get(), {d(Severity::suggestion), d(Severity::suggestion)}}})),
            "2 suggestions in 1 file\n");
  EXPECT_EQ(last_line(run("text", {{a.get(),
                                    {d(Severity::error), d(Severity::error), d(Severity::error),
                                     d(Severity::warning), d(Severity::warning),
                                     d(Severity::suggestion)}},
                                   {b.get(), {d(Severity::error)}},
                                   {c.get(), {}}})),
            "4 errors, 2 warnings, 1 suggestion in 3 files (1 file clean)\n");
  EXPECT_EQ(last_line(run("text", {{a.get(), {d(Severity::error), d(Severity::suggestion)}},
                                   {b.get(), {}},
                                   {c.get(), {}}})),
            "1 error, 1 suggestion in 3 files (2 files clean)\n");
}

TEST(TextReporterTest, FinishTwiceWritesOnce) {
  std::ostringstream out;
  auto reporter = make_reporter("text", out, {});
  reporter->finish();
  reporter->finish();
  EXPECT_EQ(out.str(), "No files checked.\n");
}

// --- json -----------------------------------------------------------------------------------

using OrderedJson = nlohmann::ordered_json;

std::vector<std::string> keys(const OrderedJson& object) {
  std::vector<std::string> result;
  for (auto it = object.begin(); it != object.end(); ++it) result.push_back(it.key());
  return result;
}

TEST(JsonReporterTest, ExactOutputForOneFinding) {
  auto doc = make_doc("a.txt", "Kiev");
  EXPECT_EQ(run("json", {{doc.get(), {make_diag(*doc, "geo-kyiv", Severity::warning, "Use Kyiv",
                                                0, 4, {"Kyiv"})}}}),
            R"({
  "version": 1,
  "files": [
    {
      "path": "a.txt",
      "diagnostics": [
        {
          "rule": "geo-kyiv",
          "severity": "warning",
          "message": "Use Kyiv",
          "line": 1,
          "column": 1,
          "end_line": 1,
          "end_column": 5,
          "offset": 0,
          "length": 4,
          "match": "Kiev",
          "replacements": [
            "Kyiv"
          ]
        }
      ]
    }
  ]
}
)");
}

TEST(JsonReporterTest, EmptyRun) {
  std::string out = run("json", {});
  EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json::parse(R"({"version":1,"files":[]})"));
  EXPECT_EQ(out.back(), '\n');
}

TEST(JsonReporterTest, FieldsKeysAndMultiByteColumns) {
  Sample s;
  std::string out = run("json", s.files());
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  OrderedJson j = OrderedJson::parse(out);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"version", "files"}));
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["files"].size(), 2u);

  const OrderedJson& a = j["files"][0];
  EXPECT_EQ(keys(a), (std::vector<std::string>{"path", "diagnostics"}));
  EXPECT_EQ(a["path"], "a.txt");
  ASSERT_EQ(a["diagnostics"].size(), 2u);

  const std::vector<std::string> diagnostic_keys{
      "rule",       "severity", "message", "line",  "column",      "end_line",
      "end_column", "offset",   "length",  "match", "replacements"};
  const OrderedJson& d0 = a["diagnostics"][0];
  EXPECT_EQ(keys(d0), diagnostic_keys);
  EXPECT_EQ(d0["rule"], "typography-spaced-abbreviation");
  EXPECT_EQ(d0["severity"], "error");
  EXPECT_EQ(d0["message"], "Write \xE2\x80\x9CU.S.\xE2\x80\x9D, not \xE2\x80\x9CU. S.\xE2\x80\x9D");
  EXPECT_EQ(d0["line"], 1);
  EXPECT_EQ(d0["column"], 5);
  EXPECT_EQ(d0["end_line"], 1);
  EXPECT_EQ(d0["end_column"], 10);
  EXPECT_EQ(d0["offset"], 4);
  EXPECT_EQ(d0["length"], 5);
  EXPECT_EQ(d0["match"], "U. S.");
  EXPECT_EQ(d0["replacements"], OrderedJson::array({"U.S."}));

  const OrderedJson& d1 = a["diagnostics"][1];
  EXPECT_EQ(keys(d1), diagnostic_keys);
  EXPECT_EQ(d1["severity"], "warning");
  EXPECT_EQ(d1["line"], 2);
  EXPECT_EQ(d1["column"], 7);  // after the 3-byte apostrophe, counted as one column
  EXPECT_EQ(d1["end_line"], 2);
  EXPECT_EQ(d1["end_column"], 9);
  EXPECT_EQ(d1["offset"], 23);
  EXPECT_EQ(d1["length"], 2);
  EXPECT_EQ(d1["match"], "  ");
  EXPECT_EQ(d1["replacements"], OrderedJson::array({" "}));

  const OrderedJson& b = j["files"][1];
  EXPECT_EQ(b["path"], "b.txt");
  EXPECT_TRUE(b["diagnostics"].is_array());
  EXPECT_TRUE(b["diagnostics"].empty());

  // UTF-8 passes through rather than being escaped.
  EXPECT_NE(out.find("\xE2\x80\x9CU.S.\xE2\x80\x9D"), std::string::npos);
}

TEST(JsonReporterTest, CrlfFileAndSpanAcrossLines) {
  auto doc = make_doc("w.txt", "Line one\r\nKiev said\r\nthat \xF0\x9F\x98\x80 day");
  std::string out = run(
      "json", {{doc.get(),
                {make_diag(*doc, "geo-kyiv", Severity::error, "Use Kyiv", 10, 4, {"Kyiv"}),
                 make_diag(*doc, "phrase", Severity::suggestion, "Across", 15, 10),
                 make_diag(*doc, "emoji", Severity::suggestion, "Emoji", 26, 4, {}),
                 make_diag(*doc, "eof", Severity::suggestion, "End", 34, 0, {})}}});
  nlohmann::json j = nlohmann::json::parse(out);
  const nlohmann::json& ds = j["files"][0]["diagnostics"];
  ASSERT_EQ(ds.size(), 4u);

  EXPECT_EQ(ds[0]["line"], 2);
  EXPECT_EQ(ds[0]["column"], 1);
  EXPECT_EQ(ds[0]["end_line"], 2);
  EXPECT_EQ(ds[0]["end_column"], 5);
  EXPECT_EQ(ds[0]["offset"], 10);
  EXPECT_EQ(ds[0]["match"], "Kiev");

  // "said\r\nthat": the CRLF is one break; the end is exclusive, on line 3.
  EXPECT_EQ(ds[1]["match"], "said\r\nthat");
  EXPECT_EQ(ds[1]["line"], 2);
  EXPECT_EQ(ds[1]["column"], 6);
  EXPECT_EQ(ds[1]["end_line"], 3);
  EXPECT_EQ(ds[1]["end_column"], 5);
  EXPECT_EQ(ds[1]["replacements"], nlohmann::json::array());

  EXPECT_EQ(ds[2]["line"], 3);
  EXPECT_EQ(ds[2]["column"], 6);
  EXPECT_EQ(ds[2]["end_column"], 7);  // a 4-byte emoji is one code point
  EXPECT_EQ(ds[2]["length"], 4);

  EXPECT_EQ(ds[3]["line"], 3);
  EXPECT_EQ(ds[3]["column"], 11);
  EXPECT_EQ(ds[3]["end_column"], 11);
  EXPECT_EQ(ds[3]["offset"], 34);
  EXPECT_EQ(ds[3]["length"], 0);
}

TEST(JsonReporterTest, EscapesQuotesAndControlCharacters) {
  auto doc = make_doc("dir/\"odd\" name.txt", "x");
  std::string message = "He said \"no\"\n\ttab \\ back \x01 \xC3\xA9t\xC3\xA9 \xE2\x80\x99";
  std::string out = run("json", {{doc.get(), {make_diag(*doc, "r", Severity::error, message, 0, 1,
                                                        {"\"q\"", "line\nbreak"})}}});
  nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["files"][0]["path"], "dir/\"odd\" name.txt");
  const nlohmann::json& d = j["files"][0]["diagnostics"][0];
  EXPECT_EQ(d["message"], message);
  EXPECT_EQ(d["replacements"], nlohmann::json::array({"\"q\"", "line\nbreak"}));
  EXPECT_NE(out.find("\xC3\xA9t\xC3\xA9"), std::string::npos);
  EXPECT_NE(out.find("\\u0001"), std::string::npos);
}

TEST(JsonReporterTest, MalformedUtf8StillGivesValidJson) {
  auto doc = make_doc("bad.txt", "a\xFF" "b");
  std::string out = run("json", {{doc.get(), {make_diag(*doc, "r", Severity::error, "m", 1, 1)}}});
  nlohmann::json j = nlohmann::json::parse(out);
  const nlohmann::json& d = j["files"][0]["diagnostics"][0];
  EXPECT_EQ(d["match"], "\xEF\xBF\xBD");
  EXPECT_EQ(d["column"], 2);
}

TEST(JsonReporterTest, DocumentsMayDieAfterEndFile) {
  std::ostringstream out;
  auto reporter = make_reporter("json", out, {});
  for (const char* path : {"one.txt", "two.txt"}) {
    auto doc = make_doc(path, "x\nIran\xE2\x80\x99s Kiev");
    reporter->begin_file(*doc);
    reporter->diagnostic(*doc, make_diag(*doc, "geo-kyiv", Severity::warning, "Use Kyiv", 11, 4));
    reporter->end_file(*doc);
    // Scribble over the memory the Document used before it goes.
    doc->path.assign(doc->path.size(), '#');
    doc->source.assign(doc->source.size(), '#');
  }
  EXPECT_EQ(out.str(), "");  // nothing before finish()
  reporter->finish();
  nlohmann::json j = nlohmann::json::parse(out.str());
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["path"], "one.txt");
  EXPECT_EQ(j["files"][1]["path"], "two.txt");
  for (const auto& f : j["files"]) {
    const auto& d = f["diagnostics"][0];
    EXPECT_EQ(d["line"], 2);
    EXPECT_EQ(d["column"], 8);
    EXPECT_EQ(d["end_column"], 12);
    EXPECT_EQ(d["match"], "Kiev");
  }
}

// --- html -----------------------------------------------------------------------------------

// The contents of the n-th (0-based) <pre class="story"> of a page, without the line break the
// reporter writes after the opening tag (which an HTML parser drops too).
std::string story_html(const std::string& page, std::size_t n = 0) {
  const std::string open = "<pre class=\"story\">\n";
  std::size_t at = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    at = page.find(open, at);
    if (at == std::string::npos) return "<no story " + std::to_string(n) + ">";
    at += open.size();
  }
  return page.substr(at, page.find("</pre>", at) - at);
}

std::string html_of(const Document& doc, std::vector<Diagnostic> diagnostics) {
  return run("html", {{&doc, std::move(diagnostics)}});
}

TEST(HtmlReporterTest, EscapesStoryMessageAndReplacements) {
  auto doc = make_doc("a&b <c>.txt", "Iran\xE2\x80\x99s <b>\"talks\" & 'U. S.'</b>\n");
  std::string page = html_of(*doc, {make_diag(*doc, "typography-spaced-abbreviation", Severity::error,
                                              "Write \"U.S.\" & not <U. S.>, it's wrong", 23, 5, {"'U.S.'"})});
  EXPECT_EQ(story_html(page),
            "Iran\xE2\x80\x99s &lt;b&gt;&quot;talks&quot; &amp; &#39;"
            "<mark class=\"error\" data-findings=\"f1-1\" title=\"typography-spaced-abbreviation (error): "
            "Write &quot;U.S.&quot; &amp; not &lt;U. S.&gt;, it&#39;s wrong&#10;Fix: &#39;U.S.&#39;\">U. S.</mark>"
            "&#39;&lt;/b&gt;\n");
  EXPECT_NE(page.find("<h2>a&amp;b &lt;c&gt;.txt</h2>"), std::string::npos);
  EXPECT_NE(page.find("<li id=\"f1-1\">1:22 <span class=\"sev-error\">error</span> Write &quot;U.S.&quot; &amp; "
                      "not &lt;U. S.&gt;, it&#39;s wrong <code>typography-spaced-abbreviation</code> &rarr; "
                      "<q>&#39;U.S.&#39;</q></li>"),
            std::string::npos);
}

TEST(HtmlReporterTest, FindingsAtStartAndEndOfText) {
  auto doc = make_doc("a.txt", "Kiev talks in Kiev");
  std::string page = html_of(*doc, {make_diag(*doc, "geo-kyiv", Severity::warning, "Use Kyiv", 0, 4, {"Kyiv"}),
                                    make_diag(*doc, "geo-kyiv", Severity::warning, "Use Kyiv", 14, 4, {"Kyiv"})});
  EXPECT_EQ(story_html(page),
            "<mark class=\"warning\" data-findings=\"f1-1\" title=\"geo-kyiv (warning): Use Kyiv&#10;Fix: Kyiv\">"
            "Kiev</mark> talks in "
            "<mark class=\"warning\" data-findings=\"f1-2\" title=\"geo-kyiv (warning): Use Kyiv&#10;Fix: Kyiv\">"
            "Kiev</mark>");
}

TEST(HtmlReporterTest, OverlappingFindingsAreSegmentsNamingBoth) {
  // "the the U. S.": a doubled word over [0,7) and a (made-up) wider finding over [4,13).
  auto doc = make_doc("a.txt", "the the U. S. said");
  std::string page =
      html_of(*doc, {make_diag(*doc, "typography-doubled-word", Severity::warning, "Doubled word", 0, 7, {"the"}),
                     make_diag(*doc, "x-wide", Severity::error, "Wide", 4, 9)});
  EXPECT_EQ(story_html(page),
            "<mark class=\"warning\" data-findings=\"f1-1\" title=\"typography-doubled-word (warning): Doubled word"
            "&#10;Fix: the\">the </mark>"
            "<mark class=\"error overlap\" data-findings=\"f1-1 f1-2\" title=\"typography-doubled-word (warning): "
            "Doubled word&#10;Fix: the&#10;&#10;x-wide (error): Wide\">the</mark>"
            "<mark class=\"error\" data-findings=\"f1-2\" title=\"x-wide (error): Wide\"> U. S.</mark> said");
}

TEST(HtmlReporterTest, EmptyFile) {
  auto doc = make_doc("empty.txt", "");
  std::string page = html_of(*doc, {});
  EXPECT_EQ(story_html(page), "");
  EXPECT_NE(page.find("<p class=\"totals\">No findings in 1 file.</p>"), std::string::npos);
  EXPECT_NE(page.find("<tr><td><a href=\"#file-1\">empty.txt</a></td><td colspan=\"2\">no findings</td>"
                      "<td class=\"n\">0</td></tr>"),
            std::string::npos);
  EXPECT_EQ(page.find("<ol class=\"findings\">"), std::string::npos);
}

TEST(HtmlReporterTest, NoFilesIsStillAPage) {
  std::string page = run("html", {});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0), 0u);
  EXPECT_NE(page.find("<p class=\"totals\">No findings in 0 files.</p>"), std::string::npos);
  EXPECT_EQ(page.substr(page.size() - 16), "</body>\n</html>\n");
}

TEST(HtmlReporterTest, SelfContained) {
  Sample s;
  std::string page = run("html", s.files());
  for (const char* outside : {"<script", "<link", "src=", "url(", "@import", "http:", "https:"})
    EXPECT_EQ(page.find(outside), std::string::npos) << outside;
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page.find("<style>\n"), std::string::npos);
}

TEST(HtmlReporterTest, SummaryTableAndTotals) {
  Sample s;
  auto c = make_doc("c.txt", "Kiev Kiev said said");
  std::vector<FileRun> files = s.files();
  files.push_back({c.get(),
                   {make_diag(*c, "geo-kyiv", Severity::warning, "Use Kyiv", 0, 4),
                    make_diag(*c, "geo-kyiv", Severity::error, "Use Kyiv", 5, 4),
                    make_diag(*c, "typography-doubled-word", Severity::warning, "Doubled", 10, 9),
                    make_diag(*c, "geo-kyiv", Severity::warning, "Use Kyiv", 5, 4)}});
  std::string page = run("html", files);
  EXPECT_NE(page.find("<p class=\"totals\">2 errors, 4 warnings in 3 files (1 clean).</p>"), std::string::npos);
  const std::string a = "<tr><td><a href=\"#file-1\">a.txt</a></td>";
  const std::string b = "<tr><td><a href=\"#file-2\">b.txt</a></td>";
  const std::string cc = "<tr><td><a href=\"#file-3\">c.txt</a></td>";
  EXPECT_NE(page.find("<tbody>\n" +
                      a + "<td><code>typography-double-space</code></td><td class=\"sev-warning\">warning</td>"
                          "<td class=\"n\">1</td></tr>\n" +
                      a + "<td><code>typography-spaced-abbreviation</code></td><td class=\"sev-error\">error</td>"
                          "<td class=\"n\">1</td></tr>\n" +
                      b + "<td colspan=\"2\">no findings</td><td class=\"n\">0</td></tr>\n" +
                      cc + "<td><code>geo-kyiv</code></td><td class=\"sev-error\">error</td><td class=\"n\">1</td></tr>\n" +
                      cc + "<td><code>geo-kyiv</code></td><td class=\"sev-warning\">warning</td><td class=\"n\">2</td></tr>\n" +
                      cc + "<td><code>typography-doubled-word</code></td><td class=\"sev-warning\">warning</td>"
                           "<td class=\"n\">1</td></tr>\n</tbody>"),
            std::string::npos);
  EXPECT_NE(page.find("<section class=\"file\" id=\"file-3\">\n<h2>c.txt</h2>"), std::string::npos);
}

TEST(HtmlReporterTest, MultiByteAndPositions) {
  Sample s;
  std::string page = run("html", s.files());
  EXPECT_EQ(story_html(page, 0),
            "The <mark class=\"error\" data-findings=\"f1-1\" title=\"typography-spaced-abbreviation (error): Write "
            "\xE2\x80\x9CU.S.\xE2\x80\x9D, not \xE2\x80\x9CU. S.\xE2\x80\x9D&#10;Fix: U.S.\">U. S.</mark> said\n"
            "Iran\xE2\x80\x99s<mark class=\"warning\" data-findings=\"f1-2\" title=\"typography-double-space (warning): "
            "Double space&#10;Fix:  \">  </mark>nuclear\n");
  EXPECT_EQ(story_html(page, 1), "Clean copy.\n");
  // Line 2, column 7 in code points (the apostrophe is 3 bytes, one column).
  EXPECT_NE(page.find("<li id=\"f1-2\">2:7 <span class=\"sev-warning\">warning</span>"), std::string::npos);
}

TEST(HtmlReporterTest, CrlfAndLoneCrBecomeLineFeeds) {
  auto doc = make_doc("a.txt", "One\r\ntwo\rthree\r\n");
  // A lone CR inside the span is a line break inside the mark.
  std::string page = html_of(*doc, {make_diag(*doc, "r", Severity::suggestion, "m", 0, 9)});
  EXPECT_EQ(story_html(page),
            "<mark class=\"suggestion\" data-findings=\"f1-1\" title=\"r (suggestion): m\">One\ntwo\n</mark>three\n");
  // A span that ends between CR and LF: the LF, outside the mark, writes the break.
  auto split = make_doc("b.txt", "One\r\ntwo");
  EXPECT_EQ(story_html(html_of(*split, {make_diag(*split, "r", Severity::suggestion, "m", 0, 4)})),
            "<mark class=\"suggestion\" data-findings=\"f1-1\" title=\"r (suggestion): m\">One</mark>\ntwo");
}

TEST(HtmlReporterTest, LeadingBlankLineAndBomAndControls) {
  auto doc = make_doc("a.txt", "\xEF\xBB\xBF\nA\x01\tb\x7F\xFF\n");
  std::string page = html_of(*doc, {make_diag(*doc, "r", Severity::error, "line\nbreak\x01", 4, 1)});
  EXPECT_EQ(story_html(page),
            "\n<mark class=\"error\" data-findings=\"f1-1\" title=\"r (error): line break \">A</mark>"
            "\xEF\xBF\xBD\tb\xEF\xBF\xBD\xEF\xBF\xBD\n");
}

TEST(HtmlReporterTest, EmptySpanIsAPointMark) {
  auto doc = make_doc("a.txt", "said The");
  std::string page = html_of(*doc, {make_diag(*doc, "r", Severity::warning, "Comma", 4, 0, {","}),
                                    make_diag(*doc, "q", Severity::warning, "End", 8, 0)});
  EXPECT_EQ(story_html(page),
            "said<mark class=\"warning point\" data-findings=\"f1-1\" title=\"r (warning): Comma&#10;Fix: ,\"></mark>"
            " The<mark class=\"warning point\" data-findings=\"f1-2\" title=\"q (warning): End\"></mark>");
}

TEST(HtmlReporterTest, BadSpansNeitherCrashNorSplitCharacters) {
  auto doc = make_doc("a.txt", "x \xE2\x80\x99y");
  Diagnostic past;
  past.rule = "r";
  past.message = "past the end";
  past.span = Span{40, 3};
  Diagnostic huge;
  huge.rule = "h";
  huge.message = "huge";
  huge.span = Span{1, static_cast<std::size_t>(-1)};
  Diagnostic inside;  // starts and ends inside the 3-byte apostrophe
  inside.rule = "i";
  inside.message = "inside";
  inside.span = Span{3, 1};
  std::string page = html_of(*doc, {past, huge, inside});
  EXPECT_EQ(story_html(page),
            "x<mark class=\"warning\" data-findings=\"f1-2\" title=\"h (warning): huge\"> </mark>"
            "<mark class=\"warning overlap\" data-findings=\"f1-2 f1-3\" title=\"h (warning): huge&#10;&#10;i (warning): "
            "inside\">\xE2\x80\x99</mark>"
            "<mark class=\"warning\" data-findings=\"f1-2\" title=\"h (warning): huge\">y</mark>"
            "<mark class=\"warning point\" data-findings=\"f1-1\" title=\"r (warning): past the end\"></mark>");
}

TEST(HtmlReporterTest, DocumentsMayDieAfterEndFile) {
  std::ostringstream out;
  auto reporter = make_reporter("html", out, {});
  auto doc = make_doc("one.txt", "x Kiev");
  reporter->begin_file(*doc);
  reporter->diagnostic(*doc, make_diag(*doc, "geo-kyiv", Severity::warning, "Use Kyiv", 2, 4));
  reporter->end_file(*doc);
  doc->path.assign(doc->path.size(), '#');
  doc->source.assign(doc->source.size(), '#');
  doc.reset();
  EXPECT_EQ(out.str(), "");
  reporter->finish();
  reporter->finish();  // a second finish() writes nothing more
  std::string page = out.str();
  EXPECT_EQ(story_html(page),
            "x <mark class=\"warning\" data-findings=\"f1-1\" title=\"geo-kyiv (warning): Use Kyiv\">Kiev</mark>");
  EXPECT_EQ(page.find("<!DOCTYPE", 1), std::string::npos);
  EXPECT_NE(page.find("<h2>one.txt</h2>"), std::string::npos);
}

}  // namespace
}  // namespace wirelint::report
