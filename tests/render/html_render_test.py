#!/usr/bin/env python3
"""`wirelint --format html` rendered by a real browser (headless Chromium from Debian).

Writes two short stories of its own (one with CRLF line ends, curly quotes, <, > and &), runs
wirelint on them with `--format json` and `--format html`, loads the page in headless Chromium
and reads back the DOM the browser built (`--dump-dom`). It checks, per story:
  - the text of the <pre> as the browser parsed it is the story itself (CRLF and lone CR as LF),
    so no byte was lost, doubled or left unescaped;
  - for every finding of the json report, the text of the marks that name its id is exactly its
    match, and the hover title of the mark starts "rule (severity): message";
  - the summary table has one row per file, rule and severity with the right count;
and that a screenshot of the page is a non-empty PNG.

Exit 0 on success, 1 on a failed check, 77 (ctest's skip) when no Chromium is installed.
usage: html_render_test.py WIRELINT
"""
import collections
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

STORIES = {
    "wire.txt": "\u201cWe are ready,\u201d officials in the U. S. said on Tuesday, and the the talks\n"
                "would resume. The envoy said the <draft> text & its 'annex' were \u201cclose.\u201d\n",
    "crlf.txt": "Talks resumed in the U. S. on Monday.\r\nThe the envoy said so.\r\n",
}
# The findings the stories must give (guards against a page that is right because it is empty).
EXPECTED_RULES = {
    "wire.txt": ["typography-spaced-abbreviation", "typography-doubled-word"],
    "crlf.txt": ["typography-spaced-abbreviation", "typography-doubled-word"],
}


def find_browser():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class PageReader(html.parser.HTMLParser):
    """Collects each story's text, the marks inside it and the summary table's rows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stories = []  # [{"text": str, "marks": {id: [text, ...]}, "titles": {id: [title, ...]}}]
        self.rows = []
        self._in_story = False
        self._mark = None  # (ids, title) of the open mark
        self._row = None
        self._cell = None
        self._in_summary = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "pre" and a.get("class") == "story":
            self._in_story = True
            self.stories.append({"text": "", "marks": collections.defaultdict(str),
                                 "titles": collections.defaultdict(list)})
        elif tag == "mark" and self._in_story:
            ids = a.get("data-findings", "").split()
            self._mark = ids
            for i in ids:
                self.stories[-1]["titles"][i].append(a.get("title", ""))
                self.stories[-1]["marks"][i] += ""
        elif tag == "table" and a.get("class") == "summary":
            self._in_summary = True
        elif tag == "tr" and self._in_summary:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "pre":
            self._in_story = False
        elif tag == "mark":
            self._mark = None
        elif tag == "table":
            self._in_summary = False
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._in_story:
            self.stories[-1]["text"] += data
            for i in self._mark or []:
                self.stories[-1]["marks"][i] += data
        if self._cell is not None:
            self._cell += data


def lf(s):
    return s.replace("\r\n", "\n").replace("\r", "\n")


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    wirelint = os.path.abspath(sys.argv[1])
    browser = find_browser()
    if not browser:
        print("html_render_test: no Chromium installed: skipped", file=sys.stderr)
        return 77
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory(prefix="wirelint-render-") as tmp:
        names = list(STORIES)
        for name, text in STORIES.items():
            with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
        args = [wirelint, "--date", "2024-05-01", "--fail-level", "error"]
        report = json.loads(subprocess.run(args + ["--format", "json"] + names, cwd=tmp, check=True,
                                           capture_output=True, text=True).stdout)
        page = os.path.join(tmp, "report.html")
        with open(page, "wb") as out:
            subprocess.run(args + ["--format", "html"] + names, cwd=tmp, check=True, stdout=out)

        chrome = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--no-first-run", "--user-data-dir=" + os.path.join(tmp, "profile")]
        dom = subprocess.run(chrome + ["--dump-dom", "file://" + page], capture_output=True,
                             text=True, timeout=120).stdout
        shot = os.path.join(tmp, "page.png")
        subprocess.run(chrome + ["--window-size=1000,1200", "--screenshot=" + shot, "file://" + page],
                       capture_output=True, timeout=120)
        with open(shot, "rb") if os.path.exists(shot) else open(os.devnull, "rb") as f:
            png = f.read()
        check(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10000,
              "screenshot: not a PNG of a rendered page (%d bytes)" % len(png))

    reader = PageReader()
    reader.feed(dom)
    check(len(reader.stories) == len(names), "%d stories in the DOM, expected %d" % (len(reader.stories), len(names)))
    expected_rows = []
    for n, (name, story, file) in enumerate(zip(names, reader.stories, report["files"]), start=1):
        check(file["path"] == name, "json file %d is %s" % (n, file["path"]))
        check(story["text"] == lf(STORIES[name]), "%s: story text in the DOM is %r" % (name, story["text"]))
        rules = [d["rule"] for d in file["diagnostics"]]
        check(rules == EXPECTED_RULES[name], "%s: findings %s" % (name, rules))
        counts = collections.Counter((d["rule"], d["severity"]) for d in file["diagnostics"])
        severity_order = {"error": 0, "warning": 1, "suggestion": 2}
        for (rule, severity) in sorted(counts, key=lambda k: (k[0], severity_order[k[1]])):
            expected_rows.append([name, rule, severity, str(counts[(rule, severity)])])
        for k, d in enumerate(file["diagnostics"], start=1):
            fid = "f%d-%d" % (n, k)
            check(story["marks"].get(fid) == lf(d["match"]),
                  "%s: marks of %s hold %r, the finding is %r" % (name, fid, story["marks"].get(fid), d["match"]))
            head = "%s (%s): %s" % (d["rule"], d["severity"], d["message"])
            titles = story["titles"].get(fid, [])
            check(bool(titles) and all(head in t for t in titles), "%s: titles of %s: %r" % (name, fid, titles))
            if d["replacements"]:
                check(all("Fix: " + d["replacements"][0] in t for t in titles),
                      "%s: titles of %s lack the fix: %r" % (name, fid, titles))
        check(set(story["marks"]) == {"f%d-%d" % (n, k) for k in range(1, len(file["diagnostics"]) + 1)},
              "%s: marks name %s" % (name, sorted(story["marks"])))
    check(reader.rows[1:] == expected_rows, "summary rows %r, expected %r" % (reader.rows[1:], expected_rows))

    for f in failures:
        print("html_render_test: " + f, file=sys.stderr)
    if not failures:
        print("html_render_test: %d stories, %d findings checked in %s's DOM" %
              (len(names), sum(len(f["diagnostics"]) for f in report["files"]), os.path.basename(browser)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
