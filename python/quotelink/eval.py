"""Scoring quotation extraction against annotated news.

Command line::

    quotelink evaluate --corpus polnear:DIR                # runs the extractor on DIR/text
    quotelink evaluate --corpus polnear:DIR --pred P.jsonl
    quotelink evaluate --gold G.jsonl --pred P.jsonl [--texts DIR]
    quotelink evaluate --gold G.jsonl --texts DIR          # runs the extractor
    ... [--overlap 0.5] [--show-errors [direct|all]] [--json] [--per-publisher] [--calibration]
    ... [--no-model] [--no-calibration]                  # when it runs the extractor

Gold data
---------
``polnear:DIR`` reads PolNeAR's brat standoff (see :mod:`quotelink.polnear`;
one annotator file per article: the first annotator code in sorted order).

A gold JSONL file has one JSON object per line, of two sorts:

- an attribution: ``{"doc": "a1", "start": 120, "end": 188, "kind": "direct",
  "speaker": "Sergei Lavrov", "source_start": 190, "source_end": 203}``.
  ``start``/``end`` are code-point offsets of the content (marks may be
  included or not: enclosing marks and white space are trimmed before
  comparison). A discontinuous content (``"A," he said, "B."``) is written
  ``"spans": [[s1, e1], [s2, e2]]`` instead of start/end. ``kind`` is
  ``direct`` (the content is in quotation marks), ``partial`` or ``indirect``;
  when it is missing it is ``direct`` if the content begins with a quotation
  mark. The source is ``source_start``/``source_end`` (or
  ``"source_spans": [[s, e], ...]``) and/or a ``speaker`` name; leave all
  out for an attribution without a source. ``text`` may hold the content's
  words.
- a document: ``{"doc": "a1", "text": "the whole article ..."}`` (no
  ``start``). It gives the text (for trimming marks, error context and
  running the extractor) and makes a document without any attribution count
  (its predicted quotations are then false positives). Texts can instead be
  given as files ``DIR/a1`` or ``DIR/a1.txt`` with ``--texts DIR``.

Only the documents the gold data names are scored. Document ids are compared
by their base name without ``.txt``, so ``--pred`` files written by
``quotelink extract --format jsonl texts/`` (doc = ``texts/a1.txt``) match
gold doc ``a1``.

Predictions are the JSONL records of ``quotelink extract --format jsonl``
(``doc``, ``start``, ``end``, ``kind``, ``speaker``, ``mention``,
``mention_start``, ``mention_end``). A record with a ``parent`` (the quoted
words inside reported speech or inside another quotation, which quotelink
also lists as partial records of their own) is not scored: PolNeAR, like the
gold JSONL format, annotates one attribution there, the enclosing one.

Metrics
-------
Every span is first trimmed of white space and quotation marks at both ends.
A prediction P and a gold attribution G *overlap enough* when the characters
they share are at least ``--overlap`` (default 0.5) of P's and at least that
share of G's characters. Matching, per document:

1. each prediction goes to the gold attribution it overlaps best (the highest
   min(shared/|P|, shared/|G|)) among those holding at least the threshold of
   P's characters;
2. the predictions a gold attribution received, taken from the best overlap
   down and skipping any that overlaps one already taken, are its *group*
   (several pieces of one split quotation ``"A," he said, "B."`` are one
   match); the gold is *matched* when the group covers at least the threshold
   of its characters;
3. true positives are matched gold attributions; false positives are the
   predictions in no matched group; misses are unmatched gold attributions.

Precision = TP / (TP + FP), recall = TP / gold. *Exact* counts the matches
whose group covers exactly the gold characters. *Source accuracy* is over
matched gold attributions that have a source, judged on the group's best
prediction: right when its speaker mention span, or a mention span of its
speaker entity, overlaps the gold source span; when either side has no spans
(e.g. gold given only as a ``speaker`` name), when the case- and
punctuation-folded speaker or mention string equals the gold speaker or
source words. (A ``--pred`` JSONL file has no entity mentions, only the
chosen mention: running the extractor in-process can score a little higher.) *End-to-end* counts a true positive only when its attribution
is also right; a gold attribution without a source is right only when the
prediction has no speaker.

``direct`` scores gold attributions of kind ``direct`` against predictions
of kind ``direct``; ``all`` scores every gold attribution against every
prediction. Per publisher groups documents by the id's prefix before the
first ``_`` (PolNeAR: breitbart, huff-post, nyt, politico, usa-today,
wash-post, west-journal).

Calibration
-----------
``--calibration`` also reports how well ``confidence`` estimates the chance
that a record is right. Every scored prediction (section ``all``) is *right*
when it belongs to a matched gold attribution's group and its own attribution
is right as end-to-end judges it. The predictions are put in ten equal-width
confidence bins; the expected calibration error (ECE) is the records-weighted
mean over bins of |share right - mean confidence|. quotelink's confidences
are calibrated on PolNeAR train by default (docs/model.md); ``--no-calibration``
scores the rules' constant confidences instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterable, Optional, Sequence, Union

from . import polnear
from ._jsonl import json_lines

Spans = tuple[tuple[int, int], ...]

# Characters with the Unicode Quotation_Mark property (PropList.txt).
QUOTATION_MARKS = frozenset(
    "\"'\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u2e42"
    "\u300c\u300d\u300e\u300f\u301d\u301e\u301f\ufe41\ufe42\ufe43\ufe44\uff02\uff07\uff62\uff63"
)
SECTIONS = ("direct", "all")


class EvalError(ValueError):
    """Gold or prediction data that cannot be scored (message names the file and line)."""


@dataclass(frozen=True)
class Attribution:
    """A gold or predicted attribution: content spans and who said it.

    `source` holds the gold Source spans, or the predicted speaker mention's
    span; `names` the source words / the predicted speaker and mention
    strings; `speaker_spans` every mention of the predicted speaker entity.
    """

    doc: str
    content: Spans
    kind: str = "direct"
    source: Spans = ()
    names: tuple[str, ...] = ()
    speaker_spans: Spans = ()
    text: Optional[str] = None
    confidence: Optional[float] = None  # a prediction's; None for gold
    sieve: str = ""  # the rule that made a prediction

    @property
    def attributed(self) -> bool:
        """True when a source (gold) or speaker (prediction) is given."""
        return bool(self.source or self.names or self.speaker_spans)


@dataclass
class GoldDocument:
    """A document's gold attributions and, when known, its text."""

    id: str
    text: Optional[str]
    attributions: list[Attribution] = field(default_factory=list)


