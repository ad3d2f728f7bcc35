"""The inputs of ``quotelink extract``: finding them, reading and decoding them.

Every path named or found ends as exactly one of: texts to extract, a
failure reported by name with its reason (which makes the exit status 1),
or a notice reported by name that loses nothing (a directory reached twice
through symbolic links, whose files were read the first time).
"""

from __future__ import annotations

import codecs
import io
import itertools
import json
import os
import stat
import sys
import threading
from dataclasses import dataclass
from typing import IO, Iterable, Iterator, Optional, Sequence, Union

from ._jsonl import json_lines

#: Byte-order marks of the encodings read besides UTF-8: (mark, Python codec,
#: name in messages). UTF-32LE's mark starts with UTF-16LE's, so it is first.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32BE"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16BE"),
)

#: With --replace-invalid, a text more than this share of whose bytes were
#: replaced gets a warning: it is most likely not UTF-8 at all.
REPLACED_SHARE_WARNING = 0.05

#: A text at least this long whose even (or odd) bytes are mostly NUL is
#: UTF-16 without a byte-order mark; it is valid UTF-8, but no quotation
#: would be found in it, so it gets a warning.
UTF16_SNIFF_BYTES = 4096
UTF16_NUL_SHARE = 0.4


@dataclass
class Source:
    """One input: a text file, a JSONL file, or a stream.

    `jsonl` None means "decide from the first line" (standard input and
    named FIFOs under --input-format auto). A source with a `problem` is not
    read: it is reported, as a failure unless `notice`."""

    path: str
    jsonl: Optional[bool]
    problem: str = ""
    notice: bool = False


@dataclass
class Item:
    """One text to extract; `data` is None when reading failed (or for a
    notice, which has a `problem` but is not a failure)."""

    id: str
    data: Optional[bytes]
    problem: str = ""
    notice: bool = False


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


class _Walker:
    """Walks directories for *.txt files: sorted, the files of a directory
    before its subdirectories, symbolic links followed. A directory already
    walked (a link loop, or two links to one directory) is a notice, so
    nothing is read twice and nothing loops."""

    def __init__(self) -> None:
        self.walked: dict[tuple[int, int], str] = {}

    def walk(self, directory: str) -> Iterator[Source]:
        try:
            info = os.stat(directory)
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield Source(directory, False, f"cannot read the directory: {exc.strerror or exc}")
            return
        key = (info.st_dev, info.st_ino)
        if key in self.walked:
            yield Source(directory, False, f"skipped: the directory {self.walked[key]} again (symbolic link)", True)
            return
        self.walked[key] = directory
        subdirectories = []
        for entry in entries:
            try:
                is_directory = entry.is_dir()  # follows symbolic links
            except OSError:
                is_directory = False
            if is_directory:
                subdirectories.append(entry.path)
            elif entry.name.endswith(".txt"):
                yield _found_file(entry.path)
        for subdirectory in subdirectories:
            yield from self.walk(subdirectory)


def _found_file(path: str) -> Source:
    """A *.txt file found in a directory: only regular files are read there,
    since opening a FIFO would wait for a writer for good."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Source(path, False, f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        return Source(
            path, False, f"skipped: {_kind_of(mode)}, not a file (name it on the command line to read it as a stream)"
        )
    return Source(path, False)


def find_sources(paths: Sequence[str], input_format: str) -> Iterator[Source]:
    """The inputs named by `paths`: directories walked for *.txt files.

    Only names are produced here, so a folder of ten thousand files costs ten
    thousand short strings, not ten thousand articles. A path named on the
    command line is read whatever it is (a FIFO as a stream).
    """
    walker = _Walker()
    for path in paths:
        if path != "-" and os.path.isdir(path):
            yield from walker.walk(path)
            continue
        if input_format != "auto":
            jsonl: Optional[bool] = input_format == "jsonl"
        elif path.endswith(".jsonl"):
            jsonl = True
        else:
            jsonl = None if _is_stream(path) else False
        yield Source(path, jsonl)


def _is_stream(path: str) -> bool:
    if path == "-":
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_items(sources: Iterable[Source], *, replace_invalid: bool = False) -> Iterator[Item]:
    """The texts of `sources`, read lazily one at a time, as UTF-8 bytes
    (UTF-16 and UTF-32 with a byte-order mark decoded)."""
    for source in sources:
        name = "<stdin>" if source.path == "-" else source.path
        if source.problem:
            yield Item(name, None, source.problem, source.notice)
            continue
        try:
            handle: IO[bytes] = sys.stdin.buffer if source.path == "-" else open(source.path, "rb")  # noqa: SIM115
        except OSError as exc:
            yield Item(name, None, f"cannot read: {exc.strerror or exc}")
            continue
        try:
            yield from _items_of(name, handle, source.jsonl, replace_invalid)
        except OSError as exc:
            yield Item(name, None, f"cannot read: {exc.strerror or exc}")
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()


def _byte_order_mark(head: bytes) -> Optional[tuple[str, str]]:
    """(codec, name) of the byte-order mark `head` starts with, but UTF-8's."""
    for mark, codec, label in BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return codec, label
    return None


def _peek(handle: IO[bytes], size: int) -> bytes:
    peek = getattr(handle, "peek", None)
    return peek(size)[:size] if peek is not None else b""


