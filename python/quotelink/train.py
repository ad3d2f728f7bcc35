"""Training the learned layer (``quotelink train``).

    quotelink train --polnear ../shared/data/polnear/train --out cpp/data/model/en.bin

The model's classifiers (see docs/model.md): ``propose_cue`` finds cue
words no lexicon lists, for the reported-speech rules to read a clause
from; ``accept_report`` judges the reported-speech records the rules
propose; ``propose_report`` (behind its gate ``propose_report_gate``)
proposes records the rules miss, a free word and a content after it;
``choose_source`` picks a mention of the cue's sentence as the source of a
record without one, ``revise_source`` replaces the rules' choice.
Training, deterministic for the same data and options:

1. the rules-only pipeline runs over every training article; each of its
   records and each cue candidate (a lower-case word outside quotation
   marks that no lexicon cue covers) gets the features the pipeline's model
   hooks see (``_core._ReportExampleFinder``);
2. an indirect record is positive when the evaluator's matching (the "all"
   section of :mod:`quotelink.eval`) puts it in a matched gold attribution's
   group; a cue candidate is positive when it lies in an annotated cue; a
   candidate record when an annotated cue holds its word and its content
   matches that attribution's; a source candidate when it overlaps the
   annotated source of the gold attribution its record matches (the
   positive candidate records, made records, add theirs to choose_source's);
3. a k-fold split of the articles (article i in fold i mod k) gives every
   record an out-of-fold score; the acceptance threshold is the one that
   maximizes all-attribution F1 over those scores. The cue threshold is
   chosen among ``--cue-thresholds`` by running the whole pipeline on each
   fold's held-out articles with the fold's model (``_core._ModelRunner``):
   the best all-attribution F1 of the cross-validation wins; then the source
   threshold among ``--source-thresholds`` (or none) by end-to-end F1, the
   revise margin likewise, and last the ``--report-thresholds`` (or none)
   by end-to-end F1, which counts both what is found and whom it is
   attributed to;
4. the final averaged perceptrons are trained on every article, with those
   thresholds, and written to ``--out``.

The classifiers' features include the parts of speech of the tagger
(``model/pos.bin``): with ``--tagger-out``, it is first trained on the
CoreNLP silver tags of the split (``DIR/corenlp/*.conllu``, see
:func:`train_tagger`) and written there, and every step above reads its
tags; without it, the steps read the tagger the build embeds.

The model file holds weights of hashed features only, never corpus text.
"""

from __future__ import annotations

import argparse
import sys
import time
from array import array
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Optional, Sequence

from . import _core, calibration_fit, polnear
from . import eval as qeval

ACCEPT_REPORT = "accept_report"
PROPOSE_CUE = "propose_cue"
CHOOSE_SOURCE = "choose_source"
REVISE_SOURCE = "revise_source"
PROPOSE_REPORT = "propose_report"
PROPOSE_REPORT_GATE = "propose_report_gate"
SOURCE_BITS = 14  # choose_source's weight table: 2^14 entries
# propose_report's gate scores every free word of every text: its 2^14
# weights (32 KB) stay in cache.
GATE_BITS = 14
TAGGER_BITS = 16  # the tagger's table: 2^16 rows of 16 int16 weights, 2 MB
TAGGER_EPOCHS = 8


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
class Candidates:
    """Labelled candidates of the training articles (cue words, source
    mentions), packed per article."""

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


def silver_tuples(directory: str) -> list[tuple[str, list[int], list[int], list[str]]]:
    """(text, begins, ends, PTB tags) of every article of PolNeAR `directory`
    with CoreNLP silver tags, as the core's tagger hooks take them."""
    return [(s.text, s.begins, s.ends, s.tags) for s in polnear.load_silver(directory)]


