#!/usr/bin/env python3
"""Scores wirelint on a spinner's output (tools/spin/spin.py): recall per class and source on
the spun stories, false findings per 1,000 words on the untouched twins, per rule.

  python3 tools/spin/score.py --spin-dir DIR [--wirelint build/src/wirelint] [--rules R,R]
          [--all-rules] [--data-dir DIR] [--json OUT] [--show-missed N] [--show-false N]

Runs `wirelint corpus --findings` on DIR/spun.jsonl and DIR/clean.jsonl (each story at its own
date). A planted spin is found when a finding of any entity rule overlaps its span; "right
rule" when the rule is the one expected, "right fix" when the original text is among the
finding's replacements. Clean findings are every finding of the scored rules on the twins; a
finding on a spun story that overlaps no planted span counts as "spurious on spun".
Exit 0, or 2 when an input is unreadable or wirelint fails.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ENTITY_RULES = ["entity-near-miss", "entity-spun-title", "entity-historical-name", "entity-modifier-contradiction",
                "entity-context-demonym", "entity-malformed-demonym", "entity-office-term", "entity-preferred-name"]


def run_per_file(wirelint, corpus, out, rules, data_dir):
    """For a wirelint without `corpus --findings` (an older build, to compare against): each
    story becomes a file in a folder per date, linted with --format json --date."""
    import collections
    import shutil
    import tempfile
    tmp = tempfile.mkdtemp(prefix="wirelint-score-")
    by_date = collections.defaultdict(list)
    words = {}
    try:
        for line in open(corpus, encoding="utf-8"):
            d = json.loads(line)
            sid = str(d["id"])
            date = (d.get("date") or "2025-06-01")[:10]
            name = "%06d.txt" % len(words)
            folder = os.path.join(tmp, date)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(d["body"])
            by_date[date].append((name, sid))
            words[sid] = len(re.findall(r"\w+", d["body"]))
        found = {}
        for date, files in sorted(by_date.items()):
            cmd = [wirelint] + (["--data-dir", data_dir] if data_dir else []) + ["--format", "json", "--date", date]
            if rules:
                cmd += ["--only", ",".join(rules)]
            r = subprocess.run(cmd + [os.path.join(tmp, date)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if r.returncode not in (0, 1):
                sys.exit("score.py: %s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr.strip()))
            ids = dict(files)
            for fobj in json.loads(r.stdout)["files"]:
                sid = ids[os.path.basename(fobj["path"])]
                for diag in fobj["diagnostics"]:
                    found.setdefault(sid, []).append({"story": sid, "rule": diag["rule"], "offset": diag["offset"],
                                                      "length": diag["length"], "match": diag["match"],
                                                      "replacements": diag["replacements"]})
        return words, found
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(wirelint, corpus, out, rules, data_dir, per_file=False):
    if per_file:
        return run_per_file(wirelint, corpus, out, rules, data_dir)
    cmd = [wirelint]
    if data_dir:
        cmd += ["--data-dir", data_dir]
    cmd += ["corpus", corpus, "--examples", "0", "--findings", out]
    if rules:
        cmd += ["--only", ",".join(rules)]
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit("score.py: %s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr.strip()))
    words, found = {}, {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if "words" in d:
                words[d["story"]] = d["words"]
            else:
                found.setdefault(d["story"], []).append(d)
    return words, found


def context(body, off, length):
    b = body.encode("utf-8")
    return b[max(0, off - 50):off + length + 50].decode("utf-8", "replace").replace("\n", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spin-dir", required=True)
    ap.add_argument("--wirelint", default=os.path.join(ROOT, "build", "src", "wirelint"))
    ap.add_argument("--rules", default=",".join(ENTITY_RULES))
    ap.add_argument("--all-rules", action="store_true")
    ap.add_argument("--data-dir")
    ap.add_argument("--per-file", action="store_true",
                    help="lint each story as a file with --format json (for builds without corpus --findings; "
                         "word counts are then \\w+ runs)")
    ap.add_argument("--json")
    ap.add_argument("--show-missed", type=int, default=0)
    ap.add_argument("--show-false", type=int, default=0)
    a = ap.parse_args()
    rules = [] if a.all_rules else [r for r in a.rules.split(",") if r]
    d = a.spin_dir
    try:
        expected = [json.loads(l) for l in open(os.path.join(d, "expected.jsonl"), encoding="utf-8")]
        bodies = {str(json.loads(l)["id"]): json.loads(l)["body"] for l in open(os.path.join(d, "spun.jsonl"), encoding="utf-8")}
        clean_bodies = {str(json.loads(l)["id"]): json.loads(l)["body"] for l in open(os.path.join(d, "clean.jsonl"), encoding="utf-8")}
    except OSError as e:
        print("score.py: %s" % e, file=sys.stderr)
        return 2
    _, spun_found = run(a.wirelint, os.path.join(d, "spun.jsonl"), os.path.join(d, "spun.findings.jsonl"), rules,
                        a.data_dir, a.per_file)
    words, clean_found = run(a.wirelint, os.path.join(d, "clean.jsonl"), os.path.join(d, "clean.findings.jsonl"), rules,
                             a.data_dir, a.per_file)
    total_words = sum(words.values())

    by_class, by_source, missed = {}, {}, []
    used = set()
    for e in expected:
        hits = [f for f in spun_found.get(e["story"], [])
                if f["rule"].startswith("entity-") and f["offset"] < e["offset"] + e["length"] and e["offset"] < f["offset"] + f["length"]]
        for f in hits:
            used.add((e["story"], f["offset"], f["rule"]))
        ok = bool(hits)
        rule_ok = any(f["rule"] == e["rule"] for f in hits)
        fix_ok = any(e["expected"] in f["replacements"] for f in hits)
        for key, table in ((e["class"], by_class), ((e["class"], e["source"]), by_source)):
            row = table.setdefault(key, [0, 0, 0, 0])
            row[0] += 1
            row[1] += ok
            row[2] += rule_ok
            row[3] += fix_ok
        if not ok:
            missed.append(e)
    spurious = [f for s, fs in spun_found.items() for f in fs if (s, f["offset"], f["rule"]) not in used]
    per_rule = {}
    for s, fs in clean_found.items():
        for f in fs:
            per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
    kilo = total_words / 1000.0 if total_words else 1.0

    print("%-28s %7s %7s %7s %9s %9s" % ("class / source", "planted", "found", "recall", "right-rule", "right-fix"))
    for key in sorted(by_class):
        n, ok, r, fx = by_class[key]
        print("%-28s %7d %7d %7.2f %9.2f %9.2f" % (key, n, ok, ok / n, r / n, fx / n))
        for (c, src), (n2, ok2, r2, fx2) in sorted(by_source.items()):
            if c == key:
                print("  %-26s %7d %7d %7.2f %9.2f %9.2f" % (src, n2, ok2, ok2 / n2, r2 / n2, fx2 / n2))
    n_all = len(expected)
    ok_all = sum(v[1] for v in by_class.values())
    print("%-28s %7d %7d %7.2f" % ("all", n_all, ok_all, ok_all / n_all if n_all else 0))
    print()
    print("clean twins: %d stories, %d words" % (len(words), total_words))
    print("%-32s %8s %12s" % ("rule", "findings", "per 1k words"))
    for r in sorted(per_rule, key=lambda r: -per_rule[r]):
        print("%-32s %8d %12.3f" % (r, per_rule[r], per_rule[r] / kilo))
    tot = sum(per_rule.values())
    print("%-32s %8d %12.3f" % ("all scored rules", tot, tot / kilo))
    print("spurious findings on spun stories (outside planted spans): %d, %.3f per 1k words" % (len(spurious), len(spurious) / kilo))
    if a.show_missed:
        print("\nmissed:")
        for e in missed[:a.show_missed]:
            print("  [%s] %s %s: '%s' <- '%s'  …%s…" % (e["story"], e["class"], e["source"], e["match"], e["expected"],
                                                      context(bodies[e["story"]], e["offset"], e["length"])))
    if a.show_false:
        print("\nclean findings:")
        n = 0
        for s, fs in sorted(clean_found.items()):
            for f in fs:
                if n >= a.show_false:
                    break
                n += 1
                print("  [%s] %s: '%s' -> %s  …%s…" % (s, f["rule"], f["match"], f["replacements"][:1],
                                                     context(clean_bodies[s], f["offset"], f["length"])))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"classes": {k: dict(zip(["planted", "found", "right_rule", "right_fix"], v)) for k, v in by_class.items()},
                       "sources": {"%s/%s" % k: dict(zip(["planted", "found", "right_rule", "right_fix"], v)) for k, v in by_source.items()},
                       "clean_words": total_words, "clean_findings": per_rule, "spurious_on_spun": len(spurious)}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
