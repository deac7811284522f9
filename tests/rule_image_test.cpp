// The rule image (rules/rule_image.h): its trees equal the TOML they were compiled from, the
// rules built from them lint the seed story exactly as the TOML does, an edited or added rule
// file is parsed instead of taken from the image (stale trees are never used), the strict
// schema's file:line errors are the same through the image, and a corrupt image is refused
// with exit code 2 and one line naming it.
//
// Each test works on a copy of the shipped rules folder in a temporary data folder whose
// dictionaries/ is a link to the shipped one (read only: the tests compile the rule image
// in-process, never `models compile`, which would rewrite the shipped dictionary images).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "image/io.h"
#include "rules/node.h"
#include "rules/rule_image.h"
#include "rules/rule_set.h"
#include "rules/schema.h"
#include "support/data_folder.h"
#include "support/process.h"

namespace fs = std::filesystem;
namespace support = wirelint::testing_support;
using wirelint::rules::LoadError;
using wirelint::rules::Node;
using wirelint::rules::RuleImage;
using wirelint::rules::RuleSet;

namespace {

const fs::path kSource = WIRELINT_SOURCE_DIR;
const fs::path kSeed = kSource / ".." / "shared" / "seed" / "wire-sample-2024-spun.txt";
const std::string kRebuild = " (rebuild it with 'wirelint models compile')";

// Every field of two trees, recursively; the path of the first difference, or empty.
std::string difference(const Node& a, const Node& b, const std::string& at) {
  if (a.type != b.type || a.array_of_tables != b.array_of_tables || a.line != b.line || a.column != b.column ||
      a.text != b.text || a.integer != b.integer || !(a.floating == b.floating) || a.boolean != b.boolean ||
      a.keys != b.keys || a.children.size() != b.children.size())
    return at.empty() ? "/" : at;
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    std::string d = difference(a.children[i], b.children[i],
                               at + "/" + (a.keys.empty() ? std::to_string(i) : a.keys[i]));
    if (!d.empty()) return d;
  }
  return "";
}

class RuleImageTest : public support::DataFolderTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(make_sandbox("wirelint-rule-image"));
    data_ = base_ / "data";
    fs::create_directories(data_);
    fs::create_directory_symlink(kSource / "dictionaries", data_ / "dictionaries");
    fs::copy(kSource / "rules", rules_dir(), fs::copy_options::recursive);
    fs::remove(rules_dir() / "rules.bin");  // the build's image, if any
    ASSERT_TRUE(support::write_file(work_ / ".wirelint.toml", ""));
  }

  fs::path rules_dir() const { return data_ / "rules"; }
  fs::path image() const { return rules_dir() / "rules.bin"; }
  void compile() { wirelint::rules::compile_rule_image(rules_dir().string(), image().string()); }

  // `wirelint models`'s line on the rules: how many files came from the image.
  std::string rules_line() { return models_line("rules\t"); }
  std::string expected_rules_line(std::size_t from_image, std::size_t parsed) {
    return "rules\t" + std::to_string(from_image + parsed) + " files\t" + std::to_string(from_image) +
           " from the image " + image().string() + ", " + std::to_string(parsed) + " parsed (new, edited, or no image)";
  }
  std::size_t file_count() { return wirelint::rules::rule_sources(rules_dir().string()).size(); }

  // The message of the LoadError that loading the copied rules folder throws, or "".
  std::string load_error() {
    try {
      RuleSet set;
      set.load_directory(rules_dir().string());
    } catch (const LoadError& e) {
      return e.what();
    }
    return "";
  }

  // Replaces the first `from` in a copied rule file with `to`.
  void edit(const std::string& relative, const std::string& from, const std::string& to) {
    fs::path p = rules_dir() / relative;
    std::string text = support::read_file(p);
    auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << p;
    text.replace(at, from.size(), to);
    ASSERT_TRUE(support::write_file(p, text));
  }
};

