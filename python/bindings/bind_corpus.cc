// Corpus and the per-document linking keys. Python documents
// (quotelink.Document, code-point offsets) are rebuilt as C++ Documents here,
// so the Python layer can link documents it holds, received from other
// processes, or unpickled.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <climits>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bindings.h"
#include "quotelink/corpus.h"
#include "quotelink/error.h"
#include "quotelink/json.h"

namespace py = pybind11;

namespace quotelink::python {

namespace {

EntityType entity_type(const std::string& name) {
  for (EntityType t : {EntityType::person, EntityType::organisation,
                       EntityType::group, EntityType::unknown})
    if (name == to_string(t)) return t;
  throw error("unknown entity type '" + name + "'");
}

MentionKind mention_kind(const std::string& name) {
  for (MentionKind k :
       {MentionKind::name, MentionKind::role, MentionKind::organisation,
        MentionKind::place, MentionKind::document, MentionKind::pronoun})
    if (name == to_string(k)) return k;
  throw error("unknown mention kind '" + name + "'");
}

// The linked record formats LinkStream serialises: false for jsonl, true for
// csv; anything else is an error.
bool linked_format_is_csv(const std::string& format) {
  if (format == "jsonl") return false;
  if (format == "csv") return true;
  throw error("linked records are written as jsonl or csv, not '" + format +
              "'");
}

// Links `item` into `stream` and returns its linked records as CSV rows or
// JSON Lines. Needs no GIL.
std::string link_records(LinkStream& stream, const LinkItem& item, bool csv) {
  const LinkedDocument linked = stream.add_keys(item.keys);
  return csv ? to_linked_csv(item.document, item.document.id, linked)
             : to_linked_jsonl(item.document, item.document.id, linked);
}

// Byte offset of every code point boundary of `text` (size: code points + 1).
std::vector<std::size_t> code_point_bytes(const std::string& text) {
  std::vector<std::size_t> bytes;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      bytes.push_back(i);
  bytes.push_back(text.size());
  return bytes;
}

Span byte_span(const std::vector<std::size_t>& bytes, py::handle start,
               py::handle end, const char* what) {
  auto s = start.cast<long long>();
  auto e = end.cast<long long>();
  const auto n = static_cast<long long>(bytes.size());
  if (s < 0 || e < s || e >= n)
    throw error(std::string(what) + " offsets [" + std::to_string(s) + ", " +
                std::to_string(e) + ") lie outside the text");
  return Span{static_cast<std::uint32_t>(bytes[s]),
              static_cast<std::uint32_t>(bytes[e])};
}

// A C++ Document from the fields of a quotelink.Document: the parts linking
// reads (entities, mentions, quotations and their speakers).
Document from_python(const py::object& doc) {
  Document out;
  out.id = py::str(doc.attr("id"));
  out.text = py::str(doc.attr("text")).cast<std::string>();
  if (out.text.size() > static_cast<std::size_t>(INT32_MAX))
    throw error("the text of document '" + out.id + "' is larger than 2 GiB");
  const std::vector<std::size_t> bytes = code_point_bytes(out.text);
  for (py::handle m : doc.attr("mentions")) {
    Mention mention;
    mention.span = byte_span(bytes, m.attr("start"), m.attr("end"), "mention");
    mention.kind = mention_kind(py::str(m.attr("kind")));
    mention.entity = m.attr("entity_id").cast<int>();
    out.mentions.push_back(mention);
  }
  for (py::handle e : doc.attr("entities")) {
    Entity entity;
    entity.name = py::str(e.attr("name"));
    entity.type = entity_type(py::str(e.attr("type")));
    for (py::handle id : e.attr("mention_ids")) {
      entity.mentions.push_back(id.cast<int>());
    }
    out.entities.push_back(std::move(entity));
  }
  for (py::handle q : doc.attr("quotes")) {
    Quote quote;
    quote.span = byte_span(bytes, q.attr("start"), q.attr("end"), "quotation");
    quote.outer = quote.span;
    quote.kind = quote_kind(py::str(q.attr("kind")));
    // Mixed quotations cluster by their quoted words (corpus.cc).
    for (py::handle part : py::getattr(q, "quoted_parts", py::tuple())) {
      py::tuple range = py::reinterpret_borrow<py::tuple>(part);
      quote.quoted_parts.push_back(
          byte_span(bytes, range[0], range[1], "quoted part"));
    }
    py::object speaker = q.attr("speaker_id");
    quote.speaker = speaker.is_none() ? -1 : speaker.cast<int>();
    out.quotes.push_back(std::move(quote));
  }
  return out;
}

py::dict entity_record(const GlobalEntity& e) {
  py::dict r;
  r["id"] = e.id;
  r["name"] = e.name;
  r["type"] = to_string(e.type);
  r["key"] = e.key;
  r["aliases"] = e.aliases;
  py::list occurrences;
  for (const EntityOccurrence& o : e.occurrences)
    occurrences.append(py::make_tuple(o.document, o.entity, o.mentions));
  r["occurrences"] = occurrences;
  return r;
}

// A LinkStream or a Corpus of LinkOptions' fields, in order (the Python
// constructors' arguments).
template <typename Linker>
Linker make_linker(int shingle_words, int min_contained_words,
                   std::string language,
                   std::vector<std::string> extra_titles) {
  return Linker(LinkOptions{shingle_words, min_contained_words,
                            std::move(language), std::move(extra_titles)});
}

}  // namespace

QuoteKind quote_kind(const std::string& name) {
  for (QuoteKind k :
       {QuoteKind::direct, QuoteKind::partial, QuoteKind::indirect})
    if (name == to_string(k)) return k;
  throw error("unknown quotation kind '" + name + "'");
}

void bind_corpus(py::module_& m) {
  m.def(
      "link_keys",
      [](const py::object& doc, int shingle_words, int min_contained_words,
         std::string language, std::vector<std::string> extra_titles) {
        LinkOptions options{shingle_words, min_contained_words,
                            std::move(language), std::move(extra_titles)};
        Document d = py::isinstance<Document>(doc) ? doc.cast<Document>()
                                                   : from_python(doc);
        std::string bytes;
        {
          py::gil_scoped_release release;
          bytes = link_keys(d, options).serialize();
        }
        return py::bytes(bytes);
      },
      py::arg("doc"), py::arg("shingle_words") = 3,
      py::arg("min_contained_words") = 5, py::arg("language") = "en",
      py::arg("extra_titles") = std::vector<std::string>{},
      "The linking keys of a document (core or quotelink.Document) as bytes.");

  py::class_<LinkItem>(m, "LinkItem",
                       "A document extracted by a Stream with output "
                       "link_keys, with its linking keys.")
      .def_property_readonly(
          "id", [](const LinkItem& item) { return item.document.id; });

  py::class_<LinkStream>(m, "LinkStream",
                         "Linking in bounded memory; see quotelink.corpus.")
      .def(py::init(&make_linker<LinkStream>), py::arg("shingle_words") = 3,
           py::arg("min_contained_words") = 5, py::arg("language") = "en",
           py::arg("extra_titles") = std::vector<std::string>{})
      .def(
          "add",
          [](LinkStream& self, const py::object& doc) {
            DocumentKeys keys;
            if (py::isinstance<Document>(doc)) {
              const Document& core = doc.cast<const Document&>();
              py::gil_scoped_release release;
              keys = stream_keys(core, self.options());
            } else {
              Document rebuilt = from_python(doc);
              py::gil_scoped_release release;
              keys = stream_keys(rebuilt, self.options());
            }
            LinkedDocument linked = self.add_keys(keys);
            // Per quotation: its speaker's global id and name (None without
            // a speaker), and its cluster.
            py::list entities;
            py::list names;
            for (const QuoteKeys& q : keys.quotes) {
              if (q.entity < 0) {
                entities.append(py::none());
                names.append(py::none());
              } else {
                entities.append(linked.entities[q.entity]);
                names.append(linked.names[q.entity]);
              }
            }
            return py::make_tuple(entities, names, linked.clusters);
          },
          py::arg("doc"),
          "Links a core Document or a quotelink.Document; returns, per "
          "quotation, the global speaker ids, their names and the cluster "
          "ids.")
      .def(
          "serialise",
          [](LinkStream& self, const LinkItem& item,
             const std::string& format) {
            const bool csv = linked_format_is_csv(format);
            std::string out;
            {
              py::gil_scoped_release release;
              out = link_records(self, item, csv);
            }
            return py::str(out);
          },
          py::arg("item"), py::arg("format"),
          "Links a Stream's LinkItem and returns its linked records as JSON "
          "Lines or CSV rows (format jsonl or csv), made in C++.")
      .def(
          "link_text",
          [](LinkStream& self, const py::object& doc,
             const std::string& format) {
            const bool csv = linked_format_is_csv(format);
            LinkItem item;
            item.document = py::isinstance<Document>(doc)
                                ? doc.cast<const Document&>()
                                : from_python(doc);
            std::string out;
            {
              py::gil_scoped_release release;
              item.keys = stream_keys(item.document, self.options());
              out = link_records(self, item, csv);
            }
            return py::str(out);
          },
          py::arg("doc"), py::arg("format"),
          "Links a core Document or a quotelink.Document and returns its "
          "linked records as JSON Lines or CSV rows.")
      .def_property_readonly("documents", &LinkStream::documents)
      .def_property_readonly("entities", &LinkStream::entities)
      .def_property_readonly("linked_entities", &LinkStream::linked_entities)
      .def_property_readonly("indexed_postings", &LinkStream::indexed_postings)
      .def_property_readonly("held_bytes", &LinkStream::held_bytes);

  py::class_<Corpus>(m, "Corpus",
                     "Documents linked across; see quotelink.Corpus.")
      .def(py::init(&make_linker<Corpus>), py::arg("shingle_words") = 3,
           py::arg("min_contained_words") = 5, py::arg("language") = "en",
           py::arg("extra_titles") = std::vector<std::string>{})
      .def(
          "add",
          [](Corpus& self, const py::object& doc) {
            if (py::isinstance<Document>(doc))
              return self.add_document(doc.cast<const Document&>());
            return self.add_document(from_python(doc));
          },
          py::arg("doc"),
          "Links a core Document or a quotelink.Document; returns its index.")
      .def(
          "add_keys",
          [](Corpus& self, py::bytes keys) {
            return self.add_keys(DocumentKeys::deserialize(std::string(keys)));
          },
          py::arg("keys"), "Links keys from link_keys(); returns the index.")
      .def("__len__", &Corpus::size)
      .def("document_id", &Corpus::document_id, py::arg("document"))
      .def("entity_id", &Corpus::entity_id, py::arg("document"),
           py::arg("entity"))
      .def("cluster_id", &Corpus::cluster_id, py::arg("document"),
           py::arg("quote"))
      .def(
          "entity_name",
          [](const Corpus& self, int id) {
            if (id < 0 ||
                static_cast<std::size_t>(id) >= self.entities().size())
              throw error("no entity " + std::to_string(id));
            return self.entities()[id].name;
          },
          py::arg("id"), "The current canonical name of global entity `id`.")
      .def(
          "entity_records",
          [](const Corpus& self) {
            py::list out;
            for (const GlobalEntity& e : self.entities())
              out.append(entity_record(e));
            return out;
          },
          "Every global entity as a dict, by id.")
      .def(
          "cluster_records",
          [](const Corpus& self, std::size_t min_documents) {
            py::list out;
            for (const QuoteCluster& c : self.quote_clusters(min_documents)) {
              py::dict r;
              r["id"] = c.id;
              r["text"] = c.text;
              py::list quotes;
              for (const QuoteRef& q : c.quotes)
                quotes.append(py::make_tuple(q.document, q.quote));
              r["quotes"] = quotes;
              r["documents"] = c.document_count();
              out.append(r);
            }
            return out;
          },
          py::arg("min_documents") = 1,
          "Quotation clusters with at least min_documents documents, as "
          "dicts.");
}

}  // namespace quotelink::python
