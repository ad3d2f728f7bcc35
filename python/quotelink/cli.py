"""The ``quotelink`` command."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
import time
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, TextIO, TypeVar

from . import Error, Extractor, __version__
from ._document import RECORD_FIELDS, Document
from .cli_inputs import Item, Source, find_sources, read_items
from .cli_run import extract_items
from .corpus import LINKED_FIELDS, LinkStream

EXAMPLES = """\
examples:
  quotelink extract examples/articles/*.txt           a table of quotations
  quotelink extract -f jsonl -o q.jsonl articles/      a folder, recursively (*.txt)
  cat article.txt | quotelink extract -                standard input
  quotelink extract --format csv docs.jsonl            JSONL with {"id": ..., "text": ...}
  quotelink extract --format html -o a.html article.txt highlighted, one colour per speaker
  quotelink extract --kinds direct --min-confidence 0.8 articles/
  quotelink extract --link articles/                   speakers linked across articles
  quotelink extract --config quotelink.toml --threads 4 --replace-invalid big_folder/
"""

FORMATS = ("table", "jsonl", "json", "csv", "html")

T = TypeVar("T")


class Writer:
    """Streams documents to `out` in one of FORMATS; with `linker`, the
    records of table, jsonl and csv carry the global speaker, entity and
    cluster (LINKED_FIELDS)."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.count = 0
        self.csv: Optional[csv.DictWriter[str]] = None
        # --link: records carry the global speaker, entity and cluster ids.
        self.linker: Optional[LinkStream] = None

    def begin(self) -> None:
        if self.fmt == "json":
            self.out.write("[")
        elif self.fmt == "csv":
            fields = LINKED_FIELDS if self.linker is not None else RECORD_FIELDS
            self.csv = csv.DictWriter(self.out, fieldnames=list(fields), lineterminator="\n")
            self.csv.writeheader()
        elif self.fmt == "html":
            from .display import page_header  # noqa: PLC0415

            self.out.write(page_header("quotelink"))

    def write_text(self, text: str) -> None:
        """Writes one document's records, already serialised in this format."""
        self.out.write(text)
        self.count += 1

    def write_linked(self, item: Any) -> None:
        """Links a Stream's LinkItem (keys made on the worker) and writes its
        records, serialised in C++ (jsonl and csv)."""
        assert self.linker is not None
        self.out.write(self.linker._link_item(item, self.fmt))
        self.count += 1

    def write(self, doc: Document) -> None:
        out = self.out
        if self.linker is not None:
            records = self.linker.link(doc)
            if self.fmt == "jsonl":
                out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            elif self.csv is not None:
                self.csv.writerows(records)
            else:
                _write_table(doc.id, records, out)
        elif self.fmt == "jsonl":
            out.write(doc.to_jsonl())
        elif self.fmt == "json":
            out.write(",\n" if self.count else "\n")
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False))
        elif self.fmt == "csv":
            assert self.csv is not None
            self.csv.writerows(doc.records())
        elif self.fmt == "html":
            from .display import page_section  # noqa: PLC0415

            out.write(page_section(doc))
        else:
            _write_table(doc.id, doc.records(), out)
        self.count += 1

    def end(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        elif self.fmt == "html":
            from .display import page_footer  # noqa: PLC0415

            self.out.write(page_footer())
        self.out.flush()


def _write_table(doc_id: str, records: list[dict[str, Any]], out: TextIO) -> None:
    """One document's records as the human-readable table; linked records
    (with "entity") also show the global entity and quotation cluster."""
    out.write(f"== {doc_id} ({len(records)} quotation{'s' if len(records) != 1 else ''})\n")
    for r in records:
        speaker = r["speaker"] or "(no speaker)"
        if r.get("entity") is not None:
            speaker += f" [entity {r['entity']}]"
        text = " ".join(r["text"].split())
        text = text if len(text) <= 100 else text[:97] + "..."
        out.write(f"  [{r['kind']}] {speaker}: {text}\n")
        details = []
        if r["cue"] or r["mention"]:
            details.append(f"cue={r['cue']!r} mention={r['mention']!r} sieve={r['sieve']} confidence={r['confidence']:g}")
        if r.get("parent") is not None:
            details.append(f"quoted words of record {r['parent']} (counting from 0)")
        if "cluster" in r:
            details.append(f"cluster={r['cluster']}")
        if details:
            out.write(f"      {' '.join(details)}\n")


class Progress:
    """A one-line progress bar on a terminal's stderr; silent otherwise."""

    def __init__(self, total: Optional[int], stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self.last = 0.0

    def advance(self, count: int, force: bool = False) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if self.total:
            width = 30
            filled = min(width, width * self.done // self.total)
            bar = "#" * filled + "." * (width - filled)
            line = f"[{bar}] {self.done}/{self.total} documents, {rate:.0f}/s"
        else:
            line = f"{self.done} documents, {rate:.0f}/s"
        self.stream.write("\r" + line)
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.advance(0, force=True)
            self.stream.write("\n")
            self.stream.flush()


def _progress_enabled(mode: str, total: Optional[int]) -> bool:
    if mode == "never":
        return False
    if mode == "always":
        return True
    many = total is None or total >= 20
    return many and sys.stderr.isatty()


# The formats --link writes: the linked records, or the table showing them.
LINK_FORMATS = ("table", "jsonl", "csv")


def _sources_of(paths: Sequence[str], input_format: str) -> tuple[list[Source], list[str]]:
    """The inputs of `paths`, and the directories among them that hold none."""
    sources: list[Source] = []
    empty: list[str] = []
    for path in paths:
        found = list(find_sources([path], input_format))
        if not found and path != "-" and os.path.isdir(path):
            empty.append(path)
        sources += found
    return sources, empty


#: Exit statuses of ``quotelink extract`` (documented in its --help, the
#: README and docs/reliability.md).
EXIT_OK = 0
EXIT_INPUT_FAILED = 1  # an input failed or was skipped, or none was found
EXIT_USAGE = 2  # a bad option, configuration or lexicon file
EXIT_OUTPUT_FAILED = 3  # the output could not be written (full disk, I/O error)
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as the shell reports it)
EXIT_OUTPUT_CLOSED = 141  # the reader closed the pipe (128 + SIGPIPE, as for GNU tools)


class OutputError(Exception):
    """Writing the output failed: no input's fault, so it has its own
    message and exit status."""

    def __init__(self, name: str, cause: OSError, *, opening: bool = False) -> None:
        super().__init__(f"{name}: {cause.strerror or cause}")
        self.name = name
        self.cause = cause
        self.opening = opening  # nothing was written yet


class GuardedOutput:
    """A text stream whose write errors become OutputError."""

    def __init__(self, handle: TextIO, name: str) -> None:
        self.handle = handle
        self.name = name

    def write(self, text: str) -> int:
        try:
            return self.handle.write(text)
        except OSError as exc:
            raise OutputError(self.name, exc) from None

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.handle.flush()
        except OSError as exc:
            raise OutputError(self.name, exc) from None


def _discard_pending_output(handle: TextIO) -> None:
    """Points `handle`'s descriptor at /dev/null, so that what is still
    buffered (and Python's flush at exit) cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, handle.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


@contextlib.contextmanager
def _output(path: Optional[str], sources: Sequence[Source]) -> Iterator[GuardedOutput]:
    """Standard output, or the file `path` (opened only now, so that a run
    that fails before writing leaves an existing file alone)."""
    if path is None or path == "-":
        yield GuardedOutput(sys.stdout, "standard output")
        return
    # The inputs were listed before the output existed: only a file that was
    # there already can be one of them.
    if os.path.exists(path):
        for source in sources:
            if source.path != "-" and os.path.exists(source.path) and os.path.samefile(source.path, path):
                raise Error(f"--output {path} is also an input; write the output elsewhere")
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise OutputError(path, exc, opening=True) from None
    try:
        yield GuardedOutput(handle, path)
        try:
            handle.close()
        except OSError as exc:
            raise OutputError(path, exc) from None
    finally:
        if not handle.closed:
            _discard_pending_output(handle)
            handle.close()


def _cmd_extract(args: argparse.Namespace) -> int:
    from .extract_config import make_config  # noqa: PLC0415 - small module

    extractor = Extractor(make_config(args))
    if args.link and args.format not in LINK_FORMATS:
        raise Error(f"--link writes linked records: use --format {', '.join(LINK_FORMATS)}, not {args.format}")
    sources, empty = _sources_of(args.paths, args.input_format)
    for path in empty:
        print(f"quotelink: {path}: no input found (no *.txt file; name .jsonl files explicitly)", file=sys.stderr)
    if not sources:
        print("quotelink: no input found", file=sys.stderr)
        return EXIT_INPUT_FAILED
    run = _Run()
    try:
        with _output(args.output, sources) as out:
            _extract_to(extractor, sources, args, out, run)
    except OutputError as exc:
        if out_is_stdout(args.output):
            _discard_pending_output(sys.stdout)
        return _output_failed(exc, run)
    failures = run.failures + len(empty)
    if failures:
        print(f"quotelink: {failures} input{'s' if failures != 1 else ''} failed", file=sys.stderr)
    return EXIT_INPUT_FAILED if failures else EXIT_OK


def out_is_stdout(path: Optional[str]) -> bool:
    return path is None or path == "-"


def _output_failed(exc: OutputError, run: "_Run") -> int:
    if exc.opening:
        print(f"quotelink: cannot write the output: {exc}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    done = f"{run.written} document{'s' if run.written != 1 else ''} written"
    if isinstance(exc.cause, BrokenPipeError):
        print(f"quotelink: {exc.name} was closed by its reader (broken pipe); stopped, {done}", file=sys.stderr)
        return EXIT_OUTPUT_CLOSED
    print(f"quotelink: cannot write the output: {exc}; stopped, {done} (the last may be cut)", file=sys.stderr)
    return EXIT_OUTPUT_FAILED


class _Run:
    """What a run has done so far: documents written, inputs failed."""

    def __init__(self) -> None:
        self.written = 0
        self.failures = 0


def _extract_to(
    extractor: Extractor, sources: list[Source], args: argparse.Namespace, out: GuardedOutput, run: _Run
) -> None:
    """Extracts `sources` and writes them to `out`, counting in `run`."""
    total = None if any(s.jsonl is not False for s in sources) else len(sources)
    progress = Progress(total, sys.stderr, _progress_enabled(args.progress, total))
    writer = Writer(args.format, out)  # type: ignore[arg-type] - a TextIO in all but name
    if args.link:
        config = extractor.config
        writer.linker = LinkStream(language=config.language, extra_titles=config.extra_titles)

    def report(item: Item) -> None:
        if progress.enabled:
            sys.stderr.write("\r\x1b[K")
        print(f"quotelink: {item.id}: {item.problem}", file=sys.stderr)
        if not item.notice:
            run.failures += 1
            progress.advance(1)

    serialized = args.format in ("jsonl", "csv")
    if not serialized:
        output = "document"
    elif writer.linker is None:
        output = args.format  # the workers write the records
    else:
        output = "link_keys"  # the workers make the linking keys too
    results = extract_items(
        extractor,
        read_items(sources, replace_invalid=bool(extractor.config.replace_invalid_utf8)),
        threads=args.threads,
        window=args.window,
        on_failure=report,
        output=output,
        on_idle=out.flush,
    )
    writer.begin()
    for result in results:
        if isinstance(result, str):
            writer.write_text(result)
        elif isinstance(result, Document):
            writer.write(result)
        else:
            writer.write_linked(result)
        run.written += 1
        progress.advance(1)
    writer.end()
    progress.finish()


def _number(text: str, convert: Callable[[str], T]) -> T:
    try:
        return convert(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None


def _non_negative(text: str) -> int:
    value = _number(text, int)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0, not {value}")
    return value


def _kinds(text: str) -> list[str]:
    from ._config import KINDS  # noqa: PLC0415

    kinds = [k.strip() for k in text.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"{text!r}: give some of {','.join(KINDS)}, separated by commas")
    return kinds


def _share(text: str) -> float:
    value = _number(text, float)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, not {text}")
    return value


def _add_output_options(group: Any) -> None:
    group.add_argument("-f", "--format", choices=FORMATS, default="table", help="output format (default: table)")
    group.add_argument(
        "-o", "--output", metavar="FILE", help="write the output to FILE (UTF-8) instead of standard output"
    )
    group.add_argument(
        "--link",
        action="store_true",
        help="link speakers and quotations across the inputs: records gain the global "
        "canonical speaker, an entity id and a cluster id (table, jsonl, csv; built incrementally)",
    )


def _add_config_options(group: Any) -> None:
    # Defaults are None: only the options given override the --config file.
    group.add_argument(
        "--config",
        metavar="FILE",
        help="options from a TOML file (or JSON, *.json) with the keys of quotelink.Config, "
        'e.g. min_confidence = 0.5, kinds = ["direct"], speaker_aliases = {Bibi = "Benjamin Netanyahu"}',
    )
    group.add_argument(
        "--kinds", type=_kinds, metavar="KINDS", help="keep only these kinds, e.g. direct,partial (default: all)"
    )
    group.add_argument(
        "--min-confidence", type=_share, metavar="X", help="keep only quotations with confidence >= X (0 to 1)"
    )
    group.add_argument(
        "--no-indirect",
        dest="indirect",
        action="store_false",
        default=None,
        help="do not look for reported speech without quotation marks",
    )
    group.add_argument(
        "--no-model",
        dest="model",
        action="store_false",
        default=None,
        help="rules only: do not let the learned layer judge reported speech",
    )
    group.add_argument(
        "--no-calibration",
        dest="calibration",
        action="store_false",
        default=None,
        help="keep the rules' constant confidences instead of calibrated chances of being right",
    )
    group.add_argument("--cue-verbs", metavar="FILE", help="extra speech verbs, one lemma a line ('#' comments)")
    group.add_argument("--titles", metavar="FILE", help="extra titles, one a line ('Chief Rabbi')")
    group.add_argument(
        "--aliases", metavar="FILE", help="speaker aliases, one a line: the alias, a tab, the canonical name"
    )
    group.add_argument(
        "--replace-invalid",
        action="store_true",
        default=None,
        help="replace invalid UTF-8 with U+FFFD instead of failing",
    )


def _add_run_options(group: Any) -> None:
    group.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="how to read files and stdin (auto: *.jsonl files as JSONL, the rest as text; "
        'stdin and named FIFOs as JSONL when their first line is a {"text": ...} record)',
    )
    group.add_argument(
        "-j", "--threads", type=_non_negative, default=0, metavar="N", help="worker threads (default 0: one per core)"
    )
    group.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr (auto: on a terminal, for 20 inputs or more)",
    )
    group.add_argument(
        "--window",
        type=_non_negative,
        default=0,
        metavar="N",
        help="most texts held in memory at once (default 0: four per thread)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotelink`` command."""
    parser = argparse.ArgumentParser(
        prog="quotelink",
        description="Find the quotations in news text and link each to its speaker.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quotelink {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = sub.add_parser(
        "extract",
        help="extract quotations from files, directories, JSONL or stdin",
        description=(
            "Extract quotations and their speakers. Inputs are text files, directories "
            "(searched recursively for *.txt), JSONL files of {\"id\", \"text\"} records, "
            "or - for standard input. Output goes to stdout (or --output) in input order; "
            "problems go to stderr. Exit status: 0 when every input was read; 1 when an input "
            "failed or was skipped (unreadable, not a file, not decodable) or none was found; "
            "2 for a bad option; 3 when the output cannot be written (e.g. a full disk); "
            "130 on Ctrl-C; 141 when the reader of the output closed it (broken pipe)."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, .jsonl file, or - for stdin")
    _add_output_options(extract.add_argument_group("output"))
    _add_config_options(extract.add_argument_group("what to extract (override --config)"))
    _add_run_options(extract.add_argument_group("reading and running"))
    extract.set_defaults(func=_cmd_extract)
    try:
        from . import eval as _eval  # noqa: PLC0415

        _eval.register_cli(sub)
    except (ImportError, AttributeError):
        pass
    from . import train as _train  # noqa: PLC0415

    _train.register_cli(sub)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command with `argv` (default: sys.argv[1:]); returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return int(func(args))
    except Error as exc:
        print(f"quotelink: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:  # the output file could not be opened
        print(f"quotelink: cannot write the output: {exc}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    except KeyboardInterrupt:
        print("quotelink: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
