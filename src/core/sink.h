// Where diagnostics go. The engine pushes; each output format is one sink. A sink sees every
// file that was linted (begin_file/end_file, even when clean), every diagnostic of that file in
// source order, and notices about files that were skipped.
#pragma once

#include <string_view>

#include "core/diagnostic.h"
#include "core/document.h"

namespace wirelint {

class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void begin_file(const Document& doc) { (void)doc; }
  virtual void diagnostic(const Document& doc, const Diagnostic& d) = 0;
  virtual void end_file(const Document& doc) { (void)doc; }
  // A file that was not linted (binary, unreadable): path and reason.
  virtual void notice(std::string_view path, std::string_view message) {
    (void)path;
    (void)message;
  }
  // After the last file.
  virtual void finish() {}
  // Whether each file must come as one Document (the sink keeps its whole text). Otherwise a
  // long plain text may come in segments: begin_file with the first, end_file with the last,
  // each finding with its own segment, whose LineIndex counts lines, columns and file offsets
  // from where the segment starts in the file.
  virtual bool needs_whole_files() const { return false; }
};

}  // namespace wirelint
