"""Quotation extraction on Dask: the same results as one machine, on many.

Needs the optional extra: ``pip install quotelink[dask]``.

>>> import dask.bag as db, quotelink.dask as qd            # doctest: +SKIP
>>> bag = db.read_text("news-*.jsonl").map(json.loads)     # doctest: +SKIP
>>> quotes = qd.extract_bag(bag)                           # doctest: +SKIP
>>> quotes.groupby("speaker").size().compute()             # doctest: +SKIP

The extractor's Config travels with the task graph (it pickles); each worker
process builds one Extractor per distinct configuration and reuses it.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from ._import_error import missing_module

try:
    import dask
    import dask.bag
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:
    _missing = missing_module(exc)
    raise ImportError(
        f"quotelink.dask cannot import {_missing or 'its dependencies'} ({exc}); "
        "it needs Dask with its dataframe extra (pandas, pyarrow): pip install 'quotelink[dask]'"
        + (f" or pip install {_missing}" if _missing else "")
    ) from exc

from . import _core
from ._document import RECORD_FIELDS, Document
from ._extractor import Config, Extractor, _decode, _encode
from ._pickling import config_state
from .corpus import LINKED_FIELDS, Corpus, link_keys

Error = _core.Error

# Column dtypes of the quotation DataFrame: the JSONL record (docs/design.md).
# Nullable types, because a quotation without a speaker has no speaker fields.
_STRING = pd.StringDtype()
_DTYPES: dict[str, Any] = {
    "doc": _STRING,
    "text": _STRING,
    "start": "int64",
    "end": "int64",
    "kind": _STRING,
    "speaker": _STRING,
    "speaker_type": _STRING,
    "mention": _STRING,
    "mention_start": "Int64",
    "mention_end": "Int64",
    "cue": _STRING,
    "sieve": _STRING,
    "confidence": "float64",
    "id": "Int64",
    "parent": "Int64",
}
assert tuple(_DTYPES) == RECORD_FIELDS, "keep _DTYPES in step with the JSONL record"

_ERRORS = ("raise", "skip")

# One Extractor per configuration per worker process (lexicons compile once).
_extractors: dict[str, Extractor] = {}
_extractors_lock = threading.Lock()


def _extractor_for(config: Config) -> Extractor:
    key = repr(sorted(config_state(config).items()))
    with _extractors_lock:
        extractor = _extractors.get(key)
        if extractor is None:
            extractor = _extractors[key] = Extractor(config)
        return extractor


def quotation_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """JSONL quotation records as a pandas DataFrame with the Dask dtypes."""
    # Column by column: building typed arrays directly is twice as fast as
    # an object DataFrame converted with astype().
    columns: dict[str, list[Any]] = {name: [] for name in _DTYPES}
    for record in records:
        for name, column in columns.items():
            column.append(record[name])
    return _frame(columns)


def _frame(columns: dict[str, list[Any]]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.array(columns[name], dtype=dtype) for name, dtype in _DTYPES.items()})


def _meta() -> pd.DataFrame:
    return quotation_frame([])


def _is_missing(text: Any) -> bool:
    return text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text))


def _items(part: Any, columns: Optional[tuple[str, Optional[str]]]) -> Iterator[tuple[str, Any]]:
    """(id, text) pairs of a Bag partition (columns None) or a DataFrame one."""
    if columns is None:
        return map(_item_pair, part)
    text_column, id_column = columns
    ids = part.index if id_column is None else part[id_column]
    return ((str(doc_id), text) for doc_id, text in zip(ids, part[text_column]))


def _core_documents(
    part: Any, columns: Optional[tuple[str, Optional[str]]], config: Config, errors: str
) -> Iterator[tuple[Any, Any]]:
    """Runs on a worker: the C++ results of one partition, in order, each
    with the text it came from."""
    extractor = _extractor_for(config)
    for doc_id, text in _items(part, columns):
        try:
            if _is_missing(text):
                raise Error("text is missing")
            core = extractor._core.extract(_encode(text), doc_id)
        except Error as exc:
            if errors == "skip":
                continue
            wrapped = Error(f"document {doc_id!r}: {exc}")
            wrapped.byte_offset = getattr(exc, "byte_offset", None)
            raise wrapped from exc
        yield core, text


def _documents(part: Any, columns: Optional[tuple[str, Optional[str]]], config: Config, errors: str) -> Iterator[Document]:
    """Runs on a worker: the Documents of one partition, in order."""
    for core, text in _core_documents(part, columns, config, errors):
        yield Document._from_core(core, _decode(core, text))


def _extract_partition(part: Any, columns: Optional[tuple[str, Optional[str]]], config: Config, errors: str) -> pd.DataFrame:
    """Runs on a worker: one partition's quotation rows, built column by
    column from the C++ results (no Python object per quotation)."""
    return _frame(_core.record_columns([core for core, _ in _core_documents(part, columns, config, errors)]))


def _item_pair(item: Any) -> tuple[str, Any]:
    if isinstance(item, dict):
        try:
            return str(item["id"]), item["text"]
        except KeyError as exc:
            raise Error(f"bag items must have 'id' and 'text' keys, this one lacks {exc}") from None
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return str(item[0]), item[1]
    raise Error(f"bag items must be (id, text) pairs or {{'id', 'text'}} dicts, not {item!r:.80}")


def _check(config: Optional[Config], errors: str) -> Config:
    if errors not in _ERRORS:
        raise Error(f"errors must be one of {', '.join(_ERRORS)}, got {errors!r}")
    return config if config is not None else Config()


def extract_bag(bag: dask.bag.Bag, *, config: Optional[Config] = None, errors: str = "raise") -> dd.DataFrame:
    """Quotations of a Bag of documents, as a Dask DataFrame of JSONL records.

    Items are ``(id, text)`` pairs or ``{"id": ..., "text": ...}`` dicts (as
    ``db.read_text(...).map(json.loads)`` gives). Rows keep the input order
    within and across partitions. ``errors="raise"`` fails on the first text
    that cannot be extracted; ``"skip"`` leaves it out.
    """
    config = _check(config, errors)
    parts = [dask.delayed(_extract_partition)(part, None, config, errors) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=_meta(), verify_meta=False)


def extract_dataframe(
    ddf: dd.DataFrame,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    *,
    config: Optional[Config] = None,
    errors: str = "raise",
) -> dd.DataFrame:
    """Quotations of the documents of a Dask DataFrame, as JSONL records.

    Each row is one document: its text in ``text_column``, its id in
    ``id_column`` (None: the index). The result has one row per quotation
    with the columns of the JSONL record (docs/design.md).
    """
    config = _check(config, errors)
    columns = _columns(ddf, text_column, id_column)
    return ddf.map_partitions(_extract_partition, columns, config, errors, meta=_meta(), align_dataframes=False)


def _columns(ddf: dd.DataFrame, text_column: str, id_column: Optional[str]) -> tuple[str, Optional[str]]:
    missing = [c for c in (text_column, id_column) if c is not None and c not in ddf.columns]
    if missing:
        raise Error(f"the DataFrame has no column {missing[0]!r} (columns: {', '.join(map(str, ddf.columns))})")
    return text_column, id_column


# Linked rows: the JSONL record with the global speaker, entity and cluster.
_LINKED_DTYPES: dict[str, Any] = dict(_DTYPES, entity="Int64", cluster="int64")
assert tuple(_LINKED_DTYPES) == LINKED_FIELDS, "keep _LINKED_DTYPES in step with corpus.LINKED_FIELDS"


@dataclass
class Linked:
    """The result of corpus linking on Dask.

    ``corpus`` is the global reduce: a quotelink.Corpus whose speakers,
    clusters and ids equal those of ``quotelink.Corpus`` built on one machine
    from the same documents in the same order (it holds no quotation records:
    those are ``quotes``). ``quotes`` is a Dask DataFrame with one row per
    quotation, the columns of ``Corpus.to_pandas()``: the JSONL record with
    ``speaker`` the global name, plus the global ``entity`` and ``cluster``.
    The phase-one results stay in the cluster's memory while ``quotes`` is
    alive; write it out (``to_parquet``) for corpora larger than the cluster.
    """

    corpus: Corpus
    quotes: dd.DataFrame


def _keys_partition(
    part: Any, columns: Optional[tuple[str, Optional[str]]], config: Config, errors: str, link: dict[str, int]
) -> tuple[pd.DataFrame, list[tuple[bytes, list[Optional[int]]]]]:
    """Phase one, on a worker: quotation rows, and each document's linking
    keys with its quotations' in-document speaker ids."""
    records: list[dict[str, Any]] = []
    keys: list[tuple[bytes, list[Optional[int]]]] = []
    for doc in _documents(part, columns, config, errors):
        records.extend(doc.records())
        doc_keys = link_keys(doc, shingle_words=link["shingle_words"], min_contained_words=link["min_contained_words"])
        keys.append((doc_keys, [q.speaker_id for q in doc.quotes]))
    return quotation_frame(records), keys


