// The story's context, computed once per document for every rule: which tokens stand inside a
// quotation, which are framed as someone else's words ("what Moscow calls ...", "so-called"),
// and which sentences carry an attribution ("said", "according to"). Rules ask it instead of
// listing the strings themselves (the phrase kind's `unless_context`). It also knows the parts
// of the story the input names (Document::scopes: headline, byline, dateline) and whether a
// headline is written in title case or in capitals, where a capital no longer marks a name.
//
// Quotations: double marks, straight or curly, and curly single marks standing as tokens of
// their own; curly marks nest, a straight mark opens or closes by turn, and a quotation still
// open at a paragraph's end is closed there (wire copy reopens a continued quotation in the next
// paragraph with a new opening mark). The words are data (rules/context.toml).
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "tokenize/tokens.h"

namespace wirelint::rules {

struct Node;

struct ContextData {
  // Phrases that frame the words after them as a name others use: "calls", "so-called", "known as".
  std::vector<std::vector<std::string>> framing;  // folded tokens
  std::size_t framing_window = 3;                 // tokens between the framing phrase and the term
  std::vector<std::string> framing_gap;           // the only words allowed there ("it", "the", "a")
  // Phrases whose presence in a sentence attributes it: "said", "according to".
  std::vector<std::vector<std::string>> attribution;

  // From TOML text (keys framing, framing_window, attribution). Throws LoadError.
  static ContextData parse(std::string_view toml_text, const std::string& file);
  // The same from a parsed tree (rules/node.h).
  static ContextData read(const Node& root, const std::string& file);
};

class StoryContext {
 public:
  // `parts`: the story parts the input names (Document::scopes, offsets into the tokens' text).
  StoryContext(const tokenize::TokenStream& tokens, const ContextData& data, std::vector<TextScope> parts = {});

  // Whether token t stands inside a quotation (the marks themselves are not inside).
  bool quoted(std::size_t t) const { return t < quoted_.size() && quoted_[t]; }
  // Whether the words from token t are framed: a framing phrase ends at most framing_window
  // tokens before t, in the same sentence, with only framing_gap words or quotation marks
  // between ("what it calls a special military operation"; not "called up for the ...").
  bool framed(std::size_t t) const;
  // Whether token t's sentence carries an attribution phrase.
  bool attributed(std::size_t t) const;
  // Whether the text byte at `offset` lies in a story part of kind `scope`.
  bool in_part(std::size_t offset, Scope scope) const;
  // Whether the text byte at `offset` lies in a headline written in title case or in capitals
  // ("Far-Right Minister Vows Crackdown"): no word of four letters or more after the first is
  // lower case, and at least two are capitalized. There a capital letter says nothing of a name.
  bool in_title_case_headline(std::size_t offset) const;

 private:
  static bool phrase_at(const tokenize::TokenStream& ts, std::size_t at, const std::vector<std::string>& phrase);

  bool title_case(const TextScope& part) const;

  const tokenize::TokenStream& ts_;
  const ContextData& data_;
  std::vector<TextScope> parts_;
  std::vector<bool> title_case_;  // per part: a headline in title case or capitals
  std::vector<bool> quoted_;
  // Per sentence: -1 not computed, 0 no, 1 yes. Atomic: rules of one document may ask it from
  // two threads (Linter::lint with threads); each computes the same answer.
  mutable std::vector<std::atomic<signed char>> attributed_;
};

}  // namespace wirelint::rules
