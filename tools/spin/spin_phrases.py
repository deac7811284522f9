#!/usr/bin/env python3
"""Collocation spinner: plants spun collocations in wire stories ("spy agency" -> "detective
agency", "sharp increase" -> "sharp expansion", "weapons waste" -> "weapons wastes") and writes
what a linter should find, to measure the reference n-gram detector (rule phrase-collocation).

  python3 tools/spin/spin_phrases.py --corpus CORPUS.jsonl --part odd --seed 1 --out-dir DIR
          [--limit N] [--counts build/ngrams/counts-even.tsv] [--moby PATH | --no-moby]
  python3 tools/spin/spin_phrases.py --factbook --part odd --seed 1 --out-dir DIR   (the Factbook's
          prose, build/corpora/factbook.jsonl, made by factbook_corpus.py when missing)

Output as tools/spin/spin.py writes it: clean.jsonl, spun.jsonl, expected.jsonl (story, offset
and length in UTF-8 bytes of the spun span in the spun body, match, expected, class, source,
rule). The span is the whole spun collocation, both words.

A collocation is two adjacent lowercase content words of a story (only white space between,
not in quotation marks, not between two capitalized words, not in the story's first 8 words)
that the counts file (`ngrams.py` counts of the derivation half: even positions) holds at least
5 times, of one of two shapes: modifier + noun (the head's commonest WordNet sense is a noun;
the modifier an adjective or a noun) or word + -ly adverb. Classes:
  single      one word (modifier or head) replaced by a one-word thesaurus synonym of the same
              part of speech, in the original's number (plural head stays plural)
  both        both words of a modifier + noun collocation replaced
  paraphrase  one word replaced by a multi-word thesaurus entry ("sharp growth in number")
  inflection  a singular head noun made plural where news never writes it: the spun bigram is
              counted 0 times, the original at least 5, and the plural is at most a fifth as
              common as the singular (a mass noun: "weapons waste" -> "weapons wastes")
Synonyms come from tools/spin/spin.py's readers of MyThes, WordNet and Moby (one source that
lists the word, then one of its synonyms, as spinning software picks), kept when WordNet knows
the synonym in the slot's part of speech and it is not a variant of the word (plural, -ed,
British spelling, same stem). At most 2 spins a story, spans apart. Every choice is drawn from
random.Random(f"{seed}:{story id}"). The spinner never reads the detector's data or rules.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "spin"))
sys.path.insert(0, os.path.join(ROOT, "tools", "ngrams"))
from spin import load_thesauri, variant  # noqa: E402  the spinner's thesaurus readers and variant test
from ngrams import FUNCTION_WORDS, read_counts  # noqa: E402  one function-word list, one counts reader

RULE = "phrase-collocation"
WORDNET = "/usr/share/wordnet"
MIN_COUNT = 5
MAX_PER_STORY = 2
SKIP_WORDS = 8  # the dateline and opening words of a story are never spun
CLASS_WEIGHTS = {"single": 5, "both": 2, "paraphrase": 2, "inflection": 2}
# Wire-copy abbreviations and words that a thesaurus lists but a spinner leaves alone.
STOP = FUNCTION_WORDS | {"mln", "dlrs", "pct", "cts", "billion", "million", "vs", "said", "says", "also", "year",
                         "years", "last", "next", "per", "new", "week", "month", "months", "today", "yesterday",
                         "n", "v", "s", "t", "one", "two", "three", "four", "five", "six", "seven", "eight",
                         "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred",
                         "thousand", "dozen", "half", "here", "there", "now", "then", "ago", "later", "earlier"}
TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]|[A-Za-z]")
QUOTES = re.compile(r"\"[^\"\n]*\"|\u201c[^\u201d]*\u201d")


class WordNetIndex:
    """Parts of speech of WordNet lemmas, with how many tagged senses each has (a frequency
    proxy), and the irregular forms of nouns and verbs."""

    def __init__(self):
        self.senses = {}  # lemma -> {pos: tagged senses + 1}
        for pos in ("noun", "verb", "adj", "adv"):
            with open(os.path.join(WORDNET, "index." + pos), encoding="utf-8", errors="replace") as f:
                for line in f:
                    if line.startswith(" "):
                        continue
                    fields = line.split()
                    ptrs = int(fields[3])
                    tagged = int(fields[5 + ptrs])
                    self.senses.setdefault(fields[0].replace("_", " "), {})[pos] = tagged + 1
        self.noun_exc = self.read_exc("noun.exc")
        self.verb_exc = self.read_exc("verb.exc")

    @staticmethod
    def read_exc(name):
        with open(os.path.join(WORDNET, name), encoding="utf-8", errors="replace") as f:
            return {p[0]: p[1] for p in (l.split() for l in f) if len(p) >= 2}

    def has(self, lemma, pos):
        return pos in self.senses.get(lemma, {})

    def weight(self, lemma, pos):
        return self.senses.get(lemma, {}).get(pos, 0)

    def noun_lemma(self, word):
        """(lemma, plural?) of a noun as written, or None when WordNet does not know it as a noun."""
        if word in self.noun_exc:
            return self.noun_exc[word], True
        if word.endswith("s") and not word.endswith("ss"):
            for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
                if word.endswith(cut) and self.has(word[:-len(cut)] + add, "noun"):
                    if not self.has(word, "noun") or self.weight(word, "noun") <= 1:
                        return word[:-len(cut)] + add, True
        if self.has(word, "noun"):
            return word, False
        return None

    def verb_form(self, word):
        """True when the word is an inflected verb form (rose, cuts, rising, agreed)."""
        if word in self.verb_exc:
            return True
        for cut, add in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("ies", "y"), ("s", "")):
            if word.endswith(cut) and self.has(word[:-len(cut)] + add, "verb"):
                return True
        return False


def plural(noun):
    """The regular English plural of a noun (of a phrase's last word)."""
    if " " in noun:
        head, _, last = noun.rpartition(" ")
        return head + " " + plural(last)
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


def slot(wn, word, role):
    """(pos, lemma, plural?) of a word in a collocation slot, or None when the slot does not fit:
    role 'head' wants a noun whose commonest sense is a noun; 'modifier' an adjective or a noun;
    'adverb' an -ly adverb."""
    if word in STOP or len(word) < 3:
        return None
    if role == "adverb":
        return ("adv", word, False) if word.endswith("ly") and wn.has(word, "adv") and not wn.has(word, "adj") else None
    if role == "modifier" and wn.has(word, "adj") and wn.weight(word, "adj") >= wn.weight(word, "verb"):
        return "adj", word, False
    n = wn.noun_lemma(word)
    if not n:
        return None
    lemma, is_plural = n
    if wn.weight(lemma, "noun") <= wn.weight(lemma, "verb") or (not is_plural and wn.verb_form(word)):
        return None
    if role == "head" and wn.weight(lemma, "noun") <= wn.weight(lemma, "adj"):
        return None  # an adjective first ("international", "total"): not the head of a collocation
    return "noun", lemma, is_plural


def read_bigram_counts(path):
    """{"w1 w2": count} and {"w": count} of a counts file (ngrams.py count/merge output)."""
    bigrams, unigrams = {}, {}
    for key, n in read_counts(path):
        k = key.count(" ")
        if k == 1:
            bigrams[key] = n
        elif k == 0:
            unigrams[key] = n
    return bigrams, unigrams


def quoted(body):
    """[(start, end)] of the quotations of a body."""
    return [(m.start(), m.end()) for m in QUOTES.finditer(body)]


def collocations(body, bigrams, wn):
    """[(start1, end1, start2, end2, shape, slot1, slot2)] of the spinnable collocations of a body."""
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(body)]
    quotes = quoted(body)
    out = []
    for i in range(len(toks) - 1):
        (s1, e1, w1), (s2, e2, w2) = toks[i], toks[i + 1]
        gap = body[e1:s2]
        if i < SKIP_WORDS or gap.strip() or "\n\n" in gap.replace(" ", "") or not (w1 + w2).isalpha():
            continue
        if not (w1.islower() and w2.islower()) or bigrams.get(w1 + " " + w2, 0) < MIN_COUNT:
            continue
        if i > 0 and toks[i - 1][2][0].isupper() and i + 2 < len(toks) and toks[i + 2][2][0].isupper() \
                and not re.search(r"[.!?;:]\s*$", body[toks[i - 1][1]:s1]):
            continue  # between two capitalized words: inside a name ("Bank of ... Trust")
        if any(q0 <= s1 and e2 <= q1 for q0, q1 in quotes):
            continue
        head = slot(wn, w2, "head")
        if head:
            mod = slot(wn, w1, "modifier")
            if mod:
                out.append((s1, e1, s2, e2, "noun", mod, head))
                continue
        adv = slot(wn, w2, "adverb")
        if adv and w1 not in STOP and not wn.has(w1, "adv"):
            out.append((s1, e1, s2, e2, "adverb", None, adv))
    return out


