#!/usr/bin/env python3
"""Generates dictionaries/names/exact/factbook-names.txt: the names of every country's political
parties, legislatures and their chambers, highest courts, armed and security forces, space
agencies, terrorist groups, first-order administrative divisions and the country's former names
("Armenian Soviet Socialist Republic"), as the World Factbook
(final edition, public domain; ../shared/data/factbook) lists them.

Usage: python3 tools/gen_factbook_names.py [FACTBOOK_DIR] [--out FILE] [--check]

These are real names the entity dictionary does not check: the near-miss rule stays silent on
them ("Party of Action and Solidarity", "Court of Cassation", "Colombian Aerospace Force").
They are not entities: made near-miss targets, the 2,745 names one country's profile gives
raised the rule's false findings on the Factbook's prose tenfold (real names one synonym away:
"Botswana Patriotic Front" for the Botswana National Front) and cost recall.
Each name is kept as the Factbook writes it in English: the part before " or " (what follows is
an abbreviation or the local name), without parenthetical remarks; abbreviations, one-word
names and generic names ("Army", "Senate") are left out. --check exits 1 when the committed file
differs from a fresh run (the entity_data test runs it).

Python 3 standard library only; deterministic (sorted, no timestamps). Exit status 0, 1 (stale
file with --check), 2 (a file cannot be read).
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
DEFAULT_OUT = os.path.join(ROOT, "dictionaries", "names", "exact", "factbook-names.txt")

# (section, field, subfield or None, kind): where the names are.
FIELDS = [
    ("Government", "Political parties", None, "party"),
    ("Government", "Legislative branch", "legislature name", "legislature"),
    ("Government", "Legislative branch - lower chamber", "chamber name", "chamber"),
    ("Government", "Legislative branch - upper chamber", "chamber name", "chamber"),
    ("Government", "Judicial branch", "highest court(s)", "court"),
    ("Military and Security", "Military and security forces", None, "forces"),
    ("Space", "Space agency/agencies", None, "space agency"),
    ("Terrorism", "Terrorist group(s)", None, "terrorist group"),
    ("Government", "Administrative divisions", None, "division"),
    ("Government", "Country name", "former", "former name"),
]
# Names too generic to be one body's (every country has one): never listed.
GENERIC = {"army", "navy", "air force", "coast guard", "national guard", "senate", "parliament",
           "national assembly", "supreme court", "constitutional court", "high court", "police",
           "national police", "border guard", "gendarmerie", "marines", "marine corps",
           "house of representatives", "chamber of deputies", "legislative assembly", "congress",
           "special forces", "presidential guard", "republican guard", "ground forces",
           "land forces", "air defense forces", "naval forces", "armed forces", "defense forces",
           "independent", "independents", "other", "others"}
LOWER_OK = {"of", "and", "the", "for", "in", "on", "de", "du", "des", "la", "le", "al", "el",
            "to", "with", "a", "an", "at", "by", "del", "di", "da", "do", "dos", "das", "y", "e"}


def text_of(node):
    if isinstance(node, dict):
        return node.get("text", "") or ""
    return node or ""


def drop_parens(s):
    """Removes (...) remarks, nested ones too."""
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"\([^()]*\)", "", s)
    return s


def candidates(raw, kind):
    """Names in one Factbook field's text."""
    s = html.unescape(raw).replace("\xa0", " ")
    s = re.sub(r"<br\s*/?>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = re.sub(r"\[[^\]]*\]", "", s)  # "[leader NAME]"
    if kind == "division":
        s = s.split(";", 1)[1] if ";" in s and re.match(r"^\s*\d+ ", s) else s
    parts = []
    for line in s.split("\n"):
        line = drop_parens(line)
        line = re.sub(r"\s*--.*$", "", line)
        line = re.sub(r"\(\d{4}\)\s*$", "", line)
        if kind in ("forces", "division", "terrorist group", "former name"):
            for a in re.split(r"[;:,]", line):
                parts.append(a)
        else:
            parts.extend(line.split(";"))
    out = []
    for p in parts:
        p = re.split(r"\s+or\s+", p.strip(), maxsplit=1)[0]
        p = re.sub(r"^(the|includes|including|comprised of)\s+", "", p.strip(), flags=re.I)
        p = re.sub(r"\*+$", "", p).strip(" .\"'")
        p = re.sub(r"\s+", " ", p)
        if not p or "(" in p or ")" in p or "[" in p or "]" in p:
            continue  # a remark's remains ("Air Defense)")
        words = p.split()
        if len(words) > 2 and words[-1].isupper() and len(words[-1]) >= 2:
            words = words[:-1]  # an abbreviation run on ("National Union for Democracy PUNDGE")
            p = " ".join(words)
        if len(words) < 2 or len(p) > 80 or re.search(r"\d", p):
            continue
        if p.lower() in GENERIC or not p[0].isupper():
            continue
        if any(not (w[0].isupper() or w.lower() in LOWER_OK or not w[0].isalpha()) for w in words):
            continue  # a remark, not a name ("note that ...")
        if all(w.isupper() for w in words if w[0].isalpha()):
            continue  # abbreviations only
        out.append(p)
    return out


def generate(fb_dir):
    names = {}
    paths = sorted(glob.glob(os.path.join(fb_dir, "*", "*.json")))
    if not paths:
        raise OSError("%s: no Factbook profiles (<region>/<gec>.json)" % fb_dir)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for section, field, sub, kind in FIELDS:
            node = data.get(section, {}).get(field)
            if node is None:
                continue
            raw = text_of(node.get(sub)) if sub and isinstance(node, dict) else text_of(node)
            for n in candidates(raw, kind):
                names.setdefault(n, kind)
    return names


def render(names):
    head = [
        "# Real names from the World Factbook (final edition; public domain): every country's political",
        "# parties, legislatures and chambers, highest courts, armed and security forces, space agencies,",
        "# terrorist groups and first-order administrative divisions, as the Factbook names them.",
        "# GENERATED by tools/gen_factbook_names.py from ../shared/data/factbook; do not edit.",
        "# %d names. After the tab: the Factbook field the name was first seen in." % len(names),
    ]
    return "\n".join(head) + "\n" + "".join("%s\t%s\n" % (n, names[n]) for n in sorted(names))


def main():
    ap = generated.factbook_parser(__doc__, DEFAULT_FACTBOOK)
    ap.add_argument("--out", default=DEFAULT_OUT)
    a = ap.parse_args()

    def body():
        text = render(generate(a.factbook))
        status = generated.write_or_check("gen_factbook_names", {a.out: text}, a.check,
                                          "python3 tools/gen_factbook_names.py")
        if not a.check:
            print("%d names" % text.count("\n"), file=sys.stderr)
        return status
    return generated.run("gen_factbook_names", body)


if __name__ == "__main__":
    sys.exit(main())
