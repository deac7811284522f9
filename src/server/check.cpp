#include "server/check.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "input/reader.h"
#include "text/utf8.h"
#include "tokenize/tokens.h"

namespace wirelint::server {

using nlohmann::json;

namespace {

// UTF-16 code units of the UTF-8 character that starts with byte `b` (0 for a continuation byte).
std::size_t units_of_byte(unsigned char b) {
  if ((b & 0xC0) == 0x80) return 0;
  return b >= 0xF0 ? 2 : 1;
}

std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char b : s) n += units_of_byte(b);
  return n;
}

void require_utf8(std::string_view s, const std::string& what) {
  std::size_t bad = text::first_invalid_utf8(s);
  if (bad != text::npos)
    throw RequestError(what + " is not valid UTF-8 (byte " + std::to_string(bad) + ")");
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> split_list(const std::optional<std::string>& value) {
  std::vector<std::string> out;
  if (!value) return out;
  std::size_t start = 0;
  while (start <= value->size()) {
    std::size_t comma = value->find(',', start);
    if (comma == std::string::npos) comma = value->size();
    std::string item = value->substr(start, comma - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(std::move(item));
    start = comma + 1;
  }
  return out;
}

bool parse_bool(const std::optional<std::string>& value, const char* name) {
  if (!value) return false;
  std::string v = lower(*value);
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no" || v.empty()) return false;
  throw RequestError(std::string("'") + name + "' must be true or false, not '" + *value + "'");
}

std::string language_code(const std::optional<std::string>& value) {
  if (!value || value->empty() || lower(*value) == "auto") return "en-US";
  std::string v = lower(*value);
  std::replace(v.begin(), v.end(), '_', '-');
  if (v == "en-us") return "en-US";
  if (v == "en-gb") return "en-GB";
  if (v == "en" || v.rfind("en-", 0) == 0) return "en";
  throw RequestError("language '" + *value + "' is not supported: wirelint checks English (en, en-US, en-GB)");
}

std::string language_name(const std::string& code) {
  if (code == "en-US") return "English (US)";
  if (code == "en-GB") return "English (GB)";
  return "English";
}

// ITS 2.0 issue types, as LanguageTool names them, from a rule's MQM category.
std::string issue_type(const std::string& mqm) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {"mistranslation", "mistranslation"}, {"spelling", "misspelling"}, {"typography", "typographical"},
      {"punctuation", "typographical"},     {"grammar", "grammar"},      {"terminology", "terminology"},
      {"untranslated", "untranslated"},     {"style", "style"},          {"locale", "locale-violation"},
      {"character", "characters"},          {"register", "register"},
  };
  for (const auto& [needle, type] : kTypes)
    if (mqm.find(needle) != std::string::npos) return type;
  return "uncategorized";
}

std::string category_name(std::string_view pack) {
  std::string name(pack);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  std::replace(name.begin(), name.end(), '-', ' ');
  return name;
}

bool in_categories(const std::vector<std::string>& categories, std::string_view pack) {
  std::string id = category_id(pack);
  return std::any_of(categories.begin(), categories.end(),
                     [&](const std::string& c) { return category_id(c) == id; });
}

lint::RuleSelection select_rules(const rules::RuleSet& rules, const CheckRequest& request, std::string_view style) {
  auto selection = lint::RuleSelection::defaults(rules, style);
  const auto& all = rules.rules();
  if (request.enabled_only)
    std::fill(selection.enabled.begin(), selection.enabled.end(), false);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& pack = all[i]->info().pack;
    if (in_categories(request.enabled_categories, pack)) selection.enabled[i] = true;
    if (!request.enabled_only && in_categories(request.disabled_categories, pack)) selection.enabled[i] = false;
  }
  // Unknown ids are ignored, as LanguageTool does: clients send its own rule ids too.
  for (const auto& id : request.enabled_rules) selection.set_enabled(rules, {id}, true);
  if (!request.enabled_only)
    for (const auto& id : request.disabled_rules) selection.set_enabled(rules, {id}, false);
  return selection;
}

// Control characters read badly in a one-line excerpt; each is one byte, so offsets hold.
std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

