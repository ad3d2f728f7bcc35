"""Type stubs for quotelink._core, the compiled C++ core (hand-written).

Offsets in the *_fields() and records() dicts are code points of Document.text().
"""

from typing import Any

__version__: str

class Error(ValueError):
    """Bad input or a bad option; byte_offset is where in the input, if known."""

    byte_offset: int | None

class Config:
    replace_invalid_utf8: bool
    indirect: bool
    model: bool
    calibration: bool
    extra_cue_verbs: list[str]
    extra_titles: list[str]
    speaker_aliases: dict[str, str]
    min_confidence: float
    language: str
    disabled_rules: list[str]
    kinds: list[str]
    def __init__(self) -> None: ...

def _rule_names() -> list[str]: ...

class Document:
    id: str
    @property
    def replaced_invalid_bytes(self) -> int: ...
    def text(self) -> str: ...
    def code_point_offset(self, byte: int) -> int: ...
    def quote_fields(self) -> list[dict[str, Any]]: ...
    def mention_fields(self) -> list[dict[str, Any]]: ...
    def entity_fields(self) -> list[dict[str, Any]]: ...
    def paragraph_records(self) -> list[dict[str, Any]]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_jsonl(self) -> str: ...
    def to_csv(self) -> str: ...

def record_columns(docs: list[Document]) -> dict[str, list[Any]]:
    """The JSONL records of `docs` as a dict of columns (lists), by field."""

class Extractor:
    def __init__(self, config: Config = ...) -> None: ...
    @property
    def config(self) -> Config: ...
    def extract(self, text: bytes, id: str = "") -> Document: ...
    def extract_many(self, texts: list[bytes], threads: int = 0) -> list[Document]: ...

class Stream:
    """Worker pool behind quotelink.stream(); results come back in input order."""

    def __init__(
        self,
        extractor: Extractor,
        threads: int = 0,
        max_in_flight: int = 0,
        output: str = "document",
        shingle_words: int = 3,
        min_contained_words: int = 5,
    ) -> None: ...
    @property
    def threads(self) -> int: ...
    @property
    def max_in_flight(self) -> int: ...
    @property
    def output(self) -> str: ...
    def submit(self, id: str, text: bytes) -> None: ...
    def full(self) -> bool: ...
    def in_flight(self) -> int: ...
    def ready(self) -> bool: ...
    def wait(self, seconds: float) -> bool: ...
    def next(self) -> tuple[str, Any, str | None, int | None] | None: ...

def link_keys(
    doc: Any,
    shingle_words: int = 3,
    min_contained_words: int = 5,
    language: str = "en",
    extra_titles: list[str] = ...,
) -> bytes:
    """The linking keys of a document (core or quotelink.Document) as bytes."""

class LinkStream:
    """Linking in bounded memory; see quotelink.corpus.LinkStream."""

    def __init__(
        self,
        shingle_words: int = 3,
        min_contained_words: int = 5,
        language: str = "en",
        extra_titles: list[str] = ...,
    ) -> None: ...
    def add(self, doc: Any) -> tuple[list[int | None], list[str | None], list[int]]: ...
    def serialise(self, item: LinkItem, format: str) -> str: ...
    def link_text(self, doc: Any, format: str) -> str: ...
    @property
    def documents(self) -> int: ...
    @property
    def entities(self) -> int: ...
    @property
    def linked_entities(self) -> int: ...
    @property
    def indexed_postings(self) -> int: ...
    @property
    def held_bytes(self) -> int: ...

class LinkItem:
    """A document extracted by a Stream with output link_keys, with its linking keys."""

    @property
    def id(self) -> str: ...

