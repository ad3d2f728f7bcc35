"""Training the learned layer (``quotelink train``).

    quotelink train --polnear ../shared/data/polnear/train --out cpp/data/model/en.bin

The model has two classifiers (see docs/model.md): ``propose_cue`` finds cue
words no lexicon lists, for the reported-speech rules to read a clause from;
``accept_report`` judges the reported-speech records the rules propose.
Training, deterministic for the same data and options:

1. the rules-only pipeline runs over every training article; each of its
   records and each cue candidate (a lower-case word outside quotation
   marks that no lexicon cue covers) gets the features the pipeline's model
   hooks see (``_core._ReportExampleFinder``);
2. an indirect record is positive when the evaluator's matching (the "all"
   section of :mod:`quotelink.eval`) puts it in a matched gold attribution's
   group; a cue candidate is positive when it lies in an annotated cue;
3. a k-fold split of the articles (article i in fold i mod k) gives every
   record an out-of-fold score; the acceptance threshold is the one that
   maximizes all-attribution F1 over those scores. The cue threshold is
   chosen among ``--cue-thresholds`` by running the whole pipeline on each
   fold's held-out articles with the fold's model (``_core._ModelRunner``):
   the best all-attribution F1 of the cross-validation wins;
4. the final averaged perceptrons are trained on every article, with those
   thresholds, and written to ``--out``.

The model file holds weights of hashed features only, never corpus text.
"""

from __future__ import annotations

import argparse
import sys
import time
from array import array
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Optional, Sequence

from . import _core, calibration_fit, polnear
from . import eval as qeval

ACCEPT_REPORT = "accept_report"
PROPOSE_CUE = "propose_cue"


def pack(lists: Sequence[Sequence[int]]) -> tuple[bytes, bytes]:
    """Feature lists as the core takes them: (features, lengths), uint32 LE."""
    features, lengths = array("I"), array("I")
    for features_of_one in lists:
        features.extend(features_of_one)
        lengths.append(len(features_of_one))
    if sys.byteorder == "big":
        features.byteswap()
        lengths.byteswap()
    return features.tobytes(), lengths.tobytes()


@dataclass
class CueCandidates:
    """The cue candidates of the training articles, packed per article."""

    doc: list[int]  # article index of each candidate
    positive: list[bool]
    features: list[bytes]  # per article, packed
    lengths: list[bytes]

    def select(self, docs: set[int]) -> tuple[bytes, bytes, bytes]:
        """(features, lengths, labels) of the candidates of articles `docs`."""
        chosen = sorted(docs)
        labels = bytes(p for d, p in zip(self.doc, self.positive) if d in docs)
        return (b"".join(self.features[d] for d in chosen), b"".join(self.lengths[d] for d in chosen), labels)


@dataclass
class Record:
    """One rules-only record of a training article."""

    doc: int  # index of its article
    key: tuple[int, int, str]  # (start, end, kind) in code points
    features: list[int]
    positive: bool


def matched_predictions(doc: qeval.GoldDocument, preds: Sequence[qeval.Attribution], threshold: Fraction) -> list[bool]:
    """For each prediction, whether it is in a matched gold attribution's
    group, as :func:`quotelink.eval.score` decides in its "all" section."""
    gold_spans = [qeval._content_spans(g, doc.text) for g in doc.attributions]
    pred_spans = [qeval._content_spans(p, doc.text) for p in preds]
    groups: list[list[tuple[int, int]]] = [[] for _ in gold_spans]
    for pi, ps in enumerate(pred_spans):
        p_len = qeval._length(ps)
        best: Optional[tuple[Fraction, int, int]] = None
        for gi, gs in enumerate(gold_spans):
            shared = qeval._shared(ps, gs)
            if not qeval._meets(shared, p_len, threshold):
                continue
            key = (min(Fraction(shared, p_len), Fraction(shared, qeval._length(gs))), shared, -gi)
            if best is None or key > best:
                best = key
        if best is not None:
            groups[-best[2]].append((best[1], pi))
    used = [False] * len(preds)
    for gi, g_spans in enumerate(gold_spans):
        taken: qeval.Spans = ()
        members = []
        for _, pi in sorted(groups[gi], key=lambda m: (-m[0], m[1])):
            if qeval._shared(taken, pred_spans[pi]) == 0:
                taken = qeval._merge(taken + pred_spans[pi])
                members.append(pi)
        if members and qeval._meets(qeval._shared(taken, g_spans), qeval._length(g_spans), threshold):
            for pi in members:
                used[pi] = True
    return used


