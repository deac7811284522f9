#include "lint/session.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "input/encoding.h"
#include "input/reader.h"
#include "lint/baseline.h"
#include "lint/fingerprint.h"
#include "lint/fix.h"
#include "lint/suppress.h"

namespace fs = std::filesystem;

namespace wirelint::lint {
namespace {

bool lintable_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd" || ext == ".nitf" ||
         ext == ".xml" || ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

std::string generic(const fs::path& p) { return p.generic_string(); }

}  // namespace

Session::Session(const Engine& engine, SessionOptions options, std::ostream& errors)
    : engine_(engine), options_(std::move(options)), errors_(errors) {
  check_rule_ids(options_.enable, "--enable");
  check_rule_ids(options_.disable, "--disable");
  check_rule_ids(options_.only, "--only");
  if (options_.style && !engine_.rules().find_style(*options_.style))
    throw EngineError("--style: unknown house style '" + *options_.style + "' (known: " + known_styles() + ")");
  if (options_.config_file) {
    auto cfg = std::make_unique<Config>(load_config(*options_.config_file));
    configs_.emplace(*options_.config_file, std::move(cfg));
  }
}

void Session::check_rule_ids(const std::vector<std::string>& ids, const std::string& where) const {
  for (const auto& id : ids)
    if (engine_.rules().index_of(id) < 0) throw EngineError(where + ": unknown rule '" + id + "'");
}

std::string Session::known_styles() const {
  std::string known;
  for (const auto& s : engine_.rules().styles()) known += (known.empty() ? "" : ", ") + s.id;
  return known.empty() ? "none" : known;
}

std::size_t Session::count_at_least(Severity level) const {
  std::size_t n = 0;
  for (int s = static_cast<int>(level); s <= static_cast<int>(Severity::error); ++s) n += counts_[s];
  return n;
}

void Session::input_error(const std::string& message) {
  errors_ << "wirelint: " << message << "\n";
  ++input_errors_;
}

const Session::Resolved& Session::resolve(const std::string& path) {
  std::string key;
  if (options_.config_file) {
    key = *options_.config_file;
  } else if (options_.use_config) {
    if (auto found = find_config(path)) key = *found;
  }
  auto it = resolved_.find(key);
  if (it != resolved_.end()) return *it->second;

  const Config* cfg = nullptr;
  if (!key.empty()) {
    auto c = configs_.find(key);
    if (c == configs_.end()) c = configs_.emplace(key, std::make_unique<Config>(load_config(key))).first;
    cfg = c->second.get();
  }
  const auto& rules = engine_.rules();
  auto r = std::make_unique<Resolved>();
  r->config = cfg;
  std::string style = options_.style ? *options_.style : cfg ? cfg->style : "";
  if (!options_.style && cfg && !style.empty() && !rules.find_style(style))
    throw ConfigError(cfg->path + ":" + std::to_string(cfg->style_line) + ": 'style': unknown house style '" + style +
                      "' (known: " + known_styles() + ")");
  r->selection = RuleSelection::defaults(rules, style);
  auto set = [&](const std::vector<std::string>& ids, bool on, const std::string& where) {
    if (auto bad = r->selection.set_enabled(rules, ids, on)) throw ConfigError(where + ": unknown rule '" + *bad + "'");
  };
  if (cfg) {
    set(cfg->enable, true, cfg->path);
    set(cfg->disable, false, cfg->path);
    for (const auto& [id, sev] : cfg->severity) {
      int i = rules.index_of(id);
      if (i < 0) throw ConfigError(cfg->path + ": [severity]: unknown rule '" + id + "'");
      r->selection.severity[i] = sev;
    }
    r->selection.accepted_words.insert(cfg->accept_words.begin(), cfg->accept_words.end());
    for (const auto& [id, least] : cfg->thresholds) {
      int i = rules.index_of(id);
      if (i < 0) throw ConfigError(cfg->path + ": [thresholds]: unknown rule '" + id + "'");
      if (!rules.rules()[i]->has_threshold())
        throw ConfigError(cfg->path + ": [thresholds]: rule '" + id + "' does not score its findings");
      r->selection.threshold[i] = least;
    }
    if (!cfg->ngram_table.empty()) {
      try {
        // The house table stands for the shipped news table; the other shipped sources of the
        // model (the English word shapes) stay.
        auto sources = Engine::table_files(engine_.data_dir(), Engine::TableModel::ngrams).sources;
        sources.front() = cfg->ngram_table;
        r->ngrams = models::SynonymModel::open(sources, "");
      } catch (const models::SynonymError& e) {
        throw ConfigError(cfg->path + ": [ngrams] table: " + e.what());
      }
      r->selection.ngrams = r->ngrams.get();
    }
  }
  // The ids were checked in the constructor, so no override can name an unknown rule.
  r->selection.apply_overrides(rules, options_.enable, options_.disable, options_.only);
  return *resolved_.emplace(key, std::move(r)).first->second;
}

bool Session::ignored(const std::string& path) {
  const Resolved& r = resolve(path);
  if (!r.config || r.config->ignore.empty()) return false;
  std::error_code ec;
  fs::path rel = fs::relative(fs::absolute(path, ec), fs::absolute(r.config->dir, ec), ec);
  if (ec) return false;
  std::string s = generic(rel);
  for (const auto& pattern : r.config->ignore)
    if (glob_match(pattern, s) || glob_match(pattern + "/**", s)) return true;
  return false;
}

void Session::expand(const std::string& path, std::vector<std::string>& out) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return input_error(path + ": no such file or directory");
  if (!fs::is_directory(status)) {
    out.push_back(path);
    return;
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) return input_error(path + ": cannot read directory: " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) {
      input_error(path + ": " + ec.message());
      break;
    }
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && lintable_extension(p)) files.push_back(generic(p));
  }
  std::sort(files.begin(), files.end());
  for (auto& f : files)
    if (!ignored(f)) out.push_back(std::move(f));
}

