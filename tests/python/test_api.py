"""The Python API: extract, extract_many, Extractor, Config, Document, Error."""

from __future__ import annotations

import dataclasses
import importlib
import json
import pickle
import sys
import threading
import time

import pytest

import quotelink as ql
from quotelink import _core
from quotelink._document import RECORD_FIELDS

TEXT = (
    "Officials met on Monday.\n\n"
    "\u201cWe are convinced that the talks will go on,\u201d Foreign Minister Sergei Lavrov said.\n\n"
    '"It is counter-productive," he told reporters in Moscow.\n'
)


def _signature(doc: ql.Document) -> list[dict]:
    return [q.to_dict() for q in doc.quotes] + [dataclasses.asdict(m) for m in doc.mentions] + [
        dataclasses.asdict(e) for e in doc.entities
    ]


def test_extract_returns_a_document_of_quotes():
    doc = ql.extract(TEXT, id="lavrov")
    assert isinstance(doc, ql.Document)
    assert doc.id == "lavrov"
    assert doc.text == TEXT
    assert [q.text for q in doc.quotes] == [
        "We are convinced that the talks will go on,",
        "It is counter-productive,",
    ]
    for q in doc.quotes:
        assert isinstance(q, ql.Quote)
        assert q.kind in {"direct", "partial", "indirect"}
        assert 0.0 <= q.confidence <= 1.0
        assert TEXT[q.start : q.end] == q.text


def test_str_and_utf8_bytes_give_the_same_document():
    from_str = ql.extract(TEXT)
    from_bytes = ql.extract(TEXT.encode("utf-8"))
    assert _signature(from_str) == _signature(from_bytes)
    assert from_bytes.text == TEXT


@pytest.mark.parametrize("bad", [42, None, ["text"], bytearray(b"text")])
def test_extract_rejects_non_text(bad):
    with pytest.raises(TypeError, match="str or bytes"):
        ql.extract(bad)


def test_attribution_structure_is_consistent(example_texts, fixture_texts):
    for name, text in {**example_texts, **fixture_texts}.items():
        doc = ql.extract(text, id=name)
        for q in doc.quotes:
            if q.speaker_id is None:
                assert q.speaker is None and q.speaker_type is None
                continue
            entity = doc.entities[q.speaker_id]
            assert (q.speaker, q.speaker_type) == (entity.name, entity.type)
            assert q.mention is not None
        for entity in doc.entities:
            assert entity.type in {"person", "organisation", "group", "unknown"}
            for mention_id in entity.mention_ids:
                assert doc.mentions[mention_id].entity_id == entity.id
        for mention in doc.mentions:
            assert mention.kind in {"name", "role", "organisation", "place", "document", "pronoun"}
            assert -1 <= mention.entity_id < len(doc.entities)


# --- Config ---------------------------------------------------------------


def test_config_defaults_and_normalisation():
    config = ql.Config(
        extra_cue_verbs=["quip", " opine "],
        extra_titles=["Chief   Rabbi"],
        speaker_aliases={"Bibi": "Benjamin  Netanyahu"},
    )
    assert config.replace_invalid_utf8 is False and config.indirect is True
    assert config.extra_cue_verbs == ("quip", "opine")
    assert config.extra_titles == ("Chief Rabbi",)
    assert dict(config.speaker_aliases) == {"Bibi": "Benjamin Netanyahu"}
    assert ql.Config() == ql.Config(extra_cue_verbs=[])
    assert "quip" in repr(config)


def test_config_validates_assignments_and_copies():
    config = ql.Config(extra_titles=["Commissioner"])
    config.indirect = False
    config.extra_cue_verbs = ["quip"]
    assert config.extra_cue_verbs == ("quip",)
    with pytest.raises(ql.Error, match="must be True or False"):
        config.indirect = "no"  # type: ignore[assignment]
    with pytest.raises(ql.Error, match="did you mean 'extra_titles'"):
        config.extra_title = ["Dr"]  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        config.speaker_aliases["x"] = "y"  # type: ignore[index]
    changed = config.replace(indirect=True)
    assert changed.indirect is True and changed.extra_titles == ("Commissioner",)
    assert config.indirect is False
    assert ql.Config(**config.to_dict()) == config
    with pytest.raises(TypeError):
        hash(config)


def test_config_pickles():
    config = ql.Config(indirect=False, extra_cue_verbs=["quip"], speaker_aliases={"Bibi": "Benjamin Netanyahu"})
    assert pickle.loads(pickle.dumps(config)) == config