def doc_key(doc_id: str) -> str:
    """The key documents are matched by: base name without ``.txt``."""
    base = os.path.basename(doc_id.rstrip("/\\")) or doc_id
    return base[:-4] if base.endswith(".txt") else base


def publisher(doc_id: str) -> str:
    """A document's publisher: the id's prefix before the first ``_``."""
    key = doc_key(doc_id)
    return key.split("_", 1)[0] if "_" in key else key


def begins_with_mark(text: str) -> bool:
    """True when `text`, white space aside, begins with a quotation mark."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in QUOTATION_MARKS


# ---------------------------------------------------------------- intervals


def _merge(spans: Iterable[tuple[int, int]]) -> Spans:
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return tuple(out)


def _length(spans: Spans) -> int:
    return sum(end - start for start, end in spans)


def _shared(a: Spans, b: Spans) -> int:
    """Characters in both merged span lists."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if end > start:
            total += end - start
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _trim(spans: Spans, text: Optional[str]) -> Spans:
    """`spans` with white space and quotation marks cut from each end."""
    if text is None:
        return _merge(spans)
    out = []
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        while start < end and (text[start].isspace() or text[start] in QUOTATION_MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTATION_MARKS):
            end -= 1
        out.append((start, end))
    return _merge(out)


def _content_spans(att: Attribution, doc_text: Optional[str]) -> Spans:
    """The trimmed content of `att`, using the document text or, failing
    that, the attribution's own words when they are its single span's text."""
    if doc_text is not None:
        return _trim(att.content, doc_text)
    if att.text is not None and len(att.content) == 1 and len(att.text) == att.content[0][1] - att.content[0][0]:
        base = att.content[0][0]
        return tuple((a + base, b + base) for a, b in _trim(((0, len(att.text)),), att.text))
    return _merge(att.content)


def _meets(shared: int, length: int, threshold: Fraction) -> bool:
    return shared > 0 and shared * threshold.denominator >= threshold.numerator * length


def _fold(name: str) -> str:
    kept = "".join(ch.casefold() if ch.isalnum() else " " for ch in name)
    return " ".join(kept.split())


def _source_right(gold: Attribution, pred: Attribution) -> bool:
    gold_source = _merge(gold.source)
    pred_spans = _merge(pred.source + pred.speaker_spans)
    if gold_source and pred_spans:
        return _shared(gold_source, pred_spans) > 0
    gold_names = {_fold(n) for n in gold.names} - {""}
    return bool(gold_names & ({_fold(n) for n in pred.names} - {""}))


