// Stage 6, entities: clustering rules and canonical names.
#include <gtest/gtest.h>

#include "attribution_helpers.h"

namespace {

using attribution_test::quote_starting;
using attribution_test::speaker_of;

int entity_of_text(const quotelink::Document& doc, const std::string& surface) {
  for (const quotelink::Mention& m : doc.mentions)
    if (doc.slice(m.span) == surface) return m.entity;
  return -2;
}

TEST(Entities, SurnameJoinsFullNameAndNameDropsTitles) {
  auto doc = quotelink::extract(
      "Russian President Vladimir Putin arrived. Putin said it was fine.");
  int full = entity_of_text(doc, "Russian President Vladimir Putin");
  ASSERT_GE(full, 0);
  EXPECT_EQ(entity_of_text(doc, "Putin"), full);
  EXPECT_EQ(doc.entities[full].name, "Vladimir Putin");
  EXPECT_EQ(doc.entities[full].type, quotelink::EntityType::person);
}

TEST(Entities, HyphenationAndCaseDoNotSplitNames) {
  auto doc = quotelink::extract("Kim Jong-Un spoke. Later Kim Jong Un left.");
  EXPECT_EQ(entity_of_text(doc, "Kim Jong-Un"),
            entity_of_text(doc, "Kim Jong Un"));
}

TEST(Entities, RoleTiedByTitleEquivalence) {
  auto doc = quotelink::extract(
      "Foreign Minister Sergei Lavrov met him. \"It went well,\" said Russia's "
      "top diplomat.");
  EXPECT_EQ(speaker_of(doc, "It went well"), "Sergei Lavrov");
}

TEST(Entities, RoleTiedByApposition) {
  auto doc =
      quotelink::extract("Hugh Hill, a doctor, arrived. The doctor left.");
  int hill = entity_of_text(doc, "Hugh Hill");
  ASSERT_GE(hill, 0);
  EXPECT_EQ(entity_of_text(doc, "a doctor"), hill);
}

TEST(Entities, PlaceJoinsGovernmentBodyOfItsCountry) {
  auto doc = quotelink::extract(
      "The Russian foreign ministry said so. Moscow said the visit would "
      "discuss "
      "\"current questions of bilateral relations\" soon.");
  EXPECT_EQ(speaker_of(doc, "current questions"), "Russian foreign ministry");
  const quotelink::Quote* q = quote_starting(doc, "current questions");
  ASSERT_TRUE(q);
  EXPECT_EQ(doc.entities[q->speaker].type, quotelink::EntityType::organisation);
}

TEST(Entities, PlaceAloneIsNamedAfterItsCountry) {
  auto doc = quotelink::extract(
      "The Kremlin slammed the plan as \"a farce\" on Monday.");
  EXPECT_EQ(speaker_of(doc, "a farce"), "Russia");
}

TEST(Entities, AcronymJoinsOrganisationName) {
  auto doc = quotelink::extract(
      "The Korean Central News Agency reported it. KCNA said more.");
  EXPECT_EQ(entity_of_text(doc, "The Korean Central News Agency"),
            entity_of_text(doc, "KCNA"));
}

TEST(Entities, PluralRolesAreGroups) {
  auto doc = quotelink::extract("\"It will fail,\" diplomats said.");
  const quotelink::Quote* q = quote_starting(doc, "It will fail");
  ASSERT_TRUE(q);
  ASSERT_GE(q->speaker, 0);
  EXPECT_EQ(doc.entities[q->speaker].type, quotelink::EntityType::group);
}

TEST(Entities, PronounSkipsIncompatibleGender) {
  auto doc = quotelink::extract(
      "Ms. Ann Lee met Mr. Bob Stone. \"We agreed,\" she said.");
  EXPECT_EQ(speaker_of(doc, "We agreed"), "Ann Lee");
}

TEST(Entities, SpeakerAliasesGiveCanonicalNames) {
  quotelink::Config config;
  config.speaker_aliases = {{"Bibi", "Benjamin Netanyahu"}};
  quotelink::Extractor extractor(config);
  auto doc = extractor.extract("\"We will not wait,\" Bibi said.");
  EXPECT_EQ(speaker_of(doc, "We will not wait"), "Benjamin Netanyahu");
}

TEST(Entities, DifferentPeopleStayApart) {
  auto doc = quotelink::extract("Jane Roe spoke. John Doe spoke.");
  EXPECT_NE(entity_of_text(doc, "Jane Roe"), entity_of_text(doc, "John Doe"));
}

TEST(Entities, PronounPrefersTheLastSubject) {
  auto doc = quotelink::extract(
      "Mike Pence said Donald Trump will follow a different plan. \"We will "
      "see,\" he said.");
  EXPECT_EQ(speaker_of(doc, "We will see"), "Mike Pence");
}

}  // namespace
