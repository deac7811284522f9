#!/usr/bin/env bash
# Regenerates dictionaries/hunspell/en_US.words: every word form of the shipped en_US Hunspell
# dictionary, expanded by Hunspell's own `unmunch` (Debian package hunspell-tools) and sorted
# bytewise. wirelint looks words up in it by binary search over the file, so a run does not
# pay Hunspell's dictionary load (tens of milliseconds); Hunspell itself is consulted only for
# a word the list lacks. Deterministic.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="$here/dictionaries/hunspell"
command -v unmunch >/dev/null || { echo "gen_wordlist: unmunch missing (apt-get install hunspell-tools)" >&2; exit 2; }
unmunch "$dir/en_US.dic" "$dir/en_US.aff" 2>/dev/null | LC_ALL=C sort -u > "$dir/en_US.words.tmp"
mv "$dir/en_US.words.tmp" "$dir/en_US.words"
