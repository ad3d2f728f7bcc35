"""The Python records share what repeats: one key object per field name and
one str per repeated value, so that reading `doc.quotes` of text dense with
quotations costs ~80x the input rather than ~200x (docs/reliability.md)."""

from __future__ import annotations

import quotelink as ql

TEXT = '"Yes," Jane Roe said. "No," Jane Roe said. "Maybe," Jane Roe told reporters.\n'


def test_records_of_a_document_share_their_field_names():
    doc = ql.extract(TEXT)
    first, second = (list(vars(q)) for q in doc.quotes[:2])
    assert first == second
    assert all(a is b for a, b in zip(first, second))
    mentions = [list(vars(m)) for m in doc.mentions]
    assert all(a is b for a, b in zip(mentions[0], mentions[1]))


def test_repeated_values_are_one_object():
    doc = ql.extract(TEXT)
    quotes = doc.quotes
    assert len(quotes) == 3 and len({q.speaker for q in quotes}) == 1
    assert quotes[0].speaker is quotes[1].speaker is quotes[2].speaker
    assert quotes[0].kind is quotes[1].kind
    assert quotes[0].sieve is quotes[1].sieve
    assert quotes[0].cue is quotes[1].cue  # "said", twice
    assert quotes[0].mention is quotes[1].mention
    assert doc.mentions[0].head is doc.mentions[1].head
