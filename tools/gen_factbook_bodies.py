#!/usr/bin/env python3
"""Generates the entity files of the bodies the World Factbook (final edition, public domain;
../shared/data/factbook) names in every country's profile:

  dictionaries/entities/government-factbook.tsv       legislatures and their chambers, highest
                                                      courts, armed and security forces, space agencies
  dictionaries/entities/organizations-factbook.tsv    political parties
  dictionaries/entities/armed_groups-factbook.tsv     terrorist groups

Usage: python3 tools/gen_factbook_bodies.py [FACTBOOK_DIR] [--entities DIR] [--check]

Names are read as tools/gen_factbook_names.py reads them (its `candidates`: the part before
" or ", no remarks, no abbreviations, no one-word or generic names). A name several profiles
give is one row with all their countries (a country-bound rule never judges it then). A name the
curated entity files already hold (as a name or alias) is left to them. Each row's `source`
names the Factbook profiles (GEC codes) and the field. The names are read by a program, not a
curator, and party and force names are formulaic ("Botswana Patriotic Front" is a real party
one synonym away from the Botswana National Front and one country away from the Rwandan
Patriotic Front), so the near-miss rule never judges a synonym swap against them. Only a name
built on one country's word whose frame (the name with that word as a blank) no other
country's name and no name without the word shares is written, with `target` `country`: the
near-miss rule judges another country's word in its place. Every other name stays a real name
only (tools/gen_factbook_names.py): as an entity it would cost start-up time and check nothing.

Bad data fails the run (exit 3) with the file and the problem: a profile that does not parse,
a profile with names but no row in countries.tsv. --check exits 1
when a committed file differs from a fresh run (the entity_data test runs it).

Python 3 standard library only; deterministic (sorted, no timestamps). Exit status 0, 1 (stale
file with --check), 2 (a file cannot be read), 3 (bad source data).
"""

import glob
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_entities  # noqa: E402
import generated  # noqa: E402
import gen_factbook_names as names_gen  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ENTITIES = os.path.join(ROOT, "dictionaries", "entities")

# Factbook kind -> (output file, entity kind written). The order is the preference when one name
# is given under several fields ("Hizballah" is a party and a terrorist group).
KINDS = [
    ("terrorist group", "armed_groups-factbook.tsv", "terrorist group"),
    ("forces", "government-factbook.tsv", "armed or security force"),
    ("court", "government-factbook.tsv", "court"),
    ("legislature", "government-factbook.tsv", "legislature"),
    ("chamber", "government-factbook.tsv", "legislative chamber"),
    ("space agency", "government-factbook.tsv", "space agency"),
    ("party", "organizations-factbook.tsv", "political party"),
]
OUTPUTS = sorted({k[1] for k in KINDS})
COLUMNS = ["id", "name", "countries", "kind", "target", "source"]
FIELD_OF = {kind: field for _, field, _, kind in names_gen.FIELDS}


def split(v):
    return [x for x in (v or "").split("|") if x]


def curated_names(entities_dir):
    """Every name and alias of the entity files this generator does not write."""
    out = set()
    for path in sorted(glob.glob(os.path.join(entities_dir, "*.tsv"))):
        base = os.path.basename(path)
        if base in OUTPUTS or base == "overrides.tsv" or base.startswith("office_holders"):
            continue
        for r in generated.read_tsv(path):
            for col in ("name", "short_name", "long_name", "aliases", "capitals", "capital_variants"):
                out.update(split(r.get(col)))
    return out


def slug(name):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")


def place_word_targets(found, countries, known):
    """name -> its `target`: `country` for a name built on one country's word whose frame (the
    name with that word as a blank) no other country's name and no name without the word
    shares ("Rwandan Patriotic Front": Zambia's party is the "Patriotic Front"; "Botswana
    Democratic Party": Equatorial Guinea has a "Democratic Party" of its own), so that another
    country's word there names no party; `none` for every other name."""
    words = set()
    for r in countries:
        for col in ("short_name", "demonym_adj"):
            words.update(w for w in split(r.get(col)) if w[:1].isupper())
    pattern = re.compile(r"(?<![\w'’-])(%s)(?![\w'’-])" % "|".join(
        re.escape(w) for w in sorted(words, key=len, reverse=True)))
    frames = {}  # frame -> {place word}

    def frame_of(name):
        hits = list(pattern.finditer(name))
        if len(hits) != 1:
            return None, None
        m = hits[0]
        return name[:m.start()] + "*" + name[m.end():], m.group(1)

    every = set(found) | known
    for name in every:
        frame, word = frame_of(name)
        if frame:
            frames.setdefault(frame, set()).add(word)
    out = {}
    for name in found:
        frame, word = frame_of(name)
        bare = re.sub(r"\s+", " ", frame.replace("*", "")).strip(" ,") if frame else ""
        bare = re.sub(r"\s+of$", "", bare)
        shared = not frame or len(frames[frame]) > 1 or bare in every
        out[name] = "none" if shared else "country"
    return out


