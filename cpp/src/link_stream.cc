// LinkStream: cross-document linking of a stream, keeping only what later
// documents can link to (corpus.h).
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "chunked_vector.h"
#include "quote_clusters.h"
#include "quotelink/corpus.h"
#include "quotelink/error.h"

namespace quotelink {

namespace {

// The arena's unit: keys and names are copied into blocks of this size
// (a longer pair gets a block of its own), so storing one never moves the
// others and the arena never holds a doubled copy while it grows.
constexpr std::size_t kArenaBlock = std::size_t{1} << 20;

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// The linking keys seen so far, each with its global id and its names, in
// about 60 bytes a key plus its text: an entry of 24 bytes pointing into an
// arena holding the key and its first name side by side, and a slot of an
// open-addressing table. A key seen with several display names (spelling
// variants) keeps their counts aside; its name is the most frequent one,
// the earliest on ties, as Corpus decides it.
class NameTable {
 public:
  std::size_t size() const noexcept { return entries_.size(); }

  // The entry of `key`, added with `id` and `name` when new; `*added` says.
  std::uint32_t find_or_add(std::string_view key, std::string_view name, int id,
                            bool* added);
  int id(std::uint32_t entry) const { return entries_[entry].id; }
  // Counts one more occurrence of `entry` under `name`.
  void count(std::uint32_t entry, std::string_view name);
  // The entry's current global name (valid until the next count()).
  std::string_view name(std::uint32_t entry) const;

  std::size_t bytes() const noexcept;

 private:
  struct Entry {
    const char* text = nullptr;  // the key, then the first name
    std::uint32_t key_size = 0;
    std::uint32_t name_size = 0;
    int id = -1;
    int count = 0;  // occurrences of the first name; -1: see variants_
    std::string_view key() const { return {text, key_size}; }
    std::string_view first_name() const { return {text + key_size, name_size}; }
  };
  struct Variants {
    std::vector<std::pair<std::string, int>> counts;
    std::size_t current = 0;
  };

  const char* store(std::string_view key, std::string_view name);
  std::size_t slot(std::string_view key, std::uint64_t hash) const;
  void grow();

