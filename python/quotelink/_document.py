"""Python views of extraction results, with code-point offsets.

A Document made by extraction wraps the C++ result and builds its Quote,
Mention and Entity objects only when they are first read: code that only
writes records (JSONL, CSV, pandas) never builds them, and the work that
holds the GIL per document stays a few microseconds, so extraction on
several threads scales with the cores.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, asdict, dataclass
from dataclasses import fields as dataclass_fields
from typing import Any, Callable, Generic, Iterator, Mapping, NoReturn, Optional, TypeVar, Union, overload

from . import _core

T = TypeVar("T")
F = TypeVar("F", bound="_Fields")

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
    "id",
    "parent",
)


class _Fields:
    """to_dict() and from_dict() of the frozen dataclasses Mention, Entity
    and Quote; `_what` names the class in error messages."""

    __slots__ = ()
    _what = "record"

    def to_dict(self) -> dict[str, Any]:
        """All fields as a dict: ``type(x)(**x.to_dict()) == x``, and
        from_dict() reads it back, also from JSON (lists for tuples)."""
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls: type[F], data: Mapping[str, Any]) -> F:
        """The object whose to_dict() is `data`; quotelink.Error if it is not one."""
        return _from_fields(cls, data, cls._what)  # type: ignore[attr-defined]


def _slotted(cls: type[F]) -> type[F]:
    """`cls`, a frozen dataclass, remade with __slots__ and no per-instance
    __dict__ (what ``dataclass(slots=True)`` does from Python 3.10; this
    package supports 3.9): a Quote's dict of 25 fields cost 832 bytes."""
    names = tuple(f.name for f in dataclass_fields(cls))  # type: ignore[arg-type]
    namespace = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
    namespace["__slots__"] = names

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __setstate__(self: Any, state: Any) -> None:
        # A dict is the state of a record pickled before the slots (0.2.0).
        items = state.items() if isinstance(state, dict) else zip(names, state)
        for name, value in items:
            object.__setattr__(self, name, value)

    namespace["__getstate__"] = __getstate__
    namespace["__setstate__"] = __setstate__
    new = type(cls)(cls.__name__, cls.__bases__, namespace)
    new.__qualname__ = cls.__qualname__
    # Slot setters bypass the frozen __setattr__; _frozen fills records with them.
    new._setters = tuple((name, getattr(new, name).__set__) for name in names)  # type: ignore[attr-defined]
    return new


@_slotted
@dataclass(frozen=True)
class Mention(_Fields):
    """A speaker mention: ``doc.text[start:end] == text``."""

    text: str
    start: int
    end: int
    kind: str
    entity_id: int
    head: str = ""

    _what = "mention"


@_slotted
@dataclass(frozen=True)
class Entity(_Fields):
    """One speaker candidate within a document: a person, organisation or
    group that mentions refer to. Only entities that some quotation points
    to (``Quote.speaker_id``) are speakers."""

    id: int
    name: str
    type: str
    mention_ids: tuple[int, ...]

    _what = "entity"


@_slotted
@dataclass(frozen=True)
class Quote(_Fields):
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
    # The record's number in its document (its index in doc.quotes unless
    # Config.kinds or min_confidence dropped records), and the number of the
    # record whose marked words this partial quotation is (None for a record
    # of its own): "Lavrov said that the resolution is "counterproductive""
    # gives the reported speech and, parent that record, "counterproductive".
    id: Optional[int] = None
    parent: Optional[int] = None

    _what = "quotation"


