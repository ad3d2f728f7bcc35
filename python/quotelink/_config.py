"""The Pythonic configuration: keyword options, validated on every assignment."""

from __future__ import annotations

import difflib
import json
import os
import sys
import types
from typing import Any, Iterable, Mapping, Optional, Union

from . import _core

OPTIONS = (
    "replace_invalid_utf8",
    "indirect",
    "model",
    "calibration",
    "extra_cue_verbs",
    "extra_titles",
    "speaker_aliases",
    "min_confidence",
    "kinds",
    "language",
    "disabled_rules",
)

# Quotation kinds, in the order Config.kinds lists them.
KINDS = ("direct", "partial", "indirect")


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


def _confidence(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        _fail(f"min_confidence must be a number from 0 to 1, not {value!r}")
    return float(value)


def _kinds(value: Any) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        _fail(f"kinds must be a list of quotation kinds ({', '.join(KINDS)}), not {type(value).__name__}")
    chosen = set()
    for item in value:
        if item not in KINDS:
            _fail(f"kinds: unknown quotation kind {item!r}; kinds are {', '.join(KINDS)}")
        chosen.add(item)
    if not chosen:
        _fail(f"kinds must name at least one of {', '.join(KINDS)}")
    return tuple(k for k in KINDS if k in chosen)


def _language(value: Any) -> str:
    # The name of a language pack directory (data/<language>/), never a path.
    if not isinstance(value, str) or not value or not all(c.isascii() and (c.isalnum() or c in "_-") for c in value):
        _fail(f"language must be the name of a language pack such as 'en', not {value!r}")
    return value


def _rules(value: Any) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        _fail(f"disabled_rules must be a list of rule names, not {type(value).__name__}")
    known = rule_names()
    out: list[str] = []
    for name in value:
        if not isinstance(name, str):
            _fail(f"disabled_rules must contain strings, not {type(name).__name__} ({name!r})")
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else " (quotelink.rule_names() lists them)"
            _fail(f"disabled_rules: no rule is named {name!r}{hint}")
        if name not in out:
            out.append(name)
    return tuple(out)


def rule_names() -> tuple[str, ...]:
    """The names of the rules :attr:`Config.disabled_rules` can switch off,
    in pipeline order: every rule of the stages that keep a rule table
    (docs/design.md; today the quotation sieves)."""
    return tuple(_core._rule_names())


def _unknown(name: str, where: str = "") -> Any:
    close = difflib.get_close_matches(name, OPTIONS, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; options are {', '.join(OPTIONS)}"
    return _fail(f"{where}unknown option {name!r}{hint}")


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
        model: bool = True,
        calibration: bool = True,
        extra_cue_verbs: Iterable[str] = (),
        extra_titles: Iterable[str] = (),
        speaker_aliases: Optional[Mapping[str, str]] = None,
        min_confidence: float = 0.0,
        kinds: Iterable[str] = KINDS,
        language: str = "en",
        disabled_rules: Iterable[str] = (),
        **unknown: Any,
    ) -> None:
        if unknown:
            _unknown(sorted(unknown)[0])
        self.replace_invalid_utf8 = replace_invalid_utf8
        self.indirect = indirect
        self.model = model
        self.calibration = calibration
        self.extra_cue_verbs = extra_cue_verbs  # type: ignore[assignment]
        self.extra_titles = extra_titles  # type: ignore[assignment]
        self.speaker_aliases = {} if speaker_aliases is None else speaker_aliases
        self.min_confidence = min_confidence
        self.kinds = kinds  # type: ignore[assignment]
        self.language = language
        self.disabled_rules = disabled_rules  # type: ignore[assignment]

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Config":
        """A Config from a TOML file, or a JSON file (``*.json``), whose keys
        are the options; an unknown key raises quotelink.Error naming it."""
        options = read_options(path)
        try:
            return cls(**options)
        except _core.Error as exc:
            raise _core.Error(f"{os.fspath(path)}: {exc}") from None

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
    def model(self) -> bool:
        """Let the learned layer judge the rules' reported speech (False: rules only)."""
        return self._model

    @model.setter
    def model(self, value: bool) -> None:
        self._model = _flag("model", value)

    @property
    def calibration(self) -> bool:
        """Confidence is the calibrated chance that a quotation is right (a
        table fitted on PolNeAR train); False keeps the rules' constants."""
        return self._calibration

    @calibration.setter
    def calibration(self, value: bool) -> None:
        self._calibration = _flag("calibration", value)

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

    @property
    def min_confidence(self) -> float:
        """Keep only quotations whose confidence is at least this (0 to 1).

        Calibrated (the default), confidence is the estimated chance that the
        quotation and its speaker are right; a quotation without a speaker
        gets the chance that it truly has none, which is low. With
        ``calibration=False`` it is the rule's constant, 0 without a speaker."""
        return self._min_confidence

    @min_confidence.setter
    def min_confidence(self, value: float) -> None:
        self._min_confidence = _confidence(value)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The quotation kinds to keep: some of "direct", "partial", "indirect".

        Unlike ``indirect=False``, which does not look for reported speech at
        all, this only drops quotations after extraction."""
        return self._kinds

    @kinds.setter
    def kinds(self, value: Iterable[str]) -> None:
        self._kinds = _kinds(value)

    @property
    def language(self) -> str:
        """The language pack whose lexicons the stages use (data/<language>/);
        only "en" is built in, and building an Extractor for another raises
        quotelink.Error naming it."""
        return self._language

    @language.setter
    def language(self, value: str) -> None:
        self._language = _language(value)

    @property
    def disabled_rules(self) -> tuple[str, ...]:
        """Rules to switch off, by name (:func:`quotelink.rule_names` lists
        them): a switched-off sieve leaves the quotation to the next one."""
        return self._disabled_rules

    @disabled_rules.setter
    def disabled_rules(self, value: Iterable[str]) -> None:
        self._disabled_rules = _rules(value)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.lstrip("_") not in OPTIONS:
            _unknown(name)
        object.__setattr__(self, name, value)

    def to_dict(self) -> dict[str, Any]:
        """The options as keyword arguments: ``Config(**c.to_dict()) == c``."""
        return {
            "replace_invalid_utf8": self.replace_invalid_utf8,
            "indirect": self.indirect,
            "model": self.model,
            "calibration": self.calibration,
            "extra_cue_verbs": list(self.extra_cue_verbs),
            "extra_titles": list(self.extra_titles),
            "speaker_aliases": dict(self.speaker_aliases),
            "min_confidence": self.min_confidence,
            "kinds": list(self.kinds),
            "language": self.language,
            "disabled_rules": list(self.disabled_rules),
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
            self.model,
            self.calibration,
            self.extra_cue_verbs,
            self.extra_titles,
            tuple(sorted(self.speaker_aliases.items())),
            self.min_confidence,
            self.kinds,
            self.language,
            self.disabled_rules,
        )

    def _to_core(self) -> _core.Config:
        core = _core.Config()
        core.replace_invalid_utf8 = self.replace_invalid_utf8
        core.indirect = self.indirect
        core.model = self.model
        core.calibration = self.calibration
        core.extra_cue_verbs = list(self.extra_cue_verbs)
        core.extra_titles = list(self.extra_titles)
        core.speaker_aliases = dict(self.speaker_aliases)
        core.min_confidence = self.min_confidence
        core.kinds = list(self.kinds)
        core.language = self.language
        core.disabled_rules = list(self.disabled_rules)
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


def _parse_toml(data: bytes) -> Any:
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - depends on the Python version
        import tomli as tomllib  # noqa: PLC0415
    return tomllib.loads(data.decode("utf-8"))


def read_options(path: Union[str, "os.PathLike[str]"]) -> dict[str, Any]:
    """The options of a configuration file: TOML, or JSON when the name ends
    in ``.json``. Raises quotelink.Error naming the file for a file that
    cannot be read or parsed, a top level that is not a table, or an unknown
    key."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return _fail(f"{name}: cannot read the configuration: {exc.strerror or exc}")
    try:
        options = json.loads(data) if name.endswith(".json") else _parse_toml(data)
    except (ValueError, UnicodeDecodeError) as exc:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        kind = "JSON" if name.endswith(".json") else "TOML"
        return _fail(f"{name}: not valid {kind}: {exc}")
    if not isinstance(options, dict):
        return _fail(f"{name}: the configuration must be a table of options, not {type(options).__name__}")
    for key in options:
        if key not in OPTIONS:
            _unknown(key, f"{name}: ")
    return options
