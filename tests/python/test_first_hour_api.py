"""The Python API a new user reaches for first (issue #18): Config filters,
Documents as sequences of quotations, exact round trips through dicts and
JSON, one default for ids, nullable integer columns, speakers that speak,
and a documented Error."""

from __future__ import annotations

import dataclasses
import json
import pickle

import pytest

import quotelink as ql
from quotelink import _core

THREE_KINDS = (
    '"We will win," Foreign Minister Sergei Lavrov said on Monday.\n\n'
    "The minister said that the talks would go on for weeks.\n\n"
    '"Nobody knows what comes next."\n'
)


# --- Config: kinds and min_confidence ------------------------------------------


def test_config_kinds_and_min_confidence_filter_the_quotations():
    every = ql.extract(THREE_KINDS).quotes
    assert [q.kind for q in every] == ["direct", "indirect", "direct"]
    indirect = ql.extract(THREE_KINDS, config={"kinds": ["indirect"]})
    assert [q.text for q in indirect.quotes] == [every[1].text]
    assert indirect.quotes[0].speaker == "Sergei Lavrov"  # its entity is still there
    sure = ql.extract(THREE_KINDS, config=ql.Config(min_confidence=every[1].confidence))
    assert [q.text for q in sure.quotes] == [q.text for q in every if q.confidence >= every[1].confidence]
    assert len(sure.quotes) == 2  # the unattributed quotation (confidence 0) is gone


def test_config_normalises_kinds_and_reaches_the_core():
    config = ql.Config(kinds=["indirect", "direct", "direct"], min_confidence=1)
    assert config.kinds == ("direct", "indirect") and config.min_confidence == 1.0
    assert ql.Config().kinds == ("direct", "partial", "indirect") and ql.Config().min_confidence == 0.0
    core = ql.Extractor(config)._core.config
    assert core.kinds == ["direct", "indirect"] and core.min_confidence == 1.0
    assert ql.Config(**config.to_dict()) == config
    assert pickle.loads(pickle.dumps(config)) == config
    assert config != ql.Config(kinds=["direct"], min_confidence=1)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"kinds": "direct"}, "kinds must be a list of quotation kinds"),
        ({"kinds": ["quoted"]}, "unknown quotation kind 'quoted'"),
        ({"kinds": []}, "at least one of direct, partial, indirect"),
        ({"min_confidence": 1.5}, "min_confidence must be a number from 0 to 1"),
        ({"min_confidence": float("nan")}, "min_confidence must be a number from 0 to 1"),
        ({"min_confidence": True}, "min_confidence must be a number from 0 to 1"),
        ({"min_confidence": "0.5"}, "min_confidence must be a number from 0 to 1"),
    ],
)
def test_bad_filters_raise_error(options, message):
    with pytest.raises(ql.Error, match=message):
        ql.Config(**options)


def test_core_config_rejects_unknown_kinds():
    core = _core.Config()
    with pytest.raises(ql.Error, match="unknown quotation kind 'quoted'"):
        core.kinds = ["quoted"]


def test_config_from_file(tmp_path):
    path = tmp_path / "quotelink.toml"
    path.write_text('kinds = ["direct"]\nextra_cue_verbs = ["quip"]\n[speaker_aliases]\nBibi = "Benjamin Netanyahu"\n')
    assert ql.Config.from_file(path) == ql.Config(
        kinds=["direct"], extra_cue_verbs=["quip"], speaker_aliases={"Bibi": "Benjamin Netanyahu"}
    )
    as_json = tmp_path / "quotelink.json"
    as_json.write_text(json.dumps(ql.Config.from_file(path).to_dict()))
    assert ql.Config.from_file(as_json) == ql.Config.from_file(path)


# --- Document as a sequence of quotations ----------------------------------------


def test_len_and_iter_give_the_quotations():
    doc = ql.extract(THREE_KINDS)
    assert len(doc) == len(doc.quotes) == 3
    assert list(doc) == doc.quotes
    assert [q.kind for q in doc] == ["direct", "indirect", "direct"]
    empty = ql.extract("No quotation here.")
    assert len(empty) == 0 and list(empty) == []


