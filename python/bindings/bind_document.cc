// Document and its parts. Offsets handed to Python are code points of the
// document text, so that text[q.start:q.end] == q.text holds in Python.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.h"
#include "quotelink/document.h"

namespace py = pybind11;

namespace quotelink::python {

namespace {

py::object code_points(const Document& doc, const Span& span) {
  return py::make_tuple(doc.code_point_offset(span.begin),
                        doc.code_point_offset(span.end));
}

py::dict quote_record(const Document& doc, const Quote& q) {
  py::dict r;
  r["text"] = q.text;
  r["start"] = doc.code_point_offset(q.span.begin);
  r["end"] = doc.code_point_offset(q.span.end);
  r["outer_start"] = doc.code_point_offset(q.outer.begin);
  r["outer_end"] = doc.code_point_offset(q.outer.end);
  r["kind"] = to_string(q.kind);
  py::list parts;
  for (const Span& part : q.quoted_parts) parts.append(code_points(doc, part));
  r["quoted_parts"] = parts;
  r["speaker_id"] = q.speaker;
  r["mention_id"] = q.mention;
  r["cue"] = q.cue ? py::object(py::str(std::string(doc.slice(*q.cue))))
                   : py::object(py::none());
  r["cue_span"] = q.cue ? code_points(doc, *q.cue) : py::object(py::none());
  r["sieve"] = q.sieve;
  r["confidence"] = q.confidence;
  r["paragraph"] = q.paragraph;
  r["sentence"] = q.sentence;
  r["multi_paragraph"] = q.multi_paragraph;
  r["repaired"] = q.repaired;
  r["headline"] = q.headline;
  return r;
}

}  // namespace

void bind_document(py::module_& m) {
  py::class_<Document>(m, "Document",
                       "Raw extraction result; quotelink.Document wraps it.")
      .def_readonly("id", &Document::id)
      .def(
          "text", [](const Document& doc) { return py::str(doc.text); },
          "The UTF-8 text that offsets refer to, as str.")
      .def_readonly("replaced_invalid_bytes", &Document::replaced_invalid_bytes)
      .def("code_point_offset", &Document::code_point_offset, py::arg("byte"),
           "Code-point offset of a byte offset of the UTF-8 text.")
      .def(
          "quote_records",
          [](const Document& doc) {
            py::list out;
            for (const Quote& q : doc.quotes) out.append(quote_record(doc, q));
            return out;
          },
          "The quotations as dicts with code-point offsets.")
      .def(
          "mention_records",
          [](const Document& doc) {
            py::list out;
            for (const Mention& mention : doc.mentions) {
              py::dict r;
              r["text"] = std::string(doc.slice(mention.span));
              r["start"] = doc.code_point_offset(mention.span.begin);
              r["end"] = doc.code_point_offset(mention.span.end);
              r["kind"] = to_string(mention.kind);
              r["entity_id"] = mention.entity;
              r["head"] = mention.head;
              out.append(r);
            }
            return out;
          },
          "The speaker mentions as dicts with code-point offsets.")
      .def(
          "entity_records",
          [](const Document& doc) {
            py::list out;
            for (const Entity& entity : doc.entities) {
              py::dict r;
              r["name"] = entity.name;
              r["type"] = to_string(entity.type);
              r["mention_ids"] = entity.mentions;
              out.append(r);
            }
            return out;
          },
          "The speaker entities as dicts.")
      .def(
          "paragraph_records",
          [](const Document& doc) {
            py::list out;
            for (const Paragraph& p : doc.paragraphs) {
              py::dict r;
              r["start"] = doc.code_point_offset(p.span.begin);
              r["end"] = doc.code_point_offset(p.span.end);
              r["heading"] = p.heading;
              r["boilerplate"] = p.boilerplate;
              out.append(r);
            }
            return out;
          },
          "The paragraphs as dicts with code-point offsets.");
}

}  // namespace quotelink::python
