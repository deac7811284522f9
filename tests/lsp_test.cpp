// The language server: position mapping and framing on their own, the server in process over
// string streams, and the real `wirelint lsp` binary over pipes with framed JSON-RPC messages.
//
// The story used throughout has, on its fifth line (0-based line 4), a curly quote and an emoji
// before two findings, so UTF-16, UTF-8 and code-point columns all differ there:
//
//   “Quote” 🎉 the U. S. army said the the plan.
//
// "U. S." starts after 15 UTF-16 units (“=1, Quote=5, ”=1, space, 🎉=2, space, "the "=4) and
// "the the" after 31; in UTF-8 bytes those are 21 and 37 (“ and ” take 3 bytes, 🎉 4).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lint/engine.h"
#include "lsp/framing.h"
#include "lsp/position.h"
#include "lsp/server.h"
#include "support/process.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace wirelint::lsp {
namespace {

constexpr const char* kSpaced = "typography-spaced-abbreviation";
constexpr const char* kDoubled = "typography-doubled-word";

const std::string kStory =
    "---\ndate: 2024-05-01\n---\n\n\xE2\x80\x9CQuote\xE2\x80\x9D \xF0\x9F\x8E\x89 the U. S. army said the the plan.\n";

const lint::Engine& engine() {
  static const lint::Engine* e = new lint::Engine(WIRELINT_SOURCE_DIR);
  return *e;
}

std::string frame(const json& message) {
  std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}
std::string raw_frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

json request(int id, const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json notification(const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json initialize(int id, std::vector<std::string> encodings) {
  json params = {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}};
  params["capabilities"]["general"]["positionEncodings"] = encodings;
  return request(id, "initialize", params);
}

json range(std::size_t l1, std::size_t c1, std::size_t l2, std::size_t c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

json did_open(const std::string& uri, const std::string& text, int version = 1) {
  return notification("textDocument/didOpen",
                      {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", version}, {"text", text}}}});
}

json code_action(int id, const std::string& uri, json r, json diagnostics = json::array()) {
  return request(id, "textDocument/codeAction",
                 {{"textDocument", {{"uri", uri}}}, {"range", std::move(r)}, {"context", {{"diagnostics", diagnostics}}}});
}

// Every message in a stream of frames.
std::vector<json> parse_frames(const std::string& bytes) {
  std::istringstream in(bytes);
  std::vector<json> out;
  while (true) {
    Frame f = read_frame(in);
    if (f.status != Frame::Status::ok) break;
    out.push_back(json::parse(f.body));
  }
  return out;
}

struct Session {
  int code = -1;
  std::vector<json> out;
};

Session run_server(const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out;
  Session s;
  s.code = run(engine(), in, out);
  s.out = parse_frames(out.str());
  return s;
}

// The (start, end) of a diagnostic as four numbers, and the codes of a publish in order.
std::vector<std::size_t> span_of(const json& d) {
  const auto& r = d.at("range");
  return {r["start"]["line"], r["start"]["character"], r["end"]["line"], r["end"]["character"]};
}
std::vector<std::string> codes_of(const json& publish) {
  std::vector<std::string> codes;
  for (const auto& d : publish.at("params").at("diagnostics")) codes.push_back(d.at("code"));
  return codes;
}

class TempDir {
 public:
  TempDir() : dir_("wirelint-lsp") {
    // Stops the configuration search from reaching whatever sits in /tmp or above.
    std::ofstream(path() / ".wirelint.toml") << "";
  }
  const fs::path& path() const { return dir_.path(); }
  // A file URI for `name` in this folder, with spaces percent-encoded.
  std::string uri(const std::string& name) const {
    std::string p = (path() / name).string(), out = "file://";
    for (char c : p) out += c == ' ' ? std::string("%20") : std::string(1, c);
    return out;
  }

 private:
  wirelint::testing_support::TempDir dir_;
};

// --- positions ------------------------------------------------------------------------------

TEST(LspPosition, ColumnsInEachEncoding) {
  LineMap map(kStory);
  std::size_t u = kStory.find("U. S."), the = kStory.find("the the");
  EXPECT_EQ(map.position(u, Encoding::utf16).line, 4u);
  EXPECT_EQ(map.position(u, Encoding::utf16).character, 15u);
  EXPECT_EQ(map.position(u, Encoding::utf8).character, 21u);
  EXPECT_EQ(map.position(u, Encoding::utf32).character, 14u);
  EXPECT_EQ(map.position(the, Encoding::utf16).character, 31u);
  EXPECT_EQ(map.position(the, Encoding::utf8).character, 37u);
  EXPECT_EQ(map.position(the, Encoding::utf32).character, 30u);
  for (auto e : {Encoding::utf8, Encoding::utf16, Encoding::utf32}) {
    EXPECT_EQ(map.offset(map.position(u, e), e), u);
    EXPECT_EQ(map.offset(map.position(the, e), e), the);
  }
}

TEST(LspPosition, IncomingPositionsClampAsTheProtocolSays) {
  std::string text = "a\xF0\x9F\x8E\x89z\r\nsecond\rthird";
  LineMap map(text);
  EXPECT_EQ(map.offset({0, 1}, Encoding::utf16), 1u);
  EXPECT_EQ(map.offset({0, 2}, Encoding::utf16), 1u);  // half a surrogate pair: the emoji's start
  EXPECT_EQ(map.offset({0, 3}, Encoding::utf16), 5u);
  EXPECT_EQ(map.offset({0, 3}, Encoding::utf8), 1u);   // inside the emoji's bytes
  EXPECT_EQ(map.offset({0, 99}, Encoding::utf16), 6u); // past the end: end of line, before CRLF
  EXPECT_EQ(map.offset({1, 0}, Encoding::utf16), 8u);
  EXPECT_EQ(map.offset({2, 2}, Encoding::utf16), 17u);  // a lone CR ends a line too
  EXPECT_EQ(map.offset({7, 0}, Encoding::utf16), text.size());
  EXPECT_EQ(map.position(7, Encoding::utf16).line, 0u);  // between CR and LF: still line 0
  EXPECT_EQ(map.position(7, Encoding::utf16).character, 4u);
  EXPECT_EQ(map.position(text.size(), Encoding::utf16).line, 2u);
}

TEST(LspPosition, EncodingNames) {
  EXPECT_EQ(parse_encoding("utf-16"), Encoding::utf16);
  EXPECT_EQ(parse_encoding("utf-8"), Encoding::utf8);
  EXPECT_EQ(parse_encoding("utf-32"), Encoding::utf32);
  EXPECT_EQ(parse_encoding("UTF-16"), std::nullopt);
  EXPECT_EQ(to_string(Encoding::utf8), "utf-8");
}

TEST(LspUri, FileUrisDecode) {
  EXPECT_EQ(file_uri_to_path("file:///home/ed/My%20Story.md"), "/home/ed/My Story.md");
  EXPECT_EQ(file_uri_to_path("file://localhost/a/b.txt"), "/a/b.txt");
  EXPECT_EQ(file_uri_to_path("file:///c%3A/news/x.md"), "c:/news/x.md");
  EXPECT_EQ(file_uri_to_path("file:///a/%E2%80%9Cq%E2%80%9D.md"), "/a/\xE2\x80\x9Cq\xE2\x80\x9D.md");
  EXPECT_EQ(file_uri_to_path("file:///a/100%.md"), "/a/100%.md");  // a stray % stays
  EXPECT_EQ(file_uri_to_path("file:///a/%00.md"), std::nullopt);
  EXPECT_EQ(file_uri_to_path("untitled:Untitled-1"), std::nullopt);
}

// --- framing --------------------------------------------------------------------------------

TEST(LspFraming, HeadersInAnyCaseWithExtrasAndBareLineFeeds) {
  std::istringstream in(
      "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
      "\r\nContent-Length:3\n\n[1]");
  Frame a = read_frame(in);
  EXPECT_EQ(a.status, Frame::Status::ok);
  EXPECT_EQ(a.body, "{}");
  Frame b = read_frame(in);
  EXPECT_EQ(b.status, Frame::Status::ok);
  EXPECT_EQ(b.body, "[1]");
  EXPECT_EQ(read_frame(in).status, Frame::Status::end);
}

TEST(LspFraming, BadLengthsAndTruncation) {
  std::istringstream in("Content-Length: -4\r\n\r\nContent-Type: x\r\n\r\nContent-Length: 99999999999\r\n\r\nContent-Length: 10\r\n\r\n{}");
  Frame a = read_frame(in);
  EXPECT_EQ(a.status, Frame::Status::bad);
  EXPECT_EQ(a.error, "invalid Content-Length header '-4'");
  Frame b = read_frame(in);
  EXPECT_EQ(b.status, Frame::Status::bad);
  EXPECT_EQ(b.error, "missing Content-Length header");
  EXPECT_EQ(read_frame(in).status, Frame::Status::bad);  // over the limit
  Frame d = read_frame(in);
  EXPECT_EQ(d.status, Frame::Status::truncated);
  EXPECT_EQ(d.body, "{}");
}

// --- the server in process ------------------------------------------------------------------

TEST(LspServer, InitializeNegotiatesTheEncoding) {
  struct Case {
    std::vector<std::string> offered;
    std::string chosen;
  };
  for (const auto& c : std::vector<Case>{{{}, "utf-16"},
                                         {{"utf-16"}, "utf-16"},
                                         {{"utf-8", "utf-16"}, "utf-8"},
                                         {{"utf-32", "utf-16"}, "utf-32"},
                                         {{"ucs-2", "utf-16", "utf-8"}, "utf-16"}}) {
    Session s = run_server(frame(initialize(1, c.offered)));
    ASSERT_EQ(s.out.size(), 1u);
    EXPECT_EQ(s.out[0].at("result").at("capabilities").at("positionEncoding"), c.chosen);
  }
  // No positionEncodings at all.
  Session s = run_server(frame(request(1, "initialize", {{"capabilities", json::object()}})));
  ASSERT_EQ(s.out.size(), 1u);
  const json& result = s.out[0].at("result");
  EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_EQ(result["capabilities"]["textDocumentSync"],
            json::parse(R"({"openClose":true,"change":2,"save":{"includeText":false}})"));
  EXPECT_EQ(result["capabilities"]["codeActionProvider"], json::parse(R"({"codeActionKinds":["quickfix"]})"));
  EXPECT_EQ(result["serverInfo"]["name"], "wirelint");
  EXPECT_EQ(result["serverInfo"]["version"], WIRELINT_VERSION);
  EXPECT_EQ(s.code, 1);  // the input ended without shutdown
}

TEST(LspServer, JsonRpcErrorsNeverStopTheServer) {
  std::string input = frame(request(1, "textDocument/codeAction")) +  // before initialize
                      frame(initialize(2, {})) + raw_frame("{\"jsonrpc\": \"2.0\", \"id\": 3,") +
                      raw_frame("[1, 2]") + raw_frame(R"({"id": 4, "method": "shutdown"})") +
                      raw_frame(R"({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"})") +
                      raw_frame(R"({"jsonrpc": "2.0", "id": 5, "method": 7})") +
                      frame(request(6, "workspace/symbol")) + frame(notification("workspace/unknownThing")) +
                      frame(notification("$/cancelRequest", {{"id", 1}})) +
                      raw_frame(R"({"jsonrpc": "2.0", "id": 9, "result": null})") +  // a response: ignored
                      "Content-Length: zero\r\n\r\n" +
                      frame(request(7, "textDocument/codeAction", {{"textDocument", 3}})) +
                      frame(notification("textDocument/didOpen", {{"textDocument", {{"uri", 1}}}})) +
                      frame(request(8, "shutdown")) + frame(request(10, "shutdown")) + frame(notification("exit"));
  Session s = run_server(input);
  EXPECT_EQ(s.code, 0);
  std::vector<std::pair<json, int>> expected = {{1, -32002},    {nullptr, -32700}, {nullptr, -32600}, {4, -32600},
                                                {nullptr, -32600}, {5, -32600},  {6, -32601},       {nullptr, -32700},
                                                {7, -32602}};
  ASSERT_EQ(s.out.size(), expected.size() + 3) << json(s.out).dump(1);
  EXPECT_EQ(s.out[1].at("id"), 2);  // initialize answered
  std::size_t k = 0;
  for (std::size_t i = 0; i < s.out.size(); ++i) {
    if (i == 1 || i + 2 >= s.out.size()) continue;
    SCOPED_TRACE(s.out[i].dump());
    EXPECT_EQ(s.out[i].at("jsonrpc"), "2.0");
    EXPECT_EQ(s.out[i].at("id"), expected[k].first);
    EXPECT_EQ(s.out[i].at("error").at("code"), expected[k].second);
    ++k;
  }
  EXPECT_EQ(s.out[s.out.size() - 2], json::parse(R"({"jsonrpc":"2.0","id":8,"result":null})"));
  // After shutdown every request is refused.
  EXPECT_EQ(s.out.back().at("id"), 10);
  EXPECT_EQ(s.out.back().at("error").at("code"), -32600);
}

// A notification with bad parameters is dropped whole: the buffer stays as it was, and the
// next good change applies to it. Out-of-range positions clamp.
TEST(LspServer, BadNotificationsLeaveBuffersAlone) {
  std::string uri = "untitled:one";
  auto change = [&](int version, json changes) {
    return frame(notification("textDocument/didChange",
                              {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", changes}}));
  };
  std::string input =
      frame(initialize(1, {})) + frame(did_open(uri, "One two.\n")) +
      change(2, {{{"range", range(0, 3, 0, 3)}, {"text", " the the"}}, {{"range", {{"start", 0}}}, {"text", "x"}}}) +
      change(3, {{{"text", 5}}}) + change(4, json::object()) +
      frame(notification("textDocument/didChange", {{"textDocument", {{"uri", "untitled:other"}}}, {"contentChanges", json::array()}})) +
      frame(notification("textDocument/didSave", {{"textDocument", {{"uri", "untitled:other"}}}})) +
      frame(notification("textDocument/didClose", {{"textDocument", {{"uri", "untitled:other"}}}})) +
      // Past the end of the line and of the text: appended at the very end.
      change(5, {{{"range", range(9, 99, 12, 0)}, {"text", "So so the the end.\n"}}});
  Session s = run_server(input);
  ASSERT_EQ(s.out.size(), 4u) << json(s.out).dump(1);
  EXPECT_EQ(codes_of(s.out[1]), std::vector<std::string>{});
  EXPECT_EQ(s.out[2]["params"]["uri"], "untitled:other");  // closing an unknown document is harmless
  EXPECT_EQ(s.out[3]["params"]["version"], 5);
  ASSERT_EQ(codes_of(s.out[3]), (std::vector<std::string>{kDoubled}));
  EXPECT_EQ(span_of(s.out[3]["params"]["diagnostics"][0]), (std::vector<std::size_t>{1, 6, 1, 13}));
}

TEST(LspServer, ExitWithoutShutdownIsOne) {
  Session s = run_server(frame(initialize(1, {})) + frame(notification("exit")) + frame(request(2, "shutdown")));
  EXPECT_EQ(s.code, 1);
  EXPECT_EQ(s.out.size(), 1u);  // nothing read after exit
}

TEST(LspServer, OpenChangeCloseAndCodeActions) {
  TempDir dir;
  std::string uri = dir.uri("my story.md");
  std::string input = frame(initialize(1, {"utf-16"})) + frame(notification("initialized")) + frame(did_open(uri, kStory)) +
                      frame(code_action(2, uri, range(4, 32, 4, 32))) +
                      // Fix the doubled word with an incremental change...
                      frame(notification("textDocument/didChange",
                                         {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                          {"contentChanges", {{{"range", range(4, 31, 4, 38)}, {"text", "the"}}}}})) +
                      frame(code_action(3, uri, range(4, 0, 4, 0))) +
                      // ...then replace everything, then two ordered incremental changes.
                      frame(notification("textDocument/didChange",
                                         {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                          {"contentChanges",
                                           {{{"text", "Fine.\n"}},
                                            {{"range", range(0, 5, 0, 5)}, {"text", " And and"}},
                                            {{"range", range(0, 13, 0, 13)}, {"text", " the the"}}}}})) +
                      frame(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}})) +
                      frame(notification("textDocument/didClose", {{"textDocument", {{"uri", uri}}}})) +
                      frame(code_action(4, uri, range(0, 0, 0, 0))) + frame(request(5, "shutdown")) +
                      frame(notification("exit"));
  Session s = run_server(input);
  EXPECT_EQ(s.code, 0);
  ASSERT_EQ(s.out.size(), 10u) << json(s.out).dump(1);

  // didOpen: both findings, exact UTF-16 ranges, version 1.
  const json& open = s.out[1];
  EXPECT_EQ(open.at("method"), "textDocument/publishDiagnostics");
  EXPECT_EQ(open["params"]["uri"], uri);
  EXPECT_EQ(open["params"]["version"], 1);
  ASSERT_EQ(codes_of(open), (std::vector<std::string>{kSpaced, kDoubled}));
  const json& spaced = open["params"]["diagnostics"][0];
  const json& doubled = open["params"]["diagnostics"][1];
  EXPECT_EQ(span_of(spaced), (std::vector<std::size_t>{4, 15, 4, 20}));
  EXPECT_EQ(span_of(doubled), (std::vector<std::size_t>{4, 31, 4, 38}));
  EXPECT_EQ(doubled["severity"], 2);
  EXPECT_EQ(doubled["source"], "wirelint");
  EXPECT_FALSE(doubled.contains("codeDescription"));  // the rule's link is not an absolute URI
  EXPECT_EQ(doubled["data"], json::parse(R"({"rule":"typography-doubled-word","replacements":["the"],"fixable":true})"));
  EXPECT_NE(doubled["message"].get<std::string>().find("the the"), std::string::npos);

  // The code actions at the doubled word: its replacement, then the suppression.
  const json& actions = s.out[2].at("result");
  ASSERT_EQ(actions.size(), 2u) << actions.dump(1);
  json replace = {{"title", "Replace with 'the'"},
                  {"kind", "quickfix"},
                  {"diagnostics", {doubled}},
                  {"isPreferred", true},
                  {"edit", {{"changes", {{uri, {{{"range", range(4, 31, 4, 38)}, {"newText", "the"}}}}}}}}};
  EXPECT_EQ(actions[0], replace);
  json disable = {{"title", "Disable typography-doubled-word for this line"},
                  {"kind", "quickfix"},
                  {"diagnostics", {doubled}},
                  {"edit",
                   {{"changes",
                     {{uri,
                       {{{"range", range(4, 0, 4, 0)},
                         {"newText", "<!-- wirelint-disable-next-line typography-doubled-word -->\n"}}}}}}}}};
  EXPECT_EQ(actions[1], disable);

  // The change fixed one finding; the other stays where it was.
  const json& changed = s.out[3];
  EXPECT_EQ(changed["params"]["version"], 2);
  ASSERT_EQ(codes_of(changed), (std::vector<std::string>{kSpaced}));
  EXPECT_EQ(span_of(changed["params"]["diagnostics"][0]), (std::vector<std::size_t>{4, 15, 4, 20}));
  // A zero-width range at the start of the line touches no finding.
  EXPECT_EQ(s.out[4].at("result"), json::array());

  // "Fine. And and the the\n" after the three changes: two doubled words.
  const json& rewritten = s.out[5];
  EXPECT_EQ(rewritten["params"]["version"], 3);
  ASSERT_EQ(codes_of(rewritten), (std::vector<std::string>{kDoubled, kDoubled}));
  EXPECT_EQ(span_of(rewritten["params"]["diagnostics"][0]), (std::vector<std::size_t>{0, 6, 0, 13}));
  EXPECT_EQ(span_of(rewritten["params"]["diagnostics"][1]), (std::vector<std::size_t>{0, 14, 0, 21}));
  EXPECT_EQ(s.out[6]["params"], rewritten["params"]);  // didSave lints the same buffer again

  // didClose clears the diagnostics; a closed document has no actions.
  EXPECT_EQ(s.out[7], json::parse(R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":")" +
                                  uri + R"(","diagnostics":[]}})"));
  EXPECT_EQ(s.out[8].at("result"), json::array());
}

// Background linting: edits queue a lint instead of running it; a newer edit replaces a queued
// lint of the same document; a finished lint of an older text is dropped; quick fixes wait for
// findings of the current text.
TEST(LspServer, BackgroundLintQueuesTheNewestTextAndDropsStaleResults) {
  std::string uri = "untitled:bg";
  Server server(engine());
  server.set_background_lint(true);
  auto handle = [&](const json& m) { return server.handle(m.dump()); };
  handle(initialize(1, {"utf-8"}));
  auto change = [&](int version, const std::string& text) {
    return handle(notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                                          {"contentChanges", {{{"text", text}}}}}));
  };
  EXPECT_EQ(handle(did_open(uri, "The U. S. said.\n")), std::vector<json>{});  // nothing published yet
  EXPECT_EQ(change(2, "They said the the plan.\n"), std::vector<json>{});
  ASSERT_TRUE(server.has_job());
  // The actions wait for findings of the current text.
  auto actions = handle(code_action(2, uri, range(0, 0, 0, 30)));
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0]["result"], json::array());

  auto job = server.take_job();
  ASSERT_TRUE(job.has_value());
  EXPECT_FALSE(server.has_job());  // the open's lint was replaced by the change's
  EXPECT_EQ(job->text, "They said the the plan.\n");
  EXPECT_EQ(job->version, 2);
  auto published = server.finish_job(*job, Server::lint_job(engine(), *job));
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["params"]["version"], 2);
  EXPECT_EQ(codes_of(published[0]), std::vector<std::string>{kDoubled});
  EXPECT_EQ(span_of(published[0]["params"]["diagnostics"][0]), (std::vector<std::size_t>{0, 10, 0, 17}));
  actions = handle(code_action(3, uri, range(0, 12, 0, 12)));
  ASSERT_EQ(actions[0]["result"].size(), 2u) << actions[0].dump(1);
  EXPECT_EQ(actions[0]["result"][0]["title"], "Replace with 'the'");

  // A lint that finishes after a newer edit is dropped; the newer one publishes.
  change(3, "The U. S. said.\n");
  auto old_job = *server.take_job();
  change(4, "Fine words.\n");
  EXPECT_EQ(server.finish_job(old_job, Server::lint_job(engine(), old_job)), std::vector<json>{});
  auto new_job = *server.take_job();
  published = server.finish_job(new_job, Server::lint_job(engine(), new_job));
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["params"]["version"], 4);
  EXPECT_EQ(codes_of(published[0]), std::vector<std::string>{});

  // Closing drops the queued lint; a lint of a closed document publishes nothing.
  change(5, "The U. S. said.\n");
  auto closed_job = *server.take_job();
  change(6, "The U. S. said again.\n");
  handle(notification("textDocument/didClose", {{"textDocument", {{"uri", uri}}}}));
  EXPECT_FALSE(server.has_job());
  EXPECT_EQ(server.finish_job(closed_job, Server::lint_job(engine(), closed_job)), std::vector<json>{});
}

