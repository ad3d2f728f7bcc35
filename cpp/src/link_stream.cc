// LinkStream: cross-document linking of a stream, keeping only what later
// documents can link to (corpus.h).
#include <algorithm>
#include <cstring>
#include <initializer_list>
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

// The arena's unit: records are copied into blocks of this size (a longer
// one gets a block of its own), so storing one never moves the others and
// the arena never holds a doubled copy while it grows. A record's reference
// is its block number times kArenaBlock plus its place in the block.
constexpr std::size_t kArenaBlock = std::size_t{1} << 20;
constexpr std::size_t kMaxArenaBlocks = 4095;  // references fit 32 bits

std::uint64_t fnv1a(std::string_view bytes,
                    std::uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// The kind prefixes of name_keys.cc's keys: a record stores a key starting
// with one as its number (1-4) and the rest.
constexpr std::string_view kKeyPrefixes[] = {"p:", "s:", "o:", "g:"};

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

// A display name as an edit of its key's text, usually a few bytes:
// "sergeilavrov" + {copy 6 capitalised, space, copy 6 capitalised} =
// "Sergei Lavrov". One op a byte: 0x00-0x3F copy n+1 bytes of the key,
// 0x40-0x7F the same with the first upper-cased, 0x80-0xBF skip n+1 bytes
// of the key, 0xC0 a space, 0xC1 the last byte again ("Jef" -> "Jeff"),
// 0xC2-0xFF the (op - 0xC1) bytes that follow.
namespace name_edit {

constexpr unsigned char kCopy = 0x00, kCopyCapital = 0x40, kSkip = 0x80,
                        kSpace = 0xC0, kRepeat = 0xC1,
                        kInsert = 0xC1;  // plus the count, 1 to kMaxInsert
constexpr std::size_t kMaxRun = 64, kMaxInsert = 62;

// Writes the name `edit` makes of `key` to `out`.
void apply(std::string_view key, std::string_view edit, std::string& out) {
  out.clear();
  std::size_t at = 0;  // in key
  for (std::size_t i = 0; i < edit.size(); ++i) {
    const auto op = static_cast<unsigned char>(edit[i]);
    if (op < kSkip) {
      const std::size_t n = (op & 0x3F) + 1u;
      const std::size_t from = out.size();
      out.append(key.substr(at, n));
      if (op >= kCopyCapital && from < out.size())
        out[from] = ascii_upper(out[from]);
      at += n;
    } else if (op < kSpace) {
      at += (op & 0x3F) + 1u;
    } else if (op == kSpace) {
      out += ' ';
    } else if (op == kRepeat) {
      if (!out.empty()) out += out.back();
    } else {
      const std::size_t n = op - kInsert;
      out.append(edit.substr(i + 1, n));
      i += n;
    }
  }
}

// An edit making `name` of `key`, greedily: copies where the name has the
// key's letters (its first upper-cased), spaces and repeated letters as
// one byte, anything else inserted (and key letters the name lacks
// skipped). May fail to give `name` back: the caller checks.
std::string make(std::string_view key, std::string_view name) {
  std::string edit;
  std::string pending;  // bytes to insert
  auto flush = [&] {
    for (std::size_t at = 0; at < pending.size(); at += kMaxInsert) {
      const std::size_t n = std::min(kMaxInsert, pending.size() - at);
      edit += static_cast<char>(kInsert + n);
      edit.append(pending, at, n);
    }
    pending.clear();
  };
  auto op = [&](unsigned char byte) {
    flush();
    edit += static_cast<char>(byte);
  };
  std::size_t i = 0;  // in key
  std::size_t j = 0;  // in name
  while (j < name.size()) {
    const char t = name[j];
    if (i < key.size() && ascii_lower(t) == key[i]) {
      std::size_t n = 1;
      while (n < kMaxRun && i + n < key.size() && j + n < name.size() &&
             name[j + n] == key[i + n])
        ++n;
      op(static_cast<unsigned char>((t == key[i] ? kCopy : kCopyCapital) |
                                    (n - 1)));
      i += n;
      j += n;
    } else if (t == ' ') {
      op(kSpace);
      ++j;
    } else if (j > 0 && t == name[j - 1]) {
      op(kRepeat);
      ++j;
    } else if (i + 1 < key.size() && ascii_lower(t) == key[i + 1] &&
               !(j + 1 < name.size() && ascii_lower(name[j + 1]) == key[i])) {
      op(kSkip);  // a key letter the name lacks
      ++i;
    } else {
      // A name byte the key lacks; it replaces the key's byte unless the
      // name's next byte is that one ("Aleksei": "ks" is the key's "x").
      if (i < key.size() &&
          !(j + 1 < name.size() && ascii_lower(name[j + 1]) == key[i])) {
        op(kSkip);
        ++i;
      }
      pending += t;
      ++j;
    }
  }
  flush();
  return edit;
}

}  // namespace name_edit

// The linking keys seen so far, each with its global id and its names, in
// about 30 bytes a key: a record in an arena and a 4-byte slot of an
// open-addressing table. A record holds the id, the count of its first
// name, the key (its kind prefix as a number) and the first name, as an
// edit of the key when that is shorter (it usually is: a name is its key's
// letters with capitals and spaces). A key seen with several display names
// (spelling variants), or with one more than kMaxCount times, keeps their
// counts aside; its name is the most frequent one, the earliest on ties, as
// Corpus decides it.
class NameTable {
 public:
  using Ref = std::uint32_t;  // a record, by its place in the arena

  std::size_t size() const noexcept { return size_; }

  // The record of `key`, added with `id` and `name` when new; `*added` says.
  Ref find_or_add(std::string_view key, std::string_view name, int id,
                  bool* added);
  int id(Ref record) const;
  // Counts one more occurrence of `record` under `name`.
  void count(Ref record, std::string_view name);
  // The record's current global name.
  void name(Ref record, std::string& out) const;

  // Adds the bytes it holds, by part, to `parts`.
  void add_parts(LinkHeldBytes& parts) const noexcept;

 private:
  // A record: count (1 byte), then three varints, its id less its page's
  // (page_ids_), the key's stored size << 3 | prefix number and the name's
  // stored size << 1 | is_edit, then the key's bytes after its prefix and
  // the name or its edit. A page is kPageBytes of the arena: the id of the
  // first record starting in it is kept, and ids grow as records are
  // stored, so a record's id is a byte or two (4 bytes in full).
  static constexpr std::size_t kCountAt = 0;
  static constexpr unsigned kPageBits = 8;
  static constexpr std::uint32_t kNoPage = ~std::uint32_t{0};
  static constexpr unsigned char kVariants = 0xFF;  // counts in a list
  static constexpr unsigned char kMaxCount = 0xFE;
  struct View {
    unsigned prefix = 0;    // 0: none, else kKeyPrefixes[prefix - 1]
    std::string_view key;   // after the prefix
    std::string_view name;  // the name, or its edit
    bool edit = false;
  };

  char* at(Ref record) const {
    return blocks_[record / kArenaBlock].get() + record % kArenaBlock;
  }
  View view(Ref record) const;
  bool has_key(Ref record, std::string_view key) const;
  std::uint64_t hash(Ref record) const;
  void first_name(Ref record, std::string& out) const;
  Ref store(std::string_view key, std::string_view name, int id);
  char* allocate(std::size_t size, Ref* record);
  // Gives back the last `size` bytes allocate() handed out (from the
  // current block: not a record given a block of its own).
  void unallocate(std::size_t size) { used_ -= size; }
  std::size_t slot(std::string_view key, std::uint64_t hash) const;
  void grow();
  // The name counts of a record marked kVariants: a list in the arena,
  // the index of the current name (4 bytes) and the number of names (4),
  // then per name its count (4), size (a varint) and bytes. A list that
  // gains a name is copied whole (names are few; the old copy stays).
  std::size_t list_slot(Ref record) const;
  Ref list_of(Ref record) const {
    return static_cast<Ref>(lists_[list_slot(record)]);
  }
  void set_list(Ref record, Ref list);
  // A new list: `list`'s names (none if null) and `names`.
  struct Counted {
    std::string_view name;
    std::uint32_t count;
  };
  Ref with_names(const Ref* list, std::initializer_list<Counted> names);
  // Calls visit(index, count, name) for each name of `list` (count points
  // to its 4 bytes) and returns the number of bytes the list takes.
  template <typename F>
  std::size_t each_name(Ref list, F&& visit) const;

  std::size_t size_ = 0;
  std::vector<Ref> slots_;  // record + 1; 0: empty
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_bytes_ = 0;          // allocated, for bytes()
  std::size_t used_ = kArenaBlock;       // of the current block
  std::size_t current_ = 0;              // that block's number
  std::vector<std::uint32_t> page_ids_;  // per arena page; kNoPage: none
  std::vector<std::uint64_t> lists_;     // (record + 1) << 32 | list; 0: empty
  std::size_t list_count_ = 0;
  mutable std::string scratch_;  // a name being compared
};

void put_varint(std::string& out, std::size_t value) {
  while (value >= 0x80) {
    out += static_cast<char>(0x80 | (value & 0x7F));
    value >>= 7;
  }
  out += static_cast<char>(value);
}

std::size_t get_varint(const char*& p) {
  std::size_t value = 0;
  for (unsigned shift = 0;; shift += 7) {
    const auto byte = static_cast<unsigned char>(*p++);
    value |= static_cast<std::size_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return value;
  }
}

NameTable::View NameTable::view(Ref record) const {
  const char* p = at(record) + kCountAt + 1;
  get_varint(p);  // the id
  const std::size_t a = get_varint(p);
  const std::size_t b = get_varint(p);
  View v;
  v.prefix = static_cast<unsigned>(a & 7);
  v.key = {p, a >> 3};
  v.name = {p + (a >> 3), b >> 1};
  v.edit = (b & 1) != 0;
  return v;
}

bool NameTable::has_key(Ref record, std::string_view key) const {
  const View v = view(record);
  if (v.prefix == 0) return v.key == key;
  const std::string_view prefix = kKeyPrefixes[v.prefix - 1];
  return key.size() == prefix.size() + v.key.size() &&
         key.compare(0, prefix.size(), prefix) == 0 &&
         key.substr(prefix.size()) == v.key;
}

std::uint64_t NameTable::hash(Ref record) const {
  const View v = view(record);
  return fnv1a(v.key,
               v.prefix == 0 ? fnv1a({}) : fnv1a(kKeyPrefixes[v.prefix - 1]));
}

void NameTable::first_name(Ref record, std::string& out) const {
  const View v = view(record);
  if (v.edit)
    name_edit::apply(v.key, v.name, out);
  else
    out.assign(v.name);
}

int NameTable::id(Ref record) const {
  const char* p = at(record) + kCountAt + 1;
  return static_cast<int>(page_ids_[record >> kPageBits] + get_varint(p));
}

char* NameTable::allocate(std::size_t size, Ref* record) {
  if (size > kArenaBlock / 4 || used_ + size > kArenaBlock) {
    if (blocks_.size() >= kMaxArenaBlocks)
      throw error("LinkStream: the linking keys outgrew their 4 GB arena");
    const std::size_t block = std::max(size, kArenaBlock);
    blocks_.push_back(std::make_unique<char[]>(block));
    block_bytes_ += block;
    *record = static_cast<Ref>((blocks_.size() - 1) * kArenaBlock);
    if (size > kArenaBlock / 4) return blocks_.back().get();
    current_ = blocks_.size() - 1;
    used_ = 0;
  }
  *record = static_cast<Ref>(current_ * kArenaBlock + used_);
  char* out = blocks_[current_].get() + used_;
  used_ += size;
  return out;
}

NameTable::Ref NameTable::store(std::string_view key, std::string_view name,
                                int id) {
  unsigned prefix = 0;
  for (unsigned p = 0; p < 4; ++p)
    if (key.size() >= 2 && key.compare(0, 2, kKeyPrefixes[p]) == 0)
      prefix = p + 1;
  const std::string_view rest = prefix ? key.substr(2) : key;
  std::string edit = name_edit::make(rest, name);
  bool use_edit = edit.size() < name.size();
  if (use_edit) {
    name_edit::apply(rest, edit, scratch_);
    use_edit = scratch_ == name;
  }
  const std::string_view second = use_edit ? std::string_view(edit) : name;
  // The record's place first: its page's id may be this one.
  std::string head;
  put_varint(head, rest.size() << 3 | prefix);
  put_varint(head, second.size() << 1 | (use_edit ? 1u : 0u));
  const std::size_t most = kCountAt + 1 + 5 + head.size() + rest.size() +
                           second.size();  // with the longest id varint
  Ref record = 0;
  char* p = allocate(most, &record);
  const std::size_t page = record >> kPageBits;
  if (page_ids_.size() <= page) page_ids_.resize(page + 1, kNoPage);
  if (page_ids_[page] == kNoPage)
    page_ids_[page] = static_cast<std::uint32_t>(id);
  std::string id_delta;
  put_varint(id_delta, static_cast<std::uint32_t>(id) - page_ids_[page]);
  if (most <= kArenaBlock / 4) unallocate(5 - id_delta.size());  // not alone
  p[kCountAt] = 0;
  std::memcpy(p + kCountAt + 1, id_delta.data(), id_delta.size());
  std::memcpy(p + kCountAt + 1 + id_delta.size(), head.data(), head.size());
  p += kCountAt + 1 + id_delta.size() + head.size();
  if (!rest.empty()) std::memcpy(p, rest.data(), rest.size());
  if (!second.empty())
    std::memcpy(p + rest.size(), second.data(), second.size());
  return record;
}

std::size_t NameTable::slot(std::string_view key, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = static_cast<std::size_t>(hash) & mask;
  while (slots_[at] != 0 && !has_key(slots_[at] - 1, key)) at = (at + 1) & mask;
  return at;
}

void NameTable::grow() {
  std::vector<Ref> slots(slots_.empty() ? 64 : 2 * slots_.size(), 0);
  slots_.swap(slots);
  const std::size_t mask = slots_.size() - 1;
  for (Ref slot : slots)
    if (slot != 0) {
      std::size_t at = static_cast<std::size_t>(hash(slot - 1)) & mask;
      while (slots_[at] != 0) at = (at + 1) & mask;
      slots_[at] = slot;
    }
}

NameTable::Ref NameTable::find_or_add(std::string_view key,
                                      std::string_view name, int id,
                                      bool* added) {
  if (4 * (size_ + 1) > 3 * slots_.size()) grow();
  const std::size_t at = slot(key, fnv1a(key));
  *added = slots_[at] == 0;
  if (!*added) return slots_[at] - 1;
  const Ref record = store(key, name, id);
  slots_[at] = record + 1;
  ++size_;
  return record;
}

std::size_t NameTable::list_slot(Ref record) const {
  const std::size_t mask = lists_.size() - 1;
  std::size_t at =
      fnv1a({reinterpret_cast<const char*>(&record), sizeof record}) & mask;
  while (lists_[at] != 0 && (lists_[at] >> 32) != std::uint64_t{record} + 1)
    at = (at + 1) & mask;
  return at;
}

void NameTable::set_list(Ref record, Ref list) {
  if (4 * (list_count_ + 1) > 3 * lists_.size()) {
    std::vector<std::uint64_t> old(lists_.empty() ? 16 : 2 * lists_.size(), 0);
    lists_.swap(old);
    for (std::uint64_t entry : old)
      if (entry != 0)
        lists_[list_slot(static_cast<Ref>((entry >> 32) - 1))] = entry;
  }
  const std::size_t at = list_slot(record);
  if (lists_[at] == 0) ++list_count_;
  lists_[at] = (std::uint64_t{record} + 1) << 32 | list;
}

template <typename F>
std::size_t NameTable::each_name(Ref list, F&& visit) const {
  const char* const start = at(list);
  std::uint32_t names = 0;
  std::memcpy(&names, start + 4, sizeof names);
  const char* p = start + 8;
  for (std::uint32_t i = 0; i < names; ++i) {
    char* count = const_cast<char*>(p);
    p += 4;
    const std::size_t size = get_varint(p);
    visit(i, count, std::string_view(p, size));
    p += size;
  }
  return static_cast<std::size_t>(p - start);
}

NameTable::Ref NameTable::with_names(const Ref* list,
                                     std::initializer_list<Counted> names) {
  std::string bytes(8, '\0');  // the current name's index and the count
  if (list)
    bytes.assign(at(*list), each_name(*list, [](std::uint32_t, char*,
                                                std::string_view) {}));
  std::uint32_t count = 0;
  std::memcpy(&count, bytes.data() + 4, 4);
  for (const Counted& c : names) {
    bytes.append(4, '\0');
    std::memcpy(bytes.data() + bytes.size() - 4, &c.count, 4);
    put_varint(bytes, c.name.size());
    bytes.append(c.name);
    ++count;
  }
  std::memcpy(bytes.data() + 4, &count, 4);
  Ref out = 0;
  std::memcpy(allocate(bytes.size(), &out), bytes.data(), bytes.size());
  return out;
}

void NameTable::count(Ref record, std::string_view name) {
  char& count = at(record)[kCountAt];
  if (static_cast<unsigned char>(count) != kVariants) {
    first_name(record, scratch_);
    if (name == scratch_ && static_cast<unsigned char>(count) < kMaxCount) {
      ++count;
      return;
    }
    // The first name's count, and the new name's (counted below) at once.
    const std::uint32_t first = static_cast<unsigned char>(count);
    set_list(record, name == scratch_
                         ? with_names(nullptr, {{scratch_, first}})
                         : with_names(nullptr, {{scratch_, first}, {name, 0}}));
    count = static_cast<char>(kVariants);
  }
  Ref list = list_of(record);
  bool found = false;
  each_name(list, [&](std::uint32_t, char*, std::string_view n) {
    found = found || n == name;
  });
  if (!found) {
    list = with_names(&list, {{name, 0}});
    set_list(record, list);
  }
  std::uint32_t current = 0;
  std::memcpy(&current, at(list), 4);
  std::uint32_t index = 0, n = 0, current_count = 0;
  each_name(list, [&](std::uint32_t i, char* c, std::string_view text) {
    std::uint32_t value = 0;
    std::memcpy(&value, c, 4);
    if (text == name) {
      n = value + 1;
      std::memcpy(c, &n, 4);
      index = i;
    }
    if (i == current) current_count = value;
  });
  if (index != current && n > current_count) std::memcpy(at(list), &index, 4);
}

void NameTable::name(Ref record, std::string& out) const {
  if (static_cast<unsigned char>(at(record)[kCountAt]) != kVariants) {
    first_name(record, out);
    return;
  }
  const Ref list = list_of(record);
  std::uint32_t current = 0;
  std::memcpy(&current, at(list), 4);
  each_name(list, [&](std::uint32_t i, char*, std::string_view text) {
    if (i == current) out.assign(text);
  });
}

void NameTable::add_parts(LinkHeldBytes& parts) const noexcept {
  parts.name_slots += slots_.capacity() * sizeof(Ref);
  parts.name_lists += lists_.capacity() * sizeof(lists_[0]);
  parts.name_arena += blocks_.capacity() * sizeof(blocks_[0]) + block_bytes_ +
                      page_ids_.capacity() * sizeof(page_ids_[0]);
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
    const NameTable::Ref record =
        names.find_or_add(e.key, e.name, next_id, &added);
    if (added) ++next_id;
    names.count(record, e.name);
    return {names.id(record), static_cast<long>(record)};
  }
};

LinkStream::LinkStream(LinkOptions options)
    : state_(std::make_unique<State>(options)) {
  // The name tables of the options' language load with the first document's
  // keys; keying an empty document loads them now, so an unknown language
  // is an error here (naming it), as for a Corpus, not at a document.
  stream_keys(Document{}, state_->options);
}
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
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i] < 0) {
      out.names.push_back(keys.entities[i].name);
    } else {
      out.names.emplace_back();
      s.names.name(static_cast<NameTable::Ref>(entries[i]), out.names.back());
    }
  }
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
  return held_parts().total();
}

LinkHeldBytes LinkStream::held_parts() const noexcept {
  LinkHeldBytes parts;
  state_->names.add_parts(parts);
  state_->clusterer.add_held_parts(parts);
  return parts;
}

}  // namespace quotelink