def train_tagger(directory: str, *, bits: int = TAGGER_BITS, epochs: int = TAGGER_EPOCHS, seed: int = 1) -> bytes:
    """The tagger file's bytes, trained on the silver tags of PolNeAR
    `directory` (``corenlp/NAME.conllu`` beside ``text/NAME.txt``): an
    averaged perceptron over quotelink's own tokens, each taking the coarse
    class of the silver token holding its first character. Deterministic."""
    return bytes(_core._train_pos_tagger(silver_tuples(directory), bits, epochs, seed))


def tagger_agreement(tagger: bytes, directory: str) -> tuple[int, int]:
    """(tokens tagged as the silver tags of `directory` say, tokens with a
    silver tag)."""
    agree, known = _core._pos_agreement(tagger, silver_tuples(directory))
    return int(agree), int(known)


def collect_records(
    gold: Sequence[qeval.GoldDocument], threads: int = 0, tagger: Optional[bytes] = None
) -> list[Record]:
    """The indirect records of the rules-only pipeline over `gold`, labelled;
    their features read `tagger`'s tags (None: the embedded tagger's)."""
    docs = rules_only_extractor().extract_many([g.text for g in gold], threads=threads, ids=[g.id for g in gold])
    finder = _core._ReportExampleFinder(tagger)
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


def collect_cue_candidates(directory: str, gold: Sequence[qeval.GoldDocument]) -> Candidates:
    """Every cue candidate of the articles of `gold`, labelled by the
    annotated cues of PolNeAR `directory` (same articles, same order)."""
    cues = {d.id: [span for a in d.attributions for span in a.cue] for d in polnear.load(directory)}
    finder = _core._ReportExampleFinder()
    out = Candidates([], [], [], [])
    for index, g in enumerate(gold):
        starts, ends, features, lengths = finder.cue_examples(g.text)
        spans = cues.get(g.id, [])
        out.doc.extend([index] * len(starts))
        out.positive.extend(_inside(a, b, spans) for a, b in zip(starts, ends))
        out.features.append(features)
        out.lengths.append(lengths)
    return out


def _report_positive(
    text: str, cue: tuple[int, int], content: tuple[int, int], gold: Sequence[tuple[Any, qeval.Spans]]
) -> bool:
    """Whether a candidate record (cue word, content) is a gold attribution:
    one of whose cue spans holds the word and whose content shares half the
    characters of both spans (the scorer's default match)."""
    spans = qeval._trim((content,), text)
    length = qeval._length(spans)
    half = Fraction(1, 2)
    for cues, gold_spans in gold:
        if not _inside(cue[0], cue[1], cues):
            continue
        shared = qeval._shared(spans, gold_spans)
        if qeval._meets(shared, length, half) and qeval._meets(shared, qeval._length(gold_spans), half):
            return True
    return False


def _unpack(packed: bytes) -> array:
    values = array("I")
    values.frombytes(packed)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _word_examples(
    cue_starts: Sequence[int], positive: Sequence[bool], features: bytes, lengths: bytes, words: Sequence[int]
) -> tuple[list[bool], list[list[int]]]:
    """The gate's examples of one article: one per free word (its
    candidates are consecutive), its word features, positive when one of
    its candidates is."""
    flat, sizes = _unpack(features), _unpack(lengths)
    labels: list[bool] = []
    lists: list[list[int]] = []
    at = 0
    for i, (start, size) in enumerate(zip(cue_starts, sizes)):
        if i == 0 or start != cue_starts[i - 1]:
            labels.append(False)
            lists.append(list(flat[at : at + words[i]]))
        labels[-1] = labels[-1] or positive[i]
        at += size
    return labels, lists


