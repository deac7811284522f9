#!/usr/bin/env python3
"""Generate dictionaries/synonyms/synonyms.tsv: a word -> its synonyms, with source and strength.

Sources (read from where Debian and npm install them; pass other paths with the options):
  MyThes English thesaurus   Debian mythes-en-us  /usr/share/mythes/th_en_US_v2.dat
  WordNet 3.0                Debian wordnet-base  /usr/share/wordnet/data.{noun,verb,adj,adv}
  Moby Thesaurus II          npm moby@1.1.2       node_modules/moby/words.txt

The table is keyed by the words a detector asks about: by default every word of a known name
in dictionaries/entities/ (countries, historical states, agencies, organizations, government
bodies, armed groups, institutions), every word of an office title (rules/entity/entity-spun-title.toml
and the office holders' titles) and every word of tools/synonyms/extra_keys.txt. For each key it lists every word
or phrase that some source gives as a synonym of it, with:
  sources   letters: m = MyThes synonym, r = MyThes similar/related term, g = MyThes generic
            term (hypernym), w = WordNet synset, s = WordNet similar-to / also-see,
            h = WordNet hypernym, d = WordNet derivationally related form, b = Moby
  strength  1..9: the sum of the sources' weights (m 3, w 3, r 2, s 2, b 1, g 1, h 1, d 1)
Words are lower case; output is sorted, so the file is deterministic for the same sources.

Usage: python3 tools/synonyms/gen_synonyms.py [--moby PATH] [--out PATH] [--check]
                                             [--keys-from-ngrams TABLE --min-strength N]
  --check   write nothing; exit 1 when the table differs from what the sources and keys give
  --paraphrases-out PATH  with --keys-from-ngrams: also write the two-word synonyms of the keys
            ("social group" for interest, "propositional function" for statement), keyed by the
            phrase, both its words lower-case letters and neither a function word: the collocation
            model's paraphrase table (dictionaries/ngrams/collocation-paraphrases.tsv); --check
            compares it too
  --keys-from-ngrams  key the table by the content words of a reference n-gram table
            (dictionaries/ngrams/news.tsv) whose unigram strength is at least --min-strength,
            single-word synonyms only: the collocation model's table
            (dictionaries/ngrams/collocation-synonyms.tsv), which asks "is the word in the text a
            thesaurus swap of a frequent word?"
"""
import argparse
import csv
import glob
import io
import os
import re
import sys
import tomllib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WEIGHT = {"m": 3, "w": 3, "r": 2, "s": 2, "b": 1, "g": 1, "h": 1, "d": 1}
ENTITY_FILES = ["countries", "historical", "agencies", "organizations", "government",
                "armed_groups", "institutions"]
NAME_COLUMNS = ["name", "aliases", "former_names", "short_name", "long_name", "demonym_adj"]


def words_of(text):
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]", text)]


def entity_keys():
    keys = set()
    for stem in ENTITY_FILES:
        path = os.path.join(ROOT, "dictionaries", "entities", stem + ".tsv")
        with open(path, encoding="utf-8") as f:
            rows = [l for l in f if not l.startswith("#")]
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            for col in NAME_COLUMNS:
                for value in (row.get(col) or "").split("|"):
                    for w in words_of(value):
                        keys.add(w)
                        if "-" in w:
                            keys.update(p for p in w.split("-") if p)
    # Office titles: the spun-title rule's lexicon (its targets and the other real titles) and the
    # titles of the office holders.
    with open(os.path.join(ROOT, "rules", "entity", "entity-spun-title.toml"), "rb") as f:
        lexicon = tomllib.load(f)
        for t in lexicon.get("titles", []) + lexicon.get("other_titles", []):
            keys.update(words_of(t))
    # office_holders.tsv and its part files (office_holders-<part>.tsv), which load as its kind.
    for path in sorted(glob.glob(os.path.join(ROOT, "dictionaries", "entities", "office_holders*.tsv"))):
        with open(path, encoding="utf-8") as f:
            rows = [l for l in f if not l.startswith("#")]
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            keys.update(words_of(row.get("title") or ""))
    extra = os.path.join(ROOT, "tools", "synonyms", "extra_keys.txt")
    if os.path.exists(extra):
        with open(extra, encoding="utf-8") as f:
            for line in f:
                line = line.split("#")[0].strip().lower()
                if line:
                    keys.add(line)
    return {k for k in keys if len(k) > 1}


def norm(term):
    term = re.sub(r"\s*\((generic|similar|related|antonym)[^)]*\)\s*$", "", term.strip())
    term = term.replace("_", " ").strip().lower()
    return term


