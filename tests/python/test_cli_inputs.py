"""``quotelink extract``: every input accounted for (issue #19).

Unreadable directories, symbolic links, FIFOs, JSONL on standard input,
UTF-16 and UTF-32, output errors: each is processed or reported by name with
its reason, and the exit status says which.
"""

from __future__ import annotations

import errno
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from quotelink import cli

from conftest import EXAMPLES, sigint_as_default

ARTICLE = '"We will win," the minister said on Tuesday.\n\nMr. Smith said he was "very pleased" with it.\n'


def run(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quotelink", *args], input=stdin, capture_output=True, timeout=timeout
    )


def docs_of(stdout: bytes) -> list[str]:
    return list(dict.fromkeys(json.loads(line)["doc"] for line in stdout.decode().splitlines()))


def quotes_of(stdout: bytes) -> list[tuple[str, str]]:
    return [(r["text"], r["speaker"]) for r in map(json.loads, stdout.decode().splitlines())]


# --- directories and links ---------------------------------------------------


@pytest.fixture()
def refusing(monkeypatch):
    """Makes the directories added to the returned set unreadable (running
    as root, chmod cannot), the way os.scandir fails on them."""
    refused: set[str] = set()
    real = os.scandir

    def scandir(path="."):
        if os.path.abspath(os.fspath(path)) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return refused


def test_an_unreadable_subdirectory_is_reported_and_fails_the_run(tmp_path, refusing, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE)
    refusing.add(str(tmp_path / "locked"))
    status = cli.main(["extract", "-f", "jsonl", str(tmp_path)])
    captured = capsys.readouterr()
    assert status == 1
    assert f"{tmp_path / 'locked'}: cannot read the directory: Permission denied" in captured.err
    assert docs_of(captured.out.encode()) == [str(tmp_path / "a.txt")]


def test_an_unreadable_top_level_directory_is_reported(tmp_path, refusing, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    refusing.add(str(tmp_path))
    status = cli.main(["extract", "-f", "jsonl", str(tmp_path)])
    captured = capsys.readouterr()
    assert status == 1
    assert f"{tmp_path}: cannot read the directory: Permission denied" in captured.err
    assert captured.out == ""


def test_symbolic_links_to_directories_are_followed_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARTICLE)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "b.txt").write_text(ARTICLE)
    (tmp_path / "link").symlink_to(tmp_path / "other", target_is_directory=True)
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    result = run("extract", "-f", "jsonl", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
    # link/ is the first way to other/, so its file is read under that name.
    assert docs_of(result.stdout) == [str(tmp_path / "link" / "b.txt"), str(tmp_path / "real" / "a.txt")]
    err = result.stderr.decode()
    assert f"{tmp_path / 'other'}: skipped: the directory {tmp_path / 'link'} again (symbolic link)" in err
    assert f"{tmp_path / 'real' / 'loop'}: skipped: the directory {tmp_path} again (symbolic link)" in err


def test_a_dangling_link_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run("extract", "-f", "jsonl", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'gone.txt'}: cannot read: No such file or directory" in result.stderr.decode()
    assert docs_of(result.stdout) == [str(tmp_path / "a.txt")]


# --- FIFOs and stalled inputs ------------------------------------------------


def test_a_fifo_inside_a_directory_is_skipped_with_a_message(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(ARTICLE)
    result = run("extract", "-f", "jsonl", str(tmp_path), timeout=60)
    assert result.returncode == 1
    assert f"{tmp_path / 'b.txt'}: skipped: a FIFO (named pipe), not a file" in result.stderr.decode()
    assert docs_of(result.stdout) == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]


def test_a_fifo_named_on_the_command_line_is_read_as_a_stream(tmp_path):
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(ARTICLE)

    writer = threading.Thread(target=write)
    writer.start()
    result = run("extract", "-f", "jsonl", str(fifo), timeout=60)
    writer.join()
    assert result.returncode == 0, result.stderr.decode()
    assert docs_of(result.stdout) == [str(fifo)]
    assert quotes_of(result.stdout) == quotes_of(run("extract", "-f", "jsonl", "-", stdin=ARTICLE.encode()).stdout)


def _read_until(stream, needle: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], 0.1)
        if ready:
            chunk = os.read(stream.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_results_before_a_stalled_input_are_written(tmp_path, fmt):
    """A FIFO nobody writes to blocks the run for good, as it should, but
    the files before it are extracted and their results written meanwhile."""
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    fifo = tmp_path / "stalled"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "quotelink", "extract", "-f", fmt, str(good), str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=sigint_as_default,
    )
    try:
        seen = _read_until(process.stdout, b"very pleased", 60)
        assert b"very pleased" in seen and str(good).encode() in seen
        assert process.poll() is None  # still waiting for the FIFO's writer
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 130
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


# --- standard input ----------------------------------------------------------


