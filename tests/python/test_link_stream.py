"""LinkStream: ``--link`` in bounded memory gives Corpus.link's records."""

from __future__ import annotations

import json

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
