#include "input/reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <utility>

#include "input/markup.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace wirelint::input {
namespace detail {

// Line breaks survive blanking so that line numbers computed on the text agree with the
// source, and so that a construct spanning lines does not glue the surrounding words together.
void blank_range(std::string& out, std::size_t begin, std::size_t end) {
  if (end > out.size()) end = out.size();
  for (std::size_t i = begin; i < end; ++i)
    if (out[i] != '\n' && out[i] != '\r') out[i] = ' ';
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool has_prefix_ci(std::string_view s, std::size_t i, std::string_view prefix) {
  if (i > s.size() || s.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[k]) return false;
  }
  return true;
}

bool url_stop(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '<' ||
         c == '>' || c == '"';
}

// Closing punctuation that ends a sentence rather than a URL.
std::size_t trailing_punctuation(std::string_view s, std::size_t begin, std::size_t e) {
  static const std::string_view multibyte[] = {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};
  while (e > begin) {
    char c = s[e - 1];
    if (std::string_view(".,;:!?)'*").find(c) != std::string_view::npos) {
      --e;
      continue;
    }
    bool trimmed = false;
    for (std::string_view m : multibyte) {
      if (e - begin >= m.size() && s.substr(e - m.size(), m.size()) == m) {
        e -= m.size();
        trimmed = true;
        break;
      }
    }
    if (!trimmed) break;
  }
  return e;
}

}  // namespace

// End of a bare URL (http://, https://, www.) starting at i, or npos. A URL must start a
// word: "xhttp://" and the "www." inside "foo.www.bar" are not URL starts.
std::size_t url_end(std::string_view s, std::size_t i, std::size_t begin, std::size_t end) {
  if (i > begin) {
    char prev = s[i - 1];
    if (is_ascii_alnum(prev) || prev == '/' || prev == '.' || prev == '@' || prev == '-' ||
        prev == '_')
      return std::string_view::npos;
  }
  std::size_t p;
  if (has_prefix_ci(s, i, "https://")) {
    p = i + 8;
  } else if (has_prefix_ci(s, i, "http://")) {
    p = i + 7;
  } else if (has_prefix_ci(s, i, "www.")) {
    p = i + 4;
  } else {
    return std::string_view::npos;
  }
  if (p >= end || !(is_ascii_alnum(s[p]) || static_cast<unsigned char>(s[p]) >= 0x80))
    return std::string_view::npos;
  std::size_t e = p;
  while (e < end && !url_stop(s[e])) ++e;
  e = trailing_punctuation(s, p, e);
  return e;
}

}  // namespace detail

namespace {

void blank_plain_text(std::string& s) {
  if (s.size() >= 3 && std::memcmp(s.data(), "\xEF\xBB\xBF", 3) == 0) detail::blank_range(s, 0, 3);
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    char c = s[i];
    if (c != 'h' && c != 'H' && c != 'w' && c != 'W') {
      ++i;
      continue;
    }
    std::size_t e = detail::url_end(s, i, 0, n);
    if (e == std::string_view::npos) {
      ++i;
      continue;
    }
    detail::blank_range(s, i, e);
    i = e;
  }
}

}  // namespace

InputFormat format_for_path(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.rfind('.');
  // A dot-file such as ".md" has no extension, as for most tools.
  if (dot == std::string_view::npos || dot == 0) return InputFormat::plain;
  std::string ext(name.substr(dot + 1));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == "md" || ext == "markdown" || ext == "mdown" || ext == "mkd")
    return InputFormat::markdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::html;
  if (ext == "nitf") return InputFormat::nitf;
  if (ext == "xml") return InputFormat::xml;
  return InputFormat::plain;
}

namespace {

InputFormat format_for_root(std::string_view root) {
  if (root == "nitf") return InputFormat::nitf;
  if (root == "newsItem" || root == "newsMessage") return InputFormat::newsml;
  if (root == "html") return InputFormat::html;
  return InputFormat::xml;
}

// The first bytes after a BOM and white space, for sniffing.
std::string_view lead(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::size_t i = bytes.find_first_not_of(" \t\r\n");
  return i == std::string_view::npos ? std::string_view() : bytes.substr(i, 64);
}

bool starts_ci(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_prefix[i]) return false;
  }
  return true;
}

// A tag name must end where the prefix does: "<nitfoo" is not "<nitf".
bool starts_tag(std::string_view s, std::string_view tag) {
  return s.substr(0, tag.size()) == tag && s.size() > tag.size() &&
         std::string_view(" \t\r\n>/").find(s[tag.size()]) != std::string_view::npos;
}

}  // namespace