def synonyms(thes, wn, word, pos, lemma, multi):
    """[(source, [synonyms])] of a slot: one-word synonyms (multi False) or paraphrases of 2-3
    words (multi True) that WordNet knows in the slot's part of speech, none a function word or a
    variant of the word."""
    out = []
    for source, syns in sorted(thes.get(lemma, {}).items()):
        good = []
        for s in sorted(syns):
            if (" " in s) != multi or variant(s, lemma) or variant(s, word) or s in STOP:
                continue
            words = s.split(" ")
            if any(w in FUNCTION_WORDS for w in words) or any(variant(w, lemma) for w in words):
                continue
            known = wn.has(s, pos) or (multi and pos == "noun" and wn.has(words[-1], "noun"))
            if known and "-" not in s:
                good.append(s)
        if good:
            out.append((source, good))
    return out


def draw(rng, options):
    """(synonym, source): one source among those that list the word, then one synonym."""
    source, syns = rng.choice(options)
    return rng.choice(syns), source


def inflect(syn, is_plural):
    return plural(syn) if is_plural else syn


def spin_options(c, body, thes, wn, bigrams, unigrams):
    """{class: builder} of the spins one collocation allows; a builder takes the rng and returns
    (new text of the span, source) or None."""
    s1, e1, s2, e2, shape, mod, head = c
    w1, w2, gap = body[s1:e1], body[s2:e2], body[e1:s2]
    options = {}
    slots = [(0, mod), (1, head)] if shape == "noun" else [(1, head)]
    singles = [(k, sl, synonyms(thes, wn, (w1, w2)[k], sl[0], sl[1], False)) for k, sl in slots]
    singles = [x for x in singles if x[2]]
    multis = [(k, sl, synonyms(thes, wn, (w1, w2)[k], sl[0], sl[1], True)) for k, sl in slots]
    multis = [x for x in multis if x[2]]

    def replace(k, new):
        return (new + gap + w2) if k == 0 else (w1 + gap + new)

    if singles:
        def single(rng):
            k, sl, opts = rng.choice(singles)
            syn, src = draw(rng, opts)
            return replace(k, inflect(syn, sl[2])), src
        options["single"] = single
    if multis:
        def paraphrase(rng):
            k, sl, opts = rng.choice(multis)
            syn, src = draw(rng, opts)
            return replace(k, inflect(syn, sl[2])), src
        options["paraphrase"] = paraphrase
    if shape == "noun" and len(singles) == 2:
        def both(rng):
            (a, b) = [draw(rng, opts) for _, _, opts in singles]
            src = "+".join(sorted({a[1], b[1]}))
            return inflect(a[0], mod[2]) + gap + inflect(b[0], head[2]), src
        options["both"] = both
    # A mass noun made plural ("weapons wastes"): the plural exists but is far rarer than the
    # singular, and news never writes it after this modifier. The singular of a plural head is
    # left out: "security concern" for "security concerns" is still good English.
    if shape == "noun" and head[0] == "noun" and not head[2]:
        swapped = plural(head[1])
        if bigrams.get(w1 + " " + swapped, 0) == 0 and 0 < unigrams.get(swapped, 0) * 5 <= unigrams.get(w2, 0):
            options["inflection"] = lambda rng: (w1 + gap + swapped, "morphology")
    return options


