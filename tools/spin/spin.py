#!/usr/bin/env python3
"""Adversarial spinner: plants spins in wire stories the way content farms do, and writes what a
linter should find.

  python3 tools/spin/spin.py --corpus CORPUS.jsonl --part odd --seed 1 --out-dir DIR
          [--limit N] [--max-per-story 3] [--moby PATH | --no-moby] [--multiword-rate 0.1]
  python3 tools/spin/spin.py --factbook --part odd --seed 1 --out-dir DIR      (the Factbook's
          prose, build/corpora/factbook.jsonl, made by factbook_corpus.py when missing)

Reads a JSON-lines corpus ({"id", "date", "body"} a line), keeps the stories of one part
(0-based line index % 2: even = derivation, odd = measurement, as `wirelint corpus --part`
counts them) and writes to DIR:
  clean.jsonl     the selected stories, untouched (the twins false findings are counted on)
  spun.jsonl      the same stories with spins planted
  expected.jsonl  one line per spin: story, offset and length in UTF-8 bytes of the spun span in
                  the spun body, match, expected (the original text), class, source, rule

Classes:
  name             one capitalized content word of a known multi-word name (dictionaries/
                   entities/, countries' long names too) swapped for a synonym ("Treasury
                   Department" -> "Treasury Branch"); never a word of a country's name or demonym
  title            the modifier of an office title before a capitalized name ("Foremost Minister")
  country_in_name  a name's own country word swapped for a region word or another country's word
                   of the same form ("Asian Central News Agency", "Bank of Norway")
  historical       a country's name (plain or possessive) or demonym swapped for a former name that
                   had ended before the story's date ("Ceylon's", "Siamese")
Swaps come from the thesauri spinners use, read raw at run time (MyThes: Debian mythes-en-us;
WordNet: Debian wordnet-base; Moby: npm moby words.txt), and from tools/spin/hand_spins.tsv
(source "hand"). Office titles come from dictionaries/titles/titles.tsv when it exists, else from
the list below. The spinner never reads the detector's models or rules (dictionaries/synonyms/,
rules/). Every choice is drawn from random.Random(f"{seed}:{story id}"), so a story's spins do
not depend on which other stories are selected. Nothing of the corpus is written into the tree.
"""
import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NAME_FILES = ["agencies", "organizations", "government", "armed_groups", "institutions"]
FUNCTION = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "el", "al", "di", "da",
            "del", "der", "von", "van", "y", "et", "at", "to", "&", "a", "an", "against", "with", "by"}
REGIONS = ["Asian", "European", "African", "Arab", "Latin American", "Oriental", "Western", "Eastern",
           "Scandinavian", "Caribbean", "Nordic", "Pacific"]
REGION_NOUNS = ["Asia", "Europe", "Africa", "Arabia", "Latin America", "Scandinavia", "Oceania", "Eurasia"]
# Office titles when dictionaries/titles/titles.tsv is absent (only titles of 2+ words are spun).
BUILTIN_TITLES = [
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
    "Finance Minister", "Defence Minister", "Defense Minister", "Interior Minister", "Trade Minister",
    "Economy Minister", "Justice Minister", "Foreign Secretary", "Home Secretary", "Defence Secretary",
    "Defense Secretary", "Treasury Secretary", "Secretary of State", "Commerce Secretary", "Chancellor",
    "Speaker", "Senator", "Governor", "Chief Executive", "Attorney General", "General Secretary",
    "Crown Prince", "Supreme Leader", "Energy Minister", "Oil Minister", "Agriculture Minister"]
# Capitalized words after a title that are not a person's name.
NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
             "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December", "The", "And", "But", "Office", "Ministry", "Department", "In", "On"}
# Capitalized words that may stand right before a country's name without making it part of a
# longer name ("In Thailand, ...").
OPENERS = {"In", "The", "For", "From", "To", "At", "On", "And", "But", "With", "By", "As", "While", "Both",
           "If", "When", "After", "Before", "Since", "About", "Like", "Unlike", "Neither", "Either", "Only",
           "Also", "Under", "Over", "Between", "Against", "Among", "Through", "During", "Including",
           "Without", "Within", "Across", "Into", "Despite", "Although", "Though", "Because", "Whereas",
           "Where", "That", "This", "Of", "Than", "Or", "Nor", "Said", "Says"}