def rules_only_extractor() -> Any:
    """An extractor that runs the rules without the model."""
    from ._config import Config  # noqa: PLC0415
    from ._extractor import Extractor  # noqa: PLC0415

    return Extractor(Config(model=False, calibration=False))


def collect_records(gold: Sequence[qeval.GoldDocument], threads: int = 0) -> list[Record]:
    """The indirect records of the rules-only pipeline over `gold`, labelled."""
    docs = rules_only_extractor().extract_many([g.text for g in gold], threads=threads, ids=[g.id for g in gold])
    finder = _core._ReportExampleFinder()
    threshold = Fraction(1, 2)
    records = []
    for index, (g, doc) in enumerate(zip(gold, docs)):
        preds = qeval.predictions_from_documents([doc]).get(qeval.doc_key(g.id), [])
        used = matched_predictions(g, preds, threshold)
        label = {(p.content[0][0], p.content[0][1], p.kind): u for p, u in zip(preds, used)}
        for start, end, kind, _sieve, features in finder.examples(g.text):
            if kind != "indirect":
                continue
            key = (start, end, kind)
            records.append(Record(index, key, features, label.get(key, False)))
    return records


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def collect_cue_candidates(directory: str, gold: Sequence[qeval.GoldDocument]) -> CueCandidates:
    """Every cue candidate of the articles of `gold`, labelled by the
    annotated cues of PolNeAR `directory` (same articles, same order)."""
    cues = {d.id: [span for a in d.attributions for span in a.cue] for d in polnear.load(directory)}
    finder = _core._ReportExampleFinder()
    out = CueCandidates([], [], [], [])
    for index, g in enumerate(gold):
        starts, ends, features, lengths = finder.cue_examples(g.text)
        spans = cues.get(g.id, [])
        out.doc.extend([index] * len(starts))
        out.positive.extend(_inside(a, b, spans) for a, b in zip(starts, ends))
        out.features.append(features)
        out.lengths.append(lengths)
    return out


def best_threshold(scores: Sequence[float], labels: Sequence[bool], gold_total: int, matched_other: int) -> float:
    """The acceptance threshold maximizing all-attribution F1 when records
    scoring below it are dropped. `matched_other` counts the gold matches of
    records the model does not judge (direct, partial), `gold_total` all gold."""
    ranked = sorted(zip(scores, labels), key=lambda sl: sl[0])
    if not ranked:
        return 0.0
    tp = matched_other + sum(labels)
    fp = len(labels) - sum(labels)
    best_f1, best_i = -1.0, 0
    # Dropping the i lowest-scoring records, for i = 0 .. n.
    for i in range(len(ranked) + 1):
        f1 = 2 * tp / (tp + fp + gold_total) if tp else 0.0
        if f1 > best_f1:
            best_f1, best_i = f1, i
        if i < len(ranked):
            tp, fp = (tp - 1, fp) if ranked[i][1] else (tp, fp - 1)
    if best_i == 0:
        return ranked[0][0] - 1.0
    if best_i == len(ranked):
        return ranked[-1][0] + 1.0
    return (ranked[best_i - 1][0] + ranked[best_i][0]) / 2


def train_model(
    records: Sequence[Record],
    threshold: float,
    *,
    bits: int,
    epochs: int,
    seed: int,
    cues: Optional[tuple[bytes, bytes, bytes]] = None,
    cue_threshold: float = 0.0,
) -> bytes:
    """Model bytes: accept_report trained on `records`, and propose_cue on
    the packed (features, lengths, labels) `cues` when given."""
    features, lengths = pack([r.features for r in records])
    labels = bytes(r.positive for r in records)
    classifiers = [(ACCEPT_REPORT, features, lengths, labels, threshold)]
    if cues is not None:
        classifiers.append((PROPOSE_CUE, cues[0], cues[1], cues[2], cue_threshold))
    return bytes(_core._train_model(classifiers, bits, epochs, seed))


def cross_validated_scores(records: Sequence[Record], folds: int, **options: Any) -> list[float]:
    """Each record's score under the model trained without its article's fold."""
    scores = [0.0] * len(records)
    for fold in range(folds):
        train = [r for r in records if r.doc % folds != fold]
        held = [i for i, r in enumerate(records) if r.doc % folds == fold]
        model = train_model(train, 0.0, **options)
        features, lengths = pack([records[i].features for i in held])
        for i, s in zip(held, _core._model_scores(model, ACCEPT_REPORT, features, lengths)):
            scores[i] = s
    return scores


