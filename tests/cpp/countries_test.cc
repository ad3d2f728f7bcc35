// The country table: one reader of the pack's mention_place and
// mention_demonym entries, for the mention stage and the name keys.
#include "countries.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "lexicon.h"
#include "name_keys.h"
#include "quotelink/error.h"

namespace {

using namespace quotelink::detail;

// The vocabulary of pack "t" whose one file countries.tsv is `countries`.
Vocabulary pack_of(const std::string& countries) {
  const PackReader read =
      [countries](const std::string& name) -> std::optional<std::string> {
    if (name == "pack.txt") return std::string("countries.tsv\n");
    if (name == "countries.tsv") return countries;
    return std::nullopt;
  };
  return load_vocabulary("t", read, quotelink::Config{});
}

std::string error_of(const std::string& countries) {
  try {
    Countries::of(pack_of(countries));
  } catch (const quotelink::error& e) {
    return e.what();
  }
  return "";
}

TEST(Countries, PhrasesNameTheirCountriesNumberedInOrderOfFirstMention) {
  const Vocabulary v = pack_of(
      "# comment\n"
      "\n"
      "Freedonia\tmention_place\tcountry=Freedonia\n"
      "Freedonian\tmention_demonym\tcountry=Freedonia\n"
      "Palace Hill\tmention_place\tcountry=Freedonia # a seat\r\n"
      "Elbonia\tmention_place\tcountry=Elbonia\n"
      "Elbonian\tmention_demonym\tcountry=Elbonia\n");
  const Countries c = Countries::of(v);
  EXPECT_EQ(c.names, (std::vector<std::string>{"Freedonia", "Elbonia"}));
  ASSERT_EQ(c.phrases.size(), 5u);
  EXPECT_EQ(c.phrases[2].country, 0);
  EXPECT_TRUE(c.phrases[2].place);
  EXPECT_FALSE(c.phrases[2].demonym);
  EXPECT_EQ(v.entries()[c.phrases[2].entry].words.size(), 2u);
  EXPECT_EQ(c.phrases[4].country, 1);
  EXPECT_TRUE(c.phrases[4].demonym);
}

TEST(Countries, TheFirstLineNamingAPhraseGivesItsCountry) {
  const Countries c =
      Countries::of(pack_of("Congolese\tmention_demonym\tcountry=Zaire\n"
                            "Congolese\tmention_demonym\tcountry=Congo\n"));
  EXPECT_EQ(c.names, (std::vector<std::string>{"Zaire"}));
  ASSERT_EQ(c.phrases.size(), 1u);
}

TEST(Countries, APhraseWithoutItsCountryNamesTheFileAndLine) {
  EXPECT_EQ(error_of("Elbonia\tmention_place\tcountry=Elbonia\n\n"
                     "Mudville\tmention_place\n"),
            "t/countries.tsv:3: a place or demonym names its country=");
}

TEST(Countries, NameKeysMatchTheSamePhrases) {
  const Vocabulary v = pack_of(
      "Freedonia\tmention_place\tcountry=Freedonia\n"
      "Fredonian\tmention_demonym\tcountry=Freedonia\n"
      "Palace Hill\tmention_place\tcountry=Freedonia\n"
      "Republic of Freedonia\tmention_place\tcountry=Freedonia\n");
  const CountryTable table = CountryTable::from(Countries::of(v), v);
  std::string country;
  EXPECT_EQ(table.match(name_words("Palace Hill said"), 0, &country), 2u);
  EXPECT_EQ(country, "freedonia");
  EXPECT_EQ(table.match(name_words("Fredonian"), 0, &country), 1u);
  EXPECT_EQ(table.match(name_words("Republic of Freedonia"), 0, &country), 3u);
  EXPECT_EQ(table.match(name_words("Elbonia"), 0, &country), 0u);
}

}  // namespace
