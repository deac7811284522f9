// NITF, NewsML-G2 and HTML input (input/markup.h): which text is prose, where each byte of it
// came from, the story's date from metadata, format detection, malformed and hostile input, and
// through the engine: the seed story wrapped in NITF and NewsML-G2 gives the plain text's
// findings at the right places, and --fix edits only text nodes.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "input/markup.h"
#include "input/reader.h"
#include "lint/engine.h"
#include "lint/fix.h"
#include "lint/linter.h"
#include "lint/session.h"
#include "rules/rule_set.h"
#include "support/process.h"

namespace fs = std::filesystem;
namespace support = wirelint::testing_support;

namespace wirelint {
namespace {

using input::prepare;

std::unique_ptr<Document> read(const std::string& path, const std::string& bytes, InputFormat f) {
  auto r = prepare(path, bytes, f);
  EXPECT_FALSE(r.error_offset) << r.error;
  return std::move(r.doc);
}

// The source bytes a text range maps to.
std::string source_of(const Document& d, std::size_t text_begin, std::size_t text_end) {
  std::size_t b = d.source_offset(text_begin), e = d.source_end(text_end);
  return d.source.substr(b, e - b);
}

// The story's date from the file's metadata, "" when it has none.
std::string date_of(const Document& d) { return d.date ? d.date->to_string() : ""; }

// "line:column" of the source byte where `needle` (found in the text) starts.
std::string where(const Document& d, const std::string& needle) {
  std::size_t t = d.text.find(needle);
  if (t == std::string::npos) return "missing";
  Position p = d.lines.position(d.source_offset(t));
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

struct Failure {
  std::size_t offset;
  std::string error;
};
Failure failure(const std::string& bytes, InputFormat f) {
  auto r = prepare("bad", bytes, f);
  EXPECT_TRUE(r.error_offset) << "parsed: " << r.doc->text;
  return Failure{r.error_offset.value_or(0), r.error};
}

// ---- text, offsets, date ----

TEST(Nitf, ProseOnlyWithBlockBreaksAndExactOffsets) {
  const std::string src =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<nitf><head><title>Not linted</title><docdata><date.issue norm=\"20240502T081500Z\"/></docdata></head>\n"
      "<body><body.head><hedline><hl1>Spy agency</hl1></hedline>"
      "<byline>By Ann Lee</byline><dateline><location><city>LONDON</city></location></dateline></body.head>\n"
      "<body.content><p>AT&amp;T said<em> it</em> would.</p><p>Next<br/>line</p>"
      "<media><media-reference source=\"x.jpg\"/><media-caption>A port</media-caption></media>"
      "<pre>the the</pre></body.content></body></nitf>\n";
  auto d = read("s.nitf", src, InputFormat::nitf);
  EXPECT_EQ(d->text, "Spy agency\n\nBy Ann Lee\n\nLONDON\n\nAT&T said it would.\n\nNext\n\nline\n\nA port\n\n");
  EXPECT_EQ(date_of(*d), "2024-05-02");
  // "&" is the reference "&amp;"; the 'T' after it is the byte after the ';'.
  std::size_t amp = d->text.find('&');
  EXPECT_EQ(d->source_offset(amp), src.find("&amp;"));
  EXPECT_EQ(d->source_offset(amp + 1), src.find("&amp;") + 5);
  EXPECT_EQ(source_of(*d, d->text.find("AT&T"), d->text.find("AT&T") + 4), "AT&amp;T");
  // A phrase across inline markup spans the tag; one that ends before a tag does not take it.
  std::size_t said = d->text.find("said it");
  EXPECT_EQ(source_of(*d, said, said + 7), "said<em> it");
  std::size_t would = d->text.find("would.");
  EXPECT_EQ(source_of(*d, would, would + 6), "would.");
  EXPECT_EQ(where(*d, "Spy"), "3:32");
  EXPECT_EQ(where(*d, "AT&T"), "4:18");
  // Only whole text nodes are editable: "said" is one, "said<em> it" is not.
  std::size_t s = d->source_offset(said);
  EXPECT_TRUE(d->within_text_node(s, s + 4));
  EXPECT_FALSE(d->within_text_node(s, s + 11));
  EXPECT_TRUE(d->within_text_node(src.find("AT&amp;T"), src.find("AT&amp;T") + 8));
}

TEST(Nitf, CharacterReferencesCrLfAndNonAscii) {
  const std::string src = "<nitf><body><p>Don&#8217;t\r\nstop \xE2\x80\x93 caf\xC3\xA9 &#x201C;x&#x201D;</p></body></nitf>";
  auto d = read("s.nitf", src, InputFormat::nitf);
  EXPECT_EQ(d->text, "Don\xE2\x80\x99t\nstop \xE2\x80\x93 caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D\n\n");
  EXPECT_EQ(source_of(*d, 0, 7), "Don&#8217;t");
  EXPECT_EQ(date_of(*d), "");  // no docdata: --date (or today) applies
  std::size_t stop = d->text.find("stop");
  EXPECT_EQ(d->source_offset(stop), src.find("stop"));
  EXPECT_EQ(where(*d, "stop"), "2:1");
  std::size_t cafe = d->text.find("caf");
  EXPECT_EQ(source_of(*d, cafe, cafe + 5), "caf\xC3\xA9");
  std::size_t x = d->text.find("x");
  EXPECT_EQ(source_of(*d, x - 3, x + 4), "&#x201C;x&#x201D;");
}

// Long runs of non-ASCII text are copied by libxml2 in chunks (300 bytes for XML, 1000 for
// HTML), some flushed before or after a CR LF: every byte must still map to itself.
TEST(Markup, EveryByteOfLongMixedTextMapsToItself) {
  std::string body;
  for (int i = 0; i < 900; ++i) body += (i % 7 == 0) ? "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\r\n" : "plain words ";
  const std::size_t crlf = (900 + 6) / 7;
  struct Case {
    InputFormat format;
    std::string src;
    std::size_t text_bytes;
  };
  for (const Case& c : {Case{InputFormat::nitf, "<nitf><body><p>" + body + "</p></body></nitf>", body.size() - crlf},
                        Case{InputFormat::html, "<p>" + body + "</p><p>" + body + "</p>", 2 * body.size()}}) {
    auto d = read("long", c.src, c.format);
    std::size_t checked = 0;
    for (std::size_t k = 0; k < d->text.size(); ++k) {
      // A paragraph break maps to where the text before it ended: the '<' of "</p>".
      if (d->text[k] == '\n' && c.src[d->source_offset(k)] == '<') continue;
      std::size_t s = d->source_offset(k);
      ASSERT_EQ(c.src[s], d->text[k]) << "text byte " << k;
      ++checked;
    }
    EXPECT_EQ(checked, c.text_bytes);
  }
}

// CDATA is prose too, at its place, but never edited: an escaped replacement would be wrong
// inside it.
TEST(Nitf, CdataIsLintedNotFixed) {
  const std::string src = "<nitf><body><p>Say <![CDATA[R&D <now>]]> done</p></body></nitf>";
  auto d = read("s.nitf", src, InputFormat::nitf);
  EXPECT_EQ(d->text, "Say R&D <now> done\n\n");
  std::size_t rd = d->text.find("R&D");
  EXPECT_EQ(d->source_offset(rd), src.find("R&D"));
  EXPECT_EQ(source_of(*d, rd, rd + 9), "R&D <now>");
  EXPECT_FALSE(d->within_text_node(src.find("R&D"), src.find("R&D") + 3));
  EXPECT_TRUE(d->within_text_node(src.find("Say"), src.find("Say") + 3));
  EXPECT_TRUE(d->within_text_node(src.find("done"), src.find("done") + 4));
}

TEST(Nitf, HtmlEntitiesUnderTheNitfDtdAreDecoded) {
  const std::string src =
      "<!DOCTYPE nitf SYSTEM \"nitf-3-6.dtd\">\n<nitf><body><p>It&rsquo;s &eacute;t&eacute; &nosuch; here</p></body></nitf>";
  auto d = read("s.nitf", src, InputFormat::nitf);
  EXPECT_EQ(d->text, "It\xE2\x80\x99s \xC3\xA9t\xC3\xA9   here\n\n");
  EXPECT_EQ(source_of(*d, 0, 6), "It&rsquo;s");
}

TEST(NewsMl, MetadataDateAndInlineNitfAndXhtml) {
  const std::string src =
      "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" standard=\"NewsML-G2\">\n"
      "<itemMeta><versionCreated>2024-05-03T07:10:00Z</versionCreated>"
      "<firstCreated>2024-05-02T08:15:00Z</firstCreated></itemMeta>\n"
      "<contentMeta><slugline>NOT-PROSE</slugline><headline>Talks open</headline>"
      "<description role=\"drol:caption\">A caption</description></contentMeta>\n"
      "<contentSet><inlineXML contenttype=\"application/nitf+xml\"><nitf><head><title>no</title></head>"
      "<body><body.content><p>One.</p></body.content></body></nitf></inlineXML>\n"
      "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"
      "<head><title>no</title></head><body><h1>Two</h1><p>Three <code>x y</code></p></body></html></inlineXML>"
      "</contentSet></newsItem>";
  auto d = read("s.xml", src, InputFormat::newsml);
  EXPECT_EQ(d->text, "Talks open\n\nA caption\n\nOne.\n\nTwo\n\nThree \n\n");
  EXPECT_EQ(date_of(*d), "2024-05-02");  // firstCreated before versionCreated
  EXPECT_EQ(where(*d, "Talks"), "3:54");
  EXPECT_EQ(where(*d, "Three"), "5:142");
}

TEST(NewsMl, ContentCreatedIsTheStoryDate) {
  auto d = read("s.xml",
                "<newsItem><itemMeta><versionCreated>2024-05-03T07:10:00Z</versionCreated></itemMeta>"
                "<contentMeta><contentCreated>2024-04-30</contentCreated><headline>x</headline></contentMeta></newsItem>",
                InputFormat::newsml);
  EXPECT_EQ(date_of(*d), "2024-04-30");
}

TEST(Html, BodyTextOnlyEntitiesDecodedDateFromMeta) {
  const std::string src =
      "<!DOCTYPE html>\n<html><head><title>T</title>"
      "<meta property=\"article:published_time\" content=\"2024-05-02T08:15:00Z\">"
      "<style>p{}</style><script>if (a < b) x = \"the the\";</script></head>\n"
      "<body><h1>Head</h1><p>It&rsquo;s <b>bold</b>&nbsp;&amp; <code>code</code>done"
      "<figure><img alt=\"alt\"><figcaption>Cap</figcaption></figure><ul><li>one</li><li>two</li></ul></body></html>";
  auto d = read("s.html", src, InputFormat::html);
  EXPECT_EQ(d->text, "Head\n\nIt\xE2\x80\x99s bold\xC2\xA0& done\n\nCap\n\none\n\ntwo\n\n");
  EXPECT_EQ(date_of(*d), "2024-05-02");
  EXPECT_EQ(where(*d, "It"), "3:23");
  std::size_t it = d->text.find("It");
  EXPECT_EQ(source_of(*d, it, it + 6), "It&rsquo;s");
}

// A passage marked as another language is not read; English marked inside it is, in NITF
// (xml:lang) as in HTML (lang, xml:lang; a whole page marked German too).
TEST(Markup, PassagesOfAnotherLanguageAreNotRead) {
  struct Case {
    const char* path;
    InputFormat format;
    std::string src, text;
  };
  const Case cases[] = {
      {"s.nitf", InputFormat::nitf,
       "<nitf><body><body.content><p>One.</p><p xml:lang=\"fr\">Le gouvernement a dit.</p>"
       "<p lang=\"en-GB\">Two.</p><blockquote xml:lang=\"de\"><p>Die Regierung <span lang=\"EN_us\">three</span> "
       "sagte.</p></blockquote><p>Four.</p></body.content></body></nitf>",
       "One.\n\nTwo.\n\nthree\n\nFour.\n\n"},
      {"s.html", InputFormat::html,
       "<!DOCTYPE html><html lang=\"de\"><body><p>Die Regierung sagte.</p>"
       "<p lang=\"en\">The ministry said.</p><div lang=\"es\"><p>El gobierno dijo.</p></div>"
       "<p xml:lang=\"en-US\">Done.</p></body></html>",
       "The ministry said.\n\nDone.\n\n"},
  };
  for (const auto& c : cases) {
    auto d = read(c.path, c.src, c.format);
    EXPECT_EQ(d->text, c.text) << c.path;
    std::size_t at = d->text.find(c.format == InputFormat::nitf ? "three" : "ministry");
    EXPECT_EQ(d->source_offset(at), c.src.find(c.format == InputFormat::nitf ? "three" : "ministry")) << c.path;
  }
}

// Plain text names its byline and dateline by their shape in the first lines.
TEST(Plain, BylineAndDatelineAreStoryParts) {
  const std::string src =
      "By Jane Doe and Ann Lee, Reuters staff\n\nWASHINGTON, March 3 (Reuters) - The Treasury said.\n"
      "\nBy the way, LONDON - is no dateline here.\n";
  auto d = read("s.txt", src, InputFormat::plain);
  ASSERT_EQ(d->scopes.size(), 2u);
  EXPECT_EQ(d->text.substr(d->scopes[0].begin, d->scopes[0].end - d->scopes[0].begin),
            "By Jane Doe and Ann Lee, Reuters staff");
  EXPECT_EQ(d->scopes[0].scope, Scope::byline);
  EXPECT_EQ(d->text.substr(d->scopes[1].begin, d->scopes[1].end - d->scopes[1].begin), "WASHINGTON, March 3 (Reuters) -");
  EXPECT_EQ(d->scopes[1].scope, Scope::dateline);
  EXPECT_TRUE(d->in_scope(d->text.find("Reuters)"), Scope::dateline));
  EXPECT_FALSE(d->in_scope(d->text.find("Treasury"), Scope::dateline));
  // Names with particles are bylines; a line with other lower-case words is not.
  EXPECT_EQ(read("b.txt", "By Nguyen thi Hoa and Ali ould Mohamed\n\nText.\n", InputFormat::plain)->scopes.size(), 1u);
  EXPECT_EQ(read("b.txt", "By Ana de la Vega, Reuters\n\nText.\n", InputFormat::plain)->scopes.size(), 1u);
  EXPECT_TRUE(read("b.txt", "By the way, it rained.\n", InputFormat::plain)->scopes.empty());
  // Shapes of datelines, and lines that only look like one.
  const std::pair<const char*, const char*> shapes[] = {
      {"NEW YORK - Stocks rose.", "NEW YORK -"},
      {"SAN JOSE, Calif., May 2 (Reuters) - Apple said.", "SAN JOSE, Calif., May 2 (Reuters) -"},
      {"PORT-AU-PRINCE, Jan 5 \xE2\x80\x94 Haiti said.", "PORT-AU-PRINCE, Jan 5 \xE2\x80\x94"},
      {"LONDON -", ""},
      {"The LONDON - office said.", ""},
      {"US - China talks resumed.", ""},
  };
  for (const auto& [line, dateline] : shapes) {
    auto doc = read("d.txt", std::string(line) + "\n", InputFormat::plain);
    std::string got = doc->scopes.empty() ? "" : doc->text.substr(doc->scopes[0].begin, doc->scopes[0].end - doc->scopes[0].begin);
    EXPECT_EQ(got, dateline) << line;
  }
  // One long line: bounded work, no part.
  auto long_line = read("l.txt", std::string(1 << 20, 'A') + " - x\n", InputFormat::plain);
  EXPECT_TRUE(long_line->scopes.empty());
}

TEST(Html, TimeElementDatesAFragment) {
  auto d = read("s.html", "<p>Posted <time datetime=\"2023-11-09\">Nov 9</time>.</p>", InputFormat::html);
  EXPECT_EQ(d->text, "Posted Nov 9.\n\n");
  EXPECT_EQ(date_of(*d), "2023-11-09");
}

// ---- format detection ----

TEST(Detect, ByExtensionRootAndContent) {
  using input::detect_format;
  const std::string nitf = "<?xml version=\"1.0\"?>\n<!-- c -->\n<nitf><body/></nitf>";
  const std::string g2 = "<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>";
  EXPECT_EQ(detect_format("a.xml", nitf), InputFormat::nitf);
  EXPECT_EQ(detect_format("a.XML", g2), InputFormat::newsml);
  EXPECT_EQ(detect_format("a.xml", "<?xml version=\"1.0\"?><rss/>"), InputFormat::xml);
  EXPECT_EQ(detect_format("a.nitf", g2), InputFormat::nitf);  // the extension claims NITF
  EXPECT_EQ(detect_format("a.htm", "text"), InputFormat::html);
  EXPECT_EQ(detect_format("story", nitf), InputFormat::nitf);
  EXPECT_EQ(detect_format("story.txt", "\xEF\xBB\xBF  <!DOCTYPE HTML>\n<p>x"), InputFormat::html);
  EXPECT_EQ(detect_format("<stdin>", "<newsMessage/>"), InputFormat::newsml);
  EXPECT_EQ(detect_format("story.txt", "<nitfoo> is not a tag we know"), InputFormat::plain);
  EXPECT_EQ(detect_format("story.txt", "LONDON, May 2 - <html> tags"), InputFormat::plain);
  EXPECT_EQ(detect_format("story.md", nitf), InputFormat::markdown);
  EXPECT_EQ(detect_format("story.md", "x", InputFormat::nitf), InputFormat::nitf);
  EXPECT_EQ(input::parse_format_name("newsml"), InputFormat::newsml);
  EXPECT_FALSE(input::parse_format_name("xml"));
}

// ---- malformed and hostile input ----

TEST(Malformed, UnclosedTagNamesWhereItBroke) {
  const std::string src = "<nitf><body><p>One\n<p>Two</body></nitf>";
  auto f = failure(src, InputFormat::nitf);
  EXPECT_EQ(f.error, "Opening and ending tag mismatch: p line 2 and body");
  EXPECT_EQ(f.offset, src.find("</body>") + 7);
}

TEST(Malformed, UndefinedEntityWithoutDtd) {
  auto f = failure("<nitf><body><p>It&rsquo;s</p></body></nitf>", InputFormat::nitf);
  EXPECT_EQ(f.error, "Entity 'rsquo' not defined");
  EXPECT_EQ(f.offset, 24u);
}

TEST(Malformed, TruncatedFile) {
  const std::string src = "<nitf><body><p>One</p><p>Tw";
  auto f = failure(src, InputFormat::nitf);
  EXPECT_EQ(f.error, "Premature end of data in tag p line 1");
  EXPECT_EQ(f.offset, src.size());
}

TEST(Malformed, NonUtf8EncodingDeclarationIsRefused) {
  auto f = failure("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<nitf><body><p>caf\xE9</p></body></nitf>",
                   InputFormat::nitf);
  EXPECT_EQ(f.error, "encoding \"ISO-8859-1\" is not supported; wirelint reads UTF-8");
  EXPECT_EQ(f.offset, 20u);  // at "encoding" in the declaration
  auto ascii = prepare("a", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><nitf><body><p>x</p></body></nitf>",
                       InputFormat::nitf);
  EXPECT_FALSE(ascii.error_offset) << ascii.error;
  EXPECT_EQ(ascii.doc->text, "x\n\n");
}

TEST(Malformed, BillionLaughsIsRefusedAtTheFirstDeclaration) {
  std::string src = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i)
    src += "<!ENTITY lol" + std::to_string(i) + " \"" + [&] {
      std::string refs;
      for (int k = 0; k < 10; ++k) refs += "&lol" + (i > 1 ? std::to_string(i - 1) : std::string()) + ";";
      return refs;
    }() + "\">\n";
  src += "]>\n<nitf><body><p>&lol9;</p></body></nitf>";
  auto start = std::chrono::steady_clock::now();
  auto f = failure(src, InputFormat::nitf);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ(f.error, "entity declarations are not supported (entity 'lol')");
  EXPECT_EQ(f.offset, src.find("\">\n<!ENTITY lol1") + 1);  // at the declaration's '>'

}

// libxml2 keeps declared entities in a document of its own even under SAX; the reader and the
// root sniffer free it (a leak LeakSanitizer reports in the WIRELINT_SANITIZE build otherwise).
// Found by tests/fuzz/markup_fuzz; its corpus keeps the input as regression-entity-doc-leak.
TEST(Malformed, EntityDeclarationsAreRefusedAndLeaveNothingBehind) {
  const std::string src =
      "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY b \"x\">]><newsItem><contentMeta><headline>&b;</headline>"
      "</contentMeta></newsItem>";
  for (int i = 0; i < 3; ++i) {
    auto f = failure(src, InputFormat::newsml);
    EXPECT_EQ(f.error, "entity declarations are not supported (entity 'b')");
    EXPECT_EQ(f.offset, src.find("\">]>") + 1);
    EXPECT_EQ(input::xml_root_name(src), "newsItem");
  }
}

TEST(Malformed, EmptyAndBlankFilesHoldNothingAndNoError) {
  for (InputFormat f : {InputFormat::nitf, InputFormat::newsml, InputFormat::html}) {
    for (std::string bytes : {std::string(), std::string(" \n\t\r\n")}) {
      auto r = prepare("e", bytes, f);
      EXPECT_FALSE(r.error_offset) << r.error;
      EXPECT_EQ(r.doc->text, "");
      EXPECT_EQ(r.doc->source_end(0), 0u);
    }
  }
}

// A wrong root is refused before its attributes are read: refusing stops libxml2, which frees the
// buffer they point into (a use after free AddressSanitizer reports in the WIRELINT_SANITIZE
// build). Found by tests/fuzz/markup_fuzz; its corpus keeps regression-refused-root-attribute.
TEST(Malformed, WrongRootWithAttributesIsRefusedWithoutReadingThem) {
  const std::string src = "<date.issue norm=\"20240301T000000Z\"/>";
  auto r = prepare("bad", src, InputFormat::nitf);
  ASSERT_TRUE(r.error_offset);
  EXPECT_EQ(*r.error_offset, 0u);
  EXPECT_EQ(r.error, "expected a <nitf> root element (NITF), found <date.issue>");
  EXPECT_FALSE(r.doc->date);
  EXPECT_EQ(r.doc->text, "");
  const std::string html = "<html><head><meta name=\"article:published_time\" content=\"2024-03-01\"/></head></html>";
  r = prepare("bad", html, InputFormat::newsml);
  EXPECT_EQ(r.error, "expected a <newsItem> or <newsMessage> root element (NewsML-G2), found <html>");
  EXPECT_FALSE(r.doc->date);
}

TEST(Malformed, HtmlClaimedAsNitf) {
  const std::string html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><p>x</p></body></html>";
  auto f = failure(html, InputFormat::nitf);
  EXPECT_EQ(f.error, "expected a <nitf> root element (NITF), found <html>");
  EXPECT_EQ(f.offset, html.find("<html>"));
  // Read far enough, HTML is not even XML.
  const std::string nitf_root = "<nitf><head><meta charset=\"utf-8\"></head><body><p>x</p></body></nitf>";
  f = failure(nitf_root, InputFormat::nitf);
  EXPECT_EQ(f.error, "Opening and ending tag mismatch: meta line 1 and head");
  EXPECT_EQ(f.offset, nitf_root.find("</head>") + 7);
  // Well-formed XHTML parses, but it is not NITF.
  const std::string xhtml = "<html><body><p>x</p></body></html>";
  f = failure(xhtml, InputFormat::nitf);
  EXPECT_EQ(f.error, "expected a <nitf> root element (NITF), found <html>");
  f = failure(xhtml, InputFormat::newsml);
  EXPECT_EQ(f.error, "expected a <newsItem> or <newsMessage> root element (NewsML-G2), found <html>");
}

TEST(Malformed, NotXmlAtAll) {
  auto f = failure("LONDON, May 2 - plain words", InputFormat::nitf);
  EXPECT_EQ(f.error, "Start tag expected, '<' not found");
  EXPECT_EQ(f.offset, 0u);
}

// HTML is read the way a browser reads it: broken markup is never an error.
TEST(Malformed, BrokenHtmlStillReads) {
  auto d = read("s.html", "<p>One <b>two<p>Three &bogus; </div></i>four<", InputFormat::html);
  EXPECT_EQ(d->text, "One two\n\nThree &bogus; four<\n\n");
}

TEST(Malformed, InvalidUtf8IsBlankedNotFatal) {
  auto r = prepare("s.nitf", "<nitf><body><p>ab\xFF" "cd</p></body></nitf>", InputFormat::nitf);
  EXPECT_FALSE(r.error_offset) << r.error;
  EXPECT_EQ(r.invalid_utf8_offset, 17u);
  EXPECT_EQ(r.doc->text, "ab cd\n\n");
}

TEST(Malformed, DeepNestingIsBounded) {
  std::string src = "<nitf><body>";
  for (int i = 0; i < 100000; ++i) src += "<p>";
  auto f = failure(src, InputFormat::nitf);
  EXPECT_NE(f.error.find("Excessive depth"), std::string::npos) << f.error;
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  auto d = read("deep.html", html + "x", InputFormat::html);
  EXPECT_EQ(d->text, "x\n\n");
}

// ---- through the engine ----

const lint::Engine& engine() {
  static const lint::Engine* e = new lint::Engine(WIRELINT_SOURCE_DIR);
  return *e;
}

std::string sample(const std::string& name) {
  return support::read_file(fs::path(WIRELINT_SOURCE_DIR) / "samples" / name);
}

std::vector<Diagnostic> lint(const std::string& path, const std::string& bytes, std::unique_ptr<Document>& doc) {
  auto r = prepare(path, bytes, input::detect_format(path, bytes));
  EXPECT_FALSE(r.error_offset) << r.error;
  doc = std::move(r.doc);
  auto selection = lint::RuleSelection::defaults(engine().rules(), "");
  return engine().linter().lint(*doc, selection, *Date::parse("2024-05-02"));
}

std::string summary(const Diagnostic& d) {
  std::string s = d.rule + " | " + d.message;
  for (const auto& r : d.replacements) s += " | " + r;
  return s;
}

std::string at(const Document& doc, const Diagnostic& d) {
  Position p = doc.lines.position(d.span.offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

class Seed : public ::testing::TestWithParam<const char*> {};

TEST_P(Seed, WrappedStoryGivesThePlainTextsFindings) {
  std::unique_ptr<Document> plain_doc, doc;
  auto plain = lint("spun-story.txt", sample("spun-story.txt"), plain_doc);
  auto wrapped = lint(GetParam(), sample(GetParam()), doc);
  ASSERT_GE(plain.size(), 8u);
  ASSERT_EQ(wrapped.size(), plain.size());
  for (std::size_t i = 0; i < plain.size(); ++i) {
    EXPECT_EQ(summary(wrapped[i]), summary(plain[i])) << i;
    // The same words, found at their place in the XML: decoded, the span is the plain match.
    std::string decoded = doc->source.substr(wrapped[i].span.offset, wrapped[i].span.length);
    for (auto [ref, ch] : {std::pair<std::string, std::string>{"&#8221;", "\xE2\x80\x9D"}, {"&#x201D;", "\xE2\x80\x9D"}})
      for (std::size_t p; (p = decoded.find(ref)) != std::string::npos;) decoded.replace(p, ref.size(), ch);
    EXPECT_EQ(decoded, plain[i].match) << summary(plain[i]);
    EXPECT_EQ(wrapped[i].fixable, plain[i].fixable) << summary(plain[i]);
  }
  EXPECT_EQ(date_of(*doc), "2024-05-02");
}

INSTANTIATE_TEST_SUITE_P(Samples, Seed, ::testing::Values("spun-story.nitf.xml", "spun-story.newsml.xml"));

TEST(Seed, PositionsInTheXmlFiles) {
  std::unique_ptr<Document> nitf_doc, g2_doc;
  auto nitf = lint("spun-story.nitf.xml", sample("spun-story.nitf.xml"), nitf_doc);
  auto g2 = lint("spun-story.newsml.xml", sample("spun-story.newsml.xml"), g2_doc);
  auto find = [](const std::vector<Diagnostic>& ds, const std::string& rule, const std::string& match) {
    for (const auto& d : ds)
      if (d.rule == rule && d.match == match) return &d;
    return static_cast<const Diagnostic*>(nullptr);
  };
  struct Expect {
    std::string rule, match, nitf_at, g2_at;
  };
  // Columns counted by hand in the sample files: paragraph N of the story is on line 25+N of
  // the NITF file after "      <p>" (column 10), and on line 30+N of the NewsML-G2 file after
  // "          <p>" (column 14).
  for (const Expect& e : std::vector<Expect>{
           {"typography-spaced-hyphen", "Lyle- Pennington", "26:67", "31:71"},
           {"typography-article", "a eminent", "27:28", "32:32"},
           {"typography-doubled-word", "the the", "28:94", "33:98"},
           {"typography-spaced-abbreviation", "U. S.", "30:32", "35:36"},
           {"typography-lowercase-acronym", "uavs", "31:45", "36:49"},
           {"typography-mojibake", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "33:36", "38:40"},
           {"spelling-unknown-word", "goverment", "34:117", "39:121"},
       }) {
    const Diagnostic* n = find(nitf, e.rule, e.match);
    const Diagnostic* g = find(g2, e.rule, e.match);
    ASSERT_TRUE(n && g) << e.rule;
    EXPECT_EQ(at(*nitf_doc, *n), e.nitf_at) << e.rule;
    EXPECT_EQ(at(*g2_doc, *g), e.g2_at) << e.rule;
  }
  // The quote after "said," is a character reference in both files: the finding starts at its
  // '&' ("said," is at 29:71 and 34:75) and covers all of it.
  const Diagnostic* n = find(nitf, "typography-quote-direction", "&#8221; ");
  const Diagnostic* g = find(g2, "typography-quote-direction", "&#x201D; ");
  ASSERT_TRUE(n && g);
  EXPECT_EQ(at(*nitf_doc, *n), "29:76");
  EXPECT_EQ(at(*g2_doc, *g), "34:80");
}

TEST(Html, SampleSkipsCodeScriptStyleAndKeepsTheStory) {
  std::unique_ptr<Document> plain_doc, doc;
  auto plain = lint("spun-story.txt", sample("spun-story.txt"), plain_doc);
  auto html = lint("spun-story.html", sample("spun-story.html"), doc);
  // The story's findings and nothing from the script, the style, the alt text or the code.
  ASSERT_EQ(html.size(), plain.size());
  for (std::size_t i = 0; i < plain.size(); ++i) EXPECT_EQ(summary(html[i]), summary(plain[i])) << i;
  EXPECT_EQ(doc->text.find("detective"), std::string::npos);
  EXPECT_EQ(doc->text.find("--fix"), std::string::npos);
  EXPECT_NE(doc->text.find("Containers wait at the port of Mombasa."), std::string::npos);
  EXPECT_EQ(date_of(*doc), "2024-05-02");
}

// Replacements are source text: '&' and '<' come back as references in markup.
TEST(Fix, ReplacementsAreEscapedForMarkup) {
  EXPECT_EQ(lint::escape_markup_text("R&D <b> ok"), "R&amp;D &lt;b&gt; ok");
  EXPECT_EQ(lint::escape_markup_text("plain"), "plain");
}

// The last finding of `rule` among `found`, or nullptr.
const Diagnostic* finding_of(const std::vector<Diagnostic>& found, const std::string& rule) {
  const Diagnostic* last = nullptr;
  for (const auto& d : found)
    if (d.rule == rule) last = &d;
  return last;
}

// HTML text the reader cannot place in the source (libxml2 dropped the U+0001 from it) is
// linted at one offset and never fixed: the empty span used to take the doubled word's fix,
// which --fix then inserted ten times ("the the dthethe...&0"). Found by tests/fuzz/fix_fuzz;
// its corpus keeps regression-unplaced-text-fix.html.
TEST(Fix, TextThatCannotBePlacedIsReportedButNeverFixed) {
  const std::string src = "<p>the the\x01 d&0";
  std::unique_ptr<Document> doc;
  auto found = lint("s.html", src, doc);
  const Diagnostic* doubled = finding_of(found, "typography-doubled-word");
  ASSERT_NE(doubled, nullptr);
  EXPECT_EQ(doubled->span.length, 0u);
  EXPECT_EQ(doubled->replacements, std::vector<std::string>{"the"});
  EXPECT_FALSE(doubled->fixable);
  EXPECT_EQ(lint::apply_edits(src, lint::plan_fixes(found)), src);
}

// A finding that starts in text the reader could not place and ends in a placed node maps to a
// source span shorter than its text ("e>2he  d&0": ten text bytes, two source bytes, "&0"): a
// fix there would write the whole text over "&0", again at each pass. Reported, never fixed.
// Found by tests/fuzz/fix_fuzz; its corpus keeps regression-straddling-unplaced-text.
TEST(Fix, SpanFromUnplacedIntoPlacedTextIsNeverFixed) {
  const std::string src = "<p>2he throot e\x01>2he  d&0";
  std::unique_ptr<Document> doc;
  auto found = lint("s.html", src, doc);
  const Diagnostic* spaces = finding_of(found, "typography-double-space");
  ASSERT_NE(spaces, nullptr);
  EXPECT_EQ(spaces->match, "&0");
  EXPECT_FALSE(spaces->fixable);
  EXPECT_EQ(lint::apply_edits(src, lint::plan_fixes(found)), src);
}

// A rule whose replacement holds '&', on a story where it fits in one text node and on one
// where the phrase crosses a tag.
TEST(Fix, AmpersandReplacementIsEscapedAndTagsAreNeverRewritten) {
  rules::RuleSet set;
  set.load_rule("id = \"spin-rnd\"\nkind = \"phrase\"\nseverity = \"warning\"\ncategory = \"accuracy\"\n"
                "fixable = true\nmessage = \"'{match}' -> '{expected}'\"\n"
                "[[phrases]]\nmatch = \"R and D\"\nexpected = \"R&D\"\n"
                "[examples]\nfire = \"R and D\"\nclean = \"R&D\"\n",
                "rules/spin/spin-rnd.toml", "spin");
  set.compile();
  lint::Linter linter(set, nullptr);
  const std::string src = "<nitf><body><p>Our R and D lab.</p><p>Their R <em>and</em> D lab.</p></body></nitf>";
  auto doc = read("s.nitf", src, InputFormat::nitf);
  auto found = linter.lint(*doc, lint::RuleSelection::defaults(set), *Date::parse("2024-05-02"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].match, "R and D");
  EXPECT_EQ(found[0].message, "'R and D' -> 'R&D'");  // messages speak of the text
  EXPECT_EQ(found[0].replacements, std::vector<std::string>{"R&amp;D"});  // replacements are source
  EXPECT_TRUE(found[0].fixable);
  EXPECT_EQ(found[1].match, "R <em>and</em> D");
  EXPECT_FALSE(found[1].fixable);
  std::string fixed = lint::apply_edits(src, lint::plan_fixes(found));
  EXPECT_EQ(fixed, "<nitf><body><p>Our R&amp;D lab.</p><p>Their R <em>and</em> D lab.</p></body></nitf>");
  EXPECT_EQ(read("s.nitf", fixed, InputFormat::nitf)->text, "Our R&D lab.\n\nTheir R and D lab.\n\n");
  // Plain text takes the replacement as it is.
  auto plain = input::prepare("s.txt", "Our R and D lab.", InputFormat::plain).doc;
  auto in_plain = linter.lint(*plain, lint::RuleSelection::defaults(set), *Date::parse("2024-05-02"));
  ASSERT_EQ(in_plain.size(), 1u);
  EXPECT_EQ(in_plain[0].replacements, std::vector<std::string>{"R&D"});
}

// Each text node's range replaced by a marker: what --fix must leave byte for byte.
std::string skeleton(const Document& d) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& n : d.text_nodes) {
    out += d.source.substr(pos, n.begin - pos) + "\x01";
    pos = n.end;
  }
  return out + d.source.substr(pos);
}

TEST(Fix, FixingNitfChangesOnlyTextNodes) {
  support::TempDir dir("wirelint-markup-fix");
  ASSERT_TRUE(dir.error().empty()) << dir.error();
  for (const char* name : {"spun-story.nitf.xml", "spun-story.newsml.xml", "spun-story.html"}) {
    const std::string original = sample(name);
    fs::path file = dir.path() / name;
    ASSERT_TRUE(support::write_file(file, original));
    lint::SessionOptions options;
    options.date = *Date::parse("2024-05-02");
    options.use_config = false;
    options.quiet = true;
    options.fix = lint::FixMode::write;
    std::ostringstream errors;
    struct Null : DiagnosticSink {
      void diagnostic(const Document&, const Diagnostic&) override {}
    } sink;
    lint::Session session(engine(), options, errors);
    session.lint_path(file.string(), sink);
    EXPECT_EQ(errors.str(), "");
    const std::string fixed = support::read_file(file);
    ASSERT_NE(fixed, original) << name;
    auto before = prepare(name, original, input::detect_format(name, original));
    auto after = prepare(name, fixed, input::detect_format(name, fixed));
    ASSERT_FALSE(after.error_offset) << after.error;
    EXPECT_EQ(skeleton(*after.doc), skeleton(*before.doc)) << name;
    ASSERT_EQ(after.doc->text_nodes.size(), before.doc->text_nodes.size());
    // Inside the text, only the nodes that held a fixable finding changed.
    std::unique_ptr<Document> linted;
    auto findings = lint(name, original, linted);
    std::set<std::size_t> fixable_nodes, changed_nodes;
    const auto& nodes = before.doc->text_nodes;
    for (const auto& e : lint::plan_fixes(findings))
      for (std::size_t i = 0; i < nodes.size(); ++i)
        if (e.span.offset >= nodes[i].begin && e.span.end() <= nodes[i].end) fixable_nodes.insert(i);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const SourceRange& a = nodes[i];
      const SourceRange& b = after.doc->text_nodes[i];
      if (original.compare(a.begin, a.end - a.begin, fixed, b.begin, b.end - b.begin) != 0) changed_nodes.insert(i);
    }
    EXPECT_EQ(changed_nodes, fixable_nodes) << name;
    EXPECT_EQ(fixable_nodes.size(), 7u) << name;  // paragraphs 1 to 6 and 8 (mojibake) of the story
    // The fixes themselves: spaced abbreviation, doubled word, a/an.
    EXPECT_NE(fixed.find("as the U.S. and"), std::string::npos) << name;
    EXPECT_NE(fixed.find("where the new cold"), std::string::npos) << name;
    EXPECT_NE(fixed.find("follows an eminent"), std::string::npos) << name;
  }
}

// ---- the command line ----

namespace cli {

class MarkupCli : public support::SandboxTest {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(make_sandbox("wirelint-markup-cli")); }
  support::ProcessResult run(const std::vector<std::string>& args,
                             const std::optional<std::string>& input = std::nullopt) {
    std::vector<std::string> all = {"--no-config", "--date", "2024-05-02", "--format", "line"};
    all.insert(all.end(), args.begin(), args.end());
    return support::run_process(WIRELINT_BINARY, all, work_, io_, input, {"WIRELINT_DATA_DIR=", "NO_COLOR="});
  }
  void put(const std::string& name, const std::string& bytes) { ASSERT_TRUE(support::write_file(work_ / name, bytes)); }
};

TEST_F(MarkupCli, BrokenFileIsOneLineErrorAndTheOthersAreStillLinted) {
  put("a.nitf.xml", "<nitf><body><p>One\n<p>Two</body></nitf>\n");
  put("b.nitf.xml", sample("spun-story.nitf.xml"));
  auto r = run({"a.nitf.xml", "b.nitf.xml"});
  EXPECT_EQ(r.code, 2);
  // Where the parser stopped: just past the end tag that does not match.
  EXPECT_EQ(r.err, "wirelint: a.nitf.xml:2:14: not valid nitf: Opening and ending tag mismatch: p line 2 and body; "
                   "not checked\n");
  EXPECT_NE(r.out.find("b.nitf.xml:30:32: warning: Spaced abbreviation 'U. S.': write 'U.S.' "
                       "[typography-spaced-abbreviation]"),
            std::string::npos)
      << r.out;
}

// NITF in UTF-16 (either byte order, with its byte-order mark and a declaration naming UTF-16)
// is decoded and read like UTF-8 NITF: same findings, same lines and columns. A declared
// encoding wirelint does not read (Latin-1) is still an error naming the declaration.
// The headline, byline and dateline markup names are parts of the story a rule's data can
// exempt (`unless_context`): a data folder whose doubled-word rule is silent in the headline and
// the byline reports only the body's doubled word; the shipped rule reports all three.
TEST_F(MarkupCli, RuleDataSaysWhichStoryPartsSilenceIt) {
  const fs::path source = WIRELINT_SOURCE_DIR;
  const fs::path data = work_ / "data";
  fs::create_directories(data / "rules" / "typography");
  fs::create_directory_symlink(source / "dictionaries", data / "dictionaries");
  for (const auto& e : fs::directory_iterator(source / "rules")) {
    if (e.path().filename() == "typography") continue;
    if (e.is_directory()) fs::create_directory_symlink(e.path(), data / "rules" / e.path().filename());
    else fs::create_symlink(e.path(), data / "rules" / e.path().filename());
  }
  for (const auto& e : fs::directory_iterator(source / "rules" / "typography")) {
    if (e.path().filename() != "typography-doubled-word.toml") {
      fs::create_symlink(e.path(), data / "rules" / "typography" / e.path().filename());
      continue;
    }
    std::string rule = support::read_file(e.path());
    auto at = rule.find("\n[examples]");
    ASSERT_NE(at, std::string::npos);
    rule.insert(at, "\nunless_context = [\"headline\", \"byline\"]\n");
    ASSERT_TRUE(support::write_file(data / "rules" / "typography" / e.path().filename(), rule));
  }
  put("s.nitf",
      "<nitf><body><body.head><hedline><hl1>Talks at the the port</hl1></hedline>\n"
      "<byline>By Ann Lee and and Bo Li</byline><dateline>NAIROBI, May 2 -</dateline></body.head>\n"
      "<body.content><p>It was the the plan.</p></body.content></body></nitf>\n");
  auto shipped = run({"s.nitf", "--only", "typography-doubled-word"});
  EXPECT_EQ(shipped.out,
            "s.nitf:1:47: warning: Doubled word 'the the': write 'the' [typography-doubled-word]\n"
            "s.nitf:2:20: warning: Doubled word 'and and': write 'and' [typography-doubled-word]\n"
            "s.nitf:3:25: warning: Doubled word 'the the': write 'the' [typography-doubled-word]\n")
      << shipped.err;
  auto exempt = run({"s.nitf", "--only", "typography-doubled-word", "--data-dir", data.string()});
  EXPECT_EQ(exempt.out, "s.nitf:3:25: warning: Doubled word 'the the': write 'the' [typography-doubled-word]\n")
      << exempt.err;
}

std::string input_fixture(const std::string& name) {
  return support::read_file(fs::path(WIRELINT_SOURCE_DIR) / "tests" / "input" / name);
}

// The shipped rules' defaults in the story parts (docs/rule-files.md, "Story parts"), on a NITF
// story whose headline, byline and dateline hold what the body would report: a title-case
// headline's "Far-Right Minister" (spun-title) and its attribution dash "-Sources" (spaced-hyphen),
// the byline's particle "thi" and "staf" (spelling) are silent; the sentence-case sub-headline's
// typo and doubled word, and the dateline's "KIEV", are reported; the body reports all it holds.
// The same story with its parts written as paragraphs reports the silenced findings too. --fix
// edits the body and the sub-headline's text only, and leaves the headline's dash alone.
TEST_F(MarkupCli, StoryPartsSilenceTheRulesTheirDataNames) {
  const std::string story = input_fixture("story-parts.nitf");
  put("s.nitf", story);
  auto r = run({"s.nitf"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out,
            "s.nitf:8:25: warning: Unknown word 'goverment'. [spelling-unknown-word]\n"
            "s.nitf:8:42: warning: Doubled word 'the the': write 'the' [typography-doubled-word]\n"
            "s.nitf:11:11: warning: 'KIEV' is the former (Russian-based) spelling; wire style now writes 'KYIV'. "
            "[entity-preferred-name]\n"
            "s.nitf:14:11: warning: Unknown word 'thi'. [spelling-unknown-word]\n"
            "s.nitf:14:24: warning: 'Foremost Minister' is not Pedro S\xC3\xA1nchez's title at the story's date; write "
            "'Prime Minister' [entity-spun-title]\n"
            "s.nitf:14:60: warning: Stray space at a hyphen in 'Thomas- Greenfield': write 'Thomas-Greenfield' "
            "[typography-spaced-hyphen]\n");
  std::string as_body = story;
  for (const char* part : {"hl1", "hl2", "byline", "dateline"}) {
    for (const std::string& tag : {std::string("<") + part + ">", std::string("</") + part + ">"}) {
      auto at = as_body.find(tag);
      ASSERT_NE(at, std::string::npos) << tag;
      as_body.replace(at, tag.size(), tag[1] == '/' ? "</p>" : "<p>");
    }
  }
  put("b.nitf", as_body);
  auto body = run({"b.nitf"});
  EXPECT_EQ(body.out,
            "b.nitf:7:8: warning: 'Right Minister' is not an office title; did you mean 'Justice Minister'? "
            "[entity-spun-title]\n"
            "b.nitf:7:41: warning: Stray space at a hyphen in 'Port -Sources': write 'Port-Sources' "
            "[typography-spaced-hyphen]\n"
            "b.nitf:8:23: warning: Unknown word 'goverment'. [spelling-unknown-word]\n"
            "b.nitf:8:40: warning: Doubled word 'the the': write 'the' [typography-doubled-word]\n"
            "b.nitf:10:29: warning: Unknown word 'thi'. [spelling-unknown-word]\n"
            "b.nitf:10:45: warning: Unknown word 'staf'. [spelling-unknown-word]\n"
            "b.nitf:11:4: warning: 'KIEV' is the former (Russian-based) spelling; wire style now writes 'KYIV'. "
            "[entity-preferred-name]\n"
            "b.nitf:14:11: warning: Unknown word 'thi'. [spelling-unknown-word]\n"
            "b.nitf:14:24: warning: 'Foremost Minister' is not Pedro S\xC3\xA1nchez's title at the story's date; write "
            "'Prime Minister' [entity-spun-title]\n"
            "b.nitf:14:60: warning: Stray space at a hyphen in 'Thomas- Greenfield': write 'Thomas-Greenfield' "
            "[typography-spaced-hyphen]\n")
      << body.err;
  auto fixed = run({"s.nitf", "--fix"});
  std::string want = story;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"the the options", "the options"},
                                 {"KIEV,", "KYIV,"},
                                 {"Thomas- Greenfield", "Thomas-Greenfield"}})
    want.replace(want.find(from), from.size(), to);
  EXPECT_EQ(support::read_file(work_ / "s.nitf"), want) << fixed.out << fixed.err;
}