// A NITF buffer is read as NITF, from its name and text as on the command line: findings at
// their place in the XML (past a reference), and the suppression quick fix is an XML comment.
TEST(LspServer, NitfBufferIsReadAsMarkup) {
  const std::string uri = "untitled:story.nitf.xml";
  const std::string text =
      "<?xml version=\"1.0\"?>\n<nitf><head><docdata><date.issue norm=\"20240501\"/></docdata></head>\n"
      "<body><body.content>\n<p>AT&amp;T said the U. S. army said the the plan.</p>\n</body.content></body></nitf>\n";
  Session s = run_server(frame(initialize(1, {"utf-16"})) + frame(did_open(uri, text)) +
                         frame(code_action(2, uri, range(3, 44, 3, 44))) + frame(request(3, "shutdown")) +
                         frame(notification("exit")));
  ASSERT_EQ(s.out.size(), 4u) << json(s.out).dump(1);
  const json& open = s.out[1];
  ASSERT_EQ(codes_of(open), (std::vector<std::string>{kSpaced, kDoubled}));
  // "<p>AT&amp;T said the " is 21 units: "U. S." starts at 21; "the the" at 37.
  EXPECT_EQ(span_of(open["params"]["diagnostics"][0]), (std::vector<std::size_t>{3, 21, 3, 26}));
  EXPECT_EQ(span_of(open["params"]["diagnostics"][1]), (std::vector<std::size_t>{3, 37, 3, 44}));
  const json& actions = s.out[2].at("result");
  ASSERT_EQ(actions.size(), 2u) << actions.dump(1);
  EXPECT_EQ(actions[0]["edit"]["changes"][uri][0]["newText"], "the");
  EXPECT_EQ(actions[1]["edit"]["changes"][uri][0]["newText"],
            "<!-- wirelint-disable-next-line typography-doubled-word -->\n");
}

