// Stage 6, entities: clustering rules and canonical names, run on the
// mentions of stage 4 alone (no cues, sieves or quotations).
#include "entities.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "mention_stage.h"

namespace {

using namespace quotelink::detail;

// A text's mentions and their clustering.
struct Clustered {
  mention_stage::Found found;
  EntityResult result;

  // The entity of the mention written `surface`: -1 when it has none, -2
  // when no mention is written so.
  int entity_of(const std::string& surface) const {
    for (std::size_t i = 0; i < found.mentions.size(); ++i)
      if (found.slice(found.mentions[i]) == surface) return result.entity_of[i];
    return -2;
  }
  const quotelink::Entity& entity(const std::string& surface) const {
    static const quotelink::Entity none;
    const int e = entity_of(surface);
    return e >= 0 ? result.entities[e] : none;
  }
};

Clustered cluster(const std::string& text,
                  const std::map<std::string, std::string>& aliases = {}) {
  const MentionTables& tables =
      mention_stage::default_lexicon().speakers.mentions;
  Clustered c{mention_stage::mentions_before_cues(text), {}};
  c.result = cluster_mentions(c.found.text, c.found.mentions, tables, aliases);
  return c;
}

TEST(Entities, SurnameJoinsFullNameAndNameDropsTitles) {
  Clustered c = cluster(
      "Russian President Vladimir Putin arrived. Putin said it was fine.");
  int full = c.entity_of("Russian President Vladimir Putin");
  ASSERT_GE(full, 0);
  EXPECT_EQ(c.entity_of("Putin"), full);
  EXPECT_EQ(c.entity("Putin").name, "Vladimir Putin");
  EXPECT_EQ(c.entity("Putin").type, quotelink::EntityType::person);
}

TEST(Entities, LoneSurnameJoinsTheMostMentionedFullName) {
  // "Kim" after "his father Kim Jong-il" in a story about Kim Jong-un.
  Clustered c = cluster(
      "Kim Jong-un wrote to Putin. Kim asked for aid. He took power after the "
      "death of his father Kim Jong-il. Kim also asked for talks.");
  const int son = c.entity_of("Kim Jong-un");
  ASSERT_GE(son, 0);
  EXPECT_NE(c.entity_of("Kim Jong-il"), son);
  EXPECT_EQ(c.entity_of("Kim"), son);  // both lone mentions
  for (std::size_t i = 0; i < c.found.mentions.size(); ++i)
    if (c.found.slice(c.found.mentions[i]) == "Kim")
      EXPECT_EQ(c.result.entity_of[i], son) << i;
  // A title's gender rules a full name of the other gender out.
  Clustered g = cluster(
      "Bill Clinton spoke. Mr. Clinton left. Hillary Clinton arrived. Bill "
      "Clinton waved. Mrs. Clinton said it was fine.");
  EXPECT_EQ(g.entity_of("Mrs. Clinton"), g.entity_of("Hillary Clinton"));
}

TEST(Entities, NameFromProseBeatsLongerHeadlineName) {
  // In a title-case headline capitalised words run into the name.
  Clustered c = cluster(
      "Offensive Things Donald Trump Has Said About Latinos\n\nDonald Trump "
      "spoke on Monday. Trump said more.");
  ASSERT_GE(c.entity_of("Trump"), 0);
  EXPECT_EQ(c.entity("Trump").name, "Donald Trump");
}

TEST(Entities, HyphenationAndCaseDoNotSplitNames) {
  Clustered c = cluster("Kim Jong-Un spoke. Later Kim Jong Un left.");
  ASSERT_GE(c.entity_of("Kim Jong-Un"), 0);
  EXPECT_EQ(c.entity_of("Kim Jong-Un"), c.entity_of("Kim Jong Un"));
}

TEST(Entities, RoleTiedByTitleEquivalence) {
  Clustered c = cluster(
      "Foreign Minister Sergei Lavrov met him. \"It went well,\" said Russia's "
      "top diplomat.");
  const int lavrov = c.entity_of("Foreign Minister Sergei Lavrov");
  ASSERT_GE(lavrov, 0);
  EXPECT_EQ(c.entity_of("Russia's top diplomat"), lavrov);
  EXPECT_EQ(c.entity("Russia's top diplomat").name, "Sergei Lavrov");
}

TEST(Entities, RoleTiedByApposition) {
  Clustered c = cluster("Hugh Hill, a doctor, arrived. The doctor left.");
  int hill = c.entity_of("Hugh Hill");
  ASSERT_GE(hill, 0);
  EXPECT_EQ(c.entity_of("a doctor"), hill);
  EXPECT_EQ(c.entity_of("The doctor"), hill);
}

TEST(Entities, PlaceJoinsGovernmentBodyOfItsCountry) {
  Clustered c = cluster(
      "The Russian foreign ministry said so. Moscow said the visit would "
      "go ahead.");
  const int ministry = c.entity_of("The Russian foreign ministry");
  ASSERT_GE(ministry, 0);
  EXPECT_EQ(c.entity_of("Moscow"), ministry);
  EXPECT_EQ(c.entity("Moscow").type, quotelink::EntityType::organisation);
  EXPECT_EQ(c.entity("Moscow").name, "Russian foreign ministry");
}

TEST(Entities, PlaceAloneIsNamedAfterItsCountry) {
  Clustered c = cluster("The Kremlin slammed the plan on Monday.");
  EXPECT_EQ(c.entity("The Kremlin").name, "Russia");
  EXPECT_EQ(c.entity("The Kremlin").type, quotelink::EntityType::organisation);
}

TEST(Entities, RolesOfDifferentCountriesStayApart) {
  // A headline's "NK leader" (countries.tsv: NK is North Korea) is not the
  // body's "the Russian leader".
  Clustered c = cluster(
      "NK leader asks Putin to help. The letter was delivered to the Russian "
      "leader on Monday.");
  ASSERT_GE(c.entity_of("NK leader"), 0);
  ASSERT_GE(c.entity_of("the Russian leader"), 0);
  EXPECT_NE(c.entity_of("NK leader"), c.entity_of("the Russian leader"));
  EXPECT_EQ(c.entity("NK leader").name, "NK leader");
}

TEST(Entities, AcronymJoinsOrganisationName) {
  Clustered c =
      cluster("The Korean Central News Agency reported it. KCNA said more.");
  ASSERT_GE(c.entity_of("KCNA"), 0);
  EXPECT_EQ(c.entity_of("The Korean Central News Agency"), c.entity_of("KCNA"));
}

TEST(Entities, PluralRolesAreGroups) {
  Clustered c = cluster("\"It will fail,\" diplomats said.");
  EXPECT_EQ(c.entity("diplomats").type, quotelink::EntityType::group);
}

TEST(Entities, PronounSkipsIncompatibleGender) {
  Clustered c = cluster("Ms. Ann Lee met Mr. Bob Stone. Later she left.");
  ASSERT_GE(c.entity_of("Ms. Ann Lee"), 0);
  EXPECT_EQ(c.entity_of("she"), c.entity_of("Ms. Ann Lee"));
}

TEST(Entities, SpeakerAliasesGiveCanonicalNames) {
  Clustered c = cluster("Bibi said no. Later Bibi left.",
                        {{"Bibi", "Benjamin Netanyahu"}});
  EXPECT_EQ(c.entity("Bibi").name, "Benjamin Netanyahu");
}

TEST(Entities, DifferentPeopleStayApart) {
  Clustered c = cluster("Jane Roe spoke. John Doe spoke.");
  ASSERT_GE(c.entity_of("Jane Roe"), 0);
  EXPECT_NE(c.entity_of("Jane Roe"), c.entity_of("John Doe"));
}

TEST(Entities, PronounPrefersTheLastSubject) {
  Clustered c = cluster(
      "Mike Pence said Donald Trump will follow a different plan. Then he "
      "left.");
  ASSERT_GE(c.entity_of("Mike Pence"), 0);
  EXPECT_EQ(c.entity_of("he"), c.entity_of("Mike Pence"));
}

TEST(Entities, ResolvedAnaphorsNameTheirAntecedent) {
  Clustered c = cluster("Jane Roe arrived. She left.");
  ASSERT_GE(c.entity_of("She"), 0);
  for (std::size_t i = 0; i < c.found.mentions.size(); ++i)
    if (c.found.slice(c.found.mentions[i]) == "She")
      EXPECT_EQ(c.found.slice(c.found.mentions[c.result.antecedent[i]]),
                "Jane Roe");
}

TEST(Entities, FirstAndSecondPersonPronounsStayOut) {
  Clustered c = cluster("Jane Roe arrived. I left.");
  EXPECT_EQ(c.entity_of("I"), -1);
}

}  // namespace