def read_mythes(path, keys, out):
    with open(path, encoding="utf-8", errors="replace") as f:
        f.readline()  # encoding line
        while True:
            head = f.readline()
            if not head:
                break
            word, _, n = head.rstrip("\n").rpartition("|")
            word = word.lower()
            for _ in range(int(n)):
                parts = f.readline().rstrip("\n").split("|")[1:]
                if word not in keys:
                    continue
                for p in parts:
                    if "(antonym)" in p:
                        continue
                    src = "m"
                    if "(generic term)" in p:
                        src = "g"
                    elif "(similar term)" in p or "(related term)" in p:
                        src = "r"
                    t = norm(p)
                    if t and t != word:
                        out.setdefault(word, {}).setdefault(t, set()).add(src)


def read_wordnet(folder, keys, out):
    synsets = {}
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(folder, "data." + pos)
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split(" | ")[0].split()
                offset, ss_type = fields[0], fields[2]
                n = int(fields[3], 16)
                members = [norm(re.sub(r"\(.*\)$", "", fields[4 + 2 * i])) for i in range(n)]
                k = 4 + 2 * n
                pc = int(fields[k])
                ptrs = []
                for i in range(pc):
                    sym, off, p, st = fields[k + 1 + 4 * i: k + 5 + 4 * i]
                    ptrs.append((sym, off + p, st))
                synsets[offset + (ss_type if ss_type != "s" else "a")] = (members, ptrs)
    for key, (members, ptrs) in synsets.items():
        touched = [m for m in members if m in keys]
        if not touched:
            continue
        for m in touched:
            row = out.setdefault(m, {})
            for other in members:
                if other != m:
                    row.setdefault(other, set()).add("w")
            for sym, target, st in ptrs:
                tgt = synsets.get(target) or synsets.get(target[:-1] + "a")
                if not tgt:
                    continue
                src = {"&": "s", "^": "s", "@": "h", "@i": "h", "+": "d", "\\": "d"}.get(sym)
                if not src:
                    continue
                if src == "d" and st != "0000":
                    s, t = int(st[:2], 16), int(st[2:], 16)
                    if members[s - 1] != m:
                        continue
                    words = [tgt[0][t - 1]]
                else:
                    words = tgt[0]
                for other in words:
                    if other != m:
                        row.setdefault(other, set()).add(src)


def read_moby(path, keys, out):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split(",")
            root = parts[0].lower()
            if root not in keys:
                continue
            row = out.setdefault(root, {})
            for p in parts[1:]:
                t = norm(p)
                if t and t != root:
                    row.setdefault(t, set()).add("b")


