#!/usr/bin/env python3
"""Adversarial spinner: plants spins in wire stories the way content farms do, and writes what a
linter should find.

  python3 tools/spin/spin.py --corpus CORPUS.jsonl --part odd --seed 1 --out-dir DIR
          [--limit N] [--max-per-story 3] [--moby PATH | --no-moby]

Reads a JSON-lines corpus ({"id", "date", "body"} a line), keeps the stories of one part
(position % 2: even = derivation, odd = measurement, as `wirelint corpus --part` counts them)
and writes to DIR:
  clean.jsonl     the selected stories, untouched (the twins false findings are counted on)
  spun.jsonl      the same stories with spins planted
  expected.jsonl  one line per spin: story, offset and length in bytes of the spun span in the
                  spun body, match, expected (the original text), class, source, rule

Classes:
  name             one word of a known multi-word name (dictionaries/entities/) swapped for a
                   synonym ("Treasury Department" -> "Treasury Branch")
  title            the modifier of an office title before a name swapped ("Foremost Minister")
  country_in_name  a name's own country word swapped for a region or another country's word
                   ("Asian Central News Agency")
  historical       a country's name swapped for a former name that ended before the story's
                   date, plain or possessive ("Ceylon's")
Swaps come from the thesauri spinners use, read raw at run time (MyThes: Debian mythes-en-us;
WordNet: Debian wordnet-base; Moby: npm moby words.txt), and from tools/spin/hand_spins.tsv
(source "hand"). The spinner never reads the detector's model (dictionaries/synonyms/).
Every choice is drawn from random.Random(f"{seed}:{story id}"), so a story's spins do not
depend on which other stories are selected. Nothing of the corpus is written into the tree.
"""
import argparse
import csv
import glob
import json
import os
import random
import re
import sys
import tomllib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NAME_FILES = ["agencies", "organizations", "government", "armed_groups", "institutions"]
FUNCTION = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "el", "al", "di", "da",
            "del", "der", "von", "van", "y", "et", "at", "to", "&"}
REGIONS = ["Asian", "European", "African", "Arab", "Latin American", "Oriental", "Western", "Eastern",
           "Scandinavian", "Caribbean"]
REGION_NOUNS = ["Asia", "Europe", "Africa", "Arabia", "Latin America", "the Orient", "Scandinavia", "the Caribbean"]
WORD = re.compile(r"^[A-Za-z][a-z]+$")


