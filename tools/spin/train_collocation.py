#!/usr/bin/env python3
"""Learn the weights of the rule spun-collocation-model from a collocation spin set.

  python3 tools/spin/train_collocation.py --spin-dir DIR [--wirelint BIN] [--max-false 0.04] [--write]

Reads a set made by tools/spin/spin_phrases.py (clean.jsonl, spun.jsonl, expected.jsonl) and
keeps part A only: the 1st, 3rd, 5th ... story, as score.py --part A counts them; part B stays
unread for measurement. The candidates are the rule's own: wirelint runs the rule on part A's
spun stories and their clean twins with every candidate reported (a copy of the rule file with
min_score -100000 and the message "{features}", beside the shipped dictionaries), so the
features learned from are the ones the rule computes (src/rules/kinds/spun/collocation.cpp).
A candidate is planted when it overlaps a spin of expected.jsonl, false when found in a clean
twin. The weights are a naive Bayes model: for each feature value, ten times the natural log of
its rate among planted candidates over its rate among false ones (add-one smoothing), rounded.
The least score is the lowest that keeps false candidates at most --max-false per 1,000 words of
part A's clean twins. --write puts the weights into rules/spun/spun-collocation-model.toml
between its "# weights:" markers; otherwise they are printed.

Features:
  side               the head (second word) or the modifier (first word) swapped
  word               unigram strength of the swapped word (0..9)
  other              unigram strength of the word kept
  relation           thesaurus strength of the link (collocation-synonyms.tsv, 1..9)
  original           strength of the frequent pair
  trigram            strength of the frequent pair with the word before or after it
  original_in_story  the frequent pair appears in the story too (0/1)
  word_in_story      other uses of the swapped word in the story (0, 1, 2 = two or more)
"""
import argparse
import collections
import json
import math
import os
import re
import shutil
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import lint, overlaps, read_findings, read_jsonl  # noqa: E402

RULE_ID = "spun-collocation-model"
RULE = os.path.join(ROOT, "rules", "spun", RULE_ID + ".toml")
ARRAYS = ["word", "other", "relation", "original", "trigram", "original_in_story", "word_in_story"]
SIZES = {"word": 10, "other": 10, "relation": 10, "original": 10, "trigram": 10, "original_in_story": 2,
         "word_in_story": 3}


def tracing_data_dir(tmp):
    """A data folder whose copy of the rule reports every candidate with its features."""
    shutil.copytree(os.path.join(ROOT, "rules"), os.path.join(tmp, "rules"))
    os.symlink(os.path.join(ROOT, "dictionaries"), os.path.join(tmp, "dictionaries"))
    path = os.path.join(tmp, "rules", "spun", RULE_ID + ".toml")
    with open(path, encoding="utf-8") as f:
        rule = f.read()
    rule = re.sub(r'(?m)^message = .*$', 'message = "{features}"', rule, count=1)
    rule = re.sub(r'(?m)^min_score = .*$', 'min_score = -100000', rule, count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(rule)
    return tmp


def features(message):
    f = dict(kv.split("=", 1) for kv in message.split())
    return {k: (v if k == "side" else int(v)) for k, v in f.items()}


def part_a(spin_dir, wirelint, tmp):
    """Part A's candidates as the rule computes them: (planted, false, clean words)."""
    data = tracing_data_dir(os.path.join(tmp, "data"))
    keep = set()
    for i, s in enumerate(read_jsonl(os.path.join(spin_dir, "spun.jsonl"))):
        if i % 2 == 0:
            keep.add(str(s["id"]))
    spins = collections.defaultdict(list)
    for e in read_jsonl(os.path.join(spin_dir, "expected.jsonl")):
        spins[str(e["story"])].append(e)
    found = {}
    for kind in ("spun", "clean"):
        corpus = os.path.join(tmp, kind + ".jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for s in read_jsonl(os.path.join(spin_dir, kind + ".jsonl")):
                if str(s["id"]) in keep:
                    f.write(json.dumps(s) + "\n")
        out = os.path.join(tmp, kind + ".findings.jsonl")
        lint(wirelint, corpus, out, [RULE_ID], data)
        found[kind] = read_findings(out, [RULE_ID])
    planted = [features(f["message"]) for sid, fs in found["spun"][1].items() for f in fs
               if any(overlaps(f, e) for e in spins[sid])]
    false = [features(f["message"]) for fs in found["clean"][1].values() for f in fs]
    return planted, false, sum(found["clean"][0].values())


def train(planted, false):
    weights = {}
    for name in ARRAYS:
        size = SIZES[name]
        pc = collections.Counter(f[name] for f in planted)
        fc = collections.Counter(f[name] for f in false)
        weights[name] = [round(10 * (math.log((pc[v] + 1) / (len(planted) + size)) -
                                     math.log((fc[v] + 1) / (len(false) + size)))) for v in range(size)]
    pc = collections.Counter(f["side"] for f in planted)
    fc = collections.Counter(f["side"] for f in false)
    for side in ("head", "modifier"):
        weights["side_" + side] = round(10 * (math.log((pc[side] + 1) / (len(planted) + 2)) -
                                              math.log((fc[side] + 1) / (len(false) + 2))))
    return weights


def score(weights, f):
    return weights["side_" + f["side"]] + sum(weights[n][f[n]] for n in ARRAYS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spin-dir", required=True)
    ap.add_argument("--wirelint", default=os.path.join(ROOT, "build", "src", "wirelint"))
    ap.add_argument("--max-false", type=float, default=0.04, help="false candidates per 1,000 words of part A")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="wirelint-train-")
    try:
        planted, false, words = part_a(a.spin_dir, a.wirelint, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    weights = train(planted, false)
    scores = sorted((score(weights, f) for f in false), reverse=True)
    allowed = int(a.max_false * words / 1000)
    least = scores[allowed] + 1 if allowed < len(scores) else -1000
    found = sum(1 for f in planted if score(weights, f) >= least)
    block = ["# weights: learned by tools/spin/train_collocation.py --spin-dir %s --max-false %s (part A: %d planted"
             % (os.path.relpath(a.spin_dir, ROOT), a.max_false, len(planted)),
             "# and %d false candidates, %d clean words; %d planted candidates score at least min_score)."
             % (len(false), words, found),
             "min_score = %d" % least,
             "side_head = %d" % weights["side_head"],
             "side_modifier = %d" % weights["side_modifier"]]
    block += ["%s = [%s]" % (n, ", ".join(str(x) for x in weights[n])) for n in ARRAYS]
    block.append("# weights: end")
    text = "\n".join(block) + "\n"
    if not a.write:
        sys.stdout.write(text)
        return
    with open(RULE, encoding="utf-8") as f:
        rule = f.read()
    start = rule.index("# weights: learned")
    end = rule.index("# weights: end\n") + len("# weights: end\n")
    with open(RULE, "w", encoding="utf-8") as f:
        f.write(rule[:start] + text + rule[end:])
    print("train_collocation.py: weights written to %s" % os.path.relpath(RULE, ROOT))


if __name__ == "__main__":
    main()
