#!/usr/bin/env python3
"""Generate dictionaries/names/corpus-names.txt: real names, seen in reference text, that are one
word away from a known name of the entity dictionary ("Saudi Arabian Monetary Agency", the 1987
name of the Saudi central bank; "Philippine National Bank"). The near-miss rule must stay silent
on them: they are names in their own right, not spins of a known one.

Only the derivation part of each corpus is read (JSON lines: stories at even positions, as
`wirelint corpus --part even` counts them), so the measurement part stays unseen. A span is kept
when it occurs in at least --min-stories stories (a one-off is as likely a typo or a spin).

The World Factbook (../shared/data/factbook, public domain) is read with --factbook DIR: each
country's JSON file is one story, its prose fields (strings over 200 characters) the body, in
the sorted order of REGION/CODE.json, so its derivation part is the even positions of that
order too. Factbook names need one story (it is edited reference text, not re-keyed copy).

Usage: python3 tools/gen_real_names.py CORPUS.jsonl [CORPUS.jsonl ...] [--factbook DIR] [--out PATH]
"""
import argparse
import csv
import glob
import json
import os
import re

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
TYPES = ["countries", "historical", "agencies", "organizations", "government", "armed_groups", "institutions"]
COLUMNS = ["name", "aliases", "short_name", "long_name"]
FUNCTION = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "el", "al", "di", "da",
            "del", "der", "von", "van", "y", "et", "at", "to"}
OPENERS = {"The", "A", "An", "In", "At", "On", "For", "But", "And", "If", "As", "By", "From", "To", "With", "Under"}
TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019.\-]*[A-Za-z\u00C0-\u024F]|[A-Za-z]|&")


HEADS = {"Minister", "Secretary", "President", "Chancellor", "Governor", "Commissioner", "Speaker", "Leader",
         "Premier", "Envoy", "Ambassador", "Adviser", "Advisor", "Director", "Chairman", "General", "Justice",
         "Prosecutor", "Mayor", "Senator", "Representative"}


def distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def misspelt(a, b):
    a, b = a.lower(), b.lower()
    return a[:1] == b[:1] and min(len(a), len(b)) >= 4 and distance(a, b) <= (2 if max(len(a), len(b)) >= 8 else 1)


def tokens(text):
    return [m.group(0).replace("\u2019", "'") for m in TOKEN.finditer(text)]


def known_names():
    names = set()
    for stem in TYPES:
        with open(os.path.join(ROOT, "dictionaries", "entities", stem + ".tsv"), encoding="utf-8") as f:
            rows = [l for l in f if not l.startswith("#")]
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            for col in COLUMNS:
                for v in (row.get(col) or "").split("|"):
                    t = tokens(v)
                    if len(t) >= 2:
                        names.add(tuple(t))
    return names


def capitalized_runs(text):
    """Runs of capitalized words, with function words inside, split at sentence ends."""
    for para in re.split(r"[.;:!?,]\s|[()\[\]<>\"\u201c\u201d]", text):
        run = []
        for tok in tokens(para):
            if tok[0].isupper() or (run and tok.lower() in FUNCTION and tok.islower()):
                run.append(tok)
            else:
                while run and run[-1].islower():
                    run.pop()
                if len(run) >= 2:
                    yield run
                run = []
        while run and run[-1].islower():
            run.pop()
        if len(run) >= 2:
            yield run


def factbook_files(folder):
    """(REGION/CODE.json, parsed JSON) of every country file, in sorted order: the order of the
    even/odd split, for every tool that reads the Factbook."""
    for path in sorted(glob.glob(os.path.join(folder, "*", "*.json"))):
        with open(path, encoding="utf-8") as f:
            yield os.path.relpath(path, folder), json.load(f)


def factbook_strings(data, keep):
    """The strings of a country file in document order for which keep(s) holds, markup left in."""
    out = []

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str) and keep(x):
            out.append(x)

    walk(data)
    return out


def factbook_prose(data):
    """The prose strings of a country file in document order: strings over 200 characters with
    a space (Introduction/Background, Government, Economy, ...), markup left in."""
    return factbook_strings(data, lambda s: len(s) > 200 and " " in s)


