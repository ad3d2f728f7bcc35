// Document and its parts. Offsets handed to Python are code points of the
// document text, so that text[q.start:q.end] == q.text holds in Python.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings.h"
#include "quotelink/document.h"
#include "quotelink/json.h"

namespace py = pybind11;

namespace quotelink::python {

namespace {

py::object code_points(const Document& doc, const Span& span) {
  return py::make_tuple(doc.code_point_offset(span.begin),
                        doc.code_point_offset(span.end));
}

py::object optional_int(int index) {
  return index >= 0 ? py::object(py::int_(index)) : py::object(py::none());
}

template <typename T>
py::object optional_value(const std::optional<T>& value) {
  return value ? py::cast(*value) : py::object(py::none());
}

// Sets the JSONL record's fields except "doc", in record order.
void put_record(py::dict& r, const QuoteRecord& record) {
  r["text"] = record.text;
  r["start"] = record.start;
  r["end"] = record.end;
  r["kind"] = record.kind;
  r["speaker"] = optional_value(record.speaker);
  r["speaker_type"] = optional_value(record.speaker_type);
  r["mention"] = optional_value(record.mention);
  r["mention_start"] = optional_value(record.mention_start);
  r["mention_end"] = optional_value(record.mention_end);
  r["cue"] = optional_value(record.cue);
  r["sieve"] = record.sieve;
  r["confidence"] = record.confidence;
  r["id"] = optional_value(record.id);
  r["parent"] = optional_value(record.parent);
}

// The fields of quotelink.Quote, so that Python installs the dict as the
// object's __dict__ without further work.
py::dict quote_fields(const Document& doc, const Quote& q) {
  QuoteRecord record = quote_record(doc, q);
  py::dict r;
  put_record(r, record);
  r["speaker_id"] = record.speaker ? optional_int(q.speaker) : py::none();
  r["paragraph"] = q.paragraph;
  r["sentence"] = q.sentence;
  r["outer_start"] = doc.code_point_offset(q.outer.begin);
  r["outer_end"] = doc.code_point_offset(q.outer.end);
  if (q.has_cue()) {
    r["cue_start"] = doc.code_point_offset(q.cue.begin);
    r["cue_end"] = doc.code_point_offset(q.cue.end);
  } else {
    r["cue_start"] = py::none();
    r["cue_end"] = py::none();
  }
  py::tuple parts(q.quoted_parts.size());
  for (std::size_t i = 0; i < q.quoted_parts.size(); ++i)
    parts[i] = code_points(doc, q.quoted_parts[i]);
  r["quoted_parts"] = parts;
  r["multi_paragraph"] = q.multi_paragraph;
  r["repaired"] = q.repaired;
  r["headline"] = q.headline;
  return r;
}

// One JSONL record (RECORD_FIELDS of _document.py) as a dict.
py::dict record_dict(const Document& doc, const Quote& q) {
  py::dict r;
  r["doc"] = doc.id;
  put_record(r, quote_record(doc, q));
  return r;
}

// One dict per quotation of `doc`, made by `make`.
py::list per_quote(const Document& doc,
                   py::dict (*make)(const Document&, const Quote&)) {
  py::list out;
  for (const Quote& q : doc.quotes) out.append(make(doc, q));
  return out;
}

// The records of `doc` written by `write` with the GIL released.
py::str serialise(const Document& doc,
                  std::string (*write)(const Document&, std::string_view)) {
  // The id is copied first: another thread may assign it meanwhile.
  std::string id = doc.id, out;
  {
    py::gil_scoped_release release;
    out = write(doc, id);
  }
  return py::str(out);
}

// The JSONL records of many documents as columns (one list per field), for
// building a DataFrame without a dict per row.
py::dict record_columns(const std::vector<const Document*>& docs) {
  std::size_t rows = 0;
  for (const Document* doc : docs) rows += doc->quotes.size();
  constexpr int kFields = 15;
  static const char* const names[kFields] = {
      "doc",           "text",        "start",        "end",
      "kind",          "speaker",     "speaker_type", "mention",
      "mention_start", "mention_end", "cue",          "sieve",
      "confidence",    "id",          "parent"};
  std::vector<py::list> columns;
  for (int f = 0; f < kFields; ++f) columns.emplace_back(rows);
  std::size_t row = 0;
  for (const Document* doc : docs) {
    py::str id(doc->id);
    for (const Quote& q : doc->quotes) {
      QuoteRecord r = quote_record(*doc, q);
      py::object values[kFields] = {id,
                                    py::str(r.text.data(), r.text.size()),
                                    py::int_(r.start),
                                    py::int_(r.end),
                                    py::str(r.kind),
                                    optional_value(r.speaker),
                                    optional_value(r.speaker_type),
                                    optional_value(r.mention),
                                    optional_value(r.mention_start),
                                    optional_value(r.mention_end),
                                    optional_value(r.cue),
                                    py::str(r.sieve.data(), r.sieve.size()),
                                    py::float_(r.confidence),
                                    optional_value(r.id),
                                    optional_value(r.parent)};
      for (int f = 0; f < kFields; ++f) columns[f][row] = std::move(values[f]);
      ++row;
    }
  }
  py::dict out;
  for (int f = 0; f < kFields; ++f) out[names[f]] = std::move(columns[f]);
  return out;
}

}  // namespace

void bind_document(py::module_& m) {
  m.def("record_columns", &record_columns, py::arg("docs"),
        "The JSONL records of `docs` as a dict of columns (lists), by field.");
  py::class_<Document>(m, "Document",
                       "Raw extraction result; quotelink.Document wraps it.")
      .def_readwrite("id", &Document::id)
      .def(
          "text", [](const Document& doc) { return py::str(doc.text); },
          "The UTF-8 text that offsets refer to, as str.")
      .def_readonly("replaced_invalid_bytes", &Document::replaced_invalid_bytes)
      .def("code_point_offset", &Document::code_point_offset, py::arg("byte"),
           "Code-point offset of a byte offset of the UTF-8 text.")
      .def(
          "quote_fields",
          [](const Document& doc) { return per_quote(doc, quote_fields); },
          "The quotations as dicts of quotelink.Quote's fields.")
      .def(
          "mention_fields",
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
          "The speaker mentions as dicts of quotelink.Mention's fields.")
      .def(
          "entity_fields",
          [](const Document& doc) {
            py::list out;
            for (std::size_t i = 0; i < doc.entities.size(); ++i) {
              const Entity& entity = doc.entities[i];
              py::dict r;
              r["id"] = i;
              r["name"] = entity.name;
              r["type"] = to_string(entity.type);
              r["mention_ids"] = py::tuple(py::cast(entity.mentions));
              out.append(r);
            }
            return out;
          },
          "The speaker entities as dicts of quotelink.Entity's fields.")
      .def(
          "records",
          [](const Document& doc) { return per_quote(doc, record_dict); },
          "The JSONL records (docs/design.md) as dicts; doc is the id.")
      .def(
          "to_jsonl",
          [](const Document& doc) { return serialise(doc, to_jsonl); },
          "The JSONL records as text, one line per quotation.")
      .def(
          "to_csv", [](const Document& doc) { return serialise(doc, to_csv); },
          "The records as CSV rows (no header), as Python's csv writes them.")
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
