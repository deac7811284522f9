// The lines of wirelint's list and table files (word lists, name lists, TSV tables): one entry
// a line, '#' opens a comment line, empty lines are skipped, a CR before the LF is dropped. One
// reading for every such file, so that a list compiled into an image and the same list read as
// text give the same entries.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

namespace wirelint {

// Calls `use(line, number)` with each entry line of `in` (its 1-based line number).
template <typename Use>
void for_each_list_line(std::istream& in, Use use) {
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    use(line, n);
  }
}

// A name list's entry: the name before an optional tab and its note.
inline std::string_view name_of_entry(std::string_view line) { return line.substr(0, line.find('\t')); }

}  // namespace wirelint
