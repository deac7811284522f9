#!/usr/bin/env python3
"""Reference n-gram table for wirelint: exact counts of the 1-, 2- and 3-grams of news text, in
map/reduce shape, so that a detector can ask "is this wording normal news English, and is a near
variant of it far more common?" (a spun "weapons wastes" is rare; "weapons waste" is frequent).

  count [--part even|odd|all] [--factbook DIR] [--shard I/N] SOURCE... --out PART.tsv   (map)
  merge PART.tsv... --out COUNTS.tsv                                                    (reduce)
  table COUNTS.tsv [--min-count K] [--min-count-3 K] [--sources TEXT] --out TABLE.tsv   (prune)
  build [--part P] [--factbook DIR] [--shards N] [--keep-counts PATH] SOURCE... --out TABLE.tsv

A SOURCE is a JSON-lines corpus ({"id", "date", "body"} a line; a story per line), a plain-text
file (a story), or a folder (every *.txt file under it, sorted by path, a story each). --part
selects stories by their 0-based position in their source: even = the derivation part (the only
part a shipped table may be counted from), odd = the measurement part, all = a newsroom's own
archive. Plain-text files given one by one form one source in the order given. The Factbook's
prose (--factbook DIR) is read with tools/gen_real_names.py's factbook_stories, in its order.

Count and merge files: one line `ngram<TAB>count` (words joined by single spaces), sorted by
ngram in code-point order, nothing else. The table is in the synonym-table format of
dictionaries/synonyms/synonyms.tsv (see table_rows). The tokenizer is documented in
dictionaries/ngrams/README-news.md and must stay simple enough for the C++ linter to mirror.
"""
import argparse
import heapq
import html
import math
import os
import re
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from gen_real_names import factbook_stories, jsonl_stories  # noqa: E402  one reader, one split order

NUM, NAME = "<num>", "<name>"
MAX_ORDER = 3

# Words that carry no content: an n-gram made only of these and of <num>/<name> says nothing
# about a collocation, so the table leaves it out (the detector only asks about n-grams holding
# a content word).
FUNCTION_WORDS = frozenset("""
a about after against all also an and any are as at be been before being between both but by
can could did do does down during each for from had has have he her his if in into is it its
may might more most must no nor not of off on once only or other our out over own she should
since so some such than that the their them then there these they this those through to too
under until up was we were what when where which while who whom why will with would you your
""".split())

