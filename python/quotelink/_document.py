"""Python views of extraction results, with code-point offsets."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

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


@dataclass(repr=False)
class Document:
    """The quotations, speaker mentions and entities of one text.

    In Jupyter a Document shows itself as the article with each speaker's
    quotations highlighted in its own colour (see :mod:`quotelink.display`).
    """

    text: str
    id: str = ""
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    replaced_invalid_bytes: int = 0

    @classmethod
    def _from_core(cls, core: Any, text: str) -> "Document":
        mentions = [Mention(**m) for m in core.mention_records()]
        entities = [
            Entity(id=i, name=e["name"], type=e["type"], mention_ids=tuple(e["mention_ids"]))
            for i, e in enumerate(core.entity_records())
        ]
        quotes = []
        for r in core.quote_records():
            speaker = entities[r["speaker_id"]] if r["speaker_id"] >= 0 else None
            mention = mentions[r["mention_id"]] if r["mention_id"] >= 0 else None
            cue_span = r["cue_span"]
            quotes.append(
                Quote(
                    text=r["text"],
                    start=r["start"],
                    end=r["end"],
                    kind=r["kind"],
                    speaker=speaker.name if speaker else None,
                    speaker_type=speaker.type if speaker else None,
                    speaker_id=speaker.id if speaker else None,
                    mention=mention.text if mention else None,
                    mention_start=mention.start if mention else None,
                    mention_end=mention.end if mention else None,
                    cue=r["cue"],
                    sieve=r["sieve"],
                    confidence=r["confidence"],
                    paragraph=r["paragraph"],
                    sentence=r["sentence"],
                    outer_start=r["outer_start"],
                    outer_end=r["outer_end"],
                    cue_start=cue_span[0] if cue_span else None,
                    cue_end=cue_span[1] if cue_span else None,
                    quoted_parts=tuple(tuple(p) for p in r["quoted_parts"]),
                    multi_paragraph=r["multi_paragraph"],
                    repaired=r["repaired"],
                    headline=r["headline"],
                )
            )
        return cls(
            text=text,
            id=core.id,
            quotes=quotes,
            mentions=mentions,
            entities=entities,
            replaced_invalid_bytes=core.replaced_invalid_bytes,
        )

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
        return "".join(json.dumps(r, **kwargs) + "\n" for r in self.records())

    def to_pandas(self) -> Any:
        """A pandas DataFrame with one row per quotation (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on environment
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        return pd.DataFrame(self.records(), columns=list(RECORD_FIELDS))
