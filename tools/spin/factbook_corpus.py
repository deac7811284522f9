#!/usr/bin/env python3
"""Turn the World Factbook (../shared/data/factbook, public domain) into a JSON-lines corpus of
modern reference prose: one story per country file (REGION/CODE.json), its prose fields (the
strings over 200 characters: Introduction/Background, Government, Economy, Military and Security
...) as paragraphs joined by blank lines, dated 2025-06-01 (the edition is from 2025-26):

  {"id": "africa/ag", "date": "2025-06-01", "body": "Algeria has known many empires ..."}

The stories and their order are those of tools/gen_real_names.py (sorted REGION/CODE.json), so
even positions are the part real names and bigrams may be derived from and odd positions the
part only measured. HTML is turned into text: <p> and <br> end a paragraph (a list of parties
must not run together into one long capitalized name), entities are decoded (&rsquo; -> ’).

  python3 tools/spin/factbook_corpus.py [--factbook DIR] [--out build/corpora/factbook.jsonl]

With --short, the corpus is instead every country's shorter strings (40 to 200 characters, at
least six words: geography notes, lists of hazards and resources, languages, mottos), which
neither the prose corpus nor any generator reads: a held-out set of modern copy for false findings that no rule, list or
threshold was tuned on.

  python3 tools/spin/factbook_corpus.py --short --out build/corpora/factbook-short.jsonl
"""
import argparse
import html
import json
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from gen_real_names import factbook_files, factbook_prose, factbook_strings  # noqa: E402  one reader, one split order


def to_text(s):
    s = re.sub(r"(?i)<br\s*/?>|</?p\b[^>]*>|</?li\b[^>]*>|</?div\b[^>]*>", "\n\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s).replace("\u00a0", " ").replace("\r", "")
    paras = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", s)]
    return [p for p in paras if p]


def short_sentences(data):
    """Strings of 40 to 200 characters with at least six words: what the prose corpus (strings
    over 200 characters) leaves out."""
    # A <br> is a line break here too: "sq km<br>note - ..." is not the word "kmnote".
    texts = ["\n".join(to_text(s)) for s in factbook_strings(data, lambda s: 40 <= len(s) <= 200)]
    return [t for t in texts if len(t.split()) >= 6]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--factbook", default=os.path.join(ROOT, "..", "shared", "data", "factbook"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "corpora", "factbook.jsonl"))
    ap.add_argument("--short", action="store_true", help="the shorter sentences only (a held-out set)")
    a = ap.parse_args()
    if not os.path.isdir(a.factbook):
        print("factbook_corpus.py: no Factbook folder at %s" % a.factbook, file=sys.stderr)
        return 2
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    n = 0
    with open(a.out, "w", encoding="utf-8") as f:
        for rel, data in factbook_files(a.factbook):
            texts = short_sentences(data) if a.short else factbook_prose(data)
            if not texts:
                continue  # as factbook_stories: a country without prose is no story
            paras = [p for s in texts for p in to_text(s)]
            sid = rel[:-5] if rel.endswith(".json") else rel
            f.write(json.dumps({"id": sid.replace(os.sep, "/"), "date": "2025-06-01", "body": "\n\n".join(paras)},
                               ensure_ascii=False) + "\n")
            n += 1
    print("factbook_corpus.py: %d stories -> %s" % (n, a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
