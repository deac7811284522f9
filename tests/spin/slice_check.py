#!/usr/bin/env python3
"""A fixed slice of the spinner's measurement: the first 150 stories of the odd (measurement) half
of the Reuters development corpus, spun with seed 7 from MyThes, WordNet and the hand list (the
Debian packages mythes-en-us and wordnet-base; Moby is left out so the slice needs no npm),
linted with the entity rules. The findings must equal tests/spin/slice.expected exactly: one
line per finding, "story<TAB>rule<TAB>match<TAB>first replacement", then one line per planted
spin that no finding overlaps, "missed<TAB>story<TAB>class<TAB>match<TAB>expected". Only
spinner output and ids are recorded, no corpus text.

Usage: slice_check.py WIRELINT [--update]
Skipped (exit 0, says why) when the corpus or the thesauri are absent.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.environ.get("WIRELINT_CORPUS", os.path.join(ROOT, "..", "shared", "corpora", "reuters-21578", "dev.jsonl"))
EXPECTED = os.path.join(HERE, "slice.expected")
RULES = "entity-near-miss,entity-spun-title,entity-historical-name,entity-modifier-contradiction,entity-context-demonym"


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    wirelint, update = argv[1], "--update" in argv
    for need in (CORPUS, "/usr/share/mythes/th_en_US_v2.dat", "/usr/share/wordnet/data.noun"):
        if not os.path.exists(need):
            print("slice_check: skipped: %s is absent" % need)
            return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "spin", "spin.py"), "--corpus", CORPUS,
                        "--part", "odd", "--seed", "7", "--limit", "150", "--no-moby", "--out-dir", tmp],
                       check=True, stdout=subprocess.DEVNULL)
        findings = os.path.join(tmp, "findings.jsonl")
        subprocess.run([wirelint, "corpus", os.path.join(tmp, "spun.jsonl"), "--examples", "0", "--only", RULES,
                        "--findings", findings], check=True, stdout=subprocess.DEVNULL)
        lines, found = [], []
        for l in open(findings, encoding="utf-8"):
            d = json.loads(l)
            if "rule" in d:
                found.append(d)
                lines.append("%s\t%s\t%s\t%s" % (d["story"], d["rule"], d["match"].replace("\n", " "),
                                                  d["replacements"][0] if d["replacements"] else ""))
        for l in open(os.path.join(tmp, "expected.jsonl"), encoding="utf-8"):
            e = json.loads(l)
            if not any(f["story"] == e["story"] and f["offset"] < e["offset"] + e["length"] and
                       e["offset"] < f["offset"] + f["length"] for f in found):
                lines.append("missed\t%s\t%s\t%s\t%s" % (e["story"], e["class"], e["match"], e["expected"]))
    got = "\n".join(lines) + "\n"
    if update:
        with open(EXPECTED, "w", encoding="utf-8") as f:
            f.write(got)
        print("slice_check: wrote %s (%d lines)" % (EXPECTED, len(lines)))
        return 0
    want = open(EXPECTED, encoding="utf-8").read() if os.path.exists(EXPECTED) else ""
    if got == want:
        print("slice_check: %d lines as expected" % len(lines))
        return 0
    import difflib
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "slice.expected", "got"))
    print("slice_check: findings differ from tests/spin/slice.expected (rerun with --update if intended)")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
