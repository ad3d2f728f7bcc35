#include "countries.h"

#include "quotelink/error.h"

namespace quotelink::detail {

Countries Countries::of(const Vocabulary& vocabulary) {
  const WordClass place = vocabulary.word_class("mention_place");
  const WordClass demonym = vocabulary.word_class("mention_demonym");
  Countries out;
  const std::vector<LexiconEntry>& entries = vocabulary.entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LexiconEntry& e = entries[i];
    const bool is_place = e.classes.has(place);
    const bool is_demonym = e.classes.has(demonym);
    if (!is_place && !is_demonym) continue;
    const std::string_view name = e.attribute("country");
    if (name.empty())
      throw error(e.where + ": a place or demonym names its country=");
    int country = -1;
    for (std::size_t c = 0; c < out.names.size() && country < 0; ++c)
      if (out.names[c] == name) country = static_cast<int>(c);
    if (country < 0) {
      country = static_cast<int>(out.names.size());
      out.names.emplace_back(name);
    }
    out.phrases.push_back(CountryPhrase{static_cast<std::uint32_t>(i), country,
                                        is_place, is_demonym});
  }
  return out;
}

}  // namespace quotelink::detail
