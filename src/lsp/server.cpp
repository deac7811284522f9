#include "lsp/server.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "core/sink.h"
#include "input/reader.h"
#include "lint/session.h"
#include "lint/suppress.h"
#include "lsp/framing.h"

namespace wirelint::lsp {

using nlohmann::json;

namespace {

constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// Thrown by the parameter readers below; becomes -32602 for a request and a log line for a
// notification.
struct InvalidParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct MethodNotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json& member(const json& obj, const char* key) {
  if (!obj.is_object()) throw InvalidParams(std::string("expected an object holding '") + key + "'");
  auto it = obj.find(key);
  if (it == obj.end()) throw InvalidParams(std::string("missing '") + key + "'");
  return *it;
}

const std::string& string_member(const json& obj, const char* key) {
  const json& v = member(obj, key);
  if (!v.is_string()) throw InvalidParams(std::string("'") + key + "' must be a string");
  return v.get_ref<const std::string&>();
}

std::size_t index_member(const json& obj, const char* key) {
  const json& v = member(obj, key);
  if (!v.is_number_unsigned()) throw InvalidParams(std::string("'") + key + "' must be a non-negative integer");
  return v.get<std::size_t>();
}

TextPosition read_position(const json& p) { return TextPosition{index_member(p, "line"), index_member(p, "character")}; }

std::pair<TextPosition, TextPosition> read_range(const json& r) {
  return {read_position(member(r, "start")), read_position(member(r, "end"))};
}

bool before(TextPosition a, TextPosition b) {
  return std::tie(a.line, a.character) < std::tie(b.line, b.character);
}
bool same(TextPosition a, TextPosition b) { return a.line == b.line && a.character == b.character; }

json to_json(TextPosition p) { return json{{"line", p.line}, {"character", p.character}}; }

json error_response(const json& id, int code, const std::string& message) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

std::optional<long long> read_version(const json& text_document) {
  auto it = text_document.find("version");
  if (it == text_document.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) throw InvalidParams("'version' must be an integer");
  return it->get<long long>();
}

// A scheme followed by ':' — "https://…" qualifies, "rules/typography/x.toml" does not.
bool absolute_uri(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ':') return i + 1 < s.size();
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string line_break_of(const std::string& text) {
  std::size_t i = text.find_first_of("\r\n");
  if (i == std::string::npos || text[i] == '\n') return "\n";
  return i + 1 < text.size() && text[i + 1] == '\n' ? "\r\n" : "\r";
}

// Turns each diagnostic into its LSP form while the Document (and so the byte offsets' text)
// is alive.
class Collector final : public DiagnosticSink {
 public:
  explicit Collector(Encoding encoding) : encoding_(encoding) {}

  void begin_file(const Document& doc) override { map_.emplace(doc.source); }
  void end_file(const Document&) override { map_.reset(); }
  bool needs_whole_files() const override { return true; }  // positions come from its own map

  void diagnostic(const Document& doc, const Diagnostic& d) override {
    if (!map_) map_.emplace(doc.source);
    json lsp;
    lsp["range"] = {{"start", to_json(map_->position(d.span.offset, encoding_))},
                    {"end", to_json(map_->position(d.span.end(), encoding_))}};
    lsp["severity"] = d.severity == Severity::error ? 1 : d.severity == Severity::warning ? 2 : 3;
    lsp["code"] = d.rule;
    if (absolute_uri(d.link)) lsp["codeDescription"] = {{"href", d.link}};
    lsp["source"] = "wirelint";
    lsp["message"] = d.message;
    lsp["data"] = {{"rule", d.rule}, {"replacements", d.replacements}, {"fixable", d.fixable}};
    published.push_back({std::move(lsp), d.rule, d.match, d.replacements, d.fixable});
  }

  std::vector<Server::Published> published;

