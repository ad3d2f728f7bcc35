"""The options of ``quotelink extract`` (issue #18): output file, Config
flags and files, empty inputs, --link tables, rounded confidences, one name
for the document id; and the columns of the ``evaluate`` table."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import quotelink as ql
from quotelink import cli

from conftest import EXAMPLES

# A direct quotation with a speaker, reported speech with a speaker, and a
# direct quotation nobody is found for (confidence 0).
THREE_KINDS = (
    '"We will win," Foreign Minister Sergei Lavrov said on Monday.\n\n'
    "The minister said that the talks would go on for weeks.\n\n"
    '"Nobody knows what comes next."\n'
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quotelink", *args], input=stdin, capture_output=True, timeout=120
    )


def records(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "lavrov.txt"
    path.write_text(THREE_KINDS, encoding="utf-8")
    return path


# --- -o/--output -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "jsonl", "json", "csv", "html"])
def test_output_goes_to_the_file_named(tmp_path, article, fmt):
    target = tmp_path / f"out.{fmt}"
    result = run("extract", "-f", fmt, "-o", str(target), str(article))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    assert target.read_bytes() == run("extract", "-f", fmt, str(article)).stdout


def test_output_that_is_an_input_is_refused_and_left_alone(article):
    before = article.read_bytes()
    result = run("extract", "-o", str(article), str(article))
    assert result.returncode == 2
    assert "is also an input" in result.stderr.decode()
    assert article.read_bytes() == before


def test_unwritable_output_is_a_clear_error(tmp_path, article):
    result = run("extract", "-o", str(tmp_path / "no" / "such" / "dir.jsonl"), str(article))
    assert result.returncode == 3  # the output's own exit status (issue #19)
    assert "cannot write the output" in result.stderr.decode()
    assert "stopped" not in result.stderr.decode()


# --- options that reach Config -------------------------------------------------


def test_kinds_keeps_only_the_kinds_named(article):
    kinds = {r["kind"] for r in records(run("extract", "-f", "jsonl", "--kinds", "indirect", str(article)))}
    assert kinds == {"indirect"}
    both = records(run("extract", "-f", "jsonl", "--kinds", "direct, partial", str(article)))
    assert both and {r["kind"] for r in both} == {"direct"}


def test_bad_kinds_are_a_usage_error(article):
    result = run("extract", "--kinds", "direct,quoted", str(article))
    assert result.returncode == 2
    assert "give some of direct,partial,indirect" in result.stderr.decode()


def test_min_confidence_drops_the_less_sure(article):
    every = records(run("extract", "-f", "jsonl", str(article)))
    # The record without a speaker: its calibrated chance of being right.
    assert min(r["confidence"] for r in every) < 0.1
    threshold = sorted(r["confidence"] for r in every)[1]
    kept = records(run("extract", "-f", "jsonl", "--min-confidence", str(threshold), str(article)))
    assert kept == [r for r in every if r["confidence"] >= threshold]
    assert run("extract", "--min-confidence", "1.5", str(article)).returncode == 2


def test_no_indirect_switches_reported_speech_off(article):
    assert "indirect" in {r["kind"] for r in records(run("extract", "-f", "jsonl", str(article)))}
    kinds = {r["kind"] for r in records(run("extract", "-f", "jsonl", "--no-indirect", str(article)))}
    assert kinds == {"direct"}


def test_cue_verbs_and_aliases_files(tmp_path):
    text = tmp_path / "bibi.txt"
    text.write_text('"We will prevail," Bibi harrumphed on Sunday.\n', encoding="utf-8")
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("# verbs of speech\nharrumph\n\n", encoding="utf-8")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Bibi\tBenjamin Netanyahu  # the prime minister\n", encoding="utf-8")
    plain = records(run("extract", "-f", "jsonl", str(text)))
    assert [r["cue"] for r in plain] == [None]
    told = records(run("extract", "-f", "jsonl", "--cue-verbs", str(verbs), "--aliases", str(aliases), str(text)))
    assert [(r["speaker"], r["cue"]) for r in told] == [("Benjamin Netanyahu", "harrumphed")]


def test_bad_lexicon_files_name_the_file_and_line(tmp_path, article):
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("Bibi\tBenjamin Netanyahu\nno tab here\n", encoding="utf-8")
    result = run("extract", "--aliases", str(aliases), str(article))
    assert result.returncode == 2
    assert f"--aliases {aliases}, line 2: expected 'alias<TAB>canonical name'" in result.stderr.decode()
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("speak out\n", encoding="utf-8")
    result = run("extract", "--cue-verbs", str(verbs), str(article))
    assert result.returncode == 2 and f"--cue-verbs {verbs}: extra_cue_verbs" in result.stderr.decode()
    verbs.write_bytes(b"quip\nop\xe9ne\n")
    result = run("extract", "--cue-verbs", str(verbs), str(article))
    assert "invalid UTF-8 at byte offset 7" in result.stderr.decode()
    result = run("extract", "--titles", str(tmp_path / "missing.txt"), str(article))
    assert result.returncode == 2 and "cannot read" in result.stderr.decode()


# --- --config FILE -----------------------------------------------------------


def test_config_file_in_toml_and_json_reaches_the_extractor(tmp_path, article):
    toml = tmp_path / "quotelink.toml"
    toml.write_text('kinds = ["indirect"]\nmin_confidence = 0.5\n', encoding="utf-8")
    from_toml = records(run("extract", "-f", "jsonl", "--config", str(toml), str(article)))
    assert from_toml and {r["kind"] for r in from_toml} == {"indirect"}
    as_json = tmp_path / "quotelink.json"
    as_json.write_text(json.dumps({"kinds": ["indirect"], "min_confidence": 0.5}), encoding="utf-8")
    assert records(run("extract", "-f", "jsonl", "--config", str(as_json), str(article))) == from_toml


def test_flags_override_the_config_file(tmp_path, article):
    toml = tmp_path / "quotelink.toml"
    toml.write_text('kinds = ["indirect"]\nindirect = false\n', encoding="utf-8")
    assert records(run("extract", "-f", "jsonl", "--config", str(toml), str(article))) == []
    kinds = {r["kind"] for r in records(run("extract", "-f", "jsonl", "--config", str(toml), "--kinds", "direct", str(article)))}
    assert kinds == {"direct"}


def test_make_config_combines_file_and_flags(tmp_path):
    from quotelink.extract_config import make_config

    toml = tmp_path / "c.toml"
    toml.write_text('extra_titles = ["Chief Rabbi"]\nmin_confidence = 0.4\n[speaker_aliases]\nBibi = "Benjamin Netanyahu"\n')
    args = cli.build_parser().parse_args(["extract", "--config", str(toml), "--min-confidence", "0.9", "x"])
    assert make_config(args) == ql.Config(
        extra_titles=["Chief Rabbi"], min_confidence=0.9, speaker_aliases={"Bibi": "Benjamin Netanyahu"}
    )
    args = cli.build_parser().parse_args(["extract", "x"])
    assert make_config(args) == ql.Config()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("c.toml", "min_confidense = 0.5\n", "unknown option 'min_confidense'; did you mean 'min_confidence'"),
        ("c.json", '{"colour": "red"}', "unknown option 'colour'"),
        ("c.toml", "kinds = [\n", "not valid TOML"),
        ("c.json", "{", "not valid JSON"),
        ("c.json", "[1, 2]", "must be a table of options, not list"),
        ("c.toml", 'min_confidence = "high"\n', "min_confidence must be a number from 0 to 1"),
    ],
)
def test_bad_config_files_name_the_file_and_the_problem(tmp_path, article, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run("extract", "--config", str(path), str(article))
    assert result.returncode == 2
    assert f"quotelink: {path}: " in result.stderr.decode()
    assert message in result.stderr.decode()
    with pytest.raises(ql.Error, match=re.escape(message)):
        ql.Config.from_file(path)


def test_missing_config_file(tmp_path, article):
    result = run("extract", "--config", str(tmp_path / "none.toml"), str(article))
    assert result.returncode == 2 and "cannot read the configuration" in result.stderr.decode()


# --- no input found -----------------------------------------------------------


def test_an_empty_directory_is_no_input(tmp_path):
    result = run("extract", str(tmp_path))
    assert result.returncode == 1
    assert "no input found" in result.stderr.decode()
    assert result.stdout == b""


def test_a_directory_of_jsonl_only_says_to_name_the_files(tmp_path):
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "a", "text": THREE_KINDS}) + "\n")
    result = run("extract", "-f", "json", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path}: no input found (no *.txt file; name .jsonl files explicitly)" in result.stderr.decode()
    assert result.stdout == b""  # not even an empty JSON list


def test_an_empty_directory_beside_real_inputs_fails_the_run_but_not_the_others(tmp_path, article):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("extract", "-f", "jsonl", str(article), str(empty))
    assert result.returncode == 1
    assert f"{empty}: no input found" in result.stderr.decode()
    assert len(result.stdout.decode().splitlines()) == 3


# --- --link with the table ---------------------------------------------------


def test_link_with_the_default_table_shows_entities_and_clusters():
    result = run("extract", "--link", *map(str, EXAMPLES))
    assert result.returncode == 0, result.stderr.decode()
    table = result.stdout.decode()
    linked = records(run("extract", "--link", "-f", "jsonl", *map(str, EXAMPLES)))
    lavrov = {r["entity"] for r in linked if r["speaker"] and "Lavrov" in r["speaker"]}
    assert len(lavrov) == 1
    (entity,) = lavrov
    assert re.search(rf"\] Serge[iy] Lavrov \[entity {entity}\]: ", table)
    assert table.count("cluster=") == len(linked)
    assert table.count("\n  [") == len(linked)


# --- confidence, document id ----------------------------------------------------


def _long_decimals(text: str) -> list[str]:
    return re.findall(r"\d\.\d{5,}", text)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_confidence_is_rounded_in_every_format(fmt):
    # 000 has a partial quotation of rule confidence 0.8 * 0.9
    # (0.7200000000000001 before rounding); calibrated ones are rounded too.
    calibrated = run("extract", "-f", fmt, str(EXAMPLES[0])).stdout.decode()
    assert not _long_decimals(calibrated)
    result = run("extract", "-f", fmt, "--no-calibration", str(EXAMPLES[0]))
    assert result.returncode == 0
    text = result.stdout.decode()
    confidences = re.findall(r'confidence"?[:=] ?([0-9.]+)', text) if fmt != "csv" else [
        row["confidence"] for row in csv.DictReader(io.StringIO(text))
    ]
    assert confidences and "0.72" in confidences
    assert all(len(c.split(".")[-1]) <= 4 for c in confidences), confidences


def test_confidence_is_rounded_in_python_objects(example_texts):
    for text in example_texts.values():
        doc = ql.extract(text)
        for q in doc.quotes:
            assert q.confidence == round(q.confidence, 4)
        assert all(r["confidence"] == round(r["confidence"], 4) for r in doc.records())


def test_json_and_jsonl_name_the_document_alike(article):
    (record,) = records(run("extract", "-f", "jsonl", "--kinds", "indirect", str(article)))
    result = run("extract", "-f", "json", str(article))
    (doc,) = json.loads(result.stdout)
    assert doc["doc"] == record["doc"] == str(article)
    assert "id" not in doc
    assert ql.Document.from_dict(doc).id == str(article)


# --- evaluate: the columns P is computed from ----------------------------------


def test_evaluate_table_shows_what_precision_is_computed_from():
    from quotelink.eval import Counts, Report

    # A split quotation in two pieces that match one gold attribution, plus
    # a false positive: 3 predicted pieces, 1 match, 1 false positive.
    counts = Counts(gold=2, predicted=3, matched=1, false_positives=1, exact=1, with_source=1, source_correct=1, end_to_end=1)
    report = Report(threshold=0.5, documents=1, sections={"all": counts}, publishers={}, publisher_documents={}, errors=[])
    lines = report.format().splitlines()
    header = lines[2].split()
    row = dict(zip(header, lines[3].split()[-len(header) :]))
    assert row["match"] == "1" and row["fp"] == "1" and row["miss"] == "1"
    assert float(row["P"]) == pytest.approx(100 * int(row["match"]) / (int(row["match"]) + int(row["fp"])), abs=0.05)
    assert float(row["R"]) == pytest.approx(100 * int(row["match"]) / int(row["gold"]), abs=0.05)
    assert float(row["e2e-P"]) == pytest.approx(100 * int(row["e2e"]) / (int(row["match"]) + int(row["fp"])), abs=0.05)
    assert "pred" not in header  # the pieces: they do not add up to P
    assert "P = match / (match + fp)" in report.format()
