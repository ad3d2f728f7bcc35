"""Many documents linked: one speaker across outlets, one quotation across outlets.

>>> import quotelink as ql
>>> corpus = ql.Corpus.from_files(["examples/articles/002.txt"])  # doctest: +SKIP
>>> [s.name for s in corpus.speakers]                               # doctest: +SKIP

:attr:`Corpus.speakers` are the global entities that some quotation is
attributed to; :attr:`Corpus.entities` are all of them, speakers or not (a
mention such as "the resolution" makes an entity that may never speak).

Linking is incremental: :meth:`Corpus.add` folds one document into the global
entities and quotation clusters and keeps only its quotation records, never
its text. :func:`link_keys` computes a document's linking keys on its own (in
another thread, process or machine); :meth:`Corpus.add_keys` folds such keys in,
giving the same result as :meth:`Corpus.add` when keys arrive in the same order.
"""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

from . import _core
from ._document import RECORD_FIELDS, Document, records_frame
from ._extractor import Extractor

# The JSONL record of a linked quotation: the document record, with `speaker`
# the global canonical name, plus the global entity and cluster ids.
LINKED_FIELDS = RECORD_FIELDS + ("entity", "cluster")

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Speaker:
    """A global entity across the corpus: a speaker when ``quotes`` > 0."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    documents: tuple[str, ...]
    mentions: int
    quotes: int
    key: str = ""


@dataclass(frozen=True)
class QuoteCluster:
    """The same quotation in several documents."""

    id: int
    text: str
    quotes: tuple[tuple[str, int], ...]  # (document id, quotation index)
    documents: tuple[str, ...]


def link_keys(
    doc: Document,
    *,
    shingle_words: int = 3,
    min_contained_words: int = 5,
    language: str = "en",
    extra_titles: Sequence[str] = (),
) -> bytes:
    """The linking keys of one document, as bytes (picklable, small, no text).
    ``language`` and ``extra_titles`` are those of the Config that extracted
    it: its titles are left out of person keys."""
    return _core.link_keys(doc, shingle_words, min_contained_words, language, list(extra_titles))


class LinkStream:
    """Links a stream of documents in bounded memory (``quotelink extract
    --link``): each document's records get their global speaker, entity and
    cluster at once, and only what later documents can link to is kept
    (linkable names and the quotation index; entities that can never be
    linked, such as roles and pronouns, only advance a counter). The records
    are those :meth:`Corpus.link` gives for the same documents in the same
    order, but there is no summary (speakers, clusters) afterwards."""

    def __init__(
        self,
        *,
        shingle_words: int = 3,
        min_contained_words: int = 5,
        language: str = "en",
        extra_titles: Sequence[str] = (),
    ) -> None:
        self._core = _core.LinkStream(shingle_words, min_contained_words, language, list(extra_titles))

    def link(self, doc: Document) -> list[dict[str, Any]]:
        """Links one document and returns its linked records (LINKED_FIELDS)."""
        core = doc._fresh_core()
        entities, names, clusters = self._core.add(core if core is not None else doc)
        records = doc.records()
        for record, entity, name, cluster in zip(records, entities, names, clusters):
            record["speaker"] = name
            record["entity"] = entity
            record["cluster"] = cluster
        return records

    def link_text(self, doc: Document, format: str = "jsonl") -> str:
        """Links one document and returns its linked records as JSON Lines
        (``format="jsonl"``) or CSV rows (``"csv"``, no header; fields
        LINKED_FIELDS), serialised in C++: the text ``json.dumps`` (or
        ``csv``) gives for :meth:`link`'s records, without building them."""
        core = doc._fresh_core()
        return str(self._core.link_text(core if core is not None else doc, format))

    def _link_item(self, item: Any, format: str) -> str:
        # A Stream result of output "link_keys": keys made on its worker.
        return str(self._core.serialise(item, format))

    @property
    def held_bytes(self) -> int:
        """Heap bytes held for linking later documents (linking keys and
        names, the quotation index)."""
        return int(self._core.held_bytes)

    def __len__(self) -> int:
        return int(self._core.documents)

    def __repr__(self) -> str:
        return (
            f"<quotelink.LinkStream: {len(self)} documents, {self._core.entities} entity ids, "
            f"{self._core.linked_entities} linkable names kept>"
        )


