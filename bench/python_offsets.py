"""Checks the Python offsets invariant on a folder of articles (e.g. PolNeAR dev).

    python bench/python_offsets.py /work/shared/data/polnear/dev/text

For every article, as read and with invalid bytes spliced in (replaced):
text[start:end] equals the text of every quotation, cue and mention.
"""

from __future__ import annotations

import sys
from pathlib import Path

import quotelink as ql

BAD = (b"\xff", b"\xe2\x80", b"\xf0\x9f")


def violations(doc: ql.Document) -> int:
    t = doc.text
    bad = 0
    for q in doc.quotes:
        bad += t[q.start : q.end] != q.text
        bad += q.cue is not None and t[q.cue_start : q.cue_end] != q.cue
        bad += q.mention is not None and t[q.mention_start : q.mention_end] != q.mention
    bad += sum(t[m.start : m.end] != m.text for m in doc.mentions)
    return bad


def main(folder: str) -> int:
    paths = sorted(Path(folder).glob("*.txt"))
    replace = ql.Extractor(replace_invalid_utf8=True)
    docs = quotes = non_ascii = bad = 0
    for path in paths:
        data = path.read_bytes()
        text = data.decode("utf-8")
        doc = ql.extract(text, id=path.name)
        docs += 1
        quotes += len(doc.quotes)
        non_ascii += any(ord(c) > 127 for c in text)
        bad += violations(doc)
        # Splice invalid bytes at a few character boundaries.
        cuts = sorted({len(text[: len(text) * k // 4].encode()) for k in range(4)})
        spoiled = b"".join(data[a:b] + BAD[i % len(BAD)] for i, (a, b) in enumerate(zip(cuts, cuts[1:] + [len(data)])))
        doc = replace.extract(spoiled, id=path.name)
        bad += doc.text != spoiled.decode("utf-8", errors="replace")
        bad += violations(doc)
    print(f"{docs} articles ({non_ascii} with non-ASCII text), {quotes} quotations: {bad} offset violations")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
