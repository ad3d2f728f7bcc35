// libFuzzer target: cross-document linking of arbitrary document sets.
//
// The input is decoded into up to 12 well-formed Documents (speaker entities,
// mentions and quotations over name-like UTF-8 text), which are linked both
// directly and through serialized DocumentKeys; the two corpora must agree and
// every index they hand out must be in range. The raw input is also fed to
// DocumentKeys::deserialize, which must either throw quotelink::error or give
// keys that a Corpus accepts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "invariants.h"
#include "quotelink/corpus.h"
#include "quotelink/error.h"

namespace {

using quotelink::Corpus;
using quotelink::Document;

[[noreturn]] void fail(const std::string& problem) {
  std::fprintf(stderr, "quotelink corpus invariant broken: %s\n",
               problem.c_str());
  std::abort();
}

// Consumes the fuzz input byte by byte; zeros once it is exhausted.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool empty() const { return pos_ >= data_.size(); }
  unsigned byte() {
    return pos_ < data_.size() ? static_cast<unsigned char>(data_[pos_++]) : 0;
  }
  // A valid UTF-8 string of up to `max` pieces of name-like text, so that
  // short inputs reach names, titles, initials and other scripts.
  std::string text(unsigned max) {
    static const char* const kPieces[] = {
        "a",
        "e",
        "i",
        "o",
        "n",
        "s",
        "r",
        "l",
        "v",
        "y",
        " ",
        " ",
        " ",
        ".",
        "-",
        "'",
        ",",
        "\xE2\x80\x99",
        "Sergei",
        "Sergey",
        "Lavrov",
        "Kim",
        "Jong",
        "Un",
        "Mr.",
        "Foreign Minister",
        "the",
        "official",
        "ministry",
        "Moscow",
        "Russia's",
        "top",
        "diplomat",
        "he",
        "she",
        "they",
        "said",
        "\xD0\xA1\xD0\xB5\xD1\x80\xD0\xB3\xD0\xB5\xD0\xB9",  // Сергей
        "\xD0\x9B\xD0\xB0\xD0\xB2\xD1\x80\xD0\xBE\xD0\xB2",  // Лавров
        "\xC3\xA9",
        "\xC3\x9F",
        "\xE4\xB8\xAD",
        "\xF0\x9F\x98\x80",
        "\xCC\x81",
        "\xE2\x80\x8D",
        "\xC2\xA0",
        "\t",
        "\n",
        "\"",
        "\xE2\x80\x9C",
        "\xE2\x80\x9D",
        "0",
        "7",
        "A",
        "B",
        "J.",
        "R.",
        "Jr.",
        "van",
        "de",
        "al-",
        "O'",
        "Mc",
        "bin",
        "Xi",
        "Li",
        "Wang"};
    constexpr unsigned kCount = sizeof(kPieces) / sizeof(kPieces[0]);
    std::string out;
    const unsigned n = byte() % (max + 1);
    for (unsigned i = 0; i < n && !empty(); ++i)
      out += kPieces[byte() % kCount];
    return out;
  }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

// The span `words` will have once appended to `text` (the fuzzer's texts
// stay far below the 32-bit offsets of Span).
quotelink::Span appended_span(const std::string& text,
                              const std::string& words) {
  const auto begin = static_cast<std::uint32_t>(text.size());
  return {begin, static_cast<std::uint32_t>(begin + words.size())};
}

Document read_document(Reader& in, std::size_t index) {
  Document doc;
  doc.id = "doc" + std::to_string(index);
  const unsigned n_entities = in.byte() % 5;
  for (unsigned e = 0; e < n_entities; ++e) {
    quotelink::Entity entity;
    entity.name = in.text(6);
    entity.type = static_cast<quotelink::EntityType>(in.byte() % 4);
    const unsigned n_mentions = in.byte() % 4;
    for (unsigned m = 0; m < n_mentions; ++m) {
      quotelink::Mention mention;
      const std::string words = in.text(6);
      mention.span = appended_span(doc.text, words);
      mention.kind = static_cast<quotelink::MentionKind>(in.byte() % 6);
      mention.entity = static_cast<int>(e);
      mention.head = words;
      doc.text += words + " said.\n";
      entity.mentions.push_back(static_cast<int>(doc.mentions.size()));
      doc.mentions.push_back(mention);
    }
    doc.entities.push_back(entity);
  }
  const unsigned n_quotes = in.byte() % 6;
  for (unsigned q = 0; q < n_quotes; ++q) {
    quotelink::Quote quote;
    const std::string words = in.text(24);
    quote.span = appended_span(doc.text, words);
    quote.outer = quote.span;
    quote.speaker = static_cast<int>(in.byte() % (n_entities + 1)) - 1;
    doc.text += words + "\n";
    doc.quotes.push_back(quote);
  }
  doc.build_offset_index();
  const std::string problem = quotelink::testing::check_document(doc);
  if (!problem.empty()) fail("fuzzer built a bad document: " + problem);
  return doc;
}

void check_corpus(const Corpus& corpus, const std::vector<Document>& docs) {
  if (corpus.size() != docs.size()) fail("size differs from documents added");
  const auto& entities = corpus.entities();
  for (std::size_t i = 0; i < entities.size(); ++i) {
    if (entities[i].id != static_cast<int>(i)) fail("entity ids not 0..n-1");
    for (const auto& occurrence : entities[i].occurrences)
      if (occurrence.document >= docs.size() || occurrence.entity < 0 ||
          occurrence.entity >=
              static_cast<int>(docs[occurrence.document].entities.size()))
        fail("entity occurrence out of range");
  }
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t e = 0; e < docs[d].entities.size(); ++e) {
      const int id = corpus.entity_id(d, static_cast<int>(e));
      if (id < -1 || id >= static_cast<int>(entities.size()))
        fail("entity_id out of range");
    }
    if (corpus.entity_id(d, -1) != -1) fail("entity_id(d, -1) is not -1");
  }
  std::set<std::pair<std::size_t, int>> clustered;
  for (const auto& cluster : corpus.quote_clusters()) {
    if (cluster.quotes.empty()) fail("empty cluster");
    if (cluster.document_count() < 1 || cluster.document_count() > docs.size())
      fail("document_count out of range");
    for (const auto& ref : cluster.quotes) {
      if (ref.document >= docs.size() || ref.quote < 0 ||
          ref.quote >= static_cast<int>(docs[ref.document].quotes.size()))
        fail("cluster member out of range");
      if (!clustered.insert({ref.document, ref.quote}).second)
        fail("quotation in two clusters");
      if (corpus.cluster_id(ref.document, ref.quote) != cluster.id)
        fail("cluster_id disagrees with quote_clusters");
    }
  }
}