void Session::lint_path(const std::string& path, DiagnosticSink& sink) { lint_paths({path}, sink); }

void Session::lint_paths(const std::vector<std::string>& paths, DiagnosticSink& sink) {
  std::vector<std::string> files;
  for (const auto& p : paths) expand(p, files);
  lint_files(files, sink);
}

void Session::lint_files(const std::vector<std::string>& files, DiagnosticSink& sink) {
  if (options_.jobs > 1 && files.size() > 1 && options_.fix == FixMode::off && !options_.record_baseline)
    return lint_files_at_once(files, sink);
  for (const auto& f : files) lint_file(f, sink);
}

namespace {

// What one file's lint sent to its sink, kept until the files before it are reported. The
// documents it names are kept alive by the lint's Session (keep_documents_).
class RecordingSink final : public DiagnosticSink {
 public:
  void begin_file(const Document& doc) override { events_.push_back({Kind::begin, &doc, {}, {}, {}}); }
  void diagnostic(const Document& doc, const Diagnostic& d) override {
    events_.push_back({Kind::diagnostic, &doc, d, {}, {}});
  }
  void end_file(const Document& doc) override { events_.push_back({Kind::end, &doc, {}, {}, {}}); }
  void notice(std::string_view path, std::string_view message) override {
    events_.push_back({Kind::notice, nullptr, {}, std::string(path), std::string(message)});
  }
  void replay(DiagnosticSink& sink) const {
    for (const auto& e : events_) {
      switch (e.kind) {
        case Kind::begin: sink.begin_file(*e.doc); break;
        case Kind::diagnostic: sink.diagnostic(*e.doc, e.diagnostic); break;
        case Kind::end: sink.end_file(*e.doc); break;
        case Kind::notice: sink.notice(e.path, e.message); break;
      }
    }
  }

