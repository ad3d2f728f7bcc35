#include "name_keys.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "lexicon.h"
#include "quotelink/error.h"
#include "unicode.h"

namespace quotelink::detail {

namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
}

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

// True when `text` has no cased letter at all (Han, Hangul, Arabic, ...), so
// capitalisation says nothing about whether it is a name.
bool uncased(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    char32_t cp = decode_at(text, i, &length);
    if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_CASED))
      return false;
    i += length;
  }
  return true;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t end = text.find(separator);
    out.push_back(text.substr(0, end));
    if (end == std::string_view::npos) return out;
    text.remove_prefix(end + 1);
  }
}

std::string joined(const std::vector<NameWord>& words, std::size_t from,
                   std::size_t count) {
  std::string out;
  for (std::size_t i = from; i < from + count; ++i) {
    if (i > from) out += ' ';
    out += words[i].text;
  }
  return out;
}

}  // namespace

std::string fold_to_ascii(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  // Transliterator instances are not thread-safe; one per thread is cheap
  // compared with building it per call.
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t)
      throw error("ICU transliterator Any-Latin; Latin-ASCII is unavailable");
    return t;
  }();
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  transliterator->transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

std::vector<NameWord> name_words(std::string_view text) {
  const bool all_capitalised = !is_ascii(text) && uncased(text);
  const std::string folded = fold_to_ascii(text);
  std::vector<NameWord> words;
  bool acronym = false;  // the last word is dotted single letters: "U.N"
  std::size_t i = 0;
  while (i < folded.size()) {
    if (!ascii_alnum(folded[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < folded.size() && ascii_alnum(folded[end])) ++end;
    // U.N. and UN, U.S. and US are one word.
    if (end - i == 1 && acronym && folded[i - 1] == '.' &&
        ascii_alnum(folded[i - 2])) {
      words.back().text += ascii_lower(folded[i]);
      i = end;
      continue;
    }
    acronym = end - i == 1 && end < folded.size() && folded[end] == '.';
    NameWord word;
    for (std::size_t k = i; k < end; ++k) word.text += ascii_lower(folded[k]);
    word.capitalised =
        all_capitalised || (folded[i] >= 'A' && folded[i] <= 'Z');
    // The second half of a hyphenated name keeps the first half's capital
    // ("Ryong-hae"), but the particle of "al-Assad" does not lower "Assad".
    if (i > 0 && folded[i - 1] == '-' && !words.empty())
      word.capitalised = word.capitalised || words.back().capitalised;
    const bool possessive = word.text == "s" && i > 0 &&
                            folded[i - 1] == '\'' && !words.empty() &&
                            end - i == 1;
    if (!possessive) words.push_back(std::move(word));
    i = end;
  }
  return words;
}

std::string spelling_skeleton(std::string_view word) {
  std::string s;
  for (std::size_t i = 0; i < word.size(); ++i) {
    // Aleksei / Alexei.
    if (word[i] == 'k' && i + 1 < word.size() && word[i + 1] == 's') {
      s += 'x';
      ++i;
      continue;
    }
    // Doubled letters are a spelling choice (Mohammed / Mohamed, Dmitrii).
    if (!s.empty() && s.back() == word[i] &&
        !(word[i] >= '0' && word[i] <= '9'))
      continue;
    s += word[i];
  }
  auto vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  };
  // Word-final y/j after a vowel, and iy/ij, are one sound spelled several
  // ways (Sergey, Sergej, Sergei; Dmitriy, Dmitry, Dmitri). Only the end of
  // the word: inside it, Jong and Yong are different names.
  if (s.size() >= 3 && (s.back() == 'y' || s.back() == 'j')) {
    char before = s[s.size() - 2];
    if (before == 'i') {
      s.pop_back();
    } else if (vowel(before)) {
      s.back() = 'i';
    } else if (s.back() == 'y') {
      s.back() = 'i';
    }
  }
  return s;
}

CountryTable CountryTable::from(const Countries& countries,
                                const Vocabulary& vocabulary) {
  CountryTable table;
  std::vector<std::string> names;
  for (const std::string& name : countries.names) {
    const std::vector<NameWord> words = name_words(name);
    names.push_back(joined(words, 0, words.size()));
  }
  std::string text;
  for (const CountryPhrase& p : countries.phrases) {
    text.clear();
    for (WordId w : vocabulary.entries()[p.entry].words)
      (text += text.empty() ? "" : " ") += vocabulary.word(w);
    const std::vector<NameWord> words = name_words(text);
    if (words.empty()) continue;
    // The first entry naming a phrase wins ("Congolese" names one Congo).
    table.phrases_.emplace(joined(words, 0, words.size()), names[p.country]);
    table.longest_ = std::max(table.longest_, words.size());
  }
  return table;
}

std::size_t CountryTable::match(const std::vector<NameWord>& words,
                                std::size_t at, std::string* country) const {
  for (std::size_t n = std::min(longest_, words.size() - at); n > 0; --n) {
    auto it = phrases_.find(joined(words, at, n));
    if (it != phrases_.end()) {
      *country = it->second;
      return n;
    }
  }
  return 0;
}

namespace {

// The entries of class `name` of `vocabulary`, as strings.
std::unordered_set<std::string> class_words(const Vocabulary& vocabulary,
                                            std::string_view name) {
  std::vector<std::string> words =
      vocabulary.entry_texts(vocabulary.word_class(name));
  return {words.begin(), words.end()};
}

}  // namespace

NameTables NameTables::load(const Config& config) {
  return of(
      load_vocabulary(config.language, builtin_pack(config.language), config));
}

NameTables NameTables::of(const Vocabulary& vocabulary) {
  NameTables t;
  t.org_filler = class_words(vocabulary, kLinkWordClasses[0]);
  t.government_words = class_words(vocabulary, kLinkWordClasses[1]);
  t.name_suffixes = class_words(vocabulary, kLinkWordClasses[2]);
  t.articles = class_words(vocabulary, "mention_article");
  // Every word of a title (Config::extra_titles too) is a title word
  // ("foreign minister"), except function words ("secretary of state").
  for (const std::string& title :
       vocabulary.entry_texts(vocabulary.word_class("mention_title")))
    for (const NameWord& word : name_words(title))
      if (!t.org_filler.count(word.text)) t.titles.insert(word.text);
  t.not_name_words = class_words(vocabulary, "mention_not_name");
  t.countries = CountryTable::from(Countries::of(vocabulary), vocabulary);
  return t;
}

const NameTables& NameTables::builtin() {
  static const NameTables tables = load(Config{});
  return tables;
}

bool is_country(std::string_view name, const NameTables& tables) {
  std::vector<NameWord> words = name_words(name);
  std::size_t at = !words.empty() && tables.articles.count(words[0].text);
  if (at >= words.size()) return false;
  std::string country;
  return tables.countries.match(words, at, &country) == words.size() - at;
}

NameKey person_key(std::string_view name, const NameTables& tables) {
  // Whitespace-separated tokens keep the original spelling for display.
  std::vector<std::string_view> tokens;
  std::vector<std::vector<NameWord>> token_words;
  for (std::string_view token : split(name, ' ')) {
    for (std::string_view part : split(token, '\n')) {
      std::vector<NameWord> words = name_words(part);
      if (words.empty()) continue;
      tokens.push_back(part);
      token_words.push_back(std::move(words));
    }
  }
  auto all_in = [](const std::vector<NameWord>& words,
                   const std::unordered_set<std::string>& set) {
    return std::all_of(words.begin(), words.end(), [&](const NameWord& w) {
      return set.count(w.text) > 0;
    });
  };
  std::size_t begin = 0;
  std::size_t end = tokens.size();
  // Everything up to the last title is description: "North Korean leader".
  for (std::size_t i = 0; i + 1 < end; ++i)
    if (all_in(token_words[i], tables.titles)) begin = i + 1;
  // Leading demonyms and determiners without a title: "Russian Lavrov".
  while (begin + 1 < end) {
    std::string country;
    const auto& words = token_words[begin];
    if (tables.countries.match(words, 0, &country) == words.size() ||
        all_in(words, tables.org_filler)) {
      ++begin;
    } else {
      break;
    }
  }
  while (end > begin + 1 &&
         tables.name_suffixes.count(token_words[end - 1].back().text))
    --end;
  NameKey key;
  if (begin >= end) return key;
  if (!token_words[begin].front().capitalised ||
      !token_words[end - 1].back().capitalised)
    return key;  // "the official", "a senior diplomat"
  std::string concatenated;
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin) key.display += ' ';
    std::string_view token = tokens[i];
    while (!token.empty() &&
           (token.back() == ',' || token.back() == ';' || token.back() == ':'))
      token.remove_suffix(1);
    key.display += token;
    for (const NameWord& word : token_words[i]) {
      key.words.push_back(spelling_skeleton(word.text));
      concatenated += key.words.back();
    }
  }
  // Concatenation makes "Ryong-hae", "Ryong Hae" and "Ryonghae" one key.
  key.kind = key.words.size() == 1 ? KeyKind::surname : KeyKind::person;
  key.key = (key.kind == KeyKind::person ? "p:" : "s:") + concatenated;
  return key;
}

