"""The ``quotelink`` command: inputs, output formats, errors, progress."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

import quotelink
from quotelink import cli
from quotelink._document import RECORD_FIELDS

from conftest import EXAMPLES, FIXTURES


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quotelink", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        cwd=cwd,
    )


def out(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode("utf-8")


def err(result: subprocess.CompletedProcess) -> str:
    return result.stderr.decode("utf-8")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder with nested articles, a non-.txt file and non-ASCII names."""
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for i, source in enumerate(EXAMPLES[:2] + FIXTURES[:2]):
        target = [tmp_path / "b", tmp_path / "a" / "deep", tmp_path, tmp_path / "a"][i]
        (target / f"{i}_caf\u00e9.txt").write_bytes(source.read_bytes())
    (tmp_path / "notes.md").write_text('"Not an article," he said.')
    return tmp_path


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert out(result).strip() == f"quotelink {quotelink.__version__}"


def test_help_has_examples():
    for args in (["--help"], ["extract", "--help"]):
        result = run(*args)
        assert result.returncode == 0
        assert "examples:" in out(result) and "quotelink extract" in out(result)
    assert "--threads" in out(run("extract", "--help"))


def test_directories_are_walked_recursively_in_sorted_order(corpus):
    result = run("extract", "--format", "jsonl", str(corpus))
    assert result.returncode == 0, err(result)
    docs = [json.loads(line)["doc"] for line in out(result).splitlines()]
    expected = sorted(
        {str(p) for p in corpus.rglob("*.txt")},
        key=lambda p: (Path(p).parent != corpus, p),  # files of a folder before its subfolders
    )
    order = list(dict.fromkeys(docs))
    assert set(order) <= set(expected)
    assert not any(d.endswith("notes.md") for d in docs)
    table = out(run("extract", str(corpus)))
    headers = [line[3:].rsplit(" (", 1)[0] for line in table.splitlines() if line.startswith("== ")]
    assert sorted(headers) == sorted(expected) and len(headers) == 4
    assert headers[0] == str(corpus / "2_caf\u00e9.txt")  # top-level file first, then a/, then b/
    assert headers[1:] == [str(corpus / "a" / "3_caf\u00e9.txt"), str(corpus / "a" / "deep" / "1_caf\u00e9.txt"), str(corpus / "b" / "0_caf\u00e9.txt")]


@pytest.mark.parametrize("fmt", cli.FORMATS)
def test_every_format_agrees_with_the_api(fmt):
    paths = [str(p) for p in EXAMPLES + FIXTURES]
    result = run("extract", "--format", fmt, *paths)
    assert result.returncode == 0, err(result)
    assert err(result) == ""
    text = out(result)
    docs = [quotelink.extract(Path(p).read_bytes(), id=p) for p in paths]
    records = [r for d in docs for r in d.records()]
    if fmt == "jsonl":
        assert [json.loads(line) for line in text.splitlines()] == json.loads(json.dumps(records))
    elif fmt == "json":
        assert json.loads(text) == json.loads(json.dumps([d.to_dict() for d in docs]))
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and list(rows[0]) == list(RECORD_FIELDS)
        assert [(r["doc"], r["text"], int(r["start"]), int(r["end"])) for r in rows] == [
            (r["doc"], r["text"], r["start"], r["end"]) for r in records
        ]
    elif fmt == "table":
        for doc in docs:
            assert f"== {doc.id} ({len(doc.quotes)} quotation" in text
        assert text.count("  [direct] ") == sum(q.kind == "direct" for d in docs for q in d.quotes)
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
        assert text.count("<section") == len(docs)
        for doc in docs:
            assert doc.to_html() in text


def test_jsonl_offsets_slice_the_file():
    result = run("extract", "--format", "jsonl", *map(str, EXAMPLES + FIXTURES))
    for line in out(result).splitlines():
        record = json.loads(line)
        text = Path(record["doc"]).read_bytes().decode("utf-8")
        assert text[record["start"] : record["end"]] == record["text"]


