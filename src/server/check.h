// LanguageTool's `/v2/check` contract over the wirelint engine, without any HTTP: the form
// fields of a request in, LanguageTool's JSON answer out. server.h puts it on a socket.
//
// Positions: LanguageTool clients count offsets and lengths in UTF-16 code units of the text
// they sent. With `data` (annotated markup), that text is the concatenation of every part,
// markup included; only the text parts (and the `interpretAs` stand-ins of markup) are linted.
// SubmittedText keeps, for each byte of the linted text, its place in those units.
//
// Everything here is a pure function of its inputs and the shared, immutable Engine: any
// number of requests may run at once. Bad input is a RequestError (the server's 400), never
// a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "lint/engine.h"

namespace wirelint::server {

// The request cannot be checked; what() says why, for the client.
class RequestError : public std::runtime_error {
 public:
  explicit RequestError(const std::string& what) : std::runtime_error(what) {}
};

// The text to lint and, for each of its byte offsets, where it lies in the text the client sent
// (in UTF-16 code units). Throws RequestError for ill-formed UTF-8 or annotation JSON.
class SubmittedText {
 public:
  static SubmittedText plain(std::string text);
  // LanguageTool's `data`: {"annotation":[{"text":"..."},{"markup":"...","interpretAs":"..."}]}.
  static SubmittedText annotated(std::string_view data_json);

  const std::string& text() const { return text_; }
  // Client units before a span that starts at byte `offset` of text() / ends at byte `end`. A
  // span that starts or ends inside an `interpretAs` stand-in takes in its whole markup.
  std::size_t start_units(std::size_t offset) const { return start_[offset]; }
  std::size_t end_units(std::size_t end) const { return end_[end]; }

 private:
  void append(std::string_view linted, std::optional<std::size_t> markup_units);

  std::string text_;
  std::vector<std::uint32_t> start_{0}, end_{0};  // size text_.size() + 1
  std::size_t units_ = 0;                         // of everything appended so far
};

struct CheckRequest {
  SubmittedText text = SubmittedText::plain("");
  std::string language = "en-US";  // as answered: en-US, en-GB or en
  std::vector<std::string> enabled_rules, disabled_rules, enabled_categories, disabled_categories;
  bool enabled_only = false;
};

// A form field by name, if the request has it.
using FieldLookup = std::function<std::optional<std::string>(const std::string& name)>;

// Reads `text` or `data`, `language` (English only; "auto" and a missing one mean en-US),
// the rule and category lists (comma-separated) and `enabledOnly`. Throws RequestError.
CheckRequest parse_check_request(const FieldLookup& field);

// Lints the request with `engine` in house style `style` ("" for none) for a story of `date`;
// returns LanguageTool's response object (software, warnings, language, matches).
nlohmann::json check(const lint::Engine& engine, const CheckRequest& request, std::string_view style, Date date);

// `GET /v2/languages`.
nlohmann::json languages();

// A rule's LanguageTool category id: its pack upper-cased ("TYPOGRAPHY", "ENTITY").
std::string category_id(std::string_view pack);

}  // namespace wirelint::server
