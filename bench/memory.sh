#!/usr/bin/env bash
# Time and peak memory of one wirelint process against the size and the shape of its input:
#   - plain-text files of wire stories (bodies of a JSON-lines corpus, blank lines between) of
#     1 KB, 1 MB, 10 MB and 100 MB (SIZES, in bytes, to change them);
#   - adversarial shapes of SHAPE_MB megabytes (default 10): one long line of words, one long
#     word, quote marks only, a million short lines.
# Each row: the input, its bytes, the wall time, MB/s and the peak resident set (which counts the
# pages of the memory-mapped data images the run touched, about 60 MB of the total).
#
#   bash bench/memory.sh [CORPUS.jsonl]
#
# The corpus is the argument, $WIRELINT_CORPUS, or ../shared/corpora/reuters-21578/dev.jsonl
# beside the repository. Inputs are written under a temporary folder removed on exit; nothing is
# added to the tree. Environment: WIRELINT_BIN (default ./build/src/wirelint), SIZES, SHAPE_MB,
# EXTRA (more wirelint options, e.g. "--segment-bytes 4194304").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
bin=${WIRELINT_BIN:-$root/build/src/wirelint}
corpus=${1:-${WIRELINT_CORPUS:-$root/../shared/corpora/reuters-21578/dev.jsonl}}
sizes=${SIZES:-"1000 1000000 10000000 100000000"}
shape_mb=${SHAPE_MB:-10}
source bench/lib.sh
require_bin memory.sh "$bin"
require_corpus memory.sh "$corpus"
if [[ ! -x /usr/bin/time ]]; then
  echo "memory.sh: /usr/bin/time is needed (Debian package 'time')" >&2
  exit 2
fi
make_tmp memory

python3 - "$corpus" "$tmp" "$shape_mb" $sizes <<'PY'
import json, sys
src, out, shape_mb, sizes = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(s) for s in sys.argv[4:]]
bodies = []
with open(src, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line:
            body = (json.loads(line).get("body") or "").strip()
            if body:
                bodies.append(body.encode("utf-8"))
text = b"\n\n".join(bodies) + b"\n\n"
for size in sizes:
    with open(f"{out}/stories-{size}.txt", "wb") as g:
        left = size
        while left > 0:
            piece = text[:left]
            g.write(piece)
            left -= len(piece)
n = shape_mb * 1000 * 1000
words = b" ".join(text.split())
with open(f"{out}/shape-one-line.txt", "wb") as g:
    g.write((words * (n // len(words) + 1))[:n] + b"\n")
with open(f"{out}/shape-one-word.txt", "wb") as g:
    g.write(b"a" * n + b"\n")
with open(f"{out}/shape-quotes.txt", "wb") as g:
    g.write(b'"' * n + b"\n")
with open(f"{out}/shape-short-lines.txt", "wb") as g:
    g.write(b"Yes.\n" * (n // 5))
PY

printf '%-24s %12s %9s %8s %10s\n' input bytes seconds MB/s "peak MB"
for f in "$tmp"/stories-*.txt "$tmp"/shape-*.txt; do
  bytes=$(stat -c %s "$f")
  # Exit 1 (findings) is expected; 2 is an error and stops the benchmark.
  set +e
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" --no-config --max-bytes 200000000 --format line ${EXTRA:-} "$f" \
    >/dev/null 2>"$tmp/err"
  rc=$?
  set -e
  if [[ $rc -gt 1 ]]; then
    echo "memory.sh: $f: exit $rc: $(head -c 300 "$tmp/err")" >&2
    exit 1
  fi
  read -r seconds kb < <(tail -n 1 "$tmp/time")
  python3 -c "import sys; b, s, kb = int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]);
print(f'{sys.argv[1]:<24} {b:>12} {s:>9.2f} {b / 1e6 / max(s, 1e-3):>8.2f} {kb / 1024:>10.1f}')" \
    "$(basename "$f" .txt)" "$bytes" "$seconds" "$kb"
done
