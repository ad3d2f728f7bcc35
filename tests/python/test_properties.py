"""Property-based tests (hypothesis): any str gives a Document or
quotelink.Error, never another exception; offsets always slice the text;
extract_many agrees with one-by-one extraction."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotelink as ql
from _invariants import check_document, quote_tuples

# Pieces news text is made of, so that random strings actually contain
# quotations, cues and speakers rather than only noise.
FRAGMENTS = [
    '"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u201e", "\u00ab", "\u00bb",
    "\u300c", "\u300d", "''", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0",
    "\ufeff", "\x00", ".", ",", ":", "!", "?", " \u2014", "-", "(", ")",
    " said", " says", " told reporters", "According to ", " in a statement",
    "Mr. ", "Sergei Lavrov", "the official", "the foreign ministry", " he", " she",
    " that ", "Moscow", "U.S.", "We will", "don't", "'90s", "\u00e9", "\u0436",
    "\u4e2d", "\U0001f600", "\u0301", "\u200d", "\u2028",
]

news_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60
).map("".join)
# Any code point at all, lone surrogates included (they cannot be encoded).
any_str = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()))

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _replacing() -> ql.Extractor:
    config = ql.Config()
    config.replace_invalid_utf8 = True
    return ql.Extractor(config)


REPLACING = _replacing()


def has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@SETTINGS
@given(st.one_of(news_like, any_str))
def test_any_str_gives_a_document_or_quotelink_error(text):
    try:
        doc = ql.extract(text)
    except ql.Error as exc:
        # Only text that is not valid Unicode (lone surrogates) may fail, and
        # the error names the offending byte.
        assert has_surrogate(text)
        assert exc.byte_offset is not None
        assert 0 <= exc.byte_offset < len(text.encode("utf-8", "surrogatepass"))
        return
    check_document(doc, text)


@SETTINGS
@given(news_like)
def test_offsets_slice_the_text(text):
    check_document(ql.extract(text), text)


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_give_a_document_or_an_error_with_offset(data):
    try:
        doc = ql.extract(data)
    except ql.Error as exc:
        assert exc.byte_offset is not None and 0 <= exc.byte_offset < len(data)
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        return
    check_document(doc, data.decode("utf-8"))


@SETTINGS
@given(st.binary(max_size=200))
def test_replacing_mode_never_fails(data):
    doc = REPLACING.extract(data)
    check_document(doc, data.decode("utf-8", errors="replace"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(news_like, max_size=8), st.integers(min_value=1, max_value=4))
def test_extract_many_equals_one_by_one(texts, threads):
    many = ql.extract_many(texts, threads=threads)
    assert len(many) == len(texts)
    for doc, text in zip(many, texts):
        assert quote_tuples(doc) == quote_tuples(ql.extract(text))
        check_document(doc, text)
