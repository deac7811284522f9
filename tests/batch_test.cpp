// lint/batch: the JSON-lines archive mode — one output line per story in input order whatever
// the number of threads, exact findings, one error line per bad input line, bounded lines.

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "lint/batch.h"
#include "lint/engine.h"
#include "report/reporter.h"

namespace wirelint::lint {
namespace {

const Engine& engine() {
  static const Engine* e = new Engine(WIRELINT_SOURCE_DIR);
  return *e;
}

RuleSelection only(const std::string& id) {
  auto s = RuleSelection::defaults(engine().rules());
  EXPECT_FALSE(s.apply_overrides(engine().rules(), {}, {}, {id}));
  return s;
}

struct Run {
  std::string out, errors;
  BatchResult result;
};

Run batch(const std::string& input, unsigned jobs = 1, std::size_t max_bytes = 1 << 20,
          const std::string& rule = "typography-spaced-abbreviation") {
  std::istringstream in(input);
  std::ostringstream out, errors;
  BatchOptions options;
  options.jobs = jobs;
  options.max_bytes = max_bytes;
  options.name = "archive.jsonl";
  options.diagnostics_json = report::diagnostics_json;
  options.default_date = *Date::parse("2024-05-01");
  Run r;
  r.result = run_batch(engine(), only(rule), in, out, errors, options);
  r.out = out.str();
  r.errors = errors.str();
  return r;
}

TEST(Batch, OneLineOfExactFindingsPerStory) {
  auto r = batch("{\"id\":\"s1\",\"date\":\"2024-01-02\",\"text\":\"Officials said.\\nThe U. S. agreed.\"}\n"
                 "{\"id\":2,\"body\":\"Nothing here.\"}\n");
  EXPECT_EQ(r.out,
            "{\"id\":\"s1\",\"line\":1,\"diagnostics\":[{\"rule\":\"typography-spaced-abbreviation\",\"severity\":"
            "\"warning\",\"message\":\"Spaced abbreviation 'U. S.': write 'U.S.'\",\"line\":2,\"column\":5,"
            "\"end_line\":2,\"end_column\":10,\"offset\":20,\"length\":5,\"match\":\"U. S.\",\"replacements\":["
            "\"U.S.\"]}]}\n"
            "{\"id\":2,\"line\":2,\"diagnostics\":[]}\n");
  EXPECT_EQ(r.errors, "");
  EXPECT_EQ(r.result.stories, 2u);
  EXPECT_EQ(r.result.findings, 1u);
  EXPECT_EQ(r.result.at_least[static_cast<int>(Severity::warning)], 1u);
  EXPECT_EQ(r.result.at_least[static_cast<int>(Severity::error)], 0u);
}

TEST(Batch, BadLinesGetAnErrorLineAndTheRestIsLinted) {
  auto r = batch("not json\n"
                 "\n"
                 "[1,2]\n"
                 "{\"id\":\"n\",\"text\":5}\n"
                 "{\"id\":\"d\",\"text\":\"x\",\"date\":\"1987-13-45\"}\n"
                 "{\"id\":\"f\",\"text\":\"x\",\"format\":\"pdf\"}\n"
                 "{\"id\":\"x\",\"text\":\"<nitf><body>\",\"format\":\"nitf\"}\n"
                 "{\"id\":\"ok\",\"text\":\"The U. S. agreed.\"}\n");
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::string> out;
  while (std::getline(lines, line)) out.push_back(line);
  ASSERT_EQ(out.size(), 7u);
  EXPECT_EQ(out[0], "{\"id\":1,\"line\":1,\"error\":\"not a JSON object\"}");
  EXPECT_EQ(out[1], "{\"id\":3,\"line\":3,\"error\":\"not a JSON object\"}");
  EXPECT_EQ(out[2], "{\"id\":\"n\",\"line\":4,\"error\":\"expected a \\\"text\\\" or \\\"body\\\" string\"}");
  EXPECT_EQ(out[3], "{\"id\":\"d\",\"line\":5,\"error\":\"\\\"date\\\": expected YYYY-MM-DD, got '1987-13-45'\"}");
  EXPECT_EQ(out[4], "{\"id\":\"f\",\"line\":6,\"error\":\"\\\"format\\\": expected plain, markdown, nitf, newsml or html\"}");
  EXPECT_EQ(out[5].rfind("{\"id\":\"x\",\"line\":7,\"error\":\"story line 1, column ", 0), 0u) << out[5];
  EXPECT_NE(out[5].find("not valid nitf"), std::string::npos) << out[5];
  EXPECT_EQ(out[6].rfind("{\"id\":\"ok\",\"line\":8,\"diagnostics\":[{\"rule\":\"typography-spaced-abbreviation\"", 0), 0u);
  EXPECT_EQ(r.result.errors, 6u);
  EXPECT_EQ(r.result.stories, 1u);
  EXPECT_EQ(r.errors.substr(0, r.errors.find('\n')), "wirelint: archive.jsonl:1: not a JSON object");
}

TEST(Batch, ALineLongerThanTheLimitIsAnErrorAndTheNextLineStillCounts) {
  std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'a') + "\"}\n";
  auto r = batch(big + "{\"id\":\"next\",\"text\":\"The U. S. agreed.\"}", 1, 1000);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "{\"id\":1,\"line\":1,\"error\":\"line longer than 1000 bytes\"}");
  EXPECT_NE(r.out.find("{\"id\":\"next\",\"line\":2,\"diagnostics\":[{"), std::string::npos);
  EXPECT_EQ(r.result.errors, 1u);
  EXPECT_EQ(r.result.stories, 1u);  // the last line has no '\n' and is linted all the same
}

