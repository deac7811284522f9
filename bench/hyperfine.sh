#!/usr/bin/env bash
# Whole-process timings of the wirelint binary with hyperfine:
#   1. one story: samples/spun-story.txt, every run a fresh process (start-up, rule and
#      dictionary loading, the first Hunspell load, linting, output);
#   2. a corpus: the bodies of a JSON-lines corpus (one object a line with a "body" field, as
#      in Reuters-21578 dev.jsonl) written to a temporary folder as .txt files and linted in one
#      run, reported as MB/s of story text.
#
#   bash bench/hyperfine.sh [CORPUS.jsonl]
#
# The corpus is, in order: the argument, $WIRELINT_CORPUS, ../shared/corpora/reuters-21578/
# dev.jsonl beside the repository. Without one, only the first timing runs. Corpus text is
# written under a temporary folder that is removed on exit; nothing is added to the tree.
# Environment: WIRELINT_BIN (default ./build/src/wirelint), RUNS (story runs, default 20),
# RUNS_CORPUS (corpus runs, default 3), WIRELINT_DATA_DIR (passed on to wirelint).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
bin=${WIRELINT_BIN:-$root/build/src/wirelint}
corpus=${1:-${WIRELINT_CORPUS:-$root/../shared/corpora/reuters-21578/dev.jsonl}}

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "==> installing hyperfine"
  if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends hyperfine </dev/null
fi
if [[ ! -x $bin ]]; then
  echo "hyperfine.sh: no binary at $bin: run bash scripts/setup.sh first (or set WIRELINT_BIN)" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wirelint-hyperfine.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "==> one story: samples/spun-story.txt ($(wc -c <samples/spun-story.txt) bytes)"
# Exit 1 (findings) is expected and exit 2 is not: each command ends with a test that turns
# 0 and 1 into success, so a run that fails (a bad rule file, say) stops the benchmark instead
# of being timed. hyperfine subtracts the cost of the shell it starts.
ok='; [ $? -le 1 ]'
hyperfine --warmup 0 --runs "${RUNS:-20}" --export-json "$tmp/story.json" \
  "$bin --no-config --format json samples/spun-story.txt >/dev/null$ok"

if [[ ! -f $corpus ]]; then
  echo "==> no corpus at $corpus: skipping the corpus run (pass a .jsonl path or set WIRELINT_CORPUS)"
  exit 0
fi

echo "==> corpus: $corpus"
mkdir -p "$tmp/corpus"
python3 - "$corpus" "$tmp/corpus" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
n = size = 0
with open(src, encoding="utf-8") as f:
    for i, line in enumerate(f):
        line = line.strip()
        if not line:
            continue
        body = json.loads(line).get("body") or ""
        if not body.strip():
            continue
        data = body.encode("utf-8")
        with open(os.path.join(out, f"story-{i:06d}.txt"), "wb") as g:
            g.write(data)
        n += 1
        size += len(data)
print(f"    {n} stories, {size} bytes")
open(os.path.join(out, "..", "bytes"), "w").write(str(size))
PY
bytes=$(cat "$tmp/bytes")
# No warm-up: the files were just written, so they are in the page cache already.
hyperfine --warmup 0 --runs "${RUNS_CORPUS:-3}" --export-json "$tmp/corpus.json" \
  "$bin --no-config --format json $tmp/corpus >/dev/null$ok"

python3 - "$tmp/corpus.json" "$bytes" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
size = int(sys.argv[2])
mean, stddev = result["mean"], result["stddev"] or 0.0
print(f"==> corpus throughput: {size / 1e6:.2f} MB in {mean:.3f} s ± {stddev:.3f} s "
      f"= {size / 1e6 / mean:.2f} MB/s (mean of {len(result['times'])} runs)")
PY
