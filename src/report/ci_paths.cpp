// Paths for the CI formats (sarif, github, rdjsonl). Their consumers match a finding to a file of
// the pull request by comparing strings with the repository's own paths, which use "/" and never
// start with "./"; a path written any other way silently loses its annotation.

#include "report/formats.h"

namespace wirelint::report::detail {

std::string repo_path(std::string_view path) {
  std::string p(path);
  for (char& c : p)
    if (c == '\\') c = '/';
  std::size_t from = 0;
  // "./a.md" and ".//a.md" are a.md; a bare "." or "./" is left alone rather than emptied.
  while (p.size() - from > 2 && p.compare(from, 2, "./") == 0) {
    from += 2;
    while (p.size() - from > 1 && p[from] == '/') ++from;
  }
  return p.substr(from);
}

}  // namespace wirelint::report::detail
