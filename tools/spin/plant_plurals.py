#!/usr/bin/env python3
"""Plant nouns pluralized after a determiner of one in wire stories and measure the determiner
rule's recall on them.

A plant turns "a surplus", "an ounce", "every month", "each share" into "a surpluses", "an
ounces", ... : the noun right after a determiner (a, an, every, another, each), lower case, no
WordNet adjective ("a good", "a joint"), whose plural dictionaries/ngrams/plural-forms.tsv knows,
takes that plural, at most --per-story times a
story and 40 characters apart. A plant is caught when a finding of grammar-determiner-plural
covers exactly the determiner and the plural and offers the text as it was. Plants are counted
by what follows the noun: `end` (punctuation or a word of the rule's following_words: "a
surpluses of") and `word` (any other word or a figure: "a banks loan", where an attributive plural would be
grammatical and the rule asks the n-gram table).

Like the other spinners it reads the corpora at run time and writes only under --work (default
build/spin/plurals): no text of the Reuters corpus enters the tree. False findings on the clean
stories come from `wirelint corpus --only grammar-determiner-plural` on the same part.

  python3 tools/spin/plant_plurals.py --part odd [--seed 1] [--limit 4000] [--per-story 2]
  python3 tools/spin/plant_plurals.py --corpus build/corpora/factbook.jsonl --part odd
"""

import argparse
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from derivation import part_stories, plant_spots, planter_arguments, score_plants  # noqa: E402
from gen_plural_forms import read_forms  # noqa: E402

RULE = "grammar-determiner-plural"
RULE_FILE = os.path.join(ROOT, "rules", "grammar", RULE + ".toml")
SPOT = re.compile(r"(?<![\w'’.-])(a|an|every|another|each)([ \t]+)([a-z]{3,})(?![\w'’-])")


def load_plurals():
    """singular -> plural, from the rows of dictionaries/ngrams/plural-forms.tsv."""
    out = {}
    for plural, singular, _ in read_forms():
        out.setdefault(singular, plural)
    return out


def adjective_lemmas(folder):
    """WordNet's adjectives: "a good", "a joint" are no nouns to pluralize."""
    with open(os.path.join(folder, "index.adj"), encoding="latin-1") as f:
        return {line.split(" ", 1)[0] for line in f if not line.startswith(" ")}


def following_words():
    with open(RULE_FILE, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"following_words\s*=\s*\[(.*?)\]", text, re.S)
    return set(re.findall(r'"([^"]+)"', m.group(1))) if m else set()


def plant(stories, plurals, adjectives, following, per_story, rng):
    """Stories with plants and the plants (story, offset, length, original, class)."""
    out, placed = plant_spots(
        stories, lambda body: [m for m in SPOT.finditer(body) if m.group(3) in plurals and m.group(3) not in adjectives],
        lambda m: m.group(1) + m.group(2) + plurals[m.group(3)], per_story, rng)
    plants = []
    for story, m, new, offset, body in placed:
        after = re.match(r"\s*([A-Za-z]+|\S)?", body[m.end():])
        nxt = (after.group(1) or "") if after else ""
        cls = "word" if nxt[:1].isalnum() and nxt not in following else "end"
        plants.append((story, offset, len(new.encode("utf-8")), m.group(0), cls))
    return out, plants


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    planter_arguments(ap, ROOT, "plurals", 4000)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    stories = part_stories(a.corpus, a.part, a.limit)
    planted, plants = plant(stories, load_plurals(), adjective_lemmas(a.wordnet), following_words(), a.per_story, rng)
    score_plants(a, RULE, planted, plants, ("end", "word"), "plant_plurals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