 private:
  enum class Kind { begin, diagnostic, end, notice };
  struct Event {
    Kind kind;
    const Document* doc;
    Diagnostic diagnostic;
    std::string path, message;
  };
  std::vector<Event> events_;
};

}  // namespace

void Session::lint_files_at_once(const std::vector<std::string>& files, DiagnosticSink& sink) {
  struct Done {
    RecordingSink events;
    std::vector<std::unique_ptr<Document>> documents;  // the ones `events` names
    std::string errors;
    std::array<std::size_t, 3> counts{};
    std::size_t input_errors = 0, files = 0;
    std::exception_ptr failure;  // a configuration error, rethrown in order
  };
  const std::size_t jobs = std::min<std::size_t>(options_.jobs, files.size());
  // Files linted but not yet reported: the workers wait when this many are held.
  const std::size_t window = 4 * jobs;
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, std::unique_ptr<Done>> done;
  std::size_t next_file = 0, next_report = 0;
  bool stop = false;

  // One session a worker, made here so that a constructor's error reaches the caller; each
  // resolves configurations on its own.
  std::vector<std::unique_ptr<std::ostringstream>> worker_errors;
  std::vector<std::unique_ptr<Session>> sessions;
  SessionOptions options = options_;
  options.jobs = 1;
  for (std::size_t t = 0; t < jobs; ++t) {
    worker_errors.push_back(std::make_unique<std::ostringstream>());
    sessions.push_back(std::make_unique<Session>(engine_, options, *worker_errors.back()));
  }
  auto worker = [&](Session& session, std::ostringstream& errors) {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return stop || next_file >= files.size() || next_file < next_report + window; });
        if (stop || next_file >= files.size()) return;
        i = next_file++;
      }
      auto d = std::make_unique<Done>();
      auto before = session.counts_;
      std::size_t input_before = session.input_errors_, files_before = session.files_;
      session.keep_documents_ = &d->documents;
      try {
        session.lint_file(files[i], d->events);
      } catch (...) {
        d->failure = std::current_exception();
      }
      for (int s = 0; s < 3; ++s) d->counts[s] = session.counts_[s] - before[s];
      d->input_errors = session.input_errors_ - input_before;
      d->files = session.files_ - files_before;
      d->errors = errors.str();
      errors.str("");
      {
        std::lock_guard<std::mutex> lock(mutex);
        done.emplace(i, std::move(d));
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < jobs; ++t)
    threads.emplace_back(worker, std::ref(*sessions[t]), std::ref(*worker_errors[t]));
  std::exception_ptr failure;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::unique_ptr<Done> d;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return done.count(i) > 0; });
      d = std::move(done[i]);
      done.erase(i);
      ++next_report;
    }
    changed.notify_all();
    errors_ << d->errors;
    if (d->failure) {
      failure = d->failure;
      break;
    }
    d->events.replay(sink);
    for (int s = 0; s < 3; ++s) counts_[s] += d->counts[s];
    input_errors_ += d->input_errors;
    files_ += d->files;
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

namespace {

// Reads `in` to its end into `out`; false as soon as it holds more than `limit` bytes.
bool read_bounded(std::istream& in, std::size_t limit, std::string& out) {
  out.clear();
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    if (out.size() + n > limit) return false;
    out.append(buf, n);
  }
  return true;
}

}  // namespace

void Session::lint_file(const std::string& path, DiagnosticSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return input_error(path + ": cannot read file: " + std::strerror(errno));
  if (lint_in_segments(path, in, sink)) return;
  lint_stream(path, in, sink, true);
}

