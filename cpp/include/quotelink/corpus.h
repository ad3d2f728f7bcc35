// Many documents: speakers linked across documents into global entities, and
// the same quotation reported by several documents grouped into clusters.
//
// Linking is incremental and in two steps, so that it streams and distributes:
// link_keys() turns one Document into small DocumentKeys (pure, thread-safe,
// no global state), and Corpus::add_keys() folds keys into the global entities
// and clusters in input order. add_document() is the two steps together, so a
// corpus built from keys computed elsewhere (other threads, other machines) in
// the same order is identical to one built from the documents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quotelink/document.h"

namespace quotelink {

/// Options of cross-document linking.
struct LinkOptions {
  /// Words per shingle of the quotation containment index.
  int shingle_words = 3;
  /// A quotation shorter than this is clustered only by exact (normalized)
  /// match, never by containment in a longer one.
  int min_contained_words = 5;
  /// The language pack whose word lists (titles, countries, ...) build the
  /// name keys: the extractor's Config::language.
  std::string language = "en";
  /// Titles besides the pack's, left out of person keys as its own are
  /// ("Commissar Jane Roe" keys as Jane Roe): the extractor's
  /// Config::extra_titles.
  std::vector<std::string> extra_titles;
};

/// One document entity as cross-document linking sees it.
struct EntityKeys {
  std::string name;  ///< display name (resolved in-document)
  EntityType type = EntityType::unknown;
  std::string key;                   ///< global key; empty: never linked
  std::vector<std::string> aliases;  ///< distinct mention texts
  int mentions = 0;                  ///< number of mentions in the document
};

/// One quotation as cross-document linking sees it.
struct QuoteKeys {
  std::uint64_t exact = 0;              ///< hash of the normalized words
  std::uint32_t words = 0;              ///< number of normalized words
  std::vector<std::uint32_t> shingles;  ///< distinct shingle hashes, sorted
  std::string text;                     ///< the quotation as written
  int entity = -1;                      ///< speaker: index into entities
};

/// Everything a Corpus needs from one document; no document text.
struct DocumentKeys {
  std::string id;
  std::vector<EntityKeys> entities;  ///< one per Document::entities, in order
  std::vector<QuoteKeys> quotes;     ///< one per Document::quotes, in order

  /// A compact binary form, for shipping keys between processes.
  std::string serialize() const;
  /// Reads serialize()'s output; throws quotelink::error on malformed data.
  static DocumentKeys deserialize(std::string_view data);
};

/// Computes the linking keys of `doc`. Surname-only speakers are resolved
/// inside the document first ("Lavrov" -> "Sergei Lavrov" when the document
/// names him in full). Thread-safe; needs nothing but `doc`.
DocumentKeys link_keys(const Document& doc, const LinkOptions& options = {});

/// The keys a LinkStream reads: those of link_keys() without the entities'
/// aliases and mention counts and the quotations' texts, which only a Corpus
/// keeps (cheaper to compute, smaller to hand between threads).
DocumentKeys stream_keys(const Document& doc, const LinkOptions& options = {});

/// A document entity's place in the corpus.
struct EntityOccurrence {
  std::size_t document = 0;  ///< index of the document in the corpus
  int entity = -1;           ///< index into that document's entities
  int mentions = 0;          ///< its mentions in that document
};

/// A speaker across the corpus.
struct GlobalEntity {
  int id = -1;
  std::string name;  ///< the most frequent display name
  EntityType type = EntityType::unknown;
  std::string key;                   ///< the linking key (empty: unlinked)
  std::vector<std::string> aliases;  ///< every name and mention text seen
  std::vector<EntityOccurrence> occurrences;  ///< in input order
};

/// A quotation of one document.
struct QuoteRef {
  std::size_t document = 0;  ///< index of the document in the corpus
  int quote = -1;            ///< index into that document's quotes
};

/// The same quotation in one or several documents.
struct QuoteCluster {
  int id = -1;
  std::string text;              ///< the longest member's text
  std::vector<QuoteRef> quotes;  ///< in input order
  /// Number of distinct documents among the members.
  std::size_t document_count() const;
};

/// Documents linked into global entities and quotation clusters. Holds the
/// keys' small results (ids, names, aliases), never the documents' text.
class Corpus {
 public:
  /// An empty corpus; throws quotelink::error on bad options (an unknown
  /// language among them).
  explicit Corpus(LinkOptions options = {});
  ~Corpus();
  Corpus(Corpus&&) noexcept;
  Corpus& operator=(Corpus&&) noexcept;
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;

  /// The options this corpus links with.
  const LinkOptions& options() const noexcept;

  /// Links `doc` into the corpus; returns its document index.
  std::size_t add_document(const Document& doc);
  /// Links precomputed keys (see link_keys); returns the document index.
  std::size_t add_keys(const DocumentKeys& keys);