def collect_report_candidates(
    directory: str, gold: Sequence[qeval.GoldDocument], tagger: Optional[bytes] = None
) -> tuple[Candidates, Candidates]:
    """Every candidate record propose_reports scores (a free word and a
    content after it) around the rules' records of the articles of `gold`,
    labelled by the annotations of PolNeAR `directory` (same articles), and
    the gate's examples (one per free word); tags as collect_records'."""
    annotated = {d.id: d for d in polnear.load(directory)}
    finder = _core._ReportExampleFinder(tagger)
    out, gate = Candidates([], [], [], []), Candidates([], [], [], [])
    for index, g in enumerate(gold):
        doc = annotated.get(g.id)
        golds = [] if doc is None else [(a.cue, qeval._trim(a.content, g.text)) for a in doc.attributions if a.cue]
        cue_starts, cue_ends, starts, ends, features, lengths, words = finder.report_candidates(g.text)
        positive = [
            _report_positive(g.text, (cs, ce), (s, e), golds) for cs, ce, s, e in zip(cue_starts, cue_ends, starts, ends)
        ]
        out.doc.extend([index] * len(starts))
        out.positive.extend(positive)
        out.features.append(features)
        out.lengths.append(lengths)
        labels, lists = _word_examples(cue_starts, positive, features, lengths, words)
        gate.doc.extend([index] * len(labels))
        gate.positive.extend(labels)
        gate_features, gate_lengths = pack(lists)
        gate.features.append(gate_features)
        gate.lengths.append(gate_lengths)
    return out, gate


def _matched_gold(doc: qeval.GoldDocument, start: int, end: int) -> Optional[qeval.Attribution]:
    """The gold attribution that content [start, end) matches best (both
    spans sharing half their characters, as the scorer's default), or None."""
    spans = qeval._trim(((start, end),), doc.text)
    length = qeval._length(spans)
    best, best_shared = None, 0
    for g in doc.attributions:
        gold_spans = qeval._content_spans(g, doc.text)
        shared = qeval._shared(spans, gold_spans)
        limit = Fraction(1, 2)
        if shared > best_shared and qeval._meets(shared, length, limit) and qeval._meets(
            shared, qeval._length(gold_spans), limit
        ):
            best, best_shared = g, shared
    return best


def _positive_reports(reports: Optional[Candidates], count: int) -> list[list[int]]:
    """Per article, the indices (in its report_candidates order) of its
    positive candidate records."""
    out: list[list[int]] = [[] for _ in range(count)]
    if reports is None:
        return out
    seen = [0] * count
    for doc, positive in zip(reports.doc, reports.positive):
        if positive:
            out[doc].append(seen[doc])
        seen[doc] += 1
    return out


def collect_source_candidates(
    gold: Sequence[qeval.GoldDocument], reports: Optional[Candidates] = None, tagger: Optional[bytes] = None
) -> tuple[Candidates, Candidates]:
    """The candidate sources of the rules' reported-speech records: those of
    records without a source (choose_source) and of records with one
    (revise_source), each positive when the mention overlaps the annotated
    source of the gold attribution the record matches. With `reports`, the
    positive candidate records (made records alone, as propose_reports
    would) add theirs to choose_source's. Tags as collect_records'."""
    finder = _core._ReportExampleFinder(tagger)
    sourceless, sourced = Candidates([], [], [], []), Candidates([], [], [], [])
    proposed = _positive_reports(reports, len(gold))
    for index, g in enumerate(gold):
        lists: tuple[list[list[int]], list[list[int]]] = ([], [])
        examples = finder.source_examples(g.text)
        if proposed[index]:
            examples += finder.proposed_source_examples(g.text, proposed[index])
        for start, end, m_start, m_end, has_source, _rules_choice, features in examples:
            match = _matched_gold(g, start, end)
            sources = match.source if match is not None else ()
            out = sourced if has_source else sourceless
            out.doc.append(index)
            out.positive.append(any(a < m_end and m_start < b for a, b in sources))
            lists[has_source].append(features)
        for out, found in ((sourceless, lists[0]), (sourced, lists[1])):
            features_bytes, lengths_bytes = pack(found)
            out.features.append(features_bytes)
            out.lengths.append(lengths_bytes)
    return sourceless, sourced


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
    sources: Optional[tuple[bytes, bytes, bytes]] = None,
    source_threshold: float = 0.0,
    revisions: Optional[tuple[bytes, bytes, bytes]] = None,
    revise_threshold: float = 0.0,
    reports: Optional[tuple[bytes, bytes, bytes]] = None,
    report_threshold: float = 0.0,
    report_words: Optional[tuple[bytes, bytes, bytes]] = None,
    report_gate: float = 0.0,
) -> bytes:
    """Model bytes: accept_report trained on `records`, propose_cue on the
    packed (features, lengths, labels) `cues`, choose_source on `sources`
    and revise_source on `revisions`, propose_report on `reports` and its
    gate on `report_words`, when given."""
    features, lengths = pack([r.features for r in records])
    labels = bytes(r.positive for r in records)
    classifiers = [(ACCEPT_REPORT, features, lengths, labels, threshold, 0)]
    if cues is not None:
        classifiers.append((PROPOSE_CUE, cues[0], cues[1], cues[2], cue_threshold, 0))
    if sources is not None:
        # A few thousand candidates: a smaller table holds their features.
        classifiers.append((CHOOSE_SOURCE, sources[0], sources[1], sources[2], source_threshold, SOURCE_BITS))
    if revisions is not None:
        classifiers.append((REVISE_SOURCE, *revisions, revise_threshold, SOURCE_BITS))
    if reports is not None:
        classifiers.append((PROPOSE_REPORT, *reports, report_threshold, 0))
    if report_words is not None:
        classifiers.append((PROPOSE_REPORT_GATE, *report_words, report_gate, GATE_BITS))
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


