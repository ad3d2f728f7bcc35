// The country table of a language pack (countries.tsv: entries of the
// classes mention_place and mention_demonym naming their country with
// country=), read once from the vocabulary for the mention stage and the
// corpus linker.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vocabulary.h"

namespace quotelink::detail {

/// One phrase of the country table: a vocabulary entry and its country.
struct CountryPhrase {
  std::uint32_t entry = 0;  ///< index into Vocabulary::entries()
  int country = -1;         ///< index into Countries::names
  bool place = false;       ///< mention_place: a name, alias, capital or seat
  bool demonym = false;     ///< mention_demonym: "Russian"
};

/// The countries of a pack and the phrases naming them.
struct Countries {
  /// Country names as country= writes them ("Russia"), numbered in order of
  /// first mention.
  std::vector<std::string> names;
  /// Every place and demonym entry, in entry order (a phrase's first line
  /// decides its country: attributes keep their first value).
  std::vector<CountryPhrase> phrases;

  /// The table of `vocabulary`'s mention_place and mention_demonym entries;
  /// throws quotelink::error naming the entry's file and line for one
  /// without country=.
  static Countries of(const Vocabulary& vocabulary);
};

}  // namespace quotelink::detail
