#!/usr/bin/env bash
# Regenerates dictionaries/hunspell/common.words: the lower-case words of SCOWL's English and
# American lists up to size 50 (the commoner words of English: "riband", "tenuis" and "hotpot"
# are not there, "inflame" and "strategies" are), one a line, sorted in byte order. The spelling
# rule takes a misspelling for a slip of a word people write: a suggestion here, or one frequent
# in news, is a source; a word that only rare words are one slip from is vocabulary the
# dictionaries lack. Needs Debian's scowl package. Deterministic for a given scowl version.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/dictionaries/hunspell/common.words"
dir=/usr/share/dict/scowl
[ -r "$dir/english-words.50" ] || { echo "gen_common_words: $dir missing (apt-get install scowl)" >&2; exit 2; }
for size in 10 20 35 40 50; do
  cat "$dir/english-words.$size" "$dir/american-words.$size"
done | iconv -f ISO-8859-1 -t UTF-8 | grep -E "^[a-z][a-z']*$" | LC_ALL=C sort -u > "$out.tmp"
mv "$out.tmp" "$out"
echo "gen_common_words: $(wc -l < "$out") words -> $out (scowl $(dpkg-query -W -f='${Version}' scowl 2>/dev/null))"
