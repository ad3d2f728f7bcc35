"""Streaming extraction: any number of texts, in bounded memory, in order.

>>> import quotelink as ql
>>> items = [("a", '"Yes," she said.'), ("b", b"bad \\xff byte")]
>>> [(i, type(r).__name__) for i, r in ql.stream(items, threads=2)]
[('a', 'Document'), ('b', 'Error')]
"""

from __future__ import annotations

from collections import deque
from typing import Any, Iterable, Iterator, Optional, Tuple, Union

from . import _core
from ._document import Document
from ._extractor import Config, Extractor, TextLike, _decode, _encode

Error = _core.Error

#: What the stream yields for each input item: its id and its Document, or
#: the quotelink.Error (a ValueError) that extracting it raised.
StreamResult = Tuple[str, Union[Document, ValueError]]


def _pair(item: object) -> tuple[str, TextLike]:
    if not isinstance(item, (tuple, list)) or len(item) != 2:
        raise TypeError(f"stream items must be (id, text) pairs, not {item!r:.80}")
    doc_id, text = item
    if not isinstance(doc_id, str):
        raise TypeError(f"stream item ids must be str, not {type(doc_id).__name__}")
    return doc_id, text


def _error(message: str, offset: Optional[int]) -> ValueError:
    exc = Error(message)
    exc.byte_offset = offset
    return exc


def stream(
    items: Iterable[tuple[str, TextLike]],
    *,
    threads: int = 0,
    max_in_flight: int = 0,
    config: Optional[Config] = None,
    extractor: Optional[Extractor] = None,
) -> Iterator[StreamResult]:
    """Extracts ``(id, text)`` items on a C++ worker pool, yielding ``(id, result)``.

    Results come in input order as soon as they are ready; ``result`` is a
    Document, or the quotelink.Error of a text that could not be extracted
    (the stream goes on). At most ``max_in_flight`` items (0: four per
    thread) are held at once, so memory does not grow with the input, which
    is read lazily. ``threads=0`` uses one thread per core. Texts are str or
    UTF-8 bytes. Pass ``config`` or a ready ``extractor`` (not both).
    """
    if config is not None and extractor is not None:
        raise Error("pass config or extractor to stream(), not both")
    if extractor is None:
        extractor = Extractor(config)
    yield from _run(items, threads, max_in_flight, extractor, "document")


def serialized(
    items: Iterable[tuple[str, TextLike]],
    output: str,
    *,
    threads: int = 0,
    max_in_flight: int = 0,
    extractor: Extractor,
) -> Iterator[tuple[str, Union[str, ValueError]]]:
    """As :func:`stream`, but each result is the document's records as JSON
    Lines or CSV rows (``output`` "jsonl" or "csv"), written by the worker
    threads: the caller's thread only moves finished text."""
    yield from _run(items, threads, max_in_flight, extractor, output)


def _run(
    items: Iterable[tuple[str, TextLike]], threads: int, max_in_flight: int, extractor: Extractor, output: str
) -> Iterator[tuple[str, Any]]:
    if threads < 0 or max_in_flight < 0:
        raise Error(f"threads and max_in_flight must be >= 0, got {threads} and {max_in_flight}")
    pool = _core.Stream(extractor._core, threads, max_in_flight, output)
    return _drive(pool, items, output == "document")


def _drive(pool: _core.Stream, items: Iterable[tuple[str, TextLike]], documents: bool) -> Iterator[tuple[str, Any]]:
    # The caller's str objects, kept while in flight so that a Document's
    # text is the very object the caller passed (no decoding back).
    originals: deque[TextLike] = deque()

    def take() -> tuple[str, Any]:
        doc_id, result, message, offset = pool.next()
        original = originals.popleft()
        if result is None:
            return doc_id, _error(message, offset)
        if documents:
            return doc_id, Document._from_core(result, _decode(result, original))
        return doc_id, result

    for item in items:
        doc_id, text = _pair(item)
        data = _encode(text)
        if pool.full():
            yield take()
        pool.submit(doc_id, data)
        originals.append(text if documents and isinstance(text, str) else b"")
    while pool.in_flight():
        yield take()


__all__ = ["StreamResult", "serialized", "stream"]
