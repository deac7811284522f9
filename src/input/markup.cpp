// NITF, NewsML-G2 and HTML through libxml2's SAX interface. libxml2 does the parsing (XML
// well-formedness, HTML's error recovery, reference decoding); this file decides which text is
// prose and finds where in the file each piece of text came from.
//
// Where a text event came from: libxml2 keeps a cursor into its input (input->cur, plus
// input->consumed for what it has already discarded), and a text event fires when the cursor
// has just passed the text, or, when libxml2 hands us a pointer into its own buffer, at that
// pointer. Text copied into a private buffer (non-ASCII runs, CR LF turned into LF) is found by
// matching it backwards from the cursor; a decoded reference (&amp; &#8217; &rsquo;) maps to
// its '&'. The bytes between the previous event and this one bound every search, so a match can
// never land in a tag or an attribute. Anything that cannot be placed exactly is still linted
// but kept out of `text_nodes`, so --fix never edits it.
#include "input/markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <initializer_list>
#include <optional>

namespace wirelint::input {
namespace {

// With SAX handlers, libxml2 still builds a document of its own to hold the entities a DTD
// declares (its "SAX compatibility" mode) and leaves it in the context, which
// xmlFreeParserCtxt does not free.
void free_compat_doc(xmlParserCtxtPtr ctxt) {
  if (ctxt->myDoc != nullptr) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }
}

constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);
// libxml2 flushes copied text in chunks of 300 (XML) or 1000 (HTML) bytes, sometimes before
// stepping over the chunk's last character; only such long chunks can end past the cursor.
constexpr std::size_t kFlushedChunk = 64;
// How far back from the cursor a reference's '&' may be ("&thetasym;" is the longest name).
constexpr std::size_t kMaxReference = 40;
constexpr std::size_t kMaxDateText = 64;
// Stands in the text for a passage of another language inside a sentence: U+FFFC OBJECT
// REPLACEMENT CHARACTER, a token no rule reads as a word or as punctuation.
constexpr const char* kOmitted = "\xEF\xBF\xBC";

enum class Dialect { nitf, newsml, html };
enum class Mode { outside, prose, skip };

struct Frame {
  Dialect dialect;
  Mode mode;
  std::string name;  // local name
  bool block;
  // The mode the element has whatever its language, and whether that language is another than
  // English (xml:lang or lang on it or an ancestor): prose of another language is skipped.
  Mode base = Mode::outside;
  bool foreign = false;
  // The story part the element is (headline, byline, dateline), and where its text starts.
  std::optional<Scope> scope;
  std::size_t scope_begin = 0;
};

// Whether a class attribute's space-separated list holds `word` ("story-meta byline").
bool has_class(std::string_view classes, std::string_view word) {
  for (std::size_t i = 0; i < classes.size();) {
    std::size_t e = classes.find_first_of(" \t\n\r\f", i);
    if (e == std::string_view::npos) e = classes.size();
    if (classes.substr(i, e - i) == word) return true;
    i = e + 1;
  }
  return false;
}