InputFormat detect_format(std::string_view path, std::string_view bytes, std::optional<InputFormat> forced) {
  if (forced) return *forced;
  InputFormat by_path = format_for_path(path);
  if (by_path == InputFormat::xml) return format_for_root(xml_root_name(bytes));
  if (by_path != InputFormat::plain) return by_path;
  std::string_view s = lead(bytes);
  if (starts_ci(s, "<!doctype html") || starts_tag(s, "<html") || starts_tag(s, "<HTML")) return InputFormat::html;
  if (starts_tag(s, "<nitf")) return InputFormat::nitf;
  if (starts_tag(s, "<newsItem") || starts_tag(s, "<newsMessage")) return InputFormat::newsml;
  // An XML declaration is never how a story starts; XML of another dialect comes back as
  // `xml` (skipped with a notice) rather than linted as text full of tags.
  if (s.substr(0, 5) == "<?xml") return format_for_root(xml_root_name(bytes));
  return InputFormat::plain;
}

const char* format_name(InputFormat format) {
  switch (format) {
    case InputFormat::plain: return "plain";
    case InputFormat::markdown: return "markdown";
    case InputFormat::nitf: return "nitf";
    case InputFormat::newsml: return "newsml";
    case InputFormat::html: return "html";
    case InputFormat::xml: return "xml";
  }
  return "plain";
}

std::optional<InputFormat> parse_format_name(std::string_view name) {
  for (InputFormat f : {InputFormat::plain, InputFormat::markdown, InputFormat::nitf, InputFormat::newsml,
                        InputFormat::html})
    if (name == format_name(f)) return f;
  return std::nullopt;
}

bool looks_binary(std::string_view bytes) {
  return !bytes.empty() && std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
}

namespace {

// Composes the markup reader's maps with NFC's: text byte -> decoded byte -> source byte.
void prepare_markup(Document& doc, std::string_view valid, PrepareResult& result) {
  MarkupText markup = read_markup(valid, doc.format);
  if (markup.error) {
    result.error_offset = markup.error->offset;
    result.error = std::move(markup.error->message);
    return;
  }
  doc.date = markup.date;
  doc.text_nodes = std::move(markup.text_nodes);
  text::Normalized normalized = text::normalize_nfc(markup.text);
  doc.text = std::move(normalized.text);
  doc.scopes = std::move(markup.scopes);
  std::sort(doc.scopes.begin(), doc.scopes.end(), [](const TextScope& a, const TextScope& b) { return a.begin < b.begin; });
  if (!normalized.to_input.empty())  // offsets into the markup's text -> into the normalized text
    for (auto& s : doc.scopes) {
      const auto& to = normalized.to_input;
      s.begin = static_cast<std::size_t>(std::lower_bound(to.begin(), to.end(), s.begin) - to.begin());
      s.end = static_cast<std::size_t>(std::lower_bound(to.begin(), to.end(), s.end) - to.begin());
    }
  if (normalized.to_input.empty()) {
    doc.text_to_source = std::move(markup.starts);
    doc.text_end_to_source = std::move(markup.ends);
    return;
  }
  doc.text_to_source.reserve(normalized.to_input.size());
  doc.text_end_to_source.reserve(normalized.to_input.size());
  for (std::uint32_t k : normalized.to_input) {
    doc.text_to_source.push_back(markup.starts[k]);
    doc.text_end_to_source.push_back(markup.ends[k]);
  }
}

bool upper_at(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= 'A' && s[i] <= 'Z'; }

// Lower-case words a byline's names may hold besides "and": particles ("Ana de la Vega",
// "Nguyen thi Hoa", "Ali ould Mohamed") and the prefixes "al-", "el-".
bool name_particle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {"and", "bin", "bint", "da", "das", "de", "del", "della", "der",
                                                    "di", "do", "dos", "du", "ibn", "la", "le", "ould", "ter",
                                                    "thi", "van", "von"};
  return std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles) ||
         w.compare(0, 3, "al-") == 0 || w.compare(0, 3, "el-") == 0;
}

// Whether `line` is a byline: "By Jane Doe", "By Jane Doe and Ann Lee, Reuters staff" (at most
// six names, joined by spaces and name particles; then a comma and anything).
bool byline_line(std::string_view line) {
  if (line.compare(0, 3, "By ") != 0) return false;
  std::size_t i = 3, names = 0;
  while (i < line.size() && line[i] != ',') {
    std::size_t e = line.find_first_of(" ,", i);
    if (e == std::string_view::npos) e = line.size();
    std::string_view w = line.substr(i, e - i);
    if (upper_at(w, 0)) ++names;
    else if (!name_particle(w)) return false;
    i = e < line.size() && line[e] == ' ' ? e + 1 : e;
  }
  return names >= 1 && names <= 6;
}

