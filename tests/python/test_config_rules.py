"""Config.language and Config.disabled_rules (issue #15): the rule tables
and the language pack, reachable from Python."""

from __future__ import annotations

import pickle

import pytest

import quotelink as ql

COLON = 'Jane Roe said: "We will win the vote in the spring."'


def test_rule_names_list_every_stage_in_pipeline_order():
    names = ql.rule_names()
    assert len(names) == len(set(names)) >= 9
    assert "colon_cue" in names and "same_sentence" in names
    assert names.index("colon_cue") < names.index("same_sentence")


def test_rule_names_list_the_mention_and_reported_rules_too():
    names = ql.rule_names()
    assert {"mention_names", "mention_pronouns", "reported_after", "reported_according_opening"} <= set(names)
    # Pipeline order: mentions, then the sieves, then reported speech.
    assert names.index("mention_pronouns") < names.index("colon_cue") < names.index("reported_after")


REPORTED = 'Jane Roe said the talks failed. "We will win," he said.'


def _records(config):
    doc = ql.extract(REPORTED, config=config)
    return [(q.kind, q.text, q.mention) for q in doc.quotes]


def test_disabled_mention_and_reported_rules_change_the_result():
    rules_only = dict(model=False, calibration=False)
    assert _records(ql.Config(**rules_only)) == [
        ("indirect", "the talks failed", "Jane Roe"),
        ("direct", "We will win,", "he"),
    ]
    assert _records(ql.Config(disabled_rules=["reported_after"], **rules_only)) == [("direct", "We will win,", "he")]
    assert _records(ql.Config(disabled_rules=["mention_pronouns"], **rules_only)) == [
        ("indirect", "the talks failed", "Jane Roe"),
        ("direct", "We will win,", None),
    ]


def test_a_disabled_rule_leaves_the_quotation_to_the_next():
    (default,) = [q for q in ql.extract(COLON).quotes if q.kind == "direct"]
    assert default.sieve.startswith("colon") and default.speaker == "Jane Roe"
    assert COLON[default.cue_start : default.cue_end] == "said"
    # Without colon_cue, colon_subject (same label) takes the quotation, with
    # the colon as its cue; without both, a later sieve does.
    without = ql.extract(COLON, config=ql.Config(disabled_rules=["colon_cue"]))
    (quote,) = [q for q in without.quotes if q.kind == "direct"]
    assert COLON[quote.cue_start : quote.cue_end] == ":" and quote.speaker == "Jane Roe"
    neither = ql.extract(COLON, config=ql.Config(disabled_rules=["colon_cue", "colon_subject"]))
    (quote,) = [q for q in neither.quotes if q.kind == "direct"]
    assert not quote.sieve.startswith("colon")


def test_an_unknown_rule_name_is_an_error_with_a_suggestion():
    with pytest.raises(ql.Error, match=r"disabled_rules: no rule is named 'colon_cues'; did you mean 'colon_cue'\?"):
        ql.Config(disabled_rules=["colon_cues"])
    with pytest.raises(ql.Error, match="disabled_rules must be a list of rule names, not str"):
        ql.Config(disabled_rules="colon_cue")


def test_the_language_names_a_pack_and_an_unknown_one_fails_when_built():
    assert ql.Config().language == "en"
    with pytest.raises(ql.Error, match="language must be the name of a language pack"):
        ql.Config(language="../en")
    config = ql.Config(language="xx")
    with pytest.raises(ql.Error, match="xx"):
        ql.Extractor(config)


def test_the_new_options_round_trip_and_pickle():
    config = ql.Config(disabled_rules=["colon_cue", "colon_cue", "same_sentence"])
    assert config.disabled_rules == ("colon_cue", "same_sentence")
    assert ql.Config(**config.to_dict()) == config
    assert config != ql.Config()
    assert pickle.loads(pickle.dumps(config)) == config
    core = config._to_core()
    assert core.disabled_rules == ["colon_cue", "same_sentence"] and core.language == "en"
    assert pickle.loads(pickle.dumps(core)).disabled_rules == ["colon_cue", "same_sentence"]
