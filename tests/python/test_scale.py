"""Documents that wrap the C++ result: lazy objects, records written in C++
(JSONL, CSV, DataFrame columns) identical to the Python path, pickling, and
the serialising stream behind ``quotelink extract --format jsonl/csv``."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotelink as ql
from quotelink import _core
from quotelink._document import RECORD_FIELDS
from quotelink.stream import serialized

TEXT = (
    "Officials met on Monday.\n\n"
    "\u201cWe are convinced that the talks will go on,\u201d Foreign Minister Sergei Lavrov said.\n\n"
    '"It is counter-productive," he told reporters in Moscow.\n'
)

# Characters that need escaping in JSON or quoting in CSV, and non-ASCII.
HOSTILE = (
    'Caf\u00e9 \u201cTab\there,\u201d said Ann Lee.\n\n'
    '"Back\\slash, \x01control\x1f and a \u2028 separator," Dr. Ann Lee said.\n\n'
    '"Emoji \U0001F600 and a comma, ok," she told reporters.\r\n'
)


def _python_jsonl(doc: ql.Document) -> str:
    """The records as the pure-Python path writes them."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _python_records(doc))


def _python_records(doc: ql.Document) -> list[dict]:
    return [dict({name: getattr(q, name, None) for name in RECORD_FIELDS}, doc=doc.id) for q in doc.quotes]


def _python_csv(doc: ql.Document) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(RECORD_FIELDS), lineterminator="\n")
    writer.writerows(_python_records(doc))
    return out.getvalue()


def test_extraction_builds_no_python_objects_until_read():
    doc = ql.extract(TEXT, id="lavrov")
    assert doc._quotes is None and doc._mentions is None and doc._entities is None
    assert doc.to_jsonl().count("\n") == 2
    assert len(doc.records()) == 2
    assert doc._quotes is None, "records and JSON are written from the C++ result"
    assert [q.speaker for q in doc.quotes] == ["Sergei Lavrov", "Sergei Lavrov"]
    assert doc._mentions is None, "reading quotes builds no mention"
    assert doc._core is not None
    doc.mentions, doc.entities
    assert doc._core is None, "the C++ result is let go once every list is built"


def test_bytes_input_decodes_the_text_only_when_read():
    data = TEXT.encode("utf-8")
    doc = ql.extract(data, id="bytes")
    assert doc._text is None, "bytes input: no str until .text is read"
    assert doc.text == TEXT
    # Released before .text was read: the text is decoded on release.
    other = ql.extract(data)
    other.quotes, other.mentions, other.entities
    assert other._core is None and other._text == TEXT
    assert [other.text[q.start : q.end] for q in other.quotes] == [q.text for q in other.quotes]
    # str input keeps the caller's object.
    assert ql.extract(TEXT)._text is TEXT


@pytest.mark.parametrize("text", [TEXT, HOSTILE])
def test_cpp_records_equal_the_python_records(text):
    lazy = ql.extract(text, id='id "with" quotes\n')
    python = ql.extract(text, id='id "with" quotes\n')
    assert python.quotes  # builds the Python objects: records come from them
    assert lazy.records() == python.records() == _python_records(python)
    assert lazy.to_jsonl() == python.to_jsonl() == _python_jsonl(python)
    assert _core.Extractor().extract(text.encode(), 'id "with" quotes\n').to_csv() == _python_csv(python)


def test_cpp_records_equal_the_python_records_on_the_examples(example_texts, fixture_texts):
    for name, text in {**example_texts, **fixture_texts}.items():
        doc = ql.extract(text, id=name)
        assert doc.to_jsonl() == _python_jsonl(ql.extract(text, id=name)), name
        core = _core.Extractor().extract(text.encode(), name)
        assert core.to_csv() == _python_csv(doc), name


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(['"', "\u201c", "\u201d", " said ", " Ann Lee", ",", "\\", "\n\n", "\t", "\r"]),
            st.text(min_size=1, max_size=12),
        ),
        max_size=30,
    )
)
def test_jsonl_equals_json_dumps_on_any_text(parts):
    text = "".join(parts)
    extractor = ql.Extractor(replace_invalid_utf8=True)
    doc = extractor.extract(text, id="\x00id\u00e9")
    assert doc.to_jsonl() == _python_jsonl(extractor.extract(text, id="\x00id\u00e9"))


def test_replaced_bytes_serialise_as_u_fffd():
    data = b'"Bad \xff byte here," Ann Lee said.'
    doc = ql.Extractor(replace_invalid_utf8=True).extract(data, id="x")
    (record,) = [json.loads(line) for line in doc.to_jsonl().splitlines()]
    assert record["text"] == "Bad \ufffd byte here,"
    assert "\ufffd" in doc.to_jsonl()


def test_in_place_changes_and_new_ids_show_in_the_records():
    doc = ql.extract(TEXT, id="a")
    doc.id = "b"
    assert {r["doc"] for r in doc.records()} == {"b"}
    assert json.loads(doc.to_jsonl().splitlines()[0])["doc"] == "b"
    del doc.quotes[0]
    assert len(doc.records()) == 1 and doc.to_jsonl().count("\n") == 1
    replaced = ql.extract(TEXT)
    replaced.entities = []
    assert len(replaced.quotes) == 2 and replaced.mentions, "the other lists are kept"
    assert replaced.entities == []