bool Session::lint_in_segments(const std::string& path, std::istream& in, DiagnosticSink& sink) {
  const std::size_t limit = options_.segment_bytes;
  if (options_.fix != FixMode::off || options_.baseline || options_.record_baseline ||
      keep_documents_ || sink.needs_whole_files())
    return false;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec || size <= limit || size > options_.max_bytes) return false;  // read whole (or refused) as before
  // Its start decides the encoding and the format; a NUL byte anywhere makes it binary, which
  // the whole-file path reports. One pass over the file, no copy kept.
  std::string head(64 << 10, '\0');
  in.read(&head[0], static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  bool plain = input::sniff_encoding(head) == input::Encoding::utf8 && !input::looks_binary(head) &&
               input::detect_format(path, head, options_.input_format) == InputFormat::plain;
  std::vector<char> chunk(std::min<std::size_t>(limit, std::size_t{1} << 20));
  while (plain && in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    plain = std::memchr(chunk.data(), '\0', static_cast<std::size_t>(in.gcount())) == nullptr;
  }
  in.clear();
  in.seekg(0);
  if (!plain || !in) {
    in.clear();
    in.seekg(0);
    return false;
  }

  const Resolved& r = resolve(path);
  LineOrigin origin;
  std::vector<Directive> carry;
  Linter::FileCounts counts;
  bool invalid_reported = false;
  std::unique_ptr<Document> doc;
  auto lint_segment = [&](std::string segment) {
    auto prepared = input::prepare(path, std::move(segment), InputFormat::plain);
    bool first = !doc;
    doc = std::move(prepared.doc);
    doc->lines.set_origin(origin);
    origin = doc->lines.origin_at(doc->source.size());
    std::optional<std::size_t> invalid = invalid_reported ? std::nullopt : prepared.invalid_utf8_offset;
    invalid_reported = invalid_reported || invalid;
    auto diagnostics =
        diagnose(engine_, *doc, r.selection, options_.date, invalid, &carry, limit, &counts, options_.rule_threads);
    if (first) sink.begin_file(*doc);
    for (const auto& d : diagnostics) {
      ++counts_[static_cast<int>(d.severity)];
      sink.diagnostic(*doc, d);
    }
  };
  // A segment ends where Linter::lint would end it in the whole text: segment_end looks no
  // further than `limit` bytes ahead, and the buffer holds more than that before a cut.
  std::string buffer;
  bool eof = false;
  while (true) {
    while (!eof && buffer.size() <= limit) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      auto n = static_cast<std::size_t>(in.gcount());
      buffer.append(chunk.data(), n);
      eof = !in;
    }
    if (in.bad()) {
      input_error(path + ": read error");
      break;
    }
    if (eof && buffer.size() <= limit) {
      if (!buffer.empty() || !doc) lint_segment(std::move(buffer));
      break;
    }
    std::size_t cut = Linter::segment_end(buffer, 0, limit);
    // A cut inside a word of over `limit` bytes may fall between a CR and its LF: keep the pair.
    if (buffer[cut - 1] == '\r' && buffer[cut] == '\n') ++cut;
    lint_segment(buffer.substr(0, cut));
    buffer.erase(0, cut);
  }
  // The findings that count what the limit per rule and file left out, each at the first it
  // left out: that segment is gone, so a document with no text starts there.
  for (auto& [at, d] : Linter::limit_findings(counts)) {
    Document place;
    place.path = path;
    place.format = InputFormat::plain;
    place.lines = LineIndex(place.source);
    place.lines.set_origin(at);
    ++counts_[static_cast<int>(d.severity)];
    sink.diagnostic(place, d);
  }
  ++files_;
  if (doc) sink.end_file(*doc);
  return true;
}

void Session::lint_stream(const std::string& path, std::istream& in, DiagnosticSink& sink) {
  lint_stream(path, in, sink, false);
}

void Session::lint_stream(const std::string& path, std::istream& in, DiagnosticSink& sink, bool on_disk) {
  std::string bytes;
  if (!read_bounded(in, options_.max_bytes, bytes))
    return input_error(path + ": larger than " + std::to_string(options_.max_bytes) +
                       " bytes (--max-bytes); not checked");
  if (in.bad()) return input_error(path + ": read error");
  lint_source(path, std::move(bytes), sink, on_disk);
}