// HTML names the same parts: h1 and the headings of a <header>, an element of class "byline" or
// a rel="author" link, an element of class "dateline". A heading outside the header is body.
TEST_F(MarkupCli, HtmlNamesItsHeadlineBylineAndDateline) {
  put("s.html", input_fixture("story-parts.html"));
  auto r = run({"s.html"});
  EXPECT_EQ(r.out,
            "s.html:7:24: warning: Unknown word 'goverment'. [spelling-unknown-word]\n"
            "s.html:7:41: warning: Doubled word 'the the': write 'the' [typography-doubled-word]\n"
            "s.html:9:21: warning: 'KIEV' is the former (Russian-based) spelling; wire style now writes 'KYIV'. "
            "[entity-preferred-name]\n"
            "s.html:11:11: warning: Unknown word 'thi'. [spelling-unknown-word]\n"
            "s.html:11:24: warning: 'Foremost Minister' is not Pedro S\xC3\xA1nchez's title at the story's date; write "
            "'Prime Minister' [entity-spun-title]\n"
            "s.html:11:60: warning: Stray space at a hyphen in 'Thomas- Greenfield': write 'Thomas-Greenfield' "
            "[typography-spaced-hyphen]\n"
            "s.html:12:9: warning: 'Right Minister' is not an office title; did you mean 'Justice Minister'? "
            "[entity-spun-title]\n"
            "s.html:12:42: warning: Stray space at a hyphen in 'Port -Sources': write 'Port-Sources' "
            "[typography-spaced-hyphen]\n")
      << r.err;
}

