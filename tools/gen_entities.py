#!/usr/bin/env python3
"""Regenerates dictionaries/entities/countries.tsv from the CIA World Factbook JSON.

Usage: python3 tools/gen_entities.py [FACTBOOK_DIR] [--iso ISO_3166_1_JSON] [--out FILE]

FACTBOOK_DIR defaults to ../shared/data/factbook relative to the repository root (the
factbook.json layout: <region>/<gec>.json). ISO 3166-1 codes come from Debian's iso-codes
package (/usr/share/iso-codes/json/iso_3166-1.json). Hand-curated corrections in
dictionaries/entities/overrides.tsv are applied last.

Python 3 standard library only. The output is deterministic: rows sorted by id, values in a
fixed order, no timestamps.
"""

import argparse
import glob
import html
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FACTBOOK = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "factbook"))
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
ENT_DIR = os.path.join(ROOT, "dictionaries", "entities")
DEFAULT_OUT = os.path.join(ENT_DIR, "countries.tsv")
OVERRIDES = os.path.join(ENT_DIR, "overrides.tsv")

COLUMNS = [
    "id", "iso2", "iso3", "gec", "kind", "short_name", "long_name", "aliases",
    "demonym_adj", "demonym_noun", "demonym_plural", "capitals", "capital_variants",
    "former_names", "valid_from", "source",
]
MULTI = {"aliases", "demonym_adj", "demonym_noun", "demonym_plural", "capitals",
         "capital_variants", "former_names"}

# Factbook entries that are not countries or territories.
SKIP_GEC = {"ee", "xx", "oo", "xo", "xq", "zh", "zn"}

# Factbook GEC code -> ISO 3166-1 alpha-2, for names the automatic matching cannot pair.
# An ISO code is given to at most one Factbook entry (the one that names the whole ISO
# entity); parts of an ISO entity keep a "gec:" id and an empty iso2.
GEC_TO_ISO = {
    "cg": "CD",  # Democratic Republic of the Congo
    "cf": "CG",  # Republic of the Congo
    "dr": "DO",  # short form "The Dominican"
    "fm": "FM",  # Micronesia, Federated States of
    "fs": "TF",  # French Southern and Antarctic Lands
    "pc": "PN",  # Pitcairn Islands
    "sv": "SJ",  # Svalbard (ISO: Svalbard and Jan Mayen)
    "um": "UM",  # US Pacific Island Wildlife Refuges (ISO: US Minor Outlying Islands)
    "mc": "MO",  # Macau / Macao
    "bm": "MM",  # Burma / Myanmar
    "tu": "TR",  # Turkey / Turkiye
    "sx": "GS",  # South Georgia and (the) South Sandwich Islands
    "rn": "MF",  # Saint Martin (French part)
    "nn": "SX",  # Sint Maarten (Dutch part)
    "vi": "VG",  # British Virgin Islands
    "vq": "VI",  # (US) Virgin Islands
    "hm": "HM",  # Heard Island and McDonald Islands
    "ck": "CC",  # Cocos (Keeling) Islands
    "ct": "CF",  # Central African Republic (short form "none")
    "ae": "AE",  # United Arab Emirates (short form "none")
    "io": "IO",  # British Indian Ocean Territory (short form "none")
    "sh": "SH",  # Saint Helena, Ascension and Tristan da Cunha
    "vt": "VA",  # Holy See (Vatican City)
    "ga": "GM",  # The Gambia
    "bf": "BS",  # The Bahamas
    "fk": "FK",  # Falkland Islands (Islas Malvinas)
    "wi": "EH",  # Western Sahara
    "la": "LA",  # Laos / Lao People's Democratic Republic
    "tw": "TW",  # Taiwan
    "ir": "IR",  # Iran, Islamic Republic of
    "ks": "KR",
    "kn": "KP",
}
# Factbook entries deliberately left without an ISO code (parts of ISO entities, or areas
# ISO 3166-1 does not list). Reported as unmapped only if missing from this set.
NO_ISO = {"ax", "dx", "at", "cr", "ip", "jn", "bq", "wq", "pf", "pg", "gz", "we", "kv"}
# Codes outside ISO 3166-1 that are in wide use (XK: user-assigned code for Kosovo used by
# the European Commission, CLDR and others). Become the id; iso2/iso3 stay empty.
USER_ASSIGNED_ID = {"kv": "XK"}

