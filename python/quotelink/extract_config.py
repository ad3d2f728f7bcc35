"""Building a Config from command-line options."""

from __future__ import annotations

import argparse
from typing import Any, Optional

from ._config import Config
from ._core import Error


def make_config(args: argparse.Namespace) -> Config:
    """The extractor configuration the command-line options ask for: the
    ``--config`` file's options, overridden by each option given."""
    config_file: Optional[str] = getattr(args, "config", None)
    config = Config.from_file(config_file) if config_file else Config()
    flags = {
        "replace_invalid_utf8": getattr(args, "replace_invalid", None),
        "indirect": getattr(args, "indirect", None),
        "model": getattr(args, "model", None),
        "calibration": getattr(args, "calibration", None),
        "kinds": getattr(args, "kinds", None),
        "min_confidence": getattr(args, "min_confidence", None),
    }
    changes: dict[str, Any] = {name: value for name, value in flags.items() if value is not None}
    for option, flag in (("extra_cue_verbs", "cue_verbs"), ("extra_titles", "titles"), ("speaker_aliases", "aliases")):
        path = getattr(args, flag, None)
        if path:
            label = f"--{flag.replace('_', '-')} {path}"
            value = _aliases(path, label) if option == "speaker_aliases" else _entries(path, label)
            changes[option] = _checked(option, value, label)
    return config.replace(**changes)


def _checked(option: str, value: Any, label: str) -> Any:
    # Validated here so that a bad entry is reported with the file it is in.
    try:
        Config(**{option: value})
    except Error as exc:
        raise Error(f"{label}: {exc}") from None
    return value


def _entries(path: str, label: str) -> list[str]:
    """The entries of a one-entry-a-line file."""
    return [entry for _, entry in _numbered_lines(path, label)]


def _numbered_lines(path: str, label: str) -> list[tuple[int, str]]:
    """(line number, entry) of each entry of a file: blank lines and '#'
    comments are skipped, and spaces around an entry."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise Error(f"{label}: cannot read: {exc.strerror or exc}") from None
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise Error(f"{label}: invalid UTF-8 at byte offset {exc.start}") from None
    out = []
    for number, line in enumerate(lines, 1):
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append((number, entry))
    return out


def _aliases(path: str, label: str) -> dict[str, str]:
    """The 'alias<TAB>canonical name' lines of an --aliases file."""
    out = {}
    for number, entry in _numbered_lines(path, label):
        alias, tab, name = entry.partition("\t")
        if not tab or not alias.strip() or not name.strip():
            raise Error(f"{label}, line {number}: expected 'alias<TAB>canonical name', got {entry!r}")
        out[alias.strip()] = name.strip()
    return out
