#!/usr/bin/env python3
"""Scores wirelint on the collocation spinner's output (tools/spin/spin_phrases.py): recall per
class (found, fixed) on the spun stories and false findings per 1,000 words on the clean twins.

  python3 tools/spin/score_phrases.py --spin-dir DIR [--wirelint build/src/wirelint]
          [--rule phrase-collocation[,OTHER]] [--per-file] [--reuse] [--show-missed N] [--show-false N]

Lints DIR/spun.jsonl and DIR/clean.jsonl with tools/spin/score.py's runners (by default
`wirelint corpus FILE --findings OUT --only RULES`, each story at its own date; with --per-file
every story as a file under `wirelint --format json --date DATE`, for a build without
`corpus --findings`), into DIR/spun.findings.jsonl and DIR/clean.findings.jsonl. A spin is found
when a finding of a scored rule overlaps its span, fixed when such a finding's first replacement
is the expected (original) text. Exit 0; 2 when an input is unreadable or wirelint fails.
"""
import argparse
import os
import re
import signal
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "spin"))
from score import InputError, context, lint, lint_per_file, overlaps, ratio, read_findings, read_jsonl  # noqa: E402


def recall(expected, found):
    """({class: [planted, found, fixed]}, [missed expected rows]) of the planted spins."""
    table, missed = {}, []
    for e in expected:
        hits = [f for f in found.get(str(e["story"]), []) if overlaps(f, e)]
        fixed = any(f["replacements"][:1] == [e["expected"]] for f in hits)
        for key in (e["class"], "all classes"):
            row = table.setdefault(key, [0, 0, 0])
            row[0] += 1
            row[1] += bool(hits)
            row[2] += fixed
        if not hits:
            missed.append(e)
    return table, missed


def print_report(table, clean_found, clean_words, rules):
    """The recall table, then false findings on the clean twins per rule."""
    print("%-14s %8s %8s %8s %8s %8s" % ("class", "planted", "found", "recall", "fixed", "fix-rate"))
    for key in sorted(k for k in table if k != "all classes") + ["all classes"]:
        if key in table:
            n, ok, fx = table[key]
            print("%-14s %8d %8d %8.3f %8d %8.3f" % (key, n, ok, ratio(ok, n), fx, ratio(fx, n)))
    words = sum(clean_words.values())
    print("-" * 60)
    print("%-30s %8s %10s" % ("rule (false, clean twins)", "findings", "per 1k"))
    per_rule = {}
    for fs in clean_found.values():
        for f in fs:
            per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
    for r in rules:
        print("%-30s %8d %10.3f" % (r, per_rule.get(r, 0), ratio(per_rule.get(r, 0), words / 1000.0)))
    print("(%d clean stories, %d words)" % (len(clean_words), words))


SCORE = re.compile(r"\(score (-?\d+)\)")


def sweep(a, rules, d, expected):
    """Recall per class and false findings per 1,000 clean words at each least score."""
    low, high, step = (int(x) for x in a.sweep.split(":"))
    if len(rules) != 1:
        raise InputError("--sweep scores one rule")
    # A set's own configuration (a cross-fit fold's table, tools/spin/crossfit.py) stays in force.
    own = os.path.join(d, "config.toml")
    config = os.path.join(d, "sweep.toml")
    with open(config, "w", encoding="utf-8") as f:
        if os.path.exists(own):
            with open(own, encoding="utf-8") as g:
                f.write(g.read().rstrip("\n") + "\n")
        f.write('[thresholds]\n"%s" = -100000\n' % rules[0])
    found = {}
    for k in ("spun", "clean"):
        out = os.path.join(d, k + ".sweep.jsonl")
        lint(a.wirelint, os.path.join(d, k + ".jsonl"), out, rules, a.data_dir, config)
        found[k] = read_findings(out, rules)
    def score(f):
        m = SCORE.search(f.get("message", ""))
        if not m:
            raise InputError("rule %s shows no (score N) in its message" % rules[0])
        return int(m.group(1))
    classes = sorted({e["class"] for e in expected})
    print("%6s %s %9s %8s" % ("least", " ".join("%10s" % c for c in classes + ["all"]), "false", "per 1k"))
    clean_words = found["clean"][0]
    for t in range(low, high + 1, step):
        kept = {s: [f for f in fs if score(f) >= t] for s, fs in found["spun"][1].items()}
        table, _ = recall(expected, kept)
        false = sum(1 for fs in found["clean"][1].values() for f in fs if score(f) >= t)
        words = sum(clean_words.values())
        print("%6d %s %9d %8.3f" % (t, " ".join("%10.3f" % ratio(table[c][1], table[c][0]) for c in classes + ["all classes"]),
                                     false, 1000.0 * false / max(words, 1)))
    return 0


