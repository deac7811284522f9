#!/usr/bin/env python3
"""Plant one-letter typos in wire stories and measure the spelling rule's recall on them.

Each planted typo is one slip of the keyboard on a lower-case word of four letters or more that
the general English word list knows: a letter typed twice or a neighbouring key pressed too
(insertion), a letter dropped (deletion), a neighbouring key instead of the right one
(substitution), or two letters swapped (transposition). A slip that makes another English word
("form" -> "from") is no misspelling and is not planted. The stories go through
`wirelint corpus --only spelling-unknown-word`; a typo is caught when a finding covers exactly the
planted word, and suggested right when the first replacement is the word as it was.

Like the other spinners it reads the corpora at run time and writes only under --work (default
build/spin/typos): no text of the Reuters corpus enters the tree. The word list it uses to tell a
word from a slip is the expanded Hunspell list (dictionaries/hunspell/en_US.words), the general
dictionary, not the rule's vocabularies.

  python3 tools/spin/plant_typos.py --part odd [--seed 1] [--limit 600] [--per-story 2]
  python3 tools/spin/plant_typos.py --corpus build/corpora/factbook.jsonl --part odd
"""
import argparse
import collections
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULE = "spelling-unknown-word"
sys.path.insert(0, os.path.join(ROOT, "tools"))
from derivation import corpus_findings, far_apart, part_stories, planter_arguments, splice, write_planted  # noqa: E402

ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def neighbours():
    """letter -> the letters of the keys around it on a QWERTY keyboard."""
    pos = {c: (r, i) for r, row in enumerate(ROWS) for i, c in enumerate(row)}
    out = {}
    for c, (r, i) in pos.items():
        out[c] = sorted(d for d, (r2, i2) in pos.items()
                        if d != c and abs(r - r2) <= 1 and -1 <= (i2 + (r2 - r) * 0.5) - i <= 1)
    return out


NEAR = neighbours()
KINDS = ("insertion", "deletion", "substitution", "transposition")


def slip(word, kind, rng):
    """One slip of `kind` on `word`, or None when the word offers none."""
    if kind == "insertion":  # the key again, or a neighbour pressed with it
        i = rng.randrange(len(word))
        extra = rng.choice([word[i]] + NEAR.get(word[i], []))
        return word[:i + 1] + extra + word[i + 1:]
    if kind == "deletion":
        i = rng.randrange(len(word))
        return word[:i] + word[i + 1:]
    if kind == "substitution":
        i = rng.randrange(len(word))
        if not NEAR.get(word[i]):
            return None
        return word[:i] + rng.choice(NEAR[word[i]]) + word[i + 1:]
    i = rng.randrange(len(word) - 1)
    if word[i] == word[i + 1]:
        return None
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def load_words(path):
    with open(path, encoding="utf-8") as f:
        return {line.rstrip("\n") for line in f}


def plant(stories, words, per_story, rng):
    """Stories with typos in them and the list of plants (story, offset, typo, word, kind)."""
    out, plants = [], []
    for story in stories:
        body = story["body"]
        spots = [m for m in re.finditer(r"(?<![\w'’.-])[a-z]{4,}(?![\w'’-])", body) if m.group() in words]
        rng.shuffle(spots)

        def make(m):
            kind = rng.choice(KINDS)
            typo = slip(m.group(), kind, rng)
            return None if not typo or typo in words or typo.capitalize() in words else (typo, kind)

        chosen = far_apart(spots, per_story, make)
        text, offsets = splice(body, [(m.start(), m.end(), typo) for m, (typo, _) in chosen])
        for (m, (typo, kind)), offset in zip(chosen, offsets):
            plants.append((str(story["id"]), offset, typo, m.group(), kind))
        if chosen:
            out.append(dict(story, body=text))
    return out, plants


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    planter_arguments(ap, ROOT, "typos", 600)
    ap.add_argument("--words", default=os.path.join(ROOT, "dictionaries", "hunspell", "en_US.words"))
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    stories = part_stories(a.corpus, a.part, a.limit)
    planted, plants = plant(stories, load_words(a.words), a.per_story, rng)
    corpus = write_planted(a.work, planted)
    findings_path = os.path.join(a.work, "findings.jsonl")
    found = {(d["story"], d["offset"], d["length"]): d.get("replacements", [])
             for d in corpus_findings(a.wirelint, corpus, findings_path, only=RULE, who="plant_typos")}
    by_kind = collections.defaultdict(lambda: [0, 0, 0])
    missed = []
    for story, offset, typo, word, kind in plants:
        hit = found.get((story, offset, len(typo.encode("utf-8"))))
        row = by_kind[kind]
        row[0] += 1
        if hit is not None:
            row[1] += 1
            row[2] += bool(hit) and hit[0] == word
        if hit is None or not hit or hit[0] != word:
            missed.append((kind, typo, word, "not found" if hit is None else ",".join(hit[:3]) or "no suggestion"))
    total = [sum(r[k] for r in by_kind.values()) for k in range(3)]
    print("%d typos planted in %d stories (%s part of %s)" % (total[0], len(planted), a.part, os.path.basename(a.corpus)))
    print("%-14s %6s %8s %14s" % ("kind", "typos", "caught", "right first"))
    figures = {}
    for kind in KINDS + ("all",):
        n, c, right = total if kind == "all" else by_kind[kind]
        figures[kind] = {"typos": n, "caught": c / n if n else 0.0, "right_first": right / n if n else 0.0}
        print("%-14s %6d %7.1f%% %13.1f%%" % (kind, n, 100.0 * c / max(n, 1), 100.0 * right / max(n, 1)))
    for kind, typo, word, got in missed[:a.show_missed]:
        print("  %-13s %-18s %-16s %s" % (kind, typo, word, got))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
