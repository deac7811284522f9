#include "server/server.h"

#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>
#include <signal.h>
#include <unistd.h>

#include <condition_variable>
#include <map>
#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/check.h"

namespace wirelint::server {

using nlohmann::json;

namespace {

constexpr const char* kJson = "application/json";

// JSON text; bytes that are not UTF-8 (an error message may quote the request) become U+FFFD
// instead of throwing.
std::string to_text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json error_body(int status, const std::string& message) {
  return json{{"error", {{"status", status}, {"message", message}}}};
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(to_text(error_body(status, message)), kJson);
}

// The form fields of a request: its body (urlencoded or multipart) first, then its query string.
// The body is read here rather than by httplib, whose build caps urlencoded bodies at 8 KiB
// (CPPHTTPLIB_FORM_URL_ENCODED_PAYLOAD_MAX_LENGTH, fixed in Debian's shared library): a story
// is longer. The body limit is counted here too, so that a chunked body (no Content-Length to
// refuse up front) over it is a 413 with a reason.
class Form {
 public:
  std::optional<std::string> field(const httplib::Request& req, const std::string& name) const {
    auto it = fields_.find(name);
    if (it != fields_.end()) return it->second;
    if (req.has_param(name)) return req.get_param_value(name);
    return std::nullopt;
  }

  // Returns false when the body cannot be read (cut short, broken multipart, or more than
  // `max_bytes`: too_large()).
  bool read(const httplib::Request& req, const httplib::ContentReader* content, std::size_t max_bytes) {
    if (!content) return true;  // GET: the query string only
    auto room = [&](std::size_t size) {
      received_ += size;
      too_large_ = received_ > max_bytes;
      return !too_large_;
    };
    if (req.is_multipart_form_data()) {
      std::vector<httplib::MultipartFormData> parts;
      bool ok = (*content)(
          [&](const httplib::MultipartFormData& part) {
            parts.push_back(part);
            return room(part.name.size());
          },
          [&](const char* data, std::size_t size) {
            parts.back().content.append(data, size);
            return room(size);
          });
      for (auto& part : parts) fields_.emplace(part.name, std::move(part.content));
      return ok;
    }
    std::string body;
    bool ok = (*content)([&](const char* data, std::size_t size) {
      body.append(data, size);
      return room(size);
    });
    if (ok && req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
      parse_urlencoded(body);
    return ok;
  }

 private:
  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  static std::string decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '+') {
        out.push_back(' ');
      } else if (s[i] == '%') {
        int hi = i + 2 < s.size() ? hex(s[i + 1]) : -1, lo = i + 2 < s.size() ? hex(s[i + 2]) : -1;
        if (hi < 0 || lo < 0)
          throw RequestError("malformed percent-encoding in the form at '" + std::string(s.substr(i, 3)) + "'");
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
      } else {
        out.push_back(s[i]);
      }
    }
    return out;
  }
  void parse_urlencoded(std::string_view body) {
    while (!body.empty()) {
      std::size_t amp = body.find('&');
      std::string_view pair = body.substr(0, amp);
      body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
      if (pair.empty()) continue;
      std::size_t eq = pair.find('=');
      std::string name = decode(pair.substr(0, eq));
      fields_.emplace(std::move(name), eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1)));
    }
  }

  std::multimap<std::string, std::string> fields_;  // the first of a name counts
  std::size_t received_ = 0;
  bool too_large_ = false;

 public:
  bool too_large() const { return too_large_; }
};

// The outcome of one lint, shared by the request (which may stop waiting) and the lint thread.
struct Job {
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;
  int status = 200;
  std::string body;
};

}  // namespace

struct Server::Impl {
  const lint::Engine& engine;
  ServerOptions options;
  std::ostream* log;
  httplib::Server http;

  std::mutex mutex;  // guards running, waiting
  std::condition_variable idle_cv;
  std::size_t running = 0;  // lint threads alive (a timed-out one runs on to its end)
  // run()/stop() hand-over (under `mutex`): a stop before run() has entered httplib's loop
  // would be lost (httplib stops only a server already listening), so run() does not start
  // after a stop, and stop() waits for a run() under way to be listening before stopping it.
  bool stop_requested = false;
  std::atomic<bool> in_run{false};
  std::size_t waiting = 0;  // requests waiting for a lint slot

