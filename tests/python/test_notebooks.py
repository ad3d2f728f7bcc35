"""Every notebook in notebooks/ runs from top to bottom without an error, says
what its outputs show, and exports to static HTML with every article whole."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from _html import parse_view
from conftest import EXAMPLES, ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# Checks run in each notebook's kernel after its last cell, on the variables
# the notebook made: what the reader is told must be what the outputs show.
CHECKS = {
    "01_quickstart.ipynb": '''
# The speaker table and the chart rank named speakers only; nothing is hidden:
# every other quotation is counted in `sources` and listed in `others`.
assert set(by_speaker.index) == set(quotes.loc[quotes["source"] == "named speaker", "speaker"].dropna())
assert by_speaker["quotations"].is_monotonic_decreasing
assert "(no speaker found)" not in by_speaker.index and "(no speaker found)" not in top.index
assert not {"resolution", "short one-paragraph dispatch"} & set(by_speaker.index)
assert {"resolution", "short one-paragraph dispatch"} <= set(others["speaker"])
assert sources.sum() == len(quotes) == sum(len(d.quotes) for d in docs)
assert sources["no speaker found"] == quotes["speaker"].isna().sum() > 0
assert list(top.index) == list(by_speaker.index[: len(top)])[::-1]
assert "no speaker found: " in ax.get_title()
''',
    "02_one_story_many_outlets.ipynb": '''
# Shown texts have no raw line breaks; link_keys gives "a few kilobytes".
assert not shared["text"].str.contains("\\n").any()
assert not clusters["quotation"].str.contains("\\n").any()
sizes = [len(link_keys(d)) for d in docs]
assert all(1_000 <= size < 10_000 for size in sizes), sizes
assert all(s.quotes > 0 for s in corpus.speakers) and len(corpus.entities) > len(corpus.speakers)
''',
}

# What the markdown of each notebook must (not) say about its outputs.
CLAIMS = {
    "02_one_story_many_outlets.ipynb": ("returns a few kilobytes per article", "a few hundred bytes"),
}


def test_there_are_notebooks():
    assert any(p.name == "01_quickstart.ipynb" for p in NOTEBOOKS)
    assert set(CHECKS) <= {p.name for p in NOTEBOOKS}


@pytest.fixture(scope="module")
def executed() -> dict[str, Any]:
    """Each notebook, run once with its CHECKS appended as a last cell."""
    out = {}
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        if path.name in CHECKS:
            notebook.cells.append(nbformat.v4.new_code_cell(CHECKS[path.name]))
        # jupyter_client runs the "python3" kernel with this interpreter, so the
        # notebook sees the same installed quotelink as the tests.
        client = nbclient.NotebookClient(
            notebook,
            timeout=300,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            allow_errors=True,
        )
        client.execute()
        out[path.name] = notebook
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_and_its_outputs_are_as_described(executed, path: Path):
    errors = [
        f"{output.get('ename')}: {output.get('evalue')}"
        for cell in executed[path.name].cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors


@pytest.mark.parametrize("name", sorted(CLAIMS))
def test_notebook_text_matches_its_outputs(name):
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    prose = " ".join(" ".join(c.source.split()) for c in notebook.cells if c.cell_type == "markdown")
    said, not_said = CLAIMS[name]
    assert said in prose and not_said not in prose


def test_static_html_export_shows_the_whole_article(executed):
    nbconvert = pytest.importorskip("nbconvert")
    page, _ = nbconvert.HTMLExporter().from_notebook_node(executed["01_quickstart.ipynb"])
    ((style, shown),) = parse_view(page).boxes
    # The notebook shows the article with the most speakers: which one, the
    # export's own title line says.
    title = re.search(r"<b>([^<]+)</b> (?:&middot;|·) \d+ quotations", page)
    assert title is not None
    article = next(p for p in EXAMPLES if p.name == html.unescape(title.group(1)))
    assert shown == article.read_bytes().decode("utf-8")
    # The whole of it is visible: no height limit, no scroll box.
    assert "max-height" not in style and not re.search(r"overflow(-y)?: *(auto|scroll|hidden)", style)
