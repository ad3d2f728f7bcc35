// LinkStream: linking a stream in bounded memory gives the ids, names and
// clusters a Corpus gives right after each add, keeping only linkable keys.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "quote_clusters.h"
#include "quotelink/quotelink.h"

namespace {

using quotelink::Corpus;
using quotelink::Document;
using quotelink::LinkedDocument;
using quotelink::LinkStream;

std::vector<Document> example_documents() {
  const quotelink::Extractor extractor;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(QUOTELINK_EXAMPLES_DIR))
    paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<Document> docs;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    docs.push_back(extractor.extract(text.str(), path.filename().string()));
  }
  return docs;
}

// The examples, then the same articles again (syndicated copies), so that
// names, entities and clusters are joined across documents.
std::vector<Document> stream_of_documents() {
  std::vector<Document> docs = example_documents();
  const std::size_t n = docs.size();
  for (std::size_t i = 0; i < n; ++i) {
    Document copy = docs[i];
    copy.id += "/copy";
    docs.push_back(std::move(copy));
  }
  return docs;
}

TEST(LinkStream, SameIdsNamesAndClustersAsACorpus) {
  const std::vector<Document> docs = stream_of_documents();
  ASSERT_GT(docs.size(), 4u);
  Corpus corpus;
  LinkStream stream;
  std::size_t linked_quotes = 0;
  for (const Document& doc : docs) {
    const std::size_t index = corpus.add_document(doc);
    const LinkedDocument linked = stream.add_document(doc);
    ASSERT_EQ(linked.entities.size(), doc.entities.size());
    for (std::size_t e = 0; e < doc.entities.size(); ++e) {
      const int id = corpus.entity_id(index, static_cast<int>(e));
      EXPECT_EQ(linked.entities[e], id) << doc.id << " entity " << e;
      EXPECT_EQ(linked.names[e], corpus.entities()[id].name) << doc.id;
    }
    ASSERT_EQ(linked.clusters.size(), doc.quotes.size());
    for (std::size_t q = 0; q < doc.quotes.size(); ++q)
      EXPECT_EQ(linked.clusters[q],
                corpus.cluster_id(index, static_cast<int>(q)))
          << doc.id << " quote " << q;
    linked_quotes += doc.quotes.size();
  }
  EXPECT_GT(linked_quotes, 0u);
  EXPECT_EQ(stream.documents(), docs.size());
  EXPECT_EQ(stream.entities(), corpus.entities().size());
}

TEST(LinkStream, KeepsOnlyLinkableKeys) {
  const std::vector<Document> docs = example_documents();
  Corpus corpus;
  LinkStream stream;
  for (const Document& doc : docs) {
    corpus.add_document(doc);
    stream.add_document(doc);
  }
  std::size_t keyed = 0;
  for (const auto& entity : corpus.entities()) keyed += !entity.key.empty();
  EXPECT_EQ(stream.linked_entities(), keyed);
  // Roles and pronouns make entities without a key: counted, not kept.
  EXPECT_LT(stream.linked_entities(), stream.entities());
}

TEST(LinkStream, SyndicatedCopiesAddNothingToTheIndexOrKeys) {
  const std::vector<Document> docs = example_documents();
  LinkStream stream;
  for (const Document& doc : docs) stream.add_document(doc);
  const std::size_t postings = stream.indexed_postings();
  const std::size_t keys = stream.linked_entities();
  for (int copy = 0; copy < 20; ++copy)
    for (const Document& doc : docs) stream.add_document(doc);
  EXPECT_EQ(stream.indexed_postings(), postings);
  EXPECT_EQ(stream.linked_entities(), keys);
  EXPECT_EQ(stream.documents(), 21 * docs.size());
}

// A stream of `documents` synthetic documents as a news stream brings them:
// per document, two people never seen before, one seen in an earlier
// document, eight entities without a key (roles, pronouns) and six new
// quotations of 20 words.
std::size_t held_bytes_per_document(int documents) {
  LinkStream stream;
  for (int d = 0; d < documents; ++d) {
    quotelink::DocumentKeys keys;
    keys.id = std::to_string(d);
    for (int e = 0; e < 11; ++e) {
      quotelink::EntityKeys entity;
      entity.type = quotelink::EntityType::person;
      if (e < 2) {
        entity.name = "Person " + std::to_string(d) + "-" + std::to_string(e);
        entity.key = "person " + std::to_string(d) + " " + std::to_string(e);
      } else if (e == 2) {
        entity.name = "Returning " + std::to_string(d / 10);
        entity.key = "returning " + std::to_string(d / 10);
      } else {
        entity.name = "the official";
      }
      keys.entities.push_back(entity);
    }
    for (int q = 0; q < 6; ++q) {
      std::string text;
      for (int w = 0; w < 20; ++w)
        text += "w" + std::to_string((d * 6 + q) * 20 + w) + " ";
      quotelink::QuoteKeys quote = quotelink::detail::quote_keys(text, 3);
      quote.entity = q % 11;
      keys.quotes.push_back(std::move(quote));
    }
    stream.add_keys(keys);
  }
  EXPECT_EQ(stream.entities(),
            static_cast<std::size_t>(documents) * 10 +
                static_cast<std::size_t>(documents + 9) / 10);
  return stream.held_bytes() / static_cast<std::size_t>(documents);
}

