#include "quotelink/document.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <mutex>
#include <ostream>
#include <unordered_map>

#include "quotelink/error.h"
#include "quotelink/version.h"

#define QUOTELINK_STRINGIFY2(x) #x
#define QUOTELINK_STRINGIFY(x) QUOTELINK_STRINGIFY2(x)

namespace quotelink {

const char* version() noexcept {
  return QUOTELINK_STRINGIFY(QUOTELINK_VERSION_MAJOR) "." QUOTELINK_STRINGIFY(
      QUOTELINK_VERSION_MINOR) "." QUOTELINK_STRINGIFY(QUOTELINK_VERSION_PATCH);
}

namespace {

// A block of `capacity` spans after its header, the header filled.
Span* new_span_block(std::uint32_t size, std::uint32_t capacity) {
  Span* block = new Span[capacity + 1];
  block[0] = Span{size, capacity};
  return block;
}

}  // namespace

CompactString::CompactString(CompactString&& other) noexcept {
  std::memcpy(bytes_, other.bytes_, sizeof bytes_);
  std::memset(other.bytes_, 0, sizeof other.bytes_);
}

CompactString& CompactString::operator=(const CompactString& other) {
  if (this != &other) assign(other.view());
  return *this;
}

CompactString& CompactString::operator=(CompactString&& other) noexcept {
  if (this != &other) {
    release();
    std::memcpy(bytes_, other.bytes_, sizeof bytes_);
    std::memset(other.bytes_, 0, sizeof other.bytes_);
  }
  return *this;
}

CompactString& CompactString::operator=(std::string_view text) {
  assign(text);
  return *this;
}

const char* CompactString::heap_data() const noexcept {
  const char* p = nullptr;
  std::memcpy(&p, bytes_, sizeof p);
  return p;
}

std::size_t CompactString::heap_size() const noexcept {
  std::uint32_t n = 0;
  std::memcpy(&n, bytes_ + 8, sizeof n);
  return n;
}

// Copies `text` first, since it may be a view of this string's own bytes.
void CompactString::assign(std::string_view text) {
  char fresh[16] = {};
  if (text.size() <= kInline) {
    std::memcpy(fresh, text.data(), text.size());
    fresh[15] = static_cast<char>(text.size());
  } else {
    char* p = new char[text.size()];
    std::memcpy(p, text.data(), text.size());
    const auto n = static_cast<std::uint32_t>(text.size());
    std::memcpy(fresh, &p, sizeof p);
    std::memcpy(fresh + 8, &n, sizeof n);
    fresh[15] = static_cast<char>(kHeap);
  }
  release();
  std::memcpy(bytes_, fresh, sizeof bytes_);
}

void CompactString::release() noexcept {
  if (on_heap()) delete[] heap_data();
  std::memset(bytes_, 0, sizeof bytes_);
}

std::ostream& operator<<(std::ostream& out, const CompactString& text) {
  return out << text.view();
}

SpanList::SpanList(std::initializer_list<Span> spans) {
  if (spans.size() == 0) return;
  const auto n = static_cast<std::uint32_t>(spans.size());
  block_ = new_span_block(n, n);
  std::copy(spans.begin(), spans.end(), block_ + 1);
}

SpanList::SpanList(const SpanList& other) {
  if (other.empty()) return;
  const auto n = static_cast<std::uint32_t>(other.size());
  block_ = new_span_block(n, n);
  std::copy(other.begin(), other.end(), block_ + 1);
}

SpanList& SpanList::operator=(const SpanList& other) {
  if (this != &other) {
    SpanList copy(other);
    std::swap(block_, copy.block_);
  }
  return *this;
}

SpanList& SpanList::operator=(SpanList&& other) noexcept {
  if (this != &other) {
    delete[] block_;
    block_ = other.block_;
    other.block_ = nullptr;
  }
  return *this;
}

SpanList::~SpanList() { delete[] block_; }

void SpanList::push_back(const Span& span) {
  const std::uint32_t n = block_ ? block_[0].begin : 0;
  const std::uint32_t capacity = block_ ? block_[0].end : 0;
  if (n == capacity) {
    Span* grown = new_span_block(n, capacity == 0 ? 1 : 2 * capacity);
    if (block_) std::copy(block_ + 1, block_ + 1 + n, grown + 1);
    delete[] block_;
    block_ = grown;
  }
  block_[n + 1] = span;
  block_[0].begin = n + 1;
}

void SpanList::clear() noexcept {
  delete[] block_;
  block_ = nullptr;
}

bool operator==(const SpanList& a, const SpanList& b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

const char* to_string(QuoteKind kind) noexcept {
  switch (kind) {
    case QuoteKind::direct:
      return "direct";
    case QuoteKind::partial:
      return "partial";
    case QuoteKind::indirect:
      return "indirect";
  }
  return "direct";
}

const char* to_string(MentionKind kind) noexcept {
  switch (kind) {
    case MentionKind::name:
      return "name";
    case MentionKind::role:
      return "role";
    case MentionKind::organisation:
      return "organisation";
    case MentionKind::place:
      return "place";
    case MentionKind::document:
      return "document";
    case MentionKind::pronoun:
      return "pronoun";
  }
  return "name";
}

const char* to_string(EntityType type) noexcept {
  switch (type) {
    case EntityType::person:
      return "person";
    case EntityType::organisation:
      return "organisation";
    case EntityType::group:
      return "group";
    case EntityType::unknown:
      return "unknown";
  }
  return "unknown";
}

namespace {

// The process's sieve labels. Ids are handed out under the mutex; a label's
// name is written to its slot before its id is returned, and a chunk of
// slots is published (release) before any id in it, so reading a name needs
// no lock: whoever holds an id got it after its slot was written.
class LabelTable {
 public:
  static constexpr std::size_t kChunk = 256;
  static constexpr std::size_t kChunks = 256;  // 65,536 ids, 0 the empty one

  std::uint16_t intern(std::string_view name) {
    if (name.empty()) return 0;
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = ids_.find(name);
    if (found != ids_.end()) return found->second;
    if (count_ == kChunk * kChunks)
      throw error("more than 65,535 distinct sieve labels");
    const std::size_t id = count_++;
    std::string_view* chunk =
        chunks_[id / kChunk].load(std::memory_order_relaxed);
    if (!chunk) {
      chunk = new std::string_view[kChunk];
      chunks_[id / kChunk].store(chunk, std::memory_order_release);
    }
    const std::string& stored = names_.emplace_back(name);
    chunk[id % kChunk] = stored;
    ids_.emplace(stored, static_cast<std::uint16_t>(id));
    return static_cast<std::uint16_t>(id);
  }

  std::string_view name(std::uint16_t id) const noexcept {
    if (id == 0) return {};
    return chunks_[id / kChunk].load(std::memory_order_acquire)[id % kChunk];
  }

 private:
  std::mutex mutex_;
  std::deque<std::string> names_;  // a deque never moves its strings
  std::unordered_map<std::string_view, std::uint16_t> ids_;
  std::size_t count_ = 1;
  std::atomic<std::string_view*> chunks_[kChunks] = {};
};

// Never destroyed: labels may be read by other objects' destructors at exit.
LabelTable& labels() {
  static LabelTable* table = new LabelTable;
  return *table;
}

}  // namespace

SieveLabel::SieveLabel(std::string_view name) : id_(labels().intern(name)) {}

std::string_view SieveLabel::name() const noexcept {
  return labels().name(id_);
}

SieveLabel& SieveLabel::operator+=(std::string_view suffix) {
  // Labels are short ("reported_after+model+source"): joined on the stack,
  // so that a suffix added to every record allocates nothing.
  const std::string_view base = name();
  char buffer[128];
  if (base.size() + suffix.size() <= sizeof buffer) {
    std::memcpy(buffer, base.data(), base.size());
    std::memcpy(buffer + base.size(), suffix.data(), suffix.size());
    id_ = labels().intern({buffer, base.size() + suffix.size()});
    return *this;
  }
  std::string joined(base);
  joined += suffix;
  id_ = labels().intern(joined);
  return *this;
}

std::ostream& operator<<(std::ostream& out, SieveLabel label) {
  return out << label.name();
}

namespace {
constexpr std::size_t kBlock = 64;
inline bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
}  // namespace

void Document::build_offset_index() {
  block_code_points_.clear();
  block_code_points_.reserve(text.size() / kBlock + 1);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_code_points_.push_back(count);
    if (!is_continuation(text[i])) ++count;
  }
}

std::size_t Document::code_point_offset(std::size_t byte) const {
  if (byte > text.size()) byte = text.size();
  std::size_t block = byte / kBlock;
  std::size_t count = 0;
  std::size_t i = 0;
  if (block < block_code_points_.size()) {
    count = block_code_points_[block];
    i = block * kBlock;
  } else if (!block_code_points_.empty()) {
    count = block_code_points_.back();
    i = (block_code_points_.size() - 1) * kBlock;
  }
  for (; i < byte; ++i)
    if (!is_continuation(text[i])) ++count;
  return count;
}

}  // namespace quotelink