class Corpus:
    """Documents linked across; see quotelink.Corpus."""

    def __init__(
        self,
        shingle_words: int = 3,
        min_contained_words: int = 5,
        language: str = "en",
        extra_titles: list[str] = ...,
    ) -> None: ...
    def __len__(self) -> int: ...
    def add(self, doc: Any) -> int: ...
    def add_keys(self, keys: bytes) -> int: ...
    def document_id(self, document: int) -> str: ...
    def entity_id(self, document: int, entity: int) -> int: ...
    def cluster_id(self, document: int, quote: int) -> int: ...
    def entity_name(self, id: int) -> str: ...
    def entity_records(self) -> list[dict[str, Any]]: ...
    def cluster_records(self, min_documents: int = 1) -> list[dict[str, Any]]: ...

# The learned layer's training hooks (quotelink.train). Feature lists are
# packed: uint32 little-endian hashes, and the count of each example's.
class _ReportExampleFinder:
    def __init__(self, tagger: bytes | None = None) -> None:
        """Features read the tags of tagger file bytes (None: the embedded tagger; b"": no tags)."""
    def examples(self, text: str) -> list[tuple[int, int, str, str, list[int]]]:
        """(start, end, kind, sieve, features) per record; code points."""
    def cue_examples(self, text: str) -> tuple[list[int], list[int], bytes, bytes]:
        """(starts, ends, features, lengths) of the cue candidates; packed."""
    def source_examples(self, text: str) -> list[tuple[int, int, int, int, bool, bool, list[int]]]:
        """(start, end, mention_start, mention_end, sourced, rules_choice, features) per candidate source."""
    def report_candidates(
        self, text: str
    ) -> tuple[list[int], list[int], list[int], list[int], bytes, bytes, list[int]]:
        """(cue_starts, cue_ends, starts, ends, features, lengths, word_features) of the candidate records."""
    def proposed_source_examples(
        self, text: str, chosen: list[int]
    ) -> list[tuple[int, int, int, int, bool, bool, list[int]]]:
        """source_examples' tuples for candidate records `chosen`, each made a record alone."""

# Calibration evidence of a record: (kind, rule, speaker, score or None, words).
_Evidence = tuple[str, str, str, float | None, int]

class _ModelRunner:
    def __init__(self, model: bytes | None, tagger: bytes | None = None) -> None:
        """The model reads the tags of tagger file bytes (None: the embedded tagger; b"": no tags)."""
    def extract(self, text: str, id: str = "") -> Document:
        """A Document, as Extractor's."""
    def extract_with_evidence(self, text: str, id: str = "") -> tuple[Document, list[_Evidence]]:
        """(Document, calibration evidence per record)."""

def _fit_calibration(
    evidence: list[_Evidence], right: list[bool], strength: float, score_buckets: int, word_buckets: int
) -> str:
    """The calibration table (file text) fitted on evidence and outcomes."""

def _calibrated(table: str, evidence: list[_Evidence]) -> list[float]:
    """The probability the table gives each evidence tuple."""

def _train_model(classifiers: list[tuple[str, bytes, bytes, bytes, float, int]], bits: int, epochs: int, seed: int) -> bytes:
    """Trains (name, features, lengths, labels, threshold, bits) classifiers (bits 0: `bits`); model bytes."""

def _model_scores(model: bytes, name: str, features: bytes, lengths: bytes) -> list[float]:
    """The scores of packed examples under classifier `name` of model bytes."""

def _model_info(model: bytes) -> list[tuple[str, int, float, int]]:
    """(name, bits, threshold, non-zero weights) per classifier."""

# The part-of-speech tagger's hooks: (text, begins, ends, PTB tags) per text,
# silver tokens in code points.
_SilverText = tuple[str, list[int], list[int], list[str]]

def _train_pos_tagger(texts: list[_SilverText], bits: int, epochs: int, seed: int) -> bytes:
    """The tagger file's bytes, trained on the silver tags."""

def _pos_agreement(tagger: bytes, texts: list[_SilverText]) -> tuple[int, int]:
    """(tokens tagged as the silver tags say, tokens with a silver tag)."""

def _pos_class_names() -> list[str]:
    """The tagger's classes, in class order."""

def _pos_class(ptb: str) -> int:
    """The class index of a Penn Treebank tag."""