void Session::lint_bytes(const std::string& path, std::string bytes, DiagnosticSink& sink) {
  lint_source(path, std::move(bytes), sink, false);
}

std::vector<Diagnostic> diagnose(const Engine& engine, const Document& doc, const RuleSelection& selection,
                                 const Date& date, std::optional<std::size_t> invalid_utf8,
                                 std::vector<Directive>* carry, std::size_t segment_bytes,
                                 Linter::FileCounts* counts, unsigned threads) {
  std::vector<Diagnostic> diagnostics;
  if (invalid_utf8) {
    Diagnostic d;
    d.rule = kInvalidUtf8Id;
    d.severity = Severity::error;
    d.message = "Invalid UTF-8 at byte " + std::to_string(doc.lines.file_offset(*invalid_utf8)) +
                "; the file must be UTF-8 encoded.";
    d.span = Span{*invalid_utf8, 1};
    d.match = doc.source.substr(d.span.offset, 1);
    d.category = "fluency/character-encoding";
    diagnostics.push_back(std::move(d));
  }
  auto found = engine.linter().lint(doc, selection, date, nullptr, segment_bytes, counts, threads);
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.span.offset < b.span.offset; });
  apply_suppressions(
      doc, diagnostics,
      [&engine](const std::string& id) {
        return engine.rules().index_of(id) >= 0 || id == kInvalidUtf8Id || id == kUnknownSuppressionId;
      },
      carry);
  return diagnostics;
}

std::vector<Diagnostic> Session::check(const Document& doc, const Resolved& r,
                                       std::optional<std::size_t> invalid_utf8, std::vector<Diagnostic>* all) {
  std::vector<Diagnostic> diagnostics =
      diagnose(engine_, doc, r.selection, options_.date, invalid_utf8, nullptr, options_.segment_bytes, nullptr,
               options_.rule_threads);
  if (all) *all = diagnostics;
  if (!options_.baseline) return diagnostics;
  auto prints = fingerprints(doc.source, diagnostics);
  std::vector<Diagnostic> fresh;
  for (std::size_t i = 0; i < diagnostics.size(); ++i)
    if (!options_.baseline->contains(doc.path, diagnostics[i].rule, prints[i]))
      fresh.push_back(std::move(diagnostics[i]));
  return fresh;
}