// The first sentence of a rule's description, on one line (rule files wrap it), or `fallback`
// when there is none: clients show it as the rule's name.
std::string first_sentence(std::string_view description, const std::string& fallback) {
  std::string out;
  for (char c : description) {
    bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (std::size_t stop = out.find(". "); stop != std::string::npos) out.resize(stop + 1);
  return out.empty() ? fallback : out;
}

// Up to `count` code points before `offset` / after `end` in `s`.
std::size_t back_points(std::string_view s, std::size_t offset, std::size_t count) {
  while (offset > 0 && count > 0) {
    --offset;
    if (units_of_byte(static_cast<unsigned char>(s[offset])) != 0) --count;
  }
  return offset;
}
std::size_t forward_points(std::string_view s, std::size_t end, std::size_t count) {
  while (end < s.size() && count > 0) {
    ++end;
    while (end < s.size() && units_of_byte(static_cast<unsigned char>(s[end])) == 0) ++end;
    --count;
  }
  return end;
}

constexpr std::size_t kContextPoints = 40;  // LanguageTool's default context size

json context_of(std::string_view text, std::size_t offset, std::size_t length) {
  std::size_t from = back_points(text, offset, kContextPoints);
  std::size_t to = forward_points(text, offset + length, kContextPoints);
  return json{{"text", one_line(text.substr(from, to - from))},
              {"offset", utf16_length(text.substr(from, offset - from))},
              {"length", utf16_length(text.substr(offset, length))}};
}

// The sentence (of the linted text) around source byte `offset`.
std::string sentence_of(const Document& doc, const tokenize::TokenStream& tokens, std::size_t offset) {
  const auto& sentences = tokens.sentences();
  if (sentences.empty()) return {};
  std::size_t text_offset = offset;
  if (!doc.text_to_source.empty()) {
    auto it = std::upper_bound(doc.text_to_source.begin(), doc.text_to_source.end(), offset);
    text_offset = static_cast<std::size_t>(it - doc.text_to_source.begin()) - 1;
  }
  auto it = std::upper_bound(sentences.begin(), sentences.end(), text_offset,
                             [](std::size_t o, const tokenize::Sentence& s) { return o < s.begin; });
  if (it != sentences.begin()) --it;
  std::size_t begin = doc.source_offset(it->begin), end = doc.source_end(it->end);
  if (end < begin || end > doc.source.size()) return {};
  std::string s = one_line(std::string_view(doc.source).substr(begin, end - begin));
  s.erase(0, s.find_first_not_of(' '));
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

}  // namespace

void SubmittedText::append(std::string_view linted, std::optional<std::size_t> markup_units) {
  constexpr std::size_t kMax = std::numeric_limits<std::uint32_t>::max() / 2;
  if (text_.size() + linted.size() >= kMax || units_ + (markup_units ? *markup_units : 0) + 2 * linted.size() >= kMax)
    throw RequestError("the text is too long");
  start_.pop_back();  // the end sentinel, pushed again below
  std::size_t units = units_;
  for (char c : linted) {
    if (markup_units) {
      // A stand-in for markup: a span that touches it covers the whole markup.
      start_.push_back(static_cast<std::uint32_t>(units_));
      end_.push_back(static_cast<std::uint32_t>(units_ + *markup_units));
    } else {
      start_.push_back(static_cast<std::uint32_t>(units));
      units += units_of_byte(static_cast<unsigned char>(c));
      end_.push_back(static_cast<std::uint32_t>(units));  // a span ending after this byte
    }
  }
  text_.append(linted);
  units_ = markup_units ? units_ + *markup_units : units;
  start_.push_back(static_cast<std::uint32_t>(units_));
}

SubmittedText SubmittedText::plain(std::string text) {
  require_utf8(text, "'text'");
  SubmittedText t;
  t.append(text, std::nullopt);
  return t;
}

SubmittedText SubmittedText::annotated(std::string_view data_json) {
  json data = json::parse(data_json, nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded()) throw RequestError("'data' is not valid JSON");
  if (!data.is_object() || !data.contains("annotation") || !data["annotation"].is_array())
    throw RequestError("'data' must be an object with an 'annotation' array");
  SubmittedText t;
  std::size_t index = 0;
  for (const json& part : data["annotation"]) {
    std::string where = "'data' annotation[" + std::to_string(index++) + "]";
    if (!part.is_object()) throw RequestError(where + " is not an object");
    bool has_text = part.contains("text"), has_markup = part.contains("markup");
    if (has_text == has_markup) throw RequestError(where + " needs exactly one of 'text' and 'markup'");
    const json& value = has_text ? part["text"] : part["markup"];
    if (!value.is_string()) throw RequestError(where + ": '" + (has_text ? "text" : "markup") + "' is not a string");
    const auto& s = value.get_ref<const std::string&>();
    require_utf8(s, where);
    if (has_text) {
      t.append(s, std::nullopt);
      continue;
    }
    std::string stand_in;
    if (part.contains("interpretAs")) {
      if (!part["interpretAs"].is_string()) throw RequestError(where + ": 'interpretAs' is not a string");
      stand_in = part["interpretAs"].get<std::string>();
      require_utf8(stand_in, where + " interpretAs");
    }
    t.append(stand_in, utf16_length(s));
  }
  return t;
}

CheckRequest parse_check_request(const FieldLookup& field) {
  CheckRequest r;
  auto text = field("text"), data = field("data");
  if (text && data) throw RequestError("give 'text' or 'data', not both");
  if (!text && !data) throw RequestError("missing 'text' or 'data' parameter");
  r.text = text ? SubmittedText::plain(std::move(*text)) : SubmittedText::annotated(*data);
  r.language = language_code(field("language"));
  r.enabled_rules = split_list(field("enabledRules"));
  r.disabled_rules = split_list(field("disabledRules"));
  r.enabled_categories = split_list(field("enabledCategories"));
  r.disabled_categories = split_list(field("disabledCategories"));
  r.enabled_only = parse_bool(field("enabledOnly"), "enabledOnly");
  if (r.enabled_only && r.enabled_rules.empty() && r.enabled_categories.empty())
    throw RequestError("enabledOnly=true needs 'enabledRules' or 'enabledCategories'");
  return r;
}

std::string category_id(std::string_view pack) {
  std::string id(pack);
  for (char& c : id) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return id;
}

json check(const lint::Engine& engine, const CheckRequest& request, std::string_view style, Date date) {
  const std::string& source = request.text.text();
  auto prepared = input::prepare("request", source, InputFormat::plain);
  const Document& doc = *prepared.doc;
  auto selection = select_rules(engine.rules(), request, style);
  auto found = engine.linter().lint(doc, selection, date);
  std::stable_sort(found.begin(), found.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.offset < b.span.offset; });

  std::optional<tokenize::TokenStream> tokens;
  json matches = json::array();
  for (const Diagnostic& d : found) {
    if (d.span.end() > source.size()) continue;
    if (!tokens) tokens.emplace(doc.text);
    const rules::Rule* rule = engine.rules().find(d.rule);
    std::string pack = rule ? rule->info().pack : "wirelint";
    json replacements = json::array();
    for (const auto& r : d.replacements) replacements.push_back({{"value", r}});
    std::size_t begin = request.text.start_units(d.span.offset);
    std::size_t end = std::max(begin, request.text.end_units(d.span.end()));
    json rule_json = {{"id", d.rule},
                      {"description", rule ? first_sentence(rule->info().description, d.rule) : d.rule},
                      {"issueType", issue_type(d.category)},
                      {"category", {{"id", category_id(pack)}, {"name", category_name(pack)}}}};
    if (d.link.rfind("http", 0) == 0) rule_json["urls"] = json::array({{{"value", d.link}}});
    matches.push_back({{"message", d.message},
                       {"shortMessage", ""},
                       {"replacements", std::move(replacements)},
                       {"offset", begin},
                       {"length", end - begin},
                       {"context", context_of(source, d.span.offset, d.span.length)},
                       {"sentence", sentence_of(doc, *tokens, d.span.offset)},
                       {"type", {{"typeName", "Other"}}},
                       {"rule", std::move(rule_json)},
                       {"ignoreForIncompleteSentence", false},
                       {"contextForSureMatch", 0}});
  }
  json language = {{"name", language_name(request.language)}, {"code", request.language}};
  language["detectedLanguage"] = {{"name", language_name(request.language)}, {"code", request.language}, {"confidence", 1.0}};
  return json{{"software",
               {{"name", "wirelint"}, {"version", WIRELINT_VERSION}, {"buildDate", ""}, {"apiVersion", 1},
                {"premium", false}, {"status", ""}}},
              {"warnings", {{"incompleteResults", false}}},
              {"language", std::move(language)},
              {"matches", std::move(matches)}};
}

json languages() {
  return json::array({{{"name", "English"}, {"code", "en"}, {"longCode", "en"}},
                      {{"name", "English (US)"}, {"code", "en"}, {"longCode", "en-US"}},
                      {{"name", "English (GB)"}, {"code", "en"}, {"longCode", "en-GB"}}});
}

}  // namespace wirelint::server
