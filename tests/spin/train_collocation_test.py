#!/usr/bin/env python3
"""tools/spin/train_collocation.py learns from the rule's own candidates: the tracing copy of
the rule reports every candidate with its features, and part A's spun candidates that overlap a
planted spin are the planted ones, the clean twins' the false ones.

  python3 tests/spin/train_collocation_test.py WIRELINT
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools", "spin"))
import train_collocation as tc  # noqa: E402

WIRELINT = sys.argv[-1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "src", "wirelint")


class TrainCollocation(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="wirelint-train-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, rows):
        with open(os.path.join(self.tmp, "set", name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")

    def test_features_are_read_from_the_message(self):
        self.assertEqual(tc.features("side=head word=3 other=6 relation=7 original=4 trigram=4 original_in_story=0 "
                                     "word_in_story=2 share=2 outer=9 general=0 general_original=6"),
                         {"side": "head", "word": 3, "other": 6, "relation": 7, "original": 4, "trigram": 4,
                          "original_in_story": 0, "word_in_story": 2, "share": 2, "outer": 9, "general": 0,
                          "general_original": 6})

    def test_a_feature_the_rule_did_not_report_counts_as_its_value_0(self):
        # Candidates read from an older rule (no general-English features) score as value 0.
        old = {"side": "modifier", "word": 0, "other": 0, "relation": 0, "original": 0, "trigram": 0,
               "original_in_story": 0, "word_in_story": 0, "share": 0, "outer": 9}
        weights = {"side_head": 0, "side_modifier": 1}
        weights.update({n: [n == "general"] + [0] * (tc.SIZES[n] - 1) for n in tc.ARRAYS})
        self.assertEqual(tc.score(weights, old), 2)
        self.assertEqual(tc.score(weights, dict(old, general=3)), 1)
        nb = tc.train([dict(old, word=1)] * 3, [old] * 3)
        self.assertEqual(len(nb["general"]), 10)

    def test_the_rules_other_checks_are_not_learned_from(self):
        self.assertIsNone(tc.features("paraphrase"))
        self.assertIsNone(tc.features("both"))

    def test_the_both_words_check_has_a_model_of_its_own(self):
        message = ("both both_first_word=0 both_second_word=1 both_first_general=0 both_second_general=6 "
                   "both_original=3 both_first_relation=4 both_second_relation=4")
        self.assertIsNone(tc.features(message))
        f = tc.both_features(message)
        self.assertEqual(f["both_second_general"], 6)
        self.assertEqual(sorted(f), sorted(tc.BOTH_ARRAYS))
        self.assertIsNone(tc.both_features("both"))
        # Planted candidates have words unknown to general English, false ones common words.
        base = dict(f, both_first_general=0)
        planted = [base] * 30
        false = [dict(base, both_first_general=8)] * 30
        w = tc.train_logistic(planted, false, names=tc.BOTH_ARRAYS)
        self.assertNotIn("side_head", w)
        self.assertGreater(tc.score(w, base, tc.BOTH_ARRAYS), tc.score(w, false[0], tc.BOTH_ARRAYS))

    def test_logistic_weights_favour_the_planted_values_and_do_not_count_a_copy_twice(self):
        base = {"side": "head", "word": 0, "other": 0, "relation": 0, "original": 0, "trigram": 0,
                "original_in_story": 0, "word_in_story": 0, "share": 0, "outer": 9}
        # word 1 and trigram 5 always come together in planted candidates; false ones have word 6.
        planted = [dict(base, word=1, trigram=5) for _ in range(40)] + [dict(base, word=6) for _ in range(10)]
        false = [dict(base, word=6) for _ in range(40)] + [dict(base, word=1, trigram=5) for _ in range(10)]
        w = tc.train_logistic(planted, false)
        self.assertGreater(w["word"][1], w["word"][6])
        self.assertGreater(w["trigram"][5], w["trigram"][0])
        self.assertGreater(min(tc.score(w, f) for f in planted[:40]), max(tc.score(w, f) for f in false[:40]))
        # Naive Bayes counts the pair's evidence once per feature; the joint fit shares it.
        nb = tc.train(planted, false)
        self.assertGreater(nb["word"][1] + nb["trigram"][5] - nb["word"][6] - nb["trigram"][0],
                           w["word"][1] + w["trigram"][5] - w["word"][6] - w["trigram"][0])

    def test_part_a_candidates_are_the_rules(self):
        os.makedirs(os.path.join(self.tmp, "set"))
        spun = "The company cut its posted toll for crude by one dlr, traders said.\n"
        clean = "The company cut its posted price for crude by one dlr, traders said.\n"
        # Story 1 is part A; story 2 (part B) carries the same spin and must stay unread.
        self.write("spun.jsonl", [{"id": 1, "date": "1987-03-02", "body": spun},
                                  {"id": 2, "date": "1987-03-02", "body": spun}])
        self.write("clean.jsonl", [{"id": 1, "date": "1987-03-02", "body": clean},
                                   {"id": 2, "date": "1987-03-02", "body": clean}])
        self.write("expected.jsonl", [{"story": 1, "offset": 20, "length": 11, "class": "single"},
                                      {"story": 2, "offset": 20, "length": 11, "class": "single"}])
        data = tc.tracing_data_dir(os.path.join(self.tmp, "data"))
        work = os.path.join(self.tmp, "work")
        os.makedirs(work)
        got = tc.read_set(os.path.join(self.tmp, "set"), WIRELINT, work, data, False)
        planted, false = got["planted"], got["false"]
        self.assertEqual(false, [])
        self.assertEqual(got["words"], 13)  # the corpus command's count of the clean twin
        self.assertEqual(got["spins"], {"single": 1})
        self.assertEqual(len(planted), 1)
        self.assertEqual((planted[0]["side"], planted[0]["class"], planted[0]["spin"]), ("head", "single", "1:20"))
        self.assertEqual(set(planted[0]), {"side", "class", "spin"} | set(tc.ARRAYS))
        weights = tc.train(planted, false)
        self.assertGreater(weights["side_head"], weights["side_modifier"])
        # Every story is read with --all-stories; a set's config.toml (a cross-fit fold's own
        # table) is applied: a table that knows "posted toll" leaves no candidate.
        work2 = os.path.join(self.tmp, "work2")
        os.makedirs(work2)
        got = tc.read_set(os.path.join(self.tmp, "set"), WIRELINT, work2, data, True)
        self.assertEqual((len(got["planted"]), got["words"], got["spins"]), (2, 26, {"single": 2}))
        with open(os.path.join(self.tmp, "set", "table.tsv"), "w", encoding="utf-8") as f:
            f.write("posted\ttoll\th\t5\nposted\tprice\th\t5\n")
        with open(os.path.join(self.tmp, "set", "config.toml"), "w", encoding="utf-8") as f:
            f.write('[ngrams]\ntable = "table.tsv"\n')
        work3 = os.path.join(self.tmp, "work3")
        os.makedirs(work3)
        self.assertEqual(tc.read_set(os.path.join(self.tmp, "set"), WIRELINT, work3, data, True)["planted"], [])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