  Impl(const lint::Engine& e, ServerOptions o, std::ostream* l) : engine(e), options(std::move(o)), log(l) {}

  enum class Slot { taken, full, late };
  // A lint slot: at once if one is free, else in the queue (when it has room) until `until`.
  Slot take_slot(std::chrono::steady_clock::time_point until) {
    std::unique_lock<std::mutex> lock(mutex);
    if (running >= options.max_concurrent) {
      if (waiting >= options.max_queue) return Slot::full;
      ++waiting;
      bool free = idle_cv.wait_until(lock, until, [&] { return running < options.max_concurrent; });
      --waiting;
      if (!free) return Slot::late;
    }
    ++running;
    return Slot::taken;
  }
  void too_slow(httplib::Response& res) {
    res.set_header("Retry-After", "1");
    send_error(res, 503, "the check took longer than " + std::to_string(options.deadline.count()) + " ms");
  }
  void wait_idle() {
    std::unique_lock<std::mutex> lock(mutex);
    idle_cv.wait(lock, [&] { return running == 0; });
  }
  void give_slot() {
    std::lock_guard<std::mutex> lock(mutex);
    --running;
    idle_cv.notify_all();
  }

  void handle_check(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* content) {
    // The deadline counts from here (the headers are in): reading the body, waiting, linting.
    const auto until = std::chrono::steady_clock::now() + options.deadline;
    CheckRequest request;
    try {
      Form form;
      if (!form.read(req, content, options.max_body_bytes)) {
        if (form.too_large() || res.status == 413)
          return send_error(res, 413, "request body larger than " + std::to_string(options.max_body_bytes) + " bytes");
        return send_error(res, 400, "the request body could not be read (cut short, or malformed multipart)");
      }
      request = parse_check_request([&](const std::string& name) { return form.field(req, name); });
    } catch (const RequestError& e) {
      return send_error(res, 400, e.what());
    }
    switch (take_slot(until)) {
      case Slot::taken:
        break;
      case Slot::full:
        res.set_header("Retry-After", "1");
        return send_error(res, 503, "too many requests at once (" + std::to_string(options.max_concurrent) +
                                        " being checked, " + std::to_string(options.max_queue) + " waiting); try again");
      case Slot::late:
        return too_slow(res);
    }
    auto job = std::make_shared<Job>();
    try {
      std::thread([this, job, request = std::move(request)] {
        int status = 200;
        std::string body;
        try {
          if (options.before_lint) options.before_lint();
          body = to_text(check(engine, request, options.style, Date::today()));
        } catch (const std::exception& e) {
          status = 500;
          body = to_text(error_body(500, std::string("internal error: ") + e.what()));
        }
        // The slot is free before the answer is: a client that sends its next request on the
        // answer must find it free. From here the thread touches only the job it co-owns.
        give_slot();
        {
          std::lock_guard<std::mutex> lock(job->mutex);
          job->status = status;
          job->body = std::move(body);
          job->done = true;
        }
        job->done_cv.notify_all();
      }).detach();
    } catch (const std::system_error&) {
      give_slot();
      return send_error(res, 503, "cannot start a thread for the check; try again");
    }
    std::unique_lock<std::mutex> lock(job->mutex);
    if (!job->done_cv.wait_until(lock, until, [&] { return job->done; })) return too_slow(res);
    res.status = job->status;
    res.set_content(std::move(job->body), kJson);
  }