@dataclass
class TrainingData:
    """Everything the classifiers learn from, per training article."""

    records: list[Record]  # accept_report
    cues: Candidates  # propose_cue
    sources: Candidates  # choose_source
    revisions: Candidates  # revise_source
    reports: Candidates = field(default_factory=lambda: Candidates([], [], [], []))  # propose_report
    report_words: Candidates = field(default_factory=lambda: Candidates([], [], [], []))  # its gate
    tagger: Optional[bytes] = None  # whose tags the features read (None: the embedded tagger)


@dataclass(frozen=True)
class Thresholds:
    """The classifiers' thresholds; None leaves that classifier out."""

    accept: float
    cue: Optional[float] = None
    source: Optional[float] = None
    revise: Optional[float] = None
    report: Optional[float] = None
    report_gate: float = -4.0


def model_for(data: TrainingData, docs: set[int], thresholds: Thresholds, **options: Any) -> bytes:
    """The model trained on the articles `docs` with `thresholds`."""
    return train_model(
        [r for r in data.records if r.doc in docs],
        thresholds.accept,
        cues=None if thresholds.cue is None else data.cues.select(docs),
        cue_threshold=thresholds.cue or 0.0,
        sources=None if thresholds.source is None else data.sources.select(docs),
        source_threshold=thresholds.source or 0.0,
        revisions=None if thresholds.revise is None else data.revisions.select(docs),
        revise_threshold=thresholds.revise or 0.0,
        reports=None if thresholds.report is None else data.reports.select(docs),
        report_threshold=thresholds.report or 0.0,
        report_words=None if thresholds.report is None else data.report_words.select(docs),
        report_gate=thresholds.report_gate,
        **options,
    )


def cross_validated_pipeline(
    gold: Sequence[qeval.GoldDocument], data: TrainingData, folds: int, thresholds: Thresholds, **options: Any
) -> PipelineRun:
    """The whole pipeline on every article, each run with the model trained
    on the other folds."""
    run = PipelineRun([None] * len(gold), [[] for _ in gold])
    for fold in range(folds):
        train_docs = {i for i in range(len(gold)) if i % folds != fold}
        model = model_for(data, train_docs, thresholds, **options)
        run_pipeline(_core._ModelRunner(model, data.tagger), gold, range(fold, len(gold), folds), run)
    return run


def _line(name: str, counts: qeval.Counts) -> str:
    d = counts.to_dict()
    return f"  {name:28} all F1 {100 * d['content']['f1']:.2f}  e2e F1 {100 * d['end_to_end']['f1']:.2f}"


