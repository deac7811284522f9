#!/usr/bin/env python3
"""Lint a JSON-lines archive with `wirelint batch` on a Dask cluster: the archive is cut into
shards at line boundaries, each shard is one task that runs the binary on its byte range (with
the archive's own line numbers, `--first-line`), and the shards' outputs are written in order.
The output is byte for byte what one `wirelint batch ARCHIVE` process writes; the exit code is
the worst of the shards' (2 input errors, 1 findings at the fail level, 0 clean).

  python3 tools/archive/dask_lint.py ARCHIVE.jsonl --wirelint build/src/wirelint
          [--out FINDINGS.jsonl] [--shards 8] [--workers 2] [--scheduler tcp://HOST:8786]
          [-- extra wirelint options, e.g. --date 2024-01-01 --only spelling-unknown-word]

Every worker must see ARCHIVE and the binary at the same paths (a shared file system, or the
same machine for the local cluster). Needs Dask (Debian: apt-get install python3-distributed;
scripts/setup.sh installs it).
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import dask_cluster  # noqa: E402


def shard_bounds(path, shards):
    """[(start, end, first_line)]: byte ranges that cut the file only after a '\\n', with the
    number of the first line of each range. Fewer ranges than asked when the file is short."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as f:
        for i in range(1, shards):
            target = max(size * i // shards, cuts[-1])
            f.seek(target)
            if target > 0:
                f.readline()  # to the end of the line the cut fell in
            pos = f.tell()
            if pos >= size:
                break
            if pos > cuts[-1]:
                cuts.append(pos)
    cuts.append(size)
    bounds = []
    line = 1
    with open(path, "rb") as f:
        for start, end in zip(cuts, cuts[1:]):
            bounds.append((start, end, line))
            f.seek(start)
            line += f.read(end - start).count(b"\n")
    return bounds


def lint_shard(wirelint, path, name, start, end, first_line, extra):
    """One task: the shard's bytes through `wirelint batch -`, errors naming the archive as
    `name`; returns (exit code, out, err)."""
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    cmd = [wirelint] + extra + ["--stdin-filename", name, "batch", "-", "--first-line", str(first_line)]
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr


def worst(codes):
    if any(c not in (0, 1) for c in codes):
        return 2
    return 1 if 1 in codes else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description="wirelint batch over a JSON-lines archive on a Dask cluster.")
    ap.add_argument("archive")
    ap.add_argument("--wirelint", required=True, help="the wirelint binary")
    ap.add_argument("--out", help="write the findings here (default standard output)")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler instead of a local cluster")
    ap.epilog = "Options after -- go to wirelint, before 'batch'."
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    a = ap.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    a.extra = extra
    if a.shards < 1:
        print("dask_lint.py: --shards must be at least 1", file=sys.stderr)
        return 2
    try:
        bounds = shard_bounds(a.archive, a.shards)
    except OSError as e:
        print(f"dask_lint.py: {a.archive}: {e.strerror}", file=sys.stderr)
        return 2
    wirelint = os.path.abspath(a.wirelint)
    archive = os.path.abspath(a.archive)
    try:
        with dask_cluster.client(a.workers, a.scheduler) as client:
            futures = [client.submit(lint_shard, wirelint, archive, a.archive, s, e, first, a.extra, pure=False)
                       for s, e, first in bounds]
            results = client.gather(futures)
    except dask_cluster.DaskMissing as e:
        print(f"dask_lint.py: {e}", file=sys.stderr)
        return 2
    out = open(a.out, "wb") if a.out else sys.stdout.buffer
    try:
        for _, stdout, _ in results:
            out.write(stdout)
    finally:
        if a.out:
            out.close()
    for _, _, stderr in results:
        sys.stderr.buffer.write(stderr)
    return worst([code for code, _, _ in results])


if __name__ == "__main__":
    sys.exit(main())
