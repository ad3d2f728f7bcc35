"""quotelink.dask on a real two-process LocalCluster equals one machine."""

import json
import pickle
from pathlib import Path

import pytest

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import quotelink as ql  # noqa: E402
import quotelink.dask as qd  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples/articles").glob("*.txt"))
FIXTURE = ROOT / "tests/fixtures/scale/polnear_like.jsonl"


def documents():
    """The example articles and the PolNeAR-like fixtures as {"id", "text"} dicts."""
    docs = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in EXAMPLES]
    with FIXTURE.open(encoding="utf-8") as handle:
        docs += [json.loads(line) for line in handle]
    return docs


def single_machine(docs, config=None):
    extractor = ql.Extractor(config)
    records = [r for d in docs for r in extractor.extract(d["text"], id=str(d["id"])).records()]
    return qd.quotation_frame(records)


def same(got, expected):
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))


@pytest.fixture(scope="module")
def client():
    # Two worker processes: the configuration and the code must really travel.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as client:
        client.wait_for_workers(2)
        yield client


def test_the_cluster_has_two_worker_processes(client):
    workers = client.scheduler_info(n_workers=-1)["workers"]
    assert len(workers) == 2
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2


def test_extract_bag_equals_single_machine(client):
    docs = documents()
    assert len(docs) >= 10
    got = qd.extract_bag(db.from_sequence(docs, npartitions=4)).compute()
    expected = single_machine(docs)
    assert len(expected) > 20
    same(got, expected)


def test_extract_bag_accepts_pairs(client):
    docs = documents()
    pairs = [(d["id"], d["text"]) for d in docs]
    same(qd.extract_bag(db.from_sequence(pairs, npartitions=3)).compute(), single_machine(docs))


def test_extract_dataframe_equals_single_machine(client):
    docs = documents()
    frame = pd.DataFrame({"article": [d["id"] for d in docs], "body": [d["text"] for d in docs]})
    ddf = dd.from_pandas(frame, npartitions=3)
    got = qd.extract_dataframe(ddf, text_column="body", id_column="article")
    assert list(got.columns) == list(ql._document.RECORD_FIELDS)
    same(got.compute(), single_machine(docs))


def test_extract_dataframe_uses_the_index_when_there_is_no_id_column(client):
    docs = documents()[:4]
    frame = pd.DataFrame({"text": [d["text"] for d in docs]}, index=[f"n{i}" for i in range(4)])
    got = qd.extract_dataframe(dd.from_pandas(frame, npartitions=2), id_column=None).compute()
    expected = single_machine([{"id": f"n{i}", "text": d["text"]} for i, d in enumerate(docs)])
    same(got, expected)


def test_the_configuration_is_shipped_to_the_workers(client):
    docs = [{"id": "bad", "text": b'"Fine," she said. \xff'}, {"id": "ok", "text": '"Yes," he said.'}]
    bag = db.from_sequence(docs, npartitions=2)
    with pytest.raises(ql.Error, match="'bad'.*byte offset 18") as raised:
        qd.extract_bag(bag).compute()
    assert raised.value.byte_offset == 18
    config = ql.Config()
    config.replace_invalid_utf8 = True
    config.indirect = False
    got = qd.extract_bag(bag, config=config).compute()
    same(got, single_machine(docs, config))
    assert "bad" in set(got["doc"])


def test_errors_skip_leaves_out_bad_documents(client):
    docs = [{"id": "bad", "text": b"\xff"}, {"id": "none", "text": None}] + documents()[:3]
    got = qd.extract_bag(db.from_sequence(docs, npartitions=2), errors="skip").compute()
    same(got, single_machine(documents()[:3]))


def test_missing_text_raises(client):
    frame = pd.DataFrame({"id": ["a", "b"], "text": ['"Yes," he said.', None]})
    with pytest.raises(ql.Error, match="'b': text is missing"):
        qd.extract_dataframe(dd.from_pandas(frame, npartitions=1)).compute()