KIND_OTHER = "other"


def clean(text):
    """Factbook text to plain text: HTML entities and tags removed, spaces normalized."""
    if text is None:
        return ""
    text = html.unescape(text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def field(obj, *path):
    for key in path:
        if not isinstance(obj, dict):
            return ""
        obj = obj.get(key)
    if isinstance(obj, dict):
        obj = obj.get("text")
    return clean(obj) if isinstance(obj, str) else ""


def is_none(s):
    return s.strip().lower() in ("", "none", "na", "n/a")


def norm_key(name):
    """Name normalized for matching: ASCII, lower case, no articles or punctuation."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("&", " and ")
    s = re.sub(r"[^a-z0-9 ]", " ", s)
    words = [w for w in s.split() if w not in ("the", "of")]
    return " ".join(words)


def split_top(text, seps=",;"):
    """Splits at separators outside parentheses and brackets."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch in seps and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def strip_note(text):
    return re.split(r";?\s*\bnote\s*[-:]", text, maxsplit=1)[0].strip()


def uniq(values):
    seen, out = set(), []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


NAME_WORD = re.compile(r"^[A-Z\u00c0-\u00de][\w'\u2019.-]*$")
NAME_JOINERS = {"de", "la", "del", "da", "do", "du", "and", "of", "el"}


def looks_like_name(s, max_words=4):
    words = s.split()
    if not words or len(words) > max_words:
        return False
    if not NAME_WORD.match(words[0]):
        return False
    return all(NAME_WORD.match(w) or w in NAME_JOINERS for w in words)


def parse_demonyms(noun_text, adj_text):
    """Returns (adjectives, singular nouns, plural nouns) from the Factbook Nationality."""
    sing, plur = [], []
    noun_text = strip_note(noun_text)
    if not is_none(re.sub(r"\([^)]*\)", "", noun_text)):
        for item in split_top(noun_text.replace(" or ", ", ").replace("/", ", "), ",;"):
            m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(?:\(([^)]*)\))?$", item)
            if not m:
                sing.append(item)
                continue
            base, qual = m.group(1).strip(), m.group(2).strip().lower()
            if qual == "s":
                sing.append(base)
                plur.append(base + "s")
            elif qual in ("men", "women"):
                sing.append(base)
                plur.append(re.sub(r"man$", "men", base))
            elif qual == "singular and plural":
                sing.append(base)
                plur.append(base)
            elif qual == "singular":
                sing.append(base)
            elif qual in ("plural", "collective plural"):
                plur.append(base)
            else:  # "(US citizens)", "(colloquial)" and the like qualify, not inflect
                q2 = re.match(r"^(.*)\(s\)$", base)
                if q2:
                    sing.append(q2.group(1))
                    plur.append(q2.group(1) + "s")
                else:
                    sing.append(base)
        if not sing and not plur:
            sing.append(noun_text)
    adjs = []
    adj_text = strip_note(adj_text)
    if not is_none(re.sub(r"\([^)]*\)", "", adj_text)):
        for item in split_top(adj_text.replace(" or ", ", ").replace("/", ", "), ",;"):
            item = re.sub(r"\((?:s|singular|plural|colloquial|or )\)", "", item)
            item = re.sub(r"\(s\)$", "", item)
            m = re.match(r"^(.*?)\s*\((?:or\s+)?([^)]*)\)$", item)
            if m:  # "Taiwan (or Taiwanese)", "Motswana (singular)"
                adjs.append(m.group(1).strip())
                if looks_like_name(m.group(2).strip(), 2):
                    adjs.append(m.group(2).strip())
            else:
                adjs.append(item.strip())
    return uniq(adjs), uniq(sing), uniq(plur)