def factbook_stories(folder):
    """(id, body) of every country that has prose, in sorted order (the order the spinner uses too)."""
    for rel, data in factbook_files(folder):
        texts = [re.sub(r"<[^>]+>", "", s) for s in factbook_prose(data)]
        if texts:
            yield rel, "\n\n".join(texts)


def jsonl_stories(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                story = json.loads(line)
                yield str(story.get("id")), story.get("body", "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpora", nargs="*")
    ap.add_argument("--factbook", help="the World Factbook folder (../shared/data/factbook)")
    ap.add_argument("--min-stories", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(ROOT, "dictionaries", "names", "corpus-names.txt"))
    a = ap.parse_args()
    names = known_names()
    keys = {}
    for n in names:
        for k in range(len(n)):
            if n[k].lower() in FUNCTION:
                continue
            keys.setdefault((len(n), k, n[:k] + n[k + 1:]), set()).add(n)
    seen, modifiers = {}, {}
    sources = [(p, jsonl_stories(p), a.min_stories) for p in a.corpora]
    if a.factbook:
        sources.append((a.factbook, factbook_stories(a.factbook), 1))
    for path, stories, need in sources:
        for i, (_, body) in enumerate(stories):
                if i % 2:
                    continue
                found, words = set(), set()
                for run in capitalized_runs(body):
                    # The whole run is what the rule compares (a span that runs on is not a
                    # near miss); a sentence's opening word is not part of the name.
                    run = [re.sub(r"'s?$", "", t) if i == len(run) - 1 else t for i, t in enumerate(run)]
                    while run and run[0] in OPENERS:
                        run = run[1:]
                    span = tuple(run)
                    L = len(span)
                    if L < 2 or span in names:
                        continue
                    for k in range(L):
                        for n in keys.get((L, k, span[:k] + span[k + 1:]), ()):
                            # A misspelt word is a slip, however often it recurs ("Saudia Arabia").
                            if not misspelt(span[k], n[k]):
                                found.add(" ".join(span))
                                break
                    # Title modifiers: capitalized words right before a title's head noun.
                    for j in range(1, len(run)):
                        if run[j] in HEADS and run[j - 1][0].isupper() and run[j - 1] not in HEADS:
                            words.add(run[j - 1])
                for s in found:
                    seen[s] = seen.get(s, 0) + a.min_stories // need
                for w in words:
                    modifiers[w] = modifiers.get(w, 0) + a.min_stories // need
    kept = sorted(s for s, n in seen.items() if n >= a.min_stories)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Real names one word away from a known name, seen in at least %d stories of the derivation\n" % a.min_stories)
        f.write("# part (even positions) of: %s.\n" % ", ".join(os.path.relpath(p, ROOT) for p in a.corpora + ([a.factbook] if a.factbook else [])))
        f.write("# Generated by tools/gen_real_names.py; do not edit (add names by hand to curated.txt).\n")
        f.write("# Facts (that these names are in use) from the corpora above; the list itself CC0-1.0.\n")
        for s in kept:
            f.write(s + "\n")
    mods = sorted(w for w, n in modifiers.items() if n >= a.min_stories)
    out = os.path.join(os.path.dirname(a.out), "title-modifiers.txt")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Words seen right before an office title's head noun (Minister, Secretary, ...) in at least %d\n" % a.min_stories)
        f.write("# stories of the derivation part (even positions) of: %s.\n" % ", ".join(os.path.relpath(p, ROOT) for p in a.corpora + ([a.factbook] if a.factbook else [])))
        f.write("# Generated by tools/gen_real_names.py; entity-spun-title never reports them as a spinner's swap.\n")
        for w in mods:
            f.write(w + "\n")
    print("gen_real_names.py: %d title modifiers -> %s" % (len(mods), out))
    print("gen_real_names.py: %d candidate spans, %d kept -> %s" % (len(seen), len(kept), a.out))


if __name__ == "__main__":
    main()
