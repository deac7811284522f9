#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "input/encoding.h"
#include "input/reader.h"
#include "text/utf8.h"

using namespace wirelint;
using wirelint::input::mask_markdown;
using wirelint::input::prepare;

namespace {

std::string mask(std::string_view s) { return mask_markdown(s, nullptr); }

std::optional<Date> front_matter_date(std::string_view s) {
  std::optional<Date> date;
  mask_markdown(s, &date);
  return date;
}

}  // namespace

// ---- format and binary detection ----

TEST(Format, ByExtension) {
  using input::format_for_path;
  EXPECT_EQ(format_for_path("story.md"), InputFormat::markdown);
  EXPECT_EQ(format_for_path("dir/story.MARKDOWN"), InputFormat::markdown);
  EXPECT_EQ(format_for_path("a.b/story.Mdown"), InputFormat::markdown);
  EXPECT_EQ(format_for_path("story.mkd"), InputFormat::markdown);
  EXPECT_EQ(format_for_path("story.txt"), InputFormat::plain);
  EXPECT_EQ(format_for_path("story"), InputFormat::plain);
  EXPECT_EQ(format_for_path("md/story"), InputFormat::plain);
  EXPECT_EQ(format_for_path("story.md.txt"), InputFormat::plain);
  EXPECT_EQ(format_for_path(".md"), InputFormat::plain);
  EXPECT_EQ(format_for_path(""), InputFormat::plain);
}

