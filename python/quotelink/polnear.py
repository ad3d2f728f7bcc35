"""Reading PolNeAR's brat standoff annotations (Newell et al., LREC 2018).

A PolNeAR split is a directory with ``text/NAME.txt`` (the articles) and
``attributions/NAME_XXXX.ann`` (one brat file per annotator; XXXX is a short
annotator code). Offsets in the .ann files are code points into the text.

The lines that matter::

    T3<TAB>Content 115 290<TAB>that Hillary Clinton's team ...
    T9<TAB>Content 315 448;463 553<TAB>...          (discontinuous span)
    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1
    E5<TAB>Attribution:T21 Cue:T20 Source:T19 Content:T18 Content2:T22
    E3<TAB>Attribution-no-source:T11 Content:T10 Cue:T9

An E line is one attribution; repeated roles (``Content2``) add spans to the
role. ``Attribution-no-source`` events have no Source. Events without a
Content are skipped. Other line types (A, R, N, ``#`` notes, ``*``) are
ignored; a line that starts none of them continues the text field of the line
before it (brat writes a newline inside an annotated text as a raw newline).

Several annotators: some articles were annotated by several people. This
module always uses ONE file per article: the first in sorted order of the
annotator code (for example ``_4b22`` before ``_4e07``). On PolNeAR v1.0.0 dev
this choice gives 2,192 attributions with content, the figure given in the
corpus' SOURCE.md.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Optional

Spans = tuple[tuple[int, int], ...]

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([0-9; ]+)(?:\t(.*))?$")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
_KNOWN_LINE = re.compile(r"^(?:[TERAMN*]\d*|#\d*)\t")
_ANN_NAME = re.compile(r"^(?P<doc>.+)_(?P<annotator>[0-9A-Za-z]+)\.ann$")


class AnnotationError(ValueError):
    """A .ann file that cannot be read as brat standoff for its text."""


@dataclass(frozen=True)
class BratAttribution:
    """One attribution event: code-point spans of its parts."""

    event: str                  # the E line's id ("E1")
    label: str                  # "Attribution" or "Attribution-no-source"
    content: Spans
    source: Spans = ()
    cue: Spans = ()


@dataclass
class PolnearDocument:
    """An article with the attributions of the annotator file chosen for it."""

    id: str                     # the text file's name without ".txt"
    text: str
    annotation_file: str
    attributions: list[BratAttribution] = field(default_factory=list)


def _parse_spans(field_text: str, where: str, text_length: Optional[int]) -> Spans:
    spans = []
    for part in field_text.split(";"):
        numbers = part.split()
        if len(numbers) != 2:
            raise AnnotationError(f"{where}: bad span {part.strip()!r}")
        start, end = int(numbers[0]), int(numbers[1])
        if start > end or (text_length is not None and end > text_length):
            raise AnnotationError(f"{where}: span {start}-{end} outside the text (length {text_length})")
        spans.append((start, end))
    return tuple(spans)


def parse_ann(content: str, text: Optional[str] = None, name: str = "<ann>") -> list[BratAttribution]:
    """The attribution events of brat standoff `content`, in file order.

    When `text` is given, every span must lie inside it and the annotated
    words must equal the text at those offsets (white space aside); otherwise
    AnnotationError names the file and line.
    """
    bounds: dict[str, tuple[str, Spans]] = {}
    events: list[tuple[str, list[tuple[str, str]], str]] = []
    pending: Optional[list] = None  # [tid, label, spans, words, where] of the last T line
    limit = len(text) if text is not None else None

    def close_pending() -> None:
        if pending is None:
            return
        tid, label, spans, words, where = pending
        if text is not None and words is not None:
            got = " ".join(text[a:b] for a, b in spans)
            if got.split() != words.split():
                raise AnnotationError(f"{where}: {tid} says {words[:40]!r} but the text has {got[:40]!r}")
        bounds[tid] = (label, spans)

    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    for number, line in enumerate(lines, 1):
        where = f"{name}:{number}"
        line = line.rstrip("\r")
        if not _KNOWN_LINE.match(line):
            if pending is not None and pending[3] is not None:
                pending[3] += "\n" + line
            continue
        match = _TEXT_BOUND.match(line)
        if match:
            close_pending()
            tid, label, spans_text, words = match.groups()
            pending = [tid, label, _parse_spans(spans_text, where, limit), words, where]
            continue
        close_pending()
        pending = None
        match = _EVENT.match(line)
        if match:
            eid, rest = match.groups()
            args = []
            for arg in rest.split():
                role, sep, target = arg.partition(":")
                if not sep:
                    raise AnnotationError(f"{where}: bad event argument {arg!r}")
                args.append((role, target))
            events.append((eid, args, where))
    close_pending()

    out = []
    for eid, args, where in events:
        label = args[0][0] if args else ""
        parts: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
        for role, target in args[1:]:
            base = role.rstrip("0123456789")
            if base not in parts:
                continue
            if target not in bounds:
                raise AnnotationError(f"{where}: {eid} refers to {target}, which is not defined")
            parts[base].extend(bounds[target][1])
        if not parts["Content"]:
            continue
        out.append(
            BratAttribution(
                event=eid,
                label=label,
                content=tuple(sorted(parts["Content"])),
                source=tuple(sorted(parts["Source"])),
                cue=tuple(sorted(parts["Cue"])),
            )
        )
    return out


def annotation_files(directory: str) -> dict[str, str]:
    """For each article name, the path of the annotator file this module uses
    (the first annotator code in sorted order; a plain NAME.ann comes first)."""
    ann_dir = os.path.join(directory, "attributions")
    try:
        names = sorted(os.listdir(ann_dir))
    except OSError as exc:
        raise AnnotationError(f"{ann_dir}: cannot list the annotation files: {exc.strerror or exc}") from exc
    chosen: dict[str, str] = {}
    for name in names:
        if not name.endswith(".ann"):
            continue
        if os.path.exists(os.path.join(directory, "text", name[:-4] + ".txt")):
            doc = name[:-4]
        else:
            match = _ANN_NAME.match(name)
            if not match:
                continue
            doc = match.group("doc")
        # Names are sorted, so the first file seen is the one to keep.
        chosen.setdefault(doc, os.path.join(ann_dir, name))
    return chosen


def load(directory: str) -> list[PolnearDocument]:
    """Every annotated article of a PolNeAR split directory, in name order.

    Articles without an annotation file are left out (an unannotated article
    says nothing about which quotations it has).
    """
    text_dir = os.path.join(directory, "text")
    if not os.path.isdir(text_dir):
        raise AnnotationError(f"{directory}: expected a text/ directory beside attributions/")
    docs = []
    for doc, ann_path in sorted(annotation_files(directory).items()):
        text_path = os.path.join(text_dir, doc + ".txt")
        if not os.path.exists(text_path):
            raise AnnotationError(f"{ann_path}: no text file {text_path}")
        with open(text_path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        with open(ann_path, encoding="utf-8", newline="") as handle:
            content = handle.read()
        docs.append(PolnearDocument(doc, text, ann_path, parse_ann(content, text, ann_path)))
    return docs


@dataclass(frozen=True)
class SilverText:
    """An article with CoreNLP's silver tokens: code-point offsets into the
    text and Penn Treebank tags (machine output, not gold)."""

    id: str
    text: str
    begins: list[int]
    ends: list[int]
    tags: list[str]


def _conllu_tokens(path: str) -> tuple[list[int], list[int], list[str]]:
    """(begins, ends, XPOS tags) of the tokens of a CoNLL-U file whose MISC
    column holds ``start=`` and ``end=`` code-point offsets."""
    begins: list[int] = []
    ends: list[int] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) != 10:
                raise AnnotationError(f"{path}:{number}: expected 10 tab-separated columns, not {len(columns)}")
            if not columns[0].isdigit():
                continue  # a multi-word token's range or an empty node
            misc = dict(item.split("=", 1) for item in columns[9].split("|") if "=" in item)
            try:
                begins.append(int(misc["start"]))
                ends.append(int(misc["end"]))
            except (KeyError, ValueError):
                raise AnnotationError(f"{path}:{number}: no start= and end= offsets in MISC") from None
            tags.append(columns[4])
    return begins, ends, tags


def load_silver(directory: str) -> list[SilverText]:
    """The articles of a PolNeAR split that have a ``corenlp/NAME.conllu``
    beside ``text/NAME.txt``, in name order, with their silver tokens sorted
    by offset."""
    corenlp_dir = os.path.join(directory, "corenlp")
    try:
        names = sorted(n[: -len(".conllu")] for n in os.listdir(corenlp_dir) if n.endswith(".conllu"))
    except OSError as exc:
        raise AnnotationError(f"{corenlp_dir}: cannot list the CoNLL-U files: {exc.strerror or exc}") from exc
    out = []
    for name in names:
        text_path = os.path.join(directory, "text", name + ".txt")
        if not os.path.exists(text_path):
            continue
        with open(text_path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        tokens = sorted(zip(*_conllu_tokens(os.path.join(corenlp_dir, name + ".conllu"))))
        begins, ends, tags = (list(column) for column in zip(*tokens)) if tokens else ([], [], [])
        out.append(SilverText(name, text, begins, ends, tags))
    return out
