#!/usr/bin/env python3
"""Learn the weights of the rule spun-collocation-model from a collocation spin set.

  python3 tools/spin/train_collocation.py --spin-dir DIR [--spin-dir DIR ...] [--all-stories]
      [--model logistic|bayes] [--wirelint BIN] [--max-false 0.04] [--write]

Reads sets made by tools/spin/spin_phrases.py or tools/spin/crossfit.py (clean.jsonl,
spun.jsonl, expected.jsonl) and keeps part A only (the 1st, 3rd, 5th ... story, as score.py
--part A counts them; part B stays unread for measurement) unless --all-stories. A set with a
config.toml (crossfit.py writes one naming the fold's own n-gram table) is linted under it. The
candidates are the rule's own: wirelint runs the rule on the spun stories and their clean twins
with every candidate reported (a copy of the rule file with min_score -100000 and the message
"{features}", beside the shipped dictionaries), so the features learned from are the ones the
rule computes (src/rules/kinds/spun/collocation.cpp). A candidate is planted when it overlaps a
spin of expected.jsonl, false when found in a clean twin.

The score is a sum of one weight per feature value, so the rule needs no model code. --model
logistic (default) fits the weights jointly (logistic regression on the features' values one-hot,
L2-regularized, planted and false candidates weighed equally): features that say the same thing
(the frequent pair's strength and its trigram's) are not counted twice. --model bayes: naive
Bayes, each value's weight ten times the natural log of its rate among planted candidates over
its rate among false ones (add-one smoothing). Weights are ten times the model's, rounded. The
least score is the lowest that keeps false candidates at most --max-false per 1,000 words of the
clean twins read. --write puts the weights into rules/spun/spun-collocation-model.toml between
its "# weights:" markers; otherwise they are printed.

Features:
  side               the head (second word) or the modifier (first word) swapped
  word               unigram strength of the swapped word (0..9)
  other              unigram strength of the word kept
  relation           thesaurus strength of the link (collocation-synonyms.tsv, 1..9)
  original           strength of the frequent pair
  trigram            strength of the frequent pair with the word before or after it
  original_in_story  the frequent pair appears in the story too (0/1)
  word_in_story      other uses of the swapped word in the story (0, 1, 2 = two or more)
  share              the kept word's unigram strength less the frequent pair's (0..9: 0, the kept
                     word is seldom seen without the frequent word)
  outer              4 + the swapped word's pair strength with the pair's other neighbour less the
                     frequent word's (0..8; 9: no neighbour word)
  general            strength of the written pair in general English (general-pairs.tsv, 1..9;
                     0: the general model lacks it)
  general_original   strength of the frequent pair there
  general_word       unigram strength of the swapped word in general English (1..9; 0: unknown there)
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
from score import InputError, lint, overlaps, read_findings, read_jsonl  # noqa: E402

RULE_ID = "spun-collocation-model"
RULE = os.path.join(ROOT, "rules", "spun", RULE_ID + ".toml")
ARRAYS = ["word", "other", "relation", "original", "trigram", "original_in_story", "word_in_story", "share",
          "outer", "general", "general_original", "general_word"]
# The both-words check's model (the rule's kBothKeys): no side, one array of 10 per feature.
BOTH_ARRAYS = ["both_first_word", "both_second_word", "both_first_general", "both_second_general", "both_original",
               "both_first_relation", "both_second_relation"]
SIZES = {"word": 10, "other": 10, "relation": 10, "original": 10, "trigram": 10, "original_in_story": 2,
         "word_in_story": 3, "share": 10, "outer": 10, "general": 10, "general_original": 10,
         "general_word": 10}
SIZES.update({n: 10 for n in BOTH_ARRAYS})


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
    """The features of a scored candidate, or None for the rule's other checks (their message
    names them: "paraphrase", and "both" with the both-words model's features)."""
    if "=" not in message or message.startswith("both"):
        return None
    f = dict(kv.split("=", 1) for kv in message.split())
    return {k: (v if k == "side" else int(v)) for k, v in f.items()}


def both_features(message):
    """The features of a both-words candidate ("both both_first_word=2 ..."), or None."""
    if not message.startswith("both ") or "=" not in message:
        return None
    return {k: int(v) for k, v in (kv.split("=", 1) for kv in message.split()[1:])}


