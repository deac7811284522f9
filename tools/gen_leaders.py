#!/usr/bin/env python3
"""Generates dictionaries/entities/office_holders-wikidata.tsv from the Wikidata extract of
heads of state and of government (../shared/data/wikidata-leaders, CC0).

Usage: python3 tools/gen_leaders.py [LEADERS_DIR] [--factbook DIR] [--out FILE] [--check]

One row per term from 1945 on (terms that ended before 1945-01-01 are out of scope), titled as
wire copy titles the office. Inputs besides the extract:
  - dictionaries/entities/countries.tsv: ISO alpha-3 -> the dictionary's country id;
  - the World Factbook's executive-branch entries: the office's title per country ("Chancellor",
    "Premier", "Prime Minister"; a monarch's title means the country's heads of state are left
    to the hand-curated office_holders.tsv);
  - dictionaries/entities/sources/leader-titles.tsv: hand-curated titles where the Factbook's is
    not the wire title or there is none, and offices left out;
  - dictionaries/entities/sources/leader-fixes.tsv: hand-curated corrections of source rows,
    each with its source; a fix that no longer matches a row is an error;
  - dictionaries/entities/office_holders.tsv: a person it already lists (same name, same
    country) is left to it: the hand-curated rows are checked against the Factbook and win.

The source's known noise is cleaned by stated policies, each counted in the output's header:
rows whose person cell is no name (a Wikidata item id, a URL, a council, an election), monarchs
under a regnal label ("Alberto II do Mónaco"), dates Wikidata gives as an unknown value (a
genid URL), duplicate rows and terms split by re-election (merged), an open term whose holder is
not the current one (closed at the successor's start, or dropped when there is none). Any other
fault fails the run with FILE:LINE: a date that does not parse or cannot be (month 13, an end
before the start, a start after the extraction), an unknown country code, an office with no
known title, a stale fix.

--check regenerates in memory and exits 1 when the committed file differs (the freshness test).

Python 3 standard library only; deterministic (sorted rows, no timestamps). Exit status 0, 1
(bad data or --check found a stale file), 2 (a file cannot be read).
"""

import argparse
import csv
import datetime
import glob
import json
import os
import re
import sys
import textwrap
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import check_office_holders as factbook  # noqa: E402  (the Factbook executive-branch parser)

SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
ENT_DIR = os.path.join(ROOT, "dictionaries", "entities")
DEFAULT_OUT = os.path.join(ENT_DIR, "office_holders-wikidata.tsv")
TITLES = os.path.join(ENT_DIR, "sources", "leader-titles.tsv")
FIXES = os.path.join(ENT_DIR, "sources", "leader-fixes.tsv")

HORIZON = "2025-10-03"  # the extract's date (SOURCE.md)
SCOPE_FROM = "1945-01-01"
ROLES = ("head_of_state", "head_of_government")
COLUMNS = ["id", "name", "aliases", "title", "country", "start", "end", "source", "note"]

# Factbook titles of a monarch: such a country's heads of state are not generated.
MONARCH_WORDS = {"king", "queen", "amir", "emir", "sultan", "prince", "emperor", "lord", "grand"}
# Words of a label that make it a title or a body, not a person's name: anywhere in the
# extract's Portuguese ("Imperador Jimmu", "Conselho Federal"), first or last in English
# ("Queen Indrani", "Suzaku Emperor"; "Cyril King" and "Zayed bin Sultan" are names).
TITLE_WORDS = {"imperador", "imperatriz", "rei", "rainha", "príncipe", "princesa", "xá", "sultão",
               "grão-duque", "grão-duquesa", "senhor", "senhora", "conselho", "eleição", "junta",
               "comité", "comissão", "council", "committee", "directory"}
EDGE_TITLE_WORDS = {"king", "queen", "prince", "princess", "emperor", "empress", "sultan", "shah",
                    "lord", "emir", "amir"}
REGNAL = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
# Lower-case words a person's label may hold.
PARTICLES = {"bin", "ibn", "ibni", "binti", "bint", "da", "de", "del", "der", "den", "di", "do",
             "dos", "das", "du", "e", "van", "von", "la", "le", "al", "el", "y", "abu", "ben",
             "bte", "zu", "af", "ter", "ould", "wa", "ag", "dit", "mac", "st.", "jr.", "jr", "vom",
             "ul", "ud", "uddin", "ad", "as", "ash", "at", "az", "arap", "te", "uld", "i", "á"}
