#!/usr/bin/env python3
"""Plant one-letter slips in capitals named in wire stories and measure the entity near-miss
rule's recall on them ("Tehram" for Tehran, "Manila" -> "Manla").

In each story of the chosen part, one mention of a one-word capital of six letters or more
(dictionaries/entities/countries.tsv, column `capitals`) gets one keyboard slip that keeps its
first letter: a letter dropped, doubled, swapped with the next, or a neighbouring key instead.
A slip that makes a word of the general English list or another capital is not planted. The
stories go through `wirelint corpus --only entity-near-miss`; a slip is caught when a finding
covers exactly the slipped word, and fixed right when its first replacement is the capital.
Findings on the clean stories are counted too (per 1,000 words), as false findings of the rule.

Like the other spinners it reads the corpora at run time and writes only under --work (default
build/spin/place-slips): no corpus text enters the tree.

  python3 tools/spin/plant_place_slips.py --part odd [--seed 1] [--corpus FILE] [--data-dir D]
"""
import argparse
import csv
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULE = "entity-near-miss"
sys.path.insert(0, os.path.join(ROOT, "tools"))
from derivation import corpus_findings  # noqa: E402

ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def neighbours():
    """letter -> the keys around it on a QWERTY keyboard, whose rows are staggered: on the row
    below, the same index and one to the left touch; on the row above, the same index and one
    to the right."""
    pos = {c: (r, i) for r, row in enumerate(ROWS) for i, c in enumerate(row)}
    out = {}
    for c, (r, i) in pos.items():
        near = [(r, i - 1), (r, i + 1), (r + 1, i - 1), (r + 1, i), (r - 1, i), (r - 1, i + 1)]
        out[c] = [ROWS[rr][ii] for rr, ii in near if 0 <= rr < 3 and 0 <= ii < len(ROWS[rr])]
    return out


def capitals():
    names = set()
    with open(os.path.join(ROOT, "dictionaries", "entities", "countries.tsv"), encoding="utf-8") as f:
        rows = csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")
        for row in rows:
            for c in (row.get("capitals") or "").split("|"):
                c = c.strip()
                if c and " " not in c and "-" not in c and len(c) >= 6 and c.isalpha():
                    names.add(c)
    return names


def english_words():
    path = os.path.join(ROOT, "dictionaries", "hunspell", "en_US.words")
    words = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            words = {w.strip().lower() for w in f}
    return words


def slips(word, rnd, near):
    """Every slip of `word` that keeps its first letter, in a random order."""
    out = set()
    for i in range(1, len(word)):
        out.add(word[:i] + word[i + 1:])                                   # dropped
        out.add(word[:i] + word[i] + word[i:])                             # doubled
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])       # swapped
        for n in near.get(word[i].lower(), []):
            out.add(word[:i] + n + word[i + 1:])                           # neighbouring key
    out.discard(word)
    out = sorted(out)
    rnd.shuffle(out)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpora", "reuters-21578", "dev.jsonl"))
    ap.add_argument("--part", choices=["odd", "even"], default="odd")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--wirelint", default=os.path.join(ROOT, "build", "src", "wirelint"))
    ap.add_argument("--data-dir")
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "spin", "place-slips"))
    ap.add_argument("--show-missed", type=int, default=0)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    caps, words, near = capitals(), english_words(), neighbours()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, caps), key=len, reverse=True)) + r")\b")
    os.makedirs(a.work, exist_ok=True)
    clean_path, spun_path = os.path.join(a.work, "clean.jsonl"), os.path.join(a.work, "spun.jsonl")
    planted = {}
    words_clean = 0
    with open(a.corpus, encoding="utf-8") as f, open(clean_path, "w", encoding="utf-8") as clean, \
            open(spun_path, "w", encoding="utf-8") as spun:
        for i, line in enumerate(f):
            if (i % 2 == 1) != (a.part == "odd") or not line.strip():
                continue
            story = json.loads(line)
            body = story["body"]
            hits = list(pattern.finditer(body))
            if not hits:
                continue
            m = rnd.choice(hits)
            word = m.group(1)
            slip = next((s for s in slips(word, rnd, near) if s.lower() not in words and s not in caps), None)
            if not slip:
                continue
            sid = str(story.get("id", i))
            clean.write(json.dumps({"id": sid, "date": story.get("date"), "body": body}) + "\n")
            spun.write(json.dumps({"id": sid, "date": story.get("date"),
                                   "body": body[:m.start()] + slip + body[m.end():]}) + "\n")
            # wirelint reports offsets in UTF-8 bytes; the body may hold other letters before
            # the slip (Factbook prose: "Fertő", "São Tomé").
            planted[sid] = (len(body[:m.start()].encode("utf-8")), slip, word)
            words_clean += len(body.split())
    found = corpus_findings(a.wirelint, spun_path, os.path.join(a.work, "spun-findings.jsonl"), only=RULE,
                            data_dir=a.data_dir, who="plant_place_slips")
    false = corpus_findings(a.wirelint, clean_path, os.path.join(a.work, "clean-findings.jsonl"), only=RULE,
                            data_dir=a.data_dir, who="plant_place_slips")
    caught = right = 0
    hit_ids = set()
    for d in found:
        p = planted.get(str(d["story"]))
        if p and d["offset"] == p[0] and d["length"] == len(p[1].encode("utf-8")):
            caught += 1
            hit_ids.add(str(d["story"]))
            right += bool(d["replacements"]) and d["replacements"][0] == p[2]
    n = len(planted)
    print(f"planted {n} capital slips; caught {caught} ({caught / max(n, 1):.3f}), right fix first {right} "
          f"({right / max(n, 1):.3f}); false findings on the clean twins {len(false)} "
          f"({len(false) * 1000 / max(words_clean, 1):.3f} per 1,000 words)")
    missed = [(sid, p) for sid, p in planted.items() if sid not in hit_ids]
    for sid, (off, slip, word) in missed[:a.show_missed]:
        print(f"  missed [{sid}] {slip} (for {word})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