  detail::ChunkedVector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // entry index + 1; 0: empty
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_bytes_ = 0;  // allocated, for bytes()
  char* free_ = nullptr;         // the current block's unused part
  std::size_t free_size_ = 0;
  std::unordered_map<std::uint32_t, Variants> variants_;
};

const char* NameTable::store(std::string_view key, std::string_view name) {
  const std::size_t size = key.size() + name.size();
  char* at;
  if (size > kArenaBlock / 4) {
    blocks_.push_back(std::make_unique<char[]>(size));
    block_bytes_ += size;
    at = blocks_.back().get();
  } else {
    if (size > free_size_) {
      blocks_.push_back(std::make_unique<char[]>(kArenaBlock));
      block_bytes_ += kArenaBlock;
      free_ = blocks_.back().get();
      free_size_ = kArenaBlock;
    }
    at = free_;
    free_ += size;
    free_size_ -= size;
  }
  if (!key.empty()) std::memcpy(at, key.data(), key.size());
  if (!name.empty()) std::memcpy(at + key.size(), name.data(), name.size());
  return at;
}

std::size_t NameTable::slot(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = static_cast<std::size_t>(hash) & mask;
  while (slots_[at] != 0 && entries_[slots_[at] - 1].key() != key)
    at = (at + 1) & mask;
  return at;
}

void NameTable::grow() {
  std::vector<std::uint32_t> slots(slots_.empty() ? 64 : 2 * slots_.size(), 0);
  slots_.swap(slots);
  for (std::uint32_t entry : slots)
    if (entry != 0) {
      const std::string_view key = entries_[entry - 1].key();
      slots_[slot(key, fnv1a(key))] = entry;
    }
}

std::uint32_t NameTable::find_or_add(std::string_view key,
                                     std::string_view name, int id,
                                     bool* added) {
  if (4 * (entries_.size() + 1) > 3 * slots_.size()) grow();
  const std::size_t at = slot(key, fnv1a(key));
  *added = slots_[at] == 0;
  if (!*added) return slots_[at] - 1;
  Entry e;
  e.text = store(key, name);
  e.key_size = static_cast<std::uint32_t>(key.size());
  e.name_size = static_cast<std::uint32_t>(name.size());
  e.id = id;
  entries_.push_back(e);
  slots_[at] = static_cast<std::uint32_t>(entries_.size());
  return slots_[at] - 1;
}

void NameTable::count(std::uint32_t entry, std::string_view name) {
  Entry& e = entries_[entry];
  if (e.count >= 0 && name == e.first_name()) {
    ++e.count;
    return;
  }
  if (e.count >= 0) {
    variants_[entry].counts.emplace_back(std::string(e.first_name()), e.count);
    e.count = -1;
  }
  Variants& v = variants_[entry];
  auto it = std::find_if(v.counts.begin(), v.counts.end(),
                         [&](const auto& c) { return c.first == name; });
  if (it == v.counts.end()) {
    v.counts.emplace_back(std::string(name), 0);
    it = v.counts.end() - 1;
  }
  const int n = ++it->second;
  const auto index = static_cast<std::size_t>(it - v.counts.begin());
  if (index != v.current && n > v.counts[v.current].second) v.current = index;
}

std::string_view NameTable::name(std::uint32_t entry) const {
  const Entry& e = entries_[entry];
  if (e.count >= 0) return e.first_name();
  const Variants& v = variants_.at(entry);
  return v.counts[v.current].first;
}

std::size_t NameTable::bytes() const noexcept {
  std::size_t bytes = entries_.bytes() +
                      slots_.capacity() * sizeof(std::uint32_t) +
                      blocks_.capacity() * sizeof(blocks_[0]) + block_bytes_;
  for (const auto& [entry, v] : variants_) {
    bytes += sizeof(v) + 32 + v.counts.capacity() * sizeof(v.counts[0]);
    for (const auto& c : v.counts) bytes += c.first.capacity();
  }
  return bytes;
}

}  // namespace

struct LinkStream::State {
  explicit State(const LinkOptions& o)
      : options(o),
        clusterer(o.shingle_words, o.min_contained_words,
                  /*keep_members=*/false) {}

  LinkOptions options;
  detail::QuoteClusterer clusterer;
  NameTable names;  // the linkable keys; unlinkable entities are only ids
  int next_id = 0;
  std::size_t documents = 0;

  // The global id of document entity `e`, and its entry in `names` (-1 for
  // an entity without a key, which keeps its own name).
  std::pair<int, long> link(const EntityKeys& e) {
    if (e.key.empty()) return {next_id++, -1};
    bool added = false;
    const std::uint32_t entry =
        names.find_or_add(e.key, e.name, next_id, &added);
    if (added) ++next_id;
    names.count(entry, e.name);
    return {names.id(entry), static_cast<long>(entry)};
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
  return add_keys(stream_keys(doc, state_->options));
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
  // document can share a key (and the second can change its name).
  std::vector<long> entries;
  entries.reserve(keys.entities.size());
  for (const EntityKeys& e : keys.entities) {
    auto [id, entry] = s.link(e);
    out.entities.push_back(id);
    entries.push_back(entry);
  }
  out.names.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i)
    out.names.emplace_back(
        entries[i] < 0 ? std::string_view(keys.entities[i].name)
                       : s.names.name(static_cast<std::uint32_t>(entries[i])));
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
  return state_->names.size();
}

std::size_t LinkStream::indexed_postings() const noexcept {
  return state_->clusterer.postings();
}

std::size_t LinkStream::held_bytes() const noexcept {
  return state_->names.bytes() + state_->clusterer.held_bytes();
}

}  // namespace quotelink
