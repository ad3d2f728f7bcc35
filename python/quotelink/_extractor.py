"""Extraction entry points over the C++ core."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _core
from ._config import Config
from ._document import Document

TextLike = Union[str, bytes]
ConfigLike = Union[Config, Mapping[str, Any], None]


def _encode(text: TextLike) -> bytes:
    if isinstance(text, bytes):
        return text
    if isinstance(text, str):
        # surrogatepass keeps lone surrogates visible to the core, which then
        # reports them as invalid UTF-8 with their byte offset.
        return text.encode("utf-8", errors="surrogatepass")
    raise TypeError(f"text must be str or bytes, not {type(text).__name__}")


def _decode(core: _core.Document, original: TextLike) -> Optional[str]:
    # The caller's str when it is the document's text; otherwise None, and the
    # Document decodes the core's text on first read (bytes input costs no
    # str until .text is used).
    if isinstance(original, str) and core.replaced_invalid_bytes == 0:
        return original
    return None


def _threads(threads: Any) -> int:
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise _core.Error(f"threads must be an int, not {type(threads).__name__}")
    if threads < 0:
        raise _core.Error(f"threads must be >= 0 (0: one per core), not {threads}")
    return threads


def _first_undecodable(encoded: Sequence[bytes]) -> Optional[int]:
    # The core reports the first failure without its position in the batch;
    # find which text it was so that the message can name it.
    for index, data in enumerate(encoded):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return index
    return None


class Extractor:
    """A reusable extractor; compile once, then share it between threads.

    ``Extractor(config)`` or ``Extractor(extra_cue_verbs=["quip"], ...)``:
    keyword arguments are :class:`Config` options.
    """

    def __init__(self, config: ConfigLike = None, **options: Any) -> None:
        if options:
            if config is not None:
                raise _core.Error("pass either a config or keyword options, not both")
            config = Config(**options)
        self._config = Config._coerce(config)
        self._core = _core.Extractor(self._config._to_core())

    @property
    def config(self) -> Config:
        """A copy of the configuration this extractor was built with."""
        return self._config.replace()

    def __repr__(self) -> str:
        return f"Extractor({self._config!r})"

    def extract(self, text: TextLike, *, id: str = "") -> Document:
        """Quotations and speakers of one text (str, or UTF-8 bytes)."""
        core = self._core.extract(_encode(text), str(id))
        return Document._from_core(core, _decode(core, text))

    def extract_many(
        self,
        texts: Iterable[TextLike],
        *,
        threads: int = 0,
        ids: Optional[Iterable[str]] = None,
    ) -> list[Document]:
        """Extraction of many texts on `threads` threads (0: one per core).

        The texts are copied, then the GIL is released while the core works,
        so other Python threads keep running. Results are in input order.
        Document ids are `ids`, or by default the texts' positions ("0",
        "1", ...), as in Corpus.from_texts.
        """
        threads = _threads(threads)
        originals = list(texts)
        names = [str(i) for i in ids] if ids is not None else [str(i) for i in range(len(originals))]
        if len(names) != len(originals):
            raise _core.Error(f"{len(names)} ids for {len(originals)} texts")
        encoded = [_encode(t) for t in originals]
        try:
            cores = self._core.extract_many(encoded, threads)
        except _core.Error as exc:
            index = None if self._config.replace_invalid_utf8 else _first_undecodable(encoded)
            if index is None:
                raise
            named = _core.Error(f"text {index}: {exc}")
            named.byte_offset = exc.byte_offset
            raise named from exc
        # Wrapping is all the per-document work done with the GIL held: the
        # Python objects of a Document are built when first read.
        return [
            Document._from_core(core, _decode(core, original), name)
            for core, original, name in zip(cores, originals, names)
        ]


# Compiled extractors for the configs passed to extract()/extract_many(), so
# that a loop calling extract(text, config=c) compiles the lexicons once.
_CACHE_SIZE = 8
_cache: "OrderedDict[tuple[Any, ...], Extractor]" = OrderedDict()
_cache_lock = threading.Lock()


def _extractor_for(config: ConfigLike) -> Extractor:
    resolved = Config._coerce(config)
    key = resolved._key()
    with _cache_lock:
        extractor = _cache.get(key)
        if extractor is not None:
            _cache.move_to_end(key)
            return extractor
    extractor = Extractor(resolved)
    with _cache_lock:
        _cache[key] = extractor
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return extractor


def extract(text: TextLike, *, config: ConfigLike = None, id: str = "") -> Document:
    """Quotations and speakers of one text (str, or UTF-8 bytes).

    Raises quotelink.Error for invalid UTF-8 (unless the config sets
    ``replace_invalid_utf8``) and for bad options.
    """
    return _extractor_for(config).extract(text, id=id)


def extract_many(
    texts: Iterable[TextLike],
    *,
    threads: int = 0,
    config: ConfigLike = None,
    ids: Optional[Iterable[str]] = None,
) -> list[Document]:
    """Extraction of many texts on `threads` threads (0: one per core), in
    input order; ids default to the positions ("0", "1", ...)."""
    return _extractor_for(config).extract_many(texts, threads=threads, ids=ids)