def _items_of(name: str, handle: IO[bytes], jsonl: Optional[bool], replace_invalid: bool) -> Iterator[Item]:
    mark = _byte_order_mark(_peek(handle, 4))
    if jsonl is False:
        yield from _text_items(name, handle.read(), replace_invalid)
        return
    lines: Union[IO[bytes], IO[str]] = handle
    if mark is not None:
        errors = "replace" if replace_invalid else "strict"
        lines = io.TextIOWrapper(handle, encoding=mark[0], errors=errors, newline="")
    try:
        if jsonl is None:
            yield from _detected_items(name, lines, replace_invalid)
        else:
            yield from _jsonl_items(name, lines)
    except UnicodeDecodeError as exc:
        yield Item(name, None, f"cannot decode: invalid {mark[1] if mark else 'text'} ({exc.reason})")
    finally:
        if isinstance(lines, io.TextIOWrapper):
            lines.detach()  # the handle is closed by the caller


def _detected_items(name: str, lines: Union[IO[bytes], IO[str]], replace_invalid: bool) -> Iterator[Item]:
    """A stream under --input-format auto: JSON Lines when its first
    non-blank line is a {"text": ...} record, one text when it is not JSON,
    and a failure (saying what to pass) when it is JSON of another shape."""
    blank = []
    first = lines.readline()
    while first and not first.strip():
        blank.append(first)
        first = lines.readline()
    rest = itertools.chain(blank, [first], lines)
    verdict = _first_line_verdict(first)
    if verdict == "jsonl":
        yield from _jsonl_items(name, rest)
        return
    if verdict:
        yield Item(name, None, verdict)
        return
    parts = [p.encode("utf-8", errors="surrogatepass") if isinstance(p, str) else p for p in rest]
    yield from _text_items(name, b"".join(parts), replace_invalid)


def _first_line_verdict(first: Union[str, bytes]) -> str:
    """"jsonl", "" (text) or the problem of a stream whose first line is
    JSON that is not a {"text": ...} record."""
    stripped = first.strip()
    opening = "{" if isinstance(stripped, str) else b"{"
    if isinstance(stripped, bytes):
        stripped = stripped.removeprefix(codecs.BOM_UTF8)
    if not stripped.startswith(opening):  # type: ignore[arg-type]
        return ""
    try:
        record = json.loads(stripped)
    except ValueError:
        return ""
    if isinstance(record, dict) and isinstance(record.get("text"), str):
        return "jsonl"
    return (
        'looks like JSON Lines, but its first line has no "text" string: pass --input-format jsonl '
        'to read {"id": ..., "text": ...} records (each bad line reported), or --input-format text '
        "to read it as one text"
    )


def _jsonl_items(name: str, lines: Iterable[Union[str, bytes]]) -> Iterator[Item]:
    for where, record in json_lines(lines, name):
        if isinstance(record, ValueError):
            yield Item(where, None, f"not JSON: {record}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Item(where, None, 'not a {"id": ..., "text": "..."} record')
            continue
        doc_id = record.get("id")
        doc_id = where if doc_id is None else str(doc_id)
        yield Item(doc_id, record["text"].encode("utf-8", errors="surrogatepass"))


def _text_items(name: str, data: bytes, replace_invalid: bool) -> Iterator[Item]:
    """One text file's item: UTF-8 as it is; UTF-16 or UTF-32 with a
    byte-order mark decoded (the mark dropped); a warning first when the
    text is unlikely to be what its author wrote."""
    mark = _byte_order_mark(data[:4])
    if mark is not None:
        codec, label = mark
        try:
            data = data.decode(codec, errors="replace" if replace_invalid else "strict").encode("utf-8")
        except UnicodeDecodeError as exc:
            yield Item(
                name,
                None,
                f"cannot decode: invalid {label} at byte offset {exc.start} ({exc.reason}; the file starts "
                f"with a {label} byte-order mark); use --replace-invalid to replace such bytes",
            )
            return
    warning = _suspicious_encoding(data, replace_invalid)
    if warning:
        yield Item(name, None, f"warning: {warning}", notice=True)
    yield Item(name, data)


def _suspicious_encoding(data: bytes, replace_invalid: bool) -> str:
    """Why `data` is probably not UTF-8 text, or ""."""
    head = data[:UTF16_SNIFF_BYTES]
    if len(head) >= 16 and head.count(0) >= len(head) * UTF16_NUL_SHARE / 2:
        for parity, order in ((1, "UTF-16LE"), (0, "UTF-16BE")):
            half = head[parity::2]
            if half.count(0) >= len(half) * 2 * UTF16_NUL_SHARE:
                return (
                    f"looks like {order} without a byte-order mark ({head.count(0)} NUL bytes in the first "
                    f"{len(head)}); few quotations will be found: convert it to UTF-8 (iconv -f {order} -t UTF-8)"
                )
    if replace_invalid:
        invalid = invalid_utf8_bytes(data)
        if invalid > len(data) * REPLACED_SHARE_WARNING:
            return (
                f"{invalid} of its {len(data)} bytes are not UTF-8 and were replaced with U+FFFD: is it "
                "in another encoding?"
            )
    return ""


def invalid_utf8_bytes(data: bytes) -> int:
    """How many bytes of `data` are not part of valid UTF-8."""
    try:
        data.decode("utf-8")
        return 0
    except UnicodeDecodeError:
        pass
    _replaced.count = 0
    data.decode("utf-8", errors=_COUNTING_HANDLER)
    return int(_replaced.count)


_replaced = threading.local()
_COUNTING_HANDLER = "quotelink-count-replaced"


def _count_replaced(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _replaced.count += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error(_COUNTING_HANDLER, _count_replaced)


def decoding_problem(data: bytes) -> str:
    """Why `data` is not UTF-8, naming the first bad byte, or ""."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return (
            f"cannot decode: invalid UTF-8 at byte offset {exc.start} (byte 0x{bad}); "
            "use --replace-invalid to replace such bytes"
        )
    return ""
