"""Python views of extraction results, with code-point offsets.

A Document made by extraction wraps the C++ result and builds its Quote,
Mention and Entity objects only when they are first read: code that only
writes records (JSONL, CSV, pandas) never builds them, and the work that
holds the GIL per document stays a few microseconds, so extraction on
several threads scales with the cores.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Generic, Optional, TypeVar, Union, overload

# The fields of one JSONL record (docs/design.md), in output order.
RECORD_FIELDS = (
    "doc",
    "text",
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_type",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "sieve",
    "confidence",
)


@dataclass(frozen=True)
class Mention:
    """A speaker mention: ``doc.text[start:end] == text``."""

    text: str
    start: int
    end: int
    kind: str
    entity_id: int
    head: str = ""


@dataclass(frozen=True)
class Entity:
    """One speaker within a document."""

    id: int
    name: str
    type: str
    mention_ids: tuple[int, ...]


@dataclass(frozen=True)
class Quote:
    """One quotation and its attribution; ``doc.text[start:end] == text``."""

    text: str
    start: int
    end: int
    kind: str
    speaker: Optional[str]
    speaker_type: Optional[str]
    speaker_id: Optional[int]
    mention: Optional[str]
    mention_start: Optional[int]
    mention_end: Optional[int]
    cue: Optional[str]
    sieve: str
    confidence: float
    paragraph: int
    sentence: int
    outer_start: int = 0
    outer_end: int = 0
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    quoted_parts: tuple[tuple[int, int], ...] = ()
    multi_paragraph: bool = False
    repaired: bool = False
    headline: bool = False

    def to_dict(self) -> dict[str, Any]:
        """All fields as a plain dict."""
        return asdict(self)


def _frozen(cls: type, fields: dict[str, Any]) -> Any:
    # The core hands over each object's complete field dict; installing it
    # skips the frozen dataclass __init__ (one guarded setattr per field).
    obj: Any = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    return obj


T = TypeVar("T")


class _Built(Generic[T]):
    """A list attribute of Document, built from the C++ result on first read."""

    def __init__(self, cls: type[T], fields: str, doc: str) -> None:
        self.cls = cls
        self.fields = fields  # the _core.Document method giving the field dicts
        self.__doc__ = doc
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_" + name

    @overload
    def __get__(self, doc: None, owner: Optional[type] = None) -> "_Built[T]": ...

    @overload
    def __get__(self, doc: "Document", owner: Optional[type] = None) -> list[T]: ...

    def __get__(self, doc: Optional["Document"], owner: Optional[type] = None) -> Union["_Built[T]", list[T]]:
        if doc is None:
            return self
        # The core is read first: another thread may build the last list and
        # let the core go meanwhile, but only after setting every list.
        core = doc._core
        value: Optional[list[T]] = getattr(doc, self.slot)
        if value is None:
            value = [_frozen(self.cls, f) for f in getattr(core, self.fields)()]
            setattr(doc, self.slot, value)
            doc._release()
        return value

    def __set__(self, doc: "Document", value: list[T]) -> None:
        doc._detach()
        setattr(doc, self.slot, value)


class Document:
    """The quotations, speaker mentions and entities of one text.

    ``Document(text, id="", quotes=[], mentions=[], entities=[],
    replaced_invalid_bytes=0)``; extraction returns Documents that build
    ``quotes``, ``mentions`` and ``entities`` on first access.

    In Jupyter a Document shows itself as the article with each speaker's
    quotations highlighted in its own colour (see :mod:`quotelink.display`).
    """

    def __init__(
        self,
        text: str,
        id: str = "",
        quotes: Optional[list[Quote]] = None,
        mentions: Optional[list[Mention]] = None,
        entities: Optional[list[Entity]] = None,
        replaced_invalid_bytes: int = 0,
    ) -> None:
        self.text = text
        self.id = id
        self.replaced_invalid_bytes = replaced_invalid_bytes
        self._quotes: Optional[list[Quote]] = quotes if quotes is not None else []
        self._mentions: Optional[list[Mention]] = mentions if mentions is not None else []
        self._entities: Optional[list[Entity]] = entities if entities is not None else []
        # The C++ result of extraction, while some list is not built yet
        # (None); records and JSON are written from it until quotes is read.
        self._core: Any = None

    @property
    def text(self) -> str:
        """The text that offsets refer to (code points)."""
        # The core is read first, as in _Built: _release sets _text before it
        # lets the core go.
        core = self._core
        text: Optional[str] = self._text
        if text is None:
            text = self._text = core.text()
        return text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value

    @classmethod
    def _from_core(cls, core: Any, text: Optional[str], id: Optional[str] = None) -> "Document":
        """Wraps a C++ result; `text` None decodes the core's text on first read."""
        doc = cls.__new__(cls)
        doc._text = text
        if id is not None:
            core.id = id
        doc.id = core.id
        doc.replaced_invalid_bytes = core.replaced_invalid_bytes
        doc._core = core
        doc._quotes = doc._mentions = doc._entities = None
        return doc

    # Each list is built on its own first read (a quotation carries its
    # speaker's name and mention itself, so reading quotes builds no mention
    # or entity); once all three exist the C++ result is let go.
    quotes = _Built(Quote, "quote_fields", "The quotations, in text order.")
    mentions = _Built(Mention, "mention_fields", "The speaker mentions; ``Entity.mention_ids`` index this list.")
    entities = _Built(Entity, "entity_fields", "The speakers: ``Quote.speaker_id`` indexes this list.")

    def _release(self) -> None:
        if self._quotes is not None and self._mentions is not None and self._entities is not None:
            if self._text is None:
                self._text = self._core.text()
            self._core = None

    def _detach(self) -> None:
        # A list is about to be replaced: build the others from the C++
        # result first, as they were.
        for name in ("quotes", "mentions", "entities"):
            getattr(self, name)

    def _fresh_core(self) -> Any:
        """The C++ result while the records can be written from it: the
        quotes list (which callers may change in place) is not built yet."""
        core = self._core
        if core is None or self._quotes is not None:
            return None
        if core.id != self.id:
            core.id = self.id
        return core

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return self._state() == other._state()

    # Mutable, so unhashable, as the dataclass was.
    __hash__ = None  # type: ignore[assignment]

    def _state(self) -> tuple[Any, ...]:
        return (self.text, self.id, self.quotes, self.mentions, self.entities, self.replaced_invalid_bytes)

    def __getstate__(self) -> dict[str, Any]:
        # The C++ result does not pickle; its Python objects do.
        return {
            "text": self.text,
            "id": self.id,
            "quotes": self.quotes,
            "mentions": self.mentions,
            "entities": self.entities,
            "replaced_invalid_bytes": self.replaced_invalid_bytes,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.text = state["text"]
        self.id = state["id"]
        self.replaced_invalid_bytes = state["replaced_invalid_bytes"]
        self._quotes = list(state["quotes"])
        self._mentions = list(state["mentions"])
        self._entities = list(state["entities"])
        self._core = None

    def __repr__(self) -> str:
        return (
            f"<quotelink.Document id={self.id!r}: {len(self.text)} characters, "
            f"{len(self.quotes)} quotations, {len(self.entities)} speakers>"
        )

    def _repr_html_(self) -> str:
        from .display import render_document  # noqa: PLC0415 - only for display

        return render_document(self, max_height="36em")

    def to_html(self, *, page: bool = False) -> str:
        """The highlight view as an HTML fragment, or a complete page."""
        from .display import render_document, render_page  # noqa: PLC0415

        return render_page([self]) if page else render_document(self)

    def records(self) -> list[dict[str, Any]]:
        """One JSONL record (docs/design.md) per quotation."""
        core = self._fresh_core()
        if core is not None:
            records: list[dict[str, Any]] = core.records()
            return records
        out = []
        for q in self.quotes:
            record = {name: getattr(q, name, None) for name in RECORD_FIELDS}
            record["doc"] = self.id
            out.append(record)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The document as plain data: id, text, quotes, mentions, entities."""
        return {
            "id": self.id,
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "mentions": [asdict(m) for m in self.mentions],
            "entities": [asdict(e) for e in self.entities],
        }

    def to_json(self, **kwargs: Any) -> str:
        """The quotation records as JSON Lines (one record per line).

        Keyword arguments go to json.dumps (ensure_ascii defaults to False).
        """
        kwargs.setdefault("ensure_ascii", False)
        core = self._fresh_core()
        if core is not None and kwargs == {"ensure_ascii": False}:
            return str(core.to_jsonl())
        return "".join(json.dumps(r, **kwargs) + "\n" for r in self.records())

    def to_pandas(self) -> Any:
        """A pandas DataFrame with one row per quotation (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on environment
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        return pd.DataFrame(self.records(), columns=list(RECORD_FIELDS))
