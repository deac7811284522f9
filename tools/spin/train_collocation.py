#!/usr/bin/env python3
"""Learn the weights of the rule spun-collocation-model from a collocation spin set.

  python3 tools/spin/train_collocation.py --spin-dir DIR [--max-false 0.04] [--write]

Reads a set made by tools/spin/spin_phrases.py (clean.jsonl, spun.jsonl, expected.jsonl) and
keeps part A only: the 1st, 3rd, 5th ... story, as score.py --part A counts them; part B stays
unread for measurement. For every candidate pair the rule would judge (two adjacent lower-case
content words unseen as a pair in dictionaries/ngrams/news.tsv, one of them a thesaurus word for
a frequent word that forms a pair at least min_original_strength strong with the other), it
computes the rule's features and labels the candidate: planted (it overlaps a spin of spun.jsonl)
or false (it is found in the untouched twin). The weights are a naive Bayes model: for each
feature value, ten times the natural log of its rate among planted candidates over its rate
among false ones (add-one smoothing), rounded. The least score is the lowest that keeps false
candidates at most --max-false per 1,000 words of part A's clean twins. --write puts the weights
into rules/spun/spun-collocation-model.toml between its "# weights:" markers; otherwise they are
printed.

Features (the rule computes the same; see src/rules/kinds/spun/collocation.cpp):
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
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RULE = os.path.join(ROOT, "rules", "spun", "spun-collocation-model.toml")
WORD = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
ARRAYS = ["word", "other", "relation", "original", "trigram", "original_in_story", "word_in_story"]
SIZES = {"word": 10, "other": 10, "relation": 10, "original": 10, "trigram": 10, "original_in_story": 2,
         "word_in_story": 3}


def read_rule_settings():
    """The rule's gate settings and word lists, read from its file (tomllib)."""
    import tomllib
    with open(RULE, "rb") as f:
        rule = tomllib.load(f)
    return rule


def read_table(path):
    """news.tsv as unigram, bigram and trigram strength maps."""
    uni, bi, tri = {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or (line.startswith("#") and not line.startswith("#\t")):
                continue
            a, b, s = parts[0], parts[1], int(parts[3])
            if a == "#":
                uni[b] = s
            elif " " in a:
                tri[(a, b)] = s
            else:
                bi[(a, b)] = s
    return uni, bi, tri


def read_synonyms(path):
    syn = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, o, _, s = line.rstrip("\n").split("\t")
            syn[w][o] = int(s)
    return syn


def base_forms(w):
    """The word and its singular forms (the rule uses the synonym model's base_forms)."""
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.append(w[:-1])
    return out


def plural(w):
    return len(w) > 3 and w.endswith("s") and w[-2] != "s"


def inflect(o, like):
    if not plural(like) or plural(o):
        return o
    return o[:-1] + "ies" if len(o) > 1 and o.endswith("y") else o + "s"


def same_word(a, b):
    return bool(set(base_forms(a)) & set(base_forms(b))) or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


class Model:
    def __init__(self, rule):
        self.uni, self.bi, self.tri = read_table(os.path.join(ROOT, "dictionaries", "ngrams", "news.tsv"))
        self.syn = read_synonyms(os.path.join(ROOT, "dictionaries", "ngrams", "collocation-synonyms.tsv"))
        self.function = {w.lower() for w in rule["function_words"]}
        self.skip = {w.lower() for w in rule["skip_heads"]}
        self.min_original = rule["min_original_strength"]

    def candidates(self, body):
        """(start, end, features) of every pair the rule judges, best original first."""
        toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(body)]
        low = [t[2].lower() for t in toks]
        counts = collections.Counter(low)
        pairs = collections.Counter(zip(low, low[1:]))
        out = []
        for i in range(len(toks) - 1):
            (s1, e1, a), (s2, e2, b) = toks[i], toks[i + 1]
            if not (a.isalpha() and b.isalpha() and a.islower() and b.islower()):
                continue
            gap = body[e1:s2]
            if gap.strip() or "\n\n" in gap or len(a) < 3 or len(b) < 3:
                continue
            if i > 0 and toks[i - 1][2] == "-" and toks[i - 1][1] == s1:
                continue
            if i + 2 < len(toks) and toks[i + 2][2] == "-" and toks[i + 2][0] == e2:
                continue
            if a in self.function or b in self.function or b in self.skip or self.bi.get((a, b), 0) > 0:
                continue
            p = low[i - 1] if i > 0 and toks[i - 1][2].isalpha() else ""
            n = low[i + 2] if i + 2 < len(toks) and toks[i + 2][2].isalpha() else ""
            best = None
            for head in (True, False):
                w, other = (b, a) if head else (a, b)
                for bw in base_forms(w):
                    for o, rel in self.syn.get(bw, {}).items():
                        orig = inflect(o, w) if head else o
                        if orig == w or same_word(orig, w) or orig in self.function:
                            continue
                        pair = (a, orig) if head else (orig, b)
                        s = self.bi.get(pair, 0)
                        if s < self.min_original or self.uni.get(orig, 0) <= self.uni.get(w, 0):
                            continue
                        t = max(self.tri.get((p + " " + pair[0], pair[1]), 0) if p else 0,
                                self.tri.get((pair[0] + " " + pair[1], n), 0) if n else 0)
                        f = {"side": "head" if head else "modifier", "word": min(self.uni.get(w, 0), 9),
                             "other": min(self.uni.get(other, 0), 9), "relation": min(rel, 9), "original": s,
                             "trigram": t, "original_in_story": 1 if pairs[pair] > 0 else 0,
                             "word_in_story": min(counts[w] - 1, 2), "fix": " ".join(pair)}
                        key = (s + t, rel, f["fix"])
                        if best is None or key > best[0]:
                            best = (key, f)
            if best:
                out.append((s1, e2, best[1]))
        return out


def part_a(spin_dir):
    """Part A's stories: (spun body, clean body, spins as character spans)."""
    clean = {}
    with open(os.path.join(spin_dir, "clean.jsonl"), encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            clean[str(s["id"])] = s["body"]
    spins = collections.defaultdict(list)
    with open(os.path.join(spin_dir, "expected.jsonl"), encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            spins[str(e["story"])].append(e)
    with open(os.path.join(spin_dir, "spun.jsonl"), encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 2:
                continue
            s = json.loads(line)
            sid = str(s["id"])
            raw = s["body"].encode("utf-8")
            spans = [(len(raw[:e["offset"]].decode("utf-8", "ignore")),
                      len(raw[:e["offset"] + e["length"]].decode("utf-8", "ignore"))) for e in spins[sid]]
            yield s["body"], clean[sid], spans


def train(model, stories):
    planted, false, words = [], [], 0
    for spun, clean, spans in stories:
        words += len(clean.split())
        for s1, e2, f in model.candidates(spun):
            if any(s1 < e and e2 > s for s, e in spans):
                planted.append(f)
        false.extend(f for _, _, f in model.candidates(clean))
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
    return weights, planted, false, words


def score(weights, f):
    return weights["side_" + f["side"]] + sum(weights[n][f[n]] for n in ARRAYS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spin-dir", required=True)
    ap.add_argument("--max-false", type=float, default=0.04, help="false candidates per 1,000 words of part A")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    model = Model(read_rule_settings())
    weights, planted, false, words = train(model, part_a(a.spin_dir))
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