def test_malformed_bag_items_raise(client):
    with pytest.raises(ql.Error, match="pairs or"):
        qd.extract_bag(db.from_sequence(["just text"], npartitions=1)).compute()
    with pytest.raises(ql.Error, match="lacks 'text'"):
        qd.extract_bag(db.from_sequence([{"id": "a"}], npartitions=1)).compute()


def test_bad_arguments_are_rejected_before_any_work():
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ["x"]}), npartitions=1)
    with pytest.raises(ql.Error, match="no column 'body'"):
        qd.extract_dataframe(ddf, text_column="body")
    with pytest.raises(ql.Error, match="errors must be one of"):
        qd.extract_dataframe(ddf, errors="ignore")


def test_config_round_trips_through_pickle():
    config = ql.Config()
    config.replace_invalid_utf8 = True
    config.indirect = False
    config.extra_cue_verbs = ["quip"]
    config.extra_titles = ["Commissioner"]
    config.speaker_aliases = {"Bibi": "Benjamin Netanyahu"}
    copy = pickle.loads(pickle.dumps(config))
    assert isinstance(copy, ql.Config)
    for name in ("replace_invalid_utf8", "indirect", "extra_cue_verbs", "extra_titles", "speaker_aliases"):
        assert getattr(copy, name) == getattr(config, name)


def as_records(frame):
    """Rows as plain dicts, missing values as None (dtypes aside)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def single_machine_corpus(docs):
    extractor = ql.Extractor()
    return ql.Corpus([extractor.extract(d["text"], id=str(d["id"])) for d in docs])


def assert_same_corpus(linked, expected):
    # Keys are folded in input order, so even the ids match exactly (a
    # stronger check than equality up to renumbering).
    assert linked.corpus.documents == expected.documents
    assert linked.corpus.speakers == expected.speakers
    assert linked.corpus.clusters() == expected.clusters()
    assert as_records(linked.quotes.compute().reset_index(drop=True)) == as_records(expected.to_pandas())


def test_link_bag_equals_the_single_machine_corpus(client):
    docs = documents()
    expected = single_machine_corpus(docs)
    # The fixtures are only a meaningful test if something links across documents.
    assert any(len(s.documents) > 1 and s.quotes for s in expected.speakers)
    assert expected.quote_clusters
    linked = qd.link_bag(db.from_sequence(docs, npartitions=4))
    assert list(linked.quotes.columns) == list(ql.corpus.LINKED_FIELDS)
    assert_same_corpus(linked, expected)


def test_link_dataframe_equals_the_single_machine_corpus(client):
    docs = documents()
    frame = pd.DataFrame({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs]})
    linked = qd.link_dataframe(dd.from_pandas(frame, npartitions=3))
    assert_same_corpus(linked, single_machine_corpus(docs))


def test_linking_skips_bad_documents_like_extraction(client):
    docs = documents()[:6]
    with_bad = docs[:3] + [{"id": "bad", "text": b"\xff"}] + docs[3:]
    linked = qd.link_bag(db.from_sequence(with_bad, npartitions=2), errors="skip")
    assert_same_corpus(linked, single_machine_corpus(docs))


def test_keys_with_speaker_ids_count_quotations_like_whole_documents():
    extractor = ql.Extractor()
    docs = [extractor.extract(d["text"], id=d["id"]) for d in documents()]
    from_keys = ql.Corpus()
    for doc in docs:
        from_keys.add_keys(ql.corpus.link_keys(doc), speaker_ids=[q.speaker_id for q in doc.quotes])
    expected = ql.Corpus(docs)
    assert sum(s.quotes for s in expected.speakers) > 0
    assert from_keys.speakers == expected.speakers


def test_bad_linking_options_are_rejected_before_any_work():
    with pytest.raises(ql.Error):
        qd.link_bag(db.from_sequence([], npartitions=1), shingle_words=0)
