// Corpus stage, names: the keys under which speaker names from different
// documents are the same entity. A key is exact (no fuzzy scoring), so linking
// is a hash lookup and never compares pairs of names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "countries.h"
#include "quotelink/extractor.h"
#include "vocabulary.h"

namespace quotelink::detail {

/// A word of a name after folding: lower-case ASCII, and whether the original
/// word began with a capital (or an uncased letter, as in CJK scripts).
struct NameWord {
  std::string text;
  bool capitalised = false;
};

/// `text` transliterated to Latin and folded to ASCII (ICU "Any-Latin;
/// Latin-ASCII"), case kept. Thread-safe.
std::string fold_to_ascii(std::string_view text);

/// The words of `text` after fold_to_ascii, lower-cased, split at anything that
/// is not a letter or digit; a possessive 's is dropped ("Russia's" -> russia).
std::vector<NameWord> name_words(std::string_view text);

/// The spelling of one folded word with transliteration variants removed, so
/// that Sergei, Sergey and Sergej (or Dmitry, Dmitri, Dmitriy) agree.
std::string spelling_skeleton(std::string_view word);

/// Countries, their demonyms, capitals, seats and aliases (the pack's
/// countries.tsv), indexed by folded phrase.
class CountryTable {
 public:
  /// The table of `countries`, whose phrases are entries of `vocabulary`.
  static CountryTable from(const Countries& countries,
                           const Vocabulary& vocabulary);

  /// How many words the phrase at `words[at]` covers (0: no phrase); sets
  /// `*country` to the country's folded name.
  std::size_t match(const std::vector<NameWord>& words, std::size_t at,
                    std::string* country) const;

 private:
  std::unordered_map<std::string, std::string> phrases_;  // words joined by ' '
  std::size_t longest_ = 0;
};

/// The word classes the linker reads from the language pack
/// (data/<lang>/link_words.tsv), besides the mention stage's mention_article.
inline constexpr std::string_view kLinkWordClasses[] = {
    "link_org_filler", "link_government_word", "link_name_suffix"};

/// The word lists the linker uses: the pack's classes, its own and the mention
/// stage's (titles, not-names, countries).
struct NameTables {
  std::unordered_set<std::string> titles;
  std::unordered_set<std::string> org_filler;
  std::unordered_set<std::string> government_words;
  /// "the": may open a country's name ("the Kremlin").
  std::unordered_set<std::string> articles;
  /// "jr", "sr": end a person's name, no part of its key.
  std::unordered_set<std::string> name_suffixes;
  std::unordered_set<std::string> not_name_words;
  CountryTable countries;

  /// The tables of `config`: the pack of config.language and
  /// config.extra_titles, whose words are title words too ("Commissar Jane
  /// Roe" keys as Jane Roe).
  static NameTables load(const Config& config);
  /// The tables of `vocabulary` (a pack loaded with its Config's extensions).
  static NameTables of(const Vocabulary& vocabulary);
  /// The tables of the default Config (loaded once, shared, read-only).
  static const NameTables& builtin();
};

/// True when the whole of `name` (after a leading "the") is a country, its
/// demonym, capital, seat or alias: "North Korea", "the Kremlin", "Moscow".
bool is_country(std::string_view name, const NameTables& tables);

/// What a key identifies; the kind is also the key's prefix.
enum class KeyKind {
  none,          ///< not linkable across documents (a role, a pronoun)
  person,        ///< "p:" full name, two words or more
  surname,       ///< "s:" one-word person name, unresolved in its document
  organisation,  ///< "o:" organisation words, order-free
  government,    ///< "g:" a country standing for its government
};

/// A cross-document key and the words it was built from.
struct NameKey {
  KeyKind kind = KeyKind::none;
  std::string key;                 ///< empty when kind == none
  std::vector<std::string> words;  ///< person: skeleton words in name order
  std::string display;             ///< the name without titles, as written
};

/// Key of a person name: titles and everything before the last title dropped,
/// hyphens, spaces and case ignored, spellings reduced to their skeleton.
/// A name starting or ending in a lower-case word is a role: kind none.
NameKey person_key(std::string_view name, const NameTables& tables);

/// Key of an organisation or a place standing for a government: countries,
/// demonyms and capitals reduced to the country, filler words dropped, word
/// order ignored. A lower-case nominal without a country ("the ministry") is
/// not linkable: kind none.
NameKey organisation_key(std::string_view name, const NameTables& tables);

}  // namespace quotelink::detail
