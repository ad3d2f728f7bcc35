"""The Python records share what repeats: one key object per field name and
one str per repeated value, so that reading `doc.quotes` of text dense with
quotations costs ~80x the input rather than ~200x (docs/reliability.md)."""

from __future__ import annotations

import dataclasses
import pickle
import sys

import pytest

import quotelink as ql

TEXT = '"Yes," Jane Roe said. "No," Jane Roe said. "Maybe," Jane Roe told reporters.\n'


def test_records_are_slotted_and_pickle():
    # A Quote's __dict__ of 25 fields was 832 bytes; slots hold the same
    # fields without one (Python 3.9 too, where dataclass has no slots=True).
    doc = ql.extract(TEXT)
    for record in (doc.quotes[0], doc.mentions[0], doc.entities[0]):
        assert not hasattr(record, "__dict__")
        copy = pickle.loads(pickle.dumps(record))
        assert copy == record and type(copy) is type(record)
        assert type(record)(**record.to_dict()) == record
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, dataclasses.fields(record)[0].name, None)
    quote = doc.quotes[0]
    assert sys.getsizeof(quote) < 300
    assert dataclasses.replace(quote, confidence=0.5).confidence == 0.5
    # The state of a record pickled before the slots was its field dict.
    old = ql.Quote.__new__(ql.Quote)
    old.__setstate__(quote.to_dict())
    assert old == quote


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
