// `wirelint serve`: an HTTP server that speaks LanguageTool's API (server/check.h), so that
// editor plug-ins and browser extensions made for a LanguageTool server use wirelint instead.
//
//   POST|GET /v2/check   form fields (urlencoded or multipart) -> LanguageTool's JSON
//   GET /v2/languages    en, en-US, en-GB
//   GET /healthz         {"status":"ok"}
//
// HTTP is cpp-httplib (Debian's libcpp-httplib-dev). One Engine, loaded before the server
// starts, serves every request; each lint runs on a thread of its own so that the request can
// give up at its deadline. Limits, each answered with a JSON body {"error":{"status","message"}}:
// a body over `max_body_bytes` is 413; a request not answered within `deadline` of its headers
// (reading, waiting for a slot, linting) is 503 (a lint under way runs to its end and holds its
// slot); at most `max_concurrent` lints run at once and `max_queue` requests wait for one, a
// request beyond those is 503 at once; both 503s carry Retry-After; malformed fields or `data` are 400; an unknown path (or method) 404.
// Slow or idle connections are cut by httplib's read and keep-alive timeouts.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "lint/engine.h"

namespace wirelint::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8081;  // 0: any free port (see Server::port)
  std::size_t max_body_bytes = std::size_t{1} << 20;
  std::chrono::milliseconds deadline{10000};
  std::size_t max_concurrent = 4;  // lints at once
  std::size_t max_queue = 8;       // requests waiting for a lint slot; more are 503 at once
  std::size_t connection_threads = 16;  // connections served at once; more wait in a queue
  std::string style;               // house style for every request ("" for none)
  // Tests only: runs on the lint thread before each lint (to hold a slot, or to be slow).
  std::function<void()> before_lint;
};

class ServerError : public std::runtime_error {
 public:
  explicit ServerError(const std::string& what) : std::runtime_error(what) {}
};

class Server {
 public:
  Server(const lint::Engine& engine, ServerOptions options, std::ostream* log = nullptr);
  ~Server();  // stop()s
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket; throws ServerError when it cannot. Returns the port bound.
  int bind();
  int port() const { return port_; }
  // Serves until stop(); call after bind(), on a thread of its own if stop() comes from this one.
  void run();
  // Stops accepting, lets requests in flight finish, waits for running lints. Thread-safe,
  // idempotent; not for signal handlers (see serve()).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

// Binds, serves until SIGTERM or SIGINT, then stops gracefully. Returns the exit code: 0, or 2
// when the socket cannot be bound. Blocks those signals in the calling thread (and so in every
// thread it starts): call it before starting other threads.
int serve(const lint::Engine& engine, ServerOptions options, std::ostream& log);

}  // namespace wirelint::server