# ------------------------------------------------------------------- scoring


@dataclass
class Counts:
    """Raw counts of one section; all rates derive from them."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    false_positives: int = 0
    exact: int = 0
    with_source: int = 0
    source_correct: int = 0
    end_to_end: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _prf(tp: int, predicted_units: int, gold: int) -> dict[str, float]:
        p = tp / predicted_units if predicted_units else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f}

    def to_dict(self) -> dict[str, Any]:
        units = self.matched + self.false_positives
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "false_positives": self.false_positives,
            "missed": self.gold - self.matched,
            "exact": self.exact,
            "with_source": self.with_source,
            "source_correct": self.source_correct,
            "end_to_end_correct": self.end_to_end,
            "content": self._prf(self.matched, units, self.gold),
            "exact_match": self._prf(self.exact, units, self.gold),
            "source_accuracy": self.source_correct / self.with_source if self.with_source else 0.0,
            "end_to_end": self._prf(self.end_to_end, units, self.gold),
        }


@dataclass(frozen=True)
class ErrorCase:
    """One miss, false positive or wrong speaker, for inspection."""

    section: str
    type: str  # "miss", "false_positive" or "wrong_speaker"
    doc: str
    start: int
    end: int
    text: str
    context: str
    gold_source: Optional[str] = None
    predicted_speaker: Optional[str] = None


def _snippet(text: Optional[str], spans: Spans, fallback: Optional[str], width: int = 60) -> tuple[str, str]:
    if text is None or not spans:
        return (fallback or "", "")
    start, end = spans[0][0], spans[-1][1]
    words = " ".join(text[a:b] for a, b in spans)
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    context = " ".join(f"{before}[[{text[start:end]}]]{after}".split())
    return (" ".join(words.split()), context)


def _describe_source(text: Optional[str], att: Attribution) -> Optional[str]:
    if att.source and text is not None:
        return " ".join(text[a:b] for a, b in att.source)
    return att.names[0] if att.names else None


def _match(
    doc: GoldDocument, gold: list[Attribution], preds: list[Attribution], threshold: Fraction
) -> tuple[list[Spans], list[Spans], list[Optional[tuple[list[int], Spans]]]]:
    """The matching of the module docstring on one document: the trimmed
    gold and predicted spans, and per gold attribution its group (prediction
    indices, best overlap first, and the characters they cover) when it is
    matched, else None."""
    gold_spans = [_content_spans(g, doc.text) for g in gold]
    pred_spans = [_content_spans(p, doc.text) for p in preds]
    groups: list[list[tuple[int, int]]] = [[] for _ in gold]  # (shared, pred index)
    for pi, ps in enumerate(pred_spans):
        p_len = _length(ps)
        best: Optional[tuple[Fraction, int, int]] = None
        for gi, gs in enumerate(gold_spans):
            shared = _shared(ps, gs)
            if not _meets(shared, p_len, threshold):
                continue
            key = (min(Fraction(shared, p_len), Fraction(shared, _length(gs))), shared, -gi)
            if best is None or key > best:
                best = key
        if best is not None:
            groups[-best[2]].append((best[1], pi))
    matches: list[Optional[tuple[list[int], Spans]]] = []
    for gi in range(len(gold)):
        taken: Spans = ()
        members = []
        for shared, pi in sorted(groups[gi], key=lambda m: (-m[0], m[1])):
            if _shared(taken, pred_spans[pi]) == 0:
                taken = _merge(taken + pred_spans[pi])
                members.append(pi)
        g_spans = gold_spans[gi]
        found = bool(members) and _meets(_shared(taken, g_spans), _length(g_spans), threshold)
        matches.append((members, taken) if found else None)
    return gold_spans, pred_spans, matches


def _attribution_right(gold: Attribution, pred: Attribution) -> bool:
    """End-to-end rightness of a matched prediction's attribution."""
    return _source_right(gold, pred) if gold.attributed else not pred.attributed