 private:
  Encoding encoding_;
  std::optional<LineMap> map_;
};

}  // namespace

std::optional<std::string> file_uri_to_path(const std::string& uri) {
  std::string scheme = uri.substr(0, 7);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  if (scheme != "file://") return std::nullopt;
  std::string rest = uri.substr(7);
  rest = rest.substr(0, rest.find_first_of("?#"));
  std::size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash), encoded = slash == std::string::npos ? "/" : rest.substr(slash);
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  std::string path;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%' && i + 2 < encoded.size() + 0 && hex(encoded[i + 1]) >= 0 && hex(encoded[i + 2]) >= 0) {
      path += static_cast<char>(hex(encoded[i + 1]) * 16 + hex(encoded[i + 2]));
      i += 2;
    } else {
      path += encoded[i];
    }
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  // file:///C:/x names the Windows path C:/x.
  if (path.size() >= 3 && path[0] == '/' && std::isalpha(static_cast<unsigned char>(path[1])) && path[2] == ':')
    path.erase(0, 1);
  if (!authority.empty() && authority != "localhost") path = "//" + authority + path;
  return path;
}

Server::Server(const lint::Engine& engine, std::ostream* log) : engine_(engine), log_(log) {}

void Server::note(const std::string& line) {
  if (log_) *log_ << "wirelint lsp: " << line << "\n" << std::flush;
}

std::vector<json> Server::frame_error(const std::string& what) {
  note(what);
  return {error_response(nullptr, kParseError, "Parse error: " + what)};
}

