"""Helpers for the tools that learn from the derivation half of the corpora: run `wirelint corpus`
and read back its findings, build the Factbook corpus, read the derivation half, write or check a
generated file."""
import json
import os
import subprocess
import sys


def corpus_findings(wirelint, corpus, findings, part="all", only=None, data_dir=None, who="wirelint"):
    """The findings (dicts as `--findings` writes them, story rows left out) of `only` (a rule id,
    or every rule) on the `part` of `corpus`; `findings` is the file they pass through."""
    cmd = [wirelint] + (["--data-dir", data_dir] if data_dir else []) + [
        "corpus", corpus, "--part", part, "--examples", "0", "--findings", findings]
    if only:
        cmd += ["--only", only]
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode not in (0, 1):
        sys.exit("%s: %s failed (%d): %s" % (who, " ".join(cmd), r.returncode, r.stderr.strip()[-400:]))
    with open(findings, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [d for d in rows if "rule" in d and (only is None or d["rule"] == only)]


def factbook_corpus(root, factbook, out, who):
    """Writes the Factbook's country profiles as a JSON-lines corpus to `out`
    (tools/spin/factbook_corpus.py) and returns `out`."""
    r = subprocess.run([sys.executable, os.path.join(root, "tools", "spin", "factbook_corpus.py"),
                        "--factbook", factbook, "--out", out], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("%s: factbook_corpus.py failed: %s" % (who, r.stderr.strip()[-400:]))
    return out


def derivation_bodies(corpus):
    """The story bodies of the derivation half (even 0-based positions) of a JSON-lines corpus."""
    with open(corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 2 == 0 and line.strip():
                yield json.loads(line)["body"]


def write_or_check(path, text, check, who):
    """Writes a generated file, or with `check` compares it: 1 (and a message) when it differs."""
    if check:
        try:
            with open(path, encoding="utf-8") as f:
                same = f.read() == text
        except OSError:
            same = False
        if not same:
            print("%s: %s is out of date with its sources; regenerate it" % (who, path), file=sys.stderr)
            return 1
        return 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return 0