def plan_story(body, rng, thes, wn, bigrams, unigrams):
    """[(start, end, new text, original text, class, source)] of at most MAX_PER_STORY spins that
    do not overlap: collocations in random order, each spun by a class drawn by CLASS_WEIGHTS among
    those it allows."""
    cands = collocations(body, bigrams, wn)
    rng.shuffle(cands)
    chosen = []
    for c in cands:
        if len(chosen) >= MAX_PER_STORY:
            break
        s, e = c[0], c[3]
        if any(s < o[1] + 1 and o[0] < e + 1 for o in chosen):
            continue
        options = spin_options(c, body, thes, wn, bigrams, unigrams)
        if not options:
            continue
        classes = sorted(options)
        cls = rng.choices(classes, weights=[CLASS_WEIGHTS[k] for k in classes])[0]
        got = options[cls](rng)
        if got and got[0] != body[s:e]:
            chosen.append((s, e, got[0], body[s:e], cls, got[1]))
    return sorted(chosen)


def apply_spins(sid, body, chosen):
    """(spun body, [expected row]) with byte offsets of each spun span in the spun body."""
    pieces, pos, marks = [], 0, []
    for s, e, rep, exp, cls, src in chosen:
        assert body[s:e] == exp, (sid, body[s:e], exp)
        pieces.append(body[pos:s])
        start = sum(len(p) for p in pieces)
        pieces.append(rep)
        marks.append((start, rep, exp, cls, src))
        pos = e
    pieces.append(body[pos:])
    new = "".join(pieces)
    raw = new.encode("utf-8")
    rows = []
    for start, rep, exp, cls, src in marks:
        off, length = len(new[:start].encode("utf-8")), len(rep.encode("utf-8"))
        assert raw[off:off + length].decode("utf-8") == rep, (sid, off, rep)
        rows.append({"story": sid, "offset": off, "length": length, "match": rep, "expected": exp,
                     "class": cls, "source": src, "rule": RULE})
    return new, rows


