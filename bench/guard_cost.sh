#!/usr/bin/env bash
# The recall cost of entity-near-miss's precision guards: each guard that data can switch off is
# switched off in a copy of the data (rules/ and dictionaries/ under build/guards/NAME), and the
# spin set is scored with that copy (tools/spin/score.py): recall of all classes and of country
# swaps, and false findings of the entity rules on the clean twins. A guard that buys little precision for much
# recall is a candidate to loosen.
#
#   bash bench/guard_cost.sh [SPIN_DIR]     default build/spin/reuters-odd (bench/spin_table.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=${WIRELINT_BIN:-build/src/wirelint}
spin=${1:-build/spin/reuters-odd}
rule=rules/entity/entity-near-miss.toml
# name | sed expression on the rule file | file under dictionaries/ to remove
guards=(
  "none||"
  "reference_strength|s/^reference_strength = .*/reference_strength = 0/|"
  "company_heads|s/^company_heads = .*/company_heads = []/|"
  "body_swap_common|s/^body_swap_common = .*/body_swap_common = 1000000/|"
  "real_names||names/corpus-names.txt"
  "exact_names||names/exact/factbook-names.txt"
)
summary() {  # recall of all classes and of country swaps, false findings of the rule
  awk '/^country_in_name /{c=$4} /^all classes /{a=$5} /^all scored rules /{f=$4; k=$5} END{printf "all %s  country %s  false %s (%s/1k)\n", a, c, f, k}'
}
for g in "${guards[@]}"; do
  IFS='|' read -r name expr drop <<<"$g"
  dir=build/guards/$name
  rm -rf "$dir" && mkdir -p "$dir"
  cp -r rules dictionaries "$dir/"
  [[ -n $expr ]] && sed -i "$expr" "$dir/$rule"
  [[ -n $drop ]] && rm -f "$dir/dictionaries/$drop"
  "$bin" --data-dir "$dir" models compile >/dev/null
  printf '%-26s ' "$name"
  python3 tools/spin/score.py --spin-dir "$spin" --wirelint "$bin" --data-dir "$dir" | summary
done
