#include "countries.h"

#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

// The parts of `text` between `separator`s, each trimmed of spaces (and
// carriage returns); empty parts dropped when `skip_empty`.
std::vector<std::string> split_trimmed(std::string_view text, char separator,
                                       bool skip_empty) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t end = text.find(separator);
    std::string_view part = text.substr(0, end);
    while (!part.empty() && (part.front() == ' ' || part.front() == '\r'))
      part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\r'))
      part.remove_suffix(1);
    if (!part.empty() || !skip_empty) out.emplace_back(part);
    if (end == std::string_view::npos) return out;
    text.remove_prefix(end + 1);
  }
}

// The line without its comment and trailing blanks (tabs included: trailing
// empty columns are no columns).
std::string_view content_of(std::string_view line) {
  const std::size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  while (!line.empty() &&
         (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.remove_suffix(1);
  return line;
}

bool has_letter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    if (is_letter(decode_at(text, i, &length))) return true;
    i += length;
  }
  return false;
}

}  // namespace

std::vector<Country> parse_countries(std::string_view tsv,
                                     std::string_view source) {
  constexpr std::size_t kColumns = 4;
  std::vector<Country> out;
  std::size_t number = 0;
  for (std::string_view rest = tsv; !rest.empty();) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = content_of(rest.substr(0, end));
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    ++number;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::vector<std::string> columns = split_trimmed(line, '\t', false);
    const std::string where =
        std::string(source) + " line " + std::to_string(number) + ": ";
    if (columns.size() > kColumns)
      throw error(where + std::to_string(columns.size()) +
                  " columns, at most " + std::to_string(kColumns));
    if (!has_letter(columns[0]))
      throw error(where + "no country name in the first column");
    columns.resize(kColumns);
    Country c;
    c.name = columns[0];
    c.demonyms = split_trimmed(columns[1], ',', true);
    c.seats = split_trimmed(columns[2], ',', true);
    c.aliases = split_trimmed(columns[3], ',', true);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace quotelink::detail