TEST(LinkStream, HoldsUnderAKilobyteADocument) {
  // 108 postings and two new keys a document: 8-byte postings and a hash
  // node per key and per quotation would hold over 1.5 KB.
  EXPECT_LT(held_bytes_per_document(20000), 1024u);
}

TEST(LinkStream, HeldPartsAddUpToHeldBytes) {
  LinkStream stream;
  const std::size_t empty = stream.held_bytes();
  quotelink::DocumentKeys keys;
  quotelink::EntityKeys entity;
  entity.key = "p:ivankovalenko";
  entity.name = "Ivan Kovalenko";
  keys.entities.push_back(entity);
  keys.quotes.push_back(quotelink::detail::quote_keys(
      "we will not give up our land to anyone", 3));
  stream.add_keys(keys);
  const quotelink::LinkHeldBytes parts = stream.held_parts();
  EXPECT_EQ(parts.total(), stream.held_bytes());
  EXPECT_GT(stream.held_bytes(), empty);
  EXPECT_GT(parts.name_slots, 0u);
  EXPECT_GT(parts.name_arena, 0u);
  EXPECT_GT(parts.index_tail, 0u);   // the newest postings
  EXPECT_EQ(parts.index_codes, 0u);  // no run yet
  EXPECT_GT(parts.exact, 0u);
  EXPECT_GT(parts.counts, 0u);
}

// One document holding the entities `keyed` (key, name) in order.
quotelink::DocumentKeys keyed_document(
    const std::vector<std::pair<std::string, std::string>>& keyed) {
  quotelink::DocumentKeys keys;
  for (const auto& [key, name] : keyed) {
    quotelink::EntityKeys entity;
    entity.type = quotelink::EntityType::person;
    entity.key = key;
    entity.name = name;
    keys.entities.push_back(entity);
  }
  return keys;
}

TEST(LinkStream, NamesComeBackAsWrittenWhateverTheirKey) {
  // A record keeps a name as an edit of its key when that is shorter:
  // capitals, spaces, doubled and replaced letters, text the key lacks.
  const std::vector<std::pair<std::string, std::string>> keyed = {
      {"p:sergeilavrov", "Sergei Lavrov"},
      {"p:jefpor", "Jeff Poor"},
      {"p:hilariclinton", "Hillary Clinton"},
      {"p:alexeinavalni", "Aleksei Navalny"},
      {"p:siteinteligence", "SITE Intelligence"},
      {"o:action national network", "National Action Network"},
      {"p:believetrumpcantbetrusted", "Believe Trump Can\u2019t Be Trusted"},
      {"s:amelie", "Ame\u0301lie"},
      {"p:k1", "K-1"},
      {"g:russia", "the Kremlin"},
      {"a key of no known kind", "Named"},
      {"p:", ""},
      {"p:x", std::string(300, 'X')},
      {"p:" + std::string(300000, 'y'), "Long " + std::string(300000, 'Y')},
      {"p:after", "After"}};
  LinkStream stream;
  const LinkedDocument first = stream.add_keys(keyed_document(keyed));
  const LinkedDocument again = stream.add_keys(keyed_document(keyed));
  ASSERT_EQ(first.names.size(), keyed.size());
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    EXPECT_EQ(first.names[i], keyed[i].second) << keyed[i].first;
    EXPECT_EQ(again.names[i], keyed[i].second) << keyed[i].first;
    EXPECT_EQ(again.entities[i], first.entities[i]) << keyed[i].first;
    EXPECT_EQ(first.entities[i], static_cast<int>(i));
  }
  EXPECT_EQ(stream.linked_entities(), keyed.size());
}

TEST(LinkStream, AKeySeenManyTimesKeepsItsMostFrequentName) {
  // More occurrences of one name than a record's one-byte count holds.
  LinkStream stream;
  auto name_after = [&](const std::string& name, int times) {
    LinkedDocument linked;
    for (int i = 0; i < times; ++i)
      linked = stream.add_keys(keyed_document({{"p:jonsmith", name}}));
    return linked.names.at(0);
  };
  EXPECT_EQ(name_after("Jon Smith", 300), "Jon Smith");
  EXPECT_EQ(name_after("John Smith", 299), "Jon Smith");
  EXPECT_EQ(name_after("John Smith", 1), "Jon Smith");  // a tie: the first
  EXPECT_EQ(name_after("John Smith", 1), "John Smith");
  EXPECT_EQ(stream.entities(), 1u);
}

