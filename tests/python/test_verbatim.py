"""Verbatim words inside reported speech, and quotations nested in other
quotations, are partial records with a parent: in every output, and left out
of scoring."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

import quotelink as ql
from quotelink import eval as qe
from quotelink._document import RECORD_FIELDS

MIXED = 'Foreign Minister Sergei Lavrov said that the resolution is "counterproductive" and would not pass.\n'
NESTED = "\"He said 'no' and then 'never' again,\" Jane Roe said.\n"


def test_quoted_words_of_reported_speech_have_the_reported_record_as_parent():
    doc = ql.extract(MIXED)
    outer, inner = doc.quotes
    assert (outer.kind, outer.id, outer.parent) == ("indirect", 0, None)
    assert (inner.kind, inner.text, inner.id, inner.parent) == ("partial", "counterproductive", 1, 0)
    assert inner.speaker == outer.speaker == "Sergei Lavrov"
    assert inner.sieve == "verbatim" and inner.confidence == outer.confidence
    assert doc.text[inner.outer_start : inner.outer_end] == '"counterproductive"'


def test_nested_quotations_are_records_without_a_speaker():
    doc = ql.extract(NESTED)
    assert [(q.text, q.kind, q.parent, q.speaker) for q in doc.quotes[1:]] == [
        ("no", "partial", 0, None),
        ("never", "partial", 0, None),
    ]
    assert doc.quotes[0].speaker == "Jane Roe"


def test_every_record_format_carries_id_and_parent():
    doc = ql.extract(MIXED, id="a")
    assert RECORD_FIELDS[-2:] == ("id", "parent")
    records = [json.loads(line) for line in doc.to_jsonl().splitlines()]
    assert [(r["id"], r["parent"]) for r in records] == [(0, None), (1, 0)]
    assert doc.records() == records
    frame = doc.to_pandas()
    assert list(frame["id"]) == [0, 1]
    assert frame["parent"].isna().tolist() == [True, False] and frame["parent"][1] == 0
    back = ql.Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert back == doc and back.quotes[1].parent == 0
    # Records written from the Python objects give the same fields.
    rebuilt = ql.Document(doc.text, "a", quotes=list(doc.quotes))
    assert rebuilt.records() == records


def test_from_dict_refuses_a_record_that_is_its_own_parent():
    data = ql.extract(MIXED).to_dict()
    data["quotes"][1]["parent"] = 1
    with pytest.raises(ql.Error, match="parent 1"):
        ql.Document.from_dict(data)


def run_cli(*args: str, stdin: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "quotelink", *args], input=stdin.encode(), capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def test_csv_and_table_show_the_parent():
    rows = list(csv.DictReader(io.StringIO(run_cli("extract", "-f", "csv", "-", stdin=MIXED))))
    assert [(r["id"], r["parent"]) for r in rows] == [("0", ""), ("1", "0")]
    table = run_cli("extract", "-f", "table", "-", stdin=MIXED)
    assert "[partial] Sergei Lavrov: counterproductive" in table
    assert "quoted words of record 0 (counting from 0)" in table


def test_html_view_says_whose_words_a_partial_record_are():
    html = ql.extract(MIXED).to_html()
    assert "Quoted words of record 0" in html


def test_kind_filter_keeps_ids_so_parents_still_resolve():
    doc = ql.Extractor(ql.Config(kinds=["partial"])).extract(MIXED)
    assert [(q.text, q.id, q.parent) for q in doc.quotes] == [("counterproductive", 1, 0)]


def test_evaluate_skips_records_with_a_parent(tmp_path):
    doc = ql.extract(MIXED, id="a")
    start = MIXED.index("the resolution")
    gold = [qe.GoldDocument("a", MIXED, [qe.Attribution("a", ((start, len(MIXED) - 2),), "indirect")])]
    from_docs = qe.predictions_from_documents([doc])
    assert [p.kind for p in from_docs["a"]] == ["indirect"]
    pred = tmp_path / "pred.jsonl"
    pred.write_text(doc.to_jsonl(), encoding="utf-8")
    from_file = qe.load_predictions(str(pred), gold)
    assert [p.kind for p in from_file["a"]] == ["indirect"]
    counts = qe.score(gold, from_file).sections["all"]
    assert (counts.matched, counts.false_positives) == (1, 0)
