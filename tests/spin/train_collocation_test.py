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
                                     "word_in_story=2"),
                         {"side": "head", "word": 3, "other": 6, "relation": 7, "original": 4, "trigram": 4,
                          "original_in_story": 0, "word_in_story": 2})

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
        planted, false, words = tc.part_a(os.path.join(self.tmp, "set"), WIRELINT, os.path.join(self.tmp, "work"))
        self.assertEqual(false, [])
        self.assertEqual(words, 13)  # the corpus command's count of the clean twin
        self.assertEqual(planted, [{"side": "head", "word": 3, "other": 6, "relation": 7, "original": 4, "trigram": 4,
                                    "original_in_story": 0, "word_in_story": 0}])
        weights = tc.train(planted, false)
        self.assertGreater(weights["side_head"], weights["side_modifier"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