TEST(LinkStream, SpellingVariantsAreCountedInAFewBytes) {
  // 50,000 people each seen under two spellings, then one of them under
  // 40: every name is counted, the most frequent wins. A key's names are
  // one list in the arena: 136 bytes a key with its record and both hash
  // tables (a hash node and a vector of strings took over 230).
  LinkStream stream;
  const int keys = 50000;
  for (int k = 0; k < keys; ++k) {
    const std::string key = "p:ivankovalenko" + std::to_string(k);
    stream.add_keys(
        keyed_document({{key, "Ivan Kovalenko" + std::to_string(k)},
                        {key, "Iwan Kowalenko" + std::to_string(k)}}));
  }
  EXPECT_LT(stream.held_bytes() / keys, 150u) << stream.held_bytes();
  std::string name;
  for (int spelling = 0; spelling < 40; ++spelling)
    for (int i = 0; i <= spelling; ++i)
      name = stream
                 .add_keys(
                     keyed_document({{"p:ivankovalenko7",
                                      "Spelling " + std::to_string(spelling)}}))
                 .names.at(0);
  EXPECT_EQ(name, "Spelling 39");
  EXPECT_EQ(stream.linked_entities(), static_cast<std::size_t>(keys));
}

TEST(LinkStream, AKeyIsOneRecordAndASlot) {
  // 190,000 people never seen again ("Ivan Kovalenkoxab"): a record of 25
  // bytes (count, the id as a varint over its 256-byte page's first id, the
  // key and the name as a 3-byte edit of it) in 1 MB arena blocks, and a
  // 4-byte hash slot: 34 bytes a key (38 with the id in 4 bytes; 24-byte
  // entries and both texts in full took 71).
  LinkStream stream;
  const int keys = 190000;
  for (int k = 0; k < keys; ++k) {
    std::string tag;
    for (int n = k + 1; n > 0; n = (n - 1) / 26)
      tag.insert(tag.begin(), static_cast<char>('a' + (n - 1) % 26));
    stream.add_keys(
        keyed_document({{"p:ivankovalenkox" + tag, "Ivan Kovalenkox" + tag}}));
  }
  EXPECT_EQ(stream.linked_entities(), static_cast<std::size_t>(keys));
  EXPECT_LT(stream.held_bytes() / keys, 36u) << stream.held_bytes();
}

TEST(LinkStream, LinkedJsonlCarriesTheGlobalNamesAndIds) {
  const std::vector<Document> docs = stream_of_documents();
  LinkStream stream;
  std::size_t lines = 0;
  for (const Document& doc : docs) {
    const LinkedDocument linked = stream.add_document(doc);
    const std::string jsonl = quotelink::to_linked_jsonl(doc, doc.id, linked);
    std::istringstream in(jsonl);
    std::string line;
    for (std::size_t q = 0; std::getline(in, line); ++q, ++lines) {
      ASSERT_LT(q, doc.quotes.size());
      const int speaker = doc.quotes[q].speaker;
      const std::string tail =
          ", \"entity\": " +
          (speaker < 0 ? std::string("null")
                       : std::to_string(linked.entities[speaker])) +
          ", \"cluster\": " + std::to_string(linked.clusters[q]) + "}";
      EXPECT_EQ(line.substr(line.size() - tail.size()), tail) << line;
      if (speaker >= 0)
        EXPECT_NE(line.find("\"speaker\": \"" + linked.names[speaker] + "\""),
                  std::string::npos)
            << line;
    }
  }
  EXPECT_GT(lines, 0u);
}

TEST(LinkStream, ABadQuotationSpeakerIsAnError) {
  quotelink::DocumentKeys keys;
  keys.id = "bad";
  quotelink::QuoteKeys quote;
  quote.entity = 3;
  keys.quotes.push_back(quote);
  LinkStream stream;
  EXPECT_THROW(stream.add_keys(keys), quotelink::error);
}

// An unknown language fails when the stream is made, naming the language,
// as for a Corpus; before, it failed only at the first document.
TEST(LinkStream, UnknownLanguageIsAnErrorAtConstruction) {
  quotelink::LinkOptions options;
  options.language = "xx";
  std::string message;
  try {
    LinkStream stream{options};
  } catch (const quotelink::error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find("'xx'"), std::string::npos) << message;
}

}  // namespace
