#!/usr/bin/env python3
"""Issue #19's C++ regression tests, replayed on any build through Python.

    PYTHONPATH=build/base-<sha>/site python scripts/issue19_defects.py

The C++ tests of the defect -> test table (docs/reliability.md) cannot be
compiled against b51f80e, where the defects were found: their API came with
the fixes. This script gives each test's input to the build on PYTHONPATH
(``quotelink.extract``, the public API of every version) and checks what the
test checks, so that the defect itself can be shown on the old build and its
fix on the new one. It prints one line per test, ``pass`` or ``FAIL`` with
what was seen, and exits 1 when any check fails.

Tests whose subject is internal (the tokens of ``Nfd.CombiningMarksStayInTheirWord``
and the window cut of ``Nfd.WindowsNeverCutBetweenALetterAndItsMark``) are
checked through what a user sees of them: the speaker's name, and a mark
never separated from its letter in a windowed text.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import Callable

import quotelink as ql

AMELIE = "Ame\u0301lie"
BJORN = "Bjo\u0308rn"
HE_SAID, WE_WILL_WIN, THEN_LEFT = "他说", "我们会赢", "然后走了。"
OPEN, CLOSE = "\u00ab", "\u00bb"


def texts(doc) -> list[str]:
    return [q.text for q in doc.quotes]


def speaker(q) -> str | None:
    return q.speaker


def repeat_to(unit: str, size: int) -> str:
    """`unit` repeated until it is at least `size` bytes."""
    return unit * -(-size // len(unit.encode()))


def deepest_cover(doc) -> int:
    edges = sorted([(q.start, 1) for q in doc.quotes] + [(q.end, -1) for q in doc.quotes])
    depth = deepest = 0
    for _, step in edges:
        depth += step
        deepest = max(deepest, depth)
    return deepest


def bounded(unit: str, size: int) -> str:
    """BoundedReports' expect_bounded: clauses of at most 256 words, nested at
    most 4 deep, quoted text at most 4 times the input."""
    text = repeat_to(unit, size)
    doc = ql.extract(text)
    problems = []
    longest = max((len(q.text.split()) for q in doc.quotes), default=0)
    if not doc.quotes:
        problems.append("no quotation")
    if longest > 256:
        problems.append(f"a clause of {longest} words")
    if deepest_cover(doc) > 4:
        problems.append(f"reports nested {deepest_cover(doc)} deep")
    quoted = sum(len(q.text.encode()) for q in doc.quotes)
    if quoted > 4 * len(text.encode()):
        problems.append(f"quoted text {quoted / len(text.encode()):.0f}x the input")
    return "; ".join(problems)


def nest_four_deep() -> str:
    doc = ql.extract("Anne said that Bob said that Carl said that Dora said that Emil said "
                     "that Fay said that the talks failed.")
    indirect = sum(q.kind == "indirect" for q in doc.quotes)
    if indirect != 4 or deepest_cover(doc) != 4:
        return f"{indirect} indirect quotations nested {deepest_cover(doc)} deep (want 4, 4)"
    if not doc.quotes[0].text.startswith("that Bob said that"):
        return f"first record {doc.quotes[0].text[:40]!r}"
    return ""


def cut_not_lost() -> str:
    clause = "that " + " ".join(f"word{i}" for i in range(600))
    doc = ql.extract("The minister said " + clause)
    if len(doc.quotes) != 1:
        return f"{len(doc.quotes)} quotations (want 1)"
    words = len(doc.quotes[0].text.split())
    if words != 256 or not doc.quotes[0].text.startswith("that word0 word1"):
        return f"a clause of {words} words (want 256 from 'that word0')"
    return ""


def nfd_names() -> str:
    doc = ql.extract(f"\"We will win,\" said {AMELIE} Dupont.\n\n\"We will lose,\" {BJORN} Borg said.")
    got = [speaker(q) for q in doc.quotes]
    want = [f"{AMELIE} Dupont", f"{BJORN} Borg"]
    return "" if got == want else f"speakers {[unicodedata.normalize('NFC', s or '') for s in got]}"


def nfd_nfc_one_speaker() -> str:
    doc = ql.extract(f"\"We will win,\" said {AMELIE} Dupont. \"Yes,\" said Am\u00e9lie Dupont.")
    if len(doc.quotes) != 2:
        return f"{len(doc.quotes)} quotations"
    same = doc.quotes[0].speaker_id is not None and doc.quotes[0].speaker_id == doc.quotes[1].speaker_id
    return "" if same and len(doc.entities) == 1 else f"{len(doc.entities)} entities, same speaker: {same}"


def nfd_windows() -> str:
    # 40 KB of NFD letters without spaces is windowed; every paragraph and
    # quotation boundary must stay off a combining mark.
    text = "\"" + "e\u0301" * 20000 + ",\" Roe said."
    doc = ql.extract(text)
    for q in doc.quotes:
        for at in (q.start, q.end):
            if at < len(text) and unicodedata.combining(text[at]):
                return f"a quotation boundary at a combining mark ({at})"
    return ""


def cjk_pairs() -> str:
    wrong = []
    for open_, close in [("「", "」"), ("『", "』"), ("\u201c", "\u201d"), ('"', '"')]:
        got = texts(ql.extract(HE_SAID + open_ + WE_WILL_WIN + close + THEN_LEFT))
        if got != [WE_WILL_WIN]:
            wrong.append(f"{open_}: {got}")
    return "; ".join(wrong)


def cjk_full_stop() -> str:
    doc = ql.extract("「" + WE_WILL_WIN + "。」" + HE_SAID + "。")
    kinds = [q.kind for q in doc.quotes]
    return "" if kinds == ["direct"] else f"kinds {kinds}"


def cjk_colon() -> str:
    doc = ql.extract("李明说：\u201c" + WE_WILL_WIN + "。\u201d")
    got = [(q.text, q.kind) for q in doc.quotes]
    return "" if got == [(WE_WILL_WIN + "。", "direct")] else f"{got}"


def expect_texts(text: str, want: list[str]) -> str:
    got = texts(ql.extract(text))
    return "" if got == want else f"{got}"


def expect_pairs(text: str, want: list[str]) -> str:
    """The quotes stage found `want`: each is a record (another record may
    enclose it, as reported speech does)."""
    got = texts(ql.extract(text))
    return "" if all(w in got for w in want) else f"{got}"


# The French tests check the quotes stage (every pair found); through
# extraction, which keeps only attributed quotations, they get an English cue.
def french_spaced() -> str:
    wrong = []
    for space in (" ", "\u00a0", "\u202f"):
        text = (f"{OPEN}{space}Nous gagnerons cette bataille{space}{CLOSE}, Macron said. "
                f"{OPEN}{space}Nous allons gagner{space}{CLOSE}, he added.")
        problem = expect_pairs(text, ["Nous gagnerons cette bataille", "Nous allons gagner"])
        if problem:
            wrong.append(f"space U+{ord(space):04X}: {problem}")
    problem = expect_pairs(f"Macron told reporters: {OPEN} Nous gagnerons. {CLOSE}", ["Nous gagnerons."])
    return "; ".join(wrong + ([problem] if problem else []))


def french_unspaced() -> str:
    return (expect_pairs(f"{OPEN}Nous gagnerons cette bataille{CLOSE}, Macron said.",
                         ["Nous gagnerons cette bataille"])
            or expect_pairs(f"He said {OPEN}Nous gagnerons{CLOSE} yesterday.", ["Nous gagnerons"]))


CHECKS: list[tuple[str, str, Callable[[], str]]] = [
    ("1a", "BoundedReports.SaidThatChainWithoutFullStop",
     lambda: bounded("Smith said that ", 8 * 1024) or bounded("Smith said that ", 96 * 1024)),
    ("1b", "BoundedReports.DashAsidesWithoutFullStop",
     lambda: bounded("The talks went well \u2014 said Jones \u2014 and ", 96 * 1024)),
    ("1b", "BoundedReports.AccordingToChainWithoutFullStop",
     lambda: bounded("He said, according to Smith, ", 96 * 1024)),
    ("1a", "BoundedReports.ReportsNestAtMostFourDeep", nest_four_deep),
    ("1a", "BoundedReports.ClauseWithoutFullStopIsCutNotLost", cut_not_lost),
    ("4", "Nfd.CombiningMarksStayInTheirWord (through the speaker's name)", nfd_names),
    ("4", "Nfd.SpeakerNamesAreWhole", nfd_names),
    ("4", "Nfd.NfdAndNfcSpellingsAreOneSpeaker", nfd_nfc_one_speaker),
    ("4", "Nfd.WindowsNeverCutBetweenALetterAndItsMark (a windowed text)", nfd_windows),
    ("6a", "Cjk.MarksBetweenLettersPair", cjk_pairs),
    ("6a", "Cjk.IdeographicFullStopEndsASentence", cjk_full_stop),
    ("6a", "Cjk.QuotationAfterAFullwidthColonIsDirect", cjk_colon),
    ("6b", "French.SpacedGuillemetsPair", french_spaced),
    ("6b", "French.UnspacedGuillemetsPair", french_unspaced),
    ("6b", "French.GermanReversedGuillemetsStillPair",
     lambda: expect_pairs(f"{CLOSE}Wir gewinnen{OPEN}, he said.", ["Wir gewinnen"])),
    ("6b", "French.SpacedGuillemetsGiveTheQuotationNotTheSentence",
     lambda: expect_texts(f"{OPEN} Nous gagnerons cette bataille {CLOSE}, a dit Macron.",
                          ["Nous gagnerons cette bataille"])),
]


def main() -> int:
    print(f"quotelink {ql.__version__} from {ql.__file__}")
    failed = 0
    for row, name, check in CHECKS:
        try:
            problem = check()
        except Exception as e:  # an old build may lack what a check reads
            problem = f"{type(e).__name__}: {e}"
        failed += bool(problem)
        print(f"{row:>3} {name}: " + (f"FAIL ({problem[:300]})" if problem else "pass"), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
