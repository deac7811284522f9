#!/usr/bin/env python3
"""Collocation spin sets made from the derivation half only, for learning the weights of
spun-collocation-model without reading a story of the measurement half.

  python3 tools/spin/crossfit.py --out-dir build/spin/cv [--folds 4] [--seed 1]

The shipped n-gram table counts every story of the derivation half (even positions of the
Reuters development corpus and of the World Factbook's prose), so a clean story of that half has
no pair the table has not seen and shows the rule no false candidate to learn from. Cross-fitting
mends that: the derivation half is cut into --folds folds exactly as `tools/ngrams/ngrams.py
count --part even --shard K/N` cuts it; for each fold K, a table is counted from the other folds
(`foldK/table.tsv`, same pruning as the shipped table) and the stories of fold K are spun
(`foldK/clean.jsonl`, `spun.jsonl`, `expected.jsonl`, as tools/spin/spin_phrases.py writes them).
Linting fold K with its own table (a configuration `[ngrams] table = ...`, `foldK/config.toml`)
then shows the rule text its table never saw, as the measurement half is to the shipped table.
tools/spin/train_collocation.py --spin-dir build/spin/cv/fold0 ... learns from the folds.

Needs the derivation half's counts for the spinner (build/ngrams/counts-even.tsv, see
tools/spin/README.md) and the Factbook corpus (build/corpora/factbook.jsonl, made when missing).
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tools", "ngrams"))
import ngrams  # noqa: E402  the table builder: one split, one tokenizer

REUTERS = os.path.join(ROOT, "..", "shared", "corpora", "reuters-21578", "dev.jsonl")
FACTBOOK = os.path.join(ROOT, "..", "shared", "data", "factbook")
FACTBOOK_JSONL = os.path.join(ROOT, "build", "corpora", "factbook.jsonl")


def fold_ids(folds):
    """{story id: fold} for the derivation half, in the order and with the counter of
    ngrams.selected_stories (Reuters first, then the Factbook; ids of the Factbook without .json)."""
    out, k = {}, 0
    for _, stories in ngrams.sources([REUTERS], FACTBOOK):
        for pos, (sid, _) in enumerate(stories):
            if pos % 2:
                continue
            sid = str(sid)
            out[sid[:-5] if sid.endswith(".json") else sid] = k % folds
            k += 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", type=int, action="append", help="make only this fold (repeatable)")
    a = ap.parse_args()
    if not os.path.exists(FACTBOOK_JSONL):
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "spin", "factbook_corpus.py"),
                        "--out", FACTBOOK_JSONL], check=True, stdout=sys.stderr)
    folds = fold_ids(a.folds)
    os.makedirs(a.out_dir, exist_ok=True)
    shards = []
    for k in range(a.folds):
        path = os.path.join(a.out_dir, "shard%d.tsv" % k)
        if not os.path.exists(path):
            ngrams.count([REUTERS], FACTBOOK, "even", (k, a.folds), path)
        shards.append(path)
    for k in a.only or range(a.folds):
        d = os.path.join(a.out_dir, "fold%d" % k)
        os.makedirs(d, exist_ok=True)
        counts = os.path.join(d, "counts.tsv")
        ngrams.merge([s for i, s in enumerate(shards) if i != k], counts)
        table = os.path.join(d, "table.tsv")
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "ngrams", "ngrams.py"), "table", counts,
                        "--sources", "cross-fit fold %d of %d: the derivation half less fold %d" % (k, a.folds, k),
                        "--out", table], check=True, stdout=subprocess.DEVNULL)
        os.remove(counts)
        corpus = os.path.join(d, "stories.jsonl")
        with open(corpus, "w", encoding="utf-8") as out:
            for path in (REUTERS, FACTBOOK_JSONL):
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        if line.strip() and folds.get(str(json.loads(line).get("id"))) == k:
                            out.write(line if line.endswith("\n") else line + "\n")
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "spin", "spin_phrases.py"), "--corpus", corpus,
                        "--part", "all", "--seed", str(a.seed), "--out-dir", d], check=True)
        with open(os.path.join(d, "config.toml"), "w", encoding="utf-8") as f:
            f.write('[ngrams]\ntable = "table.tsv"\n')
        print("crossfit.py: fold %d -> %s" % (k, d))


if __name__ == "__main__":
    main()
