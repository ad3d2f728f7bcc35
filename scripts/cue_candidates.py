#!/usr/bin/env python3
"""Candidate cue lemmas from the gold attributions quotelink misses.

Usage:
    .venv/bin/python scripts/cue_candidates.py [DIR] [--top N] [--examples K]

DIR is a PolNeAR split (text/ and attributions/); default
/work/shared/data/polnear/train. The script reads that directory (the corpus
is not redistributed with quotelink), runs the installed quotelink on its
texts, scores the "all attributions" section as `quotelink evaluate` does and,
for every gold attribution that is missed, looks at the words of its gold Cue
span. It prints two tables of lemmas with miss counts:

- "uncovered": cue words of missed attributions none of whose words is a form
  in cues.tsv or reported_verbs.tsv; these are
  candidates for the lexicon.
- "covered": lemmas already in a cue list whose attributions are still
  missed (the lexicon is not the reason; a rule or a blocking list such as
  reported_no_clause_forms is, reported_words.tsv).

A lemma is the cues.tsv / reported_verbs.tsv lemma of a listed form, or,
for other words, the word with a regular suffix (-s, -ed, -ing) stripped.
Words of the stop list below (auxiliaries, negation, particles) are skipped.
Tune on train only; the counts are a guide, the evaluation decides.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys

from quotelink import eval as qeval
from quotelink import polnear

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "cpp", "data", "en")
DEFAULT_DIR = "/work/shared/data/polnear/train"

STOP = set(
    """a an the to of in on for with by at as and or but not n't no do does did
    don't doesn't didn't is are was were be been being has have had will would
    can could may might must should shall it its he she they we i you his her
    their our my your this that these those there than so also just about
    out up over into from more most very him them us me who which what""".split()
)


def lexicon_forms() -> tuple[dict[str, str], set[str]]:
    """Form -> lemma of the pack's speech verbs (cues.tsv) and report verbs
    (reported_verbs.tsv); phrase words."""
    forms: dict[str, str] = {}
    phrases: set[str] = set()
    for name, verb_class, lemma_key in (("cues.tsv", "speech_verb", "lemma"),
                                        ("reported_verbs.tsv", "report_verb", "report_lemma")):
        with open(os.path.join(DATA, name), encoding="utf-8") as handle:
            for line in handle:
                line = line.split("#")[0].strip()
                if not line:
                    continue
                cols = line.split("\t")
                entry, classes = cols[0].strip().lower(), cols[1].split(",")
                attributes = dict(c.split("=", 1) for c in cols[2:] if "=" in c)
                if verb_class in classes and lemma_key in attributes:
                    forms.setdefault(entry, attributes[lemma_key].lower())
                elif name == "cues.tsv":
                    phrases.add(entry)
    return forms, phrases


def crude_lemma(word: str) -> str:
    """A regular-inflection guess: 'endorsed' -> 'endors', stable enough to group."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--top", type=int, default=60, help="rows per table")
    ap.add_argument("--examples", type=int, default=0, help="contexts printed per uncovered lemma")
    args = ap.parse_args()

    forms, phrases = lexicon_forms()
    docs = polnear.load(args.directory)
    gold_docs = qeval.load_polnear(args.directory)
    predictions = qeval.run_extractor(gold_docs)
    report = qeval.score(gold_docs, predictions, errors="all")
    missed = {(c.doc, c.start, c.end) for c in report.errors if c.type == "miss"}

    uncovered: collections.Counter[str] = collections.Counter()
    covered: collections.Counter[str] = collections.Counter()
    surface: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    examples: dict[str, list[str]] = collections.defaultdict(list)
    total = no_cue = 0
    for doc in docs:
        for att in doc.attributions:
            if (doc.id, att.content[0][0], att.content[-1][1]) not in missed:
                continue
            total += 1
            cue = " ".join(doc.text[a:b] for a, b in att.cue).lower().replace("\u2019", "'")
            words = re.findall(r"[a-z][a-z'-]*", cue)
            if not words:
                no_cue += 1
                continue
            listed = [w for w in words if w in forms]
            if listed or cue in phrases:
                for w in listed:
                    covered[forms[w]] += 1
                continue
            for w in words:
                if w in STOP:
                    continue
                lemma = crude_lemma(w)
                uncovered[lemma] += 1
                surface[lemma][w] += 1
                if len(examples[lemma]) < args.examples:
                    start = att.content[0][0]
                    examples[lemma].append(" ".join(doc.text[max(0, start - 80) : start + 60].split()))

    print(f"{args.directory}: {total} missed gold attributions, {no_cue} without cue words")
    print(f"\nuncovered cue lemmas (no word of the cue in a cue list), top {args.top}:")
    for lemma, n in uncovered.most_common(args.top):
        forms_seen = ", ".join(f"{w} {c}" for w, c in surface[lemma].most_common(4))
        print(f"  {n:5d}  {lemma:<14} {forms_seen}")
        for ex in examples[lemma]:
            print(f"           | {ex}")
    print(f"\ncovered lemmas still missed (a rule, not the lexicon), top {args.top}:")
    for lemma, n in covered.most_common(args.top):
        print(f"  {n:5d}  {lemma}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
