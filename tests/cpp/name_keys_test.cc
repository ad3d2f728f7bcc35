// Cross-document name keys: every merge rule and every non-merge case.
#include "name_keys.h"

#include <gtest/gtest.h>

#include "quotelink/error.h"

namespace {

using quotelink::detail::KeyKind;
using quotelink::detail::NameTables;

std::string person(const char* name) {
  return quotelink::detail::person_key(name, NameTables::builtin()).key;
}
std::string org(const char* name) {
  return quotelink::detail::organisation_key(name, NameTables::builtin()).key;
}

TEST(NameKeys, FoldsOtherScriptsToAscii) {
  EXPECT_EQ(quotelink::detail::fold_to_ascii("Сергей Лавров"), "Sergej Lavrov");
  EXPECT_EQ(quotelink::detail::fold_to_ascii("Zoë Müller"), "Zoe Muller");
  EXPECT_EQ(quotelink::detail::fold_to_ascii("plain"), "plain");
}

TEST(NameKeys, NameWordsDropPossessiveAndKeepHyphenCapital) {
  auto words = quotelink::detail::name_words("Russia's Ryong-hae");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].text, "russia");
  EXPECT_EQ(words[2].text, "hae");
  EXPECT_TRUE(words[2].capitalised);
}

TEST(NameKeys, SkeletonMergesTransliterationVariants) {
  using quotelink::detail::spelling_skeleton;
  EXPECT_EQ(spelling_skeleton("sergei"), spelling_skeleton("sergey"));
  EXPECT_EQ(spelling_skeleton("sergei"), spelling_skeleton("sergej"));
  EXPECT_EQ(spelling_skeleton("dmitry"), spelling_skeleton("dmitri"));
  EXPECT_EQ(spelling_skeleton("dmitriy"), spelling_skeleton("dmitrii"));
  EXPECT_EQ(spelling_skeleton("aleksei"), spelling_skeleton("alexei"));
  // Only the end of a word: Jong and Yong are different Korean names.
  EXPECT_NE(spelling_skeleton("jong"), spelling_skeleton("yong"));
}

TEST(NameKeys, TransliterationVariantsAreOnePerson) {
  EXPECT_EQ(person("Sergei Lavrov"), person("Sergey Lavrov"));
  EXPECT_EQ(person("Sergei Lavrov"), person("Sergej Lavrov"));
  EXPECT_EQ(person("Sergei Lavrov"), person("Сергей Лавров"));
  EXPECT_EQ(person("Dmitry Peskov"), person("Dmitri Peskov"));
}

TEST(NameKeys, HyphenSpaceAndCaseVariantsAreOnePerson) {
  EXPECT_EQ(person("Choe Ryong-Hae"), person("Choe Ryong Hae"));
  EXPECT_EQ(person("Choe Ryong-hae"), person("Choe Ryong Hae"));
  EXPECT_EQ(person("Choe Ryonghae"), person("Choe Ryong-hae"));
  EXPECT_EQ(person("Kim Jong-Un"), person("Kim Jong Un"));
  EXPECT_EQ(person("Kim Jong-un"), person("KIM Jong Un"));
}

TEST(NameKeys, TitlesAndDescriptionsAreStripped) {
  auto key = quotelink::detail::person_key(
      "Russian Foreign Minister Sergei Lavrov", NameTables::builtin());
  EXPECT_EQ(key.kind, KeyKind::person);
  EXPECT_EQ(key.display, "Sergei Lavrov");
  EXPECT_EQ(key.key, person("Sergey Lavrov"));
  EXPECT_EQ(person("North Korean leader Kim Jong Un"), person("Kim Jong-Un"));
  EXPECT_EQ(person("President Vladimir Putin"), person("Vladimir Putin"));
  EXPECT_EQ(person("Mr. Lavrov"), person("Lavrov"));
  EXPECT_EQ(
      quotelink::detail::person_key("Mr. Lavrov", NameTables::builtin()).kind,
      KeyKind::surname);
}

TEST(NameKeys, DifferentPeopleSharingANamePartStayApart) {
  const std::string un = person("Kim Jong Un");
  EXPECT_NE(un, person("Kim Jong-il"));
  EXPECT_NE(un, person("Kim Kwang-tae"));
  EXPECT_NE(person("Kim Jong-il"), person("Kim Kwang-tae"));
  EXPECT_NE(person("Kim Jong-nam"), person("Kim Yong-nam"));
  EXPECT_NE(un, person("Kim"));
  EXPECT_NE(person("Vladimir Putin"), person("Vladimir Lenin"));
  EXPECT_NE(person("George Bush"), person("George W. Bush"));
}