def _score_doc(
    section: str,
    doc: GoldDocument,
    gold: list[Attribution],
    preds: list[Attribution],
    threshold: Fraction,
    errors: Optional[list[ErrorCase]],
) -> Counts:
    counts = Counts(gold=len(gold), predicted=len(preds))
    gold_spans, pred_spans, matches = _match(doc, gold, preds, threshold)
    used = [False] * len(preds)
    for gi, g in enumerate(gold):
        g_spans = gold_spans[gi]
        match = matches[gi]
        if match is None:
            if errors is not None:
                words, context = _snippet(doc.text, g_spans, g.text)
                errors.append(
                    ErrorCase(section, "miss", doc.id, g.content[0][0], g.content[-1][1], words, context,
                              gold_source=_describe_source(doc.text, g))
                )
            continue
        members, taken = match
        for pi in members:
            used[pi] = True
        counts.matched += 1
        counts.exact += taken == g_spans
        best_pred = preds[members[0]]
        if g.attributed:
            counts.with_source += 1
            right = _source_right(g, best_pred)
            counts.source_correct += right
        else:
            right = not best_pred.attributed
        counts.end_to_end += right
        if not right and errors is not None:
            words, context = _snippet(doc.text, g_spans, g.text)
            errors.append(
                ErrorCase(section, "wrong_speaker", doc.id, g.content[0][0], g.content[-1][1], words, context,
                          gold_source=_describe_source(doc.text, g),
                          predicted_speaker=_describe_source(doc.text, best_pred))
            )
    for pi, p in enumerate(preds):
        if used[pi]:
            continue
        counts.false_positives += 1
        if errors is not None:
            words, context = _snippet(doc.text, pred_spans[pi], p.text)
            errors.append(
                ErrorCase(section, "false_positive", doc.id, p.content[0][0], p.content[-1][1], words, context,
                          predicted_speaker=_describe_source(doc.text, p))
            )
    return counts


