#include "lint/batch.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "input/reader.h"
#include "lint/session.h"

namespace wirelint::lint {
namespace {

using Json = nlohmann::ordered_json;

struct Line {
  std::size_t index = 0;   // position in the output order
  std::size_t number = 0;  // line number in the input
  std::string text;
  bool too_long = false;
};

// Reads one line of at most `max` bytes into `line` (without its '\n'); a longer line is
// skipped to its end and marked too long. False at the end of input.
bool read_line(std::istream& in, std::size_t max, Line& line) {
  line.text.clear();
  line.too_long = false;
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (;;) {
    int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) return any;
    any = true;
    if (c == '\n') return true;
    if (line.too_long) continue;
    if (line.text.size() >= max) {
      line.too_long = true;
      line.text.clear();
      line.text.shrink_to_fit();
      continue;
    }
    line.text.push_back(static_cast<char>(c));
  }
}

struct Outcome {
  std::string json;   // the output line, without its '\n'
  std::string error;  // non-empty: the line could not be linted
  std::size_t number = 0;  // the input line
  std::size_t counts[3] = {0, 0, 0};  // findings per severity
};

Json id_of(const Json& story, std::size_t number) {
  if (story.is_object() && story.contains("id")) return story["id"];
  return Json(number);
}

Outcome lint_line(const Engine& engine, const RuleSelection& selection, const BatchOptions& options,
                  const Line& line) {
  Outcome out;
  auto fail = [&](const Json& id, const std::string& why) {
    out.error = why;
    out.json = Json{{"id", id}, {"line", line.number}, {"error", why}}.dump(-1, ' ', false,
                                                                           Json::error_handler_t::replace);
    return out;
  };
  if (line.too_long)
    return fail(Json(line.number), "line longer than " + std::to_string(options.max_bytes) + " bytes");
  Json story = Json::parse(line.text, nullptr, false);
  if (story.is_discarded() || !story.is_object()) return fail(Json(line.number), "not a JSON object");
  Json id = id_of(story, line.number);
  const char* field = story.contains("text") ? "text" : "body";
  if (!story.contains(field) || !story[field].is_string()) return fail(id, "expected a \"text\" or \"body\" string");
  Date date = options.default_date;
  if (story.contains("date")) {
    if (!story["date"].is_string()) return fail(id, "\"date\": expected YYYY-MM-DD");
    auto d = Date::parse(story["date"].get<std::string>().substr(0, 10));
    if (!d) return fail(id, "\"date\": expected YYYY-MM-DD, got '" + story["date"].get<std::string>() + "'");
    date = *d;
  }
  InputFormat format = InputFormat::plain;
  if (story.contains("format")) {
    auto f = story["format"].is_string() ? input::parse_format_name(story["format"].get<std::string>())
                                         : std::nullopt;
    if (!f) return fail(id, "\"format\": expected plain, markdown, nitf, newsml or html");
    format = *f;
  }
  std::string name = options.name + ":" + std::to_string(line.number);
  auto prepared = input::prepare(name, story[field].get<std::string>(), format);
  const Document& doc = *prepared.doc;
  if (prepared.error_offset) {
    Position at = doc.lines.position(*prepared.error_offset);
    return fail(id, "story line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
                        ": not valid " + input::format_name(format) + ": " + prepared.error);
  }
  // A date in the story's own markup (a NITF or NewsML-G2 item) is used when the line has none.
  if (!story.contains("date") && doc.date) date = *doc.date;
  auto diagnostics = diagnose(engine, doc, selection, date, prepared.invalid_utf8_offset);
  for (const Diagnostic& d : diagnostics) ++out.counts[static_cast<int>(d.severity)];
  out.json = Json{{"id", id}, {"line", line.number}}.dump(-1, ' ', false, Json::error_handler_t::replace);
  out.json.pop_back();  // the closing brace: the findings go in as they are written
  out.json += ",\"diagnostics\":" + options.diagnostics_json(doc, diagnostics) + "}";
  return out;
}

}  // namespace

BatchResult run_batch(const Engine& engine, const RuleSelection& selection, std::istream& in, std::ostream& out,
                      std::ostream& errors, const BatchOptions& options) {
  const unsigned jobs = options.jobs == 0 ? 1 : options.jobs;
  // Stories read but not yet written: the reader waits when this many are in flight, so memory
  // holds a few stories per worker whatever the archive's size.
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);

  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Line> queue;
  std::map<std::size_t, Outcome> done;  // finished, waiting for the ones before them
  std::size_t next_to_write = 0, read = 0;
  bool input_ended = false;
  BatchResult result;

  auto write_ready = [&] {  // with the lock held
    for (auto it = done.find(next_to_write); it != done.end(); it = done.find(next_to_write)) {
      Outcome& o = it->second;
      out << o.json << '\n';
      if (!o.error.empty()) {
        ++result.errors;
        errors << "wirelint: " << options.name << ":" << o.number << ": " << o.error << "\n";
      } else {
        ++result.stories;
      }
      for (int s = 0; s < 3; ++s) {
        result.findings += o.counts[s];
        for (int level = 0; level <= s; ++level) result.at_least[level] += o.counts[s];
      }
      done.erase(it);
      ++next_to_write;
    }
  };

  auto worker = [&] {
    for (;;) {
      Line line;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return !queue.empty() || input_ended; });
        if (queue.empty()) return;
        line = std::move(queue.front());
        queue.pop_front();
      }
      changed.notify_all();  // room in the queue for the reader
      Outcome o;
      try {
        o = lint_line(engine, selection, options, line);
      } catch (const std::exception& e) {
        o.error = std::string("internal error: ") + e.what();
        o.json = Json{{"id", line.number}, {"line", line.number}, {"error", o.error}}.dump();
      }
      o.number = line.number;
      std::lock_guard<std::mutex> lock(mutex);
      done.emplace(line.index, std::move(o));
      write_ready();
      changed.notify_all();
    }
  };

  std::vector<std::thread> workers;
  for (unsigned i = 0; i < jobs; ++i) workers.emplace_back(worker);

  std::size_t number = options.first_line - 1;
  for (;;) {
    Line line;
    if (!read_line(in, options.max_bytes, line)) break;
    line.number = ++number;
    if (!line.too_long && line.text.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return read - next_to_write < window; });
    line.index = read++;
    queue.push_back(std::move(line));
    lock.unlock();
    changed.notify_all();
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    input_ended = true;
  }
  changed.notify_all();
  for (auto& t : workers) t.join();
  out.flush();
  return result;
}

}  // namespace wirelint::lint