def rows(stem):
    with open(os.path.join(ROOT, "dictionaries", "entities", stem + ".tsv"), encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def split(v):
    return [x for x in (v or "").split("|") if x]


class Knowledge:
    def __init__(self):
        self.names = {}        # name text -> country id ('' when none)
        self.country_words = {}  # word -> country id (short names of one word, demonyms)
        self.demonym_of = {}   # country id -> demonym adjective
        self.short_of = {}     # country id -> short name of one word
        for stem in NAME_FILES:
            for r in rows(stem):
                for n in [r["name"]] + split(r.get("aliases")):
                    if len(n.split()) >= 2:
                        self.names.setdefault(n, (r.get("country") or "").split("|")[0])
        self.countries = {}
        for r in rows("countries"):
            cid = r["id"]
            self.countries[cid] = r
            for w in [r["short_name"]] + split(r["demonym_adj"]):
                if w and " " not in w:
                    self.country_words.setdefault(w, cid)
            if split(r["demonym_adj"]):
                self.demonym_of[cid] = split(r["demonym_adj"])[0]
            if r["short_name"] and " " not in r["short_name"] and r["kind"] == "state":
                self.short_of[cid] = r["short_name"]
        self.former = []  # (current short name, former name, former demonym, end date)
        for r in rows("historical"):
            if r["status"] != "historical" or not r["valid_to"]:
                continue
            succ = split(r["successors"])
            if len(succ) != 1 or succ[0] not in self.countries:
                continue
            cur = self.countries[succ[0]]["short_name"]
            self.former.append((cur, r["name"], (split(r["demonym_adj"]) or [""])[0], r["valid_to"]))
        with open(os.path.join(ROOT, "rules", "entity", "entity-spun-title.toml"), "rb") as f:
            self.titles = [t for t in tomllib.load(f)["titles"] if len(t.split()) == 2]
        self.known = set(self.names) | set(self.titles)
        # One pattern for every name, longest first, so a story is scanned once.
        self.name_pattern = re.compile("|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True)))


def load_thesauri(words, moby_path):
    """word (as written, capitalized) -> {source: [single-word synonyms]}, from the raw files."""
    want = {}  # lower case -> every form as written ("Bank", "bank"): no set order decides
    for w in sorted(words):
        want.setdefault(w.lower(), []).append(w)
    out = {w: {} for w in words}

    def add(key, source, syn):
        syn = syn.strip()
        if not WORD.match(syn.replace("-", "a")) or syn.lower() == key:
            return
        for w in want.get(key, ()):
            out[w].setdefault(source, set()).add(syn.lower())

    with open("/usr/share/mythes/th_en_US_v2.dat", encoding="utf-8", errors="replace") as f:
        f.readline()
        while True:
            head = f.readline()
            if not head:
                break
            word, _, n = head.rstrip("\n").rpartition("|")
            for _ in range(int(n)):
                parts = f.readline().rstrip("\n").split("|")[1:]
                if word.lower() in want:
                    for p in parts:
                        if "(antonym)" not in p:
                            add(word.lower(), "mythes", re.sub(r"\s*\(.*\)$", "", p))
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
                            add(m.lower(), "wordnet", o)
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
            w, reps = line.rstrip("\n").split("\t")
            hand[w] = [r for r in reps.split("|") if r]
    return out, hand


def same_stem(a, b):
    a, b = a.lower(), b.lower()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 or a.rstrip("s") == b.rstrip("s")


def pick_swap(rng, word, thes, hand):
    """(replacement, source) for a word, or None."""
    options = []
    for source, syns in sorted(thes.get(word, {}).items()):
        good = sorted(s for s in syns if not same_stem(s, word))
        if good:
            options.append((source, good))
    if word in hand:
        options.append(("hand", [h for h in hand[word] if not same_stem(h, word)]))
    options = [o for o in options if o[1]]
    if not options:
        return None
    source, syns = rng.choice(options)
    syn = rng.choice(syns)
    rep = " ".join(p[:1].upper() + p[1:] for p in syn.split(" ")) if word[:1].isupper() else syn
    return rep, source


def bounded(text, start, end):
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-'") and not (after.isalnum() or after == "-")


def candidates(story, K, thes, hand, rng):
    body = story["body"]
    date = story.get("date", "")[:10]
    out = []  # (start, end, replacement, expected, class, source, rule)
    for m in K.name_pattern.finditer(body):
        name = m.group(0)
        cid = K.names[name]
        s, e = m.start(), m.end()
        if not bounded(body, s, e):
            continue
        words = name.split(" ")
        # country_in_name: the name's own country word
        own = [i for i, w in enumerate(words) if K.country_words.get(w) == cid and cid]
        if own and rng.random() < 0.5:
            i = own[0]
            # The same form: a country's name for a name, a demonym for a demonym.
            noun = words[i] == K.short_of.get(cid) or words[i] == K.countries[cid]["short_name"]
            if rng.random() < 0.5:
                rep, source = rng.choice(REGION_NOUNS if noun else REGIONS), "hand"
            else:
                table = K.short_of if noun else K.demonym_of
                others = sorted(c for c in table if c != cid)
                rep, source = table[rng.choice(others)], "dictionary"
            spun = " ".join(words[:i] + [rep] + words[i + 1:])
            if spun not in K.known:
                out.append((s, e, spun, name, "country_in_name", source, "entity-near-miss"))
            continue
        slots = [i for i, w in enumerate(words) if w.lower() not in FUNCTION and w[:1].isupper()
                 and w not in K.country_words and WORD.match(w)]
        rng.shuffle(slots)
        for i in slots:
            swap = pick_swap(rng, words[i], thes, hand)
            if not swap:
                continue
            spun = " ".join(words[:i] + [swap[0]] + words[i + 1:])
            if spun in K.known:
                continue
            out.append((s, e, spun, name, "name", swap[1], "entity-near-miss"))
            break
    for title in K.titles:
        for m in re.finditer(re.escape(title) + r" (?=[A-Z][a-z])", body):
            s, e = m.start(), m.start() + len(title)
            if not bounded(body, s, e):
                continue
            mod, head = title.split(" ")
            swap = pick_swap(rng, mod, thes, hand)
            if not swap:
                continue
            spun = swap[0] + " " + head
            if spun in K.known:
                continue
            out.append((s, e, spun, title, "title", swap[1], "entity-spun-title"))
    for cur, former, demonym, end in K.former:
        if not date or end[:len(date)] >= date[:len(end)]:
            continue  # only names that had ended by the story's date
        for m in re.finditer(re.escape(cur) + r"(['\u2019]s)?", body):
            s, e = m.start(), m.start() + len(cur)
            if not bounded(body, s, e):
                continue
            # Not inside a longer name ("American Samoa", "Bank of Thailand", "Jerry Jordan"),
            # and not in a sentence about the past (a year before the story's): a historical
            # mention of a former name is right, and the rule must stay silent on it.
            before, after = body[max(0, s - 40):s], body[e:e + 3]
            if re.search(r"[A-Z][\w.]*\s+(of\s+(the\s+)?)?$", before) or re.match(r"\s[A-Z]", after):
                continue
            sb = max(body.rfind(". ", 0, s), body.rfind("\n", 0, s))
            se = [x for x in (body.find(". ", e), body.find("\n", e)) if x >= 0]
            sentence = body[sb + 1:min(se) if se else len(body)]
            years = [int(y) for y in re.findall(r"\b(1[0-9]{3}|20[0-9]{2})s?\b", sentence)]
            if any(y < int(date[:4]) - 1 for y in years):
                continue
            out.append((s, e, former, cur, "historical", "dictionary", "entity-historical-name"))
    return out


def main():
    ap = argparse.ArgumentParser(description="Plant spins in wire stories; write clean, spun and expected files.")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--part", default="odd", choices=["all", "even", "odd"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--max-per-story", type=int, default=3)
    ap.add_argument("--moby", default=os.path.join(ROOT, "build", "thesauri", "node_modules", "moby", "words.txt"))
    ap.add_argument("--no-moby", action="store_true", help="draw from MyThes, WordNet and the hand list only")
    a = ap.parse_args()
    if a.no_moby:
        a.moby = None
    elif not os.path.exists(a.moby):
        sys.exit("spin.py: no Moby thesaurus at %s (see tools/synonyms/README in dictionaries/synonyms)" % a.moby)
    K = Knowledge()
    words = set()
    for n in list(K.names) + K.titles:
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
            sid = str(story.get("id", i))
            rng = random.Random("%d:%s" % (a.seed, sid))
            cands = candidates(story, K, thes, hand, rng)
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
            for s, e, rep, exp, cls, src, rule in marks:
                off = len(new[:s].encode("utf-8"))
                length = len(new[s:e].encode("utf-8"))
                assert new.encode("utf-8")[off:off + length].decode("utf-8") == rep
                expected.write(json.dumps({"story": sid, "offset": off, "length": length, "match": rep,
                                           "expected": exp, "class": cls, "source": src, "rule": rule},
                                          ensure_ascii=False) + "\n")
                counts[(cls, src)] = counts.get((cls, src), 0) + 1
            n += 1
            if a.limit and n >= a.limit:
                break
    for k in sorted(counts):
        print("%-16s %-10s %5d" % (k[0], k[1], counts[k]))
    print("%d stories, %d spins -> %s" % (n, sum(counts.values()), a.out_dir))


if __name__ == "__main__":
    main()
