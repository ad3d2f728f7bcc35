// What the learned layer's feature templates share: hashing a template's
// strings and reading words around tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quotelink/document.h"
#include "text.h"

namespace quotelink::detail {

/// Appends features: each is a template id and one or two strings, hashed.
class FeatureSink {
 public:
  explicit FeatureSink(std::vector<std::uint32_t>& out) : out_(out) {}
  void add(std::uint32_t id, std::string_view a);
  void add(std::uint32_t id, std::string_view a, std::string_view b);

 private:
  std::vector<std::uint32_t>& out_;
};

/// ASCII lower case: features need a stable key, not full case folding.
std::string lower_ascii(std::string_view s);

/// The first token starting at or after byte `offset`, or tokens.size().
int first_token_from(const TextLayout& layout, std::size_t offset);

/// The lower-cased word of token t, or a boundary marker outside the text.
std::string word_at(const Document& doc, const TextLayout& layout, int t);

/// A count as a coarse bucket name ("1", "2", "3", "4-6", ..., "26+").
const char* length_bucket(int n);

/// The sieve without its suffixes (+pronoun, +nominal, +model).
std::string_view base_sieve(std::string_view sieve);

}  // namespace quotelink::detail