def test_extractor_keeps_its_own_copy_of_the_config():
    config = ql.Config(extra_titles=["Commissioner"])
    extractor = ql.Extractor(config)
    config.extra_titles = ["Dr"]
    assert extractor.config.extra_titles == ("Commissioner",)
    assert extractor._core.config.extra_titles == ["Commissioner"]
    extractor.config.indirect = False
    assert extractor.config.indirect is True


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"cue_verbs": ["quip"]}, "unknown option 'cue_verbs'; did you mean 'extra_cue_verbs'"),
        ({"colour": "red"}, "unknown option 'colour'; options are"),
        ({"extra_cue_verbs": "quip"}, "must be a list of strings, not str"),
        ({"extra_cue_verbs": 7}, "must be a list of strings, not int"),
        ({"extra_cue_verbs": ["quip", 3]}, "must contain strings, not int"),
        ({"extra_cue_verbs": ["speak out"]}, "must be a single word"),
        ({"extra_titles": ["  "]}, "contains no letter"),
        ({"speaker_aliases": [("Bibi", "Netanyahu")]}, "must be a mapping"),
        ({"speaker_aliases": {"Bibi": ""}}, "empty alias or name"),
        ({"speaker_aliases": {"Bibi": 1}}, "must map str to str"),
        ({"replace_invalid_utf8": "yes"}, "must be True or False"),
        ({"indirect": 1}, "must be True or False"),
    ],
)
def test_bad_options_raise_error(options, message):
    with pytest.raises(ql.Error, match=message) as info:
        ql.Config(**options)
    assert info.value.byte_offset is None


def test_config_reaches_the_core():
    extractor = ql.Extractor(
        extra_cue_verbs=["quip"], extra_titles=["Chief Rabbi"], speaker_aliases={"Bibi": "Benjamin Netanyahu"}
    )
    core_config = extractor._core.config
    assert core_config.extra_cue_verbs == ["quip"]
    assert core_config.extra_titles == ["Chief Rabbi"]
    assert core_config.speaker_aliases == {"Bibi": "Benjamin Netanyahu"}
    assert core_config.indirect is True


def test_extractor_takes_a_config_a_dict_or_keywords():
    by_config = ql.Extractor(ql.Config(extra_titles=["Commissioner"]))
    by_dict = ql.Extractor({"extra_titles": ["Commissioner"]})
    by_keywords = ql.Extractor(extra_titles=["Commissioner"])
    assert by_config.config == by_dict.config == by_keywords.config
    assert "Commissioner" in repr(by_keywords)
    with pytest.raises(ql.Error, match="either a config or keyword options"):
        ql.Extractor(ql.Config(), indirect=False)
    with pytest.raises(ql.Error, match="config must be a quotelink.Config"):
        ql.Extractor("indirect=False")  # type: ignore[arg-type]
    with pytest.raises(ql.Error, match="unknown option"):
        ql.extract(TEXT, config={"no_such_option": True})


def test_extract_with_config_reuses_compiled_extractors():
    from quotelink._extractor import _extractor_for

    first = _extractor_for(ql.Config(extra_cue_verbs=["quip"]))
    again = _extractor_for({"extra_cue_verbs": ["quip"]})
    other = _extractor_for(ql.Config(extra_cue_verbs=["opine"]))
    assert first is again
    assert other is not first


# --- Errors ----------------------------------------------------------------


def test_invalid_utf8_raises_error_with_byte_offset():
    with pytest.raises(ql.Error, match="byte offset 6") as info:
        ql.extract("caf\u00e9 ".encode() + b"\xc3(")
    assert info.value.byte_offset == 6
    assert isinstance(info.value, ValueError)


def test_lone_surrogate_in_str_raises_error():
    with pytest.raises(ql.Error) as info:
        ql.extract("abc \ud800 def")
    assert info.value.byte_offset == 4


def test_replacing_invalid_utf8_keeps_offsets_valid():
    data = b'He said: "caf\xc3\xa9 \xff\xfe ok," and left. "Na\xefve \xe2\x80 words," she said.'
    doc = ql.extract(data, config=ql.Config(replace_invalid_utf8=True))
    assert doc.replaced_invalid_bytes == 5
    assert doc.text == data.decode("utf-8", errors="replace")
    assert len(doc.quotes) == 2
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
    assert "\ufffd" in doc.quotes[0].text


def test_error_is_registered_once():
    assert ql.Error is _core.Error
    assert ql.Error.__module__ == "quotelink"
    reloaded = importlib.reload(ql)
    assert reloaded.Error is _core.Error
    assert ql.Error("raised from Python").byte_offset is None


# --- extract_many ------------------------------------------------------------


@pytest.mark.parametrize("threads", [0, 1, 2, 3])
def test_extract_many_equals_one_by_one(example_texts, fixture_texts, threads):
    texts = list(example_texts.values()) + list(fixture_texts.values())
    names = list(example_texts) + list(fixture_texts)
    many = ql.extract_many(texts, threads=threads, ids=names)
    assert [d.id for d in many] == names
    for doc, text, name in zip(many, texts, names):
        single = ql.extract(text, id=name)
        assert doc.text == text
        assert _signature(doc) == _signature(single)


def test_extract_many_on_an_empty_list_and_generators():
    assert ql.extract_many([]) == []
    docs = ql.extract_many(t for t in [TEXT, TEXT.encode()])
    assert len(docs) == 2 and _signature(docs[0]) == _signature(docs[1])


def test_extract_many_names_the_failing_text():
    with pytest.raises(ql.Error, match="text 2: invalid UTF-8 at byte offset 3") as info:
        ql.extract_many([TEXT, TEXT, b"abc\xffdef", b"\xff"], threads=2)
    assert info.value.byte_offset == 3


