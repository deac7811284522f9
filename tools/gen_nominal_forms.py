#!/usr/bin/env python3
"""Generate dictionaries/ngrams/nominal-forms.tsv: the English words that are only ever a noun in
the singular ("company", "lawsuit", "willingness"), and those that are only ever an adjective
("traditional", "entire"), so that the pronoun rule knows "they lawsuit", "he company said" or
"they traditional markets" is a pronoun where a determiner belongs ("their lawsuit", "the
company"): a subject pronoun is followed by a verb, never by a bare noun or adjective.

A word (lower-case letters, of the unigrams of dictionaries/ngrams/news.tsv or of the word list
dictionaries/hunspell/en_US.words, SCOWL) is a noun form when it is a WordNet noun lemma and no
lemma of it (the word itself, WordNet's verb exceptions, the word less -s, -es, -ies, -ed, -d,
-ing) is a WordNet verb, and the word is no WordNet adjective or adverb: "remains" (remain) and
"talks" (talk) are verbs too, "chief" an adjective; the function words of the n-gram table
("may", "might") are none. So too a noun whose other parts of speech
WordNet's sense-tagged text never uses: tagged a noun at least MIN_TAGGED times and never a verb,
adjective or adverb, nor any verb lemma of it (cntlist.rev: "company" is a verb only in old
usage; "purchase" and "control" are verbs in use). Plurals are in plural-forms.tsv. WordNet 3.0
(Debian wordnet-base, /usr/share/wordnet; WordNet License, a BSD-style license).

A word is an adjective form when it is a WordNet adjective, no adverb ("new", "only", "alone"),
no lemma of it a verb ("own", "present", "combined"), no function word and no conjunction
("neither").

A word is a noun-and-base form when it is a WordNet noun and a verb in its base form ("budget",
"trip", "return"): after "he" or "she" the base form is no verb either ("he budget" is "his
budget"). Not when it is another verb's irregular form ("saw" see, "found" find, "left" leave),
an adverb, or one of the verbs whose past is their base form (SAME_PAST: "he bid", "he cut").

A word is a person noun when one of its WordNet noun senses is a person (lexicographer file
noun.person: "farmer", "taxpayer"): "we farmers" is an apposition, not "our farmers".

Rows are in the format of news.tsv (first `!n` for a noun, `!a` for an adjective, `!b` for a
noun-and-base form, `!h` for a person noun, second the word, source n, strength 1), so they compile into the n-gram model's image beside the verb and plural
forms.

  python3 tools/gen_nominal_forms.py [--wordnet /usr/share/wordnet] [--check]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derivation import write_generated  # noqa: E402
from gen_verb_forms import ROOT, exceptions, lemmas, wordnet_inputs  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "tools", "ngrams"))
from ngrams import FUNCTION_WORDS  # noqa: E402  "may", "might" and "will" are nouns to WordNet too

OUT = os.path.join(ROOT, "dictionaries", "ngrams", "nominal-forms.tsv")
NOUN, ADJECTIVE, NOUN_AND_BASE, PERSON = "!n", "!a", "!b", "!h"
PERSON_FILE = "18"  # WordNet's lexicographer file noun.person
MIN_LETTERS = 3
MIN_TAGGED = 5
# Correlative conjunctions WordNet files as adjectives or nouns: "he neither confirmed nor denied".
CONJUNCTIONS = {"neither", "either", "whether"}
# English verbs whose past tense is their base form: "he bid 12 dlrs", "he cut costs".
SAME_PAST = {
    "bet", "bid", "broadcast", "burst", "bust", "cast", "cost", "cut", "fit", "forecast", "hit", "hurt",
    "input", "knit", "let", "offset", "output", "put", "quit", "read", "rid", "set", "shed", "shut",
    "slit", "spit", "split", "spread", "sublet", "thrust", "upset", "wed", "wet", "beat", "outbid",
    "preset", "recast", "reset", "retrofit", "typeset", "telecast", "simulcast", "webcast", "podcast",
    "undercut", "misread", "miscast", "proofread", "reread", "overbid", "inset", "mishit",
}


def tag_counts(folder):
    """lemma -> {part of speech: times WordNet's sense-tagged text uses it so} (cntlist.rev; the
    sense key's digit: 1 noun, 2 verb, 3 and 5 adjective, 4 adverb)."""
    out = {}
    with open(os.path.join(folder, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, _, count = line.split()
            lemma, rest = key.split("%", 1)
            pos = {"1": "n", "2": "v", "3": "a", "5": "a", "4": "r"}.get(rest[:1])
            if pos:
                counts = out.setdefault(lemma, {})
                counts[pos] = counts.get(pos, 0) + int(count)
    return out


def noun_forms(words, verbs, nouns, adjectives, adverbs, exc, tagged):
    """The words that are only ever a singular noun (or, in use, only a noun), sorted."""
    def only_noun(w):
        bases = lemmas(w, exc)
        if w not in adjectives and w not in adverbs and not bases & verbs:
            return True
        counts = tagged.get(w, {})
        return (counts.get("n", 0) >= MIN_TAGGED and not counts.get("a") and not counts.get("r") and
                not any(tagged.get(b, {}).get("v") for b in bases))
    return [w for w in sorted(words)
            if len(w) >= MIN_LETTERS and w.isalpha() and w in nouns and w not in FUNCTION_WORDS
            and w not in CONJUNCTIONS and only_noun(w)]


def adjective_forms(words, verbs, adjectives, adverbs, exc):
    """The words that are only ever an adjective (or a noun too), sorted."""
    return [w for w in sorted(words)
            if len(w) >= MIN_LETTERS and w.isalpha() and w in adjectives and w not in adverbs
            and w not in FUNCTION_WORDS and w not in CONJUNCTIONS and not lemmas(w, exc) & verbs]


def noun_and_base_forms(words, verbs, nouns, adverbs, exc):
    """The nouns that are a verb's base form too, sorted (see above)."""
    return [w for w in sorted(words)
            if len(w) >= MIN_LETTERS and w.isalpha() and w in nouns and w in verbs and w not in adverbs
            and w not in FUNCTION_WORDS and w not in CONJUNCTIONS and w not in SAME_PAST
            and not (lemmas(w, exc) - {w}) & verbs]


def person_nouns(words, folder):
    """The words with a noun sense in WordNet's noun.person file, sorted."""
    people = set()
    with open(os.path.join(folder, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" ")
            if fields[1] != PERSON_FILE:
                continue
            for k in range(int(fields[3], 16)):
                people.add(fields[4 + 2 * k].lower())
    return [w for w in sorted(words) if w in people and w.isalpha() and len(w) >= MIN_LETTERS]


def render(nouns, adjectives, noun_and_bases, persons, n_words):
    head = [
        "# Nominal forms: words of news.tsv and en_US.words that are only ever a noun (in WordNet, or in",
        "# its sense-tagged text), in the singular ('!n'), only ever an adjective ('!a'), a noun and a",
        "# verb's base form ('!b'), and the nouns that name a person ('!h')",
        "# (format of news.tsv: first the key, second the word, source n, strength 1). Read by the",
        "# pronoun rule (\"they lawsuit\"). Generated by tools/gen_nominal_forms.py from WordNet 3.0",
        "# (Debian wordnet-base; WordNet License, BSD-style), the unigrams of news.tsv and",
        "# ../hunspell/en_US.words (SCOWL); do not edit.",
        "# Rows: %d noun forms, %d adjective forms, %d noun-and-base forms and %d person nouns of %d words."
        % (len(nouns), len(adjectives), len(noun_and_bases), len(persons), n_words),
    ]
    rows = ["%s\t%s\tn\t1" % (key, w)
            for key, forms in ((NOUN, nouns), (ADJECTIVE, adjectives), (NOUN_AND_BASE, noun_and_bases), (PERSON, persons))
            for w in forms]
    return "\n".join(head + rows) + "\n"


def main():
    a, (verbs, nouns, adjectives, adverbs), words = wordnet_inputs(__doc__, "gen_nominal_forms.py")
    exc = exceptions(a.wordnet)
    text = render(noun_forms(words, verbs, nouns, adjectives, adverbs, exc, tag_counts(a.wordnet)),
                  adjective_forms(words, verbs, adjectives, adverbs, exc),
                  noun_and_base_forms(words, verbs, nouns, adverbs, exc), person_nouns(words, a.wordnet), len(words))
    sys.exit(write_generated(OUT, text, a.check, "gen_nominal_forms.py"))


if __name__ == "__main__":
    main()
