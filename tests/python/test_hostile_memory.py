"""Peak memory of extraction stays under 10x the input (issue #9).

Each case runs in a fresh interpreter so that the peak resident set
(ru_maxrss) belongs to that one extraction. Long documents are analysed in
windows (cpp/src/pipeline.h); without them the per-token arrays of the stages
took 30-80x the input.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

MB = 1 << 20

CHILD = r"""
import json, resource, sys
import quotelink as ql

kind, size = sys.argv[1], int(sys.argv[2])
DENSE = {"dense_pronouns": '"Yes," he said. "No," she said. ', "dense_name": '"Yes," Smith said. '}
paragraph = (
    '"We will not accept this," Foreign Minister Sergei Lavrov said on Tuesday. '
    "The ministry added that talks would go on. \u201cIt is counter-productive,\u201d "
    "the official told reporters.\n\n"
)
if kind == "prose":
    unit = paragraph.encode()
    data = (unit * (size // len(unit) + 1))[:size]
elif kind in DENSE:  # a quotation, a mention and a sentence every 16-19 bytes
    unit = DENSE[kind].encode()
    data = (unit * (size // len(unit) + 1))[:size]
elif kind == "nested":
    depth = size // 10
    opening = "".join("\u201ca " if i % 2 == 0 else "\u2018b " for i in range(depth))
    closing = "".join(" c\u201d" if i % 2 == 0 else " d\u2019" for i in reversed(range(depth)))
    data = (opening + closing).encode()
else:
    data = b"a" * size
extractor = ql.Extractor()
extractor.extract(paragraph)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
doc = extractor.extract(data)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
expected = None
if kind == "prose":  # every paragraph's quotations, the cut-off last one's too
    whole = len(data) // len(unit)
    # (the cut-off paragraph after one whole one, as in the long document)
    tail = data[(whole - 1) * len(unit):]
    per = len(extractor.extract(unit * 3).quotes) - len(extractor.extract(unit * 2).quotes)
    expected = per * (whole - 1) + len(extractor.extract(tail).quotes)
print(json.dumps({"ratio": (peak - before) / len(data), "quotes": len(doc.quotes), "expected": expected}))
"""


def _peak_ratio(kind: str, size: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(size)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("kind", ["prose", "nested", "no_spaces"])
def test_peak_memory_under_ten_times_the_input(kind: str) -> None:
    result = _peak_ratio(kind, 4 * MB)
    assert result["ratio"] < 10, result


@pytest.mark.parametrize("kind, bound", [("dense_pronouns", 9.5), ("dense_name", 8.75)])
def test_dense_quotations_stay_under_ten_times_the_input(kind: str, bound: float) -> None:
    # The result records are most of the memory here. Measured at 4 MB from
    # pytest (a bare interpreter reads ~1.1x more): d6b8b77's 88-byte Quote and
    # 48-byte Mention took 9.96x and 9.03x, the 72- and 32-byte records 8.05x
    # and 7.28x (docs/reliability.md, second round).
    result = _peak_ratio(kind, 4 * MB)
    assert result["ratio"] < bound, result


def test_long_document_keeps_every_quotation() -> None:
    # 4 MB of the same paragraph, analysed in windows: every quotation of
    # every paragraph is found.
    result = _peak_ratio("prose", 4 * MB)
    assert result["quotes"] == result["expected"], result
