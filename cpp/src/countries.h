// The country table (countries.tsv), parsed once for the mention stage and
// the cross-document name keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quotelink::detail {

/// One row of countries.tsv.
struct Country {
  std::string name;
  std::vector<std::string> demonyms;  ///< "Russian"
  std::vector<std::string> seats;  ///< capitals and seats: "Moscow", "Kremlin"
  std::vector<std::string> aliases;  ///< "Russian Federation"
};

/// Parses countries.tsv text: one country a line, with up to four
/// tab-separated columns (name, demonyms, capitals and seats, aliases), list
/// columns comma-separated, '#' starting a comment, blank lines skipped.
/// Throws quotelink::error naming `source` and the line number for a line
/// with more than four columns or without a letter in the first column.
std::vector<Country> parse_countries(std::string_view tsv,
                                     std::string_view source);

}  // namespace quotelink::detail