def test_extract_many_replaces_with_config():
    docs = ql.extract_many([b"a\xffb"], config={"replace_invalid_utf8": True})
    assert docs[0].text == "a\ufffdb"


@pytest.mark.parametrize(("threads", "message"), [(-1, ">= 0"), (True, "must be an int"), (1.5, "must be an int")])
def test_extract_many_rejects_bad_thread_counts(threads, message):
    with pytest.raises(ql.Error, match=message):
        ql.extract_many([TEXT], threads=threads)


def test_core_rejects_negative_threads():
    with pytest.raises(ql.Error, match=">= 0"):
        _core.Extractor().extract_many([b"x"], -2)


def test_extract_many_rejects_mismatched_ids():
    with pytest.raises(ql.Error, match="1 ids for 2 texts"):
        ql.extract_many([TEXT, TEXT], ids=["only one"])


def test_core_batch_releases_the_gil(example_texts):
    """While the core works on a batch, other Python threads keep running."""
    batch = [t.encode() for t in example_texts.values()] * 150
    core = _core.Extractor()
    started = time.perf_counter()
    core.extract_many(batch, 1)
    duration = time.perf_counter() - started

    done = threading.Event()
    worker = threading.Thread(target=lambda: (core.extract_many(batch, 1), done.set()))
    longest_gap = 0.0
    last = time.perf_counter()
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest_gap = max(longest_gap, now - last)
        last = now
    worker.join()
    # Holding the GIL would stall this loop for the whole call.
    assert duration > 0.05
    assert longest_gap < duration / 2, (longest_gap, duration)


# --- Document output ---------------------------------------------------------


def test_records_have_the_jsonl_fields():
    doc = ql.extract(TEXT, id="doc-1")
    records = doc.records()
    assert len(records) == len(doc.quotes)
    for record, q in zip(records, doc.quotes):
        assert tuple(record) == RECORD_FIELDS
        assert record["doc"] == "doc-1"
        assert record["text"] == q.text == TEXT[record["start"] : record["end"]]


def test_to_jsonl_is_one_record_per_line():
    doc = ql.extract(TEXT + "\u00e9", id="x")
    lines = doc.to_jsonl().splitlines()
    assert len(lines) == len(doc.quotes)
    assert [json.loads(line)["text"] for line in lines] == [q.text for q in doc.quotes]
    assert "\\u" not in doc.to_jsonl()
    assert json.loads(doc.to_jsonl(ensure_ascii=True).splitlines()[0]) == json.loads(lines[0])


def test_to_dict_is_plain_json_data():
    doc = ql.extract(TEXT, id="x")
    data = doc.to_dict()
    assert data["doc"] == "x" and data["text"] == TEXT
    assert [q["text"] for q in data["quotes"]] == [q.text for q in doc.quotes]
    assert list(data) == ["doc", "text", "quotes", "mentions", "entities", "replaced_invalid_bytes"]
    assert json.loads(json.dumps(data)) == json.loads(json.dumps(data, ensure_ascii=False))


def test_to_pandas_has_one_row_per_quote():
    pd = pytest.importorskip("pandas")
    doc = ql.extract(TEXT, id="x")
    frame = doc.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert list(frame["text"]) == [q.text for q in doc.quotes]
    empty = ql.extract("No quotations here.").to_pandas()
    assert len(empty) == 0 and list(empty.columns) == list(RECORD_FIELDS)


def test_to_pandas_without_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        ql.extract(TEXT).to_pandas()


def test_repr_is_short():
    doc = ql.extract(TEXT * 50, id="long")
    assert repr(doc).startswith("<quotelink.Document id='long'")
    assert len(repr(doc)) < 120


def test_html_outputs():
    doc = ql.extract(TEXT, id="a<b>")
    fragment = doc._repr_html_()
    assert fragment.startswith('<div class="quotelink-document"')
    assert "a&lt;b&gt;" in fragment and "<b>a<b></b>" not in fragment
    page = doc.to_html(page=True)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert doc.to_html() in page


# --- Attribution (only what is robust across sieve changes) -------------------


def test_attribution_reaches_python():
    doc = ql.extract(TEXT)
    first, second = doc.quotes
    assert first.speaker == "Sergei Lavrov" and first.speaker_type == "person"
    assert first.mention == "Foreign Minister Sergei Lavrov" and first.cue == "said"
    assert second.speaker_id == first.speaker_id and second.mention == "he"
    assert doc.entities[first.speaker_id].name == "Sergei Lavrov"
    assert {doc.mentions[i].text for i in doc.entities[first.speaker_id].mention_ids} >= {
        "Foreign Minister Sergei Lavrov",
        "he",
    }


def test_speaker_aliases_name_the_speaker():
    text = '"We will prevail," Bibi said on Sunday.'
    assert ql.extract(text).quotes[0].speaker == "Bibi"
    doc = ql.extract(text, config={"speaker_aliases": {"Bibi": "Benjamin Netanyahu"}})
    assert doc.quotes[0].speaker == "Benjamin Netanyahu"
    assert doc.quotes[0].mention == "Bibi"
