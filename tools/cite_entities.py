#!/usr/bin/env python3
"""Gives every row of the hand-curated entity files a `source`: the World Factbook profiles
(final edition, public domain; ../shared/data/factbook) that name the row's body, else the
curator's own verification.

Usage: python3 tools/cite_entities.py [FACTBOOK_DIR] [--entities DIR] [--check]

Files: agencies.tsv, organizations.tsv, government.tsv, armed_groups.tsv, institutions.tsv (the
curated files written from the curator's knowledge; the curated part files cite articles of
their own and are left alone). A file without a `source` column gets one before `note`.

For each row whose source is empty or was set by this tool, the body's name and aliases are
looked up in the Factbook's profiles as whole words, case-sensitive: in the profiles of the
row's own countries when it has any, else in any. A name of one word counts in the row's own
profiles only, a name of four letters or fewer never (an abbreviation or a common word). Found:
`factbook:<GEC>[,<GEC>...]` (at most three profiles, sorted) — the body exists under that name
there. Not found: `curator:<date>`, the date the file says its rows were verified to (its
header's "Verified up to"); such rows are the ones a reviewer with a live source should check
first. A source written by hand (anything else) is kept.

--check exits 1 when a file would change (a row without a source, or a citation that no longer
holds); the entity_data test runs it. Python 3 standard library only; deterministic.
Exit status 0, 1 (--check: out of date), 2 (a file cannot be read), 3 (a file's header gives no
verification date).
"""

import glob
import html
import json
import os
import re
import sys

import generated

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FACTBOOK = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "factbook"))
DEFAULT_ENTITIES = os.path.join(ROOT, "dictionaries", "entities")
FILES = ["agencies.tsv", "organizations.tsv", "government.tsv", "armed_groups.tsv", "institutions.tsv"]
MAX_PROFILES = 3


def profiles(fb_dir):
    """GEC -> the profile's text (JSON strings, HTML entities decoded)."""
    out = {}
    for path in sorted(glob.glob(os.path.join(fb_dir, "*", "*.json"))):
        with open(path, encoding="utf-8") as f:
            out[os.path.splitext(os.path.basename(path))[0]] = html.unescape(
                json.dumps(json.load(f), ensure_ascii=False))
    if not out:
        raise OSError("%s: no Factbook profiles (<region>/<gec>.json)" % fb_dir)
    return out


def gec_of(entities_dir):
    return {r["id"]: r["gec"] for r in generated.read_tsv(os.path.join(entities_dir, "countries.tsv")) if r.get("gec")}


def cite(row, texts, gec):
    own = [gec[c] for c in (row.get("countries") or row.get("country") or "").split("|") if c in gec]
    names = [row["name"]] + [a for a in (row.get("aliases") or "").split("|") if a]
    found = set()
    for n in names:
        if len(n) <= 4:
            continue
        where = own if (own or " " not in n) else sorted(texts)
        if " " not in n and not own:
            continue
        pattern = re.compile(r"(?<![\w'’-])%s(?![\w'’-])" % re.escape(n))
        found.update(g for g in where if g in texts and n in texts[g] and pattern.search(texts[g]))
        if len(found) >= MAX_PROFILES:
            break
    return "factbook:" + ",".join(sorted(found)[:MAX_PROFILES]) if found else None


def process(path, texts, gec):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    comments = [l for l in lines if l.startswith("#")]
    body = [l for l in lines if not l.startswith("#")]
    verified = None
    for c in comments:
        m = re.search(r"Verified up to (\d{4}-\d{2}(?:-\d{2})?)", c)
        if m:
            verified = m.group(1)
    if not verified:
        raise generated.BadData("%s: the header gives no 'Verified up to YYYY-MM' date" % path)
    head = body[0].split("\t")
    if "source" not in head:
        at = head.index("note") if "note" in head else len(head)
        head.insert(at, "source")
        rows = []
        for l in body[1:]:
            cells = l.split("\t")
            cells.insert(at, "")
            rows.append(cells)
    else:
        rows = [l.split("\t") for l in body[1:]]
    s = head.index("source")
    counts = {"factbook": 0, "curator": 0, "hand": 0}
    for cells in rows:
        r = dict(zip(head, cells))
        old = cells[s]
        if old and not old.startswith(("factbook:", "curator:")):
            counts["hand"] += 1
            continue
        cells[s] = cite(r, texts, gec) or "curator:" + verified
        counts["factbook" if cells[s].startswith("factbook:") else "curator"] += 1
    text = "\n".join(comments + ["\t".join(head)] + ["\t".join(c) for c in rows]) + "\n"
    return text, counts


def main():
    ap = generated.factbook_parser(__doc__, DEFAULT_FACTBOOK)
    ap.add_argument("--entities", default=DEFAULT_ENTITIES)
    a = ap.parse_args()

    def body():
        texts = profiles(a.factbook)
        gec = gec_of(a.entities)
        out = {}
        for name in FILES:
            path = os.path.join(a.entities, name)
            out[path], counts = process(path, texts, gec)
            if not a.check:
                print("%s: %d cited from the Factbook, %d by the curator, %d by hand" % (
                    name, counts["factbook"], counts["curator"], counts["hand"]), file=sys.stderr)
        return generated.write_or_check("cite_entities", out, a.check, "python3 tools/cite_entities.py")
    return generated.run("cite_entities", body)


if __name__ == "__main__":
    sys.exit(main())