def test_empty_outputs_are_still_valid(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert json.loads(out(run("extract", "-f", "json", str(empty))))[0]["quotes"] == []
    assert out(run("extract", "-f", "jsonl", str(empty))) == ""
    assert out(run("extract", "-f", "csv", str(empty))).splitlines() == [",".join(RECORD_FIELDS)]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    assert json.loads(out(run("extract", "-f", "json", str(bad)))) == []


def test_stdin_text():
    data = EXAMPLES[4].read_bytes()
    result = run("extract", "-f", "jsonl", "-", stdin=data)
    assert result.returncode == 0
    records = [json.loads(line) for line in out(result).splitlines()]
    assert records and {r["doc"] for r in records} == {"<stdin>"}
    assert [r["text"] for r in records] == [q.text for q in quotelink.extract(data).quotes]


def test_jsonl_input_from_a_file_and_stdin(tmp_path):
    lines = [
        json.dumps({"id": "first", "text": '"Caf\u00e9 au lait," Jos\u00e9 said.'}),
        "",
        json.dumps({"text": '"No id here," she said.'}),
        json.dumps({"id": 7, "text": "No quotation."}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("extract", "-f", "json", str(path))
    assert result.returncode == 0, err(result)
    docs = json.loads(out(result))
    assert [d["doc"] for d in docs] == ["first", f"{path}:3", "7"]
    assert docs[0]["quotes"][0]["text"] == "Caf\u00e9 au lait,"
    piped = run("extract", "-f", "json", "--input-format", "jsonl", "-", stdin=path.read_bytes())
    assert [d["doc"] for d in json.loads(out(piped))] == ["first", "<stdin>:3", "7"]


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path):
    good = EXAMPLES[0]
    bad_utf8 = tmp_path / "latin1.txt"
    bad_utf8.write_bytes('"Caf\u00e9," he said.'.encode("latin-1"))
    missing = tmp_path / "missing.txt"
    records = tmp_path / "broken.jsonl"
    records.write_text('{"id": "ok", "text": "\\"Fine,\\" she said."}\nnot json\n{"id": "x"}\n[1, 2]\n', encoding="utf-8")
    result = run("extract", "-f", "jsonl", str(missing), str(bad_utf8), str(good), str(records))
    assert result.returncode == 1
    messages = err(result).splitlines()
    assert messages[0] == f"quotelink: {missing}: cannot read: No such file or directory"
    assert messages[1].startswith(f"quotelink: {bad_utf8}: cannot decode: invalid UTF-8 at byte offset 4 (byte 0xe9)")
    assert messages[2].startswith(f"quotelink: {records}:2: not JSON:")
    assert messages[3] == f'quotelink: {records}:3: not a {{"id": ..., "text": "..."}} record'
    assert messages[4] == f'quotelink: {records}:4: not a {{"id": ..., "text": "..."}} record'
    assert messages[5] == "quotelink: 5 inputs failed"
    docs = {json.loads(line)["doc"] for line in out(result).splitlines()}
    assert docs == {str(good), "ok"}


def test_replace_invalid_reads_broken_files(tmp_path):
    bad_utf8 = tmp_path / "latin1.txt"
    bad_utf8.write_bytes('"Caf\u00e9," he said.'.encode("latin-1"))
    result = run("extract", "-f", "jsonl", "--replace-invalid", str(bad_utf8))
    assert result.returncode == 0, err(result)
    assert json.loads(out(result))["text"] == "Caf\ufffd,"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "--threads", "-1", "x"], "must be >= 0"),
        (["extract", "--threads", "two", "x"], "not a number"),
        (["extract", "--format", "xml", "x"], "invalid choice"),
        (["extract"], "required"),
        ([], "required"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in err(result)


def test_threads_and_batches_keep_input_order(corpus):
    paths = [str(p) for p in EXAMPLES + FIXTURES] + [str(corpus)]
    reference = out(run("extract", "-f", "jsonl", "--threads", "1", *paths))
    assert reference
    for extra in (["--threads", "2"], ["--threads", "3", "--window", "2"], ["--window", "1"]):
        assert out(run("extract", "-f", "jsonl", *extra, *paths)) == reference


def test_progress_only_when_asked_or_on_a_terminal(corpus):
    quiet = run("extract", "-f", "jsonl", *map(str, EXAMPLES * 10))
    assert err(quiet) == ""
    shown = run("extract", "-f", "jsonl", "--progress", "always", *map(str, EXAMPLES * 10))
    assert "50/50 documents" in err(shown)
    assert out(shown) == out(quiet)
    assert err(run("extract", "--progress", "never", str(corpus))) == ""


def test_progress_auto_needs_a_terminal_and_many_inputs(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert cli._progress_enabled("auto", 100)
    assert cli._progress_enabled("auto", None)
    assert not cli._progress_enabled("auto", 3)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not cli._progress_enabled("auto", 100)


def test_inputs_are_read_lazily_within_the_window(tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(f'"Quote {i}," he said.')
    (tmp_path / "15.txt").write_bytes(b"\xff")
    sources = list(cli.find_sources([str(tmp_path)], "auto"))
    assert len(sources) == 30 and all(isinstance(s.path, str) for s in sources)
    pulled = []

    def reading():
        for item in cli.read_items(sources):
            pulled.append(item.id)
            yield item

    failed = []
    docs = cli.extract_items(quotelink.Extractor(), reading(), threads=2, window=4, on_failure=failed.append)
    seen = []
    for doc in docs:
        seen.append(doc.id)
        assert len(pulled) <= len(seen) + 5  # the window, plus the failed item
    assert seen == [s.path for s in sources if not s.path.endswith("15.txt")]
    assert [f.id for f in failed] == [str(tmp_path / "15.txt")]
    assert failed[0].problem.startswith("cannot decode: invalid UTF-8 at byte offset 0")


def test_eval_subcommand_is_registered_when_present(monkeypatch):
    registered = []
    fake = types.ModuleType("quotelink.eval")
    fake.register_cli = lambda sub: registered.append(sub.add_parser("evaluate"))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quotelink.eval", fake)
    monkeypatch.setattr(quotelink, "eval", fake, raising=False)
    parser = cli.build_parser()
    assert registered
    assert parser.parse_args(["evaluate"]).command == "evaluate"
