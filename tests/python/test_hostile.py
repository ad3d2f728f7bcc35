"""Hostile input through the Python API: every case gives a Document whose
offsets slice the text, or quotelink.Error with the byte offset."""

from __future__ import annotations

import threading

import pytest

import quotelink as ql
from _invariants import check_document, quote_tuples

PARAGRAPH = (
    '"We will not accept this," Foreign Minister Sergei Lavrov said on Tuesday. '
    "\u201cIt is counter-productive,\u201d the official told reporters.\n\n"
)


def checked(text: str) -> ql.Document:
    doc = ql.extract(text)
    check_document(doc, text)
    return doc


def texts(doc: ql.Document) -> list[str]:
    return [q.text for q in doc.quotes]


def test_nul_bytes():
    doc = checked('"Quo\x00ted," he\x00 said.\x00\n')
    assert texts(doc) == ["Quo\x00ted,"]


def test_byte_order_mark_shifts_offsets_by_one_code_point():
    body = '"Quoted text," the official said.\n'
    plain, with_bom = checked(body), checked("\ufeff" + body)
    assert texts(with_bom) == texts(plain)
    assert [q.start for q in with_bom.quotes] == [q.start + 1 for q in plain.quotes]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_line_endings(newline):
    lf = '"One thing," he said.\n\n"Another thing," she said.\n'
    assert texts(checked(lf.replace("\n", newline))) == texts(checked(lf))


@pytest.mark.parametrize(
    "data, offset",
    [
        (b'"ab\xc0\xaf" he said', 3),  # overlong "/"
        (b'"ab\xe0\x80\xaf" he said', 3),  # overlong "/" in three bytes
        (b'"x\xed\xa0\x80y" he said', 2),  # surrogate U+D800
        (b'"x\xf4\x90\x80\x80" he said', 2),  # beyond U+10FFFF
    ],
)
def test_invalid_utf8_raises_error_with_offset(data, offset):
    with pytest.raises(ql.Error, match=f"byte offset {offset}") as info:
        ql.extract(data)
    assert info.value.byte_offset == offset


def test_lone_surrogate_in_str_raises_error_not_unicode_error():
    with pytest.raises(ql.Error) as info:
        ql.extract('"a\ud800b" he said')
    assert info.value.byte_offset == 2


def test_ten_thousand_unbalanced_quote_marks():
    checked('"word ' * 10_000)
    checked("\u201cword " * 10_000 + "\n\n" + '"' * 10_000)


def test_deeply_nested_quotations():
    depth = 5_000
    opening = "".join("\u201ca " if i % 2 == 0 else "\u2018b " for i in range(depth))
    closing = "".join(" c\u201d" if i % 2 == 0 else " d\u2019" for i in reversed(range(depth)))
    checked(opening + "core" + closing + " he said.\n")


def test_large_document_keeps_every_quotation():
    count = (1 << 20) // len(PARAGRAPH.encode())
    doc = checked(PARAGRAPH * count)
    marked = [q for q in doc.quotes if q.kind != "indirect"]  # reported speech adds indirect ones
    assert len(marked) == 2 * count
    assert marked[-1].text == "It is counter-productive,"


def test_ten_megabyte_line_without_spaces():
    checked("a" * (10 << 20))
    checked('\u201c\u0436"' * (1 << 12))


def test_batch_with_a_bad_document_keeps_the_good_ones_when_replacing():
    config = ql.Config()
    config.replace_invalid_utf8 = True
    batch = [b'"Good one," he said.', b'"Bad \xff one," he said.', b'"Good two," she said.']
    docs = ql.Extractor(config).extract_many(batch, threads=2)
    assert texts(docs[0]) == texts(ql.extract(batch[0]))
    assert texts(docs[2]) == texts(ql.extract(batch[2]))
    assert docs[1].replaced_invalid_bytes == 1


def test_threads_share_one_extractor():
    extractor = ql.Extractor()
    inputs = [PARAGRAPH + f'"Item {i} is here," Mr. Smith said.\n' for i in range(16)]
    expected = [quote_tuples(extractor.extract(t)) for t in inputs]
    failures: list[int] = []

    def work(shift: int) -> None:
        for i in range(len(inputs)):
            k = (i + shift) % len(inputs)
            if quote_tuples(extractor.extract(inputs[k])) != expected[k]:
                failures.append(k)

    pool = [threading.Thread(target=work, args=(s,)) for s in range(6)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert failures == []