@dataclass
class PipelineRun:
    """The whole pipeline's output on the training articles (uncalibrated):
    documents in article order and each record's calibration evidence."""

    docs: list[Any]  # quotelink.Document per article
    evidence: list[list[Any]]  # per article, (kind, rule, speaker, score, words) per record

    def report(self, gold: Sequence[qeval.GoldDocument]) -> qeval.Report:
        return qeval.score(gold, qeval.predictions_from_documents(self.docs))


def run_pipeline(runner: Any, gold: Sequence[qeval.GoldDocument], indices: Sequence[int], run: PipelineRun) -> None:
    """Runs `runner` (a ``_core._ModelRunner``) on the articles `indices`
    into their places of `run`."""
    from ._document import Document  # noqa: PLC0415

    for i in indices:
        core_doc, evidence = runner.extract_with_evidence(gold[i].text, gold[i].id)
        run.docs[i] = Document._from_core(core_doc, gold[i].text, gold[i].id)
        run.evidence[i] = evidence


def cross_validated_pipeline(
    gold: Sequence[qeval.GoldDocument],
    records: Sequence[Record],
    candidates: CueCandidates,
    folds: int,
    accept_threshold: float,
    cue_threshold: Optional[float],
    **options: Any,
) -> PipelineRun:
    """The whole pipeline on every article, each run with the model trained
    on the other folds (without propose_cue when `cue_threshold` is None)."""
    run = PipelineRun([None] * len(gold), [[] for _ in gold])
    for fold in range(folds):
        train_docs = {i for i in range(len(gold)) if i % folds != fold}
        model = train_model(
            [r for r in records if r.doc in train_docs],
            accept_threshold,
            cues=None if cue_threshold is None else candidates.select(train_docs),
            cue_threshold=cue_threshold or 0.0,
            **options,
        )
        run_pipeline(_core._ModelRunner(model), gold, range(fold, len(gold), folds), run)
    return run


def _line(name: str, counts: qeval.Counts) -> str:
    d = counts.to_dict()
    return f"  {name:28} all F1 {100 * d['content']['f1']:.2f}  e2e F1 {100 * d['end_to_end']['f1']:.2f}"


def _choose_thresholds(
    args: argparse.Namespace, gold: Sequence[qeval.GoldDocument], records: Sequence[Record],
    candidates: CueCandidates, options: dict[str, Any],
) -> tuple[float, Optional[float], Optional[PipelineRun]]:
    """(accept threshold, cue threshold or None, the cross-validated pipeline
    run of the chosen thresholds); with one fold, (0, the first cue
    threshold, None)."""
    if args.folds <= 1:
        return 0.0, args.cue_thresholds[0], None
    gold_total = sum(len(g.attributions) for g in gold)
    report = qeval.score(gold, qeval.run_extractor(gold, rules_only_extractor(), threads=args.threads))
    matched_other = report.sections["all"].matched - sum(r.positive for r in records)
    scores = cross_validated_scores(records, args.folds, **options)
    threshold = best_threshold(scores, [r.positive for r in records], gold_total, matched_other)
    print(f"{args.folds}-fold CV on {len(gold)} articles; accept threshold {threshold:.4f}:")
    print(_line("rules", report.sections["all"]))
    best, chosen, chosen_run = -1.0, None, None
    # None: no propose_cue classifier; it ships only when it wins the CV.
    for t in [None, *args.cue_thresholds]:
        run = cross_validated_pipeline(gold, records, candidates, args.folds, threshold, t, **options)
        cv = run.report(gold)
        label = "rules+model (no cues)" if t is None else f"rules+model (cue >= {t:g})"
        print(_line(label, cv.sections["all"]))
        f1 = cv.sections["all"].to_dict()["content"]["f1"]
        if f1 > best:
            best, chosen, chosen_run = f1, t, run
    print("propose_cue left out" if chosen is None else f"cue threshold {chosen:g}")
    return threshold, chosen, chosen_run


