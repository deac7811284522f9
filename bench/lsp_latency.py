#!/usr/bin/env python3
"""How long `wirelint lsp` takes to answer a request while it lints a large buffer: opens a
document of SIZE megabytes (wire-like sentences), sends a codeAction request right after, and
prints the request's answer time and the time until the document's findings are published.

  python3 bench/lsp_latency.py [--wirelint build/src/wirelint] [--mb 1 5 20]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def receive(stream):
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        c = stream.read(1)
        if not c:
            raise EOFError("the server closed its output")
        header += c
    length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    return json.loads(stream.read(length))


def measure(wirelint, megabytes, folder):
    line = "Officials in the capital said on Tuesday that talks with the U. S. would go on this week.\n"
    text = line * max(1, int(megabytes * 1e6 / len(line)))
    uri = "file://" + os.path.join(folder, "long.txt")
    p = subprocess.Popen([wirelint, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, cwd=folder)
    send = lambda m: (p.stdin.write(frame(m)), p.stdin.flush())
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    receive(p.stdout)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
    start = time.monotonic()
    send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction",
          "params": {"textDocument": {"uri": uri},
                     "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                     "context": {"diagnostics": []}}})
    answer = published = None
    while answer is None or published is None:
        m = receive(p.stdout)
        now = time.monotonic() - start
        if m.get("id") == 2:
            answer = now
        elif m.get("method") == "textDocument/publishDiagnostics":
            published = now
            findings = len(m["params"]["diagnostics"])
    send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
    receive(p.stdout)
    send({"jsonrpc": "2.0", "method": "exit"})
    p.wait()
    return len(text), answer, published, findings


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wirelint", default="build/src/wirelint")
    ap.add_argument("--mb", type=float, nargs="+", default=[1, 5, 20])
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="wirelint-lsp-") as folder:
        open(os.path.join(folder, ".wirelint.toml"), "w").close()
        print("bytes\tanswer_ms\tpublished_s\tfindings")
        for mb in a.mb:
            size, answer, published, findings = measure(os.path.abspath(a.wirelint), mb, folder)
            print(f"{size}\t{answer * 1000:.1f}\t{published:.2f}\t{findings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
