"""Long batch calls under failure (issue #19): extract_many(errors=...),
Ctrl-C during extract_many, and the Dask module's import error."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

import pytest

import quotelink as ql

TEXT = '"We will win," the minister said on Tuesday.'
BATCH = [TEXT, TEXT, b"abc\xffdef", TEXT, b"\xff", TEXT]


@pytest.mark.parametrize("threads", [1, 3])
def test_extract_many_can_return_the_errors_in_place(threads):
    results = ql.extract_many(BATCH, threads=threads, errors="return", ids=list("abcdef"))
    assert [type(r).__name__ for r in results] == ["Document", "Document", "Error", "Document", "Error", "Document"]
    assert [r.id for r in results if isinstance(r, ql.Document)] == ["a", "b", "d", "f"]
    assert str(results[2]) == "text 2: invalid UTF-8 at byte offset 3"
    assert results[2].byte_offset == 3 and results[4].byte_offset == 0
    one_by_one = ql.extract(TEXT)
    assert all(r.quotes == one_by_one.quotes for r in results if isinstance(r, ql.Document))


def test_extract_many_raises_the_first_failure_by_default():
    with pytest.raises(ql.Error, match="text 2: invalid UTF-8 at byte offset 3"):
        ql.Extractor().extract_many(BATCH, threads=2)
    with pytest.raises(ql.Error, match="text 2"):
        ql.extract_many(BATCH, errors="raise")


def test_extract_many_rejects_an_unknown_errors_choice():
    with pytest.raises(ql.Error, match='errors must be "raise" or "return", not \'skip\''):
        ql.extract_many([TEXT], errors="skip")


def test_ctrl_c_stops_a_long_extract_many_promptly():
    """The batch would take well over a minute; SIGINT ends it in seconds
    (b51f80e finished the whole batch first: 21 s for half of it, measured
    after SIGINT at 1 s)."""
    line, waited = _interrupted_child("extractor.extract_many([article * 8] * 8000, threads=1)")
    assert line == "interrupted"
    assert waited < 10, f"took {waited:.1f} s to stop"


def _interrupted_child(call: str) -> tuple[str, float]:
    """Runs `call` (on `texts`, `extractor`) in a child, sends SIGINT a
    second after it starts; the child's verdict and the seconds it took."""
    from conftest import EXAMPLES, sigint_as_default

    child = textwrap.dedent(
        f"""
        import sys
        import quotelink as ql
        article = open(sys.argv[1], encoding="utf-8").read()
        extractor = ql.Extractor()
        print("started", flush=True)
        try:
            {call}
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(0)
        print("finished", flush=True)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", child, str(EXAMPLES[0])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=sigint_as_default,
    )
    try:
        assert process.stdout.readline().strip() == "started", process.stderr.read()
        time.sleep(1.0)
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        line = process.stdout.readline().strip()
        waited = time.monotonic() - sent
        assert process.wait(timeout=30) == 0, process.stderr.read()
        return line, waited
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def test_ctrl_c_stops_one_long_extract_promptly():
    """One 60 MB text stops at its next window, a few milliseconds of work
    (b51f80e answered 9-21 s after SIGINT, when the whole text was done)."""
    line, waited = _interrupted_child("extractor.extract(article * 20000)")
    assert line == "interrupted"
    assert waited < 5, f"took {waited:.1f} s to stop"


@pytest.mark.parametrize("blocked", ["pyarrow", "pandas", "dask"])
def test_the_dask_import_error_names_the_missing_package(blocked):
    pytest.importorskip("dask.dataframe")
    child = textwrap.dedent(
        f"""
        import sys
        for name in list(sys.modules):
            if name == {blocked!r} or name.startswith({blocked!r} + "."):
                del sys.modules[name]
        sys.modules[{blocked!r}] = None  # import {blocked} now fails
        try:
            import quotelink.dask
        except ImportError as exc:
            print(exc)
        else:
            print("imported")
        """
    )
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
    message = result.stdout.strip()
    assert message.startswith(f"quotelink.dask cannot import {blocked} ("), (message, result.stderr)
    assert f"pip install {blocked}" in message and "quotelink[dask]" in message
