#!/usr/bin/env python3
"""The n-gram table build of tools/ngrams/ngrams.py with its map step on a Dask cluster: each
shard's `count` runs as a task on a local dask.distributed cluster (two single-threaded worker
processes), then the merge and table steps run here. The table is byte for byte the one
`ngrams.py build` writes for the same arguments; the point is the shape, so that a newsroom with
a large archive can point the same tasks at a real cluster (--scheduler ADDRESS).

  python3 tools/ngrams/dask_build.py [ngrams.py build options] SOURCE... --out TABLE.tsv
          [--workers 2] [--scheduler tcp://HOST:8786]

Needs Dask (Debian: apt-get install python3-distributed; scripts/setup.sh installs it).
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import dask_cluster  # noqa: E402
import ngrams  # noqa: E402


def count_task(paths, factbook, part, i, n, out):
    """One map task: count shard I of N into out; returns out. The paths are absolute so that a
    worker with another working directory reads the same files."""
    ngrams.count(paths, factbook, part, (i, n), out)
    return out


def dask_counter(client, paths, factbook, part):
    """A count_parts callback for ngrams.build that runs every shard as a task and waits for all."""
    paths = [os.path.abspath(p) for p in paths]
    factbook = os.path.abspath(factbook) if factbook else None

    def run(jobs):
        futures = [client.submit(count_task, paths, factbook, part, i, n, out, pure=False) for i, n, out in jobs]
        client.gather(futures)
    return run


def main(argv=None):
    ap = argparse.ArgumentParser(description="ngrams.py build with the count tasks on a Dask cluster.")
    ngrams.add_build_args(ap)
    ap.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler instead of a local cluster")
    a = ap.parse_args(argv)
    try:
        with dask_cluster.client(a.workers, a.scheduler) as client:
            stats = ngrams.build(a.sources, a.factbook, a.part, a.shards, a.out, a.min_count, a.min_count_3,
                                 a.keep_counts,
                                 count_parts=dask_counter(client, a.sources, a.factbook, a.part))
    except dask_cluster.DaskMissing as e:
        print("dask_build.py: %s" % e, file=sys.stderr)
        return 2
    except (ngrams.CountsError, OSError) as e:
        print("dask_build.py: %s" % e, file=sys.stderr)
        return 2
    ngrams.print_stats(stats, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
