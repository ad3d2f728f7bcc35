"""Extraction entry points over the C++ core."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Iterable, Literal, Mapping, Optional, Union, overload

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

    @overload
    def extract_many(
        self,
        texts: Iterable[TextLike],
        *,
        threads: int = ...,
        ids: Optional[Iterable[str]] = ...,
        errors: Literal["raise"] = ...,
    ) -> list[Document]: ...

    @overload
    def extract_many(
        self,
        texts: Iterable[TextLike],
        *,
        threads: int = ...,
        ids: Optional[Iterable[str]] = ...,
        errors: Literal["return"],
    ) -> list[Union[Document, ValueError]]: ...

    def extract_many(
        self,
        texts: Iterable[TextLike],
        *,
        threads: int = 0,
        ids: Optional[Iterable[str]] = None,
        errors: str = "raise",
    ) -> list[Any]:
        """Extraction of many texts on `threads` threads (0: one per core).

        Results are in input order. Document ids are `ids`, or by default
        the texts' positions ("0", "1", ...), as in Corpus.from_texts. With
        ``errors="raise"`` (the default) the first text that cannot be
        extracted raises quotelink.Error naming its position; with
        ``errors="return"`` its place in the list holds that Error instead,
        and the others are still extracted.

        The texts are copied, then extracted on a C++ worker pool while the
        GIL is released, so other Python threads keep running, and Ctrl-C
        (KeyboardInterrupt) stops the call within a fraction of a second.
        """
        threads = _threads(threads)
        if errors not in ("raise", "return"):
            raise _core.Error(f'errors must be "raise" or "return", not {errors!r}')
        originals = list(texts)
        names = [str(i) for i in ids] if ids is not None else [str(i) for i in range(len(originals))]
        if len(names) != len(originals):
            raise _core.Error(f"{len(names)} ids for {len(originals)} texts")
        if not originals:
            return []
        results: list[Any] = []
        pool = _core.Stream(self._core, min(threads, len(originals)), 0, "document")
        submitted = 0
        while len(results) < len(originals):
            while submitted < len(originals) and not pool.full():
                pool.submit(names[submitted], _encode(originals[submitted]))
                submitted += 1
            _, core, message, offset = pool.next()  # checks for Ctrl-C while it waits
            index = len(results)
            if core is None:
                failure = _core.Error(f"text {index}: {message}")
                failure.byte_offset = offset
                if errors == "raise":
                    raise failure
                results.append(failure)
                continue
            # Wrapping is all the per-document work done with the GIL held:
            # the Python objects of a Document are built when first read.
            results.append(Document._from_core(core, _decode(core, originals[index])))
        return results


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


@overload
def extract_many(
    texts: Iterable[TextLike],
    *,
    threads: int = ...,
    config: ConfigLike = ...,
    ids: Optional[Iterable[str]] = ...,
    errors: Literal["raise"] = ...,
) -> list[Document]: ...


@overload
def extract_many(
    texts: Iterable[TextLike],
    *,
    threads: int = ...,
    config: ConfigLike = ...,
    ids: Optional[Iterable[str]] = ...,
    errors: Literal["return"],
) -> list[Union[Document, ValueError]]: ...


def extract_many(
    texts: Iterable[TextLike],
    *,
    threads: int = 0,
    config: ConfigLike = None,
    ids: Optional[Iterable[str]] = None,
    errors: str = "raise",
) -> list[Any]:
    """Extraction of many texts on `threads` threads (0: one per core), in
    input order; ids default to the positions ("0", "1", ...). A text that
    fails raises (``errors="raise"``) or leaves its quotelink.Error in its
    place (``errors="return"``); see Extractor.extract_many."""
    return _extractor_for(config).extract_many(texts, threads=threads, ids=ids, errors=errors)  # type: ignore[call-overload]
