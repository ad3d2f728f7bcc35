"""Calibration: the scorer's per-record outcomes and expected calibration
error (hand-computed), and quotelink's confidences as probabilities."""

from __future__ import annotations

import pytest

from quotelink import eval as qe

TEXT = "0123456789 abcdefghij klmnopqrst uvwxyz0123"


def att(start, end, confidence=None, source=(), names=()):
    return qe.Attribution("d", ((start, end),), "indirect", source, names, (), None, confidence)


def test_record_outcomes_judge_each_record_end_to_end():
    gold = [
        qe.GoldDocument(
            "d",
            TEXT,
            [att(0, 10, source=((40, 43),)), att(11, 21), att(22, 32, source=((33, 36),))],
        )
    ]
    preds = {
        "d": [
            att(0, 10, 0.9, source=((40, 43),)),  # matched, right source
            att(11, 21, 0.8, source=((40, 43),)),  # matched; gold has no source: wrong
            att(22, 32, 0.7, source=((40, 43),)),  # matched, wrong source
            att(33, 43, 0.6),  # overlaps no gold: wrong
        ]
    }
    outcomes = qe.record_outcomes(gold, preds)
    assert [right for _, right in outcomes] == [True, False, False, False]


def test_expected_calibration_error_by_hand():
    outcomes = [
        (att(0, 1, 0.95), True),
        (att(0, 1, 0.85), True),  # bin 0.8-0.9 ... (see below)
        (att(0, 1, 0.85), False),
        (att(0, 1, 0.15), False),
        (att(0, 1, None), True),  # no confidence: left out
    ]
    result = qe.calibration(outcomes)
    assert result.records == 4
    # bins: [0.9, 1] 1 record, conf .95, right 1 -> |1 - .95| = .05
    #       [0.8, 0.9) 2 records, conf .85, right .5 -> .35
    #       [0.1, 0.2) 1 record, conf .15, right 0 -> .15
    # ECE = (1 * .05 + 2 * .35 + 1 * .15) / 4 = .225
    assert result.error == pytest.approx(0.225)
    assert [(b.low, b.records) for b in result.bins] == [(0.1, 1), (0.8, 2), (0.9, 1)]
    assert qe.calibration([(att(0, 1, 1.0), True)]).bins[0].low == 0.9  # 1.0 is in the last bin
    with pytest.raises(qe.EvalError, match="bins"):
        qe.calibration(outcomes, bins=0)


# ------------------------------------------------ the calibration table and stage

import math
from pathlib import Path

import quotelink as ql
from quotelink import _core, calibration_fit, cli, train

REPO = Path(__file__).resolve().parents[2]
TRAIN_FIXTURE = str(REPO / "tests" / "fixtures" / "train" / "polnear")
ARTICLE = "\"We won the vote,\" Jane Roe said on Monday.\n\nJohn Doe said the plan would cut taxes for most families.\n"


def test_confidence_comes_from_the_shipped_table():
    # The pipeline's confidence of each record is what the table file in
    # the repository gives that record's evidence.
    table = (REPO / "cpp" / "data" / "model" / "calibration.tsv").read_text(encoding="utf-8")
    core_doc, evidence = _core._ModelRunner(None).extract_with_evidence(ARTICLE)
    rules = ql.Extractor(ql.Config(model=False))
    doc = rules.extract(ARTICLE)
    assert len(evidence) == len(doc.quotes) == 2
    assert [e[0] for e in evidence] == ["direct", "indirect"]
    assert evidence[0][2] == "name" and evidence[0][3] is None
    expected = _core._calibrated(table, evidence)
    assert [q.confidence for q in doc.quotes] == [round(p, 4) for p in expected]


def test_config_calibration_switch_and_min_confidence():
    assert ql.Config().calibration is True
    with pytest.raises(ql.Error, match="calibration must be True or False"):
        ql.Config(calibration=1)
    constants = ql.Extractor(ql.Config(calibration=False)).extract(ARTICLE)
    calibrated = ql.extract(ARTICLE)
    assert [q.confidence for q in constants.quotes] != [q.confidence for q in calibrated.quotes]
    low, high = sorted(q.confidence for q in calibrated.quotes)
    assert low < high
    kept = ql.Extractor(ql.Config(min_confidence=(low + high) / 2)).extract(ARTICLE)
    assert [q.confidence for q in kept.quotes] == [high]


def test_cli_min_confidence_filters_by_the_calibrated_value(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    low, high = sorted(q.confidence for q in ql.extract(ARTICLE).quotes)
    assert cli.main(["extract", "-f", "jsonl", "--min-confidence", str((low + high) / 2), str(path)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line]
    assert len(lines) == 1 and f'"confidence": {high}' in lines[0]


def test_fit_and_held_out_probabilities_on_made_up_records():
    # Two rules: "a" right 3 times of 4, "b" once of 4, over 4 articles.
    records = [
        calibration_fit.CalibrationRecord(i % 4, "model", ("direct", rule, "name", None, 3), right)
        for i, (rule, right) in enumerate(
            [("a", True), ("a", True), ("a", True), ("a", False), ("b", True), ("b", False), ("b", False), ("b", False)]
        )
    ]
    options = calibration_fit.FitOptions(1.0, 2, 1)
    table = calibration_fit.fit(records, options)
    assert "group\t*\t4\t8\n" in table
    assert "group\t*|kind=direct|rule=a\t3\t4\n" in table
    a, b = _core._calibrated(table, [records[0].evidence, records[4].evidence])
    assert a > 0.5 > b
    pairs = calibration_fit.held_out_probabilities(records, 2, options, "model")
    assert len(pairs) == 8
    assert calibration_fit.log_loss([(0.5, True), (0.5, False)]) == pytest.approx(math.log(2))
    with pytest.raises(ql.Error, match="calibration table line 1"):
        _core._calibrated("group\t*\tx\t1\n", [])


def test_train_fits_the_table_reproducibly(tmp_path, capsys):
    def run(name):
        status = cli.main(
            ["train", "--polnear", TRAIN_FIXTURE, "--out", str(tmp_path / f"{name}.bin"), "--folds", "2",
             "--bits", "12", "--calibration-out", str(tmp_path / f"{name}.tsv")]
        )
        assert status == 0
        return (tmp_path / f"{name}.tsv").read_bytes(), capsys.readouterr().out

    first, printed = run("a")
    second, _ = run("b")
    assert first == second
    assert "calibration:" in printed and "2-fold CV" in printed
    text = first.decode()
    assert text.startswith("# quotelink calibration table")
    # Every record of the cross-validated model pipeline (the 32 reports the
    # fold models keep; their features read the embedded tagger's tags) plus
    # the rules-only pipeline's 48 reports.
    assert "\ngroup\t*\t46\t80\n" in text
    assert "\ngroup\t*|kind=indirect|rule=reported_after\t24\t48\n" in text
    assert _core._calibrated(text, [("indirect", "reported_after", "name", None, 8)])[0] > 0
    assert cli.main(
        ["train", "--polnear", TRAIN_FIXTURE, "--out", str(tmp_path / "c.bin"), "--folds", "1",
         "--calibration-out", str(tmp_path / "c.tsv")]
    ) == 2
    assert "--folds" in capsys.readouterr().err