def read_set(spin_dir, wirelint, tmp, data, all_stories):
    """The set's candidates (part A's, or every story's) as the rule computes them: {"planted":
    [features + the spin's "class" and "spin" key], "false": [features], "words": clean words,
    "spins": {class: spins planted in the stories read}}."""
    config = os.path.join(spin_dir, "config.toml")
    config = os.path.abspath(config) if os.path.exists(config) else None
    keep = set()
    for i, s in enumerate(read_jsonl(os.path.join(spin_dir, "spun.jsonl"))):
        if all_stories or i % 2 == 0:
            keep.add(str(s["id"]))
    spins = collections.defaultdict(list)
    classes = collections.Counter()
    for e in read_jsonl(os.path.join(spin_dir, "expected.jsonl")):
        spins[str(e["story"])].append(e)
        if str(e["story"]) in keep:
            classes[e["class"]] += 1
    found = {}
    for kind in ("spun", "clean"):
        corpus = os.path.join(tmp, kind + ".jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for s in read_jsonl(os.path.join(spin_dir, kind + ".jsonl")):
                if str(s["id"]) in keep:
                    f.write(json.dumps(s) + "\n")
        out = os.path.join(tmp, kind + ".findings.jsonl")
        try:
            lint(wirelint, corpus, out, [RULE_ID], data, config)
        except InputError as e:
            sys.exit("train_collocation.py: %s" % e)
        found[kind] = read_findings(out, [RULE_ID])
    planted, both_planted = [], []
    for sid, fs in found["spun"][1].items():
        for f in fs:
            hit = next((e for e in spins[sid] if overlaps(f, e)), None)
            if not hit:
                continue
            key = {"class": hit["class"], "spin": "%s:%s" % (sid, hit["offset"])}
            if features(f["message"]) is not None:
                planted.append(dict(features(f["message"]), **key))
            elif both_features(f["message"]) is not None:
                both_planted.append(dict(both_features(f["message"]), **key))
    clean = [f["message"] for fs in found["clean"][1].values() for f in fs]
    false = [features(m) for m in clean if features(m) is not None]
    both_false = [both_features(m) for m in clean if both_features(m) is not None]
    return {"planted": planted, "false": false, "both_planted": both_planted, "both_false": both_false,
            "words": sum(found["clean"][0].values()), "spins": dict(classes)}


def least_score(weights, false, words, max_false, names=None):
    """The lowest score that keeps false candidates at most max_false per 1,000 words."""
    scores = sorted((score(weights, f, names) for f in false), reverse=True)
    allowed = int(max_false * words / 1000)
    return scores[allowed] + 1 if allowed < len(scores) else -1000


def fit(a, planted, false, names=None):
    """The single-word model's weights (names None), or the both-words model's (always logistic)."""
    if names or a.model == "logistic":
        return train_logistic(planted, false, a.l2, names=names)
    return train(planted, false)


def held_out(a, sets, max_false, names=None):
    """Each set with the weights and least score learned from the other sets' candidates (the
    both-words model's with names): (held set, weights, least)."""
    prefix = "both_" if names else ""
    for i, held in enumerate(sets):
        rest = [s for j, s in enumerate(sets) if j != i]
        planted = [p for s in rest for p in s.get(prefix + "planted", [])]
        false = [f for s in rest for f in s.get(prefix + "false", [])]
        if not planted or not false:
            return
        weights = fit(a, planted, false, names)
        yield held, weights, least_score(weights, false, sum(s["words"] for s in rest), max_false, names)


def cross_validate(a, sets):
    """Each set scored by weights and a least score learned from the others: recall of single
    spins and of all, false findings per 1,000 clean words."""
    totals = collections.Counter()
    for i, (held, weights, least) in enumerate(held_out(a, sets, a.max_false)):
        caught = {p["spin"]: p["class"] for p in held["planted"] if score(weights, p) >= least}
        single = sum(1 for c in caught.values() if c == "single")
        wrong = sum(1 for f in held["false"] if score(weights, f) >= least)
        n_single, n_all = held["spins"].get("single", 0), sum(held["spins"].values())
        print("set %d: least %d, single %d/%d %.3f, all %d/%d %.3f, false %d %.3f per 1,000"
              % (i, least, single, n_single, single / max(n_single, 1), len(caught), n_all, len(caught) / max(n_all, 1),
                 wrong, 1000.0 * wrong / max(held["words"], 1)))
        totals.update({"single": single, "n_single": n_single, "all": len(caught), "n_all": n_all, "false": wrong,
                       "words": held["words"]})
    t = totals
    print("held out: single %.3f, all %.3f, false %.3f per 1,000"
          % (t["single"] / max(t["n_single"], 1), t["all"] / max(t["n_all"], 1), 1000.0 * t["false"] / max(t["words"], 1)))
    both = collections.Counter()
    for held, weights, least in held_out(a, sets, a.both_max_false, BOTH_ARRAYS):
        caught = {p["spin"] for p in held["both_planted"] if p["class"] == "both" and score(weights, p, BOTH_ARRAYS) >= least}
        wrong = sum(1 for f in held["both_false"] if score(weights, f, BOTH_ARRAYS) >= least)
        both.update({"caught": len(caught), "n": held["spins"].get("both", 0), "false": wrong, "words": held["words"]})
    if not both:
        return
    print("held out, both words: recall %.3f, false %d, %.3f per 1,000"
          % (both["caught"] / max(both["n"], 1), both["false"], 1000.0 * both["false"] / max(both["words"], 1)))


def one_hot(f, names=None):
    """The indices of a candidate's feature values in the weight vector: the side (the single-word
    model, names None), then one value of each array."""
    out, base = ([0 if f["side"] == "head" else 1], 2) if names is None else ([], 2)
    for n in names or ARRAYS:
        out.append(base + min(max(f.get(n, 0), 0), SIZES[n] - 1))
        base += SIZES[n]
    return out


def train_logistic(planted, false, l2=1.0, rounds=400, names=None):
    """Weights of a logistic regression on the one-hot values (full-batch gradient descent with
    AdaGrad steps; planted and false candidates weighed so that each class counts alike); names:
    the both-words model's arrays (no side) instead of the single-word model's."""
    size = 2 + sum(SIZES[n] for n in names or ARRAYS)
    rows = [(one_hot(f, names), 1.0, 0.5 / len(planted)) for f in planted] + \
        [(one_hot(f, names), 0.0, 0.5 / len(false)) for f in false]
    w, bias = [0.0] * size, 0.0
    g2, b2 = [1e-8] * size, 1e-8
    n = len(rows)
    for _ in range(rounds):
        grad, gb = [l2 * x / n for x in w], 0.0
        for idx, y, weight in rows:
            z = bias + sum(w[i] for i in idx)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            d = (p - y) * weight
            gb += d
            for i in idx:
                grad[i] += d
        for i in range(size):
            g2[i] += grad[i] * grad[i]
            w[i] -= 0.5 * grad[i] / math.sqrt(g2[i])
        b2 += gb * gb
        bias -= 0.5 * gb / math.sqrt(b2)
    weights, base = {"side_head": round(10 * w[0]), "side_modifier": round(10 * w[1])}, 2
    if names:
        weights = {}
    for name in names or ARRAYS:
        weights[name] = [round(10 * x) for x in w[base:base + SIZES[name]]]
        base += SIZES[name]
    return weights


def train(planted, false):
    weights = {}
    for name in ARRAYS:
        size = SIZES[name]
        pc = collections.Counter(f.get(name, 0) for f in planted)
        fc = collections.Counter(f.get(name, 0) for f in false)
        weights[name] = [round(10 * (math.log((pc[v] + 1) / (len(planted) + size)) -
                                     math.log((fc[v] + 1) / (len(false) + size)))) for v in range(size)]
    pc = collections.Counter(f["side"] for f in planted)
    fc = collections.Counter(f["side"] for f in false)
    for side in ("head", "modifier"):
        weights["side_" + side] = round(10 * (math.log((pc[side] + 1) / (len(planted) + 2)) -
                                              math.log((fc[side] + 1) / (len(false) + 2))))
    return weights


def score(weights, f, names=None):
    side = weights["side_" + f["side"]] if names is None else 0
    return side + sum(weights[n][min(max(f.get(n, 0), 0), SIZES[n] - 1)] for n in names or ARRAYS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spin-dir", required=True, action="append", help="a spin set (repeatable)")
    ap.add_argument("--all-stories", action="store_true", help="learn from every story, not part A")
    ap.add_argument("--model", default="logistic", choices=["logistic", "bayes"])
    ap.add_argument("--l2", type=float, default=1.0, help="logistic: L2 penalty, relative to the data")
    ap.add_argument("--candidates", help="keep the candidates read in this JSON file; read them from it when it exists")
    ap.add_argument("--wirelint", default=os.path.join(ROOT, "build", "src", "wirelint"))
    ap.add_argument("--max-false", type=float, default=0.04, help="false candidates per 1,000 words of part A")
    ap.add_argument("--both-max-false", type=float, default=0.003,
                    help="the both-words model's false candidates per 1,000 words")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cross-validate", action="store_true",
                    help="score each set with weights learned from the others (recall, false findings); write nothing")
    a = ap.parse_args()
    sets = []
    if a.candidates and os.path.exists(a.candidates):
        with open(a.candidates, encoding="utf-8") as f:
            sets = json.load(f)
    else:
        tmp = tempfile.mkdtemp(prefix="wirelint-train-")
        try:
            data = tracing_data_dir(os.path.join(tmp, "data"))
            for i, d in enumerate(a.spin_dir):
                work = os.path.join(tmp, "set%d" % i)
                os.makedirs(work)
                sets.append(read_set(d, a.wirelint, work, data, a.all_stories))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if a.candidates:
            with open(a.candidates, "w", encoding="utf-8") as f:
                json.dump(sets, f)
    if a.cross_validate:
        cross_validate(a, sets)
        return
    planted = [p for s in sets for p in s["planted"]]
    false = [f for s in sets for f in s["false"]]
    words = sum(s["words"] for s in sets)
    weights = fit(a, planted, false)
    least = least_score(weights, false, words, a.max_false)
    found = sum(1 for f in planted if score(weights, f) >= least)
    block = ["# weights: learned by tools/spin/train_collocation.py %s%s--model %s --max-false %s (%s: %d planted"
             % ("".join("--spin-dir %s " % os.path.relpath(d, ROOT) for d in a.spin_dir),
                "--all-stories " if a.all_stories else "", a.model, a.max_false,
                "every story" if a.all_stories else "part A", len(planted)),
             "# and %d false candidates, %d clean words; %d planted candidates score at least min_score)."
             % (len(false), words, found),
             "min_score = %d" % least,
             "side_head = %d" % weights["side_head"],
             "side_modifier = %d" % weights["side_modifier"]]
    block += ["%s = [%s]" % (n, ", ".join(str(x) for x in weights[n])) for n in ARRAYS]
    block.append("# weights: end")
    both_planted = [p for s in sets for p in s.get("both_planted", [])]
    both_false = [f for s in sets for f in s.get("both_false", [])]
    if both_planted and both_false:
        bw = fit(a, both_planted, both_false, BOTH_ARRAYS)
        both_least = least_score(bw, both_false, words, a.both_max_false, BOTH_ARRAYS)
        both_found = sum(1 for p in both_planted if score(bw, p, BOTH_ARRAYS) >= both_least)
        block += ["# both weights: the both-words check's, learned likewise (%d planted and %d false candidates;"
                  % (len(both_planted), len(both_false)),
                  "# --both-max-false %s; %d planted candidates reach min_score). both_bias puts the least score"
                  % (a.both_max_false, both_found),
                  "# at min_score.",
                  "both_bias = %d" % (least - both_least)]
        block += ["%s = [%s]" % (n, ", ".join(str(x) for x in bw[n])) for n in BOTH_ARRAYS]
        block.append("# both weights: end")
    text = "\n".join(block) + "\n"
    if not a.write:
        sys.stdout.write(text)
        return
    with open(RULE, encoding="utf-8") as f:
        rule = f.read()
    start = rule.index("# weights: learned")
    end = rule.index("# weights: end\n") + len("# weights: end\n")
    if rule.startswith("# both weights:", end):
        end = rule.index("# both weights: end\n") + len("# both weights: end\n")
    with open(RULE, "w", encoding="utf-8") as f:
        f.write(rule[:start] + text + rule[end:])
    print("train_collocation.py: weights written to %s" % os.path.relpath(RULE, ROOT))


if __name__ == "__main__":
    main()
