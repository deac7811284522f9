#!/usr/bin/env bash
# Regenerates dictionaries/hunspell/common.words: the lower-case words of SCOWL's English and
# American lists up to size 50 (the commoner words of English: "riband", "tenuis" and "hotpot"
# are not there, "inflame" and "strategies" are), one a line, sorted in byte order. The spelling
# rule takes a misspelling for a slip of a word people write: a suggestion here, or one frequent
# in news, is a source; a word that only rare words are one slip from is vocabulary the
# dictionaries lack. Also regenerates dictionaries/hunspell/rare.words: the lower-case words of
# SCOWL's English, American, British and variant lists of sizes 55 to 80 that are not common
# nor in en_US.words ("enflame", "chamise", "guls"): English words, rarely a slip. Needs Debian's scowl package.
# Deterministic for a given scowl version.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/dictionaries/hunspell/common.words"
dir=/usr/share/dict/scowl
[ -r "$dir/english-words.50" ] || { echo "gen_common_words: $dir missing (apt-get install scowl)" >&2; exit 2; }
for size in 10 20 35 40 50; do
  cat "$dir/english-words.$size" "$dir/american-words.$size"
done | iconv -f ISO-8859-1 -t UTF-8 | grep -E "^[a-z][a-z']*$" | LC_ALL=C sort -u > "$out.tmp"
mv "$out.tmp" "$out"
rare="$here/dictionaries/hunspell/rare.words"
for size in 55 60 70 80; do
  for list in english american british variant_1 variant_2 british_variant_1 british_variant_2; do
    [ -r "$dir/$list-words.$size" ] && cat "$dir/$list-words.$size"
  done
done | iconv -f ISO-8859-1 -t UTF-8 | grep -E "^[a-z][a-z']*$" | LC_ALL=C sort -u | LC_ALL=C comm -23 - "$out" |
  LC_ALL=C comm -23 - <(LC_ALL=C sort -u "$here/dictionaries/hunspell/en_US.words") > "$rare.tmp"
mv "$rare.tmp" "$rare"
echo "gen_common_words: $(wc -l < "$rare") rarer words -> $rare"
echo "gen_common_words: $(wc -l < "$out") words -> $out (scowl $(dpkg-query -W -f='${Version}' scowl 2>/dev/null))"
