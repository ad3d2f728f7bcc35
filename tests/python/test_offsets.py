"""Code-point offsets: text[q.start:q.end] == q.text, for every span we hand out."""

from __future__ import annotations

import pytest

import quotelink as ql

REPLACE = ql.Config(replace_invalid_utf8=True)


def check_offsets(doc: ql.Document) -> int:
    """Asserts every span of `doc` slices its text; returns the number of quotes."""
    text = doc.text
    for q in doc.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.outer_start <= q.start and q.end <= q.outer_end <= len(text)
        for start, end in q.quoted_parts:
            assert q.outer_start <= start <= end <= q.outer_end
        if q.cue is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        if q.mention is not None:
            assert text[q.mention_start : q.mention_end] == q.mention
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
    return len(doc.quotes)


def test_example_articles(example_texts):
    quotes = sum(check_offsets(ql.extract(text, id=name)) for name, text in example_texts.items())
    assert quotes > 0


def test_non_ascii_fixtures(fixture_texts):
    quotes = 0
    for name, text in fixture_texts.items():
        assert any(ord(c) > 127 for c in text), name
        doc = ql.extract(text, id=name)
        assert doc.text == text
        quotes += check_offsets(doc)
    assert quotes >= 10


def test_astral_and_combining_characters_count_as_python_does():
    # Four-byte UTF-8 (one code point, two UTF-16 units) and combining marks.
    text = 'The fans \U0001F1FA\U0001F1F8 cheered. Pen\u0303a Nieto said: "Se\u0301 fuerte \U0001F600," and left.'
    doc = ql.extract(text)
    assert [q.text for q in doc.quotes] == ["Se\u0301 fuerte \U0001F600,"]
    check_offsets(doc)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_newlines_are_kept(fixture_texts, newline):
    for text in fixture_texts.values():
        converted = text.replace("\n", newline)
        doc = ql.extract(converted)
        assert doc.text == converted
        check_offsets(doc)


@pytest.mark.parametrize("bad", [b"\xff", b"\xe2\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"])
def test_invalid_bytes_replaced_keep_offsets(fixture_texts, example_texts, bad):
    for text in list(fixture_texts.values()) + list(example_texts.values())[:2]:
        data = text.encode()
        # Spoil the text near every quotation mark and at both ends.
        marks = [i for i, c in enumerate(text) if c in "\"\u201c\u201d'"]
        spots = sorted({0, len(text)} | set(marks[::3]))
        pieces, last = [], 0
        for spot in spots:
            offset = len(text[:spot].encode())
            pieces += [data[last:offset], bad]
            last = offset
        pieces.append(data[last:])
        spoiled = b"".join(pieces)
        with pytest.raises(ql.Error):
            ql.extract(spoiled)
        doc = ql.extract(spoiled, config=REPLACE)
        assert doc.text == spoiled.decode("utf-8", errors="replace")
        assert doc.replaced_invalid_bytes == len(bad) * len(spots)
        check_offsets(doc)
