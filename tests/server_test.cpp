// `wirelint serve`: LanguageTool's HTTP API, tested over real HTTP on an ephemeral loopback port
// with cpp-httplib's client (a request as a LanguageTool client sends it: a urlencoded or
// multipart form), plus raw bytes for what no well-behaved client sends.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "lint/engine.h"
#include "server/check.h"
#include "server/server.h"

namespace {

using nlohmann::json;
using wirelint::server::Server;
using wirelint::server::ServerOptions;

const wirelint::lint::Engine& engine() {
  static const wirelint::lint::Engine* e = new wirelint::lint::Engine(WIRELINT_SOURCE_DIR);
  return *e;
}

// A server on a free loopback port, serving on a thread of its own until destroyed.
class Running {
 public:
  explicit Running(ServerOptions options = {}) : server_(engine(), adjust(std::move(options))) {
    port_ = server_.bind();
    thread_ = std::thread([this] { server_.run(); });
  }
  ~Running() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(20, 0);
    return c;
  }
  Server& server() { return server_; }

 private:
  static ServerOptions adjust(ServerOptions o) {
    o.port = 0;
    return o;
  }
  Server server_;
  int port_ = 0;
  std::thread thread_;
};

json body_of(const httplib::Result& r) {
  EXPECT_TRUE(r) << "no response";
  if (!r) return json();
  return json::parse(r->body, nullptr, false);
}

// Matches of one rule in a /v2/check response.
std::vector<json> matches_of(const json& response, const std::string& rule) {
  std::vector<json> out;
  for (const auto& m : response["matches"])
    if (m["rule"]["id"] == rule) out.push_back(m);
  return out;
}

const char* kDoubled = "typography-doubled-word";

TEST(Server, DoubledWordAsLanguageToolAnswersIt) {
  Running s;
  auto r = s.client().Post("/v2/check", httplib::Params{{"text", "The the ministry said."}, {"language", "en-US"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  json j = body_of(r);
  EXPECT_EQ(j["software"]["name"], "wirelint");
  EXPECT_EQ(j["language"]["code"], "en-US");
  auto found = matches_of(j, kDoubled);
  ASSERT_EQ(found.size(), 1u) << j.dump(2);
  const json& m = found[0];
  EXPECT_EQ(m["offset"], 0);
  EXPECT_EQ(m["length"], 7);
  ASSERT_EQ(m["replacements"].size(), 1u);
  EXPECT_EQ(m["replacements"][0]["value"], "The");
  EXPECT_EQ(m["message"], "Doubled word 'The the': write 'The'");
  EXPECT_EQ(m["shortMessage"], "");
  EXPECT_EQ(m["context"]["text"], "The the ministry said.");
  EXPECT_EQ(m["context"]["offset"], 0);
  EXPECT_EQ(m["context"]["length"], 7);
  EXPECT_EQ(m["sentence"], "The the ministry said.");
  EXPECT_EQ(m["rule"]["issueType"], "typographical");
  EXPECT_EQ(m["rule"]["category"]["id"], "TYPOGRAPHY");
  EXPECT_EQ(m["rule"]["category"]["name"], "Typography");
  EXPECT_EQ(m["rule"]["description"],
            "The same word twice in a row with only whitespace between (\"the the\"), including across a line break.");
}

TEST(Server, OffsetsAreUtf16CodeUnits) {
  Running s;
  // U+1F600 is four UTF-8 bytes and two UTF-16 units; "é" two bytes and one unit.
  std::string text = "Officials \xF0\x9F\x98\x80 caf\xC3\xA9 said the the plan was ready.";
  json j = body_of(s.client().Post("/v2/check", httplib::Params{{"text", text}, {"language", "en-US"}}));
  auto found = matches_of(j, kDoubled);
  ASSERT_EQ(found.size(), 1u) << j.dump(2);
  // "Officials " 10 + emoji 2 + " café said " 11 = 23 units (26 bytes).
  EXPECT_EQ(found[0]["offset"], 23);
  EXPECT_EQ(found[0]["length"], 7);
  EXPECT_EQ(found[0]["context"]["offset"], 23);
}

TEST(Server, RuleAndCategorySelection) {
  Running s;
  auto c = s.client();
  const std::string text = "The the ministry said.";
  json off = body_of(c.Post("/v2/check", httplib::Params{{"text", text}, {"disabledRules", std::string("NOT_A_RULE,") + kDoubled}}));
  EXPECT_TRUE(matches_of(off, kDoubled).empty()) << off.dump(2);
  json cat_off = body_of(c.Post("/v2/check", httplib::Params{{"text", text}, {"disabledCategories", "typography"}}));
  EXPECT_TRUE(matches_of(cat_off, kDoubled).empty());
  // Only the doubled-word rule: the misspelling "goverment" is not reported.
  const std::string two = "The the goverment said.";
  json all = body_of(c.Post("/v2/check", httplib::Params{{"text", two}}));
  EXPECT_GE(all["matches"].size(), 2u) << all.dump(2);
  json only = body_of(c.Post("/v2/check", httplib::Params{{"text", two}, {"enabledRules", kDoubled}, {"enabledOnly", "true"}}));
  ASSERT_EQ(only["matches"].size(), 1u) << only.dump(2);
  EXPECT_EQ(only["matches"][0]["rule"]["id"], kDoubled);
  json cat_only = body_of(c.Post("/v2/check", httplib::Params{{"text", two}, {"enabledCategories", "TYPOGRAPHY"}, {"enabledOnly", "true"}}));
  for (const auto& m : cat_only["matches"]) EXPECT_EQ(m["rule"]["category"]["id"], "TYPOGRAPHY");
  EXPECT_EQ(matches_of(cat_only, kDoubled).size(), 1u);
}

TEST(Server, AnnotatedDataCountsMarkupAndLintsOnlyText) {
  Running s;
  json data = json::parse(R"({"annotation":[
      {"markup":"<p><b>the the</b>"},
      {"text":"The the ministry said."},
      {"markup":"</p>\n<p>","interpretAs":"\n\n"},
      {"text":"It said it it would."}]})");
  json j = body_of(s.client().Post("/v2/check", httplib::Params{{"data", data.dump()}, {"language", "en-US"}}));
  auto found = matches_of(j, kDoubled);
  ASSERT_EQ(found.size(), 2u) << j.dump(2);
  EXPECT_EQ(found[0]["offset"], 17);  // after "<p><b>the the</b>" (17 units): the markup is not linted
  EXPECT_EQ(found[0]["length"], 7);
  // 17 + 22 + 8 ("</p>\n<p>") + "It said " 8 = 55.
  EXPECT_EQ(found[1]["offset"], 55);
  EXPECT_EQ(found[1]["length"], 5);
}

TEST(Server, AFindingAcrossMarkupCoversIt) {
  Running s;
  // "the <b>the</b> plan": the linted text is "the the plan"; the finding spans the tag.
  json data = json::parse(R"({"annotation":[{"text":"Officials said the "},{"markup":"<b>"},{"text":"the"},
                                            {"markup":"</b>"},{"text":" plan was ready."}]})");
  json j = body_of(s.client().Post("/v2/check", httplib::Params{{"data", data.dump()}}));
  auto found = matches_of(j, kDoubled);
  ASSERT_EQ(found.size(), 1u) << j.dump(2);
  EXPECT_EQ(found[0]["offset"], 15);
  EXPECT_EQ(found[0]["length"], 10);  // "the <b>the"
}