def test_to_json_keyword_arguments_still_go_to_json_dumps():
    doc = ql.extract(HOSTILE, id="hostile")
    ascii_only = doc.to_jsonl(ensure_ascii=True)
    assert ascii_only.isascii() and "\\ud83d" in ascii_only
    assert ascii_only == "".join(json.dumps(r) + "\n" for r in doc.records())
    assert doc.to_jsonl(sort_keys=True) == "".join(
        json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in doc.records()
    )


def test_lazy_documents_pickle_compare_and_display():
    lazy = ql.extract(TEXT, id="lavrov")
    copy = pickle.loads(pickle.dumps(lazy))
    assert copy == lazy
    assert copy.quotes == lazy.quotes and copy.entities == lazy.entities
    built = ql.Document(
        TEXT, id="lavrov", quotes=list(lazy.quotes), mentions=list(lazy.mentions), entities=list(lazy.entities)
    )
    assert built == ql.extract(TEXT, id="lavrov")
    assert built != ql.extract(TEXT, id="other")
    assert "Sergei Lavrov" in ql.extract(TEXT)._repr_html_()
    assert ql.extract(TEXT).to_dict() == copy.to_dict() | {"doc": ""}


def test_quote_objects_are_the_frozen_dataclasses():
    q = ql.extract(TEXT).quotes[0]
    assert dataclasses.is_dataclass(q) and isinstance(q, ql.Quote)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.text = "changed"  # type: ignore[misc]
    assert q == ql.Quote(**q.to_dict())
    assert isinstance(q.quoted_parts, tuple)
    m = ql.extract(TEXT).entities[0]
    assert m == ql.Entity(**dataclasses.asdict(m)) and isinstance(m.mention_ids, tuple)


def test_extract_many_keeps_ids_on_the_core_records():
    docs = ql.extract_many([TEXT, TEXT], ids=["one", "two"], threads=2)
    assert [json.loads(d.to_jsonl().splitlines()[0])["doc"] for d in docs] == ["one", "two"]


def test_serialized_stream_writes_the_records_on_the_workers():
    extractor = ql.Extractor()
    items = [("a", TEXT), ("b", b"bad \xff byte"), ("c", HOSTILE)]
    for output, expected in (("jsonl", _python_jsonl), ("csv", _python_csv)):
        results = list(serialized(items, output, threads=2, extractor=extractor))
        assert [i for i, _ in results] == ["a", "b", "c"]
        assert results[0][1] == expected(ql.extract(TEXT, id="a"))
        assert isinstance(results[1][1], ql.Error) and results[1][1].byte_offset == 4
        assert results[2][1] == expected(ql.extract(HOSTILE, id="c"))


def test_stream_rejects_an_unknown_output():
    with pytest.raises(ql.Error, match="document, jsonl, csv or link_keys"):
        _core.Stream(ql.Extractor()._core, 1, 1, "xml")
    assert _core.Stream(ql.Extractor()._core, 1, 1, "csv").output == "csv"
    assert _core.Stream(ql.Extractor()._core, 1, 1, "link_keys").output == "link_keys"


def test_record_columns_equal_the_records():
    cores = [_core.Extractor().extract(t.encode(), i) for i, t in (("a", TEXT), ("b", HOSTILE), ("c", "No quote."))]
    columns = _core.record_columns(cores)
    assert list(columns) == list(RECORD_FIELDS)
    rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
    assert rows == [r for c in cores for r in c.records()]
    assert _core.record_columns([]) == {name: [] for name in RECORD_FIELDS}


def test_cli_jsonl_and_csv_equal_the_python_path(tmp_path, example_texts, capsys):
    from quotelink.cli import main

    paths = []
    for name, text in list(example_texts.items()) + [("hostile.txt", HOSTILE)]:
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    paths.sort()
    docs = [ql.extract(p.read_bytes().decode("utf-8"), id=str(p)) for p in paths]
    assert main(["extract", "--format", "jsonl", "-j", "2", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "".join(_python_jsonl(d) for d in docs)
    assert main(["extract", "--format", "csv", "-j", "2", str(tmp_path)]) == 0
    header = ",".join(RECORD_FIELDS) + "\n"
    assert capsys.readouterr().out == header + "".join(_python_csv(d) for d in docs)


def test_threads_reading_the_same_lazy_documents_all_see_every_list():
    import threading

    docs = ql.extract_many([TEXT, HOSTILE] * 50, threads=2)
    failures: list[BaseException] = []
    barrier = threading.Barrier(4)

    def read(order: tuple[str, ...]) -> None:
        barrier.wait()
        try:
            for doc in docs:
                for name in order:
                    assert getattr(doc, name)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    orders = [("quotes", "mentions", "entities"), ("entities", "mentions", "quotes")] * 2
    threads = [threading.Thread(target=read, args=(o,)) for o in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert all(d._core is None for d in docs)
