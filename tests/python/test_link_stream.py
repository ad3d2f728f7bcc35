"""LinkStream: ``--link`` in bounded memory gives Corpus.link's records."""

from __future__ import annotations

import csv
import io
import json

import pytest

import quotelink as ql
from quotelink.corpus import LINKED_FIELDS, Corpus, LinkStream

from conftest import EXAMPLES


def _documents() -> list[ql.Document]:
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    names = [p.name for p in EXAMPLES]
    # The articles twice: the copies join the first ones' entities and clusters.
    return ql.extract_many(texts + texts, ids=names + [f"copy/{n}" for n in names])


def test_link_stream_gives_the_records_of_corpus_link():
    corpus = Corpus(keep_records=False)
    stream = LinkStream()
    joined = 0
    for doc, again in zip(_documents(), _documents()):
        expected = corpus.link(doc)
        got = stream.link(again)  # fresh from the core: linked without Python objects
        assert got == expected
        assert all(tuple(r) == LINKED_FIELDS for r in got)
        joined += sum(1 for r in got if r["entity"] is not None)
    assert joined > 0 and len(stream) == 2 * len(EXAMPLES)


def test_link_stream_links_python_built_documents_too():
    doc = _documents()[0]
    rebuilt = ql.Document(doc.text, id=doc.id, quotes=doc.quotes, mentions=doc.mentions, entities=doc.entities)
    assert LinkStream().link(rebuilt) == Corpus(keep_records=False).link(doc)


def test_cli_link_is_unchanged_by_the_stream(capsys):
    from quotelink.cli import main

    assert main(["extract", "--link", "--format", "jsonl", *map(str, EXAMPLES * 2)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    corpus = Corpus(keep_records=False)
    expected = []
    for doc in ql.extract_many([p.read_bytes() for p in EXAMPLES * 2], ids=[str(p) for p in EXAMPLES * 2]):
        expected += corpus.link(doc)
    assert lines == expected and lines


def test_link_text_is_what_json_dumps_writes_for_the_linked_records():
    by_records, by_text = LinkStream(), LinkStream()
    for doc, again in zip(_documents(), _documents()):
        records = by_records.link(doc)
        expected = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        assert by_text.link_text(again) == expected


def test_link_text_csv_is_what_the_csv_module_writes():
    by_records, by_text = LinkStream(), LinkStream()
    for doc, again in zip(_documents(), _documents()):
        out = io.StringIO()
        csv.DictWriter(out, fieldnames=list(LINKED_FIELDS), lineterminator="\n").writerows(by_records.link(doc))
        assert by_text.link_text(again, "csv") == out.getvalue()


def test_link_text_refuses_other_formats():
    with pytest.raises(ql.Error, match="jsonl or csv"):
        LinkStream().link_text(_documents()[0], "table")


def test_cli_link_csv_is_unchanged_by_the_stream(capsys):
    from quotelink.cli import main

    assert main(["extract", "--link", "--format", "csv", "-j", "2", *map(str, EXAMPLES * 2)]) == 0
    written = capsys.readouterr().out
    corpus = Corpus(keep_records=False)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(LINKED_FIELDS), lineterminator="\n")
    writer.writeheader()
    for doc in ql.extract_many([p.read_bytes() for p in EXAMPLES * 2], ids=[str(p) for p in EXAMPLES * 2]):
        writer.writerows(corpus.link(doc))
    assert written == out.getvalue()


def test_unlinkable_entities_are_counted_not_kept():
    stream = LinkStream()
    for doc in _documents():
        stream.link_text(doc)
    core = stream._core
    # Roles and pronouns get ids but no entry: fewer keys than entity ids,
    # and the copies add no key.
    assert 0 < core.linked_entities < core.entities
    keys = core.linked_entities
    for doc in _documents():
        stream.link_text(doc)
    assert core.linked_entities == keys and stream.held_bytes > 0


def test_an_unknown_language_fails_when_the_stream_is_made():
    with pytest.raises(ValueError, match="'xx'"):
        LinkStream(language="xx")
