"""Unicode beyond NFC English from Python (issue #19): NFD names are whole,
CJK and French quotations pair, and offsets are code points of the text as
given, so that slicing it gives each quotation and mention."""

from __future__ import annotations

import unicodedata

import pytest

import quotelink as ql
from _invariants import check_document


def checked(text: str) -> ql.Document:
    doc = ql.extract(text)
    check_document(doc, text)
    return doc


@pytest.mark.parametrize("name", ["Am\u00e9lie Dupont", "Bj\u00f6rn Borg", "Fran\u00e7ois Hollande"])
def test_nfd_names_are_whole_and_offsets_slice_the_nfd_text(name: str):
    nfd = unicodedata.normalize("NFD", name)
    text = f'"We will win the vote," said {nfd}.'
    doc = checked(text)
    (quote,) = doc.quotes
    assert quote.speaker == nfd
    assert text[quote.mention_start : quote.mention_end] == nfd
    assert text[quote.start : quote.end] == quote.text


def test_nfd_and_nfc_spellings_are_one_speaker():
    nfc = "Am\u00e9lie Dupont"
    doc = checked(f'"Yes," said {unicodedata.normalize("NFD", nfc)}. "No," said {nfc}.')
    assert len({q.speaker for q in doc.quotes}) == 1
    assert len(doc.entities) == 1


@pytest.mark.parametrize("marks", ["\u300c\u300d", "\u300e\u300f", "\u201c\u201d"])
def test_cjk_quotation_between_letters(marks: str):
    text = f"\u4ed6\u8bf4{marks[0]}\u6211\u4eec\u4f1a\u8d62{marks[1]}\u7136\u540e\u8d70\u4e86\u3002"
    doc = checked(text)
    assert [q.text for q in doc.quotes] == ["\u6211\u4eec\u4f1a\u8d62"]


@pytest.mark.parametrize("space", ["", " ", "\u00a0", "\u202f"])
def test_french_guillemets_with_and_without_spaces(space: str):
    text = f"\u00ab{space}Nous gagnerons cette bataille{space}\u00bb, a dit Macron."
    doc = checked(text)
    assert [q.text for q in doc.quotes] == ["Nous gagnerons cette bataille"]