void Session::lint_source(const std::string& path, std::string bytes, DiagnosticSink& sink, bool on_disk) {
  const bool fix_to_output = options_.fix == FixMode::write && !on_disk && options_.fix_output;
  // UTF-16 or UTF-32 with a byte-order mark: linted as UTF-8, written back in its own encoding.
  const input::Encoding encoding = input::sniff_encoding(bytes);
  std::string raw;
  if (encoding != input::Encoding::utf8) {
    std::string text;
    if (auto bad = input::decode_to_utf8(bytes, encoding, text)) {
      input_error(path + ": invalid " + input::encoding_name(encoding) + " at byte " + std::to_string(*bad) +
                  "; not checked");
      if (fix_to_output) *options_.fix_output << bytes;  // a filter must not swallow its input
      return;
    }
    raw = std::move(bytes);
    bytes = std::move(text);
  }
  // The file's own bytes for a UTF-8 text (as fixed).
  auto encoded = [&](const std::string& text) { return input::encode_from_utf8(text, encoding); };
  if (input::looks_binary(bytes)) {
    if (!options_.quiet) errors_ << "wirelint: " << path << ": skipped: binary file (contains NUL bytes)\n";
    sink.notice(path, "skipped: binary file (contains NUL bytes)");
    if (fix_to_output) *options_.fix_output << bytes;  // a filter must not swallow its input
    return;
  }
  const InputFormat format = input::detect_format(path, bytes, options_.input_format);
  if (format == InputFormat::xml) {
    // Some other XML (a feed, a build file in a folder of stories): not a story, not an error.
    const char* why = "skipped: XML that is neither NITF nor NewsML-G2 (use --input-format to read it as one)";
    if (!options_.quiet) errors_ << "wirelint: " << path << ": " << why << "\n";
    sink.notice(path, why);
    if (fix_to_output) *options_.fix_output << bytes;
    return;
  }
  const Resolved& r = resolve(path);
  auto prepared = input::prepare(path, std::move(bytes), format);
  std::unique_ptr<Document> doc = std::move(prepared.doc);
  if (prepared.error_offset) {
    Position at = doc->lines.position(*prepared.error_offset);
    input_error(path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": not valid " +
                input::format_name(format) + ": " + prepared.error + "; not checked");
    if (fix_to_output) *options_.fix_output << (encoding != input::Encoding::utf8 ? raw : doc->source);
    return;
  }
  // The file's bytes as read (before any decoding).
  auto original = [&]() -> const std::string& { return encoding != input::Encoding::utf8 ? raw : doc->source; };
  std::vector<Diagnostic> all;
  std::vector<Diagnostic> diagnostics = check(*doc, r, prepared.invalid_utf8_offset, &all);

  if (options_.fix != FixMode::off) {
    // Fix, lint the result, and fix again until nothing changes (an overlap skipped in one pass
    // is applied in the next), so a second --fix run finds nothing to do. The bound only guards
    // against two rules that undo each other.
    constexpr int kMaxPasses = 10;
    std::unique_ptr<Document> fixed;
    std::vector<Diagnostic> fixed_diagnostics, fixed_all;
    const Document* current = doc.get();
    const std::vector<Diagnostic>* current_diagnostics = &diagnostics;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
      auto edits = plan_fixes(*current_diagnostics);
      if (edits.empty()) break;
      auto next = input::prepare(path, apply_edits(current->source, edits), format);
      if (next.error_offset) break;  // edits stay inside text nodes, so this is only a guard
      fixed = std::move(next.doc);
      fixed_diagnostics = check(*fixed, r, next.invalid_utf8_offset, &fixed_all);
      current = fixed.get();
      current_diagnostics = &fixed_diagnostics;
    }
    const bool changed = fixed && fixed->source != doc->source;
    if (options_.fix == FixMode::diff) {
      if (changed && options_.fix_output) *options_.fix_output << unified_diff(path, doc->source, fixed->source);
    } else if (fix_to_output) {
      *options_.fix_output << (changed ? encoded(fixed->source) : original());
    } else if (changed) {
      std::string error;
      // Someone (an editor's save) may have changed the file since it was read: then the fixed
      // text would throw their edit away, so leave the file alone.
      std::ifstream again(path, std::ios::binary);
      std::ostringstream now;
      now << again.rdbuf();
      if (!again || now.str() != original()) {
        input_error(path + ": changed while being fixed; not written");
      } else if (!write_atomically(path, encoded(fixed->source), error)) {
        input_error(path + ": cannot write the fixed file: " + error);
      } else {
        doc = std::move(fixed);
        diagnostics = std::move(fixed_diagnostics);
        all = std::move(fixed_all);
      }
    }
    if (fix_to_output && changed) {
      // The report describes the text that was printed.
      doc = std::move(fixed);
      diagnostics = std::move(fixed_diagnostics);
      all = std::move(fixed_all);
    }
  }

  if (options_.record_baseline) {
    auto prints = fingerprints(doc->source, all);
    for (std::size_t i = 0; i < all.size(); ++i)
      options_.record_baseline->add(BaselineEntry{doc->path, all[i].rule, prints[i], all[i].match});
  }
  ++files_;
  sink.begin_file(*doc);
  for (const auto& d : diagnostics) {
    ++counts_[static_cast<int>(d.severity)];
    sink.diagnostic(*doc, d);
  }
  sink.end_file(*doc);
  if (keep_documents_) keep_documents_->push_back(std::move(doc));
}

}  // namespace wirelint::lint
