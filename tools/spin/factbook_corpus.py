#!/usr/bin/env python3
"""Turn the World Factbook (../shared/data/factbook, public domain) into a JSON-lines corpus of
modern reference prose: one story per country file, its prose fields (strings over 200
characters) as the body, dated 2025-06-01 (the edition is from 2025-26), in the sorted order of
REGION/CODE.json — the order tools/gen_real_names.py reads, so even positions are the part real
names may be derived from and odd positions the part only measured.

  python3 tools/spin/factbook_corpus.py [--factbook DIR] [--out build/corpora/factbook.jsonl]
"""
import argparse
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from gen_real_names import factbook_stories  # noqa: E402  one reader for both tools


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--factbook", default=os.path.join(ROOT, "..", "shared", "data", "factbook"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "corpora", "factbook.jsonl"))
    a = ap.parse_args()
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    n = 0
    with open(a.out, "w", encoding="utf-8") as f:
        for sid, body in factbook_stories(a.factbook):
            f.write(json.dumps({"id": sid, "date": "2025-06-01", "body": body}, ensure_ascii=False) + "\n")
            n += 1
    print("factbook_corpus.py: %d stories -> %s" % (n, a.out))


if __name__ == "__main__":
    main()