TEST_F(RuleImageTest, TreesEqualTheTomlTheyWereCompiledFrom) {
  compile();
  auto opened = RuleImage::open(image().string());
  ASSERT_TRUE(opened);
  auto sources = wirelint::rules::rule_sources(rules_dir().string());
  ASSERT_EQ(opened->size(), sources.size());
  ASSERT_GT(sources.size(), 30u);
  for (const auto& s : sources) {
    std::string text = support::read_file(s.path);
    ASSERT_TRUE(opened->holds(s.relative, text)) << s.relative;
    EXPECT_EQ(difference(opened->tree(s.relative), wirelint::rules::parse_table(text, s.path.string()), ""), "")
        << s.relative;
    EXPECT_FALSE(opened->holds(s.relative, text + "\n")) << "an edited text must not get the image's tree";
  }
}

TEST_F(RuleImageTest, SeedStoryGetsTheSameFindingsWithAndWithoutTheImage) {
  if (!fs::exists(kSeed)) GTEST_SKIP() << kSeed << " is not beside the repository";
  const std::vector<std::string> args = {"--style", "ap", "--format", "json", kSeed.string()};
  auto without = run(args);
  EXPECT_EQ(rules_line(), expected_rules_line(0, file_count()));
  compile();
  auto with = run(args);
  EXPECT_EQ(rules_line(), expected_rules_line(file_count(), 0));
  EXPECT_EQ(without.code, 1) << without.err;
  EXPECT_EQ(with.code, without.code) << with.err;
  EXPECT_EQ(with.err, without.err);
  EXPECT_EQ(with.out, without.out);
  EXPECT_NE(with.out.find("\"rule\": \"entity-near-miss\""), std::string::npos) << with.out;
}

