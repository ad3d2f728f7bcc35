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
from typing import Any, Iterable, Optional

try:
    import dask
    import dask.bag
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "quotelink.dask needs Dask and pandas: pip install 'quotelink[dask]'"
    ) from exc

from . import _core
from ._document import RECORD_FIELDS
from ._extractor import Config, Extractor
from ._pickling import config_state

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
    frame = pd.DataFrame(list(records), columns=list(RECORD_FIELDS))
    return frame.astype(_DTYPES)


def _meta() -> pd.DataFrame:
    return quotation_frame([])


def _is_missing(text: Any) -> bool:
    return text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text))


def _extract_items(items: Iterable[Any], config: Config, errors: str) -> pd.DataFrame:
    """Runs on a worker: one partition's (id, text) items -> quotation rows."""
    extractor = _extractor_for(config)
    records: list[dict[str, Any]] = []
    for item in items:
        doc_id, text = _item_pair(item)
        try:
            if _is_missing(text):
                raise Error(f"document {doc_id!r}: text is missing")
            records.extend(extractor.extract(text, id=doc_id).records())
        except Error as exc:
            if errors == "raise":
                wrapped = Error(f"document {doc_id!r}: {exc}")
                wrapped.byte_offset = getattr(exc, "byte_offset", None)
                raise wrapped from exc
    return quotation_frame(records)


def _item_pair(item: Any) -> tuple[str, Any]:
    if isinstance(item, dict):
        try:
            return str(item["id"]), item["text"]
        except KeyError as exc:
            raise Error(f"bag items must have 'id' and 'text' keys, this one lacks {exc}") from None
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return str(item[0]), item[1]
    raise Error(f"bag items must be (id, text) pairs or {{'id', 'text'}} dicts, not {item!r:.80}")


def _extract_frame(
    part: pd.DataFrame, text_column: str, id_column: Optional[str], config: Config, errors: str
) -> pd.DataFrame:
    ids = part.index if id_column is None else part[id_column]
    return _extract_items(zip(ids, part[text_column]), config, errors)


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
    parts = [dask.delayed(_extract_items)(part, config, errors) for part in bag.to_delayed()]
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
    missing = [c for c in (text_column, id_column) if c is not None and c not in ddf.columns]
    if missing:
        raise Error(f"the DataFrame has no column {missing[0]!r} (columns: {', '.join(map(str, ddf.columns))})")
    return ddf.map_partitions(
        _extract_frame, text_column, id_column, config, errors, meta=_meta(), align_dataframes=False
    )


__all__ = ["extract_bag", "extract_dataframe", "quotation_frame"]