// The story part an element names, in its dialect: NITF hl1/hl2, byline, dateline; NewsML-G2
// headline/subheadline, by, dateline; HTML h1 (and any heading in a <header>), an element of
// class "byline" or a rel="author" link, an element of class "dateline" (the hNews classes).
template <typename Attr>
std::optional<Scope> scope_of(Dialect d, std::string_view name, Attr attr, bool in_header) {
  switch (d) {
    case Dialect::nitf:
      if (name == "hl1" || name == "hl2") return Scope::headline;
      if (name == "byline") return Scope::byline;
      if (name == "dateline") return Scope::dateline;
      break;
    case Dialect::newsml:
      if (name == "headline" || name == "subheadline") return Scope::headline;
      if (name == "by") return Scope::byline;
      if (name == "dateline") return Scope::dateline;
      break;
    case Dialect::html: {
      if (name == "h1" || (in_header && name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6'))
        return Scope::headline;
      std::string classes = attr("class");
      if (has_class(classes, "byline") || has_class(attr("rel"), "author")) return Scope::byline;
      if (has_class(classes, "dateline")) return Scope::dateline;
      break;
    }
  }
  return std::nullopt;
}

// Whether a language tag (BCP 47, "en", "en-GB", "EN_us") names English.
bool english_tag(std::string_view tag) {
  if (tag.size() < 2 || std::tolower(static_cast<unsigned char>(tag[0])) != 'e' ||
      std::tolower(static_cast<unsigned char>(tag[1])) != 'n')
    return false;
  return tag.size() == 2 || tag[2] == '-' || tag[2] == '_';
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Content that is never prose: code, scripts, embedded objects and their metadata.
bool skipped(Dialect d, std::string_view name) {
  if (d == Dialect::html)
    return one_of(name, {"head", "script", "style", "code", "pre", "kbd", "samp", "noscript", "template",
                         "textarea", "svg", "math", "iframe", "object", "select"});
  return one_of(name, {"pre", "code", "media-reference", "media-object", "media-metadata", "script", "style"});
}

// Inline elements continue the words around them ("spy <em>agency</em>"); every other element
// is a block whose start and end separate paragraphs.
bool inline_element(Dialect d, std::string_view name) {
  if (d == Dialect::html)
    return one_of(name, {"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em",
                         "font", "i", "ins", "label", "mark", "q", "s", "small", "span", "strike", "strong",
                         "sub", "sup", "time", "tt", "u", "var"});
  return one_of(name, {"a", "em", "q", "lang", "pronounce", "chron", "copyrite", "copyrite.holder",
                       "copyrite.year", "person", "org", "location", "sublocation", "city", "state", "region",
                       "country", "event", "function", "object.title", "money", "num", "frac", "frac-numer",
                       "frac-denom", "sub", "sup", "virtloc", "alt-code", "classifier", "byttl", "story.date"});
}

// Where prose starts inside a dialect's document.
bool prose_root(Dialect d, std::string_view parent, std::string_view name) {
  if (d != Dialect::newsml) return name == "body";
  if (name == "inlineData") return true;
  return parent == "contentMeta" &&
         one_of(name, {"headline", "subheadline", "dateline", "by", "creditline", "description"});
}

std::optional<Date> iso_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && s[7] == '-') return Date::parse(s.substr(0, 10));
  // ISO 8601 basic format, as NITF's norm attributes write it: 20240502T093000Z.
  if (digits(0, 8))
    return Date::parse(std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
                       std::string(s.substr(6, 2)));
  return std::nullopt;
}

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool equals_ci(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

class SaxReader {
 public:
  SaxReader(std::string_view source, InputFormat format) : source_(source), format_(format) {}

  MarkupText run() {
    // An empty file holds no story, and no error either (as for plain text).
    if (blank(source_)) {
      out_.starts.push_back(0);
      out_.ends.push_back(0);
      return std::move(out_);
    }
    if (source_.size() > static_cast<std::size_t>(INT_MAX)) {
      fail(0, "too large for the XML parser");
    } else if (format_ == InputFormat::html) {
      parse_html();
    } else {
      parse_xml();
    }
    if (!root_seen_ && format_ != InputFormat::html) fail(source_.size(), "no root element");
    if (out_.error) {
      MarkupText failed;
      failed.error = std::move(out_.error);
      failed.starts.push_back(0);
      failed.ends.push_back(0);
      return failed;
    }
    out_.date = date_[0] ? date_[0] : date_[1] ? date_[1] : date_[2];
    out_.starts.push_back(static_cast<std::uint32_t>(text_end_));
    out_.ends.push_back(static_cast<std::uint32_t>(text_end_));
    return std::move(out_);
  }

 private:
  static bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
  }

  void install(xmlSAXHandler& sax) {
    std::memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.characters = &SaxReader::on_characters;
    sax.ignorableWhitespace = &SaxReader::on_characters;
    sax.cdataBlock = &SaxReader::on_cdata;
    sax.reference = &SaxReader::on_reference;
    sax.serror = &SaxReader::on_error;
  }

  // Either parser leaves its context owning our handler; hand it back before freeing.
  template <typename Parse>
  void drive(xmlParserCtxtPtr ctxt, xmlSAXHandler& sax, Parse parse) {
    if (ctxt == nullptr) return fail(0, "the XML parser could not start");
    xmlSAXHandlerPtr own = ctxt->sax;
    ctxt->sax = &sax;
    ctxt->userData = this;
    ctxt_ = ctxt;
    parse(ctxt);
    ctxt_ = nullptr;
    ctxt->sax = own;
    ctxt->userData = ctxt;
    free_compat_doc(ctxt);
  }

  void parse_xml() {
    xmlSAXHandler sax;
    install(sax);
    sax.startDocument = &SaxReader::on_start_document;
    sax.startElementNs = &SaxReader::on_start_ns;
    sax.endElementNs = &SaxReader::on_end_ns;
    // A document that declares entities is refused (see on_entity_decl).
    sax.entityDecl = &SaxReader::on_entity_decl;
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(source_.data(), static_cast<int>(source_.size()));
    // No network, no DTD loading, no entity substitution, libxml2's default size and depth
    // limits (no XML_PARSE_HUGE).
    // A file in UTF-16 or UTF-32 arrives here decoded to UTF-8 (its byte-order mark read by the
    // session), its declaration still naming the file's encoding: the declaration is then
    // ignored and the bytes read as the UTF-8 they are.
    wide_declared_ = wide_encoding(declared_encoding(source_));
    if (ctxt) {
      xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | (wide_declared_ ? XML_PARSE_IGNORE_ENC : 0));
      if (wide_declared_) xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    }
    drive(ctxt, sax, [](xmlParserCtxtPtr c) { xmlParseDocument(c); });
    if (ctxt) xmlFreeParserCtxt(ctxt);
  }

  void parse_html() {
    xmlSAXHandler sax;
    install(sax);
    sax.startElement = &SaxReader::on_start_html;
    sax.endElement = &SaxReader::on_end_html;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(source_.data(), static_cast<int>(source_.size()));
    // The bytes are UTF-8 whatever a <meta charset> says, and libxml2 must not guess Latin-1 at
    // the first non-ASCII byte: a conversion would move every offset.
    if (ctxt) {
      htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
      xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    }
    drive(ctxt, sax, [](xmlParserCtxtPtr c) { htmlParseDocument(c); });
    if (ctxt) htmlFreeParserCtxt(ctxt);
  }

  static SaxReader& self(void* user) { return *static_cast<SaxReader*>(user); }

  // The parser's position in the source, in bytes. The input buffer holds a copy of the
  // source from which libxml2 drops consumed bytes now and then (its SHRINK), without always
  // counting them in input->consumed; the buffer's end, though, is always the source's end.
  std::size_t cursor() const {
    if (!ctxt_ || !ctxt_->input || !ctxt_->input->cur || !ctxt_->input->end || ctxt_->input->end < ctxt_->input->cur)
      return floor_;
    return offset_from_end(ctxt_->input->cur);
  }
  std::size_t offset_from_end(const xmlChar* p) const {
    auto left = static_cast<std::size_t>(ctxt_->input->end - p);
    return left > source_.size() ? 0 : source_.size() - left;
  }

  void fail(std::size_t offset, std::string message) {
    if (out_.error) return;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    out_.error = MarkupError{std::min(offset, source_.size()), std::move(message)};
    if (ctxt_) xmlStopParser(ctxt_);
  }

  // ---- SAX callbacks ----

  static void on_error(void* user, xmlErrorPtr err) {
    SaxReader& r = self(user);
    // HTML is read the way browsers read it: nothing it holds is fatal. XML errors below fatal
    // (an undeclared entity under an external DTD, a namespace slip) are not well-formedness
    // errors either.
    if (r.format_ == InputFormat::html || err == nullptr || err->level != XML_ERR_FATAL) return;
    r.fail(r.cursor(), err->message ? err->message : "not well-formed");
  }

  // The encoding an XML declaration at the start of `s` names, lower-cased; empty when none.
  static std::string declared_encoding(std::string_view s) {
    if (s.compare(0, 5, "<?xml") != 0) return "";
    std::size_t end = s.find("?>");
    std::size_t at = s.find("encoding", 0);
    if (end == std::string_view::npos || at == std::string_view::npos || at > end) return "";
    std::size_t q = s.find_first_of("\"'", at);
    if (q == std::string_view::npos || q > end) return "";
    std::size_t close = s.find(s[q], q + 1);
    if (close == std::string_view::npos || close > end) return "";
    std::string enc(s.substr(q + 1, close - q - 1));
    for (auto& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return enc;
  }
  static bool wide_encoding(const std::string& enc) {
    for (const char* w : {"utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4", "ucs4"})
      if (enc.compare(0, std::strlen(w), w) == 0) return true;
    return false;
  }

  static void on_start_document(void* user) {
    SaxReader& r = self(user);
    if (r.wide_declared_) return;  // decoded from UTF-16/32 before parsing: UTF-8 now
    const xmlChar* declared = r.ctxt_ && r.ctxt_->input ? r.ctxt_->input->encoding : nullptr;
    std::string_view enc = view(declared);
    bool converted = r.ctxt_ && r.ctxt_->input && r.ctxt_->input->buf && r.ctxt_->input->buf->encoder;
    // ASCII is converted byte for byte, so its offsets hold; any other conversion moves them.
    bool ascii = equals_ci(enc, "us-ascii") || equals_ci(enc, "ascii");
    bool utf8 = equals_ci(enc, "utf-8") || equals_ci(enc, "utf8");
    // After a conversion the cursor no longer counts source bytes: point at the declaration.
    std::size_t at = r.source_.find("encoding");
    if (at == std::string_view::npos || at > r.source_.find("?>")) at = 0;
    if (enc.empty() ? converted : !(ascii || utf8))
      r.fail(at, "encoding \"" + std::string(enc) + "\" is not supported; wirelint reads UTF-8");
  }

  static void on_entity_decl(void* user, const xmlChar* name, int, const xmlChar*, const xmlChar*, xmlChar*) {
    SaxReader& r = self(user);
    // News markup needs no entities of its own, and refusing them up front is the one defence
    // against nested expansion ("billion laughs") that costs nothing.
    r.fail(r.cursor(), "entity declarations are not supported (entity '" + std::string(view(name)) + "')");
  }

  static void on_start_ns(void* user, const xmlChar* local, const xmlChar*, const xmlChar*, int, const xmlChar**,
                          int nb_attributes, int, const xmlChar** attrs) {
    SaxReader& r = self(user);
    r.open(view(local), [&](std::string_view want) {
      for (int i = 0; i < nb_attributes; ++i) {
        const xmlChar* const* a = attrs + 5 * i;  // localname, prefix, URI, value, end
        if (view(a[0]) == want && a[3] && a[4] >= a[3])
          return std::string(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
      }
      return std::string();
    });
  }
  static void on_end_ns(void* user, const xmlChar*, const xmlChar*, const xmlChar*) { self(user).close(); }

  static void on_start_html(void* user, const xmlChar* name, const xmlChar** attrs) {
    self(user).open(view(name), [&](std::string_view want) {
      for (const xmlChar** a = attrs; a && a[0]; a += 2)
        if (equals_ci(view(a[0]), want)) return std::string(view(a[1]));
      return std::string();
    });
  }
  static void on_end_html(void* user, const xmlChar*) { self(user).close(); }

  static void on_characters(void* user, const xmlChar* ch, int len) {
    if (len > 0) self(user).text(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len), true);
  }
  static void on_cdata(void* user, const xmlChar* ch, int len) {
    // CDATA is linted but never fixed: an escaped replacement would be wrong inside it. The
    // event comes after the closing "]]>".
    if (len > 0) self(user).text(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len), false, "]]>");
  }
  // An entity libxml2 does not know: NITF's DTD declares the HTML character entities, which
  // we decode without loading the DTD; others separate words.
  static void on_reference(void* user, const xmlChar* name) {
    SaxReader& r = self(user);
    const htmlEntityDesc* e = htmlEntityLookup(name);
    if (e == nullptr) return r.text(" ", 1, false);
    char buf[4];
    std::size_t n = encode_utf8(e->value, buf);
    r.text(buf, n, true);
  }

  static std::size_t encode_utf8(unsigned cp, char* out) {
    if (cp < 0x80) {
      out[0] = static_cast<char>(cp);
      return 1;
    }
    if (cp < 0x800) {
      out[0] = static_cast<char>(0xC0 | (cp >> 6));
      out[1] = static_cast<char>(0x80 | (cp & 0x3F));
      return 2;
    }
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;  // HTML's entities are all in the BMP
  }

  // ---- structure ----

  template <typename Attr>
  void open(std::string_view name, Attr attr) {
    floor_ = std::max(floor_, cursor());
    Frame f{dialect_of_root(), Mode::outside, std::string(name), false, Mode::outside, false, std::nullopt, 0};
    if (!stack_.empty()) {
      const Frame& parent = stack_.back();
      f.dialect = parent.dialect;
      // NewsML-G2 carries its body as inline NITF or XHTML: read it in that dialect.
      if (parent.dialect == Dialect::newsml && (name == "nitf" || name == "html")) {
        f.dialect = name == "nitf" ? Dialect::nitf : Dialect::html;
      } else if (parent.base == Mode::skip || skipped(f.dialect, name)) {
        f.mode = Mode::skip;
      } else if (parent.base == Mode::prose || prose_root(f.dialect, parent.name, name)) {
        f.mode = Mode::prose;
      }
      f.foreign = parent.foreign;
    } else {
      root_seen_ = true;
      check_root(name);
      // Refused: fail() has stopped the parser, which frees its input buffer, and with it the
      // attribute values `attr` would read.
      if (out_.error) return;
    }
    f.block = !inline_element(f.dialect, name);
    // A passage marked as another language (xml:lang="fr", <span lang="es">) is not English
    // copy: no rule reads it. English inside it (lang="en-GB") is read again.
    std::string lang = attr("lang");
    if (lang.empty() && f.dialect == Dialect::html) lang = attr("xml:lang");
    if (!lang.empty()) f.foreign = !english_tag(lang);
    f.base = f.mode;
    if (f.foreign && f.mode == Mode::prose) f.mode = Mode::skip;
    metadata(f, name, attr);
    if (f.base == Mode::prose && f.block) separate();
    if (f.mode == Mode::prose && (f.scope = scope_of(f.dialect, name, attr, headers_ > 0)))
      f.scope_begin = out_.text.size();
    if (f.dialect == Dialect::html && name == "header") ++headers_;
    stack_.push_back(std::move(f));
  }

  void close() {
    floor_ = std::max(floor_, cursor());
    if (stack_.empty()) return;
    const Frame& f = stack_.back();
    if (f.scope && out_.text.size() > f.scope_begin) out_.scopes.push_back({f.scope_begin, out_.text.size(), *f.scope});
    if (f.base == Mode::prose && f.block) separate();
    if (capture_ >= 0) {
      if (!date_[capture_]) date_[capture_] = iso_date(captured_);
      capture_ = -1;
      captured_.clear();
    }
    if (f.dialect == Dialect::html && f.name == "header") --headers_;
    // A passage of another language inside a sentence ("quoted <q xml:lang="es">...</q> on
    // Tuesday") leaves a mark where it stood, so the words and spaces around it never read as
    // adjacent ("quoted  on" is no double space, "the <i lang="fr">...</i> the" no doubled word).
    if (f.foreign && !f.block && f.base == Mode::prose && stack_.size() >= 2 && stack_[stack_.size() - 2].mode == Mode::prose)
      for (char c : std::string_view(kOmitted)) push_byte(c, text_end_, text_end_);
    stack_.pop_back();
  }

  Dialect dialect_of_root() const {
    return format_ == InputFormat::html ? Dialect::html
           : format_ == InputFormat::nitf ? Dialect::nitf
                                          : Dialect::newsml;
  }

  void check_root(std::string_view name) {
    // The start tag's '<' (an XML attribute value cannot hold one) is where the user looks.
    std::size_t at = source_.rfind('<', cursor());
    if (at == std::string_view::npos) at = cursor();
    if (format_ == InputFormat::nitf && name != "nitf")
      fail(at, "expected a <nitf> root element (NITF), found <" + std::string(name) + ">");
    if (format_ == InputFormat::newsml && name != "newsItem" && name != "newsMessage")
      fail(at, "expected a <newsItem> or <newsMessage> root element (NewsML-G2), found <" + std::string(name) + ">");
  }

  // The story's date, best first: NewsML-G2 contentCreated, firstCreated, versionCreated (the
  // content's own date; a later version does not move the story); NITF date.issue; HTML
  // article:published_time, then the first <time datetime>.
  template <typename Attr>
  void metadata(const Frame& f, std::string_view name, Attr attr) {
    if (f.mode == Mode::prose && f.dialect != Dialect::html) return;
    if (f.dialect == Dialect::newsml) {
      int slot = name == "contentCreated" ? 0 : name == "firstCreated" ? 1 : name == "versionCreated" ? 2 : -1;
      if (slot >= 0) {
        capture_ = slot;
        captured_.clear();
      }
    } else if (f.dialect == Dialect::nitf && name == "date.issue") {
      keep_date(1, attr("norm"));
    } else if (f.dialect == Dialect::html && name == "meta" &&
               (attr("property") == "article:published_time" || attr("name") == "article:published_time")) {
      keep_date(0, attr("content"));
    } else if (f.dialect == Dialect::html && name == "time") {
      keep_date(2, attr("datetime"));
    }
  }
  void keep_date(int slot, const std::string& value) {
    if (!date_[slot]) date_[slot] = iso_date(value);
  }

  bool prose() const { return !stack_.empty() && stack_.back().mode == Mode::prose; }

  bool at_break() const {
    const std::string& t = out_.text;
    return t.empty() || (t.size() >= 2 && t.compare(t.size() - 2, 2, "\n\n") == 0);
  }

  // A paragraph break: a blank line, mapped to where the text before it ended.
  void separate() {
    if (at_break()) return;
    for (int k = 0; k < 2; ++k) push_byte('\n', text_end_, text_end_);
  }

  void push_byte(char c, std::size_t start, std::size_t end_before) {
    out_.text += c;
    out_.starts.push_back(static_cast<std::uint32_t>(start));
    out_.ends.push_back(static_cast<std::uint32_t>(end_before));
  }

  // ---- text ----

  // `closer`: markup the parser has already read past when it reports the text.
  void text(const char* ch, std::size_t len, bool editable, std::string_view closer = {}) {
    if (capture_ >= 0 && captured_.size() < kMaxDateText) captured_.append(ch, std::min(len, kMaxDateText));
    if (!prose()) return;
    // Indentation between blocks adds nothing to a paragraph break already there.
    if (at_break() && std::all_of(ch, ch + len, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }))
      return;
    std::size_t now = cursor();
    if (!closer.empty() && now >= closer.size() && source_.compare(now - closer.size(), closer.size(), closer) == 0)
      now -= closer.size();
    std::size_t start = kNoOffset, end = kNoOffset;
    if (in_buffer(ch, len)) {
      start = offset_from_end(reinterpret_cast<const xmlChar*>(ch));
      end = start + len;
      if (end > source_.size() || source_.compare(start, len, ch, len) != 0 || start < floor_) start = kNoOffset;
    }
    if (start == kNoOffset) locate_copy(std::string_view(ch, len), now, start, end);
    if (start != kNoOffset) return append_literal(ch, len, start, end, editable);
    std::size_t amp = locate_reference(now);
    if (amp != kNoOffset) return append_reference(ch, len, amp, now, editable);
    // Not placeable: lint it at the cursor, never fix it.
    append_reference(ch, len, std::max(floor_, std::min(now, source_.size())), now, false);
  }

  bool in_buffer(const char* ch, std::size_t len) const {
    if (ctxt_ == nullptr || ctxt_->input == nullptr || ctxt_->input->base == nullptr) return false;
    auto p = reinterpret_cast<const xmlChar*>(ch);
    return p >= ctxt_->input->base && p + len <= ctxt_->input->end;
  }

  // Text libxml2 copied: the source bytes ending at the cursor, with LF standing for CR LF.
  // Two exceptions: when libxml2 has already looked at the next character and that was CR LF,
  // it stepped over the CR; and a long chunk may be flushed before its last character was
  // stepped over, so it ends a character after the cursor.
  void locate_copy(std::string_view chunk, std::size_t now, std::size_t& start, std::size_t& end) const {
    std::size_t candidates[7];
    std::size_t n = 0;
    candidates[n++] = now;
    if (now > 0 && source_[now - 1] == '\r') candidates[n++] = now - 1;
    if (chunk.size() >= kFlushedChunk)
      for (std::size_t e = now + 1; e <= std::min(now + 5, source_.size()); ++e) candidates[n++] = e;
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t s = match_backwards(chunk, candidates[k]);
      if (s != kNoOffset) {
        start = s;
        end = candidates[k];
        return;
      }
    }
  }

  std::size_t match_backwards(std::string_view chunk, std::size_t e) const {
    std::size_t i = chunk.size(), j = e;
    while (i > 0) {
      if (j <= floor_ || j == 0) return kNoOffset;
      char want = chunk[i - 1], have = source_[j - 1];
      if (want == have) {
        --i;
        --j;
        // CR LF read as LF (XML); HTML keeps the CR, and then the chunk has it too.
        if (want == '\n' && j > floor_ && source_[j - 1] == '\r' && (i == 0 || chunk[i - 1] != '\r')) --j;
      } else if (want == '\n' && have == '\r') {  // a lone CR read as LF
        --i;
        --j;
      } else {
        return kNoOffset;
      }
    }
    return j;
  }

  // The '&' of a reference that ends at the cursor.
  std::size_t locate_reference(std::size_t now) const {
    std::size_t lo = std::max(floor_, now > kMaxReference ? now - kMaxReference : 0);
    for (std::size_t j = now; j > lo; --j) {
      char c = source_[j - 1];
      if (c == '&') return j - 1;
      if (c == '<' || c == '>') break;
    }
    return kNoOffset;
  }

  void append_literal(const char* ch, std::size_t len, std::size_t start, std::size_t end, bool editable) {
    // Source position of each byte: walk the source alongside, stepping over the CR of CR LF.
    std::size_t j = start;
    for (std::size_t i = 0; i < len; ++i) {
      if (ch[i] == '\n' && j < end && source_[j] == '\r' && j + 1 < end && source_[j + 1] == '\n') ++j;
      push_byte(ch[i], j, i == 0 ? text_end_ : j);
      ++j;
    }
    finish_piece(start, end, editable);
  }

  void append_reference(const char* ch, std::size_t len, std::size_t amp, std::size_t end, bool editable) {
    for (std::size_t i = 0; i < len; ++i) push_byte(ch[i], amp, i == 0 ? text_end_ : amp);
    finish_piece(amp, std::max(amp, end), editable);
  }

  void finish_piece(std::size_t start, std::size_t end, bool editable) {
    text_end_ = end;
    floor_ = std::max(floor_, end);
    if (!editable) return;
    auto& nodes = out_.text_nodes;
    if (!nodes.empty() && nodes.back().end == start) {
      nodes.back().end = end;
    } else if (nodes.empty() || nodes.back().end < start) {
      nodes.push_back(SourceRange{start, end});
    }
  }

  std::string_view source_;
  bool wide_declared_ = false;  // the declaration names UTF-16/32: the bytes were decoded before
  InputFormat format_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  MarkupText out_;
  std::vector<Frame> stack_;
  int headers_ = 0;  // open HTML <header> elements: their headings are headlines
  bool root_seen_ = false;
  // No text can start before this source offset: the end of the last event's bytes.
  std::size_t floor_ = 0;
  std::size_t text_end_ = 0;  // where the source of the last prose text ends
  std::optional<Date> date_[3];
  int capture_ = -1;  // which date slot the current element's text fills
  std::string captured_;
};

