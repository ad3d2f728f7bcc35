"""Offset invariants every Python Document must satisfy (used by the hostile
and property tests): the Python mirror of tests/fuzz/invariants.h."""

from __future__ import annotations

import quotelink as ql


def check_document(doc: ql.Document, text: str) -> None:
    """Asserts that every offset of `doc` slices `text` correctly."""
    assert doc.text == text
    n = len(text)
    previous_start = -1
    enclosing: list[tuple[int, int]] = []
    for q in doc.quotes:
        assert 0 <= q.outer_start <= q.start <= q.end <= q.outer_end <= n, q
        assert text[q.start : q.end] == q.text
        for start, end in q.quoted_parts:
            assert 0 <= start <= end <= n
        if q.cue_start is not None:
            assert 0 <= q.cue_start <= q.cue_end <= n
            assert text[q.cue_start : q.cue_end] == q.cue
        if q.mention is not None:
            assert text[q.mention_start : q.mention_end] == q.mention
        assert 0.0 <= q.confidence <= 1.0
        # Ordered by start; overlapping only by nesting.
        assert q.outer_start >= previous_start
        previous_start = q.outer_start
        while enclosing and (
            enclosing[-1][1] <= q.outer_start
            or (enclosing[-1][0] == q.outer_start and q.outer_end >= enclosing[-1][1])
        ):
            enclosing.pop()
        if enclosing:
            assert enclosing[-1][0] <= q.outer_start and q.outer_end <= enclosing[-1][1], (
                "quotations overlap without nesting"
            )
        enclosing.append((q.outer_start, q.outer_end))
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= n
        assert text[m.start : m.end] == m.text
        assert -1 <= m.entity_id < len(doc.entities)
    for e in doc.entities:
        assert all(0 <= i < len(doc.mentions) for i in e.mention_ids)


def quote_tuples(doc: ql.Document) -> list[tuple]:
    """What two extractions of the same text must agree on."""
    return [(q.start, q.end, q.text, q.kind, q.speaker, q.mention, q.cue) for q in doc.quotes]
