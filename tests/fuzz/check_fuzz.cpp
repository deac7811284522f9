// Fuzz target: the server's `/v2/check` handling (server/check.h) without sockets: the bytes are
// the request's form fields, each `name=value` and separated by a 0x1E byte (so values may hold
// line breaks), read the way the server reads them, then checked with the shipped engine. Bad
// fields must be a RequestError (the server's 400); a good request must get LanguageTool's answer,
// whose every match lies inside the text the client sent (in UTF-16 code units).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "server/check.h"

namespace {

// UTF-16 code units of the text the client sent: `text`, or every part of `data`.
std::size_t submitted_units(const std::map<std::string, std::string>& fields) {
  std::string sent;
  if (auto t = fields.find("text"); t != fields.end()) {
    sent = t->second;
  } else if (auto d = fields.find("data"); d != fields.end()) {
    auto j = nlohmann::json::parse(d->second);
    for (const auto& part : j["annotation"])
      for (const char* key : {"text", "markup"})
        if (part.contains(key)) sent += part[key].get<std::string>();
  }
  std::size_t units = 0;
  for (unsigned char c : sent) {
    if ((c & 0xC0) != 0x80) ++units;  // a lead byte
    if (c >= 0xF0) ++units;           // a surrogate pair
  }
  return units;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wirelint;
  std::map<std::string, std::string> fields;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  while (!rest.empty()) {
    std::size_t sep = rest.find('\x1e');
    std::string_view field = rest.substr(0, sep);
    rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + 1);
    std::size_t eq = field.find('=');
    fields.emplace(std::string(field.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(field.substr(eq + 1)));
  }
  server::CheckRequest request;
  try {
    request = server::parse_check_request([&](const std::string& name) -> std::optional<std::string> {
      auto it = fields.find(name);
      if (it == fields.end()) return std::nullopt;
      return it->second;
    });
  } catch (const server::RequestError& e) {
    if (std::string_view(e.what()).empty()) fuzz::fail("RequestError without a reason");
    return 0;
  }
  auto answer = server::check(fuzz::engine(), request, "", Date{2024, 3, 1});
  std::size_t units = submitted_units(fields);
  for (const auto& m : answer.at("matches")) {
    std::size_t offset = m.at("offset").get<std::size_t>(), length = m.at("length").get<std::size_t>();
    if (offset + length > units)
      fuzz::fail("match " + std::to_string(offset) + "+" + std::to_string(length) + " past the " + std::to_string(units) +
                 " units sent");
  }
  (void)answer.dump();
  return 0;
}