GENID = "http://www.wikidata.org/.well-known/genid/"


class BadData(Exception):
    pass


def ascii_alias(name):
    """The name without accents, as 1980s wire copy keys it ("Francois Mitterrand")."""
    a = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return a if a != name and all(ord(c) < 128 for c in a) else ""


def read_tsv(path):
    """[(line_no, row dict)] of a TSV with '#' comments and a header."""
    out, header = [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                raise BadData("%s:%d: expected %d tab-separated fields, found %d" % (path, n, len(header), len(cells)))
            out.append((n, dict(zip(header, cells))))
    return out


def parse_day(value, where):
    """'1981-01-20T00:00:00Z' -> '1981-01-20' ('1981' for 1 January: Wikidata's year precision
    does not survive the extract, and a term rarely starts on New Year's Day); '' or a genid
    URL -> None. Raises BadData on anything else or an impossible date."""
    if not value or value.startswith(GENID):
        return None
    m = re.match(r"^(-?\d{1,5})-(\d\d)-(\d\d)T00:00:00Z$", value)
    if not m:
        raise BadData("%s: date does not parse: %r" % (where, value))
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 1 or y > 9999:
        return "%d" % y  # ancient or garbled year: judged by the caller's scope
    try:
        datetime.date(y, mo, d)
    except ValueError:
        raise BadData("%s: impossible date %r" % (where, value))
    return "%04d" % y if (mo, d) == (1, 1) else "%04d-%02d-%02d" % (y, mo, d)


def key(date, end=False):
    """Comparable form of 'YYYY' or 'YYYY-MM-DD' (a year alone spans the year)."""
    if date is None:
        return "9999-99-99" if end else "0000-00-00"
    if len(date) == 4:
        return date + ("-12-31" if end else "-01-01")
    return date


def is_name(label):
    """Whether a person cell is a person's name (not an id, a URL, a council or an election)."""
    if not label or label.startswith("http") or re.match(r"^Q\d+$", label) or re.search(r"\d", label):
        return False
    words = label.replace(",", " ").split()
    if words[0].lower() in EDGE_TITLE_WORDS or words[-1].lower() in EDGE_TITLE_WORDS:
        return False
    for w in words:
        low = w.lower()
        if low in TITLE_WORDS:
            return False
        if w[0].islower() and low not in PARTICLES and not low.startswith(
                ("al-", "el-", "ad-", "ar-", "an-", "as-", "ash-", "at-", "az-", "bin-", "ibn-", "d'", "d’")):
            return False
    return True


def regnal(label, country_pt, role):
    """A monarch's label: a head of state's regnal number ("Alberto II"; a head of government's
    is a name: "Fiame Mata'afa Faumuina Mulinu'u II"), or "<name> do <country>" in the extract's
    Portuguese ("Fahd da Arábia Saudita")."""
    words = label.replace(",", " ").split()
    if role == "head_of_state" and any(REGNAL.match(w) for w in words[1:]):
        return True
    return bool(re.search(r"\b(?:d[aeo]s?|of|av|von|van)\s+" + re.escape(country_pt) + r"$", label)) if country_pt else False


def factbook_holders(fb_dir, countries):
    """{(country id, role): [Factbook person]} (title, name, surname in capitals, since-date) of
    every country's executive-branch entry."""
    files = {os.path.splitext(os.path.basename(p))[0]: p for p in glob.glob(os.path.join(fb_dir, "*", "*.json"))}
    out = {}
    for c in countries.values():
        path = files.get(c["gec"]) if c["gec"] else None
        if not path:
            continue
        with open(path, encoding="utf-8") as f:
            eb = json.load(f).get("Government", {}).get("Executive branch", {})
        for role, fkey in (("head_of_state", "chief of state"), ("head_of_government", "head of government")):
            people, _, _ = factbook.parse_entry(fkey, eb.get(fkey, {}).get("text", ""))
            if people:
                out[(c["id"], role)] = people
    return out


def since_date(since):
    """A Factbook since-date (y, m, d) in this file's format: the day, or the year alone."""
    y, m, d = since
    return "%04d-%02d-%02d" % (y, m, d) if m and d else "%04d" % y


def update_from_factbook(kept, holders, counts):
    """The Factbook's snapshot postdates the extract: a person it names as an office's holder
    with no open term there gets one from the since-date ("Andrej Babiš", prime minister again
    in December 2025); when it names one holder, another's open term in the office ends then."""
    added = []
    by_office = {}
    for t in kept:
        by_office.setdefault((t["country"], t["role"]), []).append(t)
    for (cid, role), people in sorted(holders.items()):
        terms = by_office.get((cid, role))
        if not terms:
            continue
        got = {}
        for i, p in enumerate(people):
            # The same person: every name word of one side is a word of the other ("Andrej BABIS",
            # "Andrej Babiš"), two at least unless a name is one word ("SUHARTO"). A shared
            # surname is not enough: "LEE Jae-myung" is not Lee Myung-bak.
            # The first words agree too: "Mahamat Idriss DEBY" is not his father Idriss Déby.
            order = [w for w in factbook.words(p.raw.split("(")[0]) if w not in factbook.STOP]
            mine = {w for w in factbook.words(p.name + " " + p.caps) if w not in factbook.STOP}
            match = set()
            for t in terms:
                listed = [w for w in factbook.words(t["name"]) if w not in factbook.STOP]
                theirs = set(listed)
                small = min(len(mine), len(theirs))
                first = bool(listed) and listed[0] == next((w for w in order if w in mine), None)
                if small and first and (mine <= theirs or theirs <= mine) and \
                        (small >= 2 or max(len(mine), len(theirs)) == 1):
                    match.add(t["qid"])
            if len(match) == 1:
                got[i] = match.pop()
        for i, p in enumerate(people):
            if p.since is None or i not in got:
                continue
            since = since_date(p.since)
            mine = [t for t in terms if t["qid"] == got[i]]
            if any(t["end"] is None for t in mine) or any(key(t["end"], True) > key(since) for t in mine):
                continue
            new = dict(mine[0], start=since, end=None, source="factbook", note="current per the Factbook (since %s)" % since)
            added.append(new)
            counts["factbook_terms"] += 1
        # Only when the one holder is a person of the extract: an unmatched name may be another
        # spelling of an open term's holder ("ISAIAS Afwerki").
        if len(people) == 1 and people[0].since and 0 in got:
            since = since_date(people[0].since)
            holder = got[0]
            for t in terms:
                if t["end"] is None and t["qid"] != holder and t["start"] and \
                        key(t["start"], True) < key(since):
                    t["end"], t["note"] = since, "end: the Factbook's holder since %s" % since
                    counts["factbook_closed"] += 1
    kept.extend(added)


def wire_title(fb_title, role):
    """The wire title for a Factbook title; '' when none applies, 'monarch' for a monarch."""
    t = fb_title.lower()
    if role == "head_of_state":
        first = t.split()[0] if t.split() else ""
        if first in MONARCH_WORDS or "king" in t.split():
            return "monarch"
        return "President" if "president" in t else ""
    if "prime minister" in t:
        return "Prime Minister"
    for w, title in (("premier", "Premier"), ("chancellor", "Chancellor"), ("chief minister", "Chief Minister"),
                     ("governor", "Governor"), ("president", "President")):
        if t.startswith(w) or (w == "president" and t == "president"):
            return title
    return ""


def generate(leaders_dir, fb_dir, titles_path=TITLES, fixes_path=FIXES, hand_path=None, countries_path=None):
    hand_path = hand_path or os.path.join(ENT_DIR, "office_holders.tsv")
    countries_path = countries_path or os.path.join(ENT_DIR, "countries.tsv")
    countries = {r["iso3"]: r for _, r in read_tsv(countries_path) if r["iso3"]}
    by_id = {r["id"]: r for r in countries.values()}
    holders = factbook_holders(fb_dir, by_id)
    fb = {k: v[0].title for k, v in holders.items()}

    titles = {}
    for n, r in read_tsv(titles_path):
        if r["iso3"] not in countries:
            raise BadData("%s:%d: unknown ISO 3166-1 alpha-3 code %r" % (titles_path, n, r["iso3"]))
        if r["role"] not in ROLES:
            raise BadData("%s:%d: role must be one of %s, got %r" % (titles_path, n, "|".join(ROLES), r["role"]))
        if r["from"] and not re.match(r"^\d{4}(-\d\d-\d\d)?$", r["from"]):
            raise BadData("%s:%d: 'from' must be YYYY or YYYY-MM-DD, got %r" % (titles_path, n, r["from"]))
        titles.setdefault((r["iso3"], r["role"]), []).append((key(r["from"] or None), r["title"]))

    fixes, fixes_used = {}, set()
    for n, r in read_tsv(fixes_path):
        if not r["source"]:
            raise BadData("%s:%d: a fix needs its source" % (fixes_path, n))
        fixes.setdefault((r["qid"], r["iso3"], r["role"], r["field"], r["was"]), (n, r["value"]))

    hand = {}
    for _, r in read_tsv(hand_path):
        for nm in [r["name"]] + [a for a in r["aliases"].split("|") if a]:
            hand.setdefault(factbook.fold(nm), set()).add(r["country"])

    counts = {k: 0 for k in ("rows", "out_of_scope", "not_a_name", "regnal", "monarchy", "office_left_out",
                             "president_as_head_of_government", "in_hand_file", "dependency_head", "no_dates", "merged",
                             "closed_at_successor", "open_no_successor", "fixed", "factbook_terms", "factbook_closed",
                             "closed_without_start", "clipped_by_hand", "within_hand_terms",
                             "overlapping_pairs")}
    terms = []       # dicts: qid, name, iso3, country, role, title, start, end, line
    current = set()  # (qid, iso3, role) in leaders_current.csv
    for fname in ("leaders_history.csv", "leaders_current.csv"):
        path = os.path.join(leaders_dir, fname)
        with open(path, encoding="utf-8", newline="") as f:
            for n, r in enumerate(csv.DictReader(f), 2):
                counts["rows"] += 1
                where = "%s:%d" % (path, n)
                if r["iso3"] not in countries:
                    raise BadData("%s: unknown ISO 3166-1 alpha-3 code %r" % (where, r["iso3"]))
                if r["role"] not in ROLES:
                    raise BadData("%s: unknown role %r" % (where, r["role"]))
                raw = {"start": r["start"], "end": r["end"]}
                for field in ("start", "end"):
                    fx = fixes.get((r["person_qid"], r["iso3"], r["role"], field, raw[field]))
                    if fx:
                        fixes_used.add((r["person_qid"], r["iso3"], r["role"], field, raw[field]))
                        raw[field] = fx[1]
                        counts["fixed"] += 1
                end = parse_day(raw["end"], where)
                if end is not None and key(end, True) < SCOPE_FROM:
                    counts["out_of_scope"] += 1  # not validated further: "Sverre" starts in year +0000
                    continue
                start = parse_day(raw["start"], where)
                if fname == "leaders_current.csv" and not end:
                    current.add((r["person_qid"], r["iso3"], r["role"]))
                if start is not None and start.lstrip("-").isdigit() and len(start) < 4 and end is None:
                    counts["out_of_scope"] += 1  # an ancient start with no end: a legendary reign
                    continue
                if start is not None and end is not None and key(end, True) < key(start):
                    raise BadData("%s: term ends (%s) before it starts (%s); add a fix to %s" % (where, end, start, fixes_path))
                if start is not None and key(start) > HORIZON:
                    raise BadData("%s: term starts (%s) after the extract's date %s" % (where, start, HORIZON))
                if not is_name(r["person"]):
                    counts["not_a_name"] += 1
                    continue
                if regnal(r["person"], r["country"], r["role"]):
                    counts["regnal"] += 1
                    continue
                if start is None and end is None and fname != "leaders_current.csv":
                    counts["no_dates"] += 1  # a holder today is kept with an unknown start
                    continue
                terms.append({"qid": r["person_qid"], "name": r["person"].strip(), "iso3": r["iso3"],
                              "country": countries[r["iso3"]]["id"], "role": r["role"], "start": start,
                              "end": end, "line": where})
    stale = set(fixes) - fixes_used
    if stale:
        k = sorted(stale)[0]
        raise BadData("%s:%d: the fix matches no source row (%s %s %s %s %r): remove it" %
                      (fixes_path, fixes[k][0], k[0], k[1], k[2], k[3], k[4]))

    # Titles.
    def title_of(t):
        # The title of the row whose 'from' is the latest on or before the term's start.
        override = None
        for since, title in sorted(titles.get((t["iso3"], t["role"]), [])):
            if since <= key(t["start"]) or override is None and since == "0000-00-00":
                override = title
        if override is not None:
            return override  # '-' = left out
        got = wire_title(fb.get((t["country"], t["role"]), ""), t["role"])
        if got == "monarch":
            return "monarch"
        if t["role"] == "head_of_government" and got == "President":
            return "Prime Minister"  # a presidential system's other head of government
        if not got:
            raise BadData("%s: no wire title for %s of %s (Factbook: %r); add one to %s" %
                          (t["line"], t["role"], t["iso3"], fb.get((t["country"], t["role"]), ""), titles_path))
        return got

    heads = {}  # (qid, iso3) -> [(start, end)] as head of state
    for t in terms:
        if t["role"] == "head_of_state":
            heads.setdefault((t["qid"], t["iso3"]), []).append((key(t["start"]), key(t["end"], True)))
    kept = []
    for t in terms:
        title = title_of(t)
        if title == "monarch":
            counts["monarchy"] += 1
            continue
        if title == "-":
            counts["office_left_out"] += 1
            continue
        if t["role"] == "head_of_state" and by_id[t["country"]]["kind"] == "dependency":
            counts["dependency_head"] += 1  # the sovereign's head ("Jacques Chirac" of Wallis and Futuna)
            continue
        if t["role"] == "head_of_government" and any(
                a <= key(t["end"], True) and key(t["start"]) <= b for a, b in heads.get((t["qid"], t["iso3"]), [])):
            counts["president_as_head_of_government"] += 1
            continue
        names = [factbook.fold(t["name"])]
        if any(t["country"] in hand.get(nm, ()) for nm in names):
            counts["in_hand_file"] += 1
            continue
        t["title"] = title
        kept.append(t)

    # Open terms of holders who are not current: closed at the successor's start.
    by_office = {}
    for t in kept:
        by_office.setdefault((t["iso3"], t["role"]), []).append(t)
    for office in by_office.values():
        office.sort(key=lambda t: (key(t["start"]), t["qid"]))
        for i, t in enumerate(office):
            t["note"] = ""
            if t["end"] is not None or (t["qid"], t["iso3"], t["role"]) in current:
                continue
            nxt = next((u for u in office[i + 1:] if u["qid"] != t["qid"] and key(u["start"]) > key(t["start"])), None)
            if nxt is None or nxt["start"] is None:
                t["drop"] = True
                counts["open_no_successor"] += 1
            else:
                t["end"] = nxt["start"]
                t["note"] = "end: the successor's start"
                counts["closed_at_successor"] += 1
    kept = [t for t in kept if not t.get("drop")]
    update_from_factbook(kept, holders, counts)
    kept = defer_to_hand_terms(kept, hand_path, counts)

    # Merge a person's overlapping or adjoining terms in one office (duplicates, re-elections).
    groups = {}
    for t in kept:
        groups.setdefault((t["qid"], t["country"], t["title"]), []).append(t)
    rows = []
    for (qid, country, title), ts in groups.items():
        if any(t["start"] or t["end"] for t in ts):  # an undated row of today's holder adds nothing
            ts = [t for t in ts if t["start"] or t["end"]]
        ts.sort(key=lambda t: (key(t["start"]), key(t["end"], True)))
        merged = []
        for t in ts:
            if merged and key(t["start"]) <= key(merged[-1]["end"], True):
                m = merged[-1]
                counts["merged"] += 1
                if key(t["end"], True) > key(m["end"], True):
                    m["end"], m["note"] = t["end"], t["note"]
                continue
            merged.append(dict(t))
        names = sorted({t["name"] for t in ts})
        for m in merged:
            rows.append({"id": "wikidata_" + qid.lower(), "name": names[0],
                         "aliases": "|".join(a for a in [ascii_alias(names[0])] + names[1:] if a),
                         "title": title, "country": country, "start": m["start"] or "", "end": m["end"] or "",
                         "source": "wikidata:" + qid + ("+factbook" if m.get("source") == "factbook" else ""),
                         "note": m["note"]})
    add_surnames(rows, hand_path, countries_path)
    # Two people in one office at once for more than two months: co-rulers, juntas, rival
    # claims or errors of the extract. Counted, not resolved: nothing tells which is right.
    by_office = {}
    for r in rows:
        by_office.setdefault((r["country"], r["title"]), []).append(r)
    for terms in by_office.values():
        for i, a in enumerate(terms):
            for b in terms[i + 1:]:
                if a["id"] != b["id"] and days_between(max(key(a["start"] or None), key(b["start"] or None)),
                                                       min(key(a["end"] or None, True), key(b["end"] or None, True))) > 60:
                    counts["overlapping_pairs"] += 1
    rows.sort(key=lambda r: (r["country"], r["title"], key(r["start"] or None), r["id"]))
    return rows, counts


WORDS = os.path.join(ROOT, "dictionaries", "hunspell", "en_US.words")


def add_surnames(rows, hand_path, countries_path):
    """The bare surname as an alias ("President Reagan") where it can only be this person: no
    other office holder's name ends in it or uses it as a given name, it is no lower-case English
    word ("carter", "major", "kohl" are), it names no country, capital or demonym, and has four
    letters or more."""
    with open(WORDS, encoding="utf-8") as f:
        words = {w.strip() for w in f if w.strip() and w[0].islower()}
    places = set()
    for _, r in read_tsv(countries_path):
        for c in ("short_name", "long_name", "aliases", "demonym_adj", "demonym_noun", "demonym_plural", "capitals"):
            places.update(x for x in r[c].split("|") if x)
    people, given = {}, set()
    for r in rows:
        people.setdefault(r["name"].split()[-1], set()).add(r["id"])
        given.update(r["name"].split()[:-1])
    for _, r in read_tsv(hand_path):
        for n in [r["name"]] + [a for a in r["aliases"].split("|") if a]:
            people.setdefault(n.split()[-1], set()).add("hand:" + r["id"])
            given.update(n.split()[:-1])
    for r in rows:
        parts = r["name"].split()
        last = parts[-1]
        if len(parts) < 2 or len(people.get(last, ())) != 1 or len(last) < 4 or not last.isalpha():
            continue
        # A word that begins or runs through other names is a given name too ("Mohammed",
        # "Philip", "Salim"): "President Philip" could be anyone.
        if last.lower() in words or last in places or last in given or not last[0].isupper():
            continue
        # A particle goes with it: "de Gaulle", "von Weizsäcker".
        if len(parts) >= 3 and parts[-2].islower():
            last = parts[-2] + " " + last
        r["aliases"] = "|".join(a for a in r["aliases"].split("|") + [last] if a)
        ascii_last = ascii_alias(last)
        if ascii_last and ascii_last not in r["aliases"].split("|"):
            r["aliases"] += "|" + ascii_last


def days_between(a, b):
    """Days from date key a to date key b (YYYY-MM-DD keys; open ends far away)."""
    def day(k):
        if k.startswith("9999"):
            return datetime.date(2100, 1, 1)
        if k.startswith("0000"):
            return datetime.date(1, 1, 1)
        return datetime.date.fromisoformat(k)
    return (day(b) - day(a)).days


def defer_to_hand_terms(kept, hand_path, counts):
    """office_holders.tsv is checked against the Factbook: where one of its terms holds an office,
    a generated term of the same office over the same time (by more than a month) is another
    spelling of that person ("Volodymyr Zelenski") or a claim wire copy does not make ("Juan
    Guaidó" as Venezuela's president) when most of it lies within the hand-curated term: it is
    dropped; when only its end does (a year-precision end), it ends where that term begins. A closed term with no start is dropped too (the extract's
    vandalism: "Olivia Marsdin", President of the United States until 2018)."""
    hand = {}
    for _, r in read_tsv(hand_path):
        hand.setdefault((r["country"], r["title"]), []).append((key(r["start"] or None), key(r["end"] or None, True)))
    out = []
    for t in kept:
        if t["start"] is None and t["end"] is not None:
            counts["closed_without_start"] += 1
            continue
        drop = False
        for hs, he in hand.get((t["country"], t.get("title")), []):
            ts, te = key(t["start"]), key(t["end"], True)
            overlap = days_between(max(ts, hs), min(te, he))
            if overlap <= 30:
                continue
            # Most of the term within the hand-curated one: the same person or a rival claim.
            # A little of it (a year-precision end, "Gordon Brown" 2007-2010): it ends there.
            if days_between(ts, hs) > 30 and 2 * overlap < days_between(ts, te):
                t["end"], t["note"] = hs[:10] if hs[4:] != "-01-01" else hs[:4], "end: the next holder in office_holders.tsv"
                counts["clipped_by_hand"] += 1
            else:
                drop = True
                counts["within_hand_terms"] += 1
                break
        if not drop:
            out.append(t)
    return out


def render(rows, counts):
    people = len({r["id"] for r in rows})
    since2000 = sum(1 for r in rows if not r["end"] or key(r["end"], True) >= "2000")
    head = [
        "# Office holders from Wikidata: heads of state and of government, one row per term, 1945 to %s." % HORIZON,
        "# GENERATED by tools/gen_leaders.py from ../shared/data/wikidata-leaders (Wikidata, CC0 1.0; extract of",
        "# 2025-10-03, see its SOURCE.md), titled after the World Factbook's executive-branch entries (public",
        "# domain) and dictionaries/entities/sources/leader-titles.tsv. Do not edit: fix the inputs and rerun.",
        "# People that office_holders.tsv lists (same name, same country) are left to it. source: the Wikidata",
        "# item. Dates: YYYY-MM-DD, or YYYY where the extract gives 1 January (year precision). An open term was",
        "# running on %s; past that date this file asserts nothing. The World Factbook's executive-branch" % HORIZON,
        "# entries (early 2026) add a current term to a person they name (source wikidata:Q...+factbook) and",
        "# close another's open term in that office at the named holder's since-date (see note).",
    ]
    summary = (
        "%d terms of %d people (%d running in 2000 or later), from %d source rows. Left out: %d terms "
        "ended before 1945, %d cells that are no name, %d regnal labels, %d heads of state of monarchies "
        "and %d of dependencies (the sovereign's), %d offices without a wire title, %d presidents listed "
        "as heads of government, %d rows of people office_holders.tsv has, %d rows without dates, %d open "
        "terms with no successor. %d rows merged into another's term; %d open terms closed at the "
        "successor's start (see note); %d dates corrected by sources/leader-fixes.tsv. From the Factbook: %d "
        "current terms added, %d open terms closed. Against office_holders.tsv: %d terms dropped that fall within "
        "its terms of the same office (other spellings of its people, disputed claims), %d ended where its term "
        "begins; %d closed terms without a start dropped. Left as the extract has them: %d pairs of terms of "
        "one office that overlap by more than two months (co-rulers, juntas, rival claims, errors)."
        % (len(rows), people, since2000, counts["rows"], counts["out_of_scope"], counts["not_a_name"],
           counts["regnal"], counts["monarchy"], counts["dependency_head"], counts["office_left_out"],
           counts["president_as_head_of_government"], counts["in_hand_file"], counts["no_dates"],
           counts["open_no_successor"], counts["merged"], counts["closed_at_successor"], counts["fixed"],
           counts["factbook_terms"], counts["factbook_closed"], counts["within_hand_terms"],
           counts["clipped_by_hand"], counts["closed_without_start"], counts["overlapping_pairs"]))
    head += ["# " + line for line in textwrap.wrap(summary, 100)] + ["#"]
    out = "\n".join(head) + "\n" + "\t".join(COLUMNS) + "\n"
    for r in rows:
        out += "\t".join(r[c] for c in COLUMNS) + "\n"
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("leaders", nargs="?", default=os.path.join(SHARED, "wikidata-leaders"))
    ap.add_argument("--factbook", default=os.path.join(SHARED, "factbook"))
    ap.add_argument("--titles", default=TITLES)
    ap.add_argument("--fixes", default=FIXES)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 when --out differs from a fresh run")
    a = ap.parse_args()
    try:
        rows, counts = generate(a.leaders, a.factbook, a.titles, a.fixes)
    except BadData as e:
        print("gen_leaders: %s" % e, file=sys.stderr)
        return 1
    except OSError as e:
        print("gen_leaders: %s" % e, file=sys.stderr)
        return 2
    text = render(rows, counts)
    if a.check:
        try:
            with open(a.out, encoding="utf-8") as f:
                old = f.read()
        except OSError as e:
            print("gen_leaders: %s" % e, file=sys.stderr)
            return 2
        if old != text:
            print("gen_leaders: %s is out of date with its sources; run python3 tools/gen_leaders.py" % a.out, file=sys.stderr)
            return 1
        return 0
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    print("%d terms of %d people" % (len(rows), len({r["id"] for r in rows})), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