// While the XML is broken, one error at the top of the buffer says where and why.
TEST(LspServer, BrokenNitfBufferShowsTheParseError) {
  const std::string uri = "untitled:story.nitf.xml";
  Session s = run_server(frame(initialize(1, {"utf-16"})) + frame(did_open(uri, "<nitf><body><p>the the</body></nitf>")) +
                         frame(code_action(2, uri, range(0, 0, 0, 0))) + frame(request(3, "shutdown")) +
                         frame(notification("exit")));
  const json* publish = nullptr;
  for (const auto& m : s.out)
    if (m.value("method", "") == "textDocument/publishDiagnostics") publish = &m;
  ASSERT_TRUE(publish) << json(s.out).dump(1);
  ASSERT_EQ(codes_of(*publish), std::vector<std::string>{"input"});
  EXPECT_EQ((*publish)["params"]["diagnostics"][0]["message"],
            "untitled:story.nitf.xml:1:30: not valid nitf: Opening and ending tag mismatch: p line 1 and body; not "
            "checked");
  EXPECT_EQ(span_of((*publish)["params"]["diagnostics"][0]), (std::vector<std::size_t>{0, 0, 0, 0}));
  for (const auto& m : s.out) {
    if (m.value("id", 0) == 2) {
      EXPECT_EQ(m["result"], json::array());  // nothing to fix or disable
    }
  }
}