void check_same(const Corpus& a, const Corpus& b,
                const std::vector<Document>& docs) {
  if (a.entities().size() != b.entities().size())
    fail("keys-built corpus has another number of entities");
  for (std::size_t i = 0; i < a.entities().size(); ++i)
    if (a.entities()[i].name != b.entities()[i].name ||
        a.entities()[i].key != b.entities()[i].key ||
        a.entities()[i].aliases != b.entities()[i].aliases)
      fail("keys-built corpus has other entities");
  for (std::size_t d = 0; d < docs.size(); ++d)
    for (std::size_t q = 0; q < docs[d].quotes.size(); ++q)
      if (a.cluster_id(d, static_cast<int>(q)) !=
          b.cluster_id(d, static_cast<int>(q)))
        fail("keys-built corpus clusters differently");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  Reader in(input);
  std::vector<Document> docs;
  const unsigned n_docs = 1 + in.byte() % 12;
  for (unsigned d = 0; d < n_docs && !in.empty(); ++d)
    docs.push_back(read_document(in, d));

  Corpus direct;
  Corpus via_keys;
  for (const Document& doc : docs) {
    direct.add_document(doc);
    const std::string wire = quotelink::link_keys(doc).serialize();
    via_keys.add_keys(quotelink::DocumentKeys::deserialize(wire));
  }
  check_corpus(direct, docs);
  check_same(direct, via_keys, docs);

  // Arbitrary bytes as serialized keys: a clean error or usable keys.
  try {
    const quotelink::DocumentKeys keys =
        quotelink::DocumentKeys::deserialize(input);
    const std::string again = keys.serialize();
    if (quotelink::DocumentKeys::deserialize(again).serialize() != again)
      fail("serialize(deserialize(x)) does not round-trip");
    Corpus corpus;
    corpus.add_keys(keys);
    corpus.quote_clusters();
  } catch (const quotelink::error&) {
  }
  return 0;
}
