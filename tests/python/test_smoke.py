"""The package imports, reports its version, and extracts from plain text."""

import re
from pathlib import Path

import quotelink as ql

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_header_version():
    header = (ROOT / "cpp/include/quotelink/version.h").read_text(encoding="utf-8")
    parts = [re.search(rf"QUOTELINK_VERSION_{p} (\d+)", header).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    assert ql.__version__ == ".".join(parts)


def test_offsets_slice_the_text():
    text = 'Café owners said: “We are über-tired,” said José.'
    doc = ql.extract(text)
    assert doc.quotes
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text


def test_invalid_utf8_raises_error_with_offset():
    try:
        ql.extract(b"abc\xffdef")
    except ql.Error as exc:
        assert exc.byte_offset == 3
        assert "byte offset 3" in str(exc)
    else:
        raise AssertionError("expected quotelink.Error")