# Single words written with a final period that does not end the sentence ("Jan. 5", "Mr. Baker").
# Dotted abbreviations of single letters ("U.S.", "e.g.") need no list: see TOKEN.
ABBREVIATIONS = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof gen col lt sgt capt cmdr adm
gov sen rep rev st inc corp co ltd bros jr sr vs etc dept univ assn mt ft
""".split())

# The tokenizer, one alternative per token kind, tried left to right at each position:
#   abbr   a letter followed by one or more ".letter", an optional final "." and an optional
#          possessive 's (U.S., U.S.A., e.g., U.S.'s)
#   alnum  letters and digits; ' ’ - between two letters or digits stay inside; . , between two
#          digits stay inside (155,221  5.93  long-term  o'clock  F-16  1987-88)
#   stop   sentence punctuation: . ! ? ; :   or a paragraph break (a blank line)
#   other  any other non-space character: breaks n-grams, is not a token
TOKEN = re.compile(r"""
    (?P<abbr>[^\W\d_](?:\.[^\W\d_])+\.?(?:['\u2019]s)?(?![^\W\d_]))
  | (?P<alnum>[^\W_]+(?:(?:['\u2019\-]|(?<=\d)[.,](?=\d))[^\W_]+)*)
  | (?P<stop>[.!?;:]|\n[ \t\r]*\n)
  | (?P<other>\S)
""", re.VERBOSE)


def normalize(word):
    """Lower-case a word, drop a possessive 's / ’s and the dots of an abbreviation."""
    w = word.replace("\u2019", "'").lower()
    if w.endswith("'s") and len(w) > 2:
        w = w[:-2]
    return w.replace(".", "")


def segments(text):
    """The runs of tokens between breaks, as lists of strings (see TOKEN and the README).

    A token holding a digit is <num>; a capitalized token that is not the first token of its
    sentence is <name>; the first token of a sentence is lower-cased like any other word."""
    out, run, first = [], [], True
    pending_abbr = False  # the previous token was a listed abbreviation ("Jan"): its "." is no stop
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        tok = m.group(kind)
        if kind in ("abbr", "alnum"):
            if any(c.isdigit() for c in tok):
                word = NUM
            elif tok[0].isupper() and not first:
                word = NAME
            else:
                word = normalize(tok)
            pending_abbr = kind == "alnum" and tok.lower() in ABBREVIATIONS and text.startswith(".", m.end())
            first = False
            run.append(word)
            continue
        if kind == "stop" and tok == "." and pending_abbr:
            pending_abbr = False
            continue
        pending_abbr = False
        if run:
            out.append(run)
            run = []
        if kind == "stop":
            first = True
    if run:
        out.append(run)
    return out


def add_ngrams(counts, text):
    """Add the 1- to 3-grams of a text to counts ({"w1 w2": n}); n-grams never cross a break."""
    for run in segments(text):
        for i in range(len(run)):
            for n in range(1, MAX_ORDER + 1):
                if i + n > len(run):
                    break
                key = " ".join(run[i:i + n])
                counts[key] = counts.get(key, 0) + 1


def text_stories(paths):
    """(path, body) of plain-text stories, one file each, in the order given."""
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            yield path, f.read()


def folder_files(folder):
    """Every *.txt file under a folder, sorted by path: the order --part counts positions in."""
    files = []
    for dirpath, _, names in os.walk(folder):
        files += [os.path.join(dirpath, n) for n in names if n.endswith(".txt")]
    return sorted(files)


def sources(paths, factbook):
    """[(label, iterator of (id, body))]: each JSON-lines file and each folder is a source; loose
    .txt files together are one source, in the order given; the Factbook comes last."""
    out, loose = [], []
    for p in paths:
        if p.endswith(".jsonl"):
            out.append((p, jsonl_stories(p)))
        elif os.path.isdir(p):
            out.append((p, text_stories(folder_files(p))))
        else:
            loose.append(p)
    if loose:
        out.append(("text files", text_stories(loose)))
    if factbook:
        # The Factbook's prose keeps HTML entities (&rsquo;); they are decoded so that they are
        # not counted as words.
        out.append((factbook, ((i, html.unescape(b)) for i, b in factbook_stories(factbook))))
    return out


def selected_stories(paths, factbook, part, shard):
    """The bodies of the stories of the part (by position in their source), then of shard I of N
    (by index among the selected stories)."""
    i_shard, n_shard = shard
    k = 0
    for _, stories in sources(paths, factbook):
        for pos, (_, body) in enumerate(stories):
            if (part == "even" and pos % 2) or (part == "odd" and pos % 2 == 0):
                continue
            if k % n_shard == i_shard:
                yield body
            k += 1


def write_counts(counts, path):
    """Write {ngram: count} sorted by ngram, one `ngram<TAB>count` line each."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for key in sorted(counts):
            f.write("%s\t%d\n" % (key, counts[key]))


def count(paths, factbook, part, shard, out):
    """The map step: exact n-gram counts of the selected stories written to out. Returns the
    number of stories read."""
    counts, n = {}, 0
    for body in selected_stories(paths, factbook, part, shard):
        add_ngrams(counts, body)
        n += 1
    write_counts(counts, out)
    return n


class CountsError(Exception):
    """A malformed line in a counts file; the message names the file and the line."""


def read_counts(path):
    """(ngram, count) of a counts file, in file order; CountsError on a malformed line."""
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            key, tab, n = line.rstrip("\n").partition("\t")
            if not tab or not key or not n.isdigit() or key != key.strip() or "  " in key \
                    or len(key.split(" ")) > MAX_ORDER:
                raise CountsError("%s:%d: expected 'ngram<TAB>count', got %r" % (path, lineno, line.rstrip("\n")[:80]))
            yield key, int(n)


def merge(parts, out):
    """The reduce step: a streaming merge of sorted counts files, equal n-grams summed. Returns the
    number of distinct n-grams written."""
    rows = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        key, total = None, 0
        for k, n in heapq.merge(*(read_counts(p) for p in parts), key=lambda kv: kv[0]):
            if k != key:
                if key is not None:
                    f.write("%s\t%d\n" % (key, total))
                    rows += 1
                key, total = k, 0
            total += n
        if key is not None:
            f.write("%s\t%d\n" % (key, total))
            rows += 1
    return rows


def strength(n):
    """1 + floor(log2(count)), at most 9: 1 -> 1, 2-3 -> 2, ..., 256 and more -> 9."""
    return min(9, 1 + int(math.log2(n)))


def content_free(words):
    """True for an n-gram of function words and <num>/<name> only: left out of the table."""
    return all(w in FUNCTION_WORDS or w in (NUM, NAME) for w in words)


def table_rows(counts_path, min_count2, min_count3):
    """(rows, stats) of the table: rows are (first, second, strength) with unigram w -> ("#", w),
    bigram a b -> (a, b), trigram a b c -> ("a b", c); stats per order: seen, below the minimum
    count, content-free, kept."""
    minimum = {1: 1, 2: min_count2, 3: min_count3}
    stats = {o: {"seen": 0, "rare": 0, "content_free": 0, "kept": 0} for o in (1, 2, 3)}
    rows = []
    for key, n in read_counts(counts_path):
        words = key.split(" ")
        s = stats[len(words)]
        s["seen"] += 1
        if n < minimum[len(words)]:
            s["rare"] += 1
        elif content_free(words):
            s["content_free"] += 1
        else:
            s["kept"] += 1
            first = "#" if len(words) == 1 else " ".join(words[:-1])
            rows.append((first, words[-1], strength(n)))
    rows.sort()
    return rows, stats


def regeneration_command(paths, factbook, part, min_count2, min_count3):
    """The one command that writes the table again, paths relative to the repository. It leaves
    out --out (the default is dictionaries/ngrams/news.tsv), so that a table's bytes do not depend
    on where it was written."""
    def rel(p):
        return os.path.relpath(os.path.abspath(p), ROOT)
    cmd = ["python3", "tools/ngrams/ngrams.py", "build"] + [rel(p) for p in paths]
    if factbook:
        cmd += ["--factbook", rel(factbook)]
    if part != "even":
        cmd += ["--part", part]
    if min_count2 != 1:
        cmd += ["--min-count", str(min_count2)]
    if min_count3 != 2:
        cmd += ["--min-count-3", str(min_count3)]
    return " ".join(cmd)


def write_table(counts_path, out, min_count2, min_count3, sources_text, command):
    """Prune the counts and write the table with its header. Returns the stats per order."""
    rows, stats = table_rows(counts_path, min_count2, min_count3)
    kept = {o: stats[o]["kept"] for o in stats}
    header = [
        "Reference n-grams of news text: first, second, source (n), strength = 1 + floor(log2(count)), at most 9.",
        "Unigram w: first '#', second w; bigram a b: a, b; trigram a b c: 'a b' (one field), c.",
        "Generated by tools/ngrams/ngrams.py; do not edit. Tokens: lower-cased words, <num>, <name>;",
        "see dictionaries/ngrams/README-news.md. Counts only; no text of the sources is kept.",
        "Sources: %s" % (sources_text or "unstated"),
        "Licenses: %s." % licenses(sources_text or ""),
        "Regenerate: %s" % (command or "unstated"),
        "Kept: unigrams seen once or more, bigrams seen %d+ times, trigrams %d+ times; n-grams of function"
        % (min_count2, min_count3),
        "words, <num> and <name> only are left out (%d unigrams, %d bigrams, %d trigrams)."
        % (stats[1]["content_free"], stats[2]["content_free"], stats[3]["content_free"]),
        "Rows: %d unigrams, %d bigrams, %d trigrams, %d in all." % (kept[1], kept[2], kept[3], sum(kept.values())),
    ]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n")
        for first, second, s in rows:
            f.write("%s\t%s\tn\t%d\n" % (first, second, s))
    return stats


def licenses(sources_text):
    """The Licenses line: what the known sources allow; an archive of one's own is its owner's."""
    out = []
    if "reuters" in sources_text.lower():
        out.append("Reuters-21578 research use only (only counts kept)")
    if "factbook" in sources_text.lower():
        out.append("World Factbook public domain")
    return "; ".join(out) or "those of the archive's owner (only counts kept)"


def describe_sources(paths, factbook, part):
    """The Sources line of the header: which files, which part."""
    names = [os.path.relpath(os.path.abspath(p), ROOT) for p in paths]
    if factbook:
        names.append(os.path.relpath(os.path.abspath(factbook), ROOT) + " (World Factbook prose)")
    which = {"even": "the derivation part (even 0-based positions) of", "odd": "the odd positions of",
             "all": "every story of"}[part]
    return "%s %s" % (which, ", ".join(names))


def parse_shard(text):
    """'I/N' -> (I, N), with 0 <= I < N."""
    m = re.fullmatch(r"(\d+)/(\d+)", text or "0/1")
    if not m or not int(m.group(1)) < int(m.group(2)):
        raise argparse.ArgumentTypeError("--shard wants I/N with 0 <= I < N, got %r" % text)
    return int(m.group(1)), int(m.group(2))


def print_stats(stats, out):
    for o in (1, 2, 3):
        s = stats[o]
        print("ngrams.py: %d-grams: %d seen, %d below min count, %d content-free, %d kept"
              % (o, s["seen"], s["rare"], s["content_free"], s["kept"]))
    print("ngrams.py: -> %s (%d bytes)" % (out, os.path.getsize(out)))


def build(paths, factbook, part, shards, out, min_count2, min_count3, keep_counts=None, count_parts=None):
    """count (every shard, by count_parts or in-process) + merge + table. count_parts, when given,
    takes [(I, N, part_path)] and writes them (the Dask driver passes one). Returns the stats."""
    with tempfile.TemporaryDirectory(prefix="ngrams-") as tmp:
        jobs = [(i, shards, os.path.join(tmp, "part-%03d.tsv" % i)) for i in range(shards)]
        if count_parts:
            count_parts(jobs)
        else:
            for i, n, path in jobs:
                count(paths, factbook, part, (i, n), path)
        counts_path = keep_counts or os.path.join(tmp, "counts.tsv")
        merge([p for _, _, p in jobs], counts_path)
        return write_table(counts_path, out, min_count2, min_count3, describe_sources(paths, factbook, part),
                           regeneration_command(paths, factbook, part, min_count2, min_count3))


def add_source_args(p):
    p.add_argument("sources", nargs="*", metavar="SOURCE", help="JSON-lines corpus, .txt story or folder of .txt")
    p.add_argument("--part", default="even", choices=["even", "odd", "all"],
                   help="stories by 0-based position in their source (default even: the derivation part)")
    p.add_argument("--factbook", help="World Factbook folder (../shared/data/factbook): its prose")


def add_table_args(p):
    p.add_argument("--min-count", type=int, default=1, help="keep bigrams seen this often (default 1)")
    p.add_argument("--min-count-3", type=int, default=2, help="keep trigrams seen this often (default 2)")


def parser():
    ap = argparse.ArgumentParser(description="Reference n-gram counts and table (map/reduce).")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("count", help="map: exact 1-3-gram counts of the selected stories")
    add_source_args(c)
    c.add_argument("--shard", type=parse_shard, default=(0, 1), help="I/N: the selected stories with index %% N == I")
    c.add_argument("--out", required=True)
    m = sub.add_parser("merge", help="reduce: sum sorted counts files")
    m.add_argument("parts", nargs="+")
    m.add_argument("--out", required=True)
    t = sub.add_parser("table", help="prune counts into the table the linter compiles")
    t.add_argument("counts")
    add_table_args(t)
    t.add_argument("--sources", help="text for the header's Sources line")
    t.add_argument("--command", help="text for the header's Regenerate line")
    t.add_argument("--out", required=True)
    add_build_args(sub.add_parser("build", help="count (all shards) + merge + table in one command"))
    return ap


def add_build_args(b):
    """The options of `build` (shared with tools/ngrams/dask_build.py)."""
    add_source_args(b)
    add_table_args(b)
    b.add_argument("--shards", type=int, default=4, help="map tasks (default 4); the table does not depend on it")
    b.add_argument("--keep-counts", help="also keep the merged counts file here")
    b.add_argument("--out", default=os.path.join(ROOT, "dictionaries", "ngrams", "news.tsv"))


def main(argv=None):
    a = parser().parse_args(argv)
    try:
        if a.cmd == "count":
            n = count(a.sources, a.factbook, a.part, a.shard, a.out)
            print("ngrams.py: %d stories counted -> %s" % (n, a.out))
        elif a.cmd == "merge":
            print("ngrams.py: %d n-grams -> %s" % (merge(a.parts, a.out), a.out))
        elif a.cmd == "table":
            print_stats(write_table(a.counts, a.out, a.min_count, a.min_count_3, a.sources, a.command), a.out)
        else:
            print_stats(build(a.sources, a.factbook, a.part, a.shards, a.out, a.min_count, a.min_count_3,
                              a.keep_counts), a.out)
    except CountsError as e:
        print("ngrams.py: %s" % e, file=sys.stderr)
        return 2
    except OSError as e:
        print("ngrams.py: %s" % e, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
