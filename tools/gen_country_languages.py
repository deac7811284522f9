#!/usr/bin/env python3
"""Generates dictionaries/languages/countries.tsv: for each country of the entity dictionary
(dictionaries/entities/countries.tsv), which of the other languages' word lists
(dictionaries/languages/lists.tsv) are its official languages, read from the World Factbook's
"Languages" field (public domain): a language named in a clause of the field or its note that
calls it official ("Portuguese (official)", "Tetun and Portuguese are official languages"), or
the language of the country's major-language sample ("... (Norwegian)").

The spelling rule reads it through the image of other languages' words (`wirelint models
compile`): a story about Cabo Verde writes "pano textiles" and one about Norway quotes "Mitt
lille land"; a word of the story's own country's language is not a slip of English.

Usage: python3 tools/gen_country_languages.py [--factbook DIR] [--out FILE]

Deterministic (rows in the order of countries.tsv, no timestamps). Exit status 0, or 2 when an
input cannot be read.
"""

import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FACTBOOK = os.path.join(os.path.dirname(ROOT), "shared", "data", "factbook")
COUNTRIES = os.path.join(ROOT, "dictionaries", "entities", "countries.tsv")
LISTS = os.path.join(ROOT, "dictionaries", "languages", "lists.tsv")
DEFAULT_OUT = os.path.join(ROOT, "dictionaries", "languages", "countries.tsv")

# The English names of the lists' languages (by the code lists.tsv gives them).
NAMES = {
    "fr": ["French"],
    "de": ["German"],
    "es": ["Spanish", "Castilian"],
    "it": ["Italian"],
    "pt": ["Portuguese"],
    "nl": ["Dutch", "Flemish"],
    "sv": ["Swedish"],
    "da": ["Danish"],
    "nb": ["Norwegian", "Bokmal"],
}


def clauses(text):
    """Splits at semicolons and at commas outside brackets."""
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == ";" or (ch == "," and depth == 0):
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def strip_tags(s):
    return re.sub(r"<[^>]+>", " ", s)


def languages_field(profile):
    people = profile.get("People and Society") or {}
    field = people.get("Languages") or {}
    if "Languages" in field and isinstance(field["Languages"], dict):
        main = field["Languages"].get("text", "")
        sample = (field.get("major-language sample(s)") or {}).get("text", "")
        note = field.get("note", "")
    else:
        main, sample, note = field.get("text", ""), "", field.get("note", "")
    if isinstance(note, dict):
        note = note.get("text", "")
    return strip_tags(main), strip_tags(sample), strip_tags(note)


def official(codes, profile):
    main, sample, note = languages_field(profile)
    found = set()
    for clause in clauses(main) + clauses(note):
        if "official" not in clause.lower():
            continue
        # A bracket that explains a language ("Papiamento (official) (a creole language that mixes
        # Portuguese, Spanish, Dutch ...)") names no official language of its own.
        while True:
            bare = re.sub(r"\((?!official)[^()]*\)", " ", clause)
            if bare == clause:
                break
            clause = bare
        for code in codes:
            if any(re.search(r"\b%s\b" % n, clause) for n in NAMES.get(code, [])):
                found.add(code)
    # The sample's language, named in brackets after it: "(Norwegian)", "(Brazilian Portuguese)".
    for label in re.findall(r"\(([^()]*)\)", sample):
        for code in codes:
            if any(re.search(r"\b%s\b" % n, label) for n in NAMES.get(code, [])):
                found.add(code)
    return [c for c in codes if c in found]


def read_codes():
    codes = []
    with open(LISTS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            codes.append(line.split("\t")[0])
    return codes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--factbook", default=DEFAULT_FACTBOOK)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    try:
        codes = read_codes()
        profiles = {}
        for region in sorted(os.listdir(args.factbook)):
            d = os.path.join(args.factbook, region)
            if not os.path.isdir(d):
                continue
            for name in os.listdir(d):
                if name.endswith(".json"):
                    with open(os.path.join(d, name), encoding="utf-8") as f:
                        profiles[name[:-5]] = json.load(f)
        rows = []
        header = None
        with open(COUNTRIES, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                profile = profiles.get(row.get("gec", ""))
                if not profile:
                    continue
                langs = official(codes, profile)
                if langs:
                    rows.append((row["id"], langs))
    except (OSError, ValueError) as e:
        print("gen_country_languages: %s" % e, file=sys.stderr)
        return 2
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# The official languages of each country among the word lists of lists.tsv, by the\n")
        out.write("# country's id in dictionaries/entities/countries.tsv. Generated by\n")
        out.write("# tools/gen_country_languages.py from the World Factbook's \"Languages\" field (public\n")
        out.write("# domain; ../shared/data/factbook). Do not edit: rerun the tool.\n")
        out.write("# id\tlanguages (codes of lists.tsv, comma-separated)\n")
        for cid, langs in rows:
            out.write("%s\t%s\n" % (cid, ",".join(langs)))
    print("%d countries with a language of the lists" % len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
