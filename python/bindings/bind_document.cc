// Document and its parts. Offsets handed to Python are code points of the
// document text, so that text[q.start:q.end] == q.text holds in Python.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <string_view>
#include <unordered_map>
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

// `name` as the interpreter's interned string: every record's dict refers to
// the one key object (a fresh key string per field per record was ~1.4 KB a
// quotation). Only for field names and fixed vocabularies (kinds, types):
// interned strings may live as long as the interpreter.
py::str interned(std::string_view name) {
  PyObject* text = PyUnicode_FromStringAndSize(
      name.data(), static_cast<Py_ssize_t>(name.size()));
  if (!text) throw py::error_already_set();
  PyUnicode_InternInPlace(&text);
  return py::reinterpret_steal<py::str>(text);
}

// One str object per distinct text among the records of one call (speaker
// names, cue words, mention words repeat from record to record).
class SharedStrings {
 public:
  py::object get(std::string_view text) {
    auto found = strings_.find(text);
    if (found != strings_.end()) return found->second;
    py::str made(text.data(), text.size());
    strings_.emplace(text, made);
    return std::move(made);
  }
  py::object get_optional(const std::optional<std::string_view>& text) {
    return text ? get(*text) : py::object(py::none());
  }

 private:
  // The views point into the Document, which outlives the call.
  std::unordered_map<std::string_view, py::object> strings_;
};

template <typename T>
py::object optional_value(const std::optional<T>& value) {
  return value ? py::cast(*value) : py::object(py::none());
}

// Sets the JSONL record's fields except "doc", in record order.
void put_record(py::dict& r, const QuoteRecord& record, SharedStrings& shared) {
  r[interned("text")] = record.text;
  r[interned("start")] = record.start;
  r[interned("end")] = record.end;
  r[interned("kind")] = interned(record.kind);
  r[interned("speaker")] = shared.get_optional(record.speaker);
  r[interned("speaker_type")] = record.speaker_type
                                    ? py::object(interned(*record.speaker_type))
                                    : py::object(py::none());
  r[interned("mention")] = shared.get_optional(record.mention);
  r[interned("mention_start")] = optional_value(record.mention_start);
  r[interned("mention_end")] = optional_value(record.mention_end);
  r[interned("cue")] = shared.get_optional(record.cue);
  r[interned("sieve")] = interned(record.sieve);  // a rule's label
  r[interned("confidence")] = record.confidence;
  r[interned("id")] = optional_value(record.id);
  r[interned("parent")] = optional_value(record.parent);
}

// The fields of quotelink.Quote, all of them, which Python puts in the
// object's slots (_document.py, _frozen) without further work.
py::dict quote_fields(const Document& doc, const Quote& q,
                      SharedStrings& shared) {
  QuoteRecord record = quote_record(doc, q);
  py::dict r;
  put_record(r, record, shared);
  r[interned("speaker_id")] =
      record.speaker ? optional_int(q.speaker) : py::none();
  r[interned("paragraph")] = q.paragraph;
  r[interned("sentence")] = q.sentence;
  r[interned("outer_start")] = doc.code_point_offset(q.outer.begin);
  r[interned("outer_end")] = doc.code_point_offset(q.outer.end);
  if (q.has_cue()) {
    r[interned("cue_start")] = doc.code_point_offset(q.cue.begin);
    r[interned("cue_end")] = doc.code_point_offset(q.cue.end);
  } else {
    r[interned("cue_start")] = py::none();
    r[interned("cue_end")] = py::none();
  }
  py::tuple parts(q.quoted_parts.size());
  for (std::size_t i = 0; i < q.quoted_parts.size(); ++i)
    parts[i] = code_points(doc, q.quoted_parts[i]);
  r[interned("quoted_parts")] = parts;
  r[interned("multi_paragraph")] = q.multi_paragraph;
  r[interned("repaired")] = q.repaired;
  r[interned("headline")] = q.headline;
  return r;
}

// One JSONL record (RECORD_FIELDS of _document.py) as a dict.
py::dict record_dict(const Document& doc, const Quote& q,
                     SharedStrings& shared) {
  py::dict r;
  r[interned("doc")] = shared.get(doc.id);
  put_record(r, quote_record(doc, q), shared);
  return r;
}

// One dict per quotation of `doc`, made by `make`.
py::list per_quote(const Document& doc,
                   py::dict (*make)(const Document&, const Quote&,
                                    SharedStrings&)) {
  SharedStrings shared;
  py::list out(doc.quotes.size());
  for (std::size_t i = 0; i < doc.quotes.size(); ++i)
    out[i] = make(doc, doc.quotes[i], shared);
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
  SharedStrings shared;  // views into `docs`, which outlive the call
  for (const Document* doc : docs) {
    py::str id(doc->id);
    for (const Quote& q : doc->quotes) {
      QuoteRecord r = quote_record(*doc, q);
      py::object values[kFields] = {id,
                                    py::str(r.text.data(), r.text.size()),
                                    py::int_(r.start),
                                    py::int_(r.end),
                                    interned(r.kind),
                                    shared.get_optional(r.speaker),
                                    shared.get_optional(r.speaker_type),
                                    shared.get_optional(r.mention),
                                    optional_value(r.mention_start),
                                    optional_value(r.mention_end),
                                    shared.get_optional(r.cue),
                                    interned(r.sieve),
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
            SharedStrings shared;
            py::list out(doc.mentions.size());
            for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
              const Mention& mention = doc.mentions[i];
              py::dict r;
              r[interned("text")] = shared.get(doc.slice(mention.span));
              r[interned("start")] = doc.code_point_offset(mention.span.begin);
              r[interned("end")] = doc.code_point_offset(mention.span.end);
              r[interned("kind")] = interned(to_string(mention.kind));
              r[interned("entity_id")] = mention.entity;
              r[interned("head")] = shared.get(mention.head);
              out[i] = std::move(r);
            }
            return out;
          },
          "The speaker mentions as dicts of quotelink.Mention's fields.")
      .def(
          "entity_fields",
          [](const Document& doc) {
            py::list out(doc.entities.size());
            for (std::size_t i = 0; i < doc.entities.size(); ++i) {
              const Entity& entity = doc.entities[i];
              py::dict r;
              r[interned("id")] = i;
              r[interned("name")] = entity.name;
              r[interned("type")] = interned(to_string(entity.type));
              r[interned("mention_ids")] = py::tuple(py::cast(entity.mentions));
              out[i] = std::move(r);
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