def _fail(message: str) -> NoReturn:
    raise _core.Error(message)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _pair(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and len(value) == 2 and all(_is_int(v) for v in value)


# Field annotation -> (check of a JSON value, conversion to the field's type).
# JSON has no tuples, so tuple fields arrive as lists.
_FIELD_TYPES: dict[str, tuple[Callable[[Any], bool], Callable[[Any], Any]]] = {
    "str": (lambda v: isinstance(v, str), str),
    "int": (_is_int, int),
    "bool": (lambda v: isinstance(v, bool), bool),
    "float": (lambda v: _is_int(v) or isinstance(v, float), float),
    "Optional[str]": (lambda v: v is None or isinstance(v, str), lambda v: v),
    "Optional[int]": (lambda v: v is None or _is_int(v), lambda v: v),
    "tuple[int, ...]": (lambda v: isinstance(v, (list, tuple)) and all(_is_int(i) for i in v), tuple),
    "tuple[tuple[int, int], ...]": (
        lambda v: isinstance(v, (list, tuple)) and all(_pair(p) for p in v),
        lambda v: tuple((int(a), int(b)) for a, b in v),
    ),
}


def _from_fields(cls: type[T], data: Any, what: str) -> T:
    """An instance of the dataclass `cls` from a dict of its fields, checked
    field by field so that a damaged cache fails here with the field's name
    rather than later with a wrong answer."""
    if not isinstance(data, Mapping):
        return _fail(f"a {what} must be a dict of fields, not {type(data).__name__}")
    known = {f.name: f for f in dataclass_fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(known))
    if unknown:
        _fail(f"{what}: unknown field {unknown[0]!r}")
    values = {}
    for name, field in known.items():
        if name not in data:
            if field.default is MISSING:
                _fail(f"{what}: missing field {name!r}")
            continue
        check, convert = _FIELD_TYPES[str(field.type)]
        if not check(data[name]):
            _fail(f"{what}: field {name!r} has the wrong type ({data[name]!r}, expected {field.type})")
        values[name] = convert(data[name])
    return cls(**values)


def _frozen(cls: type, fields: dict[str, Any]) -> Any:
    # The core hands over each object's complete field dict; its values go
    # straight into the slots, skipping the frozen dataclass __init__ (one
    # guarded setattr per field).
    obj: Any = object.__new__(cls)
    for name, set_slot in cls._setters:  # type: ignore[attr-defined]
        set_slot(obj, fields[name])
    return obj


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
    entities = _Built(
        Entity, "entity_fields", "Every entity mentions refer to (speakers or not); ``Quote.speaker_id`` indexes this list."
    )

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

    def __len__(self) -> int:
        """The number of quotations."""
        return len(self.quotes)

    def __iter__(self) -> Iterator[Quote]:
        """The quotations, in text order."""
        return iter(self.quotes)

    @property
    def speakers(self) -> list[Entity]:
        """The entities that at least one quotation is attributed to, by id."""
        quoted = {q.speaker_id for q in self.quotes}
        return [e for e in self.entities if e.id in quoted]

    def __repr__(self) -> str:
        quotes = len(self.quotes)
        speakers = len({q.speaker_id for q in self.quotes} - {None})
        return (
            f"<quotelink.Document id={self.id!r}: {len(self.text)} characters, "
            f"{quotes} quotation{'s' if quotes != 1 else ''}, {speakers} speaker{'s' if speakers != 1 else ''}, "
            f"{len(self.entities)} entities>"
        )

    def _repr_html_(self) -> str:
        # The whole article: a notebook saved with its outputs (GitHub,
        # nbconvert) shows what the reader saw. view() gives a scroll box.
        from .display import render_document  # noqa: PLC0415 - only for display

        return render_document(self)

    def view(self, *, max_height: Optional[str] = None) -> Any:
        """The highlight view for a notebook; ``max_height="30em"`` puts the
        article in a scroll box of that height (default: the whole article)."""
        from .display import DocumentView  # noqa: PLC0415

        return DocumentView(self, max_height=max_height)

    def to_html(self, *, page: bool = False, max_height: Optional[str] = None) -> str:
        """The highlight view as an HTML fragment, or a complete page."""
        from .display import render_document, render_page  # noqa: PLC0415

        return render_page([self]) if page else render_document(self, max_height=max_height)

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
        """The whole document as plain JSON data: ``Document.from_dict(d.to_dict()) == d``.

        ``doc`` is the id, as in every JSONL record; quotes, mentions and
        entities hold every field of Quote, Mention and Entity."""
        return {
            "doc": self.id,
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "mentions": [m.to_dict() for m in self.mentions],
            "entities": [e.to_dict() for e in self.entities],
            "replaced_invalid_bytes": self.replaced_invalid_bytes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Document":
        """The Document that to_dict() gave `data`; raises quotelink.Error for
        data that is not one (a missing or unknown key, a wrong type, an
        offset that does not give the quotation's or mention's text, an id
        that points nowhere)."""
        if not isinstance(data, Mapping):
            return _fail(f"a document must be a dict, not {type(data).__name__}")
        unknown = sorted(set(data) - set(_DOCUMENT_KEYS))
        if unknown:
            _fail(f"document: unknown key {unknown[0]!r}; keys are {', '.join(_DOCUMENT_KEYS)}")
        text, doc_id = data.get("text"), data.get("doc", "")
        if not isinstance(text, str) or not isinstance(doc_id, str):
            _fail("document: 'text' and 'doc' must be strings")
        replaced = data.get("replaced_invalid_bytes", 0)
        if not _is_int(replaced) or replaced < 0:
            _fail(f"document: 'replaced_invalid_bytes' must be a count, not {replaced!r}")
        doc = cls(
            text,
            doc_id,
            quotes=[Quote.from_dict(q) for q in _items(data, "quotes")],
            mentions=[Mention.from_dict(m) for m in _items(data, "mentions")],
            entities=[Entity.from_dict(e) for e in _items(data, "entities")],
            replaced_invalid_bytes=replaced,
        )
        _check_references(doc)
        return doc

    def to_json(self, **kwargs: Any) -> str:
        """The whole document as one JSON text (to_dict()); from_json() reads
        it back. Keyword arguments go to json.dumps (ensure_ascii defaults to
        False). For the quotation records as JSON Lines, see to_jsonl()."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Document":
        """The Document that to_json() wrote; raises quotelink.Error otherwise."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            hint = " (JSON Lines of quotation records, from to_jsonl(), cannot be read back)" if "Extra data" in str(exc) else ""
            return _fail(f"not a JSON document: {exc}{hint}")
        return cls.from_dict(data)

    def to_jsonl(self, **kwargs: Any) -> str:
        """The quotation records as JSON Lines (one record per line, the
        format of ``quotelink extract --format jsonl``).

        Keyword arguments go to json.dumps (ensure_ascii defaults to False).
        """
        kwargs.setdefault("ensure_ascii", False)
        core = self._fresh_core()
        if core is not None and kwargs == {"ensure_ascii": False}:
            return str(core.to_jsonl())
        return "".join(json.dumps(r, **kwargs) + "\n" for r in self.records())

    def to_pandas(self) -> Any:
        """A pandas DataFrame with one row per quotation (needs pandas).

        Offsets are integer columns; those a quotation may lack (no mention)
        are pandas' nullable Int64, with <NA> where missing."""
        return records_frame(self.records(), RECORD_FIELDS)


# The keys of Document.to_dict(), in order.
_DOCUMENT_KEYS = ("doc", "text", "quotes", "mentions", "entities", "replaced_invalid_bytes")


def _items(data: Mapping[str, Any], key: str) -> list[Any]:
    items = data.get(key, [])
    if not isinstance(items, list):
        _fail(f"document: {key!r} must be a list, not {type(items).__name__}")
    return items


def _check_references(doc: Document) -> None:
    """Raises quotelink.Error when an offset or an index of `doc` points
    outside it: the invariants extraction guarantees."""
    text = doc.text
    spans = [("quotation", i, q.start, q.end, q.text) for i, q in enumerate(doc.quotes)]
    spans += [("mention", i, m.start, m.end, m.text) for i, m in enumerate(doc.mentions)]
    for what, i, start, end, words in spans:
        if not 0 <= start <= end <= len(text) or text[start:end] != words:
            _fail(f"document: {what} {i}: text[{start}:{end}] is not its text {words!r}")
    for i, q in enumerate(doc.quotes):
        if q.speaker_id is not None and not 0 <= q.speaker_id < len(doc.entities):
            _fail(f"document: quotation {i}: speaker_id {q.speaker_id} names no entity")
        if q.parent is not None and (q.parent < 0 or q.parent == q.id):
            _fail(f"document: quotation {i}: parent {q.parent} names no other record")
    for i, m in enumerate(doc.mentions):
        if not -1 <= m.entity_id < len(doc.entities):
            _fail(f"document: mention {i}: entity_id {m.entity_id} names no entity")
    for i, e in enumerate(doc.entities):
        if e.id != i or any(not 0 <= m < len(doc.mentions) for m in e.mention_ids):
            _fail(f"document: entity {i}: its id or a mention id points nowhere")


# Integer columns that some rows lack (a quotation without a mention or a
# speaker): pandas' nullable Int64, as float64 would turn offsets into floats.
_NULLABLE_INT_COLUMNS = ("mention_start", "mention_end", "entity", "id", "parent")
_INT_COLUMNS = ("start", "end", "cluster")


def records_frame(records: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    """Quotation records as a pandas DataFrame with `columns` (needs pandas)."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on environment
        raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
    frame = pd.DataFrame(records, columns=list(columns))
    types = {name: "Int64" for name in columns if name in _NULLABLE_INT_COLUMNS}
    types.update({name: "int64" for name in columns if name in _INT_COLUMNS})
    types["confidence"] = "float64"
    return frame.astype(types)