TEST(LspServer, CodeActionsFollowTheClientsDiagnosticsAndKinds) {
  TempDir dir;
  std::string uri = dir.uri("story.txt");
  std::string text = "The U. S. army said the the plan.\r\n";
  json spaced_range = range(0, 4, 0, 9);
  std::string input =
      frame(initialize(1, {"utf-8"})) + frame(did_open(uri, text)) +
      // The whole line, but the client names only the spaced abbreviation.
      frame(code_action(2, uri, range(0, 0, 0, 35), {{{"range", spaced_range}, {"code", kSpaced}, {"message", "x"}}})) +
      // A diagnostic the server never published gets nothing.
      frame(code_action(3, uri, range(0, 0, 0, 35), {{{"range", range(0, 0, 0, 3)}, {"code", kSpaced}}})) +
      frame(request(4, "textDocument/codeAction",
                    {{"textDocument", {{"uri", uri}}},
                     {"range", range(0, 0, 0, 35)},
                     {"context", {{"diagnostics", json::array()}, {"only", {"refactor"}}}}})) +
      frame(request(5, "shutdown")) + frame(notification("exit"));
  Session s = run_server(input);
  EXPECT_EQ(s.code, 0);
  ASSERT_EQ(s.out.size(), 6u) << json(s.out).dump(1);
  EXPECT_EQ(s.out[0]["result"]["capabilities"]["positionEncoding"], "utf-8");
  ASSERT_EQ(codes_of(s.out[1]), (std::vector<std::string>{kSpaced, kDoubled}));
  EXPECT_EQ(s.out[1]["params"]["diagnostics"][0]["range"], spaced_range);
  const json& actions = s.out[2]["result"];
  ASSERT_EQ(actions.size(), 2u) << actions.dump(1);
  EXPECT_EQ(actions[0]["title"], "Replace with 'U.S.'");
  EXPECT_EQ(actions[0]["edit"]["changes"][uri][0], json({{"range", spaced_range}, {"newText", "U.S."}}));
  // Plain text takes the '#' directive, ended like the document's lines.
  EXPECT_EQ(actions[1]["edit"]["changes"][uri][0],
            json({{"range", range(0, 0, 0, 0)}, {"newText", "#wirelint-disable-next-line typography-spaced-abbreviation\r\n"}}));
  EXPECT_EQ(s.out[3]["result"], json::array());
  EXPECT_EQ(s.out[4]["result"], json::array());
}