@dataclass
class Report:
    """Scores of a set of documents, overall and per publisher."""

    threshold: float
    documents: int
    sections: dict[str, Counts]
    publishers: dict[str, dict[str, Counts]]
    publisher_documents: dict[str, int]
    errors: list[ErrorCase]
    ignored_prediction_docs: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain data (what ``--json`` prints)."""
        out: dict[str, Any] = {
            "threshold": self.threshold,
            "documents": self.documents,
            "ignored_prediction_docs": self.ignored_prediction_docs,
        }
        for name, counts in self.sections.items():
            out[name] = counts.to_dict()
        if self.publishers:
            out["publishers"] = {
                pub: {"documents": self.publisher_documents[pub], **{n: c.to_dict() for n, c in secs.items()}}
                for pub, secs in sorted(self.publishers.items())
            }
        out["errors"] = [vars(e) for e in self.errors]
        return out

    def format(self) -> str:
        """A human-readable table."""
        pct = lambda x: f"{100 * x:5.1f}"  # noqa: E731
        # Every rate follows from the counts shown: P = match / (match + fp).
        # The predicted records are not a column: the pieces of one split
        # quotation that match a gold attribution together count once.
        lines = [
            f"{self.documents} documents; a match shares >= {self.threshold:.0%} of both spans' characters",
            "",
            f"{'':20} {'gold':>5} {'match':>5} {'fp':>5} {'miss':>5} {'P':>5} {'R':>5} {'F1':>5}"
            f" {'exact':>5} {'src-acc':>7} {'e2e':>5} {'e2e-P':>5} {'e2e-R':>5} {'e2e-F1':>6}",
        ]

        def row(label: str, counts: Counts) -> str:
            d = counts.to_dict()
            c, x, e = d["content"], d["exact_match"], d["end_to_end"]
            return (
                f"{label:20} {d['gold']:>5} {d['matched']:>5} {d['false_positives']:>5} {d['missed']:>5}"
                f" {pct(c['precision'])} {pct(c['recall'])} {pct(c['f1'])} {pct(x['f1'])} {pct(d['source_accuracy']):>7}"
                f" {d['end_to_end_correct']:>5} {pct(e['precision'])} {pct(e['recall'])} {pct(e['f1']):>6}"
            )

        for name in self.sections:
            lines.append(row(f"{name} quotations" if name == "direct" else f"{name} attributions", self.sections[name]))
        if self.publishers:
            for name in self.sections:
                lines += ["", f"per publisher, {name}:"]
                for pub, secs in sorted(self.publishers.items()):
                    lines.append(row(f"  {pub} ({self.publisher_documents[pub]})", secs[name]))
        lines.append("")
        lines.append("P = match / (match + fp), R = match / gold; e2e-P and e2e-R put e2e in place of match.")
        lines.append("match: gold attributions found; fp: predictions in no match; exact: F1 of exact content;")
        lines.append("src-acc: speaker right among matched quotations with a gold source; e2e: found AND")
        lines.append("attributed to the annotated source.")
        predicted = ", ".join(f"{name} {counts.predicted}" for name, counts in self.sections.items())
        lines.append(f"Predicted records: {predicted}; the pieces of a split quotation that")
        lines.append("match one gold attribution together are one match.")
        if self.ignored_prediction_docs:
            lines.append(f"({self.ignored_prediction_docs} predicted documents have no gold and were ignored)")
        if self.errors:
            lines += ["", f"errors ({len(self.errors)}):"]
            for e in self.errors:
                lines.append(f"- {e.type} [{e.section}] {e.doc} {e.start}-{e.end}")
                if e.context:
                    lines.append(f"    {e.context}")
                else:
                    lines.append(f"    {e.text}")
                if e.type == "wrong_speaker":
                    lines.append(f"    gold source: {e.gold_source!r}  predicted: {e.predicted_speaker!r}")
                elif e.type == "miss" and e.gold_source:
                    lines.append(f"    gold source: {e.gold_source!r}")
                elif e.type == "false_positive" and e.predicted_speaker:
                    lines.append(f"    predicted speaker: {e.predicted_speaker!r}")
        return "\n".join(lines) + "\n"


def _parse_threshold(threshold: Union[float, str, Fraction]) -> Fraction:
    value = threshold if isinstance(threshold, Fraction) else Fraction(str(threshold))
    if not 0 < value <= 1:
        raise EvalError(f"the overlap threshold must be in (0, 1], not {threshold}")
    return value


def score(
    gold_docs: Sequence[GoldDocument],
    predictions: dict[str, list[Attribution]],
    *,
    threshold: Union[float, str] = 0.5,
    per_publisher: bool = False,
    errors: Optional[str] = None,
) -> Report:
    """Scores `predictions` (doc key -> attributions) against `gold_docs`.

    `errors` is None, "direct" or "all": the section whose error cases the
    report lists.
    """
    limit = _parse_threshold(threshold)
    if errors not in (None, *SECTIONS):
        raise EvalError(f"errors must be one of {SECTIONS}, not {errors!r}")
    sections = {name: Counts() for name in SECTIONS}
    publishers: dict[str, dict[str, Counts]] = {}
    publisher_documents: dict[str, int] = {}
    cases: list[ErrorCase] = []
    gold_keys = set()
    for doc in gold_docs:
        key = doc_key(doc.id)
        gold_keys.add(key)
        preds = predictions.get(key, [])
        pub = publisher(doc.id)
        if per_publisher:
            publisher_documents[pub] = publisher_documents.get(pub, 0) + 1
            publishers.setdefault(pub, {name: Counts() for name in SECTIONS})
        for name in SECTIONS:
            if name == "direct":
                gold = [g for g in doc.attributions if g.kind == "direct"]
                pred = [p for p in preds if p.kind == "direct"]
            else:
                gold, pred = list(doc.attributions), list(preds)
            counts = _score_doc(name, doc, gold, pred, limit, cases if errors == name else None)
            sections[name].add(counts)
            if per_publisher:
                publishers[pub][name].add(counts)
    ignored = len(set(predictions) - gold_keys)
    return Report(float(limit), len(gold_docs), sections, publishers, publisher_documents, cases, ignored)


# --------------------------------------------------------------- calibration


def record_outcomes(
    gold_docs: Sequence[GoldDocument],
    predictions: dict[str, list[Attribution]],
    *,
    threshold: Union[float, str] = 0.5,
) -> list[tuple[Attribution, bool]]:
    """Every prediction of the scored documents (section ``all``) with
    whether it is right: a member of a matched gold attribution's group whose
    own attribution is right as end-to-end judges it (the gold source, or no
    speaker for a gold attribution without one). What confidence estimates."""
    limit = _parse_threshold(threshold)
    out: list[tuple[Attribution, bool]] = []
    for doc in gold_docs:
        preds = list(predictions.get(doc_key(doc.id), []))
        gold = list(doc.attributions)
        right = [False] * len(preds)
        for gi, match in enumerate(_match(doc, gold, preds, limit)[2]):
            if match is not None:
                for pi in match[0]:
                    right[pi] = _attribution_right(gold[gi], preds[pi])
        out.extend(zip(preds, right))
    return out


@dataclass(frozen=True)
class ConfidenceBin:
    """Predictions whose confidence is in [low, high) (the last bin holds 1)."""

    low: float
    high: float
    records: int
    mean_confidence: float
    accuracy: float


@dataclass(frozen=True)
class Calibration:
    """Expected calibration error over equal-width confidence bins: the
    records-weighted mean of |accuracy - mean confidence| per bin."""

    records: int
    error: float
    bins: tuple[ConfidenceBin, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "ece": self.error, "bins": [vars(b) for b in self.bins]}

    def format(self) -> str:
        lines = [f"calibration: {self.records} records, expected calibration error {self.error:.4f} ({len(self.bins)} bins)",
                 f"{'confidence':>12} {'records':>8} {'mean conf':>9} {'right':>6}"]
        for b in self.bins:
            lines.append(f"{b.low:5.2f}-{b.high:<6.2f} {b.records:>8} {b.mean_confidence:9.3f} {b.accuracy:6.3f}")
        return "\n".join(lines) + "\n"


def calibration(outcomes: Iterable[tuple[Attribution, bool]], bins: int = 10) -> Calibration:
    """The calibration of `outcomes` (from record_outcomes) in `bins`
    equal-width bins; predictions without a confidence are left out."""
    return confidence_calibration(((att.confidence, right) for att, right in outcomes), bins)


def confidence_calibration(pairs: Iterable[tuple[Optional[float], bool]], bins: int = 10) -> Calibration:
    """The calibration of (confidence, right) pairs in `bins` equal-width
    bins; pairs whose confidence is None are left out."""
    if bins < 1:
        raise EvalError(f"the number of bins must be at least 1, not {bins}")
    members: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, right in pairs:
        if confidence is None:
            continue
        members[min(bins - 1, int(confidence * bins))].append((confidence, right))
    total = sum(len(m) for m in members)
    out, error = [], 0.0
    for i, m in enumerate(members):
        if not m:
            continue
        mean = sum(c for c, _ in m) / len(m)
        accuracy = sum(r for _, r in m) / len(m)
        error += len(m) / total * abs(accuracy - mean)
        out.append(ConfidenceBin(i / bins, (i + 1) / bins, len(m), mean, accuracy))
    return Calibration(total, error, tuple(out))


# ------------------------------------------------------------------- loading


def load_polnear(directory: str) -> list[GoldDocument]:
    """Gold documents of a PolNeAR split (text/ and attributions/)."""
    try:
        docs = polnear.load(directory)
    except polnear.AnnotationError as exc:
        raise EvalError(str(exc)) from exc
    out = []
    for d in docs:
        atts = []
        for a in d.attributions:
            words = " ".join(d.text[s:e] for s, e in a.content)
            source_words = " ".join(d.text[s:e] for s, e in a.source)
            atts.append(
                Attribution(
                    doc=d.id,
                    content=a.content,
                    kind="direct" if begins_with_mark(words) else "indirect",
                    source=a.source,
                    names=(source_words,) if source_words else (),
                    text=words,
                )
            )
        out.append(GoldDocument(d.id, d.text, atts))
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _spans_field(record: dict[str, Any], spans_key: str, start_key: str, end_key: str, where: str) -> Spans:
    if record.get(spans_key) is not None:
        raw = record[spans_key]
        if not isinstance(raw, list) or not all(isinstance(s, (list, tuple)) and len(s) == 2 for s in raw):
            raise EvalError(f"{where}: {spans_key} must be a list of [start, end] pairs")
        pairs = [(s[0], s[1]) for s in raw]
    elif record.get(start_key) is not None or record.get(end_key) is not None:
        pairs = [(record.get(start_key), record.get(end_key))]
    else:
        return ()
    for start, end in pairs:
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or not 0 <= start <= end:
            raise EvalError(f"{where}: {start_key}/{end_key} must be integers with 0 <= start <= end, got {start!r}, {end!r}")
    return tuple(sorted(pairs))


def _records(path: str) -> Iterable[tuple[str, dict[str, Any]]]:
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with handle:
        for where, record in json_lines(handle, path):
            if isinstance(record, ValueError):
                raise EvalError(f"{where}: not JSON: {record}") from record
            if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
                raise EvalError(f"{where}: expected an object with a string \"doc\" field")
            yield where, record


def _record_attribution(record: dict[str, Any], where: str, doc_text: Optional[str]) -> Attribution:
    content = _spans_field(record, "spans", "start", "end", where)
    if not content:
        raise EvalError(f"{where}: an attribution needs start and end (or spans)")
    if doc_text is not None and content[-1][1] > len(doc_text):
        raise EvalError(f"{where}: span end {content[-1][1]} is past the document's end ({len(doc_text)})")
    words = record.get("text") if isinstance(record.get("text"), str) else None
    if doc_text is not None:
        words = " ".join(doc_text[a:b] for a, b in content)
    kind = record.get("kind")
    if kind is None:
        if words is None:
            raise EvalError(f"{where}: no kind, and no text to tell a direct quotation by its marks")
        kind = "direct" if begins_with_mark(words) else "indirect"
    if kind not in ("direct", "partial", "indirect"):
        raise EvalError(f"{where}: kind must be direct, partial or indirect, not {kind!r}")
    source = _spans_field(record, "source_spans", "source_start", "source_end", where) or _spans_field(
        record, "mention_spans", "mention_start", "mention_end", where
    )
    names = tuple(
        str(record[k]) for k in ("speaker", "mention") if isinstance(record.get(k), str) and record[k].strip()
    )
    if not names and source and doc_text is not None:
        names = (" ".join(doc_text[a:b] for a, b in source),)
    confidence = record.get("confidence")
    if not (_is_number(confidence) and 0 <= confidence <= 1):
        confidence = None
    sieve = record.get("sieve") if isinstance(record.get("sieve"), str) else ""
    return Attribution(record["doc"], content, kind, source, names, (), words, confidence, sieve)


def _read_text(texts_dir: str, doc: str) -> Optional[str]:
    for name in (doc, doc_key(doc), doc_key(doc) + ".txt"):
        path = os.path.join(texts_dir, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8", newline="") as handle:
                return handle.read()
    return None


def load_gold_jsonl(path: str, texts_dir: Optional[str] = None) -> list[GoldDocument]:
    """Gold documents from a JSONL file (format in the module docstring),
    with texts from document records or from `texts_dir`."""
    raw: list[tuple[str, dict[str, Any]]] = []
    texts: dict[str, str] = {}
    order: list[str] = []
    for where, record in _records(path):
        key = doc_key(record["doc"])
        if key not in texts and key not in order:
            order.append(key)
        if "start" not in record and "spans" not in record:
            if not isinstance(record.get("text"), str):
                raise EvalError(f"{where}: a document record needs a string \"text\" (or give start/end)")
            texts[key] = record["text"]
        else:
            raw.append((where, record))
    if texts_dir is not None:
        for key in order:
            if key not in texts:
                found = _read_text(texts_dir, key)
                if found is not None:
                    texts[key] = found
    docs = {key: GoldDocument(key, texts.get(key)) for key in order}
    for where, record in raw:
        key = doc_key(record["doc"])
        docs[key].attributions.append(_record_attribution(record, where, texts.get(key)))
    return list(docs.values())


def load_predictions(path: str, gold_docs: Sequence[GoldDocument] = ()) -> dict[str, list[Attribution]]:
    """Predicted attributions (``quotelink extract --format jsonl`` records)
    by doc key; `gold_docs` supply the texts used to check offsets."""
    texts = {doc_key(d.id): d.text for d in gold_docs}
    out: dict[str, list[Attribution]] = {}
    for where, record in _records(path):
        key = doc_key(record["doc"])
        if record.get("parent") is not None:
            continue  # words of the enclosing record, scored with it
        out.setdefault(key, []).append(_record_attribution(record, where, texts.get(key)))
    return out


def predictions_from_documents(docs: Iterable[Any]) -> dict[str, list[Attribution]]:
    """Predicted attributions of quotelink Documents (by doc key of doc.id)."""
    out: dict[str, list[Attribution]] = {}
    for doc in docs:
        entity_spans = {
            e.id: tuple((doc.mentions[m].start, doc.mentions[m].end) for m in e.mention_ids) for e in doc.entities
        }
        atts = out.setdefault(doc_key(doc.id), [])
        for q in doc.quotes:
            if getattr(q, "parent", None) is not None:
                continue  # words of the enclosing record, scored with it
            source: Spans = ()
            if q.mention_start is not None and q.mention_end is not None:
                source = ((q.mention_start, q.mention_end),)
            names = tuple(n for n in (q.speaker, q.mention) if n)
            speaker_spans = entity_spans.get(q.speaker_id, ()) if q.speaker_id is not None else ()
            atts.append(
                Attribution(doc.id, ((q.start, q.end),), q.kind, source, names, speaker_spans, q.text, q.confidence, q.sieve)
            )
    return out


def run_extractor(gold_docs: Sequence[GoldDocument], extractor: Any = None, threads: int = 0) -> dict[str, list[Attribution]]:
    """Runs quotelink on the gold documents' texts and returns its predictions."""
    from ._extractor import Extractor  # noqa: PLC0415 - keeps `import quotelink.eval` light

    missing = [d.id for d in gold_docs if d.text is None]
    if missing:
        raise EvalError(
            f"no text for {len(missing)} document(s) (first: {missing[0]}); give --texts DIR or document records"
        )
    extractor = extractor if extractor is not None else Extractor()
    docs = extractor.extract_many([d.text for d in gold_docs], threads=threads, ids=[d.id for d in gold_docs])
    return predictions_from_documents(docs)