def _attach_ids(frame: pd.DataFrame, speakers: list[Optional[str]], entities: list[Optional[int]], clusters: list[int]) -> pd.DataFrame:
    """Phase three, on a worker: the global ids joined to the rows of one partition."""
    linked = frame.copy()
    linked["speaker"] = pd.array(speakers, dtype=_LINKED_DTYPES["speaker"])
    linked["entity"] = pd.array(entities, dtype=_LINKED_DTYPES["entity"])
    linked["cluster"] = pd.array(clusters, dtype=_LINKED_DTYPES["cluster"])
    return linked


def _link(parts: list[Any], link: dict[str, int]) -> Linked:
    # Phase one runs once; its rows wait in the cluster for phase three.
    parts = list(dask.persist(*parts))
    corpus = _corpus(link)
    # Phase two, the global reduce: keys are folded in input order, one
    # partition at a time, so the client holds one partition's keys at once.
    per_partition: list[list[list[Optional[int]]]] = []
    for part in parts:
        (keys,) = dask.compute(part[1])
        for doc_keys, speaker_ids in keys:
            corpus.add_keys(doc_keys, speaker_ids=speaker_ids)
        per_partition.append([speaker_ids for _, speaker_ids in keys])
    # Cluster ids can merge while keys arrive: read every id after the fold.
    names = [entity.name for entity in corpus.entities]  # by global id
    frames = []
    document = 0
    for part, documents in zip(parts, per_partition):
        speakers: list[Optional[str]] = []
        entities: list[Optional[int]] = []
        clusters: list[int] = []
        for speaker_ids in documents:
            for quote, local in enumerate(speaker_ids):
                entity = corpus.entity_id(document, local)
                entities.append(entity)
                speakers.append(names[entity] if entity is not None else None)
                clusters.append(corpus.cluster_id(document, quote))
            document += 1
        frames.append(dask.delayed(_attach_ids)(part[0], speakers, entities, clusters))
    meta = pd.DataFrame({name: pd.array([], dtype=dtype) for name, dtype in _LINKED_DTYPES.items()})
    return Linked(corpus=corpus, quotes=dd.from_delayed(frames, meta=meta, verify_meta=False))