NameKey organisation_key(std::string_view name, const NameTables& tables) {
  std::vector<NameWord> words = name_words(name);
  std::vector<std::string> parts;
  std::vector<std::string> countries;
  bool named = false;     // a capitalised content word: a proper name
  bool governing = true;  // only countries and government words
  for (std::size_t i = 0; i < words.size();) {
    std::string country;
    if (std::size_t n = tables.countries.match(words, i, &country)) {
      countries.push_back(country);
      parts.push_back("@" + country);
      i += n;
      continue;
    }
    const NameWord& word = words[i++];
    if (tables.org_filler.count(word.text)) continue;
    if (!tables.government_words.count(word.text)) governing = false;
    named = named || word.capitalised;
    parts.push_back(word.text);
  }
  NameKey key;
  key.display = std::string(name);
  std::sort(countries.begin(), countries.end());
  countries.erase(std::unique(countries.begin(), countries.end()),
                  countries.end());
  if (governing && countries.size() == 1) {
    key.kind = KeyKind::government;
    key.key = "g:" + countries.front();
    return key;
  }
  if (parts.empty() || (countries.empty() && !named)) return key;
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  key.kind = KeyKind::organisation;
  key.key = "o:";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) key.key += ' ';
    key.key += parts[i];
  }
  return key;
}

}  // namespace quotelink::detail