def test_repr_counts_speakers_and_entities_apart():
    text = (
        "Officials of the Russian foreign ministry met on Monday.\n\n"
        '"We will win," Foreign Minister Sergei Lavrov said on Monday.\n\n'
        '"Nobody knows what comes next."\n'
    )
    doc = ql.extract(text, id="x")
    assert len(doc.entities) == 3
    assert repr(doc) == f"<quotelink.Document id='x': {len(text)} characters, 2 quotations, 1 speaker, 3 entities>"
    assert [e.name for e in doc.speakers] == ["Sergei Lavrov"]


# --- round trips ---------------------------------------------------------------


def _every_field(doc: ql.Document) -> tuple:
    return (
        doc.text,
        doc.id,
        doc.replaced_invalid_bytes,
        [dataclasses.astuple(q) for q in doc.quotes],
        [dataclasses.astuple(m) for m in doc.mentions],
        [dataclasses.astuple(e) for e in doc.entities],
    )


def test_dict_and_json_round_trips_are_exact(example_texts, fixture_texts):
    texts = list(example_texts.values()) + list(fixture_texts.values())
    extractor = ql.Extractor(replace_invalid_utf8=True)
    docs = extractor.extract_many([t.encode() for t in texts] + [b'"Caf\xe9," she said.'])
    assert docs[-1].replaced_invalid_bytes == 1
    assert any(q.quoted_parts for d in docs for q in d.quotes)
    for doc in docs:
        for copy in (ql.Document.from_dict(doc.to_dict()), ql.Document.from_json(doc.to_json())):
            assert copy == doc
            assert _every_field(copy) == _every_field(doc)
            assert all(type(a) is type(b) for a, b in zip(_every_field(copy)[3], _every_field(doc)[3]))
            assert copy.to_jsonl() == doc.to_jsonl()
        # JSON data (tuples become lists), read back the same.
        assert ql.Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


def test_round_trip_keeps_tuples_and_optional_fields():
    doc = ql.extract(THREE_KINDS)
    copy = ql.Document.from_json(doc.to_json())
    unattributed = copy.quotes[2]
    assert unattributed.speaker is None and unattributed.speaker_id is None and unattributed.cue_start is None
    assert isinstance(copy.entities[0].mention_ids, tuple)
    assert hash(copy.quotes[0]) == hash(doc.quotes[0])


def test_to_json_is_the_document_and_to_jsonl_the_records():
    doc = ql.extract(THREE_KINDS, id="lavrov")
    assert json.loads(doc.to_json()) == json.loads(json.dumps(doc.to_dict()))
    assert json.loads(doc.to_json())["doc"] == "lavrov"
    lines = doc.to_jsonl().splitlines()
    assert [json.loads(line) for line in lines] == doc.records()
    with pytest.raises(ql.Error, match="JSON Lines of quotation records"):
        ql.Document.from_json(doc.to_jsonl())


def test_entity_and_mention_to_dict():
    doc = ql.extract(THREE_KINDS)
    entity, mention = doc.entities[0], doc.mentions[0]
    assert entity.to_dict() == {"id": 0, "name": entity.name, "type": entity.type, "mention_ids": entity.mention_ids}
    assert ql.Entity(**entity.to_dict()) == entity and ql.Mention(**mention.to_dict()) == mention
    assert set(mention.to_dict()) == {"text", "start", "end", "kind", "entity_id", "head"}
    assert ql.Entity.from_dict(entity.to_dict()) == entity
    assert ql.Mention.from_dict(mention.to_dict()) == mention
    assert ql.Quote.from_dict(doc.quotes[0].to_dict()) == doc.quotes[0]


