#!/usr/bin/env python3
"""Scores wirelint on a spinner's output (tools/spin/spin.py): recall per class and source on
the spun stories, false findings per 1,000 words on the untouched twins, per rule.

  python3 tools/spin/score.py --spin-dir DIR [--wirelint build/src/wirelint] [--rules R,R]
          [--all-rules] [--data-dir DIR] [--reuse | --per-file] [--json OUT] [--show-missed N]
          [--show-false N]

Runs `wirelint corpus FILE --findings OUT [--only RULES]` on DIR/spun.jsonl and DIR/clean.jsonl
(each story at its own date), writing DIR/spun.findings.jsonl and DIR/clean.findings.jsonl:
JSON lines, {"story", "words"} per story linted and {"story", "rule", "offset", "length"
(UTF-8 bytes in the body), "match", "replacements"} per finding. With --reuse those two files
are read as they are and wirelint is not run (to test the scorer on hand-made findings, or to
score again without linting).

A planted spin is found when a finding of any entity-* rule overlaps its span; "right rule" when
a finding overlapping it has the expected rule, "right fix" when the original text is among the
replacements of a finding overlapping it. False findings: every finding of the scored rules on
the clean twins; and, on the spun stories, every finding that overlaps no planted span. Both are
given per 1,000 words (wirelint's word counts). Exit 0; 2 when an input is unreadable or
wirelint cannot be run.
"""
import argparse
import json
import os
import signal
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ENTITY_RULES = ["entity-near-miss", "entity-spun-title", "entity-historical-name", "entity-modifier-contradiction",
                "entity-context-demonym", "entity-malformed-demonym", "entity-office-term", "entity-preferred-name"]


class InputError(Exception):
    pass


def read_jsonl(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(l) for l in f if l.strip()]
    except (OSError, ValueError) as e:
        raise InputError("%s: %s" % (path, e))


