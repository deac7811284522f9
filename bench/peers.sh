#!/usr/bin/env bash
# wirelint beside the tools a desk already has, on the same stories in one run: Hunspell
# (`hunspell -l`, the words it does not know), proselint, and textlint with textlint-rule-prh
# fed wirelint's own phrase rules converted to a prh dictionary (so the phrase lists are equal
# and only the engines differ). Prints, per tool, the time over a slice of stories and the
# findings on the slice and on the spun seed story.
#
#   bash bench/peers.sh [STORIES] [CORPUS.jsonl]     (default 100 stories of the odd half)
#
# Installs what is missing: Debian hunspell and python3-proselint (apt), textlint and
# textlint-rule-prh (npm, pinned below) under build/peers/. Corpus text goes to a temporary
# folder removed on exit; nothing is added to the tree. WIRELINT_BIN as in bench/hyperfine.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
bin=${WIRELINT_BIN:-$root/build/src/wirelint}
stories=${1:-100}
corpus=${2:-$root/../shared/corpora/reuters-21578/dev.jsonl}
seed=$root/../shared/seed/wire-sample-2024-spun.txt
[[ -f $seed ]] || seed=$root/samples/spun-story.txt
TEXTLINT_VERSION=15.8.0
PRH_VERSION=6.1.0

if [[ ! -x $bin ]]; then
  echo "peers.sh: no binary at $bin (bash scripts/setup.sh, or set WIRELINT_BIN)" >&2
  exit 2
fi
if ! command -v hunspell >/dev/null || ! command -v proselint >/dev/null; then
  echo "==> installing hunspell and proselint (apt)"
  if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
    hunspell hunspell-en-us python3-proselint </dev/null
fi
peers=$root/build/peers
if [[ ! -x $peers/node_modules/.bin/textlint ]]; then
  echo "==> installing textlint $TEXTLINT_VERSION and textlint-rule-prh $PRH_VERSION (npm)"
  mkdir -p "$peers"
  (cd "$peers" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
   npm install --no-audit --no-fund "textlint@$TEXTLINT_VERSION" "textlint-rule-prh@$PRH_VERSION" >/dev/null)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wirelint-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/slice" "$tmp/seed"
cp "$seed" "$tmp/seed/story.txt"
python3 - "$corpus" "$stories" "$tmp/slice" <<'EOF'
import json, sys
corpus, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
k = 0
with open(corpus, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % 2 == 1 and line.strip() and k < n:
            with open(f"{out}/{k:04d}.txt", "w", encoding="utf-8") as s:
                s.write(json.loads(line)["body"])
            k += 1
EOF
# wirelint's phrase rules as one prh dictionary: every [[phrases]] match -> its first expected.
python3 - "$root/rules" "$tmp/prh.yml" <<'EOF'
import glob, json, re, sys, tomllib
rules, out = sys.argv[1], sys.argv[2]
n = 0
with open(out, "w", encoding="utf-8") as f:
    f.write("version: 1\nrules:\n")
    for path in sorted(glob.glob(f"{rules}/**/*.toml", recursive=True)):
        with open(path, "rb") as r:
            data = tomllib.load(r)
        if data.get("kind") != "phrase":
            continue
        for p in data.get("phrases", []):
            expected = p.get("expected")
            expected = expected[0] if isinstance(expected, list) else expected
            matches = p.get("match")
            matches = matches if isinstance(matches, list) else [matches]
            if not expected or not all(matches):
                continue
            # As regular expressions: prh escapes "-" in plain patterns, which its own
            # unicode-mode expressions then refuse.
            f.write(f"  - expected: {json.dumps(expected)}\n    patterns:\n")
            for m in matches:
                pattern = "/" + re.sub(r"([\\^$.|?*+()\[\]{}/])", r"\\\1", m) + "/"
                f.write(f"      - {json.dumps(pattern)}\n")
            n += 1
print(f"prh dictionary: {n} phrases from wirelint's phrase rules", file=sys.stderr)
EOF
printf '{"rules": {"prh": {"rulePaths": ["%s"]}}}\n' "$tmp/prh.yml" >"$tmp/.textlintrc.json"
echo '' >"$tmp/.wirelint.toml"

bytes=$(cat "$tmp"/slice/*.txt | wc -c)
count() { "$@" 2>/dev/null | grep -c . || true; }
timed() {  # seconds of one run of "$@" with output discarded
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
textlint=("$peers/node_modules/.bin/textlint" --config "$tmp/.textlintrc.json" --format unix)
echo "==> $stories stories, $bytes bytes; seed story: $(basename "$seed")"
printf 'tool\tslice_s\tslice_findings\tseed_findings\n'
printf 'wirelint\t%s\t%s\t%s\n' "$(timed "$bin" -q "$tmp/slice")" \
  "$(count "$bin" -q --format line "$tmp/slice")" "$(count "$bin" -q --format line "$tmp/seed/story.txt")"
printf 'hunspell -l\t%s\t%s\t%s\n' "$(timed sh -c "cat $tmp/slice/*.txt | hunspell -d en_US -l")" \
  "$(count sh -c "cat $tmp/slice/*.txt | hunspell -d en_US -l")" "$(count hunspell -d en_US -l "$tmp/seed/story.txt")"
proselint --clean >/dev/null 2>&1 || true  # it caches results per file: time a cold run
printf 'proselint\t%s\t%s\t%s\n' "$(timed proselint "$tmp"/slice/*.txt)" \
  "$(count proselint "$tmp"/slice/*.txt)" "$(count proselint "$tmp/seed/story.txt")"
printf 'textlint+prh\t%s\t%s\t%s\n' "$(timed "${textlint[@]}" "$tmp"/slice/*.txt)" \
  "$(count "${textlint[@]}" "$tmp"/slice/*.txt)" "$(count "${textlint[@]}" "$tmp/seed/story.txt")"