def generate(fb_dir, entities_dir):
    countries = generated.read_tsv(os.path.join(entities_dir, "countries.tsv"))
    by_gec = {r["gec"]: r["id"] for r in countries if r["gec"]}
    known = curated_names(entities_dir)
    paths = sorted(glob.glob(os.path.join(fb_dir, "*", "*.json")))
    if not paths:
        raise OSError("%s: no Factbook profiles (<region>/<gec>.json)" % fb_dir)
    rank = {k[0]: i for i, k in enumerate(KINDS)}
    found = {}  # name -> {kind: {country id: gec}}
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except json.JSONDecodeError as e:
            raise generated.BadData("%s:%d:%d: not JSON: %s" % (path, e.lineno, e.colno, e.msg))
        gec = os.path.splitext(os.path.basename(path))[0]
        seen = []
        for section, field, sub, kind in names_gen.FIELDS:
            if kind not in rank:
                continue
            node = data.get(section, {}).get(field) if isinstance(data.get(section), dict) else None
            if node is None:
                continue
            raw = names_gen.text_of(node.get(sub)) if sub and isinstance(node, dict) else names_gen.text_of(node)
            seen.extend((n, kind) for n in names_gen.candidates(raw, kind))
        if not seen:
            continue
        # Profiles of no country (the European Union's): their bodies belong to none.
        cid = "" if gec in gen_entities.SKIP_GEC else by_gec.get(gec)
        if cid is None:
            raise generated.BadData("%s: the profile names %d bodies but countries.tsv has no row with gec '%s'"
                          % (path, len(seen), gec))
        for n, kind in seen:
            found.setdefault(n, {}).setdefault(kind, {})[cid] = gec
    targets = place_word_targets(found, countries, known)
    rows = {out: [] for out in OUTPUTS}
    ids = {}
    skipped = formulaic = 0
    for name in sorted(found):
        if name in known:
            skipped += 1
            continue
        if targets[name] == "none":
            formulaic += 1
            continue
        kind = min(found[name], key=lambda k: rank[k])
        out, written_kind = next((k[1], k[2]) for k in KINDS if k[0] == kind)
        where = found[name][kind]
        # Spellings that differ in punctuation or accents ("Center-Right Union") number on.
        base = rid = "fb_" + slug(name)
        n = 1
        while rid in ids:
            n += 1
            rid = "%s_%d" % (base, n)
        ids[rid] = name
        gecs = ",".join(sorted(set(where.values())))
        rows[out].append([rid, name, "|".join(sorted(c for c in where if c)), written_kind, targets[name],
                          "factbook:%s:%s" % (gecs, FIELD_OF[kind])])
    return rows, skipped, formulaic


def render(out, rows, skipped, formulaic):
    what = {
        "government-factbook.tsv": "legislatures and their chambers, highest courts, armed and security forces and space agencies",
        "organizations-factbook.tsv": "political parties",
        "armed_groups-factbook.tsv": "terrorist groups",
    }[out]
    head = [
        "# Bodies of the World Factbook's country profiles (final edition, public domain): %s." % what,
        "# One row per name with the countries whose profiles give it: %d rows." % len(rows),
        "# GENERATED by tools/gen_factbook_bodies.py from ../shared/data/factbook; do not edit.",
        "# source: factbook:<GEC codes of the profiles>:<Factbook field>. Names the curated files hold",
        "# are theirs (%d across the three files). Only names on one country's word that no other country's" % skipped,
        "# name shares are here (target=country: judged for a swapped country word); the other %d names" % formulaic,
        "# (formulaic: \"Botswana Democratic Party\") stay real names only (dictionaries/names/exact/).",
        "\t".join(COLUMNS),
    ]
    return "\n".join(head) + "\n" + "".join("\t".join(r) + "\n" for r in rows)


def main():
    ap = generated.factbook_parser(__doc__, names_gen.DEFAULT_FACTBOOK)
    ap.add_argument("--entities", default=DEFAULT_ENTITIES, help="entity folder (read and written)")
    a = ap.parse_args()

    def body():
        rows, skipped, formulaic = generate(a.factbook, a.entities)
        texts = {os.path.join(a.entities, out): render(out, rows[out], skipped, formulaic) for out in OUTPUTS}
        status = generated.write_or_check("gen_factbook_bodies", texts, a.check, "python3 tools/gen_factbook_bodies.py")
        if not a.check:
            for out in OUTPUTS:
                print("%s: %d rows" % (out, len(rows[out])), file=sys.stderr)
        return status
    return generated.run("gen_factbook_bodies", body)


if __name__ == "__main__":
    sys.exit(main())