def test_jsonl_on_standard_input_is_detected_from_its_first_line():
    lines = "\n" + "".join(json.dumps({"id": f"d{i}", "text": ARTICLE}) + "\n" for i in range(3))
    result = run("extract", "-f", "jsonl", "-", stdin=lines.encode())
    assert result.returncode == 0, result.stderr.decode()
    assert docs_of(result.stdout) == ["d0", "d1", "d2"]
    as_text = run("extract", "-f", "jsonl", "--input-format", "text", "-", stdin=lines.encode())
    assert docs_of(as_text.stdout) in ([], ["<stdin>"])


def test_json_on_standard_input_that_is_not_records_stops_with_what_to_pass():
    result = run("extract", "-f", "jsonl", "-", stdin=b'{"body": "no text field"}\n{"body": "x"}\n')
    assert result.returncode == 1
    err = result.stderr.decode()
    assert '<stdin>: looks like JSON Lines, but its first line has no "text" string' in err
    assert "--input-format jsonl" in err and "--input-format text" in err
    assert result.stdout == b""


def test_text_on_standard_input_that_starts_with_a_brace_is_still_text():
    text = "{Editor's note: corrected.}\n" + ARTICLE
    result = run("extract", "-f", "jsonl", "-", stdin=text.encode())
    assert result.returncode == 0, result.stderr.decode()
    assert docs_of(result.stdout) == ["<stdin>"]


# --- encodings ---------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path, codec):
    source = tmp_path / "a.txt"
    source.write_bytes(("\ufeff" + ARTICLE).encode(codec))
    result = run("extract", "-f", "jsonl", str(source))
    assert result.returncode == 0, result.stderr.decode()
    expected = run("extract", "-f", "jsonl", "-", stdin=ARTICLE.encode())
    # the direct quotation, the reported clause and its verbatim "very pleased" (a partial with a parent)
    assert quotes_of(result.stdout) == quotes_of(expected.stdout) and len(quotes_of(result.stdout)) == 3
    on_stdin = run("extract", "-f", "jsonl", "-", stdin=source.read_bytes())
    assert quotes_of(on_stdin.stdout) == quotes_of(expected.stdout)


def test_jsonl_in_utf16_is_decoded(tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_bytes(("\ufeff" + json.dumps({"id": "x", "text": ARTICLE}) + "\n").encode("utf-16-le"))
    result = run("extract", "-f", "jsonl", str(source))
    assert result.returncode == 0, result.stderr.decode()
    assert docs_of(result.stdout) == ["x"]


def test_invalid_utf16_is_refused_naming_the_encoding(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le"))
    result = run("extract", "-f", "jsonl", str(source))
    assert result.returncode == 1
    assert "cannot decode: invalid UTF-16LE at byte offset 6" in result.stderr.decode()
    replaced = run("extract", "-f", "jsonl", "--replace-invalid", str(source))
    assert replaced.returncode == 0, replaced.stderr.decode()


def test_utf16_without_a_byte_order_mark_gets_a_warning(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes(ARTICLE.encode("utf-16-le"))
    result = run("extract", "-f", "jsonl", str(source))
    assert "warning: looks like UTF-16LE without a byte-order mark" in result.stderr.decode()


def test_replace_invalid_never_empties_a_file_silently(tmp_path):
    source = tmp_path / "a.txt"
    source.write_bytes(bytes(range(128, 256)) * 40 + ARTICLE.encode())
    result = run("extract", "-f", "jsonl", "--replace-invalid", str(source))
    assert result.returncode == 0
    assert f"{source}: warning: 5120 of its {source.stat().st_size} bytes are not UTF-8" in result.stderr.decode()
    sparse = tmp_path / "b.txt"
    sparse.write_bytes(ARTICLE.encode() + b"\xff")
    assert run("extract", "-f", "jsonl", "--replace-invalid", str(sparse)).stderr == b""


# --- output errors -----------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("to_file", [False, True])
def test_a_full_disk_has_its_own_message_and_exit_status(to_file):
    args = ["extract", "-f", "jsonl", *map(str, EXAMPLES)]
    if to_file:
        result = run(*args, "-o", "/dev/full")
    else:
        with open("/dev/full", "wb") as full:
            result = subprocess.run(
                [sys.executable, "-m", "quotelink", *args], stdout=full, stderr=subprocess.PIPE, timeout=120
            )
    assert result.returncode == 3
    err = result.stderr.decode()
    assert "cannot write the output" in err and "No space left on device" in err
    assert "Traceback" not in err and "Exception ignored" not in err


def test_a_closed_pipe_has_its_own_message_and_exit_status(tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{i}", "text": ARTICLE}) + "\n" for i in range(3000)))
    process = subprocess.Popen(
        [sys.executable, "-m", "quotelink", "extract", "-f", "jsonl", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.read(100)
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "standard output was closed by its reader (broken pipe); stopped" in err
    assert "Traceback" not in err and "Exception ignored" not in err
    process.stderr.close()
