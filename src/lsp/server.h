// `wirelint lsp`: a language server (LSP 3.17) over a pair of streams. It keeps the text of each
// open document as the editor sends it, lints that buffer (not the file on disk) after every
// open, change and save with the same configuration resolution as the command line (the nearest
// .wirelint.toml of the file's path), publishes the findings, and offers quick fixes for them.
//
// Position encoding: the first entry of the client's `general.positionEncodings` that we know
// (utf-8, utf-16, utf-32: clients list them in order of preference), else utf-16, the
// protocol's default. Severity: error 1, warning 2, suggestion 3 (Information, not Hint: editors
// draw hints as faint dots that are easy to miss, and a suggestion is still a finding).
//
// Bad input never ends the server: unparsable JSON gets -32700, a message that is not a request
// or notification -32600, an unknown request -32601, bad parameters -32602; an unknown
// notification is ignored. `exit` ends the loop with 0 after `shutdown`, 1 otherwise; so does
// the end of the input.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/document.h"
#include "lint/engine.h"
#include "lsp/position.h"

namespace wirelint::lsp {

// Runs the server until `exit` or the end of `in`; returns the process exit code. `log`, if
// given, receives one line per problem worth telling a human (never protocol traffic).
int run(const lint::Engine& engine, std::istream& in, std::ostream& out, std::ostream* log = nullptr);

// file:///a/b%20c.md -> /a/b c.md; nullopt for other schemes.
std::optional<std::string> file_uri_to_path(const std::string& uri);

class Server {
 public:
  // A finding as published, with what the quick fixes need.
  struct Published {
    nlohmann::json lsp;  // the diagnostic as sent
    std::string rule, match;
    std::vector<std::string> replacements;
    bool fixable = false;
  };

  explicit Server(const lint::Engine& engine, std::ostream* log = nullptr);

  // One message body as received; returns the messages to send, in order.
  std::vector<nlohmann::json> handle(const std::string& body);
  // A frame whose header was unusable: answered with a parse error.
  std::vector<nlohmann::json> frame_error(const std::string& what);

  bool exited() const { return exited_; }
  int exit_code() const { return shutdown_ ? 0 : 1; }
  Encoding encoding() const { return encoding_; }

 private:
  struct OpenDocument {
    std::string text;
    std::optional<long long> version;
    std::vector<Published> diagnostics;  // for `text` as it is now
  };

  nlohmann::json dispatch_request(const std::string& method, const nlohmann::json& params);
  void dispatch_notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  nlohmann::json code_action(const nlohmann::json& params);
  void did_open(const nlohmann::json& params);
  void did_change(const nlohmann::json& params);
  void did_save(const nlohmann::json& params);
  void did_close(const nlohmann::json& params);
  void lint_and_publish(const std::string& uri, OpenDocument& doc);
  void note(const std::string& line);

  const lint::Engine& engine_;
  std::ostream* log_;
  Encoding encoding_ = Encoding::utf16;
  bool initialized_ = false, shutdown_ = false, exited_ = false;
  std::map<std::string, OpenDocument> documents_;  // by URI
  std::vector<nlohmann::json> outbox_;             // notifications produced while handling
};

}  // namespace wirelint::lsp
