"""The growth bench's memory budget: a fixed floor plus under 10x the input."""

from __future__ import annotations

import importlib.util
import pathlib

import pytest

_PATH = pathlib.Path(__file__).resolve().parents[2] / "bench" / "growth_bench.py"
_SPEC = importlib.util.spec_from_file_location("growth_bench", _PATH)
growth_bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(growth_bench)
MB = growth_bench.MB


def test_memory_fit_recovers_the_floor_and_the_slope():
    points = [(s * MB, 3 * MB + 8.25 * s * MB) for s in (0.25, 1, 2, 4)]
    floor, slope = growth_bench.memory_fit(points)
    assert floor == pytest.approx(3 * MB)
    assert slope == pytest.approx(8.25)


def test_a_floor_under_budget_passes_and_names_the_sizes_over_10x():
    # 3 MB + 8.25x: 20x at 256 KB, 11.25x at 1 MB, under 10x from 2 MB on.
    points = [(s * MB, 3 * MB + 8.25 * s * MB) for s in (0.25, 1, 2)]
    ok, why = growth_bench.memory_verdict(points)
    assert ok
    assert "3.00 MB + 8.25x input" in why
    assert "over 10x at 0.25 MB 20.25x, 1 MB 11.25x" in why


def test_a_slope_of_10x_or_a_large_floor_fails():
    assert not growth_bench.memory_verdict([(s * MB, 10.5 * s * MB) for s in (1, 2)])[0]
    assert not growth_bench.memory_verdict([(s * MB, 5 * MB + 2 * s * MB) for s in (1, 2)])[0]


def test_one_size_only_needs_the_ratio_under_10x():
    assert growth_bench.memory_verdict([(MB, 9.5 * MB)])[0]
    assert not growth_bench.memory_verdict([(MB, 10.5 * MB)])[0]