def _link_options(shingle_words: int, min_contained_words: int) -> dict[str, int]:
    link = {"shingle_words": shingle_words, "min_contained_words": min_contained_words}
    _corpus(link)  # bad options fail here, on the client, not on a worker
    return link


def _corpus(link: dict[str, int]) -> Corpus:
    return Corpus(shingle_words=link["shingle_words"], min_contained_words=link["min_contained_words"])


def link_bag(
    bag: dask.bag.Bag,
    *,
    config: Optional[Config] = None,
    errors: str = "raise",
    shingle_words: int = 3,
    min_contained_words: int = 5,
) -> Linked:
    """Extracts and links a Bag of documents in two phases (see :class:`Linked`).

    Phase one, on the workers: each document's quotations and linking keys.
    Phase two, on the client: the keys folded into a Corpus in input order,
    which assigns the global entity and cluster ids. Phase three, on the
    workers: the ids joined to the quotation rows. Items as in extract_bag;
    ``shingle_words`` and ``min_contained_words`` as in quotelink.Corpus.
    """
    config = _check(config, errors)
    link = _link_options(shingle_words, min_contained_words)
    return _link([dask.delayed(_keys_partition)(part, None, config, errors, link) for part in bag.to_delayed()], link)


def link_dataframe(
    ddf: dd.DataFrame,
    text_column: str = "text",
    id_column: Optional[str] = "id",
    *,
    config: Optional[Config] = None,
    errors: str = "raise",
    shingle_words: int = 3,
    min_contained_words: int = 5,
) -> Linked:
    """Extracts and links the documents of a Dask DataFrame, as link_bag does;
    columns as in extract_dataframe."""
    config = _check(config, errors)
    columns = _columns(ddf, text_column, id_column)
    link = _link_options(shingle_words, min_contained_words)
    parts = [dask.delayed(_keys_partition)(part, columns, config, errors, link) for part in ddf.to_delayed()]
    return _link(parts, link)


__all__ = ["Linked", "extract_bag", "extract_dataframe", "link_bag", "link_dataframe", "quotation_frame"]