// Neovim 0.7 negotiates UTF-16 but sends the diagnostics of a code-action request back with
// UTF-8 byte columns; a range that is ours in bytes still names our finding, one that is
// neither ours in UTF-16 nor in bytes still names nothing.
TEST(LspServer, CodeActionsAcceptTheClientsDiagnosticsInByteColumns) {
  TempDir dir;
  std::string uri = dir.uri("story.txt");
  std::string text = "\xE2\x80\x9CYes,\xE2\x80\x9D the U. S. army said the the plan.\n";
  json utf16 = range(0, 11, 0, 16), bytes = range(0, 15, 0, 20);
  std::string input =
      frame(initialize(1, {})) + frame(did_open(uri, text)) +
      frame(code_action(2, uri, range(0, 11, 0, 11), {{{"range", bytes}, {"code", kSpaced}}})) +
      frame(code_action(3, uri, range(0, 11, 0, 11), {{{"range", utf16}, {"code", kSpaced}}})) +
      frame(code_action(4, uri, range(0, 11, 0, 11), {{{"range", range(0, 13, 0, 18)}, {"code", kSpaced}}})) +
      frame(code_action(5, uri, range(0, 11, 0, 11), {{{"range", bytes}, {"code", kDoubled}}}));
  Session s = run_server(input);
  ASSERT_EQ(s.out.size(), 6u) << json(s.out).dump(1);
  EXPECT_EQ(s.out[0]["result"]["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_EQ(s.out[1]["params"]["diagnostics"][0]["range"], utf16);
  for (std::size_t i : {2u, 3u}) {
    const json& actions = s.out[i]["result"];
    ASSERT_EQ(actions.size(), 2u) << actions.dump(1);
    EXPECT_EQ(actions[0]["title"], "Replace with 'U.S.'");
    // The edit is always in the negotiated unit.
    EXPECT_EQ(actions[0]["edit"]["changes"][uri][0], json({{"range", utf16}, {"newText", "U.S."}}));
  }
  EXPECT_EQ(s.out[4]["result"], json::array());
  EXPECT_EQ(s.out[5]["result"], json::array());
}

// The edits the server offers are the ones that work: applying the "disable" action as the
// client would (an incremental change with its range and text) silences exactly that finding.
TEST(LspServer, AppliedDisableActionSilencesTheFinding) {
  TempDir dir;
  for (std::string name : {"story.md", "story.txt"}) {
    SCOPED_TRACE(name);
    std::string uri = dir.uri(name);
    std::string text = "Intro line.\nThe U. S. army said the the plan.\n";
    Session first = run_server(frame(initialize(1, {})) + frame(did_open(uri, text)) +
                               frame(code_action(2, uri, range(1, 21, 1, 21))));
    ASSERT_EQ(first.out.size(), 3u);
    const json& actions = first.out[2]["result"];
    ASSERT_EQ(actions.size(), 2u) << actions.dump(1);
    const json& edit = actions[1]["edit"]["changes"][uri][0];
    Session second = run_server(
        frame(initialize(1, {})) + frame(did_open(uri, text)) +
        frame(notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                                      {"contentChanges", {{{"range", edit["range"]}, {"text", edit["newText"]}}}}})));
    ASSERT_EQ(second.out.size(), 3u);
    EXPECT_EQ(codes_of(second.out[2]), (std::vector<std::string>{kSpaced})) << second.out[2].dump(1);
    // The abbreviation moved down one line with the inserted directive.
    EXPECT_EQ(span_of(second.out[2]["params"]["diagnostics"][0]), (std::vector<std::size_t>{2, 4, 2, 9}));
  }
}

