#!/usr/bin/env bash
# The full spinner table: plants spins (tools/spin/spin.py, seed 1) in both halves of the
# Reuters development corpus and of the Factbook's prose, and scores wirelint on each
# (tools/spin/score.py): recall per class and source, false findings per 1,000 words per rule.
# The odd halves are the measurement; the even halves fed the real-name list, the reference
# bigrams and the thresholds. Each odd half is also scored in its two parts (score.py --part):
# A, whose findings may be read while tuning, and B, the held-out figure. Spin sets are written under build/spin/ (never into the tree).
#
#   bash bench/spin_table.sh            needs ./build/src/wirelint, mythes-en-us, wordnet-base
#                                       and Moby (build/thesauri, see tools/spin/README.md)
# Environment: WIRELINT_BIN (default ./build/src/wirelint), CORPUS (default ../shared/corpora/
# reuters-21578/dev.jsonl), FACTBOOK (default ../shared/data/factbook), SEED (default 1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=${WIRELINT_BIN:-build/src/wirelint}
corpus=${CORPUS:-../shared/corpora/reuters-21578/dev.jsonl}
factbook=${FACTBOOK:-../shared/data/factbook}
seed=${SEED:-1}
python3 tools/spin/factbook_corpus.py --factbook "$factbook" --out build/corpora/factbook.jsonl >/dev/null
for part in odd even; do
  for name in reuters factbook; do
    src=$corpus
    [[ $name == factbook ]] && src=build/corpora/factbook.jsonl
    dir=build/spin/$name-$part
    python3 tools/spin/spin.py --corpus "$src" --part "$part" --seed "$seed" --out-dir "$dir" >/dev/null
    echo "== $name, $part half"
    python3 tools/spin/score.py --spin-dir "$dir" --wirelint "$bin"
    if [[ $part == odd ]]; then
      for q in A B; do
        echo "== $name, $part half, part $q"
        python3 tools/spin/score.py --spin-dir "$dir" --reuse --part "$q"
      done
    fi
    echo
  done
done
