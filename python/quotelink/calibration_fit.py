"""Fitting the confidence calibration table (``quotelink train --calibration-out``).

The table (``cpp/data/model/calibration.tsv``, format in
``cpp/src/calibration.h``) counts, for nested groups of records (kind, rule,
speaker mention, model score bucket, content length bucket), how many were
right by :func:`quotelink.eval.record_outcomes`' definition. The pipeline
turns a record's groups into a probability with Bayesian shrinkage of each
group towards its parent.

The records it is fitted on are uncalibrated pipeline outputs on the
training articles: every record of the pipeline with the model, each article
run with the model of the cross-validation fold that did not see it (so the
model scores are out-of-sample, as on new text), and the indirect records of
the rules-only pipeline (``Config(model=False)``; their sieves lack
``+model``). The shrinkage strength and the number of score buckets are
chosen by k-fold cross-validation over articles: the lowest log loss of the
held-out model-pipeline records wins; its expected calibration error is
reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from . import _core
from . import eval as qeval

# The grid the cross-validation chooses from.
STRENGTHS = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
SCORE_BUCKETS = (2, 4, 8)
WORD_BUCKETS = (1, 3)


@dataclass(frozen=True)
class CalibrationRecord:
    """One uncalibrated record of a training article with its outcome."""

    doc: int  # article index
    pipeline: str  # "model" or "rules"
    evidence: tuple[Any, ...]  # (kind, rule, speaker, score or None, words)
    right: bool


@dataclass(frozen=True)
class FitOptions:
    strength: float
    score_buckets: int
    word_buckets: int


@dataclass(frozen=True)
class CrossValidation:
    options: FitOptions
    records: int
    log_loss: float
    ece: float


def labelled_records(
    gold: Sequence[qeval.GoldDocument],
    docs: Sequence[Any],
    evidence: Sequence[Sequence[Any]],
    pipeline: str,
    kinds: Iterable[str] = ("direct", "partial", "indirect"),
) -> list[CalibrationRecord]:
    """The records of `docs` (one quotelink.Document per gold article, no
    verbatim records) of the given kinds, with their evidence and outcome."""
    wanted = set(kinds)
    out = []
    for index, (g, doc, doc_evidence) in enumerate(zip(gold, docs, evidence)):
        preds = qeval.predictions_from_documents([doc])
        outcomes = qeval.record_outcomes([g], preds)
        if len(outcomes) != len(doc_evidence):
            raise RuntimeError(f"{g.id}: {len(outcomes)} scored records but evidence of {len(doc_evidence)}")
        for (_, right), e in zip(outcomes, doc_evidence):
            if e[0] in wanted:
                out.append(CalibrationRecord(index, pipeline, tuple(e), right))
    return out


def fit(records: Sequence[CalibrationRecord], options: FitOptions) -> str:
    """The calibration table's text fitted on `records`."""
    return _core._fit_calibration(
        [r.evidence for r in records],
        [r.right for r in records],
        options.strength,
        options.score_buckets,
        options.word_buckets,
    )


def log_loss(pairs: Sequence[tuple[float, bool]]) -> float:
    """Mean negative log-likelihood of the outcomes under the probabilities."""
    eps = 1e-6
    total = sum(-math.log(max(eps, p if right else 1.0 - p)) for p, right in pairs)
    return total / max(1, len(pairs))


def held_out_probabilities(
    records: Sequence[CalibrationRecord], folds: int, options: FitOptions, pipeline: str
) -> list[tuple[float, bool]]:
    """(probability, right) of every record of `pipeline`, each from the
    table fitted on the other folds' articles (article i in fold i mod k)."""
    out = []
    for fold in range(folds):
        table = fit([r for r in records if r.doc % folds != fold], options)
        held = [r for r in records if r.doc % folds == fold and r.pipeline == pipeline]
        out.extend(zip(_core._calibrated(table, [r.evidence for r in held]), (r.right for r in held)))
    return out


def cross_validate(records: Sequence[CalibrationRecord], folds: int, options: FitOptions, pipeline: str = "model") -> CrossValidation:
    pairs = held_out_probabilities(records, folds, options, pipeline)
    return CrossValidation(options, len(pairs), log_loss(pairs), qeval.confidence_calibration(pairs).error)


def choose_options(records: Sequence[CalibrationRecord], folds: int) -> tuple[FitOptions, list[CrossValidation]]:
    """The grid's options with the lowest cross-validated log loss (ties:
    the first in grid order), and every grid point's figures."""
    results = [
        cross_validate(records, folds, FitOptions(s, b, w))
        for s in STRENGTHS
        for b in SCORE_BUCKETS
        for w in WORD_BUCKETS
    ]
    best = min(results, key=lambda r: r.log_loss)
    return best.options, results
