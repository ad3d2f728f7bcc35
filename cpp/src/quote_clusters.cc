#include "quote_clusters.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <unordered_set>
#include <utility>

#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

// A final mix so that nearby inputs spread over all bits (splitmix64).
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

bool ascii_alnum(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= '0' && cp <= '9');
}

// A letter, digit or combining mark: part of a word (ASCII without ICU).
bool word_character(char32_t cp) {
  if (cp < 0x80) return ascii_alnum(cp);
  return U_GET_GC_MASK(static_cast<UChar32>(cp)) &
         (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK);
}

bool joins_word(char32_t cp) {
  // Hyphens, soft hyphens and apostrophes inside a word are spelling, not
  // word breaks: counter-productive = counterproductive, don't = dont.
  if (cp < 0x80) return cp == '-' || cp == '\'';  // the ASCII ones
  return is_dash(cp) || cp == 0x00AD || cp == U'\'' || cp == 0x2019 ||
         cp == 0x2010 || cp == 0x2011;
}

}  // namespace

std::vector<std::string> quote_words(std::string_view text) {
  const std::string lower = to_lower(text);
  std::vector<std::string> words;
  std::string current;
  for (std::size_t i = 0; i < lower.size();) {
    std::size_t length = 1;
    char32_t cp = decode_at(lower, i, &length);
    if (word_character(cp)) {
      current.append(lower, i, length);
    } else if (!current.empty() && joins_word(cp) &&
               i + length < lower.size()) {
      std::size_t next_length = 1;
      char32_t next = decode_at(lower, i + length, &next_length);
      if (!(next < 0x80 ? ascii_alnum(next)
                        : is_letter(next) || is_digit(next))) {
        words.push_back(std::move(current));
        current.clear();
      }
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
    i += length;
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

QuoteKeys quote_keys(std::string_view text, int shingle_words) {
  const std::vector<std::string> words = quote_words(text);
  QuoteKeys keys;
  keys.words = static_cast<std::uint32_t>(words.size());
  std::vector<std::uint64_t> hashes;
  hashes.reserve(words.size());
  std::uint64_t exact = kFnvOffset;
  for (const std::string& word : words) {
    hashes.push_back(mix(fnv1a(word)));
    exact = mix(exact ^ hashes.back());
  }
  keys.exact = exact;
  const std::size_t k = static_cast<std::size_t>(std::max(1, shingle_words));
  for (std::size_t i = 0; i + k <= hashes.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < k; ++j) h = mix(h ^ hashes[i + j]);
    keys.shingles.push_back(static_cast<std::uint32_t>(h >> 32));
  }
  std::sort(keys.shingles.begin(), keys.shingles.end());
  keys.shingles.erase(std::unique(keys.shingles.begin(), keys.shingles.end()),
                      keys.shingles.end());
  return keys;
}

QuoteClusterer::QuoteClusterer(int shingle_words, int min_contained_words,
                               bool keep_members)
    : min_contained_words_(min_contained_words),
      keep_members_(keep_members),
      shingle_words_(static_cast<std::uint32_t>(std::max(1, shingle_words))) {
  if (shingle_words < 1)
    throw error("LinkOptions.shingle_words must be at least 1, not " +
                std::to_string(shingle_words));
  if (min_contained_words < shingle_words)
    throw error(
        "LinkOptions.min_contained_words must be at least "
        "shingle_words (" +
        std::to_string(shingle_words) + "), not " +
        std::to_string(min_contained_words));
}

int QuoteClusterer::find(int cluster) const {
  int root = cluster;
  for (auto up = parent_.find(root); up != parent_.end();
       up = parent_.find(root))
    root = up->second;
  while (cluster != root) {  // path compression
    int& up = parent_.find(cluster)->second;
    cluster = std::exchange(up, root);
  }
  return root;
}

int QuoteClusterer::merge(int a, int b) {
  a = find(a);
  b = find(b);
  if (a == b) return a;
  if (b < a) std::swap(a, b);
  parent_.emplace(b, a);
  if (!keep_members_) return a;
  Entry& into = clusters_[a];
  Entry& from = clusters_[b];
  into.members.insert(into.members.end(), from.members.begin(),
                      from.members.end());
  std::sort(into.members.begin(), into.members.end(),
            [](const QuoteRef& x, const QuoteRef& y) {
              return x.document != y.document ? x.document < y.document
                                              : x.quote < y.quote;
            });
  if (from.text.size() > into.text.size()) into.text.swap(from.text);
  from = Entry{};
  return a;
}

int QuoteClusterer::ExactTable::find(std::uint64_t hash) const {
  int found = -1;
  high_.visit(static_cast<std::uint32_t>(hash >> 32), [&](std::uint32_t entry) {
    if (low_[entry] == static_cast<std::uint32_t>(hash)) found = cluster(entry);
  });
  return found;
}

std::uint32_t QuoteClusterer::ExactTable::insert(std::uint64_t hash,
                                                 int cluster, bool opened) {
  const auto entry = static_cast<std::uint32_t>(low_.size());
  low_.push_back(static_cast<std::uint32_t>(hash));
  high_.add(entry, static_cast<std::uint32_t>(hash >> 32));
  if (entry % 64 == 0) {
    opened_bits_.push_back(0);
    opened_before_.push_back(opened_count_);
  }
  if (!opened) {
    joined_.push_back(Joined{entry, cluster});
    return entry;
  }
  opened_bits_.back() |= std::uint64_t{1} << (entry % 64);
  const int offset = offsets_.empty() ? 0 : offsets_.back().offset;
  const auto rank = static_cast<int>(opened_count_);
  if (cluster != rank + offset)
    offsets_.push_back(Step{opened_count_, cluster - rank});
  ++opened_count_;
  return entry;
}

int QuoteClusterer::ExactTable::cluster(std::uint32_t entry) const {
  const std::uint64_t bits = opened_bits_[entry / 64];
  const unsigned bit = entry % 64;
  if (!((bits >> bit) & 1)) {  // joined: binary search by entry
    std::size_t low = 0, high = joined_.size();
    while (high - low > 1) {
      const std::size_t mid = (low + high) / 2;
      (joined_[mid].entry <= entry ? low : high) = mid;
    }
    return joined_[low].cluster;
  }
  const std::uint64_t before = bits & ((std::uint64_t{1} << bit) - 1);
  const std::uint32_t rank =
      opened_before_[entry / 64] +
      static_cast<std::uint32_t>(__builtin_popcountll(before));
  const auto step = std::upper_bound(
      offsets_.begin(), offsets_.end(), rank,
      [](std::uint32_t r, const Step& s) { return r < s.rank; });
  const int offset = step == offsets_.begin() ? 0 : std::prev(step)->offset;
  return static_cast<int>(rank) + offset;
}

std::size_t QuoteClusterer::ExactTable::bytes() const noexcept {
  return high_.bytes() + low_.bytes() + opened_bits_.bytes() +
         opened_before_.bytes() + joined_.bytes() +
         offsets_.capacity() * sizeof(Step);
}

QuoteClusterer::Counts QuoteClusterer::counts(std::uint32_t entry) const {
  const std::uint16_t packed = counts_[entry];
  if (packed == kLongCounts) return long_counts_.at(entry);
  const std::uint32_t words = packed & ((1u << kWordBits) - 1);
  return Counts{words, full_shingles(words) - (packed >> kWordBits)};
}

void QuoteClusterer::push_counts(std::uint32_t entry, Counts c) {
  const std::uint32_t full = full_shingles(c.words);
  const std::uint32_t missing = full - c.shingles;
  if (c.words < (1u << kWordBits) && c.shingles <= full &&
      missing < (kLongCounts >> kWordBits)) {
    counts_.push_back(
        static_cast<std::uint16_t>(c.words | missing << kWordBits));
  } else {
    counts_.push_back(kLongCounts);
    long_counts_[entry] = c;
  }
}

std::size_t QuoteClusterer::held_bytes() const noexcept {
  LinkHeldBytes parts;
  add_held_parts(parts);
  return parts.total();
}

void QuoteClusterer::add_held_parts(LinkHeldBytes& parts) const noexcept {
  // A hash-map node: next pointer, key and value (cached hash for none of
  // these integer keys), rounded up as malloc does.
  constexpr std::size_t kNode = 32;
  const ShingleIndex::Bytes index = index_.held();
  parts.index_codes += index.codes;
  parts.index_headers += index.headers;
  parts.index_tail += index.tail;
  parts.exact += exact_.bytes();
  parts.counts += counts_.bytes();
  parts.parents +=
      (parent_.bucket_count() + long_counts_.bucket_count()) * sizeof(void*) +
      parent_.size() * kNode + long_counts_.size() * kNode;
}

const std::vector<std::uint32_t>& QuoteClusterer::indexed(
    const QuoteKeys& key) {
  if (kIndexBits == 32) return key.shingles;
  scratch_.clear();
  for (std::uint32_t shingle : key.shingles)  // sorted: so are the tops
    if (scratch_.empty() || scratch_.back() != shingle >> (32 - kIndexBits))
      scratch_.push_back(shingle >> (32 - kIndexBits));
  return scratch_;
}

int QuoteClusterer::add(const QuoteKeys& key, const QuoteRef& ref,
                        std::string_view text) {
  int cluster = -1;
  auto join = [&](int other) {
    cluster = cluster < 0 ? find(other) : merge(cluster, other);
  };
  const int exact = key.words > 0 ? exact_.find(key.exact) : -1;
  const bool duplicate = exact >= 0;
  if (duplicate) join(exact);
  const std::vector<std::uint32_t>& shingles = indexed(key);
  const std::uint32_t shingle_count =
      static_cast<std::uint32_t>(shingles.size());
  const auto min_words = static_cast<std::uint32_t>(min_contained_words_);
  // A quotation under min_contained_words words can neither be contained
  // nor contain one (the container has at least the words of the other).
  const bool containable = key.words >= min_words && !key.shingles.empty();
  if (!duplicate && containable) {
    // Shared shingles per earlier quotation; containment either way means
    // every shingle of the shorter one is shared.
    std::unordered_map<std::uint32_t, std::uint32_t> shared;
    for (std::uint32_t shingle : shingles)
      index_.visit(shingle, [&](std::uint32_t quote) { ++shared[quote]; });
    std::vector<int> found;
    for (const auto& [quote, count] : shared) {
      const Counts other = counts(quote);
      const bool inside_new =
          count == other.shingles && other.words <= key.words;
      const bool new_inside =
          count == shingle_count && other.words >= key.words;
      if (inside_new || new_inside) found.push_back(exact_.cluster(quote));
    }
    // Merging in id order keeps the result independent of hash-map order.
    std::sort(found.begin(), found.end());
    for (int other : found) join(other);
  }
  const bool opened = cluster < 0;
  if (opened) {
    cluster = cluster_count_++;
    if (keep_members_) clusters_.emplace_back();
  }
  if (keep_members_) {
    Entry& entry = clusters_[cluster];
    entry.members.push_back(ref);
    if (entry.text.empty() || text.size() > entry.text.size())
      entry.text = std::string(text);
  }
  if (key.words > 0 && !duplicate) {
    const std::uint32_t entry = exact_.insert(key.exact, cluster, opened);
    push_counts(entry, Counts{key.words, shingle_count});
    // An exact duplicate adds no shingle the index lacks; skipping it keeps
    // syndicated copies of an article from growing the index.
    if (containable) index_.add(entry, shingles);
  }
  return cluster;
}

std::vector<QuoteCluster> QuoteClusterer::clusters(
    std::size_t min_documents) const {
  std::vector<QuoteCluster> out;
  for (std::size_t id = 0; id < clusters_.size(); ++id) {
    if (find(static_cast<int>(id)) != static_cast<int>(id)) continue;
    QuoteCluster cluster;
    cluster.id = static_cast<int>(id);
    cluster.text = clusters_[id].text;
    cluster.quotes = clusters_[id].members;
    if (cluster.document_count() >= min_documents)
      out.push_back(std::move(cluster));
  }
  return out;
}

}  // namespace quotelink::detail
