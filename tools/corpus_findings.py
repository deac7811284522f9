"""Run `wirelint corpus` on a JSON-lines corpus and read back its findings (shared by the tools
that learn from or measure on the spelling rule's findings)."""
import json
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
