"""quotelink.stream(): ordered results from a C++ worker pool, bounded memory."""

import json
import threading
import time
from pathlib import Path

import pytest

import quotelink as ql

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples/articles").glob("*.txt"))
FIXTURE = ROOT / "tests/fixtures/scale/polnear_like.jsonl"


def corpus():
    items = [(p.name, p.read_text(encoding="utf-8")) for p in EXAMPLES]
    with FIXTURE.open(encoding="utf-8") as handle:
        items += [(r["id"], r["text"]) for r in map(json.loads, handle)]
    return items


def test_results_equal_single_document_extraction_in_input_order():
    items = corpus() * 3  # long enough for workers to overtake each other
    results = list(ql.stream(items, threads=2, max_in_flight=3))
    assert [doc_id for doc_id, _ in results] == [doc_id for doc_id, _ in items]
    extractor = ql.Extractor()
    for (doc_id, text), (_, doc) in zip(items, results):
        assert isinstance(doc, ql.Document)
        assert doc.id == doc_id
        assert doc.records() == extractor.extract(text, id=doc_id).records()


def test_a_failing_text_is_yielded_as_an_error_and_the_stream_goes_on():
    items = [("a", '"Yes," she said.'), ("bad", b"ab\xffcd"), ("c", '"No," he said.')]
    results = list(ql.stream(items, threads=2))
    assert [doc_id for doc_id, _ in results] == ["a", "bad", "c"]
    assert isinstance(results[0][1], ql.Document)
    error = results[1][1]
    assert isinstance(error, ql.Error)
    assert error.byte_offset == 2
    assert "byte offset 2" in str(error)
    assert isinstance(results[2][1], ql.Document)


def test_config_is_honoured():
    config = ql.Config()
    config.replace_invalid_utf8 = True
    [(_, doc)] = list(ql.stream([("x", b"ab\xffcd")], config=config))
    assert isinstance(doc, ql.Document)
    assert doc.text == "ab\ufffdcd"
    assert doc.replaced_invalid_bytes == 1


def test_input_is_read_lazily_within_the_window():
    pulled = 0
    most_ahead = 0
    yielded = 0

    def items():
        nonlocal pulled, most_ahead
        for i in range(200):
            pulled += 1
            most_ahead = max(most_ahead, pulled - yielded)
            yield str(i), f'"Statement {i}," the senator said.'

    for doc_id, doc in ql.stream(items(), threads=2, max_in_flight=5):
        assert doc_id == str(yielded)
        yielded += 1
    assert yielded == 200
    # The window, plus the one item read before the stream makes room for it.
    assert most_ahead <= 6


def test_an_infinite_input_can_be_consumed_partially():
    def forever():
        i = 0
        while True:
            yield str(i), '"Again," he said.'
            i += 1

    taken = []
    for doc_id, _ in ql.stream(forever(), threads=2, max_in_flight=4):
        taken.append(doc_id)
        if len(taken) == 25:
            break
    assert taken == [str(i) for i in range(25)]


def test_str_texts_are_returned_as_the_same_object():
    text = 'Café owners said: “We are über-tired,” said José.'
    [(_, doc)] = list(ql.stream([("cafe", text)]))
    assert doc.text is text
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text


def test_other_python_threads_run_while_the_stream_waits():
    # If next() held the GIL while waiting, the ticker could not advance.
    text = ("The committee met on Tuesday and the senator said the plan would pass. " * 20 + "\n\n") * 2000
    pool = ql._core.Stream(ql.Extractor()._core, 1, 1)
    pool.submit("big", text.encode())
    ticks = 0
    stop = threading.Event()

    def ticker():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    thread = threading.Thread(target=ticker)
    thread.start()
    try:
        started = time.perf_counter()
        doc_id, doc, message, _ = pool.next()
        waited = time.perf_counter() - started
    finally:
        stop.set()
        thread.join()
    assert (doc_id, message) == ("big", None)
    assert waited > 0.05, "the text should take a while to extract"
    assert ticks >= 10


@pytest.mark.parametrize(
    "items, message",
    [
        (["just text"], "pairs"),
        ([("id", "text", "extra")], "pairs"),
        ([(1, "text")], "ids must be str"),
        ([("id", 3.5)], "text must be str or bytes"),
    ],
)
def test_malformed_items_raise_type_error(items, message):
    with pytest.raises(TypeError, match=message):
        list(ql.stream(items))


def test_bad_options_raise_quotelink_error():
    with pytest.raises(ql.Error, match="threads"):
        list(ql.stream([], threads=-1))
    with pytest.raises(ql.Error, match="max_in_flight must be at most"):
        list(ql.stream([], max_in_flight=1 << 40))
    with pytest.raises(ql.Error, match="not both"):
        list(ql.stream([], config=ql.Config(), extractor=ql.Extractor()))


def test_pool_refuses_to_overfill_instead_of_deadlocking():
    pool = ql._core.Stream(ql.Extractor()._core, 1, 1)
    pool.submit("a", b"text")
    assert pool.full()
    with pytest.raises(ql.Error, match="in flight"):
        pool.submit("b", b"text")
    doc_id, doc, message, offset = pool.next()
    assert (doc_id, message, offset) == ("a", None, None)
    assert pool.next() is None