std::vector<json> Server::handle(const std::string& body) {
  outbox_.clear();
  json msg = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (msg.is_discarded()) return frame_error("the message is not valid JSON");
  if (!msg.is_object()) return {error_response(nullptr, kInvalidRequest, "Invalid request: expected a JSON object")};

  auto id_it = msg.find("id");
  bool has_id = id_it != msg.end();
  json id = nullptr;
  if (has_id) {
    if (!id_it->is_string() && !id_it->is_number_integer())
      return {error_response(nullptr, kInvalidRequest, "Invalid request: 'id' must be an integer or a string")};
    id = *id_it;
  }
  auto version_it = msg.find("jsonrpc");
  if (version_it == msg.end() || *version_it != "2.0")
    return {error_response(id, kInvalidRequest, "Invalid request: 'jsonrpc' must be \"2.0\"")};
  auto method_it = msg.find("method");
  if (method_it == msg.end()) {
    // A response to a request of ours; we send none, so there is nothing to match it with.
    if (has_id && (msg.contains("result") || msg.contains("error"))) return {};
    return {error_response(id, kInvalidRequest, "Invalid request: no 'method'")};
  }
  if (!method_it->is_string()) return {error_response(id, kInvalidRequest, "Invalid request: 'method' must be a string")};
  const std::string& method = method_it->get_ref<const std::string&>();
  json params = msg.contains("params") ? std::move(msg["params"]) : json();  // no copy of a long text
  if (!params.is_null() && !params.is_object() && !params.is_array())
    return {error_response(id, kInvalidRequest, "Invalid request: 'params' must be an object or an array")};

  if (!has_id) {
    if (method == "exit") {
      exited_ = true;
      return {};
    }
    if (!initialized_) return {};  // the protocol says to drop notifications before initialize
    try {
      dispatch_notification(method, params);
    } catch (const std::exception& e) {
      note(method + ": " + e.what());
    }
    return std::move(outbox_);
  }

  std::vector<json> out;
  try {
    json result;
    if (!initialized_ && method != "initialize") {
      out.push_back(error_response(id, kServerNotInitialized, "The server is not initialized"));
    } else if (shutdown_) {
      out.push_back(error_response(id, kInvalidRequest, "Invalid request: the server is shutting down"));
    } else {
      result = dispatch_request(method, params);
      out.push_back(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
    }
  } catch (const MethodNotFound& e) {
    out.push_back(error_response(id, kMethodNotFound, std::string("Method not found: ") + e.what()));
  } catch (const InvalidParams& e) {
    out.push_back(error_response(id, kInvalidParams, "Invalid params: " + std::string(e.what())));
  } catch (const json::exception& e) {
    out.push_back(error_response(id, kInvalidParams, "Invalid params: " + std::string(e.what())));
  } catch (const std::exception& e) {
    note(method + ": " + e.what());
    out.push_back(error_response(id, kInternalError, "Internal error: " + std::string(e.what())));
  }
  for (auto& m : outbox_) out.push_back(std::move(m));
  outbox_.clear();
  return out;
}

json Server::dispatch_request(const std::string& method, const json& params) {
  if (method == "initialize") return initialize(params);
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_action(params);
  throw MethodNotFound(method);
}

void Server::dispatch_notification(const std::string& method, const json& params) {
  if (method == "textDocument/didOpen") return did_open(params);
  if (method == "textDocument/didChange") return did_change(params);
  if (method == "textDocument/didSave") return did_save(params);
  if (method == "textDocument/didClose") return did_close(params);
  // initialized, $/cancelRequest, $/setTrace, workspace/didChangeConfiguration and anything
  // else: nothing to do.
}

json Server::initialize(const json& params) {
  if (initialized_) throw InvalidParams("initialize may be sent only once");
  if (!params.is_object()) throw InvalidParams("expected an object");
  encoding_ = Encoding::utf16;
  const json* offered = nullptr;
  if (auto caps = params.find("capabilities"); caps != params.end() && caps->is_object())
    if (auto general = caps->find("general"); general != caps->end() && general->is_object())
      if (auto encs = general->find("positionEncodings"); encs != general->end() && encs->is_array())
        offered = &*encs;
  if (offered) {
    for (const auto& e : *offered) {
      if (!e.is_string()) continue;
      if (auto known = parse_encoding(e.get_ref<const std::string&>())) {
        encoding_ = *known;
        break;
      }
    }
  }
  initialized_ = true;
  return json{{"capabilities",
               {{"positionEncoding", std::string(to_string(encoding_))},
                {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
                {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
              {"serverInfo", {{"name", "wirelint"}, {"version", WIRELINT_VERSION}}}};
}

void Server::did_open(const json& params) {
  const json& td = member(params, "textDocument");
  const std::string& uri = string_member(td, "uri");
  OpenDocument doc;
  doc.text = string_member(td, "text");
  doc.version = read_version(td);
  lint_and_publish(uri, documents_[uri] = std::move(doc));
}

void Server::did_change(const json& params) {
  const json& td = member(params, "textDocument");
  const std::string& uri = string_member(td, "uri");
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw InvalidParams("didChange for a document that is not open: " + uri);
  const json& changes = member(params, "contentChanges");
  if (!changes.is_array()) throw InvalidParams("'contentChanges' must be an array");
  auto version = read_version(td);
  // Check every change before applying any, so that a bad one leaves the buffer as it was.
  for (const auto& c : changes) {
    string_member(c, "text");
    if (c.contains("range")) read_range(c["range"]);
  }
  std::string& text = it->second.text;
  for (const auto& c : changes) {
    const std::string& replacement = c["text"].get_ref<const std::string&>();
    if (!c.contains("range")) {
      text = replacement;
      continue;
    }
    auto [start, end] = read_range(c["range"]);
    if (before(end, start)) std::swap(start, end);
    LineMap map(text);
    std::size_t b = map.offset(start, encoding_), e = map.offset(end, encoding_);
    text.replace(b, std::max(b, e) - b, replacement);
  }
  if (version) it->second.version = version;
  lint_and_publish(uri, it->second);
}

void Server::did_save(const json& params) {
  const json& td = member(params, "textDocument");
  const std::string& uri = string_member(td, "uri");
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  if (auto text = params.find("text"); text != params.end() && text->is_string()) it->second.text = *text;
  // Linted again: the configuration file may have changed since the last edit.
  lint_and_publish(uri, it->second);
}

void Server::did_close(const json& params) {
  const json& td = member(params, "textDocument");
  const std::string& uri = string_member(td, "uri");
  documents_.erase(uri);
  pending_.erase(uri);
  outbox_.push_back(json{{"jsonrpc", "2.0"},
                         {"method", "textDocument/publishDiagnostics"},
                         {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

void Server::lint_and_publish(const std::string& uri, OpenDocument& doc) {
  doc.generation = ++generations_;
  LintJob job{uri, doc.generation, doc.text, doc.version, encoding_};
  if (background_) {
    pending_[uri] = std::move(job);
    return;
  }
  LintResult result = lint_job(engine_, job);
  for (auto& m : finish_job(job, std::move(result))) outbox_.push_back(std::move(m));
}

std::optional<Server::LintJob> Server::take_job() {
  auto first = pending_.end();
  for (auto it = pending_.begin(); it != pending_.end(); ++it)
    if (first == pending_.end() || it->second.generation < first->second.generation) first = it;
  if (first == pending_.end()) return std::nullopt;
  LintJob job = std::move(first->second);
  pending_.erase(first);
  return job;
}

Server::LintResult Server::lint_job(const lint::Engine& engine, const LintJob& job) {
  auto path = file_uri_to_path(job.uri);
  lint::SessionOptions options;
  options.quiet = true;
  options.use_config = path.has_value();  // an unsaved buffer has no folder to look in
  std::ostringstream errors;
  Collector sink(job.encoding);
  LintResult result;
  // A problem with the buffer as a whole, shown at its top where the user is looking.
  auto whole_buffer = [&](const std::string& code, const std::string& message) {
    json lsp = {{"range", {{"start", to_json({})}, {"end", to_json({})}}},
                {"severity", 1},
                {"code", code},
                {"source", "wirelint"},
                {"message", message}};
    sink.published.push_back({std::move(lsp), code, "", {}, false});
  };
  bool input_error = false;
  try {
    lint::Session session(engine, options, errors);
    session.lint_bytes(path ? *path : job.uri, job.text, sink);
    input_error = session.input_errors() > 0;
  } catch (const std::exception& e) {
    // A broken .wirelint.toml: say so rather than go quiet.
    sink.published.clear();
    whole_buffer("configuration", e.what());
    result.notes.push_back(e.what());
  }
  std::string err = errors.str();
  err = err.substr(0, err.find('\n'));
  if (!err.empty()) result.notes.push_back(err);
  // XML that does not parse: the reason, with the line and column where the parser stopped.
  if (input_error && !err.empty()) whole_buffer("input", err.rfind("wirelint: ", 0) == 0 ? err.substr(10) : err);
  result.published = std::move(sink.published);
  return result;
}

std::vector<json> Server::finish_job(const LintJob& job, LintResult result) {
  for (const auto& line : result.notes) note(line);
  auto it = documents_.find(job.uri);
  if (it == documents_.end() || it->second.generation != job.generation) return {};
  OpenDocument& doc = it->second;
  json list = json::array();
  for (const auto& item : result.published) list.push_back(item.lsp);
  doc.diagnostics = std::move(result.published);
  doc.linted = job.generation;
  json params = {{"uri", job.uri}, {"diagnostics", std::move(list)}};
  if (job.version) params["version"] = *job.version;
  return {json{{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", std::move(params)}}};
}

json Server::code_action(const json& params) {
  const json& td = member(params, "textDocument");
  const std::string& uri = string_member(td, "uri");
  auto [from, to] = read_range(member(params, "range"));
  json actions = json::array();
  auto it = documents_.find(uri);
  if (it == documents_.end()) return actions;
  const OpenDocument& doc = it->second;
  // Findings of an older text (its lint still running): their ranges may no longer fit.
  if (doc.linted != doc.generation) return actions;

  const json* context = params.contains("context") ? &params["context"] : nullptr;
  if (context && context->is_object() && context->contains("only") && (*context)["only"].is_array()) {
    bool wanted = false;
    for (const auto& kind : (*context)["only"])
      if (kind == "quickfix" || kind == "") wanted = true;
    if (!wanted) return actions;
  }
  const json* given = nullptr;
  if (context && context->is_object() && context->contains("diagnostics") && (*context)["diagnostics"].is_array() &&
      !(*context)["diagnostics"].empty())
    given = &(*context)["diagnostics"];

  auto path = file_uri_to_path(uri);
  InputFormat format = input::detect_format(path ? *path : uri, doc.text);
  std::string eol = line_break_of(doc.text);

  const LineMap map(doc.text);
  for (const auto& p : doc.diagnostics) {
    if (p.rule == "configuration" || p.rule == "input") continue;
    auto [start, end] = read_range(p.lsp["range"]);
    bool chosen = false;
    if (given) {
      // The client names the diagnostics it wants fixed; we trust only our own copy of them.
      // Neovim 0.7 sends them back with UTF-8 byte columns whatever the negotiated unit, so a
      // range that matches ours in bytes names it too.
      TextPosition start8 = map.position(map.offset(start, encoding_), Encoding::utf8);
      TextPosition end8 = map.position(map.offset(end, encoding_), Encoding::utf8);
      for (const auto& g : *given) {
        if (!g.is_object() || !g.contains("range") || g.value("code", json()) != p.rule) continue;
        try {
          auto [gs, ge] = read_range(g["range"]);
          if ((same(gs, start) && same(ge, end)) || (same(gs, start8) && same(ge, end8))) chosen = true;
        } catch (const InvalidParams&) {
        }
      }
    } else {
      chosen = !before(to, start) && !before(end, from);
    }
    if (!chosen) continue;

    auto edit = [&](TextPosition s, TextPosition e, const std::string& text) {
      return json{{"changes", {{uri, json::array({{{"range", {{"start", to_json(s)}, {"end", to_json(e)}}},
                                                    {"newText", text}}})}}}};
    };
    for (std::size_t i = 0; i < p.replacements.size(); ++i) {
      const std::string& r = p.replacements[i];
      json action = {{"title", r.empty() ? "Remove '" + p.match + "'" : "Replace with '" + r + "'"},
                     {"kind", "quickfix"},
                     {"diagnostics", json::array({p.lsp})},
                     {"edit", edit(start, end, r)}};
      if (i == 0 && p.fixable) action["isPreferred"] = true;
      actions.push_back(std::move(action));
    }
    TextPosition line_start{start.line, 0};
    actions.push_back({{"title", "Disable " + p.rule + " for this line"},
                       {"kind", "quickfix"},
                       {"diagnostics", json::array({p.lsp})},
                       {"edit", edit(line_start, line_start, lint::suppression_directive(format, p.rule) + eol)}});
  }
  return actions;
}

int run(const lint::Engine& engine, std::istream& in, std::ostream& out, std::ostream* log, bool background_lint) {
  Server server(engine, log);
  server.set_background_lint(background_lint);
  // Reading must not flush the output: std::cin is tied to std::cout, and the lint thread may be
  // writing while the loop waits for input.
  std::ostream* tied = in.tie(nullptr);
  // One lock over the server and the output: the loop and the lint thread each handle and send
  // under it, so frames never interleave and a stale publish never follows a newer one.
  std::mutex mutex;
  std::condition_variable queued;
  bool stopping = false;
  auto send = [&](const std::vector<json>& messages) {
    for (const auto& m : messages)
      write_frame(out, m.dump(-1, ' ', false, json::error_handler_t::replace));
  };
  std::thread linter;
  if (background_lint) {
    linter = std::thread([&] {
      std::unique_lock<std::mutex> lock(mutex);
      for (;;) {
        queued.wait(lock, [&] { return stopping || server.has_job(); });
        if (stopping) return;
        Server::LintJob job = *server.take_job();
        lock.unlock();
        Server::LintResult result = Server::lint_job(engine, job);
        lock.lock();
        send(server.finish_job(job, std::move(result)));
      }
    });
  }
  for (;;) {
    Frame f = read_frame(in);  // outside the lock: the lint thread may publish meanwhile
    std::lock_guard<std::mutex> lock(mutex);
    if (f.status == Frame::Status::end || f.status == Frame::Status::truncated) {
      if (f.status == Frame::Status::truncated && log) *log << "wirelint lsp: input ended inside a message\n";
      break;
    }
    if (f.status == Frame::Status::bad) {
      send(server.frame_error(f.error));
      continue;
    }
    send(server.handle(f.body));
    if (server.exited()) break;
    if (server.has_job()) queued.notify_one();
  }
  if (linter.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stopping = true;
    }
    queued.notify_one();
    linter.join();
  }
  in.tie(tied);
  return server.exit_code();
}

}  // namespace wirelint::lsp
