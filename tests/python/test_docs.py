"""The README and docs say what a new user needs and stay true (issue #18)."""

from __future__ import annotations

import re

from quotelink import cli

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_links_every_guide_and_each_exists():
    links = set(re.findall(r"\]\((docs/[\w.-]+\.md)\)", README))
    assert {"docs/evaluation.md", "docs/scaling.md", "docs/reliability.md", "docs/design.md"} <= links
    for link in links:
        assert (ROOT / link).is_file(), link


def test_readme_covers_streaming_dask_and_linking():
    assert "ql.stream(" in README
    assert "quotelink.dask" in README and "quotelink[dask]" in README
    assert "quotelink extract --link" in README
    assert "Document.from_json" in README and "to_jsonl()" in README


def test_readme_says_where_polnear_comes_from_and_how_to_use_it():
    assert "networkdynamics/PolNeAR" in README and "LREC 2018" in README
    assert "quotelink evaluate --corpus polnear:" in README
    assert "text/" in README and "attributions/" in README


def test_every_extract_option_in_the_readme_exists():
    parser = cli.build_parser()
    extract = parser._subparsers._group_actions[0].choices["extract"]  # type: ignore[union-attr]
    known = {option for action in extract._actions for option in action.option_strings}
    shown = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+|-[a-z])\b", " ".join(
        line for line in README.splitlines() if line.startswith("quotelink extract") or line.startswith("cat ")
    )))
    assert {"--kinds", "--min-confidence", "--no-indirect", "--cue-verbs", "--aliases", "--config", "-o", "--link"} <= shown
    assert shown <= known, shown - known


def test_design_says_how_no_speaker_is_written():
    design = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    assert "empty optional" not in design
    assert "`Quote::speaker`" in design and "-1" in design
