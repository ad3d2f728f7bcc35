"""The Pythonic configuration: a frozen, validated dataclass."""

from __future__ import annotations

import difflib
import types
from dataclasses import dataclass, field, fields
from typing import Any, Iterable, Mapping

from . import _core


def _fail(message: str) -> Any:
    raise _core.Error(message)


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
    return types.MappingProxyType(out)


def _flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        _fail(f"{name} must be True or False, not {value!r}")
    return value


@dataclass(frozen=True, init=False)
class Config:
    """Options and lexicon extensions of an :class:`Extractor`.

    ``Config(extra_cue_verbs=["quip"], speaker_aliases={"Bibi": "Benjamin Netanyahu"})``

    Every option is keyword-only and validated; a bad value or an unknown
    option raises :class:`quotelink.Error`. Use ``dataclasses.replace`` to
    derive a changed copy.
    """

    #: Replace invalid UTF-8 with U+FFFD instead of raising quotelink.Error.
    replace_invalid_utf8: bool = False
    #: Also find reported speech without quotation marks (kind "indirect").
    indirect: bool = True
    #: Speech-verb lemmas added to the built-in cue lexicon ("quip").
    extra_cue_verbs: tuple[str, ...] = ()
    #: Titles added to the built-in list ("Commissioner", "Chief Rabbi").
    extra_titles: tuple[str, ...] = ()
    #: Mention text -> canonical speaker name ("Bibi" -> "Benjamin Netanyahu").
    speaker_aliases: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __init__(
        self,
        *,
        replace_invalid_utf8: bool = False,
        indirect: bool = True,
        extra_cue_verbs: Iterable[str] = (),
        extra_titles: Iterable[str] = (),
        speaker_aliases: Mapping[str, str] | None = None,
        **unknown: Any,
    ) -> None:
        if unknown:
            name = sorted(unknown)[0]
            known = [f.name for f in fields(self)]
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; options are {', '.join(known)}"
            _fail(f"unknown option {name!r}{hint}")
        values = {
            "replace_invalid_utf8": _flag("replace_invalid_utf8", replace_invalid_utf8),
            "indirect": _flag("indirect", indirect),
            "extra_cue_verbs": _words("extra_cue_verbs", extra_cue_verbs, allow_spaces=False),
            "extra_titles": _words("extra_titles", extra_titles, allow_spaces=True),
            "speaker_aliases": _aliases({} if speaker_aliases is None else speaker_aliases),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        aliases = dict(self.speaker_aliases)
        return (
            f"Config(replace_invalid_utf8={self.replace_invalid_utf8}, indirect={self.indirect}, "
            f"extra_cue_verbs={self.extra_cue_verbs}, extra_titles={self.extra_titles}, "
            f"speaker_aliases={aliases})"
        )

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
            return config
        if isinstance(config, Mapping):
            return cls(**config)
        return _fail(f"config must be a quotelink.Config or a dict of options, not {type(config).__name__}")
