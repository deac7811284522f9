#!/usr/bin/env python3
"""Load test for `wirelint serve`: loopback only, bounded.

Starts the given wirelint binary on a free 127.0.0.1 port, then for each concurrency level
(1, 8 and 64 clients by default) sends a fixed number of POST /v2/check requests, one story
each (samples/spun-story.txt), over keep-alive connections, and prints requests per second,
latency percentiles, the statuses seen (503 = the server's concurrency or time limit), and
the server's peak resident memory (VmHWM). Ends the server with SIGTERM and checks exit 0.

    python3 bench/server_load.py build/src/wirelint [--requests 400] [--levels 1,8,64]
                                 [-- extra serve options, e.g. --max-concurrent 2]
"""
import argparse
import collections
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(binary, extra):
    proc = subprocess.Popen([binary, "serve", "--port", "0", *extra], stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        proc.kill()
        sys.exit("server did not start: " + line)
    threading.Thread(target=proc.stderr.read, daemon=True).start()  # drain
    return proc, int(m.group(1))


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def run_level(port, body, clients, total):
    latencies, statuses, lock = [], collections.Counter(), threading.Lock()
    per_client = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]

    def client(n):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        for _ in range(n):
            t = time.perf_counter()
            try:
                conn.request("POST", "/v2/check", body, headers)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = "error"
            dt = time.perf_counter() - t
            with lock:
                latencies.append(dt)
                statuses[status] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in per_client if n]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    return total / elapsed, pct(50), pct(90), pct(99), latencies[-1] * 1000, dict(statuses)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--requests", type=int, default=400, help="requests per level (default 400)")
    ap.add_argument("--levels", default="1,8,64")
    ap.add_argument("--story", default=os.path.join(ROOT, "samples", "spun-story.txt"))
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = ap.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    args.serve_options = extra
    with open(args.story, encoding="utf-8") as f:
        body = urllib.parse.urlencode({"language": "en-US", "text": f.read()})
    proc, port = start(args.binary, args.serve_options)
    try:
        print(f"story {args.story} ({len(body)} bytes form), {args.requests} requests per level, "
              f"serve options {args.serve_options or 'default'}")
        print(f"{'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}  statuses")
        for level in [int(x) for x in args.levels.split(",")]:
            rps, p50, p90, p99, mx, statuses = run_level(port, body, level, args.requests)
            print(f"{level:>7} {rps:>8.1f} {p50:>8.1f} {p90:>8.1f} {p99:>8.1f} {mx:>8.1f}  {statuses}")
        print(f"server peak RSS (VmHWM): {peak_rss_mib(proc.pid):.1f} MiB")
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
        print(f"exit code after SIGTERM: {code}")
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