// Passages marked as another language raise no spelling and no phrase findings; the same
// misspelling and spun phrase marked English (en-GB, en-US, EN-us, or unmarked) are reported,
// also inside a German block. A foreign passage inside a sentence leaves no double space and
// joins no words ("the <i lang=it>governo</i> the" is no doubled word).
TEST_F(MarkupCli, PassagesOfAnotherLanguageRaiseNoFindings) {
  put("s.nitf", input_fixture("other-languages.nitf"));
  put("s.html", input_fixture("other-languages.html"));
  auto r = run({"s.nitf", "s.html"});
  const std::string spun = "warning: 'detective agency' reads like a synonym-spun phrase; wire copy says 'spy agency'. "
                           "[spun-collocation]\n";
  EXPECT_EQ(r.out, "s.nitf:6:8: warning: Unknown word 'goverment'. [spelling-unknown-word]\n"
                   "s.nitf:6:26: " + spun +
                   "s.nitf:8:25: warning: Unknown word 'govenment'. [spelling-unknown-word]\n"
                   "s.nitf:8:43: " + spun +
                   "s.nitf:9:77: warning: Unknown word 'governmnet'. [spelling-unknown-word]\n"
                   "s.nitf:9:96: " + spun +
                   "s.html:5:8: warning: Unknown word 'goverment'. [spelling-unknown-word]\n"
                   "s.html:5:26: " + spun +
                   "s.html:7:62: warning: Unknown word 'govenment'. [spelling-unknown-word]\n"
                   "s.html:7:80: " + spun +
                   "s.html:11:21: warning: Unknown word 'governmnet'. [spelling-unknown-word]\n"
                   "s.html:11:40: " + spun)
      << r.err;
}

