// LinkStream: cross-document linking of a stream, keeping only what later
// documents can link to (corpus.h).
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quote_clusters.h"
#include "quotelink/corpus.h"
#include "quotelink/error.h"

namespace quotelink {

struct LinkStream::State {
  explicit State(const LinkOptions& o)
      : options(o),
        clusterer(o.shingle_words, o.min_contained_words,
                  /*keep_members=*/false) {}

  // A linked entity: its id and the display names seen, with their counts
  // (a few per entity), whose most frequent one (the earliest on ties) is
  // its global name, as Corpus::State::record decides it.
  struct Linked {
    int id = -1;
    std::string name;
    std::vector<std::pair<std::string, int>> counts;
  };

  LinkOptions options;
  detail::QuoteClusterer clusterer;
  std::unordered_map<std::string, Linked> by_key;
  int next_id = 0;
  std::size_t documents = 0;

  // The global id and current name of document entity `e`.
  std::pair<int, const std::string*> link(const EntityKeys& e) {
    if (e.key.empty()) return {next_id++, &e.name};
    auto [it, added] = by_key.try_emplace(e.key);
    Linked& linked = it->second;
    if (added) {
      linked.id = next_id++;
      linked.name = e.name;
    }
    int count = 0;
    int current = 0;
    bool seen = false;
    for (auto& [name, n] : linked.counts) {
      if (name == e.name) {
        count = ++n;
        seen = true;
      }
    }
    if (!seen) {
      linked.counts.emplace_back(e.name, 1);
      count = 1;
    }
    for (const auto& [name, n] : linked.counts)
      if (name == linked.name) current = n;
    if (e.name != linked.name && count > current) linked.name = e.name;
    return {linked.id, &linked.name};
  }
};

LinkStream::LinkStream(LinkOptions options)
    : state_(std::make_unique<State>(options)) {}
LinkStream::~LinkStream() = default;
LinkStream::LinkStream(LinkStream&&) noexcept = default;
LinkStream& LinkStream::operator=(LinkStream&&) noexcept = default;

const LinkOptions& LinkStream::options() const noexcept {
  return state_->options;
}

LinkedDocument LinkStream::add_document(const Document& doc) {
  return add_keys(link_keys(doc, state_->options));
}

LinkedDocument LinkStream::add_keys(const DocumentKeys& keys) {
  State& s = *state_;
  for (const QuoteKeys& q : keys.quotes)
    if (q.entity < -1 || q.entity >= static_cast<int>(keys.entities.size()))
      throw error("DocumentKeys of '" + keys.id +
                  "': a quotation refers to a missing entity");
  const std::size_t document = s.documents++;
  LinkedDocument out;
  out.entities.reserve(keys.entities.size());
  // Names are read once every entity is in, since two entities of one
  // document can share a key (map nodes do not move, so the views hold).
  std::vector<const std::string*> names;
  names.reserve(keys.entities.size());
  for (const EntityKeys& e : keys.entities) {
    auto [id, name] = s.link(e);
    out.entities.push_back(id);
    names.push_back(name);
  }
  out.names.reserve(names.size());
  for (const std::string* name : names) out.names.push_back(*name);
  // Cluster ids are read after the whole document is in: a later quotation
  // of the same document can merge an earlier one's cluster, as in Corpus.
  std::vector<int> added;
  added.reserve(keys.quotes.size());
  for (std::size_t i = 0; i < keys.quotes.size(); ++i)
    added.push_back(s.clusterer.add(
        keys.quotes[i], QuoteRef{document, static_cast<int>(i)}, {}));
  out.clusters.reserve(added.size());
  for (int cluster : added) out.clusters.push_back(s.clusterer.find(cluster));
  return out;
}

std::size_t LinkStream::documents() const noexcept { return state_->documents; }

std::size_t LinkStream::entities() const noexcept {
  return static_cast<std::size_t>(state_->next_id);
}

std::size_t LinkStream::linked_entities() const noexcept {
  return state_->by_key.size();
}

std::size_t LinkStream::indexed_postings() const noexcept {
  return state_->clusterer.postings();
}

}  // namespace quotelink