# Particles that make a paraphrase a verb phrase ("gear up", "call for").
PARTICLES = {"up", "off", "on", "for", "in", "out", "down", "over", "away", "back", "to", "with", "about",
             "at", "by", "into", "through", "around", "along", "upon", "apart", "together", "within", "without",
             "beyond", "under", "above", "below", "across", "between"}
# Place words of the United Kingdom's nations, not in countries.tsv (never a name's spinnable word).
UK_NATIONS = {"England": "noun", "Scotland": "noun", "Wales": "noun", "English": "adj", "Scottish": "adj",
              "Welsh": "adj"}
WORD = re.compile(r"^[A-Za-z][a-z]+$")


def rows(stem):
    with open(os.path.join(ROOT, "dictionaries", "entities", stem + ".tsv"), encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def split(v):
    return [x for x in (v or "").split("|") if x]


def load_titles():
    """Office titles: dictionaries/titles/titles.tsv (first column, or a `title` column) if it
    exists, else BUILTIN_TITLES."""
    path = os.path.join(ROOT, "dictionaries", "titles", "titles.tsv")
    if not os.path.exists(path):
        return list(BUILTIN_TITLES), "built-in list"
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    head = lines[0].split("\t") if lines else []
    col = head.index("title") if "title" in head else 0
    out = []
    for l in lines[1:] if "title" in head or (head and head[0].lower() in ("name", "id")) else lines:
        cells = l.split("\t")
        if col < len(cells) and cells[col].strip():
            out.append(cells[col].strip())
    return sorted(set(out)), path


class Knowledge:
    def __init__(self, name_files=NAME_FILES):
        self.countries = {r["id"]: r for r in rows("countries")}
        # Country phrases (short names, long names, aliases, demonyms): phrase -> {country id}
        # and phrase -> form ('noun', 'adj'; abbreviations count as 'abbr').
        self.phrase_cids, self.phrase_form = {}, {}

        def add_phrase(p, cid, form):
            p = re.sub(r"^the ", "", p)
            if not p or not p[:1].isupper():
                return
            if re.fullmatch(r"[A-Z.]+", p):
                form = "abbr"
            self.phrase_cids.setdefault(p, set()).add(cid)
            self.phrase_form.setdefault(p, form)

        for cid, r in sorted(self.countries.items()):
            for p in [r["short_name"], r["long_name"]] + split(r["aliases"]):
                add_phrase(p, cid, "noun")
            for p in split(r["demonym_adj"]):
                add_phrase(p, cid, "adj")
            # "Korean" in "Korean Central News Agency" is North Korea's word too.
            for p, form in [(r["short_name"], "noun")] + [(d, "adj") for d in split(r["demonym_adj"])]:
                m = re.match(r"(North|South) (\S+)$", p)
                if m and m.group(2) not in ("Africa", "African", "America", "American"):
                    add_phrase(m.group(2), cid, form)
        for p, form in sorted(UK_NATIONS.items()):
            add_phrase(p, "GB", form)
        self.phrase_pattern = re.compile(r"(?<![\w.])(?:%s)(?![\w])" % "|".join(
            re.escape(p) for p in sorted(self.phrase_cids, key=len, reverse=True)))
        self.states = sorted(c for c, r in self.countries.items() if r["kind"] == "state")
        # Other countries' words of each form, for the country_in_name swaps.
        self.demonym_of = {c: split(self.countries[c]["demonym_adj"])[0] for c in self.states
                           if split(self.countries[c]["demonym_adj"])}
        self.short_of = {c: self.countries[c]["short_name"] for c in self.states if self.countries[c]["short_name"]}

        self.names = {}  # name text -> country id ('' when none)
        for stem in name_files:
            for r in rows(stem):
                cid = split(r.get("country") or r.get("countries"))
                for n in [r["name"]] + split(r.get("aliases")):
                    if len(n.split()) >= 2:
                        self.names.setdefault(n, cid[0] if cid else "")
        for cid, r in sorted(self.countries.items()):
            if len(r["long_name"].split()) >= 2:
                self.names.setdefault(r["long_name"], cid)

        # Former names: (current text, former text, form, end date, historical id).
        hist = {r["id"]: r for r in rows("historical")}

        def final_successors(hid, seen=()):
            out = set()
            for s in split(hist[hid]["successors"]):
                if s in self.countries:
                    out.add(s)
                elif s in hist and s not in seen:
                    out |= final_successors(s, seen + (hid,))
            return out

        succ_of = {h: final_successors(h) for h in hist}
        self.former = []
        for hid, r in sorted(hist.items()):
            if r["status"] != "historical" or not r["valid_to"] or len(succ_of[hid]) != 1:
                continue
            cid = next(iter(succ_of[hid]))
            c = self.countries[cid]
            listed = {r["name"]} | set(split(r["aliases"]))
            if r["kind"] != "name" and not listed & set(split(c["former_names"])):
                continue  # a predecessor state the country does not count as its former name
            if r["kind"] != "name" and any(
                    h != hid and hist[h]["kind"] != "name" and set(split(hist[h]["successors"])) == set(split(r["successors"]))
                    and hist[h]["valid_to"][:4].isdigit() and abs(int(hist[h]["valid_to"][:4]) - int(r["valid_to"][:4])) <= 1
                    for h in hist):
                continue  # a merger (North and South Vietnam): neither is the country's former name
            self.former.append((c["short_name"], r["name"], "noun", r["valid_to"], hid))
            cur_dem, old_dem = split(c["demonym_adj"]), split(r["demonym_adj"])
            if cur_dem and old_dem and cur_dem[0] != old_dem[0] and self.phrase_cids.get(cur_dem[0]) == {cid}:
                self.former.append((cur_dem[0], old_dem[0], "adj", r["valid_to"], hid))
            cur_pl, old_pl = split(c["demonym_plural"]), split(r["demonym_plural"])
            if (cur_pl and old_pl and cur_pl[0] != old_pl[0] and cur_pl[0] not in cur_dem
                    and sum(cur_pl[0] in split(x["demonym_plural"]) for x in self.countries.values()) == 1):
                self.former.append((cur_pl[0], old_pl[0], "plural", r["valid_to"], hid))
        self.former_texts = {f[1] for f in self.former} | {a for r in hist.values() for a in [r["name"]] + split(r["aliases"])}
        # Every period a text was a name or demonym of some state ("Kampuchean" until 1989).
        self.periods = {}
        for r in hist.values():
            for t in [r["name"]] + split(r["aliases"]) + split(r["demonym_adj"]) + split(r["demonym_plural"]):
                self.periods.setdefault(t, []).append((r["valid_from"], r["valid_to"]))

        self.titles, self.titles_source = load_titles()
        for r in rows("office_holders"):
            if r["title"] and r["title"][:1].isupper():
                self.titles.append(r["title"])
        self.titles = sorted(set(self.titles))
        self.spun_titles = [t for t in self.titles if len(t.split()) >= 2]
        self.title_heads = {t.split()[-1] for t in self.titles} | {t.split()[0] for t in self.spun_titles if " of " in t}
        self.title_pattern = re.compile(r"(?<![\w-])(%s) (?=([A-Z][a-z]+))" % "|".join(
            re.escape(t) for t in sorted(self.spun_titles, key=len, reverse=True)))
        self.known = set(self.names) | set(self.titles) | set(self.phrase_cids)
        # One pattern for every name, longest first, so a story is scanned once.
        self.name_pattern = re.compile("|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True)))

    def current_at(self, text, date):
        """Some state still went by this text at the date (an open end counts as current)."""
        for start, end in self.periods.get(text, ()):
            if (not start or start[:len(date)] <= date[:len(start)]) and (not end or end[:len(date)] >= date[:len(end)]):
                return True
        return False

    def country_spans(self, text):
        """[(start, end, phrase)] of the country phrases in a name."""
        return [(m.start(), m.end(), m.group(0)) for m in self.phrase_pattern.finditer(text)]


def load_thesauri(words, moby_path):
    """word (as written, capitalized) -> {source: [synonyms, lower case, 1-3 words]}, from the raw
    files; and the hand list."""
    want = {}  # lower case -> every form as written ("Bank", "bank"): no set order decides
    for w in sorted(words):
        want.setdefault(w.lower(), []).append(w)
    out = {w: {} for w in words}

    def add(key, source, syn, pos=None):
        syn = syn.strip()
        parts = syn.split(" ")
        # Common words only (a lemma written with a capital is a proper noun: "Andrew Dickson
        # White" for white); a paraphrase is a noun or adjective phrase of 2-3 words, without
        # the word itself ("egg white") and without particles ("set on fire", "call for").
        if not all(re.match(r"^[a-z][a-z]+$", p.replace("-", "a")) for p in parts) or syn == key:
            return
        if len(parts) > 1 and (len(parts) > 3 or pos not in (None, "noun", "adj") or parts[0] in FUNCTION
                               or any(p in PARTICLES or variant(p, key) for p in parts)):
            return
        for w in want.get(key, ()):
            out[w].setdefault(source, set()).add(syn)

    with open("/usr/share/mythes/th_en_US_v2.dat", encoding="utf-8", errors="replace") as f:
        f.readline()
        while True:
            head = f.readline()
            if not head:
                break
            word, _, n = head.rstrip("\n").rpartition("|")
            for _ in range(int(n)):
                line = f.readline().rstrip("\n").split("|")
                if word.lower() in want:
                    pos = line[0].strip("()")
                    for p in line[1:]:
                        if "(antonym)" not in p:
                            add(word.lower(), "mythes", re.sub(r"\s*\(.*\)$", "", p), pos)
    for pos in ("noun", "verb", "adj", "adv"):
        with open("/usr/share/wordnet/data." + pos, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                n = int(fields[3], 16)
                members = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).replace("_", " ") for i in range(n)]
                for m in members:
                    if m.lower() in want:
                        for o in members:
                            add(m.lower(), "wordnet", o, pos)
    if moby_path and os.path.exists(moby_path):
        with open(moby_path, encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").split(",")
                if parts[0].lower() in want:
                    for p in parts[1:]:
                        add(parts[0].lower(), "moby", p)
    hand = {}
    with open(os.path.join(ROOT, "tools", "spin", "hand_spins.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            w, reps = line.rstrip("\n").split("\t")[:2]
            if w == "word":
                continue
            hand.setdefault(w, [])
            hand[w] += [r for r in reps.split("|") if r and r not in hand[w]]
    return out, hand


def variant(a, b):
    """Same word, a morphological or spelling variant, or a clipping of the other (Fed/Federal)."""
    a, b = a.lower(), b.lower()
    if " " in a or " " in b:
        return a == b
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 or a.rstrip("s") == b.rstrip("s") or (n >= 3 and n == min(len(a), len(b)))


def match_case(syn, word):
    if word.isupper() and len(word) > 1:
        return syn.upper()
    if word[:1].isupper():
        return " ".join(p if p in FUNCTION else p[:1].upper() + p[1:] for p in syn.split(" "))
    return syn


def pick_swap(rng, word, thes, hand, K, multi_rate):
    """(replacement, source) for a word, or None. One source among those that list the word, then
    one of its synonyms; single words preferred, a paraphrase of 2-3 words at multi_rate."""
    def ok(s):
        return not variant(s, word) and match_case(s, word) not in K.phrase_cids and \
            match_case(s, word) not in K.former_texts
    options = []
    for source, syns in sorted(thes.get(word, {}).items()):
        good = sorted(s for s in syns if ok(s))
        if good:
            options.append((source, good))
    if word in hand:
        good = [h.lower() if h[:1].isupper() and word[:1].isupper() else h for h in hand[word]]
        good = [h for h in good if ok(h)]
        if good:
            options.append(("hand", good))
    if not options:
        return None
    single = [(src, [s for s in syns if " " not in s]) for src, syns in options]
    single = [o for o in single if o[1]]
    multi = rng.random() < multi_rate
    pool = options if (multi or not single) else single
    source, syns = rng.choice(pool)
    if multi and any(" " in s for s in syns):
        syns = [s for s in syns if " " in s]
    elif any(" " not in s for s in syns):
        syns = [s for s in syns if " " not in s]
    elif not multi:
        return None  # only paraphrases, and this draw was not one of the rare multi-word ones
    syn = rng.choice(syns)
    return match_case(syn, word), source


def shares_word(swap, rest):
    """A paraphrase repeating a word of the rest of the name ("Executive Department Department")."""
    rest_words = {w.lower() for w in rest.split()} - FUNCTION
    return any(w.lower() in rest_words for w in swap.split(" "))


def bounded(text, start, end):
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-'.") and not (after.isalnum() or after in "-")


def in_longer_name(body, s, e):
    """A capitalized word right before (other than a sentence opener), or right after."""
    before = body[max(0, s - 40):s]
    m = re.search(r"([A-Z][\w.]*)\s+(of\s+(the\s+)?)?$", before)
    if m and (m.group(2) or m.group(1) not in OPENERS):
        return True
    return bool(re.match(r"\s[A-Z]", body[e:e + 2])) or body[e:e + 1] == "-"


def about_the_past(body, s, e, date):
    """A year before the story's in the same sentence: the former name may be right there."""
    sb = max(body.rfind(". ", 0, s), body.rfind("\n", 0, s))
    se = [x for x in (body.find(". ", e), body.find("\n", e)) if x >= 0]
    sentence = body[sb + 1:min(se) if se else len(body)]
    years = [int(y) for y in re.findall(r"\b(1[0-9]{3}|20[0-9]{2})s?\b", sentence)]
    return any(y < int(date[:4]) - 1 for y in years)


def candidates(story, K, thes, hand, rng, multi_rate):
    body = story["body"]
    date = str(story.get("date") or "")[:10]
    out = []  # (start, end, replacement, expected, class, source, rule)
    for m in K.name_pattern.finditer(body):
        name = m.group(0)
        cid = K.names[name]
        s, e = m.start(), m.end()
        if not bounded(body, s, e):
            continue
        spans = K.country_spans(name)
        protected = set()
        for a, b, _ in spans:
            protected |= set(range(a, b))
        own = [(a, b, p) for a, b, p in spans if cid and cid in K.phrase_cids[p] and (b - a) < len(name)
               and not name[b:b + 2] in ("'s", "\u2019s")]
        proper = all(w[:1].isupper() or w.lower() in FUNCTION for w in name.split(" "))
        if own and proper and rng.random() < 0.5:
            a, b, p = own[0]
            form = K.phrase_form[p]
            if form == "abbr":
                form = "adj" if b < len(name) else "noun"
            if rng.random() < 0.5:
                pool = hand.get(p) if p in hand and form == "adj" else (REGIONS if form == "adj" else REGION_NOUNS)
                rep, source = rng.choice(pool), "hand"
            else:
                table = K.demonym_of if form == "adj" else K.short_of
                others = [c for c in sorted(table) if c not in K.phrase_cids[p] and table[c] != p]
                rep, source = table[rng.choice(others)], "dictionary"
            spun = name[:a] + rep + name[b:]
            if spun not in K.known:
                out.append((s, e, spun, name, "country_in_name", source, "entity-near-miss"))
            continue
        slots = []
        for wm in re.finditer(r"\S+", name):
            w = wm.group(0)
            if (w.lower() not in FUNCTION and w[:1].isupper() and WORD.match(w)
                    and not protected & set(range(wm.start(), wm.end()))):
                slots.append((wm.start(), wm.end(), w))
        rng.shuffle(slots)
        for a, b, w in slots:
            swap = pick_swap(rng, w, thes, hand, K, multi_rate)
            if not swap:
                continue
            spun = name[:a] + swap[0] + name[b:]
            if spun in K.known or shares_word(swap[0], name[:a] + name[b:]):
                continue
            out.append((s, e, spun, name, "name", swap[1], "entity-near-miss"))
            break
    for m in K.title_pattern.finditer(body):
        if m.group(2) in NOT_NAMES:
            continue
        title = m.group(1)
        words = title.split(" ")
        head = 0 if len(words) >= 3 and words[1] == "of" else len(words) - 1
        mod = len(words) - 1 if head == 0 else head - 1  # the word that makes the office (Prime, State)
        lo, hi = min(mod, head), max(mod, head)
        swap = pick_swap(rng, words[mod], thes, hand, K, multi_rate)
        if not swap:
            continue
        if shares_word(swap[0], " ".join(words[:mod] + words[mod + 1:])) or \
                any(w in K.title_heads for w in swap[0].split(" ")):
            continue  # "Cabinet Minister Secretary"
        spun_words = words[:mod] + [swap[0]] + words[mod + 1:]
        spun = " ".join(spun_words[lo:hi + 1])
        if spun in K.known or " ".join(spun_words) in K.known:
            continue
        s = m.start(1) + len(" ".join(words[:lo])) + (1 if lo else 0)
        e = s + len(" ".join(words[lo:hi + 1]))
        out.append((s, e, spun, body[s:e], "title", swap[1], "entity-spun-title"))
    seen = set()
    for cur, former, form, end, hid in K.former:
        if not date or end[:len(date)] >= date[:len(end)] or K.current_at(former, date):
            continue  # only names that had ended by the story's date
        for m in re.finditer(r"(?<![\w.'-])%s(?![\w-])" % re.escape(cur), body):
            s, e = m.start(), m.end()
            if (s, e) in seen:
                continue
            # Not inside a longer name ("American Samoa", "Bank of Thailand", "Thai Airways"),
            # and not in a sentence about the past (a year before the story's): a historical
            # mention of a former name is right, and the rule must stay silent on it.
            if in_longer_name(body, s, e) or about_the_past(body, s, e, date):
                continue
            if form == "adj" and not re.match(r" [a-z]", body[e:e + 2]):
                continue  # a demonym as an adjective ("Thai rice"), not a noun ("Thai", the airline)
            seen.add((s, e))
            out.append((s, e, former, cur, "historical", "dictionary", "entity-historical-name"))
    return out


def main():
    ap = argparse.ArgumentParser(description="Plant spins in wire stories; write clean, spun and expected files.")
    ap.add_argument("--corpus", help="JSON-lines corpus (id, date, body)")
    ap.add_argument("--factbook", action="store_true",
                    help="spin the Factbook's prose (build/corpora/factbook.jsonl, made when missing)")
    ap.add_argument("--part", default="odd", choices=["all", "even", "odd"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--limit", type=int, default=0, help="stop after N selected stories")
    ap.add_argument("--max-per-story", type=int, default=3)
    ap.add_argument("--name-files", default=",".join(NAME_FILES),
                    help="entity files (stems under dictionaries/entities/) whose names are spun")
    ap.add_argument("--multiword-rate", type=float, default=0.1,
                    help="share of thesaurus swaps drawn from multi-word paraphrases (default 0.1)")
    ap.add_argument("--moby", default=os.path.join(ROOT, "build", "thesauri", "node_modules", "moby", "words.txt"))
    ap.add_argument("--no-moby", action="store_true", help="draw from MyThes, WordNet and the hand list only")
    ap.add_argument("--dateline", action="store_true",
                    help="put a story's separate 'dateline' field in front of its body, as wire copy prints it")
    a = ap.parse_args()
    if a.factbook and not a.corpus:
        a.corpus = os.path.join(ROOT, "build", "corpora", "factbook.jsonl")
        if not os.path.exists(a.corpus):
            subprocess.run([sys.executable, os.path.join(ROOT, "tools", "spin", "factbook_corpus.py"), "--out", a.corpus],
                           check=True, stdout=sys.stderr)
    if not a.corpus:
        ap.error("--corpus or --factbook is required")
    if a.no_moby:
        a.moby = None
    elif not os.path.exists(a.moby):
        sys.exit("spin.py: no Moby thesaurus at %s (see tools/spin/README.md, or --no-moby)" % a.moby)
    for need in ("/usr/share/mythes/th_en_US_v2.dat", "/usr/share/wordnet/data.noun"):
        if not os.path.exists(need):
            sys.exit("spin.py: %s is missing (apt-get install mythes-en-us wordnet-base)" % need)
    K = Knowledge(a.name_files.split(","))
    words = set()
    for n in list(K.names) + K.spun_titles:
        words.update(w for w in n.split(" ") if WORD.match(w))
    thes, hand = load_thesauri(words, a.moby)
    os.makedirs(a.out_dir, exist_ok=True)
    clean = open(os.path.join(a.out_dir, "clean.jsonl"), "w", encoding="utf-8")
    spun = open(os.path.join(a.out_dir, "spun.jsonl"), "w", encoding="utf-8")
    expected = open(os.path.join(a.out_dir, "expected.jsonl"), "w", encoding="utf-8")
    counts, n = {}, 0
    with open(a.corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if not line.strip() or (a.part == "even" and i % 2) or (a.part == "odd" and i % 2 == 0):
                continue
            story = json.loads(line)
            # Wire copy opens with its dateline ("WASHINGTON, March 3 - "); a corpus that keeps it
            # apart gets it back in front of the body, as the desk sees the story.
            if a.dateline and story.get("dateline"):
                story["body"] = story["dateline"].strip() + " " + story["body"]
            sid = str(story.get("id", i))
            rng = random.Random("%d:%s" % (a.seed, sid))
            cands = candidates(story, K, thes, hand, rng, a.multiword_rate)
            rng.shuffle(cands)
            chosen = []
            for c in cands:
                if len(chosen) >= a.max_per_story:
                    break
                if any(c[0] < o[1] and o[0] < c[1] for o in chosen):
                    continue
                chosen.append(c)
            chosen.sort()
            body = story["body"]
            pieces, pos, marks = [], 0, []
            for s, e, rep, exp, cls, src, rule in chosen:
                assert body[s:e] == exp, (sid, body[s:e], exp)
                pieces.append(body[pos:s])
                start = sum(len(p) for p in pieces)
                pieces.append(rep)
                marks.append((start, start + len(rep), rep, exp, cls, src, rule))
                pos = e
            pieces.append(body[pos:])
            new = "".join(pieces)
            out = {"id": story.get("id", i), "date": story.get("date", ""), "body": body}
            clean.write(json.dumps(out, ensure_ascii=False) + "\n")
            out["body"] = new
            spun.write(json.dumps(out, ensure_ascii=False) + "\n")
            raw = new.encode("utf-8")
            for s, e, rep, exp, cls, src, rule in marks:
                off = len(new[:s].encode("utf-8"))
                length = len(rep.encode("utf-8"))
                assert raw[off:off + length].decode("utf-8") == rep, (sid, off, rep)
                expected.write(json.dumps({"story": sid, "offset": off, "length": length, "match": rep,
                                           "expected": exp, "class": cls, "source": src, "rule": rule},
                                          ensure_ascii=False) + "\n")
                counts[(cls, src)] = counts.get((cls, src), 0) + 1
            n += 1
            if a.limit and n >= a.limit:
                break
    for fobj in (clean, spun, expected):
        fobj.close()
    for k in sorted(counts):
        print("%-16s %-10s %5d" % (k[0], k[1], counts[k]))
    print("%d stories, %d spins -> %s (titles: %s)" % (n, sum(counts.values()), a.out_dir, K.titles_source))


if __name__ == "__main__":
    main()