def parse_capitals(text):
    """Returns (capitals, variant spellings) from the Factbook Capital name."""
    text = strip_note(text)
    if is_none(text) or not text[:1].isupper():
        return [], []
    caps, variants = [], []
    for item in split_top(text, ",;"):
        m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", item)
        name, paren = (m.group(1), m.group(2)) if m else (item, "")
        name = name.strip()
        if not looks_like_name(name):
            continue
        caps.append(name)
        for alt in re.split(r"[,/]", paren):
            alt = alt.strip()
            if alt.lower().startswith("aka "):
                alt = alt[4:]
            if alt and looks_like_name(alt, 3) and "capital" not in alt.lower():
                variants.append(alt)
    return uniq(caps), uniq(v for v in variants if v not in caps)


def parse_former(text):
    names = []
    for item in split_top(text, ",;"):
        m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", item)
        if m:
            base, paren = m.group(1).strip(), m.group(2).strip()
            names.append(base)
            if looks_like_name(paren, 4):
                names.append(paren)
        else:
            names.append(re.sub(r"\s*\([^)]*\)", "", item).strip())
    names = [re.sub(r"^\s*and\s+", "", n) for n in names]
    return uniq(n for n in names if looks_like_name(n, 8) or n.startswith("Trust Territory"))


def parse_abbrev(text):
    out = []
    text = re.sub(r"\((?:French|English)\)", " ", text)
    for item in re.split(r"\s+or\s+|[,/]", re.sub(r"[()]", " ", text)):
        item = item.strip()
        if item and re.match(r"^[A-Z][A-Za-z.\- ]*$", item) and item not in ("French", "English"):
            out.append(item)
    return out


def load_iso(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)["3166-1"]
    return {e["alpha_2"]: e for e in data}


def iso_names(e):
    names = [e.get("name"), e.get("common_name"), e.get("official_name")]
    return uniq(re.sub(r"^the ", "", n) for n in names if n)


def load_factbook(fb_dir):
    entries = {}
    for path in sorted(glob.glob(os.path.join(fb_dir, "*", "*.json"))):
        gec = os.path.splitext(os.path.basename(path))[0]
        if os.path.basename(os.path.dirname(path)) == "meta" or gec in SKIP_GEC:
            continue
        with open(path, encoding="utf-8") as f:
            entries[gec] = json.load(f)
    return entries


