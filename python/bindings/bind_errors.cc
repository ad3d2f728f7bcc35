// quotelink::error -> quotelink.Error, a ValueError subclass that carries the
// byte offset of the problem (or None).
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "quotelink/error.h"

namespace py = pybind11;

namespace quotelink::python {

namespace {
// quotelink.Error; created once, owned by the module for its lifetime.
PyObject* error_type = nullptr;
}  // namespace

void bind_errors(py::module_& m) {
  // Created once per interpreter and kept alive by the module. The class
  // attribute makes byte_offset None on errors raised from Python code too.
  py::dict attributes;
  attributes["byte_offset"] = py::none();
  error_type = PyErr_NewExceptionWithDoc(
      "quotelink.Error",
      "Bad input or a bad option: invalid UTF-8, an unreadable file, a bad "
      "Config value, malformed data. A ValueError; byte_offset is where in "
      "the input the problem lies, or None.",
      PyExc_ValueError, attributes.ptr());
  m.add_object("Error", py::handle(error_type));
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const quotelink::error& e) {
      PyObject* value = PyObject_CallFunction(error_type, "s", e.what());
      if (value == nullptr) return;  // the call set its own exception
      py::object offset = e.byte_offset() == quotelink::error::npos
                              ? py::none()
                              : py::cast(e.byte_offset());
      PyObject_SetAttrString(value, "byte_offset", offset.ptr());
      PyErr_SetObject(error_type, value);
      Py_DECREF(value);
    }
  });
}

}  // namespace quotelink::python
