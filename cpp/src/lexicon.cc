#include "lexicon.h"

namespace quotelink::detail {

std::vector<std::string> embedded_lines(std::string_view name) {
  std::string_view data = embedded_file(name);
  std::vector<std::string> lines;
  while (!data.empty()) {
    std::size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' ||
                             line.back() == '\r'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
      line.remove_prefix(1);
    if (!line.empty()) lines.emplace_back(line);
  }
  return lines;
}

}  // namespace quotelink::detail
