#!/usr/bin/env python3
"""Generate dictionaries/ngrams/general-pairs.tsv: the word pairs of general American English
that the collocation rule asks about, from a language model trained on far more text than the
reference news table (dictionaries/ngrams/news.tsv) holds.

The news table counts 1987 wire copy and the Factbook's prose, about 700,000 words: a real but
rare pair ("parent firm", "bunker prices") is unseen there as often as a spun one ("archbishopric
securities"). The CMU Sphinx generic US English trigram model (Debian pocketsphinx-en-us,
en-us.lm.bin: 72,547 words, 2,051,547 bigrams; BSD-2-Clause, Carnegie Mellon University and
Alpha Cephei Inc.) knows which pairs English writes. Only its facts are kept: which bigrams it
holds, and how likely each is.

A row is kept for every bigram of the model whose first word starts, or whose second word ends,
a pair of news.tsv of at least --min-original (the pairs the rule's candidates are built from:
a swapped head follows a frequent pair's first word, a swapped modifier precedes its second),
both words of three or more lower-case letters and neither a function word of the collocation
rule. Rows are in the format of news.tsv: first "^" and the pair's first word, second its second
word, source n, strength 9 + floor(log10 P(second | first)), 1 to 9 (a pair the model does not
hold has no row).

The model's binary is read through Debian's libsphinxbase (libsphinxbase-dev): the helper
general_pairs.c, compiled here into the build folder, lists the bigrams.

  python3 tools/ngrams/general_pairs.py [--model PATH] [--news PATH] [--check]
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, HERE)
from derivation import write_generated  # noqa: E402
from ngrams import FUNCTION_WORDS  # noqa: E402

MODEL = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
OUT = os.path.join(ROOT, "dictionaries", "ngrams", "general-pairs.tsv")
RULE = os.path.join(ROOT, "rules", "spun", "spun-collocation-model.toml")


class GeneralPairsError(Exception):
    pass


def news_ends(path, min_original):
    """(first words, second words) of the word pairs of a news table of at least min_original."""
    firsts, seconds = set(), set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("# "):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 4 or not fields[3].isdigit():
                raise GeneralPairsError("%s:%d: not a row of first, second, source, strength" % (path, lineno))
            first, second, _, strength = fields
            if first == "#" or " " in first or first.startswith(("!", "^")) or int(strength) < min_original:
                continue
            firsts.add(first)
            seconds.add(second)
    return firsts, seconds


def helper(build_dir):
    """Compiles general_pairs.c (once per change) and returns the program's path."""
    source = os.path.join(HERE, "general_pairs.c")
    program = os.path.join(build_dir, "general_pairs")
    if os.path.exists(program) and os.path.getmtime(program) >= os.path.getmtime(source):
        return program
    os.makedirs(build_dir, exist_ok=True)
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "sphinxbase"], check=True, capture_output=True,
                               text=True).stdout.split()
        subprocess.run(["cc", "-O2", "-o", program, source] + flags, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        raise GeneralPairsError("cannot build general_pairs.c (apt-get install libsphinxbase-dev pkg-config): %s" % e)
    return program


def generate(model, news, min_original, build_dir):
    """The file's text."""
    if not os.path.exists(model):
        raise GeneralPairsError("%s: no such model (apt-get install pocketsphinx-en-us)" % model)
    with open(RULE, "rb") as f:
        skip = set(tomllib.load(f).get("function_words", [])) | set(FUNCTION_WORDS)
    firsts, seconds = news_ends(news, min_original)
    program = helper(build_dir)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        lists = []
        for name, words in (("firsts", firsts), ("seconds", seconds)):
            lists.append(os.path.join(tmp, name))
            with open(lists[-1], "w", encoding="utf-8") as f:
                f.write("".join(w + "\n" for w in sorted(words)))
        run = subprocess.run([program, model] + lists, capture_output=True, text=True)
        if run.returncode != 0:
            lines = run.stderr.strip().splitlines() or ["exit status %d" % run.returncode]
            raise GeneralPairsError(lines[-1])
        out = run.stdout
    words = 0
    for line in out.splitlines():
        first, second, logp = line.split("\t")
        if first in skip or second in skip:
            continue
        if first == "#":
            strength = max(1, min(9, 17 + math.floor(2 * float(logp))))
            words += 1
        else:
            strength = max(1, min(9, 9 + math.floor(float(logp))))
        rows.append("^%s\t%s\tn\t%d\n" % (first, second, strength))
    rows.sort()
    header = [
        "# General-English word pairs: the bigrams of the CMU Sphinx generic US English trigram model",
        "# (Debian pocketsphinx-en-us, /usr/share/pocketsphinx/model/en-us/en-us.lm.bin; BSD-2-Clause,",
        "# Copyright 1995-2014 Carnegie Mellon University, 2014-2015 Alpha Cephei Inc.; only which",
        "# bigrams it holds and how likely each is are kept) that the collocation rule asks about: a",
        "# first word of a pair of news.tsv of strength %d or more, or a second word of one. Format of" % min_original,
        "# news.tsv: first '^' + the first word, second the second word, source n, strength",
        "# 9 + floor(log10 P(second | first)), 1..9. Generated by tools/ngrams/general_pairs.py; do not edit.",
        "# Words: first '^#', second the word, strength 17 + floor(2 log10 P(word)), 1..9 (P 10^-4",
        "# and more: 9; each step half a power of ten less).",
        "# Rows: %d pairs and %d words" % (len(rows) - words, words),
    ]
    return "\n".join(header) + "\n" + "".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=MODEL)
    ap.add_argument("--news", default=os.path.join(ROOT, "dictionaries", "ngrams", "news.tsv"))
    ap.add_argument("--min-original", type=int, default=3)
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build", "tools"))
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 when the file differs from what would be generated")
    a = ap.parse_args()
    try:
        text = generate(a.model, a.news, a.min_original, a.build_dir)
    except (GeneralPairsError, OSError, subprocess.CalledProcessError) as e:
        sys.exit("general_pairs.py: %s" % e)
    return write_generated(a.out, text, a.check, "general_pairs.py")


if __name__ == "__main__":
    sys.exit(main())
