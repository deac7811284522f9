#!/usr/bin/env bash
# A small fixed slice of the spinner's measurement: the first LIMIT stories of the odd
# (measurement) half of the Reuters development corpus, spun with SEED, then scored when a
# wirelint binary is there. Same inputs, same output, byte for byte (the thesauri are read from
# the installed Debian packages and npm moby@1.1.2; NO_MOBY=1 leaves Moby out).
#
#   bash tools/spin/make_slice.sh [OUT_DIR]        default OUT_DIR: build/spin/slice
# Environment: CORPUS (default ../shared/corpora/reuters-21578/dev.jsonl), SEED (1), LIMIT (60),
# PART (odd), NO_MOBY (unset), WIRELINT_BIN (build/src/wirelint; scoring is skipped without it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=${1:-build/spin/slice}
corpus=${CORPUS:-../shared/corpora/reuters-21578/dev.jsonl}
bin=${WIRELINT_BIN:-build/src/wirelint}
args=(--corpus "$corpus" --part "${PART:-odd}" --seed "${SEED:-1}" --limit "${LIMIT:-60}" --out-dir "$out")
[[ -n ${NO_MOBY:-} ]] && args+=(--no-moby)
if [[ ! -f $corpus ]]; then echo "make_slice.sh: skipped: no corpus at $corpus"; exit 0; fi
python3 tools/spin/spin.py "${args[@]}"
if [[ -x $bin ]]; then
  python3 tools/spin/score.py --spin-dir "$out" --wirelint "$bin" --json "$out/score.json"
else
  echo "make_slice.sh: no wirelint at $bin; spin set written, not scored"
fi