struct RootSniffer {
  std::string name;
  static void on_start(void* user, const xmlChar* local, const xmlChar*, const xmlChar*, int, const xmlChar**, int,
                       int, const xmlChar**) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
    static_cast<RootSniffer*>(ctxt->_private)->name = std::string(view(local));
    xmlStopParser(ctxt);
  }
  static void on_error(void*, xmlErrorPtr) {}
};

}  // namespace

MarkupText read_markup(std::string_view source, InputFormat format) { return SaxReader(source, format).run(); }

std::string xml_root_name(std::string_view source) {
  if (source.empty() || source.size() > static_cast<std::size_t>(INT_MAX)) return std::string();
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = &RootSniffer::on_start;
  sax.serror = &RootSniffer::on_error;
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(source.data(), static_cast<int>(source.size()));
  if (ctxt == nullptr) return std::string();
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
  RootSniffer sniffer;
  xmlSAXHandlerPtr own = ctxt->sax;
  ctxt->sax = &sax;
  ctxt->userData = ctxt;
  ctxt->_private = &sniffer;
  xmlParseDocument(ctxt);
  ctxt->sax = own;
  free_compat_doc(ctxt);
  xmlFreeParserCtxt(ctxt);
  return sniffer.name;
}

}  // namespace wirelint::input