class Corpus:
    """Documents whose speakers and quotations are linked across documents."""

    def __init__(
        self,
        documents: Iterable[Document] = (),
        *,
        shingle_words: int = 3,
        min_contained_words: int = 5,
        keep_records: bool = True,
        language: str = "en",
        extra_titles: Sequence[str] = (),
    ) -> None:
        # language and extra_titles: those of the Config that extracted the
        # documents, whose titles are left out of person keys.
        self._core = _core.Corpus(shingle_words, min_contained_words, language, list(extra_titles))
        # Without records (a stream: see link()), memory holds only the
        # entities, the clusters and a few ids per document.
        self._keep_records = keep_records
        self._records: list[list[dict[str, Any]]] = []
        self._speakers: list[list[Optional[int]]] = []
        for doc in documents:
            self.add(doc)

    @classmethod
    def from_files(
        cls,
        paths: Iterable[PathLike],
        *,
        extractor: Optional[Extractor] = None,
        threads: int = 0,
        **options: int,
    ) -> "Corpus":
        """Extracts and links text files (directories: their *.txt, sorted)."""
        names: list[str] = []
        for path in paths:
            path = os.fspath(path)
            if os.path.isdir(path):
                for root, dirs, files in os.walk(path):
                    dirs.sort()
                    names += [os.path.join(root, f) for f in sorted(files) if f.endswith(".txt")]
            else:
                names.append(path)
        texts = []
        for name in names:
            try:
                with open(name, "rb") as handle:
                    texts.append(handle.read())
            except OSError as exc:
                raise _core.Error(f"{name}: cannot read: {exc.strerror or exc}") from exc
        return cls.from_texts(texts, ids=names, extractor=extractor, threads=threads, **options)

    @classmethod
    def from_texts(
        cls,
        texts: Sequence[Union[str, bytes]],
        *,
        ids: Optional[Sequence[str]] = None,
        extractor: Optional[Extractor] = None,
        threads: int = 0,
        **options: int,
    ) -> "Corpus":
        """Extracts and links texts (ids default to their positions)."""
        extractor = extractor if extractor is not None else Extractor()
        names = list(ids) if ids is not None else [str(i) for i in range(len(texts))]
        if len(names) != len(texts):
            raise _core.Error(f"{len(texts)} texts but {len(names)} ids")
        config = extractor.config
        return cls(
            extractor.extract_many(texts, threads=threads, ids=names),
            language=config.language,
            extra_titles=config.extra_titles,
            **options,
        )

    def add(self, doc: Document) -> int:
        """Links one document; returns its index in the corpus."""
        index = int(self._core.add(doc))
        self._keep(doc)
        return index

    def add_keys(
        self, keys: bytes, doc: Optional[Document] = None, *, speaker_ids: Optional[Sequence[Optional[int]]] = None
    ) -> int:
        """Links keys from :func:`link_keys`; `doc` (optional) gives the records.

        Without `doc`, `speaker_ids` (each quotation's in-document speaker id,
        ``[q.speaker_id for q in doc.quotes]``) still lets :attr:`speakers`
        count quotations, for documents extracted elsewhere (quotelink.dask).
        """
        index = int(self._core.add_keys(keys))
        if doc is not None:
            self._keep(doc)
        else:
            self._records.append([])
            self._speakers.append(list(speaker_ids) if speaker_ids is not None else [])
        return index

    def _keep(self, doc: Document) -> None:
        self._records.append(doc.records() if self._keep_records else [])
        # Speaker ids are a few small ints: kept even in a stream, so that
        # `speakers` counts quotations.
        self._speakers.append([q.speaker_id for q in doc.quotes])

    def link(self, doc: Document) -> list[dict[str, Any]]:
        """Links one document and returns its linked records at once (for a
        stream). Entity ids never change; the speaker name and the cluster id
        are those known now (a later document can make another spelling the
        most frequent, or bridge two clusters)."""
        index = self.add(doc)
        names: dict[int, str] = {}
        out = []
        for quote, record in enumerate(doc.records()):
            linked = dict(record)
            entity = self.entity_id(index, doc.quotes[quote].speaker_id)
            if entity is not None and entity not in names:
                names[entity] = self._core.entity_name(entity)
            linked["speaker"] = names[entity] if entity is not None else None
            linked["entity"] = entity
            linked["cluster"] = self.cluster_id(index, quote)
            out.append(linked)
        return out

    def __len__(self) -> int:
        return len(self._core)

    @property
    def documents(self) -> list[str]:
        """The document ids, in input order."""
        return [self._core.document_id(i) for i in range(len(self))]

    def entity_id(self, document: int, entity: Optional[int]) -> Optional[int]:
        """Global entity id of a document's entity (None for None)."""
        if entity is None:
            return None
        return int(self._core.entity_id(document, entity))

    def cluster_id(self, document: int, quote: int) -> int:
        """Cluster id of a document's quotation."""
        return int(self._core.cluster_id(document, quote))

    @property
    def entities(self) -> list[Speaker]:
        """Every global entity, by id (``entities[i].id == i``), with the
        documents it appears in; ``quotes`` is 0 for those never quoted."""
        quotes = [0] * len(self._core.entity_records())
        for document, speakers in enumerate(self._speakers):
            for local in speakers:
                if local is not None:
                    quotes[self._core.entity_id(document, local)] += 1
        ids = self.documents
        out = []
        for r in self._core.entity_records():
            docs = tuple(dict.fromkeys(ids[d] for d, _, _ in r["occurrences"]))
            out.append(
                Speaker(
                    id=r["id"],
                    name=r["name"],
                    type=r["type"],
                    aliases=tuple(r["aliases"]),
                    documents=docs,
                    mentions=sum(m for _, _, m in r["occurrences"]),
                    quotes=quotes[r["id"]],
                    key=r["key"],
                )
            )
        return out

    @property
    def speakers(self) -> list[Speaker]:
        """The global entities with at least one quotation, by id."""
        return [entity for entity in self.entities if entity.quotes]

    def clusters(self, min_documents: int = 1) -> list[QuoteCluster]:
        """Quotation clusters found in at least `min_documents` documents."""
        ids = self.documents
        return [
            QuoteCluster(
                id=r["id"],
                text=r["text"],
                quotes=tuple((ids[d], q) for d, q in r["quotes"]),
                documents=tuple(dict.fromkeys(ids[d] for d, _ in r["quotes"])),
            )
            for r in self._core.cluster_records(min_documents)
        ]

    @property
    def quote_clusters(self) -> list[QuoteCluster]:
        """The quotations reported by two documents or more."""
        return self.clusters(min_documents=2)

    def records(self) -> Iterator[dict[str, Any]]:
        """The linked JSONL records: global `speaker`, `entity` and `cluster`."""
        names = [r["name"] for r in self._core.entity_records()]
        for document, records in enumerate(self._records):
            for quote, (record, local) in enumerate(zip(records, self._speakers[document])):
                linked = dict(record)
                entity = self.entity_id(document, local)
                linked["speaker"] = names[entity] if entity is not None else None
                linked["entity"] = entity
                linked["cluster"] = self.cluster_id(document, quote)
                yield linked

    def to_jsonl(self, **kwargs: Any) -> str:
        """The linked records as JSON Lines (json.dumps keyword arguments)."""
        kwargs.setdefault("ensure_ascii", False)
        return "".join(json.dumps(r, **kwargs) + "\n" for r in self.records())

    def to_json(self, **kwargs: Any) -> str:
        """Deprecated name of :meth:`to_jsonl`, which it calls."""
        warnings.warn(
            "Corpus.to_json() is now Corpus.to_jsonl() (it writes JSON Lines); to_json() will go",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.to_jsonl(**kwargs)

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per quotation, with linked columns
        (``entity`` and the mention offsets are nullable Int64)."""
        return records_frame(list(self.records()), LINKED_FIELDS)

    def __repr__(self) -> str:
        entities = self.entities
        speakers = sum(1 for e in entities if e.quotes)
        return (
            f"<quotelink.Corpus: {len(self)} documents, {speakers} speakers "
            f"(of {len(entities)} entities), {len(self.quote_clusters)} shared quotations>"
        )
