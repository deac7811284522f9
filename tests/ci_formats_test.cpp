// report/: the CI formats (sarif, github, rdjsonl) driven with in-memory Documents. github and
// rdjsonl are compared byte for byte; SARIF is parsed back and checked field by field against
// what code scanning reads (docs/FIELD.md).

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "report/reporter.h"

namespace wirelint::report {
namespace {

using nlohmann::json;

std::unique_ptr<Document> make_doc(std::string path, std::string source) {
  auto doc = std::make_unique<Document>();
  doc->path = std::move(path);
  doc->source = std::move(source);
  doc->finalize();
  return doc;
}

Diagnostic make_diag(const Document& doc, std::string rule, Severity severity, std::string message,
                     std::size_t offset, std::size_t length, std::vector<std::string> replacements = {},
                     std::string link = {}, std::string category = {}) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = std::move(message);
  d.span = Span{offset, length};
  d.match = doc.source.substr(offset, length);
  d.replacements = std::move(replacements);
  d.link = std::move(link);
  d.category = std::move(category);
  return d;
}

struct FileRun {
  const Document* doc;
  std::vector<Diagnostic> diagnostics;
};

std::string run(std::string_view format, const std::vector<FileRun>& files, const ReporterOptions& options = {}) {
  std::ostringstream out;
  auto reporter = make_reporter(format, out, options);
  EXPECT_NE(reporter, nullptr) << format;
  if (!reporter) return {};
  for (const FileRun& f : files) {
    reporter->begin_file(*f.doc);
    for (const Diagnostic& d : f.diagnostics) reporter->diagnostic(*f.doc, d);
    reporter->end_file(*f.doc);
  }
  reporter->finish();
  return out.str();
}

json run_sarif(const std::vector<FileRun>& files, const ReporterOptions& options = {}) {
  std::string out = run("sarif", files, options);
  json j = json::parse(out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << out;
  return j;
}

const std::string kLeft = "\xE2\x80\x9C", kRight = "\xE2\x80\x9D";
const std::string kLink = "https://example.org/rules/typography-spaced-abbreviation";

// a.txt: "U. S." at bytes 4..9 of line 1; a double space at bytes 23..25 of line 2, after a
// 3-byte apostrophe (code-point columns 7..9, byte columns 9..11). b.txt is clean.
struct Sample {
  std::unique_ptr<Document> a = make_doc("a.txt", "The U. S. said\nIran\xE2\x80\x99s  nuclear\n");
  std::unique_ptr<Document> b = make_doc("b.txt", "Clean copy.\n");
  std::vector<FileRun> files() const {
    return {
        {a.get(),
         {make_diag(*a, "typography-spaced-abbreviation", Severity::error,
                    "Write " + kLeft + "U.S." + kRight + ", not " + kLeft + "U. S." + kRight, 4, 5, {"U.S."},
                    kLink, "fluency/typography"),
          make_diag(*a, "typography-double-space", Severity::warning, "Double space", 23, 2, {},
                    "rules/typography/typography-double-space.toml", "fluency/typography")}},
        {b.get(), {}},
    };
  }
};

// --- registry -------------------------------------------------------------------------------

TEST(CiFormatsTest, ListedAndMade) {
  const auto& names = format_names();
  for (std::string_view name : {"sarif", "github", "rdjsonl"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
    std::ostringstream out;
    EXPECT_NE(make_reporter(name, out, {}), nullptr) << name;
  }
}

// --- github ---------------------------------------------------------------------------------

TEST(GithubReporterTest, OneCommandPerDiagnostic) {
  Sample s;
  EXPECT_EQ(run("github", s.files()),
            "::error file=a.txt,line=1,endLine=1,col=5,endColumn=10,title=typography-spaced-abbreviation::Write " +
                kLeft + "U.S." + kRight + ", not " + kLeft + "U. S." + kRight +
                "\n"
                "::warning file=a.txt,line=2,endLine=2,col=7,endColumn=9,title=typography-double-space::Double space\n");
}

TEST(GithubReporterTest, SuggestionIsNotice) {
  auto doc = make_doc("a.md", "Kiev");
  EXPECT_EQ(run("github", {{doc.get(), {make_diag(*doc, "r", Severity::suggestion, "m", 0, 4)}}}),
            "::notice file=a.md,line=1,endLine=1,col=1,endColumn=5,title=r::m\n");
}

TEST(GithubReporterTest, EscapesPropertiesAndMessage) {
  auto doc = make_doc("dir,x/a:b%.txt", "Kiev");
  EXPECT_EQ(run("github", {{doc.get(), {make_diag(*doc, "r:1,2", Severity::error, "50%\r\nnext: a,b", 0, 4)}}}),
            "::error file=dir%2Cx/a%3Ab%25.txt,line=1,endLine=1,col=1,endColumn=5,title=r%3A1%2C2::"
            "50%25%0D%0Anext: a,b\n");
}

TEST(GithubReporterTest, MultiLineSpanHasNoColumns) {
  // GitHub accepts col/endColumn only when the annotation starts and ends on one line.
  auto doc = make_doc("a.txt", "spy\nagency\n");
  EXPECT_EQ(run("github", {{doc.get(), {make_diag(*doc, "r", Severity::warning, "m", 0, 10)}}}),
            "::warning file=a.txt,line=1,endLine=2,title=r::m\n");
}

TEST(GithubReporterTest, PathWithBackslashesAndDotSlash) {
  auto doc = make_doc(".\\news\\a.md", "Kiev");
  EXPECT_EQ(run("github", {{doc.get(), {make_diag(*doc, "r", Severity::warning, "m", 0, 4)}}}),
            "::warning file=news/a.md,line=1,endLine=1,col=1,endColumn=5,title=r::m\n");
}

TEST(GithubReporterTest, CrlfAndByteOrderMark) {
  auto crlf = make_doc("c.txt", "A\r\nThe U. S. said\r\n");
  auto bom = make_doc("d.txt", "\xEF\xBB\xBFU. S.\r\n");
  EXPECT_EQ(run("github", {{crlf.get(), {make_diag(*crlf, "r", Severity::error, "m", 7, 5)}},
                           {bom.get(), {make_diag(*bom, "r", Severity::error, "m", 3, 5)}}}),
            "::error file=c.txt,line=2,endLine=2,col=5,endColumn=10,title=r::m\n"
            "::error file=d.txt,line=1,endLine=1,col=1,endColumn=6,title=r::m\n");
}

TEST(GithubReporterTest, CleanRunWritesNothing) {
  Sample s;
  EXPECT_EQ(run("github", {{s.b.get(), {}}}), "");
}

// --- rdjsonl --------------------------------------------------------------------------------

TEST(RdjsonlReporterTest, ExactLines) {
  Sample s;
  std::string out = run("rdjsonl", s.files());
  EXPECT_EQ(out,
            "{\"message\":\"Write " + kLeft + "U.S." + kRight + ", not " + kLeft + "U. S." + kRight +
                "\",\"location\":{\"path\":\"a.txt\",\"range\":{\"start\":{\"line\":1,\"column\":5},"
                "\"end\":{\"line\":1,\"column\":10}}},\"severity\":\"ERROR\",\"code\":{\"value\":"
                "\"typography-spaced-abbreviation\",\"url\":\"" +
                kLink +
                "\"},\"suggestions\":[{\"range\":{\"start\":{\"line\":1,\"column\":5},\"end\":{\"line\":1,"
                "\"column\":10}},\"text\":\"U.S.\"}],\"source\":{\"name\":\"wirelint\"}}\n"
                // Byte columns: the apostrophe before the double space is 3 bytes.
                "{\"message\":\"Double space\",\"location\":{\"path\":\"a.txt\",\"range\":{\"start\":{\"line\":2,"
                "\"column\":9},\"end\":{\"line\":2,\"column\":11}}},\"severity\":\"WARNING\",\"code\":{\"value\":"
                "\"typography-double-space\",\"url\":\"rules/typography/typography-double-space.toml\"},"
                "\"source\":{\"name\":\"wirelint\"}}\n");
}

TEST(RdjsonlReporterTest, SeverityNamesAndNoUrlWithoutLink) {
  auto doc = make_doc("a.txt", "Kiev");
  std::string out = run("rdjsonl", {{doc.get(), {make_diag(*doc, "r", Severity::suggestion, "m", 0, 4, {"Kyiv", "Kyiv city"})}}});
  json j = json::parse(out);
  EXPECT_EQ(j.at("severity"), "INFO");
  EXPECT_EQ(j.at("code"), (json{{"value", "r"}}));
  ASSERT_EQ(j.at("suggestions").size(), 2u);
  EXPECT_EQ(j.at("suggestions").at(1).at("text"), "Kyiv city");
  EXPECT_EQ(j.at("suggestions").at(1).at("range"), j.at("location").at("range"));
}

TEST(RdjsonlReporterTest, CrlfByteOrderMarkAndMultiByteColumns) {
  // Line 2 of the CRLF file starts after "é\r\n" (4 bytes); "Kiev" follows "–" (3 bytes).
  auto crlf = make_doc("c.txt", "\xC3\xA9\r\n\xE2\x80\x93Kiev\r\n");
  auto bom = make_doc("d.txt", "\xEF\xBB\xBFKiev");
  std::string out = run("rdjsonl", {{crlf.get(), {make_diag(*crlf, "r", Severity::error, "m", 7, 4)}},
                                    {bom.get(), {make_diag(*bom, "r", Severity::error, "m", 3, 4)}}});
  std::istringstream lines(out);
  std::string line;
  std::vector<json> records;
  while (std::getline(lines, line)) records.push_back(json::parse(line));
  ASSERT_EQ(records.size(), 2u) << out;
  EXPECT_EQ(records[0].at("location").at("range"),
            (json{{"start", {{"line", 2}, {"column", 4}}}, {"end", {{"line", 2}, {"column", 8}}}}));
  EXPECT_EQ(records[1].at("location").at("range"),
            (json{{"start", {{"line", 1}, {"column", 1}}}, {"end", {{"line", 1}, {"column", 5}}}}));
}

TEST(RdjsonlReporterTest, ControlCharactersStayOnOneLine) {
  auto doc = make_doc("a\nb.txt", "\xFF\xFE bad");
  std::string out = run("rdjsonl", {{doc.get(), {make_diag(*doc, "r", Severity::error, "line\nbreak", 0, 2)}}});
  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
  json j = json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out;
  EXPECT_EQ(j.at("message"), "line\nbreak");
  EXPECT_EQ(j.at("location").at("path"), "a\nb.txt");
}

// --- sarif ----------------------------------------------------------------------------------

TEST(SarifReporterTest, LogAndDriver) {
  Sample s;
  ReporterOptions options;
  options.tool_version = "1.2.3";
  options.rule_catalog["typography-spaced-abbreviation"] =
      RuleDoc{"Spaced letters in a dotted\nabbreviation (\"U. S.\"). Second sentence.", Severity::warning};
  json log = run_sarif(s.files(), options);
  EXPECT_EQ(log.at("$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log.at("version"), "2.1.0");
  ASSERT_EQ(log.at("runs").size(), 1u);
  const json& run = log.at("runs").at(0);
  EXPECT_EQ(run.at("columnKind"), "unicodeCodePoints");
  const json& driver = run.at("tool").at("driver");
  EXPECT_EQ(driver.at("name"), "wirelint");
  EXPECT_EQ(driver.at("version"), "1.2.3");
  EXPECT_FALSE(driver.contains("informationUri"));
  ASSERT_EQ(driver.at("rules").size(), 2u);

  const json& r0 = driver.at("rules").at(0);
  EXPECT_EQ(r0.at("id"), "typography-spaced-abbreviation");
  // The initials of "U. S." end no sentence.
  EXPECT_EQ(r0.at("shortDescription").at("text"), "Spaced letters in a dotted abbreviation (\"U. S.\").");
  EXPECT_EQ(r0.at("fullDescription").at("text"),
            "Spaced letters in a dotted abbreviation (\"U. S.\"). Second sentence.");
  EXPECT_EQ(r0.at("helpUri"), kLink);
  EXPECT_EQ(r0.at("help").at("text"),
            "Spaced letters in a dotted abbreviation (\"U. S.\"). Second sentence. See " + kLink);
  // The catalog's default level, not the (re-levelled) diagnostic's.
  EXPECT_EQ(r0.at("defaultConfiguration").at("level"), "warning");
  EXPECT_EQ(r0.at("properties").at("category"), "fluency/typography");

  const json& r1 = driver.at("rules").at(1);
  EXPECT_EQ(r1.at("id"), "typography-double-space");
  EXPECT_EQ(r1.at("shortDescription").at("text"), "typography-double-space");
  EXPECT_EQ(r1.at("fullDescription").at("text"), "typography-double-space");
  // A link that is no absolute URI would fail schema validation as helpUri.
  EXPECT_FALSE(r1.contains("helpUri"));
  EXPECT_EQ(r1.at("help").at("text"),
            "typography-double-space See rules/typography/typography-double-space.toml");
  EXPECT_EQ(r1.at("defaultConfiguration").at("level"), "warning");
}

TEST(SarifReporterTest, Results) {
  Sample s;
  json log = run_sarif(s.files());
  const json& results = log.at("runs").at(0).at("results");
  ASSERT_EQ(results.size(), 2u);

  const json& a = results.at(0);
  EXPECT_EQ(a.at("ruleId"), "typography-spaced-abbreviation");
  EXPECT_EQ(a.at("ruleIndex"), 0);
  EXPECT_EQ(a.at("level"), "error");
  EXPECT_EQ(a.at("message").at("text"), "Write " + kLeft + "U.S." + kRight + ", not " + kLeft + "U. S." + kRight);
  ASSERT_EQ(a.at("locations").size(), 1u);
  const json& loc = a.at("locations").at(0).at("physicalLocation");
  EXPECT_EQ(loc.at("artifactLocation"), (json{{"uri", "a.txt"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(loc.at("region"), (json{{"startLine", 1},
                                    {"startColumn", 5},
                                    {"endLine", 1},
                                    {"endColumn", 10},
                                    {"byteOffset", 4},
                                    {"byteLength", 5},
                                    {"snippet", {{"text", "U. S."}}}}));
  std::string fp = a.at("partialFingerprints").at("wirelint/v1");
  EXPECT_TRUE(std::regex_match(fp, std::regex("[0-9a-f]{16}:0"))) << fp;
  ASSERT_EQ(a.at("fixes").size(), 1u);
  EXPECT_EQ(a.at("fixes").at(0),
            (json{{"description", {{"text", "Replace with 'U.S.'"}}},
                  {"artifactChanges",
                   {{{"artifactLocation", {{"uri", "a.txt"}, {"uriBaseId", "%SRCROOT%"}}},
                     {"replacements",
                      {{{"deletedRegion",
                         {{"startLine", 1}, {"startColumn", 5}, {"endLine", 1}, {"endColumn", 10},
                          {"byteOffset", 4}, {"byteLength", 5}}},
                        {"insertedContent", {{"text", "U.S."}}}}}}}}}}));

  const json& b = results.at(1);
  EXPECT_EQ(b.at("ruleIndex"), 1);
  EXPECT_EQ(b.at("level"), "warning");
  // Code-point columns: the 3-byte apostrophe counts one.
  const json& region = b.at("locations").at(0).at("physicalLocation").at("region");
  EXPECT_EQ(region.at("startColumn"), 7);
  EXPECT_EQ(region.at("endColumn"), 9);
  EXPECT_EQ(region.at("byteOffset"), 23);
  EXPECT_EQ(region.at("byteLength"), 2);
  EXPECT_FALSE(b.contains("fixes"));
}

TEST(SarifReporterTest, SuggestionIsNoteAndRulesAreListedOnce) {
  auto doc = make_doc("a.txt", "Kiev and Kiev");
  json log = run_sarif({{doc.get(),
                         {make_diag(*doc, "r", Severity::suggestion, "m", 0, 4, {"Kyiv", "Kyiv city"}),
                          make_diag(*doc, "r", Severity::suggestion, "m", 9, 4)}}});
  const json& run = log.at("runs").at(0);
  ASSERT_EQ(run.at("tool").at("driver").at("rules").size(), 1u);
  EXPECT_EQ(run.at("tool").at("driver").at("rules").at(0).at("defaultConfiguration").at("level"), "note");
  ASSERT_EQ(run.at("results").size(), 2u);
  for (const json& r : run.at("results")) {
    EXPECT_EQ(r.at("level"), "note");
    EXPECT_EQ(r.at("ruleIndex"), 0);
  }
  // One fix per alternative replacement.
  EXPECT_EQ(run.at("results").at(0).at("fixes").size(), 2u);
}

TEST(SarifReporterTest, FingerprintsIgnoreLineNumbersAndCountOccurrences) {
  auto before = make_doc("a.txt", "Kiev said.\n");
  auto after = make_doc("a.txt", "A new first line.\n\n   Kiev   said.\n");
  auto twice = make_doc("b.txt", "Kiev said.\nKiev said.\n");
  auto fingerprint = [](const json& log, std::size_t i) {
    return log.at("runs").at(0).at("results").at(i).at("partialFingerprints").at("wirelint/v1").get<std::string>();
  };
  std::string fp_before = fingerprint(run_sarif({{before.get(), {make_diag(*before, "r", Severity::error, "m", 0, 4)}}}), 0);
  std::string fp_after = fingerprint(run_sarif({{after.get(), {make_diag(*after, "r", Severity::error, "m", 22, 4)}}}), 0);
  // Moved down two lines and re-spaced: the same finding.
  EXPECT_EQ(fp_before, fp_after);
  json log = run_sarif({{twice.get(),
                         {make_diag(*twice, "r", Severity::error, "m", 0, 4), make_diag(*twice, "r", Severity::error, "m", 11, 4),
                          make_diag(*twice, "other", Severity::error, "m", 0, 4)}}});
  std::string first = fingerprint(log, 0), second = fingerprint(log, 1), other = fingerprint(log, 2);
  EXPECT_EQ(first, fp_before);
  EXPECT_EQ(second, fp_before.substr(0, 16) + ":1");
  EXPECT_NE(other.substr(0, 16), first.substr(0, 16));
  EXPECT_EQ(other.substr(16), ":0");
}

TEST(SarifReporterTest, CrlfAndByteOrderMark) {
  auto crlf = make_doc("c.txt", "A\r\nThe U. S. said\r\n");
  auto bom = make_doc("d.txt", "\xEF\xBB\xBF\xC3\xA9 U. S.\r\n");
  json log = run_sarif({{crlf.get(), {make_diag(*crlf, "r", Severity::error, "m", 7, 5)}},
                        {bom.get(), {make_diag(*bom, "r", Severity::error, "m", 6, 5)}}});
  const json& results = log.at("runs").at(0).at("results");
  ASSERT_EQ(results.size(), 2u);
  auto region = [&](std::size_t i) { return results.at(i).at("locations").at(0).at("physicalLocation").at("region"); };
  EXPECT_EQ(region(0).at("startLine"), 2);
  EXPECT_EQ(region(0).at("startColumn"), 5);
  EXPECT_EQ(region(0).at("endColumn"), 10);
  EXPECT_EQ(region(0).at("byteOffset"), 7);
  // The BOM is no column but is a byte of the file.
  EXPECT_EQ(region(1).at("startLine"), 1);
  EXPECT_EQ(region(1).at("startColumn"), 3);
  EXPECT_EQ(region(1).at("endColumn"), 8);
  EXPECT_EQ(region(1).at("byteOffset"), 6);
}

TEST(SarifReporterTest, Uris) {
  auto spaced = make_doc("./desk/a b%#\xC3\xA9.md", "Kiev");
  auto absolute = make_doc("/tmp/a b.txt", "Kiev");
  auto windows = make_doc("news\\a.txt", "Kiev");
  json log = run_sarif({{spaced.get(), {make_diag(*spaced, "r", Severity::error, "m", 0, 4)}},
                        {absolute.get(), {make_diag(*absolute, "r", Severity::error, "m", 0, 4)}},
                        {windows.get(), {make_diag(*windows, "r", Severity::error, "m", 0, 4)}}});
  auto artifact = [&](std::size_t i) {
    return log.at("runs").at(0).at("results").at(i).at("locations").at(0).at("physicalLocation").at("artifactLocation");
  };
  EXPECT_EQ(artifact(0), (json{{"uri", "desk/a%20b%25%23%C3%A9.md"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(artifact(1), (json{{"uri", "file:///tmp/a%20b.txt"}}));
  EXPECT_EQ(artifact(2), (json{{"uri", "news/a.txt"}, {"uriBaseId", "%SRCROOT%"}}));
}

TEST(SarifReporterTest, EmptyRunIsValid) {
  auto doc = make_doc("a.txt", "Clean.\n");
  json log = run_sarif({{doc.get(), {}}});
  const json& run = log.at("runs").at(0);
  EXPECT_EQ(run.at("results"), json::array());
  EXPECT_EQ(run.at("tool").at("driver").at("rules"), json::array());
  EXPECT_FALSE(run.at("tool").at("driver").contains("version"));
  json none = run_sarif({});
  EXPECT_EQ(none.at("runs").at(0).at("results"), json::array());
}

TEST(SarifReporterTest, MalformedUtf8AndControlCharactersStayValidJson) {
  auto doc = make_doc("bad\xFF\x01.txt", "\xFF\xFE\x01 text");
  json log = run_sarif({{doc.get(), {make_diag(*doc, "r\x02", Severity::error, "m\xC3\n", 0, 3, {"\xFF"})}}});
  const json& r = log.at("runs").at(0).at("results").at(0);
  EXPECT_EQ(r.at("ruleId"), "r\x02");
  EXPECT_EQ(r.at("message").at("text"), "m\xEF\xBF\xBD\n");
  EXPECT_EQ(r.at("locations").at(0).at("physicalLocation").at("region").at("snippet").at("text"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\x01");
}

TEST(SarifReporterTest, FinishTwiceWritesOnce) {
  auto doc = make_doc("a.txt", "Kiev");
  std::ostringstream out;
  auto reporter = make_reporter("sarif", out, {});
  reporter->begin_file(*doc);
  reporter->diagnostic(*doc, make_diag(*doc, "r", Severity::error, "m", 0, 4));
  reporter->end_file(*doc);
  reporter->finish();
  std::string once = out.str();
  reporter->finish();
  EXPECT_EQ(out.str(), once);
  EXPECT_EQ(once.back(), '\n');
}

}  // namespace
}  // namespace wirelint::report
