"""Pickling of the compiled Config, so that it can be shipped to other
processes (multiprocessing, Dask workers) and rebuilt there.

The state is every readable-and-writable property of the class, so fields
added to Config later pickle without changes here.
"""

from __future__ import annotations

import copyreg
from typing import Any

from . import _core


def _fields(cls: type) -> list[str]:
    return sorted(
        name
        for name, attr in vars(cls).items()
        if isinstance(attr, property) and attr.fset is not None and not name.startswith("_")
    )


def config_state(config: _core.Config) -> dict[str, Any]:
    """The settings of `config` as plain Python data."""
    return {name: getattr(config, name) for name in _fields(type(config))}


def config_from_state(state: dict[str, Any]) -> _core.Config:
    """A Config with the settings of `state` (as made by config_state)."""
    config = _core.Config()
    for name, value in state.items():
        setattr(config, name, value)
    return config


def _reduce_config(config: _core.Config) -> tuple[Any, tuple[dict[str, Any]]]:
    return config_from_state, (config_state(config),)


copyreg.pickle(_core.Config, _reduce_config)