TEST_F(MarkupCli, Utf16NitfIsReadAndOtherDeclaredEncodingsAreRefused) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<nitf><body><body.content>\n"
      "<p>The U. S. said the the plan.</p>\n</body.content></body></nitf>\n";
  auto utf16 = [&](bool big_endian) {
    std::string out = big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE");
    for (unsigned char c : xml) {  // ASCII only
      out.push_back(big_endian ? '\0' : static_cast<char>(c));
      out.push_back(big_endian ? static_cast<char>(c) : '\0');
    }
    return out;
  };
  put("le.nitf", utf16(false));
  put("be.nitf", utf16(true));
  auto r = run({"le.nitf", "be.nitf"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "le.nitf:3:8: warning: Spaced abbreviation 'U. S.': write 'U.S.' [typography-spaced-abbreviation]\n"
            "le.nitf:3:19: warning: Doubled word 'the the': write 'the' [typography-doubled-word]\n"
            "be.nitf:3:8: warning: Spaced abbreviation 'U. S.': write 'U.S.' [typography-spaced-abbreviation]\n"
            "be.nitf:3:19: warning: Doubled word 'the the': write 'the' [typography-doubled-word]\n");
  put("latin1.nitf", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<nitf><body><p>Caf\xE9</p></body></nitf>\n");
  auto bad = run({"latin1.nitf"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err, "wirelint: latin1.nitf:1:21: not valid nitf: encoding \"ISO-8859-1\" is not supported; wirelint "
                     "reads UTF-8; not checked\n");
}

TEST_F(MarkupCli, InputFormatOptionAndSniffing) {
  const std::string nitf = sample("spun-story.nitf.xml");
  put("story.txt", nitf);  // an XML declaration and a <nitf> root: sniffed as NITF
  auto sniffed = run({"story.txt"});
  EXPECT_EQ(sniffed.code, 1);
  EXPECT_NE(sniffed.out.find("story.txt:30:32: warning: Spaced abbreviation"), std::string::npos) << sniffed.out;
  // Forced to plain text, the same file is linted tags and all: the finding is where it is.
  auto plain = run({"--input-format", "plain", "story.txt"});
  EXPECT_NE(plain.out.find("story.txt:30:32: warning: Spaced abbreviation"), std::string::npos) << plain.out;
  // Standard input is sniffed too; a claim that does not hold is an error.
  auto in = run({"-"}, nitf);
  EXPECT_NE(in.out.find("<stdin>:30:32:"), std::string::npos) << in.out;
  auto claimed = run({"--input-format", "newsml", "-"}, nitf);
  EXPECT_EQ(claimed.code, 2);
  EXPECT_EQ(claimed.err, "wirelint: <stdin>:3:1: not valid newsml: expected a <newsItem> or <newsMessage> root "
                         "element (NewsML-G2), found <nitf>; not checked\n");
  auto bad = run({"--input-format", "docx", "story.txt"});
  EXPECT_EQ(bad.code, 2);
}

TEST_F(MarkupCli, OtherXmlIsSkippedWithANotice) {
  put("feed.xml", "<?xml version=\"1.0\"?>\n<rss><channel><title>the the</title></channel></rss>\n");
  auto r = run({"feed.xml"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.find("the the"), std::string::npos);
  EXPECT_NE(r.err.find("feed.xml: skipped: XML that is neither NITF nor NewsML-G2"), std::string::npos) << r.err;
}

TEST_F(MarkupCli, FolderWalkFindsMarkupFiles) {
  put("desk/a.nitf.xml", sample("spun-story.nitf.xml"));
  put("desk/b.html", sample("spun-story.html"));
  put("desk/c.xml", "<?xml version=\"1.0\"?><rss/>");
  auto r = run({"-q", "desk"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("desk/a.nitf.xml:30:32:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("desk/b.html:"), std::string::npos) << r.out;
}

}  // namespace cli
}  // namespace
}  // namespace wirelint