TEST(LspServer, ConfigurationOfTheFilesFolderApplies) {
  TempDir dir;
  fs::create_directories(dir.path() / "desk");
  std::ofstream(dir.path() / "desk" / ".wirelint.toml") << "disable = [\"typography-doubled-word\"]\n";
  fs::create_directories(dir.path() / "broken");
  std::ofstream(dir.path() / "broken" / ".wirelint.toml") << "disable = [\n";
  std::string quiet = dir.uri("desk/a.md"), loud = dir.uri("b.md"), broken = dir.uri("broken/c.md");
  std::string input = frame(initialize(1, {})) + frame(did_open(quiet, kStory)) + frame(did_open(loud, kStory)) +
                      frame(did_open(broken, kStory)) + frame(did_open("untitled:Untitled-1", kStory));
  Session s = run_server(input);
  ASSERT_EQ(s.out.size(), 5u);
  EXPECT_EQ(codes_of(s.out[1]), (std::vector<std::string>{kSpaced}));
  EXPECT_EQ(codes_of(s.out[2]), (std::vector<std::string>{kSpaced, kDoubled}));
  // A configuration error is shown on the document rather than swallowed.
  ASSERT_EQ(codes_of(s.out[3]), (std::vector<std::string>{"configuration"}));
  const json& bad = s.out[3]["params"]["diagnostics"][0];
  EXPECT_EQ(bad["severity"], 1);
  EXPECT_EQ(span_of(bad), (std::vector<std::size_t>{0, 0, 0, 0}));
  EXPECT_NE(bad["message"].get<std::string>().find((dir.path() / "broken" / ".wirelint.toml").string()),
            std::string::npos)
      << bad["message"];
  // A buffer that was never saved is linted with the defaults.
  EXPECT_EQ(codes_of(s.out[4]), (std::vector<std::string>{kSpaced, kDoubled}));
}