  /// Number of documents added.
  std::size_t size() const noexcept;
  /// The id of document `document` (quotelink::error when out of range).
  const std::string& document_id(std::size_t document) const;
  /// Global entity id of entity `entity` of document `document`, or -1 when
  /// `entity` is -1. Entity ids are stable: they never change once given.
  int entity_id(std::size_t document, int entity) const;
  /// Current cluster id of quotation `quote` of document `document`. An id
  /// can later be merged into a smaller one when a quotation bridges clusters.
  int cluster_id(std::size_t document, int quote) const;

  /// Every global entity, ids 0..n-1 in order of first appearance.
  const std::vector<GlobalEntity>& entities() const noexcept;
  /// The clusters with at least `min_documents` distinct documents, by id.
  std::vector<QuoteCluster> quote_clusters(std::size_t min_documents = 1) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// One document as a LinkStream linked it, at the time it was added.
struct LinkedDocument {
  /// Global entity id of each document entity (as Corpus::entity_id).
  std::vector<int> entities;
  /// Global name of each document entity: a linked entity's most frequent
  /// name so far, or the entity's own name.
  std::vector<std::string> names;
  /// Cluster id of each quotation, as Corpus::cluster_id right after adding.
  std::vector<int> clusters;
};

/// LinkStream::held_bytes() by part, for benchmarks and accounting tests.
struct LinkHeldBytes {
  std::size_t name_slots = 0;     ///< the keys' hash slots
  std::size_t name_arena = 0;     ///< key records and spelling-variant lists
  std::size_t name_lists = 0;     ///< the table finding a key's variant list
  std::size_t index_codes = 0;    ///< the shingle postings' coded bits
  std::size_t index_headers = 0;  ///< their block headers and directories
  std::size_t index_tail = 0;     ///< the hashed tail of newest postings
  std::size_t exact = 0;          ///< the exact-match table
  std::size_t counts = 0;         ///< per-quotation word and shingle counts
  std::size_t parents = 0;        ///< union-find parents and long counts
  /// The sum of the parts: held_bytes().
  std::size_t total() const noexcept {
    return name_slots + name_arena + name_lists + index_codes + index_headers +
           index_tail + exact + counts + parents;
  }
};

/// Cross-document linking of a stream in bounded memory: each document is
/// linked as it arrives and nothing of it is kept but what later documents
/// can link to, namely the keys of its linkable entities (one entry per
/// distinct key, with its name counts) and the quotation index. Entities
/// that can never be linked (no key: roles, pronouns) only advance the id
/// counter. The ids, names and clusters are those a Corpus fed the same
/// documents in the same order gives right after each add (the CLI's
/// --link output); there is no summary (entities(), clusters) afterwards.
class LinkStream {
 public:
  /// An empty stream; throws quotelink::error on bad options.
  explicit LinkStream(LinkOptions options = {});
  ~LinkStream();
  LinkStream(LinkStream&&) noexcept;
  LinkStream& operator=(LinkStream&&) noexcept;
  LinkStream(const LinkStream&) = delete;
  LinkStream& operator=(const LinkStream&) = delete;

  /// The options this stream links with.
  const LinkOptions& options() const noexcept;
  /// Links `doc` (see link_keys) and returns its ids.
  LinkedDocument add_document(const Document& doc);
  /// Links precomputed keys and returns their ids.
  LinkedDocument add_keys(const DocumentKeys& keys);

  /// Documents added so far.
  std::size_t documents() const noexcept;
  /// Global entity ids given so far (linked and unlinked).
  std::size_t entities() const noexcept;
  /// Distinct linking keys kept (the entities later documents can join).
  std::size_t linked_entities() const noexcept;
  /// Shingle postings held by the quotation index (of the distinct
  /// quotations only: an exact duplicate adds none).
  std::size_t indexed_postings() const noexcept;
  /// Heap bytes held for linking later documents: the linking keys and
  /// names, the quotation index and its per-quotation arrays (capacities).
  std::size_t held_bytes() const noexcept;
  /// held_bytes() by part.
  LinkHeldBytes held_parts() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The JSON Lines of `doc`'s records as linked (quotelink extract --link):
/// each record of to_jsonl() (json.h) with "speaker" the global name of its
/// speaker, then "entity" (its global id, null without a speaker) and
/// "cluster"; byte for byte what json.dumps(ensure_ascii=False) writes for
/// quotelink.corpus.LinkStream.link()'s records.
std::string to_linked_jsonl(const Document& doc, std::string_view id,
                            const LinkedDocument& linked);
/// The same records as CSV rows in that field order (json.h's to_csv()).
std::string to_linked_csv(const Document& doc, std::string_view id,
                          const LinkedDocument& linked);

}  // namespace quotelink
