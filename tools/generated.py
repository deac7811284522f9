"""Writing the files a generator under tools/ makes, or checking them (--check), one way for all;
reading the TSV files they read."""

import csv
import sys


def read_tsv(path):
    """The rows of a TSV file with '#' comment lines and a header, as dicts by column name."""
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_or_check(tool, texts, check, command):
    """texts: path -> the text the generator makes of its sources. With `check`, compares each
    file and returns 1 (naming the stale files and `command`) when one differs, else writes the
    files that changed; 0 otherwise. An unreadable file raises OSError."""
    stale = []
    for path, text in texts.items():
        try:
            with open(path, encoding="utf-8") as f:
                same = f.read() == text
        except FileNotFoundError:
            if check:
                raise
            same = False
        if same:
            continue
        if check:
            stale.append(path)
            continue
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    if stale:
        print("%s: %s out of date with its sources; run %s" % (tool, ", ".join(stale), command), file=sys.stderr)
        return 1
    return 0


class BadData(Exception):
    """A source that cannot be trusted: the generator fails (exit 3) naming the file and the problem."""


def run(tool, body):
    """Runs a generator's `body` (returning its exit status) with the exit statuses every
    generator shares: 2 when a file cannot be read, 3 on bad source data, each with one line."""
    try:
        return body()
    except BadData as e:
        print("%s: %s" % (tool, e), file=sys.stderr)
        return 3
    except (OSError, ValueError) as e:
        print("%s: %s" % (tool, e), file=sys.stderr)
        return 2


def factbook_parser(doc, default_factbook):
    """The command line of a generator reading the Factbook: FACTBOOK_DIR and --check."""
    import argparse
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("factbook", nargs="?", default=default_factbook)
    ap.add_argument("--check", action="store_true", help="exit 1 when a written file is out of date")
    return ap
