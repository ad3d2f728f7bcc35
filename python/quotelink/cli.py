"""The ``quotelink`` command."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from typing import Iterator, Optional, Sequence, TextIO

from . import Error, Extractor, __version__
from ._document import RECORD_FIELDS, Document

EXAMPLES = """\
examples:
  quotelink extract examples/articles/*.txt
  quotelink extract --format jsonl articles/ > quotes.jsonl
  cat article.txt | quotelink extract -
  quotelink evaluate --corpus polnear:../shared/data/polnear/dev
"""


def _iter_inputs(paths: Sequence[str], errors: list[str]) -> Iterator[tuple[str, bytes]]:
    """Yields (doc id, raw bytes) for files, directories (*.txt), JSONL and '-'."""
    for path in paths:
        if path == "-":
            yield "<stdin>", sys.stdin.buffer.read()
            continue
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(".txt"):
                        yield from _read_file(os.path.join(root, name), errors)
            continue
        if path.endswith(".jsonl"):
            yield from _read_jsonl(path, errors)
            continue
        yield from _read_file(path, errors)


def _read_file(path: str, errors: list[str]) -> Iterator[tuple[str, bytes]]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        return
    yield path, data


def _read_jsonl(path: str, errors: list[str]) -> Iterator[tuple[str, bytes]]:
    try:
        handle = open(path, "rb")
    except OSError as exc:
        errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                doc_id = str(record.get("id", f"{path}:{number}"))
            except (ValueError, KeyError, TypeError) as exc:
                errors.append(f"{path}:{number}: not a {{\"id\", \"text\"}} record: {exc}")
                continue
            yield doc_id, text.encode("utf-8", errors="surrogatepass")


def _write(docs: list[Document], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for doc in docs:
            out.write(doc.to_json())
    elif fmt == "json":
        json.dump([doc.to_dict() for doc in docs], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(RECORD_FIELDS), lineterminator="\n")
        writer.writeheader()
        for doc in docs:
            writer.writerows(doc.records())
    elif fmt == "table":
        for doc in docs:
            out.write(f"== {doc.id} ({len(doc.quotes)} quotations)\n")
            for q in doc.quotes:
                speaker = q.speaker or "(no speaker)"
                text = q.text if len(q.text) <= 100 else q.text[:97] + "..."
                out.write(f"  [{q.kind}] {speaker}: {text}\n")
                if q.cue:
                    out.write(f"      cue={q.cue!r} mention={q.mention!r} sieve={q.sieve} confidence={q.confidence:.2f}\n")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .extract_config import make_config  # noqa: PLC0415 - small module

    extractor = Extractor(make_config(args))
    errors: list[str] = []
    docs: list[Document] = []
    for doc_id, data in _iter_inputs(args.paths, errors):
        try:
            docs.append(extractor.extract(data, id=doc_id))
        except Error as exc:
            errors.append(f"{doc_id}: {exc}")
    _write(docs, args.format, sys.stdout)
    for message in errors:
        print(f"quotelink: {message}", file=sys.stderr)
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotelink`` command."""
    parser = argparse.ArgumentParser(
        prog="quotelink",
        description="Find the quotations in news text and link each to its speaker.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quotelink {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract",
        help="extract quotations from files, directories, JSONL or stdin",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("paths", nargs="+", help="files, directories (*.txt), .jsonl files, or - for stdin")
    extract.add_argument("--format", choices=["jsonl", "json", "csv", "table"], default="table")
    extract.add_argument("--replace-invalid", action="store_true", help="replace invalid UTF-8 with U+FFFD instead of failing")
    extract.set_defaults(func=_cmd_extract)
    try:
        from . import eval as _eval  # noqa: PLC0415

        _eval.register_cli(sub)
    except (ImportError, AttributeError):
        pass
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command with `argv` (default: sys.argv[1:]); returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
