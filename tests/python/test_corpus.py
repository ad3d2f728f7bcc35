"""Corpus: speakers and quotations linked across documents."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path

import pytest

import quotelink as ql
from quotelink.corpus import LINKED_FIELDS, link_keys

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))


class Builder:
    """A quotelink.Document built by hand: each mention is a line of text."""

    def __init__(self, doc_id: str) -> None:
        self.doc = ql.Document(text="", id=doc_id)

    def entity(self, name: str, type: str = "person", mentions=None, kind: str = "name") -> int:
        ids = []
        for text in mentions if mentions is not None else [name]:
            start = len(self.doc.text)
            self.doc.text += text + " said.\n"
            ids.append(len(self.doc.mentions))
            self.doc.mentions.append(ql.Mention(text, start, start + len(text), kind, len(self.doc.entities)))
        self.doc.entities.append(ql.Entity(len(self.doc.entities), name, type, tuple(ids)))
        return len(self.doc.entities) - 1

    def quote(self, text: str, speaker=None) -> None:
        start = len(self.doc.text)
        self.doc.text += text + "\n"
        entity = self.doc.entities[speaker] if speaker is not None else None
        self.doc.quotes.append(
            ql.Quote(
                text=text, start=start, end=start + len(text), kind="direct",
                speaker=entity.name if entity else None, speaker_type=entity.type if entity else None,
                speaker_id=speaker, mention=None, mention_start=None, mention_end=None,
                cue=None, sieve="test", confidence=1.0 if entity else 0.0, paragraph=0, sentence=0,
            )
        )


def two_documents(*speaker_quotes: tuple[str, str]) -> list[Builder]:
    """Documents "a", "b", ...: each one speaker and one quotation of theirs."""
    out = []
    for number, (speaker, quote) in enumerate(speaker_quotes):
        doc = Builder("ab"[number])
        doc.entity(speaker)
        doc.quote(quote, 0)
        out.append(doc)
    return out


def lavrov_corpus() -> ql.Corpus:
    a = Builder("yonhap")
    a.entity("Sergey Lavrov", mentions=["Russian Foreign Minister Sergey Lavrov"])
    a.quote("counterproductive.", 0)
    b = Builder("pri")
    b.entity("Sergei Lavrov", mentions=["Foreign Minister Sergei Lavrov", "Lavrov"])
    b.entity("Kim Jong-Un")
    b.quote("counter-productive", 0)
    c = Builder("tass")
    c.entity("Сергей Лавров")
    c.entity("Kim Jong-il")
    c.entity("the official", mentions=["the official"], kind="role")
    c.quote("Soon", 2)
    return ql.Corpus([a.doc, b.doc, c.doc])


def test_speakers_link_across_documents_and_scripts():
    corpus = lavrov_corpus()
    lavrov = [s for s in corpus.speakers if "Lavrov" in s.name]
    assert len(lavrov) == 1
    assert lavrov[0].documents == ("yonhap", "pri", "tass")
    assert lavrov[0].quotes == 2
    assert lavrov[0].mentions == 4
    assert "Сергей Лавров" in lavrov[0].aliases
    assert corpus.entity_id(0, 0) == corpus.entity_id(2, 0)


def test_different_people_and_roles_stay_apart():
    corpus = lavrov_corpus()
    names = [s.name for s in corpus.entities]
    assert "Kim Jong-Un" in names and "Kim Jong-il" in names
    assert len(corpus.entities) == 4
    role = [s for s in corpus.entities if s.name == "the official"][0]
    assert role.key == ""


def test_extra_titles_of_the_config_reach_the_linking_keys():
    # "Commissar" is a title only with the extractor's extra_titles: then the
    # Commissar Jane Roe of one document is the Jane Roe of the other.
    a, b = Builder("a"), Builder("b")
    a.entity("Commissar Jane Roe")
    b.entity("Jane Roe")
    linked = ql.Corpus([a.doc, b.doc], extra_titles=["Commissar"])
    assert linked.entity_id(0, 0) == linked.entity_id(1, 0)
    assert ql.Corpus([a.doc, b.doc]).entity_id(0, 0) != ql.Corpus([a.doc, b.doc]).entity_id(1, 0)
    assert link_keys(a.doc, extra_titles=["Commissar"]) != link_keys(a.doc)
    # A corpus of an extractor's texts links with its Config's titles.
    extractor = ql.Extractor(ql.Config(extra_titles=["Commissar"]))
    corpus = ql.Corpus.from_texts([], extractor=extractor)
    corpus.add(a.doc)
    corpus.add(b.doc)
    assert corpus.entity_id(0, 0) == corpus.entity_id(1, 0)


def test_unknown_language_of_a_corpus_raises_quotelink_error():
    with pytest.raises(ql.Error, match="xx"):
        ql.Corpus(language="xx")


def test_records_carry_global_speaker_entity_and_cluster():
    corpus = lavrov_corpus()
    records = list(corpus.records())
    assert [r["doc"] for r in records] == ["yonhap", "pri", "tass"]
    assert records[0]["speaker"] == records[1]["speaker"] == "Sergey Lavrov"
    assert records[0]["entity"] == records[1]["entity"]
    assert records[0]["cluster"] == records[1]["cluster"] != records[2]["cluster"]
    assert set(LINKED_FIELDS) <= set(records[0])
    assert corpus.to_jsonl().count("\n") == 3


def test_quote_clusters_need_two_documents():
    corpus = lavrov_corpus()
    clusters = corpus.quote_clusters
    assert len(clusters) == 1
    assert clusters[0].documents == ("yonhap", "pri")
    assert len(corpus.clusters(min_documents=1)) == 2


def test_to_pandas_has_linked_columns():
    pd = pytest.importorskip("pandas")
    frame = lavrov_corpus().to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(LINKED_FIELDS)
    assert len(frame) == 3


def test_keys_give_the_same_corpus_and_pickle():
    a, b = two_documents(
        ("Kim Jong-Un", "international issues of common interest,"),
        ("Kim Jong Un", "to discuss international issues of common interest and trade"),
    )
    direct = ql.Corpus([a.doc, b.doc])
    reduced = ql.Corpus()
    for doc in (a.doc, b.doc):
        keys = pickle.loads(pickle.dumps(link_keys(doc)))
        reduced.add_keys(keys, doc)
    assert list(reduced.records()) == list(direct.records())
    assert reduced.speakers == direct.speakers
    assert reduced.quote_clusters == direct.quote_clusters
    assert len(reduced.quote_clusters) == 1


def test_bad_input_raises_quotelink_error():
    corpus = ql.Corpus()
    with pytest.raises(ql.Error):
        corpus.add_keys(b"not keys")
    bad = Builder("bad")
    bad.entity("Sergei Lavrov")
    bad.doc.mentions[0] = ql.Mention("x", 5, 500, "name", 0)
    with pytest.raises(ql.Error, match="outside the text"):
        corpus.add(bad.doc)
    odd = Builder("odd")
    odd.quote("We will see.")
    odd.doc.quotes[0] = dataclasses.replace(odd.doc.quotes[0], kind="rumour")
    with pytest.raises(ql.Error, match="unknown quotation kind 'rumour'"):
        corpus.add(odd.doc)
    with pytest.raises(ql.Error):
        ql.Corpus(shingle_words=0)
    with pytest.raises(ql.Error, match="cannot read"):
        ql.Corpus.from_files([ROOT / "no" / "such.txt"])


def test_example_articles_cluster_shared_quotations():
    corpus = ql.Corpus.from_files(ARTICLES)
    assert len(corpus) == 5
    by_text = {" ".join(c.text.lower().split()).strip(",.‘’"): c for c in corpus.quote_clusters}
    common = by_text["international issues of common interest"]
    assert [Path(d).name[:3] for d in common.documents] == ["001", "003"]
    counter = [c for c in corpus.quote_clusters if "counter" in c.text.lower()]
    assert len(counter) == 1
    assert [Path(d).name[:3] for d in counter[0].documents] == ["002", "004"]


def test_link_returns_records_at_once_without_keeping_them():
    a, b = two_documents(("Sergey Lavrov", "counterproductive."), ("Sergei Lavrov", "counter-productive"))
    stream = ql.Corpus(keep_records=False)
    first = stream.link(a.doc)
    second = stream.link(b.doc)
    assert first[0]["speaker"] == second[0]["speaker"] == "Sergey Lavrov"
    assert first[0]["entity"] == second[0]["entity"]
    assert first[0]["cluster"] == second[0]["cluster"]
    assert list(stream.records()) == []
    assert [(s.documents, s.quotes) for s in stream.speakers] == [(("a", "b"), 2)]
    batch = ql.Corpus([a.doc, b.doc])
    assert [dict(r) for r in batch.records()] == first + second


def test_cli_link_writes_global_ids(capsys):
    from quotelink.cli import main

    assert main(["extract", "--link", "--format", "jsonl", *map(str, ARTICLES)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all({"speaker", "entity", "cluster"} <= set(r) for r in records)
    lavrov = {r["entity"] for r in records if r["speaker"] and "Lavrov" in r["speaker"]}
    assert len(lavrov) == 1
    assert {Path(r["doc"]).name[:3] for r in records if r["entity"] in lavrov} == {"002", "004"}
    common = {r["cluster"] for r in records if "common" in r["text"]}
    assert len(common) == 1
    assert {Path(r["doc"]).name[:3] for r in records if r["cluster"] in common} == {"001", "003"}


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_cli_link_needs_a_record_format(capsys, fmt):
    from quotelink.cli import main

    assert main(["extract", "--link", "--format", fmt, str(ARTICLES[0])]) == 2
    assert "--link writes linked records: use --format table, jsonl, csv" in capsys.readouterr().err
