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
};

}  // namespace wirelint
