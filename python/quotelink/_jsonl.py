"""Reading JSON Lines input: one generator for every reader in the package."""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Union


def json_lines(lines: Iterable[Union[str, bytes]], name: str) -> Iterator[tuple[str, Union[Any, ValueError]]]:
    """``(where, value)`` for each non-blank line of `lines`, `where` being
    ``"name:N"`` (N counts from 1, blank lines included). `value` is the
    parsed JSON, or the ValueError saying why the line is not JSON: callers
    decide whether a bad line ends the read or is reported and skipped."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            value = json.loads(line)
        except ValueError as exc:
            yield where, exc
            continue
        yield where, value
