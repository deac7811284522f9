#!/usr/bin/env python3
"""Tests of tools/ngrams/ngrams.py (and dask_build.py) on a small made-up archive written to a
temporary folder: the tokenizer, exact counts, shards merged equal one count byte for byte, the
Dask driver equal to `build`, plain-text sources, and the one-line error on a malformed counts
file. Prints what differs; exits 1 on a failure, 0 otherwise.

  python3 tests/ngrams/ngrams_test.py
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from dask_python import dask_python  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOOL = os.path.join(ROOT, "tools", "ngrams", "ngrams.py")
DASK = os.path.join(ROOT, "tools", "ngrams", "dask_build.py")
sys.path.insert(0, os.path.join(ROOT, "tools", "ngrams"))
import ngrams  # noqa: E402

FAILURES = []


def check(what, got, want):
    """Record a failure, with both values, when got differs from want."""
    if got != want:
        FAILURES.append("%s: got %r, want %r" % (what, got, want))


def story(i):
    """A made-up story; which sentences it holds depends on i so that counts can be worked out by
    hand (see test_counts)."""
    parts = ["Farmers planted early corn in the northern fields."]
    if i % 3 == 0:
        parts.append("Officials in Ohio said the U.S. plan failed.")
    if i % 5 == 0:
        parts.append("The co-op sold 1,250 tonnes at 3.5 dlrs; prices rose sharply.")
    parts.append("A sharp increase in feed costs worried ranchers, the board said.")
    return "\n".join(parts)


def write_archive(folder, n=30):
    """A JSON-lines archive of n made-up stories; returns its path."""
    path = os.path.join(folder, "archive.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": "s%02d" % i, "date": "2024-01-%02d" % (i % 28 + 1), "body": story(i)}) + "\n")
    return path


def run(args, python=sys.executable):
    """Run a tool; returns (exit code, stdout, stderr)."""
    r = subprocess.run([python] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return r.returncode, r.stdout, r.stderr


def read_table(path):
    with open(path, encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def test_tokenizer():
    """Dotted abbreviations, possessives, numbers, names and breaks."""
    cases = [
        ("The U.S. economy grew.", [["the", "<name>", "economy", "grew"]]),
        ("U.S. officials met.", [["us", "officials", "met"]]),
        ("He met Baker's aides in Jan. and left.", [["he", "met", "<name>", "aides", "in", "<name>", "and", "left"]]),
        ("the company\u2019s profit", [["the", "company", "profit"]]),
        ("It sold 155,221 bags at 5.93 dlrs in 1987-88.",
         [["it", "sold", "<num>", "bags", "at", "<num>", "dlrs", "in", "<num>"]]),
        ("Prices rose; output fell: exports held! Why? No.", [["prices", "rose"], ["output", "fell"],
                                                               ["exports", "held"], ["why"], ["no"]]),
        ("first part\n\nSecond part", [["first", "part"], ["second", "part"]]),
        ("oil, gas (and coal) - \"steel\" long-term", [["oil"], ["gas"], ["and", "coal"], ["steel"], ["long-term"]]),
        ("\"Markets fell,\" he said.", [["markets", "fell"], ["he", "said"]]),
    ]
    for text, want in cases:
        check("segments(%r)" % text, ngrams.segments(text), want)


def test_counts(tmp, archive):
    """Exact counts of the even part, worked out by hand: 15 even stories; i % 6 == 0 (0, 6, ...,
    24) for the Ohio sentence: 5; i % 10 == 0 (0, 10, 20) for the co-op sentence: 3."""
    out = os.path.join(tmp, "one.tsv")
    code, _, err = run([TOOL, "count", archive, "--part", "even", "--out", out])
    check("count exit", (code, err), (0, ""))
    counts = read_table(out)
    want = {"farmers planted early": "15", "farmers": "15", "sharp increase": "15", "a sharp increase": "15",
            "in <name> said": "5", "the <name> plan": "5", "officials": "5", "<num> tonnes at": "3",
            "prices rose sharply": "3", "co-op sold <num>": "3", "the board said": "15", "the": 35}
    want["the"] = str(15 + 15 + 5 + 3)  # "the northern", "the board", "the U.S.", "The co-op"
    for key, n in sorted(want.items()):
        check("count of %r" % key, counts.get(key), n)
    check("n-gram across ';'", counts.get("dlrs prices"), None)
    check("n-gram across ','", counts.get("ranchers the"), None)
    odd = os.path.join(tmp, "odd.tsv")
    run([TOOL, "count", archive, "--part", "odd", "--out", odd])
    check("odd part 'farmers'", read_table(odd).get("farmers"), "15")
    return out


def test_shards(tmp, archive, one):
    """count over 3 shards + merge gives the 1-shard count byte for byte."""
    parts = []
    for i in range(3):
        parts.append(os.path.join(tmp, "part%d.tsv" % i))
        run([TOOL, "count", archive, "--part", "even", "--shard", "%d/3" % i, "--out", parts[-1]])
    merged = os.path.join(tmp, "merged.tsv")
    code, _, err = run([TOOL, "merge"] + parts + ["--out", merged])
    check("merge exit", (code, err), (0, ""))
    check("3 shards merged == 1 shard (bytes equal)", read_bytes(merged) == read_bytes(one), True)


def test_table(tmp, one):
    """Rows, encoding, strength and pruning of the table."""
    out = os.path.join(tmp, "table.tsv")
    code, _, err = run([TOOL, "table", one, "--out", out])
    check("table exit", (code, err), (0, ""))
    # Header lines start with "# "; unigram rows with "#<TAB>".
    with open(out, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("# ")]
    check("every row has 4 fields", sorted({len(r) for r in rows}), [4])
    got = {(r[0], r[1]): (r[2], r[3]) for r in rows}
    check("unigram row", got.get(("#", "farmers")), ("n", "4"))             # 15 -> 1 + 3
    check("bigram row", got.get(("sharp", "increase")), ("n", "4"))
    check("trigram row", got.get(("farmers planted", "early")), ("n", "4"))
    check("trigram with <name>", got.get(("in <name>", "said")), ("n", "3"))  # 5 -> 1 + 2
    check("content-free bigram left out", got.get(("in", "the")), None)
    check("content-free unigram left out", got.get(("#", "the")), None)
    check("strength(1), (3), (256), (10**6)", [ngrams.strength(n) for n in (1, 3, 256, 10 ** 6)], [1, 2, 9, 9])


def test_malformed(tmp):
    """A malformed counts line: exit 2, one line naming the file and the line."""
    bad = os.path.join(tmp, "bad.tsv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("alpha\t3\nbeta gamma 4\n")
    code, out, err = run([TOOL, "table", bad, "--out", os.path.join(tmp, "bad-table.tsv")])
    check("malformed counts: exit", code, 2)
    check("malformed counts: one line naming file:line", (len(err.strip().splitlines()), (bad + ":2:") in err),
          (1, True))


def test_text_files(tmp):
    """A folder of .txt stories (--part all) counts like the same stories given as JSON lines."""
    folder = os.path.join(tmp, "house")
    os.makedirs(folder)
    for i in range(4):
        with open(os.path.join(folder, "%02d.txt" % i), "w", encoding="utf-8") as f:
            f.write(story(i))
    jsonl = os.path.join(tmp, "house.jsonl")
    with open(jsonl, "w", encoding="utf-8") as f:
        for i in range(4):
            f.write(json.dumps({"id": i, "body": story(i)}) + "\n")
    a, b = os.path.join(tmp, "txt.tsv"), os.path.join(tmp, "jsonl.tsv")
    run([TOOL, "count", "--part", "all", folder, "--out", a])
    run([TOOL, "count", "--part", "all", jsonl, "--out", b])
    check("folder of .txt == same stories as JSON lines", read_bytes(a) == read_bytes(b), True)
    check("folder count of 'farmers'", read_table(a).get("farmers"), "4")


def test_dask(tmp, archive):
    """dask_build.py writes the table `build` writes, byte for byte."""
    py = dask_python()
    if not py:
        print("ngrams_test: SKIP dask part: `import distributed` fails (apt-get install python3-distributed)")
        return
    a, b = os.path.join(tmp, "build.tsv"), os.path.join(tmp, "dask.tsv")
    code, _, err = run([TOOL, "build", archive, "--shards", "3", "--out", a])
    check("build exit", (code, err), (0, ""))
    code, _, err = run([DASK, archive, "--shards", "3", "--out", b], python=py)
    check("dask_build exit", code, 0)
    if code:
        print(err[-2000:])
    check("dask_build table == build table (bytes equal)", os.path.exists(b) and read_bytes(a) == read_bytes(b), True)


def main():
    test_tokenizer()
    with tempfile.TemporaryDirectory(prefix="ngrams-test-") as tmp:
        archive = write_archive(tmp)
        one = test_counts(tmp, archive)
        test_shards(tmp, archive, one)
        test_table(tmp, one)
        test_malformed(tmp)
        test_text_files(tmp)
        test_dask(tmp, archive)
    for f in FAILURES:
        print("FAIL " + f)
    print("ngrams_test: %s" % ("%d failures" % len(FAILURES) if FAILURES else "ok"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
