#!/usr/bin/env python3
"""Runs every rule over a clean wire corpus and compares each rule's findings per 10,000 words
with its budget in tests/corpus/reuters-budget.tsv, so a rule that starts misfiring on clean
copy fails the slow test tier. Each story is judged at its own date (wirelint corpus does that).

Usage: corpus_check.py WIRELINT [CORPUS] [--part odd|even|all]
The corpus defaults to $WIRELINT_CORPUS, else ../shared/corpora/reuters-21578/dev.jsonl beside
the repository. Without a corpus the check is skipped (exit 0, says so).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUDGET = os.path.join(ROOT, "tests", "corpus", "reuters-budget.tsv")
LINE = re.compile(r"^([a-z0-9-]+): (\d+) findings in (\d+) stories, ([\d.]+) per 10,000 words$")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--part")]
    part = "odd"
    for a in argv[1:]:
        if a.startswith("--part="):
            part = a.split("=", 1)[1]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    wirelint = args[0]
    corpus = args[1] if len(args) > 1 else os.environ.get(
        "WIRELINT_CORPUS", os.path.join(ROOT, "..", "shared", "corpora", "reuters-21578", "dev.jsonl"))
    if not os.path.exists(corpus):
        print(f"corpus_check: skipped: no corpus at {corpus}")
        return 0
    budgets = {}
    with open(BUDGET, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip() or line.startswith("rule\t"):
                continue
            rule, per10k = line.rstrip("\n").split("\t")[:2]
            budgets[rule] = float(per10k)
    out = subprocess.run([wirelint, "corpus", "--part", part, "--examples", "0", corpus],
                         capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        return 1
    print(out.stdout.splitlines()[0])
    seen = {}
    for line in out.stdout.splitlines():
        m = LINE.match(line)
        if m:
            seen[m.group(1)] = float(m.group(4))
    rules = subprocess.run([wirelint, "rules"], capture_output=True, text=True).stdout.split("\n")
    ids = [r.split()[0] for r in rules if r.strip()]
    failed = 0
    for rule in ids:
        got = seen.get(rule, 0.0)
        budget = budgets.get(rule, 0.0)
        status = "ok" if got <= budget + 1e-9 else "OVER BUDGET"
        failed += status != "ok"
        print(f"{rule:45s} {got:7.2f} per 10k words (budget {budget:.2f})  {status}")
    print(f"{len(ids) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
