"""Reported speech (kind "indirect") and mixed quotations through the Python API."""

from __future__ import annotations

import subprocess
import sys

import pytest

import quotelink as ql

TEXT = (
    'The senator said the plan was "a disaster for farmers" and should be withdrawn. '
    "The talks will resume next week, a senior official said Friday."
)


def test_indirect_and_mixed_quotations_have_valid_offsets():
    doc = ql.extract(TEXT)
    kinds = [q.kind for q in doc.quotes]
    # The partial quote is absorbed, and listed again as the mixed
    # quotation's quoted words (a record whose parent is the mixed one).
    assert kinds == ["indirect", "partial", "indirect"]
    mixed, words, fronted = doc.quotes
    assert (words.text, words.parent, words.speaker) == ("a disaster for farmers", mixed.id, mixed.speaker)
    assert mixed.text == 'the plan was "a disaster for farmers" and should be withdrawn'
    assert [doc.text[a:b] for a, b in mixed.quoted_parts] == ["a disaster for farmers"]
    assert fronted.text == "The talks will resume next week"
    assert fronted.mention == "a senior official"
    assert fronted.sieve == "reported_fronted+model"  # the rule proposed, the model accepted
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
    assert [q.start for q in doc.quotes] == sorted(q.start for q in doc.quotes)


def test_quotation_nested_in_a_direct_one_is_one_of_its_quoted_parts():
    doc = ql.extract("\u201cThey told me \u2018never again\u2019 and \u2018not here,\u2019\u201d Jane Roe said.")
    assert [(q.kind, q.parent) for q in doc.quotes] == [("direct", None), ("partial", 0), ("partial", 0)]
    outer = doc.quotes[0]
    assert outer.speaker == "Jane Roe"
    assert [doc.text[a:b] for a, b in outer.quoted_parts] == ["never again", "not here,"]
    assert outer.to_dict()["quoted_parts"] == ((15, 26), (33, 42))


def test_indirect_can_be_turned_off():
    doc = ql.Extractor(indirect=False).extract(TEXT)
    assert [q.kind for q in doc.quotes] == ["partial"]


def test_to_pandas_and_html_show_reported_speech():
    pd = pytest.importorskip("pandas")
    frame = ql.extract(TEXT).to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["kind"]) == ["indirect", "partial", "indirect"]
    html = ql.extract(TEXT)._repr_html_()
    assert "reported speech with 1 quoted part(s) (mixed)" in html
    assert "underline dashed" in html


def test_cli_table_lists_indirect_quotations(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "quotelink", "extract", str(path)], capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "[indirect]" in out
    assert "The talks will resume next week" in out
