"""The hand-written stubs of quotelink._core match the compiled module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import quotelink

HERE = Path(__file__).resolve().parent


def test_package_is_typed():
    package = Path(quotelink.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_core.pyi").is_file()


def test_stubtest_finds_no_mismatch(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy.stubtest",
            "quotelink._core",
            "--allowlist",
            str(HERE / "stubtest_allowlist.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,  # not the repository root, where python/quotelink would shadow the install
    )
    assert result.returncode == 0, result.stdout + result.stderr
