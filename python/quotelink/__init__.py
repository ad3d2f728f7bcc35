"""quotelink: quotations in news text, linked to their speakers.

>>> import quotelink as ql
>>> doc = ql.extract('"It is counter-productive," Sergei Lavrov said.')
>>> [(q.speaker, q.text) for q in doc.quotes]  # doctest: +SKIP
[('Sergei Lavrov', 'It is counter-productive,')]
"""

from __future__ import annotations

try:
    from . import _core
except ImportError as exc:
    from ._import_error import explain

    raise ImportError(explain(exc)) from exc

from ._config import Config, rule_names
from ._document import Document, Entity, Mention, Quote
from ._extractor import Extractor, extract, extract_many
from .corpus import Corpus
from . import _pickling  # noqa: F401 - makes the core Config picklable
from .stream import stream

Error = _core.Error
__version__: str = _core.__version__

__all__ = [
    "Config",
    "Corpus",
    "Document",
    "Entity",
    "Error",
    "Extractor",
    "Mention",
    "Quote",
    "__version__",
    "extract",
    "extract_many",
    "rule_names",
    "stream",
]
