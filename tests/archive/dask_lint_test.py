#!/usr/bin/env python3
"""tools/archive/dask_lint.py: shard cuts, and a local Dask cluster linting a made-up archive
with output byte for byte equal to one `wirelint batch` process (findings, error lines, line
numbers, exit code).

  python3 tests/archive/dask_lint_test.py path/to/wirelint
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from dask_python import dask_python  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "archive", "dask_lint.py")
sys.path.insert(0, os.path.dirname(TOOL))
import dask_lint  # noqa: E402

failures = []


def check(what, got, want):
    if got != want:
        failures.append(what)
        print(f"FAIL {what}: got {got!r}, want {want!r}")
    else:
        print(f"ok   {what}")


def run(cmd, python=None):
    p = subprocess.run(([python] if python else []) + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr


def write_archive(tmp):
    """60 stories of different lengths, some with a spaced abbreviation, a blank line and two
    lines that are no story."""
    path = os.path.join(tmp, "archive.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(60):
            body = "The talks went on. " * ((i * 7) % 11) + ("The U. S. agreed." if i % 4 == 0 else "Nothing.")
            f.write(json.dumps({"id": f"s{i}", "date": "2024-03-0%d" % (1 + i % 9), "text": body}) + "\n")
            if i == 20:
                f.write("\n")
            if i == 41:
                f.write("not a story\n")
        f.write(json.dumps({"id": "last", "body": "The U. N. met."}))  # no final newline
    return path


def test_bounds(path):
    data = open(path, "rb").read()
    for shards in (1, 2, 5, 64, 1000):
        bounds = dask_lint.shard_bounds(path, shards)
        pieces = b"".join(data[s:e] for s, e, _ in bounds)
        check(f"{shards} shards cover the file exactly", pieces, data)
        ok = all(s == 0 or data[s - 1:s] == b"\n" for s, _, _ in bounds)
        check(f"{shards} shards start after a line break", ok, True)
        lines = all(first == data[:s].count(b"\n") + 1 for s, _, first in bounds)
        check(f"{shards} shards know their first line", lines, True)
    empty = os.path.join(os.path.dirname(path), "empty.jsonl")
    open(empty, "wb").close()
    check("an empty file is one empty shard", dask_lint.shard_bounds(empty, 4), [(0, 0, 1)])


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    wirelint = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="dask-lint-test-") as tmp:
        archive = write_archive(tmp)
        test_bounds(archive)
        extra = ["--only", "typography-spaced-abbreviation"]
        code1, out1, err1 = run([wirelint] + extra + ["batch", archive])
        check("one process: exit 2 (a line is no story)", code1, 2)
        check("one process: 62 output lines", out1.count(b"\n"), 62)
        check("one process: the bad line named", err1.decode(), f"wirelint: {archive}:44: not a JSON object\n")
        py = dask_python()
        if not py:
            print("dask_lint_test: SKIP dask part: `import distributed` fails (apt-get install python3-distributed)")
        else:
            out = os.path.join(tmp, "dask.jsonl")
            code, _, err = run([TOOL, archive, "--wirelint", wirelint, "--shards", "5", "--out", out, "--"] + extra,
                               python=py)
            check("dask: exit code as one process", code, code1)
            check("dask: output == one process (bytes)", open(out, "rb").read(), out1)
            check("dask: errors as one process", err.decode().count("not a JSON object"), 1)
        code, _, err = run([TOOL, os.path.join(tmp, "missing.jsonl"), "--wirelint", wirelint], python=py)
        check("missing archive: exit 2", code, 2)
        check("missing archive: one line naming it", err.decode().strip().endswith("missing.jsonl: No such file or directory"), True)
    print(f"dask_lint_test: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