// --- the binary over pipes ------------------------------------------------------------------

// `wirelint lsp` as a child process: we write its standard input and read its standard output
// through pipes, frame by frame, with a deadline so that a hung server fails the test.
class LspProcess {
 public:
  explicit LspProcess(const fs::path& cwd) {
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0) return;
    std::vector<std::string> env_strings = wirelint::testing_support::environment({"WIRELINT_DATA_DIR="});
    std::vector<char*> envp = wirelint::testing_support::c_strings(env_strings);
    std::string binary = WIRELINT_BINARY, arg = "lsp";
    char* argv[] = {binary.data(), arg.data(), nullptr};
    std::string err = (cwd / "stderr.log").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    for (int fd : {in[0], in[1], out[0], out[1]}) posix_spawn_file_actions_addclose(&actions, fd);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    to_ = in[1];
    from_ = out[0];
    if (rc != 0) pid_ = -1;
  }
  ~LspProcess() {
    if (to_ >= 0) close(to_);
    if (from_ >= 0) close(from_);
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool started() const { return pid_ > 0; }

  void write_bytes(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::write(to_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      ASSERT_GT(n, 0) << std::strerror(errno);
      done += static_cast<std::size_t>(n);
    }
  }
  void send(const json& message) { write_bytes(frame(message)); }

  // The next message, or a discarded value after 20 seconds without one.
  json receive() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (true) {
      std::size_t header_end = buffer_.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        std::size_t at = buffer_.find("Content-Length: ");
        std::size_t length = std::stoul(buffer_.substr(at + 16, header_end - at - 16));
        if (buffer_.size() >= header_end + 4 + length) {
          std::string body = buffer_.substr(header_end + 4, length);
          buffer_.erase(0, header_end + 4 + length);
          return json::parse(body, nullptr, false);
        }
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return json(json::value_t::discarded);
      pollfd p{from_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[4096];
      ssize_t n = ::read(from_, chunk, sizeof chunk);
      if (n == 0) return json(json::value_t::discarded);
      if (n > 0) buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  // Exit status once the process ends (or 128 + signal); -1 after 20 seconds.
  int wait() {
    for (int i = 0; i < 2000; ++i) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  std::string buffer_;
};

TEST(LspBinary, OpenChangeCodeActionMalformedShutdownOverPipes) {
  ASSERT_NE(std::string(WIRELINT_BINARY), "") << "the wirelint target was not built";
  TempDir dir;
  LspProcess server(dir.path());
  ASSERT_TRUE(server.started());
  std::string uri = dir.uri("wire story.md");

  // The initialize request arrives in three pieces, one of them inside the header.
  std::string init = frame(initialize(1, {"utf-16"}));
  server.write_bytes(init.substr(0, 7));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  server.write_bytes(init.substr(7, 30));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  server.write_bytes(init.substr(37));
  json init_reply = server.receive();
  ASSERT_FALSE(init_reply.is_discarded());
  EXPECT_EQ(init_reply["id"], 1);
  EXPECT_EQ(init_reply["result"]["capabilities"]["positionEncoding"], "utf-16");
  server.send(notification("initialized"));

  server.send(did_open(uri, kStory));
  json open = server.receive();
  ASSERT_FALSE(open.is_discarded());
  EXPECT_EQ(open["method"], "textDocument/publishDiagnostics");
  EXPECT_EQ(open["params"]["uri"], uri);
  EXPECT_EQ(open["params"]["version"], 1);
  ASSERT_EQ(codes_of(open), (std::vector<std::string>{kSpaced, kDoubled})) << open.dump(1);
  EXPECT_EQ(span_of(open["params"]["diagnostics"][0]), (std::vector<std::size_t>{4, 15, 4, 20}));
  EXPECT_EQ(span_of(open["params"]["diagnostics"][1]), (std::vector<std::size_t>{4, 31, 4, 38}));
  EXPECT_EQ(open["params"]["diagnostics"][0]["data"]["replacements"], json({"U.S."}));

  // An incremental change (with a Content-Type header, as VS Code sends) fixes the doubled word.
  json change = notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                                        {"contentChanges", {{{"range", range(4, 31, 4, 38)}, {"text", "the"}}}}});
  std::string body = change.dump();
  server.write_bytes("Content-Length: " + std::to_string(body.size()) +
                     "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body);
  json changed = server.receive();
  EXPECT_EQ(changed["params"]["version"], 2);
  ASSERT_EQ(codes_of(changed), (std::vector<std::string>{kSpaced}));
  json spaced = changed["params"]["diagnostics"][0];
  EXPECT_EQ(span_of(spaced), (std::vector<std::size_t>{4, 15, 4, 20}));

  server.send(code_action(2, uri, range(4, 16, 4, 16), {spaced}));
  json actions = server.receive();
  EXPECT_EQ(actions["id"], 2);
  ASSERT_EQ(actions["result"].size(), 2u) << actions.dump(1);
  EXPECT_EQ(actions["result"][0]["title"], "Replace with 'U.S.'");
  EXPECT_EQ(actions["result"][0]["isPreferred"], true);
  EXPECT_EQ(actions["result"][0]["edit"],
            json({{"changes", {{uri, {{{"range", range(4, 15, 4, 20)}, {"newText", "U.S."}}}}}}}));
  EXPECT_EQ(actions["result"][1]["edit"]["changes"][uri][0]["newText"],
            "<!-- wirelint-disable-next-line typography-spaced-abbreviation -->\n");

  // Malformed JSON gets a parse error, and the next request is still answered.
  server.write_bytes(raw_frame("{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": "));
  json parse_error = server.receive();
  EXPECT_EQ(parse_error["id"], nullptr);
  EXPECT_EQ(parse_error["error"]["code"], -32700);
  server.send(request(4, "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}}));
  json not_found = server.receive();
  EXPECT_EQ(not_found["id"], 4);
  EXPECT_EQ(not_found["error"]["code"], -32601);

  server.send(request(5, "shutdown"));
  EXPECT_EQ(server.receive(), json::parse(R"({"jsonrpc":"2.0","id":5,"result":null})"));
  server.send(notification("exit"));
  EXPECT_EQ(server.wait(), 0);
}

// `wirelint lsp` lints off its message loop: a request sent right after a long document is
// opened is answered before that document's findings are published.
TEST(LspBinary, RequestsAreAnsweredWhileALongDocumentIsLinted) {
  ASSERT_NE(std::string(WIRELINT_BINARY), "") << "the wirelint target was not built";
  TempDir dir;
  LspProcess server(dir.path());
  ASSERT_TRUE(server.started());
  server.send(initialize(1, {"utf-8"}));
  EXPECT_EQ(server.receive()["id"], 1);
  server.send(notification("initialized"));
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Officials in the capital said talks would go on through the week.\n";
  text += "The U. S. agreed.\n";  // 1.3 MB: its lint takes far longer than a request's answer
  std::string uri = dir.uri("long.txt");
  server.send(did_open(uri, text));
  server.send(code_action(2, uri, range(20000, 0, 20000, 5)));
  json first = server.receive();
  EXPECT_EQ(first["id"], 2) << first.dump().substr(0, 300);
  EXPECT_EQ(first["result"], json::array());  // no findings of this text yet
  json published = first.contains("method") ? first : server.receive();
  EXPECT_EQ(published["method"], "textDocument/publishDiagnostics");
  ASSERT_EQ(codes_of(published), std::vector<std::string>{kSpaced});
  EXPECT_EQ(span_of(published["params"]["diagnostics"][0]), (std::vector<std::size_t>{20000, 4, 20000, 9}));
  server.send(code_action(3, uri, range(20000, 5, 20000, 5)));
  json actions = server.receive();
  EXPECT_EQ(actions["id"], 3);
  ASSERT_EQ(actions["result"].size(), 2u);
  EXPECT_EQ(actions["result"][0]["title"], "Replace with 'U.S.'");
  server.send(request(4, "shutdown"));
  EXPECT_EQ(server.receive()["id"], 4);
  server.send(notification("exit"));
  EXPECT_EQ(server.wait(), 0);
}

TEST(LspBinary, ExitWithoutShutdownExitsOne) {
  ASSERT_NE(std::string(WIRELINT_BINARY), "") << "the wirelint target was not built";
  TempDir dir;
  LspProcess server(dir.path());
  ASSERT_TRUE(server.started());
  server.send(initialize(1, {}));
  EXPECT_EQ(server.receive()["id"], 1);
  server.send(notification("exit"));
  EXPECT_EQ(server.wait(), 1);
}

}  // namespace
}  // namespace wirelint::lsp