TEST(Batch, ThreadsKeepTheInputOrderAndTheSameBytes) {
  std::string input;
  for (int i = 0; i < 300; ++i) {
    input += "{\"id\":" + std::to_string(i) + ",\"text\":\"";
    // Stories of very different lengths, so workers finish out of order.
    for (int k = 0; k < (i * 37) % 50; ++k) input += "The talks went on. ";
    input += i % 3 ? "The U. S. agreed.\"}\n" : "Nothing.\"}\n";
  }
  input += "garbage\n";
  auto one = batch(input, 1, 1 << 20, "spelling-unknown-word");
  auto four = batch(input, 4, 1 << 20, "spelling-unknown-word");
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.errors, four.errors);
  auto spaced1 = batch(input, 1);
  auto spaced4 = batch(input, 4);
  EXPECT_EQ(spaced1.out, spaced4.out);
  EXPECT_EQ(spaced4.result.findings, 200u);
  EXPECT_EQ(spaced4.result.errors, 1u);
  std::istringstream lines(spaced4.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    if (n < 300) {
      EXPECT_EQ(line.rfind("{\"id\":" + std::to_string(n) + ",", 0), 0u) << line;
    }
    ++n;
  }
  EXPECT_EQ(n, 301);
}

TEST(Batch, AStoryWithoutADateIsJudgedAtTheDefaultDate) {
  // The office-term rule judges a title at the story's date: the same sentence is right in 2015
  // and wrong in 2024.
  const std::string text = "President Barack Obama spoke on Tuesday.";
  auto r = batch("{\"id\":\"old\",\"date\":\"2015-06-01\",\"text\":\"" + text + "\"}\n{\"id\":\"new\",\"text\":\"" +
                     text + "\"}\n",
                 1, 1 << 20, "entity-office-term");
  std::istringstream lines(r.out);
  std::string old_line, new_line;
  std::getline(lines, old_line);
  std::getline(lines, new_line);
  EXPECT_EQ(old_line, "{\"id\":\"old\",\"line\":1,\"diagnostics\":[]}");
  EXPECT_NE(new_line.find("\"rule\":\"entity-office-term\""), std::string::npos) << new_line;
}

}  // namespace
}  // namespace wirelint::lint
