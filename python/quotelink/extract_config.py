"""Building a Config from command-line options."""

from __future__ import annotations

import argparse

from ._config import Config


def make_config(args: argparse.Namespace) -> Config:
    """The extractor configuration the command-line options ask for."""
    return Config(replace_invalid_utf8=bool(getattr(args, "replace_invalid", False)))
