"""Extraction entry points over the C++ core."""

from __future__ import annotations

from typing import Iterable, Optional, Union

from . import _core
from ._document import Document

Config = _core.Config
TextLike = Union[str, bytes]


def _encode(text: TextLike) -> bytes:
    if isinstance(text, bytes):
        return text
    if isinstance(text, str):
        return text.encode("utf-8", errors="surrogatepass")
    raise TypeError(f"text must be str or bytes, not {type(text).__name__}")


def _decode(core: _core.Document, original: TextLike) -> str:
    if isinstance(original, str) and core.replaced_invalid_bytes == 0:
        return original
    return core.text()


class Extractor:
    """A reusable extractor; safe to share between threads."""

    def __init__(self, config: Optional[Config] = None) -> None:
        self.config = config if config is not None else Config()
        self._core = _core.Extractor(self.config)

    def extract(self, text: TextLike, *, id: str = "") -> Document:
        """Quotations and speakers of one text (str, or UTF-8 bytes)."""
        core = self._core.extract(_encode(text), id)
        return Document._from_core(core, _decode(core, text))

    def extract_many(
        self, texts: Iterable[TextLike], *, threads: int = 0, ids: Optional[Iterable[str]] = None
    ) -> list[Document]:
        """Extraction of many texts in parallel (threads=0: one per core)."""
        originals = list(texts)
        cores = self._core.extract_many([_encode(t) for t in originals], threads)
        names = list(ids) if ids is not None else [""] * len(originals)
        docs = []
        for core, original, name in zip(cores, originals, names):
            doc = Document._from_core(core, _decode(core, original))
            doc.id = name
            docs.append(doc)
        return docs


_default: Optional[Extractor] = None


def _default_extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(text: TextLike, *, config: Optional[Config] = None, id: str = "") -> Document:
    """Quotations and speakers of one text, with the default or given config."""
    extractor = Extractor(config) if config is not None else _default_extractor()
    return extractor.extract(text, id=id)


def extract_many(
    texts: Iterable[TextLike], *, threads: int = 0, config: Optional[Config] = None
) -> list[Document]:
    """Extraction of many texts on `threads` threads (0: one per core)."""
    extractor = Extractor(config) if config is not None else _default_extractor()
    return extractor.extract_many(texts, threads=threads)