def ngram_keys(path, least):
    """Content words of a reference n-gram table (unigram rows: first field '#') at least this
    strong, without the function words its builder leaves out of content n-grams."""
    sys.path.insert(0, os.path.join(ROOT, "tools", "ngrams"))
    from ngrams import FUNCTION_WORDS  # noqa: E402
    keys = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4 and parts[0] == "#" and int(parts[3]) >= least and parts[1].isalpha() \
                    and parts[1] not in FUNCTION_WORDS:
                keys.add(parts[1])
    return keys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mythes", default="/usr/share/mythes/th_en_US_v2.dat")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--moby", default=os.path.join(ROOT, "build", "thesauri", "node_modules", "moby", "words.txt"))
    ap.add_argument("--out", default=os.path.join(ROOT, "dictionaries", "synonyms", "synonyms.tsv"))
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    ap.add_argument("--keys-from-ngrams")
    ap.add_argument("--min-strength", type=int, default=4)
    ap.add_argument("--paraphrases-out")
    a = ap.parse_args()
    for p in (a.mythes, a.moby, os.path.join(a.wordnet, "data.noun")):
        if not os.path.exists(p):
            sys.exit("gen_synonyms.py: missing source %s (see tools/synonyms/README.md)" % p)
    keys = ngram_keys(a.keys_from_ngrams, a.min_strength) if a.keys_from_ngrams else entity_keys()
    table = {}
    read_mythes(a.mythes, keys, table)
    read_wordnet(a.wordnet, keys, table)
    read_moby(a.moby, keys, table)
    order = "mwrsbghd"
    pairs = 0
    f = io.StringIO()
    if True:
        f.write("# Synonym model: word -> synonym, sources, strength. Generated by tools/synonyms/gen_synonyms.py;\n")
        f.write("# do not edit (curated extras go in dictionaries/synonyms/extra.tsv). Sources and licenses:\n")
        f.write("#   m r g  MyThes English thesaurus (Debian mythes-en-us 1:7.x, th_en_US_v2; BSD-style, see README.md)\n")
        f.write("#   w s h d  WordNet 3.0 (Debian wordnet-base; WordNet 3.0 license, Princeton University)\n")
        f.write("#   b      Moby Thesaurus II (npm moby@1.1.2 words.txt; public domain, Grady Ward)\n")
        f.write("# Columns: word, synonym, sources (letters, see README.md), strength (sum of source weights).\n")
        if a.keys_from_ngrams:
            f.write("# Rows: a thesaurus word -> a content word of %s (unigram strength >= %d) that lists it as a\n"
                    "# synonym; single words only. Read from the word in a text to the frequent word it may stand for.\n"
                    % (os.path.relpath(a.keys_from_ngrams, ROOT), a.min_strength))
            f.write("# Regenerate: python3 tools/synonyms/gen_synonyms.py --keys-from-ngrams %s --min-strength %d --out %s\n"
                    % (os.path.relpath(a.keys_from_ngrams, ROOT), a.min_strength, os.path.relpath(a.out, ROOT)))
        else:
            f.write("# Keys: every word of a known name in dictionaries/entities/, of an office title, and of tools/synonyms/extra_keys.txt.\n")
        rows = []
        for word in sorted(table):
            for syn in sorted(table[word]):
                if "\t" in syn or not syn or (a.keys_from_ngrams and (" " in syn or syn == word)):
                    continue
                srcs = table[word][syn]
                strength = min(9, sum(WEIGHT[s] for s in srcs))
                # The collocation table is read from the word in a text to the frequent word it
                # may stand for: keyed by the synonym.
                first, second = (syn, word) if a.keys_from_ngrams else (word, syn)
                rows.append("%s\t%s\t%s\t%d\n" % (first, second, "".join(c for c in order if c in srcs), strength))
        for row in sorted(rows) if a.keys_from_ngrams else rows:
            f.write(row)
            pairs += 1
    text = f.getvalue()
    outputs = [(a.out, text, pairs)]
    if a.paraphrases_out and a.keys_from_ngrams:
        sys.path.insert(0, os.path.join(ROOT, "tools", "ngrams"))
        from ngrams import FUNCTION_WORDS  # noqa: E402
        rows = []
        for word in sorted(table):
            for syn in sorted(table[word]):
                parts = syn.split(" ")
                if len(parts) != 2 or not all(re.fullmatch(r"[a-z]{2,}", w) and w not in FUNCTION_WORDS for w in parts) \
                        or word in parts:
                    continue
                srcs = table[word][syn]
                strength = min(9, sum(WEIGHT[c] for c in srcs))
                rows.append("%s\t%s\t%s\t%d\n" % (syn, word, "".join(c for c in order if c in srcs), strength))
        rows.sort()
        head = text[:text.index("# Columns:")]
        p_text = head + (
            "# Columns: phrase, word, sources (letters, see README.md), strength (sum of source weights).\n"
            "# Rows: a two-word thesaurus phrase -> a content word of %s (unigram strength >= %d) that lists it\n"
            "# as a synonym; both words lower-case letters, neither a function word. Read from a phrase in a text\n"
            "# to the frequent word it may paraphrase.\n"
            "# Regenerate: python3 tools/synonyms/gen_synonyms.py --keys-from-ngrams %s --min-strength %d --out %s"
            " --paraphrases-out %s\n"
            % (os.path.relpath(a.keys_from_ngrams, ROOT), a.min_strength, os.path.relpath(a.keys_from_ngrams, ROOT),
               a.min_strength, os.path.relpath(a.out, ROOT), os.path.relpath(a.paraphrases_out, ROOT))) + "".join(rows)
        outputs.append((a.paraphrases_out, p_text, len(rows)))
    if a.check:
        for path, text, pairs in outputs:
            try:
                with open(path, encoding="utf-8", newline="") as old:
                    same = old.read() == text
            except OSError:
                same = False
            if not same:
                sys.exit("gen_synonyms.py: %s is out of date with its sources and keys; run python3 "
                         "tools/synonyms/gen_synonyms.py" % os.path.relpath(path, ROOT))
            print("gen_synonyms.py: %s is up to date (%d pairs)" % (os.path.relpath(path, ROOT), pairs))
        return
    for path, text, pairs in outputs:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        print("gen_synonyms.py: %d keys asked, %d with synonyms, %d pairs -> %s" % (len(keys), len(table), pairs, path))


if __name__ == "__main__":
    main()
