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


def write_generated(path, text, check, who):
    """write_or_check for a generated list whose header holds a "# Rows: ..." line, which is
    printed when the file is written."""
    status = write_or_check(path, text, check, who)
    if not check:
        print("%s: %s" % (who, next(line[2:] for line in text.splitlines() if line.startswith("# Rows:"))))
    return status


def planter_arguments(ap, root, work, limit):
    """The arguments of the planters (tools/spin/plant_*.py): the corpus and its part, the seed,
    how many stories and plants a story, the binary, the work folder, how many misses to list."""
    ap.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpora", "reuters-21578", "dev.jsonl"))
    ap.add_argument("--part", choices=["even", "odd", "all"], default="odd")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=limit, help="stories to use")
    ap.add_argument("--per-story", type=int, default=2)
    ap.add_argument("--wirelint", default=os.path.join(root, "build", "src", "wirelint"))
    ap.add_argument("--work", default=os.path.join(root, "build", "spin", work))
    ap.add_argument("--show-missed", type=int, default=0)


def part_stories(corpus, part, limit):
    """The first `limit` stories of the `part` (even, odd or all 0-based positions) of a corpus."""
    with open(corpus, encoding="utf-8") as f:
        stories = [json.loads(line) for line in f if line.strip()]
    return [s for i, s in enumerate(stories) if part == "all" or i % 2 == (0 if part == "even" else 1)][:limit]


def write_planted(work, stories):
    """Writes the planted stories as JSON lines into `work`; returns the file's path."""
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "planted.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for s in stories:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    return path


def far_apart(spots, per_story, make, gap=40):
    """At most `per_story` of the regex matches `spots` (in their order), each at least `gap`
    characters from those already taken, so that one finding never covers two plants, with what
    `make(match)` returns for it (a match it returns None for is passed over); sorted by
    position, as (match, made) pairs."""
    chosen = []
    for m in spots:
        if len(chosen) == per_story:
            break
        if any(abs(m.start() - c.start()) < gap for c, _ in chosen):
            continue
        made = make(m)
        if made is not None:
            chosen.append((m, made))
    return sorted(chosen, key=lambda c: c[0].start())


def plant_spots(stories, find, make, per_story, rng):
    """The planters' common loop: in each story, the regex matches `find(body)` returns, shuffled
    with `rng`, at most `per_story` far apart (far_apart, with `make` giving each one's new text),
    spliced in. Returns the stories with plants and, per plant, (story id, match, new text, byte
    offset in the planted story, the story's original body)."""
    out, placed = [], []
    for story in stories:
        body = story["body"]
        spots = find(body)
        rng.shuffle(spots)
        chosen = far_apart(spots, per_story, make)
        text, offsets = splice(body, [(m.start(), m.end(), new) for m, new in chosen])
        placed.extend((str(story["id"]), m, new, offset, body) for (m, new), offset in zip(chosen, offsets))
        if chosen:
            out.append(dict(story, body=text))
    return out, placed


def splice(body, edits):
    """`body` with each edit (start, end, new text; in order, not overlapping) made, and the byte
    offset in the result of each new text."""
    pieces, offsets, last = [], [], 0
    for start, end, new in edits:
        pieces.append(body[last:start])
        offsets.append(len("".join(pieces).encode("utf-8")))
        pieces.append(new)
        last = end
    pieces.append(body[last:])
    return "".join(pieces), offsets


def score_plants(a, rule, planted, plants, classes, who):
    """Lints the planted stories with `rule` alone and prints how many plants of each class (and
    of all) a finding covers exactly, and how many it offers the text as it was for first; then
    the first `a.show_missed` missed plants. `plants`: (story, offset, length, original, class)."""
    corpus = write_planted(a.work, planted)
    found = {(d["story"], d["offset"], d["length"]): d.get("replacements", [])
             for d in corpus_findings(a.wirelint, corpus, os.path.join(a.work, "findings.jsonl"), only=rule, who=who)}
    rows = {cls: [0, 0, 0] for cls in classes}
    missed = []
    for story, offset, length, original, cls in plants:
        hit = found.get((story, offset, length))
        rows[cls][0] += 1
        rows[cls][1] += hit is not None
        rows[cls][2] += bool(hit) and hit[0] == original
        if hit is None:
            missed.append((cls, original))
    print("%d plants in %d stories (%s part of %s)" % (len(plants), len(planted), a.part, os.path.basename(a.corpus)))
    print("%-8s %6s %8s %10s" % ("class", "plants", "caught", "right fix"))
    for cls in list(classes) + ["all"]:
        n, c, r = [sum(v[k] for v in rows.values()) for k in range(3)] if cls == "all" else rows[cls]
        print("%-8s %6d %7.1f%% %9.1f%%" % (cls, n, 100.0 * c / max(n, 1), 100.0 * r / max(n, 1)))
    for cls, original in missed[:a.show_missed]:
        print("  %-6s %s" % (cls, original))
