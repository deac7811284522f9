#!/usr/bin/env python3
"""Self-test of the spinner and the scorer on made-up stories (no corpus text, no wirelint):
the spinner's spans slice the spun bodies exactly (UTF-8 bytes), the clean twins are the input,
two runs with one seed agree byte for byte; the scorer's numbers on a hand-made findings file
are the ones worked out by hand, and an unreadable input exits 2.

  python3 tools/spin/selftest.py        exit 0 when all hold; skipped (0) without the thesauri
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Made-up copy in wire style (written for this test).
STORIES = [
    ("a1", "1987-04-02", "Prime Minister Margaret Example told the House of Commons that the Bank of England "
                         "would act. Thailand's rice exports rose, the Thai government said."),
    ("a2", "1987-04-02", "The Korean Central News Agency said the World Bank and the International Monetary "
                         "Fund were wrong. Treasury Secretary James Sample disagreed. Café owners in Sri Lanka cheered."),
    ("a3", "2025-06-01", "Foreign Minister Ana Placeholder met officials of the Securities and Exchange Commission "
                         "and the Federal Reserve in Eswatini, the White House said."),
    ("a4", "1987-04-02", "Nothing to spin here: ünïcödé text and numbers 1, 2, 3."),
]


def run(args, **kw):
    return subprocess.run([sys.executable] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def main():
    for need in ("/usr/share/mythes/th_en_US_v2.dat", "/usr/share/wordnet/data.noun"):
        if not os.path.exists(need):
            print("selftest: skipped: %s is absent" % need)
            return 0
    fails = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for sid, date, body in STORIES * 3:  # positions 0..11: both parts get every story
                f.write(json.dumps({"id": sid, "date": date, "body": body}, ensure_ascii=False) + "\n")
        outs = []
        for k in (1, 2):
            out = os.path.join(tmp, "run%d" % k)
            r = run([os.path.join(HERE, "spin.py"), "--corpus", corpus, "--part", "all", "--seed", "3",
                     "--max-per-story", "9", "--no-moby", "--out-dir", out])
            if r.returncode:
                print(r.stderr)
                return 1
            outs.append(out)
        for name in ("clean.jsonl", "spun.jsonl", "expected.jsonl"):
            if open(os.path.join(outs[0], name), "rb").read() != open(os.path.join(outs[1], name), "rb").read():
                fails.append("two runs differ in " + name)
        clean = [json.loads(l) for l in open(os.path.join(outs[0], "clean.jsonl"), encoding="utf-8")]
        spun = {}
        for l in open(os.path.join(outs[0], "spun.jsonl"), encoding="utf-8"):
            d = json.loads(l)
            spun.setdefault(d["id"], d["body"])
        if [(d["id"], d["body"]) for d in clean] != [(s, b) for s, _, b in STORIES * 3]:
            fails.append("clean twins differ from the input")
        exp = [json.loads(l) for l in open(os.path.join(outs[0], "expected.jsonl"), encoding="utf-8")]
        classes = set()
        for e in exp:
            raw = spun[e["story"]].encode("utf-8")
            if raw[e["offset"]:e["offset"] + e["length"]].decode("utf-8") != e["match"]:
                fails.append("bad span %r" % e)
            classes.add(e["class"])
        if not {"name", "title", "historical"} <= classes:
            fails.append("classes planted: %s" % sorted(classes))

        # The scorer on hand-made findings.
        d = os.path.join(tmp, "fake")
        os.makedirs(d)
        body_c, body_s = "Ümlaut: the White House said.", "Ümlaut: the White Home said."
        off = len(body_s[:body_s.index("White Home")].encode("utf-8"))
        with open(os.path.join(d, "clean.jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": 7, "date": "1987-01-01", "body": body_c}) + "\n")
        with open(os.path.join(d, "spun.jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": 7, "date": "1987-01-01", "body": body_s}) + "\n")
        with open(os.path.join(d, "expected.jsonl"), "w", encoding="utf-8") as f:
            for m, x, c in (("White Home", "White House", "name"), ("the", "The", "title")):
                f.write(json.dumps({"story": "7", "offset": len(body_s[:body_s.index(m)].encode()), "length": len(m),
                                    "match": m, "expected": x, "class": c, "source": "hand",
                                    "rule": "entity-near-miss"}) + "\n")
        words = {"story": "7", "words": 500}
        with open(os.path.join(d, "spun.findings.jsonl"), "w", encoding="utf-8") as f:
            for x in (words, {"story": "7", "rule": "entity-near-miss", "offset": off + 6, "length": 4, "match": "Home",
                              "replacements": ["White House"]},
                      {"story": "7", "rule": "entity-preferred-name", "offset": 0, "length": 7, "match": "Ümlaut",
                       "replacements": []}):
                f.write(json.dumps(x) + "\n")
        with open(os.path.join(d, "clean.findings.jsonl"), "w", encoding="utf-8") as f:
            for x in (words, {"story": "7", "rule": "entity-preferred-name", "offset": 0, "length": 7, "match": "Ümlaut",
                              "replacements": []}):
                f.write(json.dumps(x) + "\n")
        js = os.path.join(tmp, "score.json")
        r = run([os.path.join(HERE, "score.py"), "--spin-dir", d, "--reuse", "--json", js])
        if r.returncode:
            fails.append("score.py exit %d: %s" % (r.returncode, r.stderr))
        else:
            s = json.load(open(js))
            want = {("classes", "name", "found"): 1, ("classes", "name", "right_fix"): 1, ("classes", "title", "found"): 0,
                    ("clean_findings_total",): 1, ("clean_per_1k_total",): 2.0, ("spun_outside_total",): 1}
            for path, v in want.items():
                got = s
                for p in path:
                    got = got[p]
                if got != v:
                    fails.append("score %s = %r, want %r" % ("/".join(path), got, v))
        r = run([os.path.join(HERE, "score.py"), "--spin-dir", os.path.join(tmp, "missing"), "--reuse"])
        if r.returncode != 2:
            fails.append("unreadable input: exit %d, want 2" % r.returncode)
    for f in fails:
        print("selftest: FAIL: " + f)
    print("selftest: %s (%d spins planted in the made-up stories)" % ("ok" if not fails else "failed", len(exp)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
