#include "quotelink/document.h"

#include "quotelink/version.h"

#define QUOTELINK_STRINGIFY2(x) #x
#define QUOTELINK_STRINGIFY(x) QUOTELINK_STRINGIFY2(x)

namespace quotelink {

const char* version() noexcept {
  return QUOTELINK_STRINGIFY(QUOTELINK_VERSION_MAJOR) "." QUOTELINK_STRINGIFY(
      QUOTELINK_VERSION_MINOR) "." QUOTELINK_STRINGIFY(QUOTELINK_VERSION_PATCH);
}

const char* to_string(QuoteKind kind) noexcept {
  switch (kind) {
    case QuoteKind::direct: return "direct";
    case QuoteKind::partial: return "partial";
    case QuoteKind::indirect: return "indirect";
  }
  return "direct";
}

const char* to_string(MentionKind kind) noexcept {
  switch (kind) {
    case MentionKind::name: return "name";
    case MentionKind::role: return "role";
    case MentionKind::organisation: return "organisation";
    case MentionKind::place: return "place";
    case MentionKind::document: return "document";
    case MentionKind::pronoun: return "pronoun";
  }
  return "name";
}

const char* to_string(EntityType type) noexcept {
  switch (type) {
    case EntityType::person: return "person";
    case EntityType::organisation: return "organisation";
    case EntityType::group: return "group";
    case EntityType::unknown: return "unknown";
  }
  return "unknown";
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
