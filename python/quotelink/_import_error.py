"""Why quotelink's compiled core failed to load, in words a user can act on.

The loader's own message names the real cause (a missing ICU library, a C
library too old for the wheel, a stale build) but Python chains it behind a
generic ImportError; ``explain`` turns it into one message that names the
library, the platform and what to do.
"""

from __future__ import annotations

import platform
import re
import sys
from typing import Optional

_REINSTALL = (
    "reinstall the release wheel, which carries its own ICU "
    "(pip install --force-reinstall --no-cache-dir quotelink)"
)
_FROM_SOURCE = (
    "build quotelink on this machine against its own libraries "
    "(pip install --force-reinstall --no-binary quotelink quotelink; needs a "
    "C++17 compiler, CMake and ICU's headers, e.g. Debian's libicu-dev)"
)


def _what_to_do(*options: str) -> str:
    return "What to do: " + "; or ".join(options) + "."


# The loaders' wordings: glibc's ld.so, macOS's dyld, Windows.
_MISSING = (
    re.compile(r"(?P<lib>[^\s:'\"]+): cannot open shared object file"),
    re.compile(r"Library not loaded: (?P<lib>\S+)"),
)
_BROKEN = re.compile(
    r"(?P<lib>[^\s:'\"]+): (?P<why>file too short|invalid ELF header|"
    r"wrong ELF class: \w+|cannot map zero-fill pages)"
)
# auditwheel and delocate give the libraries they bundle a hash in the name.
_BUNDLED = re.compile(r"-[0-9a-f]{8}\.(so|dylib)")
_VERSION = re.compile(r"version `(?P<version>[^']+)' not found")
_SYMBOL = re.compile(r"(undefined symbol|symbol not found in flat namespace):? '?(?P<symbol>[\w.@]+)")


def describe_platform() -> str:
    """The facts about this machine that decide which wheel fits it."""
    parts = [f"{platform.system() or sys.platform} {platform.machine()}"]
    libc, libc_version = platform.libc_ver()
    if libc and libc_version:
        parts.append(f"{libc} {libc_version}")
    parts.append(f"Python {platform.python_version()}")
    return ", ".join(parts)


def _library_name(path: str) -> str:
    return re.split(r"[\\/]", path)[-1]


def _cause_and_advice(message: str) -> tuple[str, str]:
    for pattern in _MISSING:
        found = pattern.search(message)
        if found:
            library = _library_name(found.group("lib"))
            return f"the shared library {library} is missing", _advice_for(library)
    found = _BROKEN.search(message)
    if found:
        library = _library_name(found.group("lib"))
        return (
            f"the shared library {found.group('lib')} cannot be loaded "
            f"({found.group('why')})",
            _advice_for(library),
        )
    found = _VERSION.search(message)
    if found:
        return (
            f"it needs {found.group('version')}, newer than this system has "
            "(it was built for a newer system)",
            _what_to_do(
                _REINSTALL + " on this machine, so that pip picks a wheel that fits it",
                _FROM_SOURCE,
            ),
        )
    found = _SYMBOL.search(message)
    if found:
        return (
            f"the symbol {found.group('symbol')} is undefined: a library it "
            "loaded is not the version it was built with",
            _what_to_do(_FROM_SOURCE, _REINSTALL),
        )
    if "DLL load failed" in message:
        return (
            "a DLL it needs is missing",
            _what_to_do(
                "install the Microsoft Visual C++ Redistributable (x64), then "
                + _REINSTALL
            ),
        )
    return "the loader refused it", _what_to_do(_REINSTALL, _FROM_SOURCE)


def _advice_for(library: str) -> str:
    if _BUNDLED.search(library):
        return (
            f"The wheel's own copy of {library} is gone (an incomplete install). "
            + _what_to_do(_REINSTALL)
        )
    if "icu" in library.lower():
        return (
            f"This quotelink was built against a system ICU ({library}) that this "
            "machine lacks (another ICU version, or none). "
            + _what_to_do(_REINSTALL, _FROM_SOURCE)
        )
    return _what_to_do(f"install the package that provides {library}", _REINSTALL)


def explain(error: ImportError) -> str:
    """One message for a failed ``from . import _core``: cause, platform, fix."""
    message = str(error)
    where = describe_platform()
    # No _core at all: "from . import _core" says "cannot import name".
    if isinstance(error, ModuleNotFoundError) or "cannot import name '_core'" in message:
        return (
            f"quotelink's compiled core (quotelink._core) is not built ({where}). "
            "Install the package (pip install quotelink, or pip install . in the "
            "source tree) rather than importing it from python/ directly."
        )
    cause, advice = _cause_and_advice(message)
    return (
        f"quotelink's compiled core (quotelink._core) could not be loaded on {where}: "
        f"{cause}. {advice}\nThe loader said: {message}"
    )


def missing_module(exc: BaseException) -> str:
    """The top-level package whose absence caused `exc` (an ImportError
    perhaps raised by a library on behalf of one of its own dependencies,
    as dask.dataframe does for pyarrow), or "" when no exception in its
    chain names one."""
    seen: set[int] = set()
    current: Optional[BaseException] = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = getattr(current, "name", None)
        if isinstance(current, ImportError) and name:
            return str(name).split(".")[0]
        current = current.__cause__ or current.__context__
    return ""