def load_corpus(spec: str) -> list[GoldDocument]:
    """Gold documents of a corpus spec (``polnear:DIR``)."""
    kind, sep, directory = spec.partition(":")
    if not sep or kind != "polnear" or not directory:
        raise EvalError(f"unknown corpus {spec!r}: expected polnear:DIR")
    return load_polnear(directory)


# ----------------------------------------------------------------------- CLI


def _extractor_of(args: argparse.Namespace) -> Any:
    """The extractor `quotelink evaluate` runs: the default one, less the
    model (--no-model) or the calibration (--no-calibration)."""
    from ._config import Config  # noqa: PLC0415
    from ._extractor import Extractor  # noqa: PLC0415

    return Extractor(Config(model=args.model, calibration=args.calibration_table))


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from . import Error  # noqa: PLC0415

    try:
        if args.corpus:
            gold = load_corpus(args.corpus)
        else:
            gold = load_gold_jsonl(args.gold, args.texts)
        if args.pred:
            preds = load_predictions(args.pred, gold)
        else:
            preds = run_extractor(gold, _extractor_of(args))
        per_publisher = args.per_publisher if args.per_publisher is not None else bool(args.corpus)
        report = score(gold, preds, threshold=args.overlap, per_publisher=per_publisher, errors=args.show_errors)
        calibrated = calibration(record_outcomes(gold, preds, threshold=args.overlap)) if args.calibration else None
    except (EvalError, Error) as exc:
        print(f"quotelink evaluate: {exc}", file=sys.stderr)
        return 1
    if args.json:
        data = report.to_dict()
        if calibrated is not None:
            data["calibration"] = calibrated.to_dict()
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report.format())
        if calibrated is not None:
            sys.stdout.write("\n" + calibrated.format())
    return 0