TEST(Format, LooksBinary) {
  EXPECT_FALSE(input::looks_binary(""));
  EXPECT_FALSE(input::looks_binary("plain text\n"));
  EXPECT_FALSE(input::looks_binary("\xFF\xFE not nul"));
  EXPECT_TRUE(input::looks_binary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_TRUE(input::looks_binary(std::string("text then \0", 11)));
}

// ---- prepare ----

TEST(Prepare, EmptyFile) {
  auto r = prepare("empty.txt", "", InputFormat::plain);
  ASSERT_TRUE(r.doc);
  EXPECT_EQ(r.doc->path, "empty.txt");
  EXPECT_EQ(r.doc->source, "");
  EXPECT_EQ(r.doc->text, "");
  EXPECT_TRUE(r.doc->text_to_source.empty());
  EXPECT_FALSE(r.invalid_utf8_offset);
  EXPECT_EQ(r.doc->lines.line_count(), 1u);

  auto md = prepare("empty.md", "", InputFormat::markdown);
  EXPECT_EQ(md.doc->text, "");
  EXPECT_FALSE(md.doc->date);
}

TEST(Prepare, PlainTextIsIdentity) {
  std::string src = "LONDON (Reuters) - The Korean Central News Agency said.\n";
  auto r = prepare("s.txt", src, InputFormat::plain);
  EXPECT_EQ(r.doc->source, src);
  EXPECT_EQ(r.doc->text, src);
  EXPECT_EQ(r.doc->format, InputFormat::plain);
  EXPECT_TRUE(r.doc->text_to_source.empty());
  EXPECT_EQ(r.doc->source_offset(10), 10u);
}

TEST(Prepare, BomIsBlanked) {
  auto r = prepare("s.txt", "\xEF\xBB\xBFHello", InputFormat::plain);
  EXPECT_EQ(r.doc->source, "\xEF\xBB\xBFHello");
  EXPECT_EQ(r.doc->text, "   Hello");
  EXPECT_TRUE(r.doc->text_to_source.empty());
  EXPECT_EQ(r.doc->lines.position(3).column, 1u);  // LineIndex skips the BOM

  auto md = prepare("s.md", "\xEF\xBB\xBF# Title", InputFormat::markdown);
  EXPECT_EQ(md.doc->text, "     Title");
}

TEST(Prepare, CrlfAndCrOnlyLineEndings) {
  std::string crlf = "Line one\r\nLine two\r\n";
  auto a = prepare("a.txt", crlf, InputFormat::plain);
  EXPECT_EQ(a.doc->text, crlf);
  EXPECT_EQ(a.doc->lines.position(crlf.find("two")).line, 2u);

  std::string cr = "Line one\rLine `two`\rthree";
  auto b = prepare("b.md", cr, InputFormat::markdown);
  EXPECT_EQ(b.doc->text, "Line one\rLine      \rthree");
  EXPECT_EQ(b.doc->lines.position(cr.find("three")).line, 3u);

  std::string fenced = "Text\r\n```\r\ncode\r\n```\r\nMore";
  auto c = prepare("c.md", fenced, InputFormat::markdown);
  EXPECT_EQ(c.doc->text, "Text\r\n   \r\n    \r\n   \r\nMore");
}

TEST(Prepare, InvalidUtf8IsReportedAndBlanked) {
  std::string src = "ab\xFF" "cd \xE2\x80 ok \xC3\xA9";
  auto r = prepare("s.txt", src, InputFormat::plain);
  ASSERT_TRUE(r.invalid_utf8_offset);
  EXPECT_EQ(*r.invalid_utf8_offset, 2u);
  EXPECT_EQ(r.doc->source, src);  // the source is never modified
  EXPECT_EQ(r.doc->text, "ab cd    ok \xC3\xA9");
  EXPECT_EQ(r.doc->text.size(), src.size());

  auto clean = prepare("t.txt", "fine \xC3\xA9", InputFormat::plain);
  EXPECT_FALSE(clean.invalid_utf8_offset);
}

TEST(Prepare, NfcMapsBackToSource) {
  std::string src = "Cafe\xCC\x81 au lait";
  auto r = prepare("s.txt", src, InputFormat::plain);
  EXPECT_EQ(r.doc->text, "Caf\xC3\xA9 au lait");
  ASSERT_EQ(r.doc->text_to_source.size(), r.doc->text.size() + 1);
  EXPECT_EQ(r.doc->source_offset(3), 3u);
  std::size_t lait = r.doc->text.find("lait");
  EXPECT_EQ(r.doc->source_offset(lait), src.find("lait"));
  EXPECT_EQ(r.doc->source_offset(r.doc->text.size()), src.size());
}

TEST(Prepare, MarkdownMaskingThenNfc) {
  std::string src = "`code` Cafe\xCC\x81 [x](http://y)";
  auto r = prepare("s.md", src, InputFormat::markdown);
  EXPECT_EQ(r.doc->text, "       Caf\xC3\xA9  x           ");
  std::size_t x = r.doc->text.find('x');
  EXPECT_EQ(r.doc->source_offset(x), src.find("x]"));
}

TEST(Prepare, PlainTextUrlsAreBlanked) {
  auto r = prepare("s.txt", "See https://example.com/a?b=1, and www.test.org.", InputFormat::plain);
  EXPECT_EQ(r.doc->text, "See                          , and             .");
  // Markdown syntax means nothing in plain text.
  auto p = prepare("s.txt", "*not* `code`", InputFormat::plain);
  EXPECT_EQ(p.doc->text, "*not* `code`");
}

TEST(Prepare, FrontMatterDate) {
  auto r = prepare("s.md", "---\ndate: 2024-04-25\n---\nBody", InputFormat::markdown);
  ASSERT_TRUE(r.doc->date);
  EXPECT_EQ(*r.doc->date, (Date{2024, 4, 25}));
  EXPECT_EQ(r.doc->text, "   \n                \n   \nBody");

  auto bom = prepare("s.md", "\xEF\xBB\xBF---\ndate: 2024-01-02\n---\nHi", InputFormat::markdown);
  ASSERT_TRUE(bom.doc->date);
  EXPECT_EQ(*bom.doc->date, (Date{2024, 1, 2}));

  auto plain = prepare("s.txt", "---\ndate: 2024-04-25\n---\nBody", InputFormat::plain);
  EXPECT_FALSE(plain.doc->date);
}

TEST(Prepare, NeverThrowsOnArbitraryBytes) {
  std::mt19937 rng(12345);
  const std::string alphabet = "`~*_[]()<>!#-+=|\\:\"' \t\r\n\xC3\xA9\xCC\x81\xFF\x80hw.p/x0";
  for (int round = 0; round < 2000; ++round) {
    std::string src;
    std::size_t len = rng() % 80;
    for (std::size_t i = 0; i < len; ++i) src += alphabet[rng() % alphabet.size()];
    for (auto format : {InputFormat::plain, InputFormat::markdown}) {
      input::PrepareResult r;
      ASSERT_NO_THROW(r = prepare("f", src, format));
      ASSERT_EQ(r.doc->source, src);
      ASSERT_EQ(text::first_invalid_utf8(r.doc->text), text::npos);
      if (r.doc->text_to_source.empty()) {
        ASSERT_EQ(r.doc->text.size(), src.size());
      } else {
        ASSERT_EQ(r.doc->text_to_source.size(), r.doc->text.size() + 1);
        ASSERT_EQ(r.doc->text_to_source.back(), src.size());
      }
    }
  }
}

// ---- mask_markdown: exact masks ----

TEST(Mask, EmptyAndPlainProse) {
  EXPECT_EQ(mask(""), "");
  const std::string prose = "Just prose, with a dash - and 5 * 3.\n";
  EXPECT_EQ(mask(prose), prose);
}

TEST(Mask, YamlFrontMatter) {
  std::string src = "---\ntitle: \"Talks\"\ndate: 2024-04-25\n---\nBody text.\n";
  std::optional<Date> date;
  EXPECT_EQ(mask_markdown(src, &date), "   \n              \n                \n   \nBody text.\n");
  ASSERT_TRUE(date);
  EXPECT_EQ(*date, (Date{2024, 4, 25}));
  EXPECT_EQ(mask("---\na: b\n...\nText"), "   \n    \n   \nText");
}

TEST(Mask, FrontMatterDateForms) {
  EXPECT_EQ(front_matter_date("---\ndate: \"2024-04-25T10:00:00Z\"\n---\n"), (Date{2024, 4, 25}));
  EXPECT_EQ(front_matter_date("---\ndate: '2023-12-31'\n---\n"), (Date{2023, 12, 31}));
  EXPECT_EQ(front_matter_date("---\ndate: 2024-02-29 08:00\n---\n"), (Date{2024, 2, 29}));
  EXPECT_EQ(front_matter_date("---\r\ntitle: x\r\ndate: 2024-04-25\r\n---\r\n"),
            (Date{2024, 4, 25}));
  EXPECT_EQ(front_matter_date("+++\ntitle = \"x\"\ndate = 2024-04-25T10:00:00Z\n+++\nBody\n"),
            (Date{2024, 4, 25}));
  EXPECT_EQ(front_matter_date("+++\ndate = \"2024-05-01\"\n+++\n"), (Date{2024, 5, 1}));
  EXPECT_FALSE(front_matter_date("---\ndate: 2023-02-29\n---\n"));       // no such day
  EXPECT_FALSE(front_matter_date("---\ndate: yesterday\n---\n"));
  EXPECT_FALSE(front_matter_date("---\nmeta:\n  date: 2024-04-25\n---\n"));  // nested key
  EXPECT_FALSE(front_matter_date("---\ndateline: 2024-04-25\n---\n"));
  EXPECT_FALSE(front_matter_date("Text\n---\ndate: 2024-04-25\n---\n"));  // not at the start
  EXPECT_FALSE(front_matter_date("---\ndate: 2024-04-25\n"));             // never closed
  EXPECT_EQ(front_matter_date("---\ndate: 2024-01-01\nx: y\ndate: 2024-01-02\n---\n"),
            (Date{2024, 1, 1}));
  std::optional<Date> preset = Date{1999, 1, 1};
  mask_markdown("---\ndate: 2024-04-25\n---\n", &preset);
  EXPECT_EQ(preset, (Date{2024, 4, 25}));
}

TEST(Mask, TomlFrontMatter) {
  EXPECT_EQ(mask("+++\ndate = 2024-04-25\n+++\nBody"), "   \n                 \n   \nBody");
}

TEST(Mask, OpeningRuleIsNotFrontMatter) {
  EXPECT_EQ(mask("---\nSome text\n---\n"), "   \nSome text\n   \n");
  EXPECT_EQ(mask("---\nUnclosed: text"), "   \nUnclosed: text");
}

TEST(Mask, FencedCode) {
  EXPECT_EQ(mask("Text\n```cpp\nint x;\n```\nMore\n"), "Text\n      \n      \n   \nMore\n");
  // A closing fence must be as long as the opening one and use the same character.
  EXPECT_EQ(mask("~~~~\ncode\n~~~\n```\n~~~~\nafter\n"),
            "    \n    \n   \n   \n    \nafter\n");
  EXPECT_EQ(mask("Text\n```\ncode\nmore"), "Text\n   \n    \n    ");  // unclosed: to the end
  EXPECT_EQ(mask("> ```\n> code\n> ```\n> text"), "     \n      \n     \n  text");
}

TEST(Mask, IndentedCode) {
  EXPECT_EQ(mask("Para.\n\n    code line\n\tmore\n\nAfter.\n"),
            "Para.\n\n             \n     \n\nAfter.\n");
  EXPECT_EQ(mask("    code at start\nText"), "                 \nText");
  // Without a blank line the indented line continues the paragraph.
  EXPECT_EQ(mask("Para\n    continued"), "Para\n    continued");
  // After a list item it is the item's continuation, which is prose.
  EXPECT_EQ(mask("- item\n\n    continued\n"), "  item\n\n    continued\n");
}

TEST(Mask, InlineCode) {
  EXPECT_EQ(mask("Use `rm -rf` now"), "Use          now");
  EXPECT_EQ(mask("a ``x ` y`` b"), "a           b");
  EXPECT_EQ(mask("a `x\ny` b"), "a   \n   b");
  EXPECT_EQ(mask("a ` b"), "a ` b");
  EXPECT_EQ(mask("a `x\n\ny` b"), "a `x\n\ny` b");  // a span never crosses a blank line
}

TEST(Mask, HtmlComments) {
  EXPECT_EQ(mask("a <!-- hidden --> b"), "a                 b");
  EXPECT_EQ(mask("<!--\nhidden\n\n```\n-->\nText"), "    \n      \n\n   \n   \nText");
  EXPECT_EQ(mask("<!-- note --> After"), "              After");
  EXPECT_EQ(mask("a <!-- x\ny --> b"), "a       \n      b");
}

TEST(Mask, HtmlTags) {
  EXPECT_EQ(mask("<p>Hello <b>world</b></p>"), "   Hello    world        ");
  EXPECT_EQ(mask("A <a href=\"http://x.com\" title='t'>link</a>."),
            "A                                  link    .");
  EXPECT_EQ(mask("a<br/>b <img src=x>"), "a     b            ");
  EXPECT_EQ(mask("a < b and c<3"), "a < b and c<3");
  EXPECT_EQ(mask("x <script>var a = 1;</script> y"), "x                             y");
  EXPECT_EQ(mask("<style>\np {}\n</style>\nText"), "       \n    \n        \nText");
}

TEST(Mask, Autolinks) {
  EXPECT_EQ(mask("See <https://example.com/x>."), "See                        .");
  EXPECT_EQ(mask("Mail <desk@example.com> now"), "Mail                    now");
}

TEST(Mask, BareUrls) {
  EXPECT_EQ(mask("Visit https://example.com/a?b=1, then www.test.org."),
            "Visit                          , then             .");
  EXPECT_EQ(mask("(http://x.com/y)"), "(              )");
  EXPECT_EQ(mask("\"https://x.com\" and https://x.com\xE2\x80\x9D"),
            "\"             \" and              \xE2\x80\x9D");
  EXPECT_EQ(mask("xhttp://no www. http:// end"), "xhttp://no www. http:// end");
}

TEST(Mask, Links) {
  EXPECT_EQ(mask("Read [the report](https://x.com/r \"Title\") today"),
            "Read  the report                           today");
  EXPECT_EQ(mask("[a [nested] text](<url with spaces>)"), " a [nested] text                    ");
  EXPECT_EQ(mask("[text][ref] and [other][]"), " text       and  other   ");
  EXPECT_EQ(mask("[https://x.com](https://x.com)"), "                              ");
  EXPECT_EQ(mask("a [spy\nagency](u) b"), "a  spy\nagency     b");
}

TEST(Mask, BracketsThatAreNotLinks) {
  EXPECT_EQ(mask("[the minister] said"), "[the minister] said");
  EXPECT_EQ(mask("[Reuters] (London) said"), "[Reuters] (London) said");
  EXPECT_EQ(mask("[a](not a link) b"), "[a](not a link) b");
}

TEST(Mask, ReferenceDefinitionsAndFootnotes) {
  EXPECT_EQ(mask("Text.\n\n[ref]: https://x.com \"T\"\n[b]: <u>\n"),
            "Text.\n\n                        \n        \n");
  EXPECT_EQ(mask("[Update]: The ministry said"), "[Update]: The ministry said");
  EXPECT_EQ(mask("Claim[^1].\n\n[^1]: Source text."), "Claim    .\n\n      Source text.");
}

TEST(Mask, Images) {
  EXPECT_EQ(mask("![alt text](img.png \"t\") after"), "                         after");
  EXPECT_EQ(mask("![alt][logo] after"), "             after");
}

TEST(Mask, HeadingsEmphasisQuotesLists) {
  EXPECT_EQ(mask("# Title\n## Sub ##\n#hashtag"), "  Title\n   Sub   \n#hashtag");
  EXPECT_EQ(mask("spy *agency* and __bold__ and snake_case"),
            "spy  agency  and   bold   and snake_case");
  EXPECT_EQ(mask("***Both*** ~~gone~~"), "   Both      gone  ");
  EXPECT_EQ(mask("> quoted text\n> > more"), "  quoted text\n    more");
  EXPECT_EQ(mask("- one\n* two\n+ three\n1. four\n2) five"),
            "  one\n  two\n  three\n   four\n   five");
  // A fence opened on the item line closes at the item's indented closing fence.
  EXPECT_EQ(mask("- ```\n  code\n  ```\n- item"), "     \n      \n     \n  item");
  EXPECT_EQ(mask("Title\n=====\nSub\n---\n"), "Title\n     \nSub\n   \n");
  EXPECT_EQ(mask("Text\n\n* * *\n\nMore"), "Text\n\n     \n\nMore");
  // An ordered-list-like line inside a paragraph is a wrapped sentence.
  EXPECT_EQ(mask("Founded in\n2024. Then"), "Founded in\n2024. Then");
}

TEST(Mask, BackslashEscapesAndTables) {
  EXPECT_EQ(mask("5 \\* 3 \\_x"), "5  * 3  _x");
  EXPECT_EQ(mask("| a | b |\n|---|:-:|\n| c | d |"), "  a   b  \n         \n  c   d  ");
}

TEST(Mask, CrlfAndCrOnly) {
  EXPECT_EQ(mask("a `b`\r\nc"), "a    \r\nc");
  EXPECT_EQ(mask("```\rcode\r```\rText"), "   \r    \r   \rText");
  EXPECT_EQ(mask("# T\r\n\r\n    code\r\nx"), "  T\r\n\r\n        \r\nx");
}

TEST(Mask, LengthAndValidityAlwaysPreserved) {
  std::mt19937 rng(777);
  const std::string alphabet =
      "`~*_[]()<>!#-+=|\\:\"'^@ \t\r\n\n\xC3\xA9\xE2\x80\x9Dhtps:/w.abc1-";
  for (int round = 0; round < 5000; ++round) {
    std::string src;
    std::size_t len = rng() % 120;
    while (src.size() < len) {
      std::size_t k = rng() % alphabet.size();
      // Keep multi-byte characters whole so the input is valid UTF-8.
      if (static_cast<unsigned char>(alphabet[k]) >= 0x80) {
        src += rng() % 2 ? "\xC3\xA9" : "\xE2\x80\x9D";
      } else {
        src += alphabet[k];
      }
    }
    std::optional<Date> date;
    std::string out = mask_markdown(src, &date);
    ASSERT_EQ(out.size(), src.size()) << src;
    ASSERT_EQ(text::first_invalid_utf8(out), text::npos) << src;
    for (std::size_t i = 0; i < src.size(); ++i) {
      // Only blanking: each byte is kept or becomes a space, and line breaks are never touched.
      ASSERT_TRUE(out[i] == src[i] || out[i] == ' ') << src;
      if (src[i] == '\n' || src[i] == '\r') {
        ASSERT_EQ(out[i], src[i]) << src;
      }
    }
  }
}

TEST(Mask, HostileInputStaysFast) {
  // Hundreds of thousands of unmatched openers in one paragraph must not go quadratic; at
  // quadratic cost each of these would take minutes.
  std::vector<std::string> inputs;
  std::string mixed;
  for (int i = 0; i < 20000; ++i) mixed += "[a <b c=\"` ``x ";
  inputs.push_back(mixed);
  inputs.push_back(std::string(300000, '['));
  std::string tags;
  for (int i = 0; i < 50000; ++i) tags += "<a x=\"";
  inputs.push_back(tags);
  std::string ticks;
  for (int n = 1; n < 2000; ++n) ticks += std::string(static_cast<std::size_t>(n), '`') + " ";
  inputs.push_back(ticks);
  std::string links;
  for (int i = 0; i < 50000; ++i) links += "[a](b ";
  inputs.push_back(links);
  inputs.push_back(std::string(300000, '<'));
  inputs.push_back(std::string(300000, '*'));
  for (const std::string& src : inputs) {
    auto start = std::chrono::steady_clock::now();
    std::string out = mask(src);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(out.size(), src.size());
    EXPECT_LT(ms, 5000) << src.substr(0, 20);
  }
}

namespace wirelint {
namespace {

TEST(Encoding, ByteOrderMarksAreRecognised) {
  using input::Encoding;
  EXPECT_EQ(input::sniff_encoding(std::string("\xFF\xFE" "A\0", 4)), Encoding::utf16le);
  EXPECT_EQ(input::sniff_encoding("\xFE\xFF"), Encoding::utf16be);
  EXPECT_EQ(input::sniff_encoding(std::string("\xFF\xFE\0\0", 4)), Encoding::utf32le);
  EXPECT_EQ(input::sniff_encoding(std::string("\0\0\xFE\xFF", 4)), Encoding::utf32be);
  EXPECT_EQ(input::sniff_encoding("\xEF\xBB\xBFText"), Encoding::utf8);
  EXPECT_EQ(input::sniff_encoding("Text"), Encoding::utf8);
}

TEST(Encoding, EveryEncodingRoundTripsThroughUtf8) {
  // ASCII, a two-byte letter, the euro sign, and a code point beyond the BMP (a surrogate pair).
  const std::string text = "Caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x93\xB0\r\n";
  for (auto e : {input::Encoding::utf16le, input::Encoding::utf16be, input::Encoding::utf32le,
                 input::Encoding::utf32be}) {
    std::string bytes = input::encode_from_utf8(text, e);
    EXPECT_EQ(input::sniff_encoding(bytes), e);
    std::string back;
    EXPECT_EQ(input::decode_to_utf8(bytes, e, back), std::nullopt) << input::encoding_name(e);
    EXPECT_EQ(back, text) << input::encoding_name(e);
  }
  // The surrogate pair, as UTF-16LE writes it.
  EXPECT_EQ(input::encode_from_utf8("\xF0\x9F\x93\xB0", input::Encoding::utf16le),
            std::string("\xFF\xFE\x3D\xD8\xF0\xDC", 6));
}

TEST(Encoding, IllFormedUnitsAreReportedAtTheirByte) {
  std::string out;
  using input::Encoding;
  // A lone high surrogate, a lone low one, a truncated last unit, a code point above U+10FFFF.
  EXPECT_EQ(input::decode_to_utf8(std::string("\xFF\xFE" "A\0\x00\xD8" "B\0", 8), Encoding::utf16le, out), 4u);
  EXPECT_EQ(input::decode_to_utf8(std::string("\xFF\xFE\x00\xDC", 4), Encoding::utf16le, out), 2u);
  EXPECT_EQ(input::decode_to_utf8(std::string("\xFF\xFE" "A", 3), Encoding::utf16le, out), 2u);
  EXPECT_EQ(input::decode_to_utf8(std::string("\0\0\xFE\xFF\0\x11\0\0", 8), Encoding::utf32be, out), 4u);
}

}  // namespace
}  // namespace wirelint
