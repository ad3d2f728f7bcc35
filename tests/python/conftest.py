"""Shared paths and texts for the Python tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "python").glob("*.txt"))


@pytest.fixture(scope="session")
def example_texts() -> dict[str, str]:
    """The seed articles, decoded exactly as stored (no newline translation)."""
    assert EXAMPLES, "examples/articles is empty"
    return {p.name: p.read_bytes().decode("utf-8") for p in EXAMPLES}


@pytest.fixture(scope="session")
def fixture_texts() -> dict[str, str]:
    """Small non-ASCII news-like snippets (tests/fixtures/python)."""
    assert FIXTURES, "tests/fixtures/python is empty"
    return {p.name: p.read_bytes().decode("utf-8") for p in FIXTURES}


def sigint_as_default() -> None:
    """A `preexec_fn` for children that a test sends SIGINT: SIGINT back to
    its default disposition, as a terminal gives it. A shell runs a
    background job with SIGINT ignored, and an ignored signal stays ignored
    across exec, so without this such a test would fail when pytest itself
    was started in the background."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)