TEST_F(RuleImageTest, AnEditedOrAddedRuleFileIsParsedNotTakenFromTheImage) {
  compile();
  edit("typography/typography-doubled-word.toml", "severity = \"", "severity = \"error\"\n# was: \"");
  ASSERT_TRUE(support::write_file(work_ / "story.txt", "The the agency said so.\n"));
  auto r = run({"--only", "typography-doubled-word", "--format", "line", "story.txt"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out.find(": warning: "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.rfind("story.txt:1:1: error: Doubled word", 0), 0u) << r.out;
  EXPECT_EQ(rules_line(), expected_rules_line(file_count() - 1, 1));

  fs::copy_file(rules_dir() / "typography" / "typography-doubled-word.toml",
                rules_dir() / "typography" / "typography-doubled-words.toml");
  edit("typography/typography-doubled-words.toml", "id = \"typography-doubled-word\"", "id = \"typography-doubled-words\"");
  EXPECT_EQ(rules_line(), expected_rules_line(file_count() - 2, 2));
  auto listed = run({"rules"});
  EXPECT_NE(listed.out.find("typography-doubled-words "), std::string::npos) << listed.out;
}

TEST_F(RuleImageTest, SchemaErrorsNameTheSameFileAndLineThroughTheImage) {
  // Valid TOML, so the image holds the file; the strict schema rejects it from the tree.
  edit("typography/typography-doubled-word.toml", "\n[examples]", "\nsevrity = \"error\"\n\n[examples]");
  edit("context.toml", "framing_window = ", "framing_window = 12 # was ");
  std::string from_toml = load_error();
  ASSERT_NE(from_toml, "");
  compile();
  auto opened = RuleImage::open(image().string());
  ASSERT_TRUE(opened);
  const std::string rule = (rules_dir() / "typography" / "typography-doubled-word.toml").string();
  ASSERT_TRUE(opened->holds("typography/typography-doubled-word.toml", support::read_file(rule)));
  EXPECT_EQ(load_error(), from_toml);
  EXPECT_EQ(from_toml.rfind(rule + ":", 0), 0u) << from_toml;
  EXPECT_NE(from_toml.find(": unknown key 'sevrity'"), std::string::npos) << from_toml;
  auto r = run({"rules"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "wirelint: " + from_toml + "\n");

  // With the rule fixed, context.toml's error comes from its tree, with its line.
  edit("typography/typography-doubled-word.toml", "\nsevrity = \"error\"\n", "\n");
  std::string context_error = load_error();
  EXPECT_EQ(context_error.rfind((rules_dir() / "context.toml").string() + ":", 0), 0u) << context_error;
  EXPECT_NE(context_error.find(": 'framing_window': must be from 0 to 8"), std::string::npos) << context_error;
  fs::remove(image());
  EXPECT_EQ(load_error(), context_error);
}

TEST_F(RuleImageTest, CompilingReportsTheTomlSyntaxErrorOfAFile) {
  edit("loaded/loaded-term.toml", "id = \"", "id = \"\"\"");
  std::string from_toml = load_error();
  ASSERT_EQ(from_toml.rfind((rules_dir() / "loaded" / "loaded-term.toml").string() + ":", 0), 0u) << from_toml;
  try {
    compile();
    FAIL() << "compiled a rules folder with a syntax error";
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()), from_toml);
  }
  EXPECT_FALSE(fs::exists(image()));
}

TEST_F(RuleImageTest, CorruptImageIsRefusedWithExitCodeTwoAndOneLine) {
  compile();
  const std::string good = support::read_file(image());
  struct Case {
    std::string name, bytes, problem;
  };
  std::string flipped = good;
  flipped[flipped.size() - 3] = static_cast<char>(flipped[flipped.size() - 3] ^ 0x20);
  std::string magic = good;
  magic[2] = 'X';
  const std::vector<Case> cases = {
      {"a flipped payload byte", flipped, "corrupt image: checksum"},
      {"cut short", good.substr(0, good.size() / 2), "corrupt image: payload size"},
      {"cut in its header", good.substr(0, 10), "corrupt image: truncated"},
      {"cut in its file list", good.substr(0, 30), "corrupt image: a count runs past the end"},
      {"another file's magic", magic, "corrupt image: not a rule image"},
  };
  ASSERT_TRUE(support::write_file(work_ / "story.txt", "The the agency said so.\n"));
  for (const auto& c : cases) {
    ASSERT_TRUE(support::write_file(image(), c.bytes));
    auto r = run({"story.txt"});
    EXPECT_EQ(r.code, 2) << c.name;
    EXPECT_EQ(r.out, "") << c.name;
    EXPECT_EQ(r.err, "wirelint: " + image().string() + ": " + c.problem + kRebuild + "\n") << c.name;
  }
}

TEST_F(RuleImageTest, ImageOfAnotherFormatVersionIsIgnored) {
  compile();
  std::string bytes = support::read_file(image());
  bytes[8] = static_cast<char>(bytes[8] + 1);  // the u32 version after the magic
  ASSERT_TRUE(support::write_file(image(), bytes));
  EXPECT_EQ(rules_line(), expected_rules_line(0, file_count()));
}

// A malformed tree in a well-formed image (the payload checksum recomputed) is refused too.
TEST(RuleImageTrees, MalformedTreesAreImageErrors) {
  using wirelint::ImageError;
  using wirelint::ImageReader;
  using wirelint::ImageWriter;
  auto read = [](const std::string& bytes) {
    ImageReader in(bytes.data(), bytes.size());
    try {
      wirelint::rules::read_node(in);
    } catch (const ImageError& e) {
      return std::string(e.what());
    }
    return std::string("read");
  };
  auto node = [](std::uint8_t type, std::uint8_t flags) {
    ImageWriter w;
    w.u8(type);
    w.u8(flags);
    w.u32(1);
    w.u32(1);
    return w;
  };
  auto string_flagged = node(2, 1);
  string_flagged.str("x");
  EXPECT_EQ(read(string_flagged.bytes()), "corrupt image: only an array holds tables");
  EXPECT_EQ(read(node(9, 0).bytes()), "corrupt image: unknown value type");
  ImageWriter deep;
  for (int i = 0; i < 100; ++i) {
    deep.u8(1);  // an array of one element
    deep.u8(0);
    deep.u32(1);
    deep.u32(1);
    deep.u32(1);
  }
  EXPECT_EQ(read(deep.bytes() + std::string(100, '\0')), "corrupt image: values nested too deep");
  auto table_of_two = node(0, 0);
  table_of_two.u32(2);
  for (const char* key : {"b", "a"}) {
    table_of_two.str(key);
    for (std::uint8_t b : {std::uint8_t{5}, std::uint8_t{0}}) table_of_two.u8(b);  // boolean, no flags
    table_of_two.u32(1);
    table_of_two.u32(1);
    table_of_two.u8(1);
  }
  EXPECT_EQ(read(table_of_two.bytes()), "corrupt image: table keys out of order");
}

}  // namespace