def register_cli(sub: Any) -> None:
    """Adds the ``evaluate`` subcommand to the ``quotelink`` argument parser."""
    parser = sub.add_parser(
        "evaluate",
        help="score quotations and speakers against gold annotations",
        description="Score predicted quotations and speakers against gold annotations "
        "(see `pydoc quotelink.eval` for the gold JSONL format and the metrics).",
        epilog="examples:\n"
        "  quotelink evaluate --corpus polnear:../shared/data/polnear/dev\n"
        "  quotelink evaluate --gold gold.jsonl --pred quotes.jsonl --show-errors\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--gold", metavar="G.jsonl", help="gold attributions as JSONL")
    source.add_argument("--corpus", metavar="polnear:DIR", help="an annotated corpus directory")
    parser.add_argument("--pred", metavar="P.jsonl", help="predictions (quotelink extract --format jsonl); "
                        "default: run quotelink on the gold texts")
    parser.add_argument("--texts", metavar="DIR", help="texts of the gold JSONL documents (DIR/ID or DIR/ID.txt)")
    parser.add_argument("--overlap", type=float, default=0.5,
                        help="share of both spans' characters a match must cover (default 0.5)")
    parser.add_argument("--show-errors", nargs="?", const="direct", choices=list(SECTIONS), default=None,
                        help="list misses, false positives and wrong speakers (default section: direct)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--calibration", action="store_true",
                        help="also report how well confidence predicts a right record: expected calibration "
                        "error over ten confidence bins (a record is right when it matches a gold attribution "
                        "and its speaker is the gold source)")
    parser.add_argument("--no-model", dest="model", action="store_false",
                        help="run the rules only, without the learned layer (not with --pred)")
    parser.add_argument("--no-calibration", dest="calibration_table", action="store_false",
                        help="keep the rules' constant confidences instead of the calibrated ones (not with --pred)")
    parser.add_argument("--per-publisher", action=argparse.BooleanOptionalAction, default=None,
                        help="scores per id prefix before '_' (default: on for --corpus)")
    parser.set_defaults(func=_cmd_evaluate)
