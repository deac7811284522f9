// Mixed-script detection for single words, through ICU's spoof checker: a Latin word with a
// Cyrillic or Greek letter inside ("Mоscow" with a Cyrillic o) is a re-keying or spoofing
// artifact. The checker is built once and is safe to share between threads for checking.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace wirelint::text {

class ScriptChecker {
 public:
  ScriptChecker();
  ~ScriptChecker();
  ScriptChecker(const ScriptChecker&) = delete;
  ScriptChecker& operator=(const ScriptChecker&) = delete;

  // True if `word` (valid UTF-8) mixes letters of more than one script where a single-script
  // word was meant (Latin with Cyrillic or Greek look-alikes).
  bool is_mixed_script(std::string_view word) const;

  // The word with each foreign look-alike letter replaced by its Latin skeleton, when that
  // gives an all-Latin word ("Mоscow" -> "Moscow"); empty when there is none.
  std::string latin_form(std::string_view word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wirelint::text
