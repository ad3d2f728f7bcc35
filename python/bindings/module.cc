// The _core extension module: registers each binding area.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "quotelink/version.h"

PYBIND11_MODULE(_core, m) {
  m.doc() = "quotelink C++ core (use the quotelink package, not this module)";
  m.attr("__version__") = quotelink::version();
  quotelink::python::bind_errors(m);
  quotelink::python::bind_document(m);
  quotelink::python::bind_extractor(m);
  quotelink::python::bind_corpus(m);
  quotelink::python::bind_stream(m);
  quotelink::python::bind_model(m);
  quotelink::python::bind_tagger(m);
}