TEST(Server, APortInUseIsAnError) {
  Running s;
  ServerOptions o;
  o.port = s.port();
  Server second(engine(), o);
  EXPECT_THROW(second.bind(), wirelint::server::ServerError);
}

TEST(Server, GetWithAQueryString) {
  Running s;
  json j = body_of(s.client().Get("/v2/check?language=en-US&text=The%20the%20ministry%20said."));
  auto found = matches_of(j, kDoubled);
  ASSERT_EQ(found.size(), 1u) << j.dump(2);
  EXPECT_EQ(found[0]["offset"], 0);
}

TEST(Server, LongStoryInAUrlencodedForm) {
  Running s;
  // Well past httplib's own 8 KiB cap on urlencoded bodies: the server reads the form itself.
  std::string text;
  while (text.size() < 200000) text += "The ministry said the plan was ready. ";
  std::size_t before = text.size();
  text += "Officials said the the plan was ready.";
  auto r = s.client().Post("/v2/check", httplib::Params{{"text", text}, {"language", "en-US"}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 200);
  auto found = matches_of(json::parse(r->body), kDoubled);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["offset"], before + 15);
  EXPECT_EQ(found[0]["sentence"], "Officials said the the plan was ready.");
}

TEST(Server, MultipartFormIsRead) {
  Running s;
  httplib::MultipartFormDataItems items = {{"text", "The the ministry said.", "", ""}, {"language", "en-GB", "", ""}};
  json j = body_of(s.client().Post("/v2/check", items));
  EXPECT_EQ(j["language"]["code"], "en-GB");
  EXPECT_EQ(matches_of(j, kDoubled).size(), 1u) << j.dump(2);
}

TEST(Server, LanguagesAndHealth) {
  Running s;
  auto c = s.client();
  auto langs = c.Get("/v2/languages");
  ASSERT_TRUE(langs);
  EXPECT_EQ(langs->status, 200);
  json l = json::parse(langs->body);
  std::vector<std::string> codes;
  for (const auto& x : l) codes.push_back(x["longCode"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"en", "en-US", "en-GB"}));
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["status"], "ok");
}