def _best_run(
    gold: Sequence[qeval.GoldDocument], data: TrainingData, folds: int, choices: Sequence[Thresholds],
    metric: str, options: dict[str, Any],
) -> tuple[Thresholds, PipelineRun]:
    """The choice whose cross-validated pipeline scores best in `metric`
    ("content" or "end_to_end" F1 of all attributions; ties: the first)."""
    best: Optional[tuple[float, Thresholds, PipelineRun]] = None
    for choice in choices:
        run = cross_validated_pipeline(gold, data, folds, choice, **options)
        section = run.report(gold).sections["all"]
        cue = "no cues" if choice.cue is None else f"cue >= {choice.cue:g}"
        source = "no source" if choice.source is None else f"source >= {choice.source:g}"
        revise = "" if choice.revise is None else f", revise >= {choice.revise:g}"
        report = "" if choice.report is None else f", report >= {choice.report:g}"
        print(_line(f"rules+model ({cue}, {source}{revise}{report})", section))
        f1 = section.to_dict()[metric]["f1"]
        if best is None or f1 > best[0]:
            best = (f1, choice, run)
    assert best is not None
    return best[1], best[2]


def _choose_thresholds(
    args: argparse.Namespace, gold: Sequence[qeval.GoldDocument], data: TrainingData, options: dict[str, Any]
) -> tuple[Thresholds, Optional[PipelineRun]]:
    """The thresholds the cross-validation chooses and the pipeline run of
    that choice; with one fold, threshold 0 and the first of each list."""
    if args.folds <= 1:
        first = (args.cue_thresholds[0], args.source_thresholds[0], args.revise_thresholds[0], args.report_thresholds[0])
        return Thresholds(0.0, *first, report_gate=args.report_gate), None
    records = data.records
    gold_total = sum(len(g.attributions) for g in gold)
    report = qeval.score(gold, qeval.run_extractor(gold, rules_only_extractor(), threads=args.threads))
    matched_other = report.sections["all"].matched - sum(r.positive for r in records)
    scores = cross_validated_scores(records, args.folds, **options)
    accept = best_threshold(scores, [r.positive for r in records], gold_total, matched_other)
    print(f"{args.folds}-fold CV on {len(gold)} articles; accept threshold {accept:.4f}:")
    print(_line("rules", report.sections["all"]))
    # None: the classifier is left out; it ships only when it wins the CV.
    # Cues change what is found (all-attribution F1), sources only whom it
    # is attributed to (end-to-end F1).
    cue_choices = [Thresholds(accept, t) for t in [None, *args.cue_thresholds]]
    chosen, run = _best_run(gold, data, args.folds, cue_choices, "content", options)
    source_choices = [Thresholds(accept, chosen.cue, t) for t in [None, *args.source_thresholds]]
    chosen, run = _best_run(gold, data, args.folds, source_choices, "end_to_end", options)
    revise_choices = [Thresholds(accept, chosen.cue, chosen.source, t) for t in [None, *args.revise_thresholds]]
    chosen, run = _best_run(gold, data, args.folds, revise_choices, "end_to_end", options)
    # Proposed records change what is found and whom it is attributed to:
    # chosen on end-to-end F1, which counts both.
    report_choices = [
        Thresholds(accept, chosen.cue, chosen.source, chosen.revise, t, args.report_gate)
        for t in [None, *args.report_thresholds]
    ]
    chosen, run = _best_run(gold, data, args.folds, report_choices, "end_to_end", options)
    print(
        ("propose_cue left out" if chosen.cue is None else f"cue threshold {chosen.cue:g}")
        + ("; choose_source left out" if chosen.source is None else f"; source threshold {chosen.source:g}")
        + ("; revise_source left out" if chosen.revise is None else f"; revise margin {chosen.revise:g}")
        + ("; propose_report left out" if chosen.report is None else f"; report threshold {chosen.report:g}")
    )
    return chosen, run


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


