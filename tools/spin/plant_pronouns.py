#!/usr/bin/env python3
"""Plant subject pronouns where a possessive determiner belongs in wire stories and measure the
pronoun rule's recall on them.

A plant turns "their lawsuit", "his company", "our exports" into "they lawsuit", "he company",
"we exports" (lower case or capitalized as written; "her" is left alone, being an object too), at
most --per-story times a story and 40 characters apart. A plant is caught when a finding of
grammar-pronoun-determiner covers exactly the pronoun and the word after it, and right when its
first replacement is the text as it was. Plants are counted by the word after the determiner:
`noun` (a word of dictionaries/ngrams/nominal-forms.tsv, nouns and adjectives, or of
plural-forms.tsv, and after "he" a noun that is a verb's base form too, which the rule can judge) and `other` (a participle, a word that is a verb or an
adverb too: "they own", "they purchase", "they new"), where the rule stays silent by design.

Like the other spinners it reads the corpora at run time and writes only under --work (default
build/spin/pronouns): no text of the Reuters corpus enters the tree. False findings on the clean
stories come from `wirelint corpus --only grammar-pronoun-determiner` on the same part.

  python3 tools/spin/plant_pronouns.py --part odd [--seed 1] [--limit 4000] [--per-story 2]
  python3 tools/spin/plant_pronouns.py --corpus build/corpora/factbook.jsonl --part odd
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

RULE = "grammar-pronoun-determiner"
NGRAMS = os.path.join(ROOT, "dictionaries", "ngrams")
SUBJECT = {"their": "they", "his": "he", "our": "we"}
SPOT = re.compile(r"(?<![\w'’.-])(their|Their|his|His|our|Our)([ \t]+)([a-z][a-z-]*)(?![\w'’])")


def noun_words():
    """What the rule can judge: the words it judges after any pronoun (rows "!n" and "!a" of
    nominal-forms.tsv, and plural-forms.tsv), those it judges after "he" only (rows "!b": a noun
    and a verb's base form), and the plurals of person nouns (rows "!h"), which after "we" are an
    apposition it leaves alone ("we farmers")."""
    any_pronoun, singular, persons, person_plurals = set(), set(), set(), set()
    with open(os.path.join(NGRAMS, "nominal-forms.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                key, word = line.split("\t")[:2]
                {"!b": singular, "!h": persons}.get(key, any_pronoun).add(word)
    for plural, singular_form, _ in read_forms():
        any_pronoun.add(plural)
        if singular_form in persons:
            person_plurals.add(plural)
    return any_pronoun, singular, person_plurals


def subject_of(determiner):
    pronoun = SUBJECT[determiner.lower()]
    return pronoun.capitalize() if determiner[0].isupper() else pronoun


def plant(stories, words, per_story, rng):
    """Stories with plants and the plants (story, offset, length, original, class)."""
    any_pronoun, singular, person_plurals = words
    out, placed = plant_spots(stories, lambda body: list(SPOT.finditer(body)),
                              lambda m: subject_of(m.group(1)) + m.group(2) + m.group(3), per_story, rng)
    plants = []
    for story, m, new, offset, _ in placed:
        det, word = m.group(1).lower(), m.group(3)
        judged = ((word in any_pronoun and not (det == "our" and word in person_plurals)) or
                  (det == "his" and word in singular))
        plants.append((story, offset, len(new.encode("utf-8")), m.group(0), "noun" if judged else "other"))
    return out, plants


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    planter_arguments(ap, ROOT, "pronouns", 4000)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    stories = part_stories(a.corpus, a.part, a.limit)
    planted, plants = plant(stories, noun_words(), a.per_story, rng)
    score_plants(a, RULE, planted, plants, ("noun", "other"), "plant_pronouns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
