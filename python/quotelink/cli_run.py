"""The extraction loop of ``quotelink extract``: inputs read on a thread of
their own, texts extracted on the C++ worker pool, results handed back in
input order as soon as they are ready.

Reading on its own thread is what keeps a stalled input (a FIFO with no
writer yet, a slow pipe, a hung network file system) from holding back the
results of the inputs before it: while the reader waits, the finished
results are written and the output flushed, and Ctrl-C still stops the run.
"""

from __future__ import annotations

import queue
import threading
from typing import Callable, Iterable, Iterator, Optional, Union

from . import _core
from ._document import Document
from ._extractor import Extractor
from .cli_inputs import Item, decoding_problem

#: How long the loop waits for the next input before looking at the pool
#: again (while results are in flight), and when nothing is in flight.
BUSY_POLL_SECONDS = 0.005
IDLE_POLL_SECONDS = 0.1

_END = object()


class _Reader(threading.Thread):
    """Pulls `items` into a queue of one; checks UTF-8 when strict, so that
    undecodable texts are reported without reaching the pool."""

    def __init__(self, items: Iterable[Item], strict: bool) -> None:
        super().__init__(name="quotelink-reader", daemon=True)
        self.items = items
        self.strict = strict
        self.queue: queue.Queue[object] = queue.Queue(maxsize=1)
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            for item in self.items:
                if item.data is not None and self.strict:
                    item.problem = decoding_problem(item.data)
                    if item.problem:
                        item.data = None
                if not self._put(item):
                    return
        except BaseException as exc:  # handed to the caller's thread
            self._put(exc)
            return
        self._put(_END)

    def _put(self, entry: object) -> bool:
        while not self.stopping.is_set():
            try:
                self.queue.put(entry, timeout=IDLE_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False


def extract_items(
    extractor: Extractor,
    items: Iterable[Item],
    *,
    threads: int,
    window: int,
    on_failure: Callable[[Item], None],
    output: str = "document",
    on_idle: Optional[Callable[[], None]] = None,
) -> Iterator[Union[Document, str]]:
    """Documents (or, with `output` "jsonl" or "csv", each document's records
    as text, serialised by the workers) of `items`, in input order.

    At most `window` texts (0: four per thread) are in the pool, and one more
    with the reader. Items that cannot be read, decoded or extracted go to
    `on_failure` with their problem (notices too, with `notice` set) and the
    run goes on. `on_idle` is called when the loop waits for input with every
    finished result handed out, e.g. to flush the output."""
    pool = _core.Stream(extractor._core, threads, window, output)
    reader = _Reader(items, strict=not extractor.config.replace_invalid_utf8)
    reader.start()
    try:
        yield from _loop(pool, reader, output == "document", on_failure, on_idle)
    finally:
        reader.stopping.set()


def _loop(
    pool: _core.Stream,
    reader: _Reader,
    documents: bool,
    on_failure: Callable[[Item], None],
    on_idle: Optional[Callable[[], None]],
) -> Iterator[Union[Document, str]]:
    exhausted = False
    delivered_since_idle = False

    def take() -> Optional[Union[Document, str]]:
        doc_id, result, message, _ = pool.next()
        if result is None:
            on_failure(Item(doc_id, None, message))
            return None
        return Document._from_core(result, None) if documents else result

    while True:
        if pool.ready() or (pool.in_flight() and (exhausted or pool.full())):
            result = take()  # waits only when no input can be submitted
            if result is not None:
                delivered_since_idle = True
                yield result
            continue
        if exhausted:
            return
        try:
            entry = reader.queue.get(timeout=BUSY_POLL_SECONDS if pool.in_flight() else IDLE_POLL_SECONDS)
        except queue.Empty:
            if delivered_since_idle and on_idle is not None and not pool.ready():
                on_idle()
                delivered_since_idle = False
            continue
        if entry is _END:
            exhausted = True
        elif isinstance(entry, BaseException):
            raise entry
        else:
            assert isinstance(entry, Item)
            if entry.data is None:
                on_failure(entry)
            else:
                pool.submit(entry.id, entry.data)
