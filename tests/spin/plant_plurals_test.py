#!/usr/bin/env python3
"""tools/spin/plant_plurals.py plants a plural after a determiner at the byte offset the rule
reports it, classes it by what follows the noun, and the shared splice keeps every other byte.

  python3 tests/spin/plant_plurals_test.py
"""
import os
import random
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools", "spin"))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import plant_plurals as pp  # noqa: E402
from derivation import splice  # noqa: E402


class PlantPlurals(unittest.TestCase):
    PLURALS = {"surplus": "surpluses", "ounce": "ounces", "bank": "banks", "good": "goods"}
    FOLLOWING = {"of", "said"}

    def plant(self, body, adjectives=frozenset()):
        return pp.plant([{"id": 7, "body": body}], self.PLURALS, adjectives, self.FOLLOWING, 2, random.Random(1))

    def test_offsets_are_bytes_of_the_planted_story_and_classes_follow_the_noun(self):
        body = "Café — it had a surplus of 1.2 billion, far from here; at 7 dlrs an ounce, a bank loan."
        stories, plants = self.plant(body)
        self.assertEqual(len(stories), 1)
        text = stories[0]["body"].encode("utf-8")
        self.assertEqual(len(plants), 2)  # two a story, 40 characters apart
        for story, offset, length, original, cls in plants:
            self.assertEqual(story, "7")
            planted = text[offset:offset + length].decode("utf-8")
            det, noun = original.split()
            self.assertEqual(planted, det + " " + self.PLURALS[noun])
        # "of" and a comma end the noun phrase; "loan" continues it.
        expected = {"a surplus": "end", "an ounce": "end", "a bank": "word"}
        for _, _, _, original, cls in plants:
            self.assertEqual(cls, expected[original], original)

    def test_adjectives_and_unknown_nouns_are_not_planted(self):
        stories, plants = self.plant("It was a good year and a fine one.", adjectives={"good"})
        self.assertEqual((stories, plants), ([], []))

    def test_splice_keeps_every_other_byte_and_gives_byte_offsets(self):
        text, offsets = splice("é ab cd ef", [(2, 4, "XYZ"), (8, 10, "")])
        self.assertEqual(text, "é XYZ cd ")
        self.assertEqual(offsets, [3, 10])


if __name__ == "__main__":
    unittest.main()