TEST(NameKeys, RolesAreNotPersonNames) {
  EXPECT_EQ(person("the official"), "");
  EXPECT_EQ(person("a senior South Korean official"), "");
  EXPECT_EQ(person("Russia's top diplomat"), "");
}

TEST(NameKeys, OrganisationVariantsShareAKey) {
  const std::string key = org("the Russian foreign ministry");
  EXPECT_FALSE(key.empty());
  EXPECT_EQ(key, org("Russian Ministry of Foreign Affairs"));
  EXPECT_EQ(key, org("Russia's foreign ministry"));
  EXPECT_EQ(key, org("The Russian Foreign Ministry"));
  EXPECT_EQ(org("State Department"), org("the Department of State"));
}

TEST(NameKeys, DifferentOrganisationsStayApart) {
  EXPECT_NE(org("the Russian foreign ministry"),
            org("the Chinese foreign ministry"));
  EXPECT_NE(org("the Russian foreign ministry"),
            org("the Russian defence ministry"));
  EXPECT_NE(org("North Korea's foreign ministry"),
            org("South Korea's foreign ministry"));
  // A nominal without a proper name could be any country's ministry.
  EXPECT_EQ(org("the foreign ministry"), "");
  EXPECT_EQ(org("the ministry"), "");
}

TEST(NameKeys, PlacesAndGovernmentsKeyAsTheCountry) {
  const std::string russia = org("Russia");
  EXPECT_EQ(russia.rfind("g:", 0), 0u);
  EXPECT_EQ(russia, org("Moscow"));
  EXPECT_EQ(russia, org("the Kremlin"));
  EXPECT_EQ(russia, org("the Russian government"));
  EXPECT_NE(russia, org("Pyongyang"));
  EXPECT_EQ(org("Pyongyang"), org("North Korea"));
  EXPECT_EQ(org("KCNA"), org("the KCNA"));
  EXPECT_EQ(org("KCNA").rfind("o:", 0), 0u);
}

// A person's middle initial is no title: titles are the entries of
// titles.tsv, not the words of its lines ("mr.<TAB>gender=m" once made "m"
// and "f" title words, so "John F. Kennedy" keyed as "Kennedy").
TEST(NameKeys, InitialsAreNoTitles) {
  EXPECT_EQ(person("John F. Kennedy"), person("John F Kennedy"));
  EXPECT_EQ(person("John F. Kennedy").rfind("p:", 0), 0u);
  EXPECT_NE(person("John F. Kennedy"), person("Kennedy"));
  EXPECT_EQ(person("Mr. Kennedy"), person("Kennedy"));
}

}  // namespace

namespace {

TEST(NameKeys, DottedAcronymsAreOneWord) {
  auto words = quotelink::detail::name_words("the U.N. Security Council");
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[1].text, "un");
  EXPECT_EQ(org("U.N. Security Council"), org("UN Security Council"));
  EXPECT_EQ(org("the U.S. government"), org("Washington"));
  // Initials of a person stay separate words.
  EXPECT_EQ(quotelink::detail::name_words("George W. Bush").size(), 3u);
}

TEST(NameKeys, CountriesAreRecognisedWhole) {
  const auto& tables = NameTables::builtin();
  EXPECT_TRUE(quotelink::detail::is_country("North Korea", tables));
  EXPECT_TRUE(quotelink::detail::is_country("the Kremlin", tables));
  EXPECT_FALSE(quotelink::detail::is_country("North Korean leader", tables));
  EXPECT_FALSE(quotelink::detail::is_country("the", tables));
}

// Config::extra_titles are title words of the linker's keys too, as they
// are of the mention stage: the name keys the same with or without them.
TEST(NameKeys, ExtraTitlesAreStrippedFromPersonKeys) {
  quotelink::Config config;
  config.extra_titles = {"Commissar"};
  const NameTables with_extra = NameTables::load(config);
  EXPECT_EQ(quotelink::detail::person_key("Commissar Jane Roe", with_extra).key,
            quotelink::detail::person_key("Jane Roe", with_extra).key);
  EXPECT_NE(person("Commissar Jane Roe"), person("Jane Roe"));
}

}  // namespace
