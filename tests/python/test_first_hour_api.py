"""The Python API a new user reaches for first (issue #18): Config filters,
configuration files, and a documented Error."""

from __future__ import annotations

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


def test_error_is_documented():
    assert ql.Error.__doc__ and "byte_offset" in ql.Error.__doc__
    assert issubclass(ql.Error, ValueError)