def _write_calibration(
    args: argparse.Namespace, gold: Sequence[qeval.GoldDocument], model_run: PipelineRun
) -> None:
    """Fits the calibration table on the cross-validated model pipeline's
    records and the rules-only pipeline's indirect records, and writes it."""
    rules_run = PipelineRun([None] * len(gold), [[] for _ in gold])
    run_pipeline(_core._ModelRunner(None), gold, range(len(gold)), rules_run)
    records = calibration_fit.labelled_records(gold, model_run.docs, model_run.evidence, "model")
    records += calibration_fit.labelled_records(gold, rules_run.docs, rules_run.evidence, "rules", ["indirect"])
    chosen, results = calibration_fit.choose_options(records, args.folds)
    best = next(r for r in results if r.options == chosen)
    rules_cv = calibration_fit.cross_validate(records, args.folds, chosen, "rules")
    print(
        f"calibration: {len(records)} records; chosen strength {chosen.strength:g}, "
        f"{chosen.score_buckets} score buckets, {chosen.word_buckets} word buckets; "
        f"{args.folds}-fold CV: model pipeline log loss {best.log_loss:.4f}, ECE {best.ece:.4f} "
        f"({best.records} records); rules-only indirect ECE {rules_cv.ece:.4f} ({rules_cv.records} records)"
    )
    with open(args.calibration_out, "w", encoding="utf-8", newline="\n") as out:
        out.write(calibration_fit.fit(records, chosen))
    print(f"wrote {args.calibration_out}")


def _cmd_train(args: argparse.Namespace) -> int:
    started = time.monotonic()
    try:
        gold = qeval.load_polnear(args.polnear)
    except qeval.EvalError as exc:
        print(f"quotelink train: {exc}", file=sys.stderr)
        return 1
    if not gold:
        print(f"quotelink train: no annotated articles in {args.polnear}", file=sys.stderr)
        return 1
    if args.calibration_out and args.folds <= 1:
        print("quotelink train: --calibration-out needs --folds of 2 or more", file=sys.stderr)
        return 2
    options = {"bits": args.bits, "epochs": args.epochs, "seed": args.seed}
    records = collect_records(gold, threads=args.threads)
    candidates = collect_cue_candidates(args.polnear, gold)
    threshold, cue_threshold, model_run = _choose_thresholds(args, gold, records, candidates, options)
    everything = set(range(len(gold)))
    model = train_model(
        records,
        threshold,
        cues=None if cue_threshold is None else candidates.select(everything),
        cue_threshold=cue_threshold or 0.0,
        **options,
    )
    with open(args.out, "wb") as out:
        out.write(model)
    positives = sum(r.positive for r in records)
    print(
        f"wrote {args.out}: {len(model)} bytes; {len(records)} records ({positives} positive), "
        f"{len(candidates.doc)} cue candidates ({sum(candidates.positive)} positive) "
        f"from {len(gold)} articles"
    )
    if args.calibration_out and model_run is not None:
        _write_calibration(args, gold, model_run)
    print(f"done in {time.monotonic() - started:.1f} s")
    return 0


def _thresholds(text: str) -> list[float]:
    try:
        values = [float(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas, not {text!r}") from None
    if not values:
        raise argparse.ArgumentTypeError("expected at least one threshold")
    return values


def register_cli(sub: Any) -> None:
    """Adds the ``train`` subcommand to the ``quotelink`` argument parser."""
    parser = sub.add_parser(
        "train",
        help="train the learned layer's model on PolNeAR",
        description="Train the model that proposes cues and judges the rules' reported-speech records "
        "(see docs/model.md). Deterministic for the same data and options.",
    )
    parser.add_argument("--polnear", required=True, metavar="DIR", help="a PolNeAR split (DIR/text, DIR/attributions)")
    parser.add_argument("--out", required=True, metavar="FILE", help="the model file to write (cpp/data/model/en.bin)")
    parser.add_argument(
        "--calibration-out",
        metavar="FILE",
        help="also fit the confidence calibration table and write it (cpp/data/model/calibration.tsv)",
    )
    parser.add_argument("--folds", type=int, default=4, help="folds for choosing the threshold (1: threshold 0)")
    parser.add_argument("--epochs", type=int, default=10, help="perceptron passes (default 10)")
    parser.add_argument("--bits", type=int, default=18, help="log2 of the weight table size (default 18)")
    parser.add_argument("--seed", type=int, default=1, help="shuffle seed (default 1)")
    parser.add_argument("--threads", type=int, default=0, help="extraction threads (default 0: one per core)")
    parser.add_argument(
        "--cue-thresholds",
        type=_thresholds,
        default=[0.0],
        metavar="T,T,...",
        help="propose_cue thresholds the CV chooses from, or to leave the classifier out "
        "(default 0; with --folds 1 the first is used)",
    )
    parser.set_defaults(func=_cmd_train)