def selected(path, part, limit):
    """(line index, story) of the stories of a part (0-based line index % 2: even, odd) in order."""
    n = 0
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if not line.strip() or (part == "even" and i % 2) or (part == "odd" and i % 2 == 0):
                continue
            yield i, json.loads(line)
            n += 1
            if limit and n >= limit:
                return


def candidate_words(path, part, limit):
    """Every lowercase word of the selected stories, with simple lemmas: the words to look up."""
    words = set()
    for _, story in selected(path, part, limit):
        for w in re.findall(r"\b[a-z]{3,}\b", story.get("body", "")):
            words.add(w)
            for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
                if w.endswith(cut):
                    words.add(w[:-len(cut)] + add)
    return words


def parse_args():
    ap = argparse.ArgumentParser(description="Plant spun collocations; write clean, spun and expected files.")
    ap.add_argument("--corpus", help="JSON-lines corpus (id, date, body)")
    ap.add_argument("--factbook", action="store_true",
                    help="spin the Factbook's prose (build/corpora/factbook.jsonl, made when missing)")
    ap.add_argument("--part", default="odd", choices=["all", "even", "odd"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--limit", type=int, default=0, help="stop after N selected stories")
    ap.add_argument("--counts", default=os.path.join(ROOT, "build", "ngrams", "counts-even.tsv"),
                    help="n-gram counts of the derivation half (ngrams.py build --keep-counts)")
    ap.add_argument("--moby", default=os.path.join(ROOT, "build", "thesauri", "node_modules", "moby", "words.txt"))
    ap.add_argument("--no-moby", action="store_true")
    a = ap.parse_args()
    if a.factbook and not a.corpus:
        a.corpus = os.path.join(ROOT, "build", "corpora", "factbook.jsonl")
        if not os.path.exists(a.corpus):
            subprocess.run([sys.executable, os.path.join(ROOT, "tools", "spin", "factbook_corpus.py"), "--out", a.corpus],
                           check=True, stdout=sys.stderr)
    if not a.corpus:
        ap.error("--corpus or --factbook is required")
    if not os.path.exists(a.counts):
        ap.error("no counts file %s: python3 tools/ngrams/ngrams.py build ../shared/corpora/reuters-21578/dev.jsonl "
                 "--factbook ../shared/data/factbook --keep-counts %s --out build/ngrams/news-even.tsv"
                 % (a.counts, os.path.relpath(a.counts, ROOT)))
    if a.no_moby:
        a.moby = None
    elif not os.path.exists(a.moby):
        sys.exit("spin_phrases.py: no Moby thesaurus at %s (see tools/spin/README.md, or --no-moby)" % a.moby)
    return a


def main():
    a = parse_args()
    bigrams, unigrams = read_bigram_counts(a.counts)
    wn = WordNetIndex()
    thes, _ = load_thesauri(candidate_words(a.corpus, a.part, a.limit), a.moby)
    os.makedirs(a.out_dir, exist_ok=True)
    files = {k: open(os.path.join(a.out_dir, k + ".jsonl"), "w", encoding="utf-8")
             for k in ("clean", "spun", "expected")}
    counts, n = {}, 0
    for i, story in selected(a.corpus, a.part, a.limit):
        sid = str(story.get("id", i))
        body = story.get("body", "")
        rng = random.Random("%d:%s" % (a.seed, sid))
        new, rows = apply_spins(sid, body, plan_story(body, rng, thes, wn, bigrams, unigrams))
        out = {"id": story.get("id", i), "date": story.get("date", ""), "body": body}
        files["clean"].write(json.dumps(out, ensure_ascii=False) + "\n")
        out["body"] = new
        files["spun"].write(json.dumps(out, ensure_ascii=False) + "\n")
        for r in rows:
            files["expected"].write(json.dumps(r, ensure_ascii=False) + "\n")
            counts[(r["class"], r["source"])] = counts.get((r["class"], r["source"]), 0) + 1
        n += 1
    for f in files.values():
        f.close()
    for k in sorted(counts):
        print("%-12s %-16s %5d" % (k[0], k[1], counts[k]))
    print("%d stories, %d spins -> %s" % (n, sum(counts.values()), a.out_dir))


if __name__ == "__main__":
    main()
