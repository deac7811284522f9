// Applying fixes. A finding is fixed only when it is unambiguous: its rule is marked fixable
// and it carries exactly one replacement (different from the match). Edits apply to the
// original source bytes (spans are byte offsets into Document::source); every byte outside an
// edit is copied as is, so line endings, a BOM and any other bytes survive untouched.
//
// Overlaps are resolved deterministically: candidate edits are sorted by start offset, then
// rule id, then replacement; an edit is accepted unless it starts before the end of the last
// accepted edit or at the same offset as it. A skipped edit is retried when the caller lints
// the fixed text again (Session repeats until nothing changes), so one --fix run reaches the
// point where a second run changes nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace wirelint::lint {

struct Edit {
  Span span;
  std::string replacement;
  std::string rule;
};

// The edits to apply for `diagnostics` (any order), sorted and free of overlaps.
std::vector<Edit> plan_fixes(const std::vector<Diagnostic>& diagnostics);

// `text` as it must be written into an XML or HTML text node: '&', '<' and '>' as references.
std::string escape_markup_text(std::string_view text);

// `source` with `edits` (sorted, non-overlapping, within bounds) applied.
std::string apply_edits(std::string_view source, const std::vector<Edit>& edits);

// A unified diff from `before` to `after` with three lines of context, headed
// `--- a/PATH` / `+++ b/PATH`; empty when the two are equal. Lines keep their own terminators
// (a CR of CRLF shows in the diff as it is in the file); a last line without a newline is
// followed by `\ No newline at end of file`.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

// Replaces the file at `path` with `bytes` atomically: a temporary file in the same folder,
// given the original's permissions, written, fsynced, then renamed over it (a symbolic link
// is followed, so the link stays a link). On failure returns false with `error` set to a
// reason, and the original file is untouched.
bool write_atomically(const std::string& path, const std::string& bytes, std::string& error);

}  // namespace wirelint::lint
