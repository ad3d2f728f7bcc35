// Registration functions, one per binding area (bind_*.cc).
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "quotelink/corpus.h"
#include "quotelink/document.h"

namespace quotelink::python {

/// The QuoteKind that to_string() names `name`; throws quotelink::error.
QuoteKind quote_kind(const std::string& name);

/// A document extracted by a Stream in link_keys mode, with its keys, for
/// LinkStream.serialise (the keys were made on the worker).
struct LinkItem {
  Document document;
  DocumentKeys keys;
};

/// Registers quotelink.Error and the translation of quotelink::error.
void bind_errors(pybind11::module_& m);
/// Registers Span-free data classes: Quote, Mention, Entity, Document.
void bind_document(pybind11::module_& m);
/// Registers Config and Extractor.
void bind_extractor(pybind11::module_& m);
/// Registers Corpus and link_keys.
void bind_corpus(pybind11::module_& m);
/// Registers Stream, the worker pool behind quotelink.stream().
void bind_stream(pybind11::module_& m);
/// Registers the learned layer's training hooks (quotelink.train).
void bind_model(pybind11::module_& m);
/// Registers the tagger's training hooks (quotelink.train).
void bind_tagger(pybind11::module_& m);

}  // namespace quotelink::python
