#!/usr/bin/env bash
# Cost of the number of phrase rules: the shipped rules plus N generated phrase rule files (one
# made-up phrase each, plus one file of N phrases), linted over a corpus with `wirelint corpus`
# (which times the lint alone, start-up excluded) and as one cold process (hyperfine if present,
# else one timed run). The phrases are made of real words in orders news never uses, so the
# matcher sees their first words often and their whole never.
#
#   bash bench/rule_scaling.sh [CORPUS.jsonl] [N...]      (default N: 0 100 1000 10000)
#
# Environment: WIRELINT_BIN (default ./build/src/wirelint), PART (odd), LIMIT (stories, 1000).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
bin=${WIRELINT_BIN:-$root/build/src/wirelint}
corpus=${1:-$root/../shared/corpora/reuters-21578/dev.jsonl}
shift || true
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(0 100 1000 10000)
part=${PART:-odd}
limit=${LIMIT:-1000}
source bench/lib.sh
require_bin rule_scaling.sh "$bin"
require_corpus rule_scaling.sh "$corpus"
make_tmp rules
story=$root/samples/spun-story.txt

printf 'layout\tN\tlint_MB_per_s\tcold_run_ms\n'
for n in "${counts[@]}"; do
  for layout in files entries; do
    [[ $n -eq 0 && $layout == entries ]] && continue
    data=$tmp/$layout-$n
    mkdir -p "$data"
    cp -r "$root/rules" "$data/rules"
    ln -s "$root/dictionaries" "$data/dictionaries"
    python3 - "$data/rules/generated-bench" "$n" "$layout" <<'EOF'
import os, sys
folder, n, layout = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(folder, exist_ok=True)
words = ["market", "talks", "minister", "shares", "price", "bank", "officials", "week", "trade",
         "oil", "government", "company", "rate", "dollar", "exports", "said", "year", "growth"]
def phrase(i):
    a, b, c = words[i % 18], words[(i // 18) % 18], words[(i // 324) % 18]
    return f"{a} {b} {c} zq{i}"  # common words first; the made-up last word never matches
def head(rule_id, first):
    return (f'id = "{rule_id}"\nkind = "phrase"\nseverity = "warning"\ncategory = "style"\n'
            f'message = "Generated phrase {{match}}."\ndescription = "Generated for bench/rule_scaling.sh."\n'
            f'[examples]\nfire = ["The {first} ended."]\nclean = ["The market rose."]\n')
if layout == "files":
    for i in range(n):
        with open(os.path.join(folder, f"generated-bench-{i:05d}.toml"), "w") as f:
            f.write(head(f"generated-bench-{i:05d}", phrase(i)) + f'\n[[phrases]]\nmatch = "{phrase(i)}"\nexpected = "x"\n')
elif n:
    with open(os.path.join(folder, "generated-bench-all.toml"), "w") as f:
        f.write(head("generated-bench-all", phrase(0)))
        for i in range(n):
            f.write(f'\n[[phrases]]\nmatch = "{phrase(i)}"\nexpected = "x"\n')
EOF
    mbs=$("$bin" --data-dir "$data" corpus "$corpus" --part "$part" --limit "$limit" --examples 0 |
          sed -n '1s/.*(\([0-9.]*\) MB\/s).*/\1/p')
    if command -v hyperfine >/dev/null 2>&1; then
      ms=$(hyperfine -N -w 2 -r 10 --export-json "$tmp/h.json" \
             "$bin --data-dir $data -q $story" -i >/dev/null 2>&1 &&
           python3 -c "import json;print(round(json.load(open('$tmp/h.json'))['results'][0]['mean']*1000,1))")
    else
      start=$(date +%s%N)
      "$bin" --data-dir "$data" -q "$story" >/dev/null || true
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
    fi
    printf '%s\t%s\t%s\t%s\n' "$layout" "$n" "$mbs" "$ms"
  done
done