def lint(wirelint, corpus, out, rules, data_dir, config=None):
    """`wirelint corpus` on a JSON-lines corpus, findings to `out`; `config`, a configuration
    for every story (thresholds, a house n-gram table)."""
    cmd = [wirelint] + (["--data-dir", data_dir] if data_dir else []) + (["--config", config] if config else [])
    cmd += ["corpus", corpus, "--examples", "0", "--findings", out]
    if rules:
        cmd += ["--only", ",".join(rules)]
    try:
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    except OSError as e:
        raise InputError("%s: %s" % (wirelint, e))
    if r.returncode not in (0, 1):
        raise InputError("%s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr.strip()[-500:]))


def lint_per_file(wirelint, corpus, out, rules, data_dir):
    """For a wirelint without `corpus --findings` (an older build, to compare against): each story
    becomes a file in a folder per date, linted with --format json --date; the findings file is
    written in the same format (word counts are then whitespace-separated tokens)."""
    import shutil
    import tempfile
    tmp = tempfile.mkdtemp(prefix="wirelint-score-")
    try:
        by_date, lines = {}, []
        for i, d in enumerate(read_jsonl(corpus)):
            date = str(d.get("date") or "2025-06-01")[:10]
            folder = os.path.join(tmp, date)
            os.makedirs(folder, exist_ok=True)
            name = "%06d.txt" % i
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(d["body"])
            by_date.setdefault(date, {})[name] = str(d["id"])
            lines.append({"story": str(d["id"]), "words": len(d["body"].split())})
        for date, ids in sorted(by_date.items()):
            cmd = [wirelint] + (["--data-dir", data_dir] if data_dir else []) + ["--format", "json", "--date", date]
            cmd += (["--only", ",".join(rules)] if rules else []) + [os.path.join(tmp, date)]
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if r.returncode not in (0, 1):
                raise InputError("%s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr.strip()[-500:]))
            for fobj in json.loads(r.stdout)["files"]:
                sid = ids[os.path.basename(fobj["path"])]
                for g in fobj["diagnostics"]:
                    lines.append({"story": sid, "rule": g["rule"], "offset": g["offset"], "length": g["length"],
                                  "match": g["match"], "replacements": g.get("replacements", [])})
        with open(out, "w", encoding="utf-8") as f:
            for l in lines:
                f.write(json.dumps(l, ensure_ascii=False) + "\n")
    except OSError as e:
        raise InputError(str(e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_findings(path, rules):
    """({story: words}, {story: [finding]}) from a findings file; findings of other rules than
    the scored ones are dropped (a file made without --only, or by hand)."""
    words, found = {}, {}
    for d in read_jsonl(path):
        sid = str(d.get("story"))
        if "rule" not in d:
            words[sid] = words.get(sid, 0) + int(d.get("words", 0))
        elif not rules or d["rule"] in rules:
            d.setdefault("replacements", [])
            found.setdefault(sid, []).append(d)
    return words, found


def overlaps(f, e):
    return f["offset"] < e["offset"] + e["length"] and e["offset"] < f["offset"] + f["length"]


def context(body, off, length, width=40):
    b = body.encode("utf-8")
    text = (b[max(0, off - width):off].decode("utf-8", "replace") + "[[" + b[off:off + length].decode("utf-8", "replace")
            + "]]" + b[off + length:off + length + width].decode("utf-8", "replace"))
    return text.replace("\n", " ")


def ratio(a, b):
    return a / b if b else 0.0


def main():
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`
    ap = argparse.ArgumentParser(description="Score wirelint on a spin set (recall per class, false findings per 1k words).")
    ap.add_argument("--spin-dir", required=True)
    ap.add_argument("--wirelint", default=os.path.join(ROOT, "build", "src", "wirelint"))
    ap.add_argument("--rules", default=",".join(ENTITY_RULES), help="rules to run and score (comma-separated)")
    ap.add_argument("--all-rules", action="store_true", help="run every rule (no --only) and score them all")
    ap.add_argument("--data-dir")
    ap.add_argument("--reuse", action="store_true", help="score the findings files already in the spin dir; run nothing")
    ap.add_argument("--per-file", action="store_true",
                    help="lint each story as a file with --format json (a build without corpus --findings)")
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    ap.add_argument("--part", choices=("A", "B"),
                    help="score every other story of the set only (A: the 1st, 3rd, ...; B: the 2nd, 4th, ...): "
                         "split a measurement half into a part whose findings may be read (A) and one reported unread (B)")
    ap.add_argument("--show-missed", type=int, default=0, metavar="N")
    ap.add_argument("--show-false", type=int, default=0, metavar="N")
    ap.add_argument("--show-wrong-fix", type=int, default=0, metavar="N",
                    help="list planted spans found with a fix other than the expected one")
    a = ap.parse_args()
    rules = [] if a.all_rules else [r for r in a.rules.split(",") if r]
    d = a.spin_dir
    files = {k: os.path.join(d, k + ".jsonl") for k in ("expected", "spun", "clean")}
    found_files = {k: os.path.join(d, k + ".findings.jsonl") for k in ("spun", "clean")}
    try:
        expected = read_jsonl(files["expected"])
        bodies = {k: {str(s["id"]): s["body"] for s in read_jsonl(files[k])} for k in ("spun", "clean")}
        if not a.reuse:
            for k in ("spun", "clean"):
                (lint_per_file if a.per_file else lint)(a.wirelint, files[k], found_files[k], rules, a.data_dir)
        spun_words, spun_found = read_findings(found_files["spun"], rules)
        clean_words, clean_found = read_findings(found_files["clean"], rules)
        if a.part:
            order = [str(x["id"]) for x in read_jsonl(files["clean"])]
            keep = set(order[0 if a.part == "A" else 1::2])
            expected = [e for e in expected if str(e["story"]) in keep]
            for table in (spun_words, spun_found, clean_words, clean_found):
                for k in [k for k in table if k not in keep]:
                    del table[k]
    except InputError as e:
        print("score.py: %s" % e, file=sys.stderr)
        return 2
    # The rules scored: the ones asked for, or every rule seen.
    rule_rows = rules or sorted({f["rule"] for fs in list(clean_found.values()) + list(spun_found.values()) for f in fs})

    by_class, by_source, missed, wrong_fix, used = {}, {}, [], [], set()
    for e in expected:
        e["story"] = str(e["story"])
        hits = [f for f in spun_found.get(e["story"], []) if f["rule"].startswith("entity-") and overlaps(f, e)]
        for f in spun_found.get(e["story"], []):
            if overlaps(f, e):
                used.add(id(f))
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
        elif not fix_ok:
            wrong_fix.append((e, hits))
    spurious = [(s, f) for s, fs in sorted(spun_found.items()) for f in fs if id(f) not in used]
    clean_false = [(s, f) for s, fs in sorted(clean_found.items()) for f in fs]
    per_rule_clean, per_rule_spun = {}, {}
    for s, f in clean_false:
        per_rule_clean[f["rule"]] = per_rule_clean.get(f["rule"], 0) + 1
    for s, f in spurious:
        per_rule_spun[f["rule"]] = per_rule_spun.get(f["rule"], 0) + 1
    cw, sw = sum(clean_words.values()), sum(spun_words.values())
    ck, sk = cw / 1000.0, sw / 1000.0

    # One table: classes (and their sources), then rules.
    line = "%-30s %8s %8s %8s %10s %10s"
    print(line % ("class / source", "planted", "found", "recall", "right-rule", "right-fix"))
    for key in sorted(by_class):
        n, ok, r, fx = by_class[key]
        print("%-30s %8d %8d %8.3f %10.3f %10.3f" % (key, n, ok, ratio(ok, n), ratio(r, n), ratio(fx, n)))
        for (c, src), (n2, ok2, r2, fx2) in sorted(by_source.items()):
            if c == key:
                print("  %-28s %8d %8d %8.3f %10.3f %10.3f" % (src, n2, ok2, ratio(ok2, n2), ratio(r2, n2), ratio(fx2, n2)))
    tot = [sum(v[i] for v in by_class.values()) for i in range(4)]
    print("%-30s %8d %8d %8.3f %10.3f %10.3f" % ("all classes", tot[0], tot[1], ratio(tot[1], tot[0]),
                                                 ratio(tot[2], tot[0]), ratio(tot[3], tot[0])))
    print("-" * 80)
    print("%-30s %8s %8s %10s %10s" % ("rule (false findings)", "clean", "/1k", "spun-out", "/1k"))
    for r in rule_rows:
        c, s = per_rule_clean.get(r, 0), per_rule_spun.get(r, 0)
        print("%-30s %8d %8.3f %10d %10.3f" % (r, c, ratio(c, ck), s, ratio(s, sk)))
    print("%-30s %8d %8.3f %10d %10.3f" % ("all scored rules", len(clean_false), ratio(len(clean_false), ck),
                                           len(spurious), ratio(len(spurious), sk)))
    print("(%d clean stories, %d words; %d spun stories, %d words; spun-out = findings on the spun "
          "stories outside every planted span)" % (len(clean_words), cw, len(spun_words), sw))

    if a.show_missed:
        print("\nmissed (%d):" % len(missed))
        for e in missed[:a.show_missed]:
            body = bodies["spun"].get(e["story"], "")
            print("  [%s] %s/%s: %r <- %r  %s" % (e["story"], e["class"], e["source"], e["match"], e["expected"],
                                                 context(body, e["offset"], e["length"])))
    if a.show_wrong_fix:
        print("\nfound with another fix (%d):" % len(wrong_fix))
        for e, hits in wrong_fix[:a.show_wrong_fix]:
            body = bodies["spun"].get(e["story"], "")
            print("  [%s] %s/%s: %r <- %r, offered %r  %s" % (e["story"], e["class"], e["source"], e["match"],
                                                              e["expected"], hits[0]["replacements"][:3],
                                                              context(body, e["offset"], e["length"])))
    if a.show_false:
        for title, items, which in (("false findings on the clean twins", clean_false, "clean"),
                                    ("findings on the spun stories outside planted spans", spurious, "spun")):
            print("\n%s (%d):" % (title, len(items)))
            for s, f in items[:a.show_false]:
                body = bodies[which].get(s, "")
                print("  [%s] %s: %r -> %r  %s" % (s, f["rule"], f.get("match", ""), (f["replacements"] or [""])[0],
                                                  context(body, f["offset"], f["length"])))
    if a.json:
        keys = ["planted", "found", "right_rule", "right_fix"]

        def rec(v):
            out = dict(zip(keys, v))
            out.update(recall=ratio(v[1], v[0]), right_rule_rate=ratio(v[2], v[0]), right_fix_rate=ratio(v[3], v[0]))
            return out
        try:
            with open(a.json, "w", encoding="utf-8") as f:
                json.dump({"spin_dir": d, "rules": rule_rows,
                           "classes": {k: rec(v) for k, v in sorted(by_class.items())},
                           "sources": {"%s/%s" % k: rec(v) for k, v in sorted(by_source.items())},
                           "all": rec(tot),
                           "clean_stories": len(clean_words), "clean_words": cw,
                           "spun_stories": len(spun_words), "spun_words": sw,
                           "clean_findings": {r: per_rule_clean.get(r, 0) for r in rule_rows},
                           "clean_per_1k": {r: ratio(per_rule_clean.get(r, 0), ck) for r in rule_rows},
                           "clean_findings_total": len(clean_false), "clean_per_1k_total": ratio(len(clean_false), ck),
                           "spun_outside": {r: per_rule_spun.get(r, 0) for r in rule_rows},
                           "spun_outside_per_1k": {r: ratio(per_rule_spun.get(r, 0), sk) for r in rule_rows},
                           "spun_outside_total": len(spurious), "spun_outside_per_1k_total": ratio(len(spurious), sk)},
                          f, indent=1)
                f.write("\n")
        except OSError as e:
            print("score.py: %s" % e, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