MONTHS = {m: i + 1 for i, m in enumerate([
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"])}


def parse_independence(text):
    """The state's start: the latest dated independence "from" another state or an
    administration ("25 June 1991 (from Yugoslavia)", "11 March 1990 (declared from the Soviet
    Union)"), ignoring "notable earlier dates". Empty when none is given that way (unions,
    proclaimed republics, "no official date"): the start is then not asserted."""
    text = re.split(r"notable earlier dates?", text)[0]
    best = ""
    for part in text.split(";"):
        if "from" not in part:
            continue
        m = re.search(r"\b(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b", part)
        if m and m.group(2) in MONTHS:
            d = "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2)], int(m.group(1)))
            best = max(best, d)
    return best


def build_row(gec, d):
    gov = d.get("Government", {})
    cn = gov.get("Country name", {})
    short = field(cn, "conventional short form")
    long_ = field(cn, "conventional long form")
    short = strip_note(short)
    long_ = strip_note(long_)
    aliases = []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)$", short)
    if m:  # "Falkland Islands (Islas Malvinas)", "Svalbard (sometimes referred ...)"
        short = m.group(1).strip()
        if looks_like_name(m.group(2), 3):
            aliases.append(m.group(2))
    if is_none(short):
        short = long_
    if is_none(long_):
        long_ = ""
    if short.startswith("The "):
        aliases.append(short[4:])
    abbrev = field(cn, "abbreviation")
    if abbrev:
        aliases.extend(parse_abbrev(abbrev))
    nat = d.get("People and Society", {}).get("Nationality", {})
    adjs, sing, plur = parse_demonyms(field(nat, "noun"), field(nat, "adjective"))
    caps, cap_vars = parse_capitals(field(gov, "Capital", "name"))
    former = parse_former(field(cn, "former"))
    valid_from = parse_independence(field(gov, "Independence"))
    if "Dependency status" in gov:
        kind = "dependency"
    elif "Independence" in gov:
        kind = "state"
    else:
        kind = KIND_OTHER
    return {
        "id": "gec:" + gec, "iso2": "", "iso3": "", "gec": gec, "kind": kind,
        "short_name": short, "long_name": long_, "aliases": aliases,
        "demonym_adj": adjs, "demonym_noun": sing, "demonym_plural": plur,
        "capitals": caps, "capital_variants": cap_vars, "former_names": former,
        "valid_from": valid_from, "source": "factbook",
    }


def map_iso(rows, iso, unmapped):
    by_name = {}
    for code, e in iso.items():
        for n in iso_names(e):
            by_name.setdefault(norm_key(n), set()).add(code)
    taken = {}
    for gec in sorted(rows):
        row = rows[gec]
        code = GEC_TO_ISO.get(gec)
        if code is None and gec not in NO_ISO:
            cands = set()
            for n in (row["short_name"], row["long_name"]):
                if n:
                    cands |= by_name.get(norm_key(n), set())
            if len(cands) == 1:
                code = cands.pop()
        if code is None:
            if gec in USER_ASSIGNED_ID:
                row["id"] = USER_ASSIGNED_ID[gec]
            if gec not in NO_ISO:
                unmapped.append("factbook %s (%s): no ISO 3166-1 match" % (gec, row["short_name"]))
            continue
        if code in taken:
            raise SystemExit("gen_entities: ISO %s matched by both %s and %s; add one to "
                             "GEC_TO_ISO or NO_ISO" % (code, taken[code], gec))
        taken[code] = gec
        e = iso[code]
        row["id"] = row["iso2"] = code
        row["iso3"] = e["alpha_3"]
        for n in iso_names(e):
            if ", " not in n and n not in (row["short_name"], row["long_name"]):
                row["aliases"].append(n)
    # ISO entities the Factbook lacks (French overseas departments and the like).
    extra = {}
    for code in sorted(iso):
        if code in taken:
            continue
        e = iso[code]
        name = e.get("common_name") or e["name"]
        extra[code] = {
            "id": code, "iso2": code, "iso3": e["alpha_3"], "gec": "", "kind": KIND_OTHER,
            "short_name": name, "long_name": e.get("official_name", ""),
            "aliases": [n for n in iso_names(e) if n != name and ", " not in n],
            "demonym_adj": [], "demonym_noun": [], "demonym_plural": [], "capitals": [],
            "capital_variants": [], "former_names": [], "valid_from": "", "source": "iso",
        }
    return extra


def apply_overrides(rows_by_id, path):
    """overrides.tsv: id, field, op (set|add|remove|drop), value ('|'-separated), note."""
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if cols[0] == "id":
                continue
            if len(cols) < 4:
                raise SystemExit("%s:%d: expected id, field, op, value" % (path, lineno))
            rid, fld, op, value = cols[:4]
            if op == "drop":
                if rid not in rows_by_id:
                    raise SystemExit("%s:%d: drop of unknown id %s" % (path, lineno, rid))
                del rows_by_id[rid]
                continue
            if fld not in COLUMNS or fld in ("id", "gec"):
                raise SystemExit("%s:%d: bad field %r" % (path, lineno, fld))
            row = rows_by_id.get(rid)
            if row is None:
                if op != "set" or fld != "short_name":
                    raise SystemExit("%s:%d: unknown id %s (new rows start with a set of "
                                     "short_name)" % (path, lineno, rid))
                row = {c: ([] if c in MULTI else "") for c in COLUMNS}
                row["id"] = rid
                row["kind"] = KIND_OTHER
                row["source"] = "curated"
                rows_by_id[rid] = row
            values = [v for v in value.split("|") if v] if fld in MULTI else value
            if op == "set":
                row[fld] = values
            elif op == "add" and fld in MULTI:
                row[fld] = row[fld] + values
            elif op == "remove" and fld in MULTI:
                missing = [v for v in values if v not in row[fld]]
                if missing:
                    raise SystemExit("%s:%d: %s %s has no %r" % (path, lineno, rid, fld, missing))
                row[fld] = [v for v in row[fld] if v not in values]
            else:
                raise SystemExit("%s:%d: bad op %r for %s" % (path, lineno, op, fld))
            if row["source"] in ("factbook", "iso"):
                row["source"] += "+override"


def check_former(rows_by_id):
    """Former names that are also a current name of some entity are reported."""
    current = {}
    for _, row in sorted(rows_by_id.items()):
        for n in [row["short_name"], row["long_name"]] + row["aliases"] + row["capitals"]:
            if n:
                current.setdefault(n, row["id"])
    msgs = []
    for rid in sorted(rows_by_id):
        for n in rows_by_id[rid]["former_names"]:
            if n in current and current[n] != rid:
                msgs.append("former name %r of %s is a current name of %s" % (n, rid, current[n]))
    return msgs


def render(rows_by_id):
    def cell(row, c):
        v = row[c]
        if c in MULTI:
            v = "|".join(uniq(v))
        if "\t" in v or "\n" in v:
            raise SystemExit("gen_entities: tab or newline in %s %s" % (row["id"], c))
        return v

    lines = [
        "# Countries and territories: names, aliases, demonyms, capitals, former names.",
        "# Generated by tools/gen_entities.py from the CIA World Factbook (factbook.json, public",
        "# domain/CC0), ISO 3166-1 codes from ISO 3166 via Debian iso-codes, and the hand-curated",
        "# dictionaries/entities/overrides.tsv (CC0-1.0). Do not edit: edit overrides.tsv and rerun.",
        "# Columns are tab-separated; multi-valued columns are '|'-separated; see README.md.",
        "\t".join(COLUMNS),
    ]
    for rid in sorted(rows_by_id, key=lambda r: (r.startswith("gec:"), r)):
        row = rows_by_id[rid]
        # Drop aliases that repeat the primary names.
        row["aliases"] = [a for a in uniq(row["aliases"])
                          if a not in (row["short_name"], row["long_name"])]
        lines.append("\t".join(cell(row, c) for c in COLUMNS))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("factbook", nargs="?", default=DEFAULT_FACTBOOK)
    ap.add_argument("--iso", default=DEFAULT_ISO)
    ap.add_argument("--overrides", default=OVERRIDES)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    if not os.path.isdir(args.factbook):
        sys.exit("gen_entities: no Factbook directory at %s" % args.factbook)
    if not os.path.isfile(args.iso):
        sys.exit("gen_entities: %s missing (apt-get install iso-codes)" % args.iso)
    fb = load_factbook(args.factbook)
    rows = {}
    for gec, d in fb.items():
        if not d.get("Government", {}).get("Country name"):
            continue
        rows[gec] = build_row(gec, d)
    iso = load_iso(args.iso)
    unmapped = []
    extra = map_iso(rows, iso, unmapped)
    by_id = {r["id"]: r for r in rows.values()}
    by_id.update(extra)
    apply_overrides(by_id, args.overrides)
    unmapped.extend(check_former(by_id))
    text = render(by_id)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.out)
    for msg in unmapped:
        print("gen_entities: " + msg, file=sys.stderr)
    print("gen_entities: wrote %d rows to %s" % (len(by_id), os.path.relpath(args.out)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