void expect_error(const httplib::Result& r, int status, const std::string& needle) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, status) << r->body;
  json j = json::parse(r->body, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r->body;
  EXPECT_EQ(j["error"]["status"], status);
  EXPECT_NE(j["error"]["message"].get<std::string>().find(needle), std::string::npos) << r->body;
}

TEST(Server, BadRequestsAre400WithAReason) {
  Running s;
  auto c = s.client();
  expect_error(c.Post("/v2/check", httplib::Params{{"language", "en-US"}}), 400, "missing 'text' or 'data'");
  expect_error(c.Post("/v2/check", httplib::Params{{"text", "a"}, {"data", "{}"}}), 400, "not both");
  expect_error(c.Post("/v2/check", httplib::Params{{"data", "{\"annotation\":[{\"text\":"}}), 400, "not valid JSON");
  expect_error(c.Post("/v2/check", httplib::Params{{"data", "[1,2]"}}), 400, "'annotation' array");
  expect_error(c.Post("/v2/check", httplib::Params{{"data", R"({"annotation":[{"text":"a","markup":"b"}]})"}}), 400,
               "annotation[0] needs exactly one");
  expect_error(c.Post("/v2/check", httplib::Params{{"data", R"({"annotation":[{"text":5}]})"}}), 400, "not a string");
  expect_error(c.Post("/v2/check", httplib::Params{{"data", R"({"annotation":[{"markup":"<b>","interpretAs":[]}]})"}}),
               400, "'interpretAs' is not a string");
  expect_error(c.Post("/v2/check", "text=%FF%FEabc", "application/x-www-form-urlencoded"), 400, "not valid UTF-8");
  expect_error(c.Post("/v2/check", httplib::Params{{"text", "a"}, {"language", "de-DE"}}), 400, "not supported");
  // A reason that quotes bytes that are not UTF-8 is still JSON (they become U+FFFD).
  expect_error(c.Post("/v2/check", "text=a&language=%FF", "application/x-www-form-urlencoded"), 400, "not supported");
  expect_error(c.Post("/v2/check", httplib::Params{{"text", "a"}, {"enabledOnly", "true"}}), 400, "enabledOnly");
  expect_error(c.Post("/v2/check", httplib::Params{{"text", "a"}, {"enabledOnly", "perhaps"}}), 400, "true or false");
  expect_error(c.Post("/v2/check", "{\"text\":\"a\"}", "application/json"), 400, "missing 'text' or 'data'");
  expect_error(c.Post("/v2/check", "text=50%+off", "application/x-www-form-urlencoded"), 400, "percent-encoding");
  expect_error(c.Post("/v2/check", "text=abc%4", "application/x-www-form-urlencoded"), 400, "percent-encoding");
  // Broken multipart: a boundary that never comes.
  expect_error(c.Post("/v2/check", "--xyz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nabc",
                      "multipart/form-data; boundary=xyz"),
               400, "");
  // Still serving.
  auto ok = c.Post("/v2/check", httplib::Params{{"text", "The the ministry said."}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

// Sends raw bytes and returns what comes back (until the server closes or 2 s pass).
std::string raw_exchange(int port, const std::string& bytes) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "connect failed";
  }
  timeval tv{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  (void)!write(fd, bytes.data(), bytes.size());  // no half-close: httplib drops a closing client
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  close(fd);
  return out;
}

TEST(Server, MalformedHttpDoesNotHurtTheServer) {
  Running s;
  std::string garbage = raw_exchange(s.port(), "GARBAGE\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(garbage.rfind("HTTP/1.1 400", 0), 0u) << garbage;
  raw_exchange(s.port(), std::string("\0\xff\x01 POST / HTTP/9\r\n", 19));
  raw_exchange(s.port(), "POST /v2/check HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort");  // body never completes
  std::string negative = raw_exchange(s.port(), "POST /v2/check HTTP/1.1\r\nContent-Length: -5\r\nConnection: close\r\n\r\n");
  EXPECT_NE(negative.find("Content-Length is not a number"), std::string::npos) << negative;
  std::string chunked = raw_exchange(
      s.port(), "POST /v2/check HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n");
  EXPECT_EQ(chunked.rfind("HTTP/1.1 400", 0), 0u) << chunked;
  auto health = s.client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// Random bytes, forms and annotations (fixed seed): every answer is 200 or 400, never a crash.
TEST(Server, RandomInputGetsAnAnswer) {
  Running s;
  auto c = s.client();
  std::mt19937 rng(14);
  std::string alphabet = std::string("aZ =&%+,.;{}[]\"\\:<>\n\r\t") + "\xC3\xA9\xF0\x9F\x98\x80\xFF";
  alphabet.push_back('\0');
  auto bytes = [&](std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(alphabet[rng() % alphabet.size()]);
    return out;
  };
  const char* types[] = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "text/plain",
                         "application/json"};
  for (int i = 0; i < 300; ++i) {
    std::string body;
    switch (i % 3) {
      case 0: body = bytes(rng() % 200); break;
      case 1: body = "text=" + bytes(rng() % 200) + "&enabledRules=" + bytes(rng() % 20); break;
      default: body = "data={\"annotation\":[{\"text\":\"" + bytes(rng() % 50) + "\"},{\"markup\":\"" + bytes(rng() % 20) + "\"}]}"; break;
    }
    auto r = c.Post("/v2/check", body, types[rng() % 4]);
    ASSERT_TRUE(r) << "request " << i;
    EXPECT_TRUE(r->status == 200 || r->status == 400) << "request " << i << ": " << r->status << " " << r->body;
    EXPECT_TRUE(json::parse(r->body, nullptr, false).is_object()) << r->body;
  }
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST(Server, OversizedBodyIs413) {
  ServerOptions o;
  o.max_body_bytes = 1000;
  Running s(o);
  expect_error(s.client().Post("/v2/check", httplib::Params{{"text", std::string(2000, 'a')}}), 413, "larger than 1000");
  httplib::MultipartFormDataItems items = {{"text", std::string(2000, 'a'), "", ""}};
  expect_error(s.client().Post("/v2/check", items), 413, "larger than 1000");
  // Chunked: no Content-Length to refuse up front; httplib counts while reading.
  std::string chunk(1500, 'a');
  std::string chunked = raw_exchange(s.port(),
                                     "POST /v2/check HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
                                     "Content-Type: application/x-www-form-urlencoded\r\n\r\n5DC\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.rfind("HTTP/1.1 413", 0), 0u) << chunked;
  auto ok = s.client().Post("/v2/check", httplib::Params{{"text", std::string(500, 'a')}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST(Server, UnknownPathIs404) {
  Running s;
  expect_error(s.client().Get("/v2/nothing"), 404, "/v2/nothing");
  expect_error(s.client().Post("/healthz", "x", "text/plain"), 404, "POST /healthz");
}

TEST(Server, FullIs503AndSlotsComeBack) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> started{0};
  ServerOptions o;
  o.max_concurrent = 1;
  o.max_queue = 0;
  o.before_lint = [&] {
    if (started++ == 0) released.wait();
  };
  Running s(o);
  auto first = std::async(std::launch::async, [&] {
    return s.client().Post("/v2/check", httplib::Params{{"text", "The the ministry said."}});
  });
  while (started.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto busy = s.client().Post("/v2/check", httplib::Params{{"text", "a"}});
  expect_error(busy, 503, "too many requests");
  EXPECT_EQ(busy->get_header_value("Retry-After"), "1");
  release.set_value();
  auto r = first.get();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto again = s.client().Post("/v2/check", httplib::Params{{"text", "a"}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST(Server, ARequestWaitsInTheQueueForASlot) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> started{0};
  ServerOptions o;
  o.max_concurrent = 1;
  o.max_queue = 1;
  o.before_lint = [&] {
    if (started++ == 0) released.wait();
  };
  Running s(o);
  auto check = [&] { return s.client().Post("/v2/check", httplib::Params{{"text", "The the ministry said."}}); };
  auto first = std::async(std::launch::async, check);
  while (started.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto second = std::async(std::launch::async, check);  // waits in the queue
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  expect_error(check(), 503, "1 waiting");  // the queue is full
  release.set_value();
  for (auto* f : {&first, &second}) {
    auto r = f->get();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_EQ(started.load(), 2);
}

TEST(Server, MissedDeadlineIs503) {
  ServerOptions o;
  o.deadline = std::chrono::milliseconds(100);
  o.before_lint = [] { std::this_thread::sleep_for(std::chrono::milliseconds(400)); };
  Running s(o);
  auto start = std::chrono::steady_clock::now();
  expect_error(s.client().Post("/v2/check", httplib::Params{{"text", "a"}}), 503, "longer than 100 ms");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(350));
}

TEST(Server, StopFinishesRequestsInFlight) {
  ServerOptions o;
  std::atomic<bool> started{false};
  o.before_lint = [&] {
    started = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  };
  auto s = std::make_unique<Running>(o);
  auto pending = std::async(std::launch::async, [&] {
    return s->client().Post("/v2/check", httplib::Params{{"text", "The the ministry said."}});
  });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  int port = s->port();
  s.reset();  // stop() and join while the lint sleeps
  auto r = pending.get();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(matches_of(json::parse(r->body), kDoubled).size(), 1u);
  httplib::Client late("127.0.0.1", port);
  late.set_connection_timeout(1, 0);
  EXPECT_FALSE(late.Get("/healthz"));
}

}  // namespace