  void routes() {
    http.Post("/v2/check", [this](const httplib::Request& req, httplib::Response& res,
                                  const httplib::ContentReader& content) { handle_check(req, res, &content); });
    http.Get("/v2/check",
             [this](const httplib::Request& req, httplib::Response& res) { handle_check(req, res, nullptr); });
    http.Get("/v2/languages", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(languages().dump(), kJson);
    });
    http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"status":"ok"})", kJson);
    });
    // Before the body is read: a body announced too large is refused at once (httplib would
    // first read and discard it, up to its read timeout), and so is a length that is no number.
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      const std::string length = req.get_header_value("Content-Length");
      if (length.empty()) return httplib::Server::HandlerResponse::Unhandled;
      bool digits = length.size() <= 19 && length.find_first_not_of("0123456789") == std::string::npos;
      if (digits && std::stoull(length) <= options.max_body_bytes) return httplib::Server::HandlerResponse::Unhandled;
      res.set_header("Connection", "close");  // the body is left unread
      if (!digits && length.find_first_not_of("0123456789") != std::string::npos)
        send_error(res, 400, "Content-Length is not a number: '" + length.substr(0, 40) + "'");
      else
        send_error(res, 413, "request body larger than " + std::to_string(options.max_body_bytes) + " bytes");
      return httplib::Server::HandlerResponse::Handled;
    });
    // Statuses httplib sets itself (404, 413, 400 for a request it cannot parse) get a JSON body.
    http.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req,
                                                                       httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      std::string message = res.status == 404   ? "no such path: " + req.method + " " + req.path
                            : res.status == 413 ? "request body larger than " + std::to_string(options.max_body_bytes) + " bytes"
                            : res.status == 400 ? "malformed HTTP request or form data"
                                                : "HTTP error " + std::to_string(res.status);
      send_error(res, res.status, message);
      return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
      std::string what = "unknown";
      try {
        if (error) std::rethrow_exception(error);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      send_error(res, 500, "internal error: " + what);
    });
  }
};

Server::Server(const lint::Engine& engine, ServerOptions options, std::ostream* log)
    : impl_(std::make_unique<Impl>(engine, std::move(options), log)) {
  auto& o = impl_->options;
  if (o.max_concurrent == 0) o.max_concurrent = 1;
  if (o.connection_threads == 0) o.connection_threads = 1;
  std::size_t threads = o.connection_threads;
  impl_->http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // A backstop for every route; /v2/check counts its body itself (Form::read) and stops first.
  impl_->http.set_payload_max_length(2 * o.max_body_bytes + (std::size_t{64} << 10));
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the
  // client's delayed ACK add some 40 ms to every response.
  impl_->http.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server on the
  // same port starts without complaint and takes half of the first one's connections.
  impl_->http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  impl_->http.set_read_timeout(5, 0);
  impl_->http.set_write_timeout(5, 0);
  impl_->http.set_keep_alive_timeout(2);
  impl_->http.set_keep_alive_max_count(100);
  impl_->routes();
}

Server::~Server() { stop(); }

int Server::bind() {
  const auto& o = impl_->options;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host) : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port <= 0) throw ServerError("cannot listen on " + o.host + ":" + std::to_string(o.port));
  port_ = port;
  return port;
}

void Server::run() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->stop_requested) return;
    impl_->in_run = true;
  }
  impl_->http.listen_after_bind();  // returns when every connection thread has finished
  impl_->in_run = false;
  impl_->wait_idle();
}

void Server::stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stop_requested = true;
  }
  while (impl_->in_run && !impl_->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->http.stop();
  impl_->wait_idle();
}

int serve(const lint::Engine& engine, ServerOptions options, std::ostream& log) {
  // Signals are taken by sigwait below, never by a handler: every thread started from here
  // inherits the mask, so stop() runs on an ordinary thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Server server(engine, options, &log);
  try {
    server.bind();
  } catch (const ServerError& e) {
    log << "wirelint serve: " << e.what() << "\n";
    return 2;
  }
  log << "wirelint serve: listening on http://" << options.host << ":" << server.port()
      << "/v2/check (LanguageTool API)\n"
      << std::flush;
  std::thread listener([&server] {
    server.run();
    kill(getpid(), SIGTERM);  // ends the sigwait if the listener stops on its own
  });
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  log << "wirelint serve: stopping (signal " << signal_number << "); finishing requests in flight\n" << std::flush;
  server.stop();
  listener.join();
  return 0;
}

}  // namespace wirelint::server
