#!/usr/bin/env python3
"""tools/spin/plant_pronouns.py plants a subject pronoun for a possessive determiner at the byte
offset the rule reports it, keeps its case, and classes the plant by the word after it.

  python3 tests/spin/plant_pronouns_test.py
"""
import os
import random
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools", "spin"))
import plant_pronouns as pp  # noqa: E402


class PlantPronouns(unittest.TestCase):
    WORDS = ({"lawsuit", "exports", "farmers"}, {"budget"}, {"farmers"})

    def plant(self, body, per_story=2):
        return pp.plant([{"id": 9, "body": body}], self.WORDS, per_story, random.Random(1))

    def test_offsets_are_bytes_of_the_planted_story_and_classes_follow_the_word(self):
        body = "Café — Their lawsuit was filed, the growers said of the long delays; our own exports fell."
        stories, plants = self.plant(body)
        self.assertEqual(len(stories), 1)
        text = stories[0]["body"].encode("utf-8")
        self.assertEqual(len(plants), 2)
        expected = {"Their lawsuit": ("They lawsuit", "noun"), "our own": ("we own", "other")}
        for story, offset, length, original, cls in plants:
            self.assertEqual(story, "9")
            planted, want_cls = expected[original]
            self.assertEqual(text[offset:offset + length].decode("utf-8"), planted)
            self.assertEqual(cls, want_cls)

    def test_a_noun_and_base_form_is_judged_after_he_only(self):
        _, plants = self.plant("His budget rose.", 1)
        self.assertEqual([p[3:] for p in plants], [("His budget", "noun")])
        _, plants = self.plant("Their budget rose.", 1)
        self.assertEqual([p[3:] for p in plants], [("Their budget", "other")])

    def test_a_person_plural_after_our_is_left_to_the_apposition(self):
        _, plants = self.plant("Our farmers rose.", 1)
        self.assertEqual([p[3:] for p in plants], [("Our farmers", "other")])
        _, plants = self.plant("Their farmers rose.", 1)
        self.assertEqual([p[3:] for p in plants], [("Their farmers", "noun")])

    def test_her_and_words_inside_others_are_not_planted(self):
        stories, plants = self.plant("She met her lawyer; theirs and whose lawsuit.")
        self.assertEqual((stories, plants), ([], []))


if __name__ == "__main__":
    unittest.main()