def _write_tagger(args: argparse.Namespace) -> bytes:
    """Trains the tagger on the split's silver tags, writes it to
    --tagger-out and reports its agreement (on --tagger-dev too, if given)."""
    started = time.monotonic()
    tagger = train_tagger(args.polnear, seed=args.seed)
    with open(args.tagger_out, "wb") as out:
        out.write(tagger)
    agree, known = tagger_agreement(tagger, args.polnear)
    line = (
        f"wrote {args.tagger_out}: {len(tagger)} bytes in {time.monotonic() - started:.1f} s; "
        f"agreement with the silver tags: train {100 * agree / max(known, 1):.2f}%"
    )
    if args.tagger_dev:
        agree, known = tagger_agreement(tagger, args.tagger_dev)
        line += f", {args.tagger_dev} {100 * agree / max(known, 1):.2f}% ({known} tokens)"
    print(line)
    return tagger


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
    try:
        tagger = _write_tagger(args) if args.tagger_out else None
    except polnear.AnnotationError as exc:
        print(f"quotelink train: {exc}", file=sys.stderr)
        return 1
    reports, report_words = collect_report_candidates(args.polnear, gold, tagger)
    data = TrainingData(
        collect_records(gold, threads=args.threads, tagger=tagger),
        collect_cue_candidates(args.polnear, gold),
        *collect_source_candidates(gold, reports, tagger),
        reports,
        report_words,
        tagger,
    )
    thresholds, model_run = _choose_thresholds(args, gold, data, options)
    model = model_for(data, set(range(len(gold))), thresholds, **options)
    with open(args.out, "wb") as out:
        out.write(model)
    records, cues, sources, revisions, reports = data.records, data.cues, data.sources, data.revisions, data.reports
    print(
        f"wrote {args.out}: {len(model)} bytes; {len(records)} records ({sum(r.positive for r in records)} "
        f"positive), {len(cues.doc)} cue candidates ({sum(cues.positive)} positive), {len(sources.doc)} "
        f"source candidates ({sum(sources.positive)} positive), {len(revisions.doc)} revision candidates "
        f"({sum(revisions.positive)} positive), {len(reports.doc)} candidate records ({sum(reports.positive)} "
        f"positive) from {len(gold)} articles"
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
    parser.add_argument(
        "--tagger-out",
        metavar="FILE",
        help="first train the part-of-speech tagger on DIR/corenlp's silver tags and write it "
        "(cpp/data/model/pos.bin); the model's features then read its tags (default: the embedded tagger's)",
    )
    parser.add_argument(
        "--tagger-dev", metavar="DIR", help="with --tagger-out, also report the tagger's agreement on this split"
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
    parser.add_argument(
        "--source-thresholds",
        type=_thresholds,
        default=[-8.0, -6.0, -4.0, -2.0, 0.0],
        metavar="T,T,...",
        help="choose_source thresholds the CV chooses from; the classifier ships only when one beats "
        "the model without it in end-to-end F1 (default -8,-6,-4,-2,0; with --folds 1 the first is used)",
    )
    parser.add_argument(
        "--revise-thresholds",
        type=_thresholds,
        default=[0.0, 2.0, 4.0, 8.0],
        metavar="M,M,...",
        help="revise_source margins the CV chooses from (a candidate replaces the rules' source when it "
        "scores higher by at least M); it ships only when one beats the model without it in end-to-end F1 "
        "(default 0,2,4,8)",
    )
    parser.add_argument(
        "--report-thresholds",
        type=_thresholds,
        default=[-2.0, 0.0, 2.0, 4.0],
        metavar="T,T,...",
        help="propose_report thresholds the CV chooses from; the classifier ships only when one beats "
        "the model without it in end-to-end F1 (default -2,0,2,4; with --folds 1 the first is used)",
    )
    parser.add_argument(
        "--report-gate",
        type=float,
        default=-4.0,
        metavar="G",
        help="the threshold of propose_report's gate, which decides on a word's features alone whether "
        "its contents are scored (default -4: about a tenth of the words pass, at little cost in the CV's F1)",
    )
    parser.set_defaults(func=_cmd_train)