def _broken(change):
    data = ql.extract(THREE_KINDS).to_dict()
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(extra=1), "unknown key 'extra'"),
        (lambda d: d.pop("text"), "'text' and 'doc' must be strings"),
        (lambda d: d["quotes"][0].pop("kind"), "quotation: missing field 'kind'"),
        (lambda d: d["quotes"][0].update(colour="red"), "quotation: unknown field 'colour'"),
        (lambda d: d["quotes"][0].update(start="3"), "field 'start' has the wrong type"),
        (lambda d: d["quotes"][0].update(start=d["quotes"][0]["start"] + 1), "quotation 0: text"),
        (lambda d: d["quotes"][0].update(speaker_id=99), "speaker_id 99 names no entity"),
        (lambda d: d["mentions"][0].update(entity_id=99), "entity_id 99 names no entity"),
        (lambda d: d["entities"][0].update(mention_ids=[99]), "entity 0"),
        (lambda d: d.update(quotes={}), "'quotes' must be a list"),
    ],
)
def test_from_dict_rejects_damaged_data(change, message):
    with pytest.raises(ql.Error, match=message):
        ql.Document.from_dict(_broken(change))


def test_from_json_rejects_what_is_not_json():
    with pytest.raises(ql.Error, match="not a JSON document"):
        ql.Document.from_json("{")
    with pytest.raises(ql.Error, match="must be a dict"):
        ql.Document.from_json("[]")


# --- ids, pandas ---------------------------------------------------------------


def test_extract_many_and_corpus_use_positions_as_default_ids():
    texts = [THREE_KINDS, "No quotation."]
    assert [d.id for d in ql.extract_many(texts)] == ["0", "1"]
    assert [d.id for d in ql.Extractor().extract_many(texts)] == ["0", "1"]
    assert ql.Corpus.from_texts(texts).documents == ["0", "1"]
    assert [d.id for d in ql.extract_many(texts, ids=["a", "b"])] == ["a", "b"]


def test_to_pandas_offsets_are_nullable_integers():
    pd = pytest.importorskip("pandas")
    frame = ql.extract(THREE_KINDS).to_pandas()
    assert str(frame["mention_start"].dtype) == str(frame["mention_end"].dtype) == "Int64"
    assert frame["start"].dtype == "int64" and frame["confidence"].dtype == "float64"
    assert frame["mention_start"].isna().tolist() == [False, False, True]
    assert frame["mention_start"][0] == ql.extract(THREE_KINDS).quotes[0].mention_start
    empty = ql.extract("No quotation.").to_pandas()
    assert len(empty) == 0 and str(empty["mention_start"].dtype) == "Int64"
    linked = ql.Corpus([ql.extract(THREE_KINDS, id="a")]).to_pandas()
    assert str(linked["entity"].dtype) == "Int64" and linked["entity"].isna().tolist() == [False, False, True]
    assert linked["cluster"].dtype == "int64" and str(linked["mention_start"].dtype) == "Int64"
    assert isinstance(frame, pd.DataFrame)


# --- speakers, Error -------------------------------------------------------------


def test_corpus_speakers_are_entities_with_quotations(example_texts):
    corpus = ql.Corpus.from_texts(list(example_texts.values()), ids=list(example_texts))
    entities, speakers = corpus.entities, corpus.speakers
    assert [e.id for e in entities] == list(range(len(entities)))
    assert speakers == [e for e in entities if e.quotes > 0]
    assert 0 < len(speakers) < len(entities)
    assert not any("vigorous campaign" in s.name for s in speakers)
    assert any("vigorous campaign" in e.name for e in entities)  # still there, under its name
    assert sum(s.quotes for s in speakers) == sum(1 for r in corpus.records() if r["entity"] is not None)
    assert repr(corpus).startswith(f"<quotelink.Corpus: 5 documents, {len(speakers)} speakers (of {len(entities)} entities)")


def test_corpus_to_jsonl_and_the_deprecated_to_json():
    corpus = ql.Corpus([ql.extract(THREE_KINDS, id="a")])
    assert [json.loads(line) for line in corpus.to_jsonl().splitlines()] == list(corpus.records())
    with pytest.warns(DeprecationWarning, match="to_jsonl"):
        assert corpus.to_json() == corpus.to_jsonl()


def test_error_is_documented():
    assert ql.Error.__doc__ and "byte_offset" in ql.Error.__doc__
    assert issubclass(ql.Error, ValueError)