def show(title, items, bodies, limit, fmt):
    print("\n%s (%d):" % (title, len(items)))
    for it in items[:limit]:
        print("  " + fmt(it, bodies))


def main():
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description="Score wirelint on a collocation spin set.")
    ap.add_argument("--spin-dir", required=True)
    ap.add_argument("--wirelint", default=os.path.join(ROOT, "build", "src", "wirelint"))
    ap.add_argument("--rule", default="phrase-collocation", help="rule ids to run and score (comma-separated)")
    ap.add_argument("--data-dir")
    ap.add_argument("--per-file", action="store_true", help="lint each story as a file with --format json")
    ap.add_argument("--reuse", action="store_true", help="score the findings files already in the spin dir")
    ap.add_argument("--show-missed", type=int, default=0, metavar="N")
    ap.add_argument("--show-false", type=int, default=0, metavar="N")
    ap.add_argument("--sweep", metavar="LOW:HIGH:STEP",
                    help="a scored rule (one --rule) at each least score from LOW to HIGH: its findings are "
                         "linted once with every candidate kept and read by the score in their message")
    a = ap.parse_args()
    rules = [r for r in a.rule.split(",") if r]
    d = a.spin_dir
    try:
        expected = read_jsonl(os.path.join(d, "expected.jsonl"))
        bodies = {k: {str(s["id"]): s["body"] for s in read_jsonl(os.path.join(d, k + ".jsonl"))} for k in ("spun", "clean")}
        if a.sweep:
            return sweep(a, rules, d, expected)
        # A set's own configuration (a cross-fit fold's or a smaller table, config.toml) is used.
        own = os.path.join(d, "config.toml")
        own = own if os.path.exists(own) else None
        for k in ("spun", "clean"):
            if a.reuse:
                continue
            if a.per_file:
                lint_per_file(a.wirelint, os.path.join(d, k + ".jsonl"), os.path.join(d, k + ".findings.jsonl"), rules,
                              a.data_dir)
            else:
                lint(a.wirelint, os.path.join(d, k + ".jsonl"), os.path.join(d, k + ".findings.jsonl"), rules, a.data_dir,
                     own)
        _, spun_found = read_findings(os.path.join(d, "spun.findings.jsonl"), rules)
        clean_words, clean_found = read_findings(os.path.join(d, "clean.findings.jsonl"), rules)
    except InputError as e:
        print("score_phrases.py: %s" % e, file=sys.stderr)
        return 2
    table, missed = recall(expected, spun_found)
    print_report(table, clean_found, clean_words, rules)
    if a.show_missed:
        show("missed", missed, bodies, a.show_missed, lambda e, b: "[%s] %s/%s: %r <- %r  %s" % (
            e["story"], e["class"], e["source"], e["match"], e["expected"],
            context(b["spun"].get(str(e["story"]), ""), e["offset"], e["length"])))
    if a.show_false:
        items = [(s, f) for s, fs in sorted(clean_found.items()) for f in fs]
        show("false findings on the clean twins", items, bodies, a.show_false, lambda it, b: "[%s] %s: %r -> %r  %s" % (
            it[0], it[1]["rule"], it[1].get("match", ""), (it[1]["replacements"] or [""])[0],
            context(b["clean"].get(it[0], ""), it[1]["offset"], it[1]["length"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
