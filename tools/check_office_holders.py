#!/usr/bin/env python3
"""Checks dictionaries/entities/office_holders.tsv against the CIA World Factbook snapshot.

Usage: python3 tools/check_office_holders.py [FACTBOOK_DIR] [--tsv FILE] [--countries FILE]

For every country of office_holders.tsv it reads the Factbook's "Government" > "Executive
branch" > "chief of state" and "head of government" entries (title, name with the surname in
capitals, "since" date), and compares them with the open terms (empty `end`) of the TSV's heads
of state and government (every title except foreign ministers and the like). It prints:

  AGREE     the Factbook person holds an open TSV term; its start agrees with the since-date
            (compared at the coarser of the two precisions)
  START     same person, different start date
  KNOWN     a START or PERSON the TSV's note already explains (it quotes the Factbook's date,
            or says the person is not named by the Factbook)
  PERSON    an open TSV term whose holder the Factbook does not name (the term has probably
            ended: the Factbook's holder of the office is someone else)
  MISSING   a Factbook person with no open head-of-state/government term in the TSV
  LEFTOUT   a MISSING person the TSV leaves out on purpose (see LEFT_OUT below and README.md)
  NOTE      Factbook text that is not a person (representatives, former holders, remarks)
  UNPARSED  Factbook text the parser could not read (no surname in capitals, no since-date)

and at the end the counts and the latest "since" date seen, a lower bound of the snapshot's date.

Python 3 standard library only; deterministic (countries sorted, no timestamps). Exit status 0,
or 2 when a file cannot be read.
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
ENT_DIR = os.path.join(ROOT, "dictionaries", "entities")

# TSV titles that are not heads of state or government: not compared with the Factbook.
OTHER_TITLES = {
    "Foreign Minister", "Secretary of State", "Foreign Secretary", "External Affairs Minister",
    "Foreign Adviser", "Defense Minister", "Crown Prince",
    # party offices: not in the Factbook's executive-branch entry
    "General Secretary", "State Counsellor",
}

# Factbook spellings (country, capitals part of the name) that the name matcher cannot tie to
# the TSV's wire spelling: -> TSV id.
SPELLINGS = {
    ("AE", "MUHAMMAD BIN ZAYID"): "mohamed_bin_zayed",
    ("AE", "MUHAMMAD BIN RASHID"): "mohammed_bin_rashid",
    ("AF", "HAYBATULLAH"): "hibatullah_akhundzada",
    ("BY", "LUKASHENKA"): "alexander_lukashenko",
    ("JO", "ABDALLAH II"): "abdullah_ii",
    ("QA", "MUHAMMAD"): "mohammed_bin_abdulrahman_al_thani",
    ("QA", "TAMIM"): "tamim_bin_hamad",
    ("SA", "SALMAN"): "king_salman",
    ("SY", "Ahmad al-Shara'"): "ahmad_al_sharaa",
}

# Factbook people the TSV leaves out on purpose (README.md, office_holders.tsv section).
LEFT_OUT = {
    ("KP", "CHOE"): "North Korea: the Supreme People's Assembly president is not a premier; premiers since 2020 are left out",
    ("ML", "GOITA"): "junta leaders are left out",
    ("ML", "MAIGA"): "junta government (transition prime minister) left out",
    ("MM", "MIN AUNG HLAING"): "junta leaders are left out",
    ("MM", "NYO SAW"): "junta government left out",
    ("NE", "TIANI"): "junta leaders are left out",
    ("NE", "ZEINE"): "junta government (CNSP prime minister) left out",
    ("SD", "BURHAN"): "junta leaders are left out",
    ("TW", "CHO"): "Taiwan's premiers are left out",
    ("YE", "ALIMI"): "Yemen's Presidential Leadership Council is left out",
    ("YE", "BIN BURAYK"): "wire spelling of the name not certain (Salem bin Breik?); left out",
    ("SY", "BASHIR"): "the prime minister's post was abolished by the March 2025 constitutional declaration (from memory); the entry looks stale",
}

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
for _m, _i in list(MONTHS.items()):
    MONTHS[_m[:3]] = _i
MONTHS["sept"] = 9

SINCE = re.compile(r"\(\s*since\s+(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})\s*\)|\(\s*since\s+(\d{4})\s*\)")

# A title ends with one of these words; the given names of the person follow.
TITLE_END = {
    "president", "minister", "premier", "chancellor", "king", "queen", "emperor", "empress",
    "emir", "amir", "sultan", "leader", "chairperson", "chair", "chairman", "general", "gen.",
    "sr.", "dr.", "prince", "governor", "minister-equivalent)",
}
# Lower-case words that belong to a name.
PARTICLES = {"bin", "ibn", "ibni", "binti", "bint", "da", "de", "del", "dos", "van", "von", "der", "la", "le", "al", "el", "abd", "jr.", "jr"}
STOP = {"bin", "ibn", "ibni", "al", "el", "abd", "da", "de", "del", "dos", "jr", "the", "and", "of", "ii", "iii", "vi"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


def words(s):
    return [w for w in re.split(r"[^a-z0-9]+", fold(s).replace("'", "")) if w]


def _caps_piece(piece):
    letters = [c for c in piece if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_caps(tok):
    """A word in capitals, or a hyphenated word with a part in capitals ('al-SUDANI')."""
    return any(_caps_piece(x) for x in tok.split("-"))


def caps_part(tok):
    return " ".join(x for x in tok.split("-") if _caps_piece(x))


def parse_date(s):
    """'YYYY' or 'YYYY-MM-DD' -> (y, m, d) with None for missing parts; '' -> None."""
    if not s:
        return None
    p = s.split("-")
    return tuple(int(x) for x in p) + (None,) * (3 - len(p))


def fmt_date(d):
    if d is None:
        return "?"
    return "-".join("%02d" % x if i else "%04d" % x for i, x in enumerate(d) if x is not None)


def same_date(a, b):
    """Equal at the coarser precision of the two."""
    for x, y in zip(a, b):
        if x is None or y is None:
            return True
        if x != y:
            return False
    return True


class Person:
    def __init__(self, role, title, name, caps, since, raw):
        self.roles = [role]
        self.title = title
        self.name = name
        self.caps = caps
        self.since = since
        self.raw = raw
        self.spellings = []


def parse_since(seg):
    """'(since 7 May 2012)' -> ((y, m, d), match), None parts unknown; (None, None) if absent;
    raises ValueError on an unknown month."""
    m = SINCE.search(seg)
    if not m:
        return None, None
    if m.group(4):
        return (int(m.group(4)), None, None), m
    mon = MONTHS.get(m.group(2).lower())
    if mon is None:
        raise ValueError("unknown month %r" % m.group(2))
    return (int(m.group(3)), mon, int(m.group(1)) if m.group(1) else None), m


def parse_person(role, seg):
    """One ';'-separated segment -> (Person or None, problem or None)."""
    try:
        since, m = parse_since(seg)
    except ValueError as e:
        return None, "%s in %r" % (e, seg)
    head = seg[: m.start()].strip() if m else seg.strip()
    toks = head.split()
    first_caps = next((i for i, t in enumerate(toks) if is_caps(t.strip(',"()')) and t.strip(',"()') not in ("CNSP", "II", "III", "VI")), None)
    if first_caps is None:
        return Person(role, "", head, "", since, seg), "no surname in capitals in %r" % seg
    title_end = -1
    for i in range(first_caps):
        t = toks[i].lower()
        if t in TITLE_END or t.endswith(")"):
            title_end = i
    title = " ".join(toks[: title_end + 1])
    name_toks = toks[title_end + 1: first_caps]
    caps = []
    i = first_caps
    while i < len(toks):
        t = toks[i]
        bare = t.strip(',"')
        if t.startswith("("):
            break
        if is_caps(bare) or bare in ("II", "III", "VI"):
            if not name_toks or is_caps(name_toks[-1].strip(',"')) or name_toks[-1].strip(',"') in ("II", "III", "VI") or not caps:
                caps.append(bare)
        elif not (bare[:1].isupper() or bare.lower() in PARTICLES or bare.lower().startswith(("al-", "el-"))):
            break
        name_toks.append(t)
        i += 1
    # capitals part: the first run of capitalised words (a hyphenated prefix is dropped)
    caps_s = " ".join(caps_part(c) if c not in ("II", "III", "VI") else c for c in caps)
    name = " ".join(name_toks).rstrip(",")
    p = Person(role, title, name, caps_s, since, seg)
    problem = None
    if since is None:
        problem = "no since-date in %r" % seg
    if not title:
        problem = (problem + "; " if problem else "") + "no title in %r" % seg
    return p, problem


def parse_entry(role, text):
    """Factbook entry -> ([Person], [note], [problem])."""
    text = html.unescape(text).strip()
    people, notes, problems = [], [], []
    if not text or text.lower() in ("none", "na", "n/a"):
        return people, ["%s: none" % role], problems
    for seg in [s.strip() for s in text.split(";") if s.strip()]:
        low = seg.lower()
        m = re.match(r"(?:also spelled|also known as)\s+(.*)$", seg, re.I)
        if m and people:
            people[-1].spellings.append(re.sub(r"\s*\(since.*$", "", m.group(1)).strip())
            try:
                since, _ = parse_since(seg)
            except ValueError as e:
                problems.append("%s: %s in %r" % (role, e, seg))
                since = None
            if since and people[-1].since is None:
                people[-1].since = since
                problems[:] = [x for x in problems if "no since-date in %r" % people[-1].raw not in x]
            continue
        if low.startswith(("represented by", "the uk and", "former ", "note", "also referred", "the prime minister's official title", "overall ")) \
                or " represented by " in low:
            if low.startswith("overall ") and people == [] and "head of government" in low:
                notes.append("%s: %s" % (role, seg))
                continue
            notes.append("%s: %s" % (role, seg))
            continue
        p, problem = parse_person(role, seg)
        if problem:
            problems.append("%s: %s" % (role, problem))
        if p is not None:
            people.append(p)
    return people, notes, problems


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:] if l]


def _name_words(r):
    toks = set()
    for n in [r["name"]] + [a for a in r.get("aliases", "").split("|") if a]:
        toks.update(words(n))
    return toks


def candidates(country, p, rows):
    """[(score, TSV id)] for the Factbook person among `rows`: a word of the capitals part (or
    of an 'also spelled' variant) is a word of the TSV name or an alias, and when both sides
    have other name words, one of them agrees on its first three letters."""
    key = SPELLINGS.get((country, p.caps)) or SPELLINGS.get((country, p.name))
    if key:
        return [(100, key)] if any(r["id"] == key for r in rows) else []
    variants = [[w for w in words(p.caps) if w not in STOP]]
    variants += [[w for w in words(s) if w not in STOP] for s in p.spellings]
    variants = [v for v in variants if v]
    out = []
    for pid in sorted({r["id"] for r in rows}):
        prow = [r for r in rows if r["id"] == pid]
        toks = _name_words(prow[0])
        hit = max(([w for w in v if w in toks] for v in variants), key=len, default=[])
        if not hit:
            continue
        allcaps = {w for v in variants for w in v}
        given = [w for w in words(p.name) if w not in STOP and w not in allcaps and len(w) >= 3]
        rest = [w for w in toks if w not in STOP and w not in allcaps and len(w) >= 3]
        agree = sum(any(g[:3] == t[:3] for t in rest) for g in given)
        if given and rest and not agree:
            continue
        score = 4 * len(hit) + 2 * agree + (1 if any(not r["end"] for r in prow) else 0)
        out.append((score, pid))
    return out


def assign(country, people, rows):
    """Factbook people -> TSV ids, best-scoring pairs first, each TSV person used once."""
    pairs = []
    for i, p in enumerate(people):
        for score, pid in candidates(country, p, rows):
            pairs.append((-score, i, pid))
    pairs.sort()
    got, used = {}, set()
    for _, i, pid in pairs:
        if i in got or pid in used:
            continue
        got[i] = pid
        used.add(pid)
    return got


def title_overlap(a, b):
    wa, wb = set(words(a)), set(words(b))
    if "premier" in wa:
        wa |= {"prime", "minister"}
    if "premier" in wb:
        wb |= {"prime", "minister"}
    return len(wa & wb)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("factbook", nargs="?", default=DEFAULT_FACTBOOK)
    ap.add_argument("--tsv", default=os.path.join(ENT_DIR, "office_holders.tsv"))
    ap.add_argument("--countries", default=os.path.join(ENT_DIR, "countries.tsv"))
    args = ap.parse_args()
    try:
        rows = read_tsv(args.tsv)
        countries = read_tsv(args.countries)
    except OSError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    gec = {c["id"]: c["gec"] for c in countries}
    files = {}
    for path in glob.glob(os.path.join(args.factbook, "*", "*.json")):
        files[os.path.splitext(os.path.basename(path))[0]] = path
    by_country = {}
    for r in rows:
        by_country.setdefault(r["country"], []).append(r)
    by_id = {}
    for r in rows:
        by_id.setdefault(r["id"], []).append(r)

    counts = {k: 0 for k in ("AGREE", "START", "KNOWN", "PERSON", "MISSING", "LEFTOUT", "NOTE", "UNPARSED", "NOFILE")}
    latest = None
    out = []

    def emit(kind, country, msg):
        counts[kind] += 1
        out.append("%-8s %s  %s" % (kind, country, msg))

    for country in sorted(by_country):
        crow = by_country[country]
        g = gec.get(country)
        path = files.get(g) if g else None
        if not path:
            emit("NOFILE", country, "no Factbook profile (gec %r)" % (g or ""))
            continue
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            print("error: %s: %s" % (path, e), file=sys.stderr)
            return 2
        eb = data.get("Government", {}).get("Executive branch", {})
        people = []
        for role, key in (("chief of state", "chief of state"), ("head of government", "head of government")):
            text = eb.get(key, {}).get("text", "")
            ps, notes, problems = parse_entry(role, text)
            for n in notes:
                emit("NOTE", country, n)
            for pr in problems:
                emit("UNPARSED", country, pr)
            for p in ps:
                if p.since and (latest is None or (p.since[0], p.since[1] or 0, p.since[2] or 0) > latest[0]):
                    latest = ((p.since[0], p.since[1] or 0, p.since[2] or 0), p.since, country)
                same = next((q for q in people if q.caps == p.caps and q.name == p.name), None)
                if same:
                    same.roles.append(role)
                    if p.since and same.since and p.since != same.since:
                        same.extra_since = p.since
                else:
                    people.append(p)
        open_terms = [r for r in crow if not r["end"] and r["title"] not in OTHER_TITLES]
        matched_ids = set()
        ids = assign(country, people, crow)
        for i, p in enumerate(people):
            desc = "%s: %s %s (since %s)" % ("/".join(p.roles), p.title or "<no title>", p.name, fmt_date(p.since))
            pid = ids.get(i)
            if pid is None and p.title in ("King", "Queen"):
                # a monarch of several realms is listed once, for the United Kingdom
                pid = assign("GB", [p], by_country.get("GB", [])).get(0)
                if pid:
                    emit("AGREE", country, "%s = %s (listed under GB: a monarch of several realms is listed once)" % (desc, pid))
                    continue
            terms = [r for r in open_terms if r["id"] == pid] if pid else []
            if not terms:
                left = next((why for (c, k), why in LEFT_OUT.items() if c == country and k in p.caps), None)
                closed = [r for r in by_id.get(pid, [])] if pid else []
                extra = " (TSV has %s: %s)" % (pid, ", ".join("%s %s %s..%s" % (r["title"], r["country"], r["start"], r["end"]) for r in closed)) if closed else ""
                if left:
                    emit("LEFTOUT", country, "%s: %s%s" % (desc, left, extra))
                else:
                    emit("MISSING", country, desc + extra)
                continue
            matched_ids.add(pid)
            terms.sort(key=lambda r: (-title_overlap(r["title"], p.title), r["start"]))
            t = terms[0]
            ts = parse_date(t["start"])
            also = [r["title"] for r in terms[1:]]
            note = " (also open: %s)" % ", ".join(also) if also else ""
            if p.since is None:
                emit("AGREE", country, "%s = %s %s from %s; Factbook gives no date%s" % (desc, t["title"], pid, t["start"], note))
            elif same_date(ts, p.since):
                emit("AGREE", country, "%s = %s %s from %s%s" % (desc, t["title"], pid, t["start"], note))
            elif fmt_date(p.since) in t["note"]:
                emit("KNOWN", country, "%s = %s %s from %s: start differs, explained in the TSV note%s" % (desc, t["title"], pid, t["start"], note))
            else:
                emit("START", country, "%s = %s %s from %s: start differs%s" % (desc, t["title"], pid, t["start"], note))
        for r in open_terms:
            if r["id"] in matched_ids:
                continue
            if "not named by the factbook" in r["note"].lower():
                emit("KNOWN", country, "TSV %s %s (%s, open from %s): not named by the Factbook, explained in the TSV note" % (
                    r["title"], r["name"], r["id"], r["start"]))
                continue
            rivals = [p for p in people if title_overlap(r["title"], p.title)]
            who = "; ".join("%s %s (since %s)" % (p.title, p.name, fmt_date(p.since)) for p in (rivals or people))
            emit("PERSON", country, "TSV %s %s (%s, open from %s) is not named by the Factbook, which has: %s" % (
                r["title"], r["name"], r["id"], r["start"], who or "nobody"))

    print("\n".join(out))
    print()
    print("counts: " + ", ".join("%s %d" % (k, v) for k, v in counts.items()))
    if latest:
        print("latest since-date in the snapshot: %s (%s); the snapshot is no older than this" % (fmt_date(latest[1]), latest[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