// The length of the dateline that opens `line` ("WASHINGTON, March 3 (Reuters) -", "NEW YORK -",
// "SAN JOSE, Calif., May 2 -"), up to and with its dash; 0 when it opens with none.
std::size_t dateline_length(std::string_view s) {
  auto caps = [&](std::size_t i) { return upper_at(s, i) || (i < s.size() && (s[i] == '.' || s[i] == '\'')); };
  if (!upper_at(s, 0) || !upper_at(s, 1)) return 0;
  std::size_t i = 0;
  for (;;) {  // words of capitals, joined by one space or hyphen: "NEW YORK", "PORT-AU-PRINCE"
    while (caps(i)) ++i;
    if (i + 2 < s.size() && (s[i] == ' ' || s[i] == '-') && upper_at(s, i + 1) && caps(i + 2)) {
      ++i;
      continue;
    }
    break;
  }
  if (i < 3 || i > 40) return 0;
  auto dash_at = [&](std::size_t k) {
    if (k < s.size() && s[k] == '-') return k + 1;
    if (s.compare(k, 3, "\xE2\x80\x93") == 0 || s.compare(k, 3, "\xE2\x80\x94") == 0) return k + 3;
    return std::size_t{0};
  };
  for (int part = 0; part < 2 && s.compare(i, 2, ", ") == 0; ++part) {  // ", March 3", ", Calif."
    std::size_t j = i + 2, from = j;
    while (j < s.size() && j - from < 30) {
      char c = s[j];
      bool word = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '\'';
      bool inner_space = c == ' ' && j + 1 < s.size() && std::isalnum(static_cast<unsigned char>(s[j + 1]));
      if (!word && !inner_space) break;
      ++j;
    }
    if (j == from) return 0;
    i = j;
  }
  if (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && s[i] == '(') {  // "(Reuters)"
    std::size_t close = s.find(')', i);
    if (close == std::string_view::npos || close - i > 30) return 0;
    i = close + 1;
    if (i < s.size() && s[i] == ' ') ++i;
  }
  std::size_t end = dash_at(i);
  return end > 0 && end < s.size() ? end : 0;
}

// The byline and dateline a plain-text story writes in its first lines: a byline line, and a
// paragraph that opens with a dateline, up to its dash. Only the first kLeadLines lines are
// read, and no further than the second line of prose (a headline, then the first paragraph).
std::vector<TextScope> plain_scopes(std::string_view text) {
  constexpr std::size_t kLeadLines = 8, kLineBytes = 100, kProseLines = 2;
  std::vector<TextScope> out;
  std::size_t start = 0, prose_lines = 0;
  for (std::size_t n = 0; n < kLeadLines && start < text.size(); ++n) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::size_t b = start;
    while (b < end && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
    std::size_t e = end;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
    // Bounded work whatever the input: a byline is a short line, a dateline a line's start.
    std::string_view line = text.substr(b, std::min(e - b, kLineBytes));
    if (e - b <= kLineBytes && byline_line(line)) {
      out.push_back({b, e, Scope::byline});
    } else if (b < e) {
      if (std::size_t n_date = dateline_length(line); n_date > 0) out.push_back({b, b + n_date, Scope::dateline});
      if (++prose_lines == kProseLines || (!out.empty() && out.back().scope == Scope::dateline)) break;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

PrepareResult prepare(std::string path, std::string bytes, InputFormat format) {
  PrepareResult result;
  result.doc = std::make_unique<Document>();
  Document& doc = *result.doc;
  doc.path = std::move(path);
  doc.source = std::move(bytes);
  doc.format = format;

  // Every step below replaces bytes in place and never inserts or removes any, so offsets in
  // `masked` are source offsets; only NFC may change lengths, and it returns its own map.
  std::string masked = doc.source;
  std::size_t bad = text::blank_invalid_utf8(masked);
  if (bad != text::npos) result.invalid_utf8_offset = bad;
  if (format == InputFormat::xml) {
    result.error_offset = 0;
    result.error = "XML that is neither NITF nor NewsML-G2 (root <" + xml_root_name(masked) + ">)";
  } else if (is_markup(format)) {
    prepare_markup(doc, masked, result);
  } else {
    if (format == InputFormat::markdown) {
      masked = mask_markdown(masked, &doc.date);
    } else {
      blank_plain_text(masked);
    }
    // Masking blanks whole ASCII-delimited ranges, so it cannot split a sequence; this is a
    // guard for NFC, which requires valid input, should that ever stop being true.
    text::blank_invalid_utf8(masked);

    text::Normalized normalized = text::normalize_nfc(masked);
    doc.text = std::move(normalized.text);
    doc.text_to_source = std::move(normalized.to_input);
    doc.scopes = plain_scopes(doc.text);
  }
  doc.finalize();
  return result;
}

}  // namespace wirelint::input
