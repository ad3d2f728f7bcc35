"""The Pythonic configuration: keyword options, validated on every assignment."""

from __future__ import annotations

import difflib
import types
from typing import Any, Iterable, Mapping, Optional

from . import _core

OPTIONS = ("replace_invalid_utf8", "indirect", "extra_cue_verbs", "extra_titles", "speaker_aliases")


def _fail(message: str) -> Any:
    raise _core.Error(message)


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        _fail(f"{name} must be True or False, not {value!r}")
    return bool(value)


def _words(name: str, value: Any, *, allow_spaces: bool) -> tuple[str, ...]:
    # A bare string is iterable too; accepting it would add one entry per letter.
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        _fail(f"{name} must be a list of strings, not {type(value).__name__}")
    out = []
    for item in value:
        if not isinstance(item, str):
            _fail(f"{name} must contain strings, not {type(item).__name__} ({item!r})")
        word = " ".join(item.split())
        if not any(c.isalpha() for c in word):
            _fail(f"{name}: {item!r} contains no letter")
        if not allow_spaces and " " in word:
            _fail(f"{name}: {item!r} must be a single word")
        out.append(word)
    return tuple(out)


def _aliases(value: Any) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        _fail(f"speaker_aliases must be a mapping of str to str, not {type(value).__name__}")
    out = {}
    for key, name in value.items():
        if not isinstance(key, str) or not isinstance(name, str):
            _fail(f"speaker_aliases must map str to str, not {key!r} -> {name!r}")
        alias, canonical = " ".join(key.split()), " ".join(name.split())
        if not alias or not canonical:
            _fail(f"speaker_aliases: empty alias or name in {key!r} -> {name!r}")
        out[alias] = canonical
    # Read-only, so that changes go through the validating setter.
    return types.MappingProxyType(out)


def _unknown(name: str) -> Any:
    close = difflib.get_close_matches(name, OPTIONS, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; options are {', '.join(OPTIONS)}"
    return _fail(f"unknown option {name!r}{hint}")


class Config:
    """Options and lexicon extensions of an :class:`Extractor`.

    ``Config(extra_cue_verbs=["quip"], speaker_aliases={"Bibi": "Benjamin Netanyahu"})``

    Options are keyword-only and validated when given and when assigned; a
    bad value or an unknown option raises :class:`quotelink.Error`. An
    Extractor takes a copy, so changing a Config later does not change
    extractors already built from it.
    """

    __slots__ = tuple(f"_{name}" for name in OPTIONS)

    def __init__(
        self,
        *,
        replace_invalid_utf8: bool = False,
        indirect: bool = True,
        extra_cue_verbs: Iterable[str] = (),
        extra_titles: Iterable[str] = (),
        speaker_aliases: Optional[Mapping[str, str]] = None,
        **unknown: Any,
    ) -> None:
        if unknown:
            _unknown(sorted(unknown)[0])
        self.replace_invalid_utf8 = replace_invalid_utf8
        self.indirect = indirect
        self.extra_cue_verbs = extra_cue_verbs  # type: ignore[assignment]
        self.extra_titles = extra_titles  # type: ignore[assignment]
        self.speaker_aliases = {} if speaker_aliases is None else speaker_aliases

    @property
    def replace_invalid_utf8(self) -> bool:
        """Replace invalid UTF-8 with U+FFFD instead of raising quotelink.Error."""
        return self._replace_invalid_utf8

    @replace_invalid_utf8.setter
    def replace_invalid_utf8(self, value: bool) -> None:
        self._replace_invalid_utf8 = _flag("replace_invalid_utf8", value)

    @property
    def indirect(self) -> bool:
        """Also find reported speech without quotation marks (kind "indirect")."""
        return self._indirect

    @indirect.setter
    def indirect(self, value: bool) -> None:
        self._indirect = _flag("indirect", value)

    @property
    def extra_cue_verbs(self) -> tuple[str, ...]:
        """Speech-verb lemmas added to the built-in cue lexicon ("quip")."""
        return self._extra_cue_verbs

    @extra_cue_verbs.setter
    def extra_cue_verbs(self, value: Iterable[str]) -> None:
        self._extra_cue_verbs = _words("extra_cue_verbs", value, allow_spaces=False)

    @property
    def extra_titles(self) -> tuple[str, ...]:
        """Titles added to the built-in list ("Commissioner", "Chief Rabbi")."""
        return self._extra_titles

    @extra_titles.setter
    def extra_titles(self, value: Iterable[str]) -> None:
        self._extra_titles = _words("extra_titles", value, allow_spaces=True)

    @property
    def speaker_aliases(self) -> Mapping[str, str]:
        """Mention text -> canonical speaker name ("Bibi" -> "Benjamin Netanyahu")."""
        return self._speaker_aliases

    @speaker_aliases.setter
    def speaker_aliases(self, value: Mapping[str, str]) -> None:
        self._speaker_aliases = _aliases(value)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.lstrip("_") not in OPTIONS:
            _unknown(name)
        object.__setattr__(self, name, value)

    def to_dict(self) -> dict[str, Any]:
        """The options as keyword arguments: ``Config(**c.to_dict()) == c``."""
        return {
            "replace_invalid_utf8": self.replace_invalid_utf8,
            "indirect": self.indirect,
            "extra_cue_verbs": list(self.extra_cue_verbs),
            "extra_titles": list(self.extra_titles),
            "speaker_aliases": dict(self.speaker_aliases),
        }

    def replace(self, **changes: Any) -> "Config":
        """A copy with `changes` applied (validated like the constructor)."""
        return Config(**{**self.to_dict(), **changes})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return "Config(" + ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items()) + ")"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_from_dict, (self.to_dict(),))

    def _key(self) -> tuple[Any, ...]:
        # Hashable identity used to cache compiled extractors.
        return (
            self.replace_invalid_utf8,
            self.indirect,
            self.extra_cue_verbs,
            self.extra_titles,
            tuple(sorted(self.speaker_aliases.items())),
        )

    def _to_core(self) -> _core.Config:
        core = _core.Config()
        core.replace_invalid_utf8 = self.replace_invalid_utf8
        core.indirect = self.indirect
        core.extra_cue_verbs = list(self.extra_cue_verbs)
        core.extra_titles = list(self.extra_titles)
        core.speaker_aliases = dict(self.speaker_aliases)
        return core

    @classmethod
    def _coerce(cls, config: Any) -> "Config":
        if config is None:
            return cls()
        if isinstance(config, Config):
            return config.replace()
        if isinstance(config, Mapping):
            return cls(**config)
        return _fail(f"config must be a quotelink.Config or a dict of options, not {type(config).__name__}")


def _from_dict(options: dict[str, Any]) -> Config:
    return Config(**options)
