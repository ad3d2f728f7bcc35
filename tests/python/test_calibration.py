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
