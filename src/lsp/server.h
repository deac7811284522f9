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

#include <cstdint>
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
//
// With `background_lint` (what `wirelint lsp` runs), documents are linted on a thread of their
// own, off the message loop: requests are answered while a long document is linted, a change
// that arrives before a queued lint starts replaces it (one lint per document at a time, of its
// newest text), and a finished lint whose document changed meanwhile is dropped unpublished.
// Without it, every open, change and save is linted before the next message is read, so a
// scripted exchange gives one publish per edit, in order (the tests' mode). At `exit` or the end
// of the input, queued lints are dropped and a running one is waited for.
int run(const lint::Engine& engine, std::istream& in, std::ostream& out, std::ostream* log = nullptr,
        bool background_lint = false);

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

  // Background linting (see run()). Open, change and save then queue a LintJob instead of
  // linting; the caller takes jobs, runs lint_job() anywhere (it reads nothing of the server's
  // state) and hands the result to finish_job(), which says what to publish. Calls on the
  // server itself must not overlap (the caller holds a lock).
  struct LintJob {
    std::string uri;
    std::uint64_t generation = 0;  // of the document's text when queued
    std::string text;
    std::optional<long long> version;
    Encoding encoding = Encoding::utf16;
  };
  struct LintResult {
    std::vector<Published> published;
    std::vector<std::string> notes;  // lines for the log
  };
  void set_background_lint(bool on) { background_ = on; }
  bool has_job() const { return !pending_.empty(); }
  // The job queued first; nullopt when none is.
  std::optional<LintJob> take_job();
  static LintResult lint_job(const lint::Engine& engine, const LintJob& job);
  // The publishDiagnostics of a finished job, or nothing when its document was closed or
  // changed after the job was queued (a newer job has the newer text).
  std::vector<nlohmann::json> finish_job(const LintJob& job, LintResult result);

  bool exited() const { return exited_; }
  int exit_code() const { return shutdown_ ? 0 : 1; }
  Encoding encoding() const { return encoding_; }

 private:
  struct OpenDocument {
    std::string text;
    std::optional<long long> version;
    std::vector<Published> diagnostics;  // for the text of `linted`
    std::uint64_t generation = 0;        // bumped by every edit of `text`
    std::uint64_t linted = 0;            // the generation `diagnostics` describe
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
  bool background_ = false;
  std::uint64_t generations_ = 0;
  std::map<std::string, LintJob> pending_;  // by URI: at most one queued lint per document
};

}  // namespace wirelint::lsp
