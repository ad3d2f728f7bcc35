// Acceptance: every attributed quotation of the five seed articles.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "attribution_helpers.h"

namespace {

using attribution_test::quote_starting;
using attribution_test::speaker_of;

quotelink::Document seed(const std::string& name) {
  std::ifstream in(std::string(QUOTELINK_EXAMPLES_DIR) + "/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  static const quotelink::Extractor extractor;
  return extractor.extract(ss.str(), name);
}

TEST(SeedsAttribution, LavrovThreeQuotesOneEntity) {
  quotelink::Document doc = seed("004_7c450318e5af89d7.txt");
  EXPECT_EQ(speaker_of(doc, "In my opinion"), "Sergei Lavrov");
  EXPECT_EQ(speaker_of(doc, "We are convinced"), "Sergei Lavrov");
  const quotelink::Quote* a = quote_starting(doc, "In my opinion");
  const quotelink::Quote* b = quote_starting(doc, "We are convinced");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->speaker, b->speaker);  // "Russia's top diplomat" is Lavrov
  EXPECT_EQ(doc.slice(doc.mentions[b->mention].span), "Russia's top diplomat");
  EXPECT_EQ(doc.entities[a->speaker].type, quotelink::EntityType::person);
  quotelink::Document doc2 = seed("002_31c500eed09be67c.txt");
  EXPECT_EQ(speaker_of(doc2, "counterproductive"), "Sergey Lavrov");
}

TEST(SeedsAttribution, PutinColonThenPronoun) {
  quotelink::Document doc = seed("004_7c450318e5af89d7.txt");
  EXPECT_EQ(speaker_of(doc, "We maintain friendly"), "Vladimir Putin");
  EXPECT_EQ(attribution_test::sieve_of(doc, "We maintain friendly"), "colon");
  EXPECT_EQ(speaker_of(doc, "A further deepening"), "Vladimir Putin");
  EXPECT_EQ(attribution_test::sieve_of(doc, "A further deepening"),
            "trigram+pronoun");
}

TEST(SeedsAttribution, MinistrySourceAndItsContinuation) {
  quotelink::Document doc = seed("004_7c450318e5af89d7.txt");
  EXPECT_EQ(speaker_of(doc, "The subject of the denuclearization"),
            "Russian Foreign Ministry source");
  EXPECT_EQ(speaker_of(doc, "Moreover, progress"),
            "Russian Foreign Ministry source");
  const quotelink::Quote* q = quote_starting(doc, "Moreover, progress");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->sieve.name().rfind("continuation", 0), 0u);
}

TEST(SeedsAttribution, RussianForeignMinistryViaMoscowAndStatement) {
  quotelink::Document doc0 = seed("000_dd353f02a8b0b0d7.txt");
  EXPECT_EQ(speaker_of(doc0, "current questions of bilateral"),
            "Russian foreign ministry");
  for (const char* name :
       {"001_93fded66cd1e2802.txt", "003_7cac6b9dd74cb402.txt"}) {
    quotelink::Document doc = seed(name);
    EXPECT_EQ(speaker_of(doc, "international issues of common"),
              "Russian Ministry of Foreign Affairs")
        << name;
  }
}

TEST(SeedsAttribution, MinistryWebsiteStatementSpeaksForTheMinistry) {
  // "A statement on the Russian Ministry of Foreign Affairs website said
  // Choe would visit Moscow": the website's issuer speaks.
  quotelink::Document doc = seed("003_7cac6b9dd74cb402.txt");
  EXPECT_EQ(speaker_of(doc, "Choe would visit Moscow"),
            "Russian Ministry of Foreign Affairs");
}

TEST(SeedsAttribution, SouthKoreanOfficialCommissionAndPark) {
  quotelink::Document doc = seed("002_31c500eed09be67c.txt");
  EXPECT_EQ(speaker_of(doc, "exert influence"), "South Korean official");
  EXPECT_EQ(speaker_of(doc, "widespread, systematic"),
            "U.N. Commission of Inquiry");
  EXPECT_EQ(speaker_of(doc, "facing hunger"), "Park Geun-hye");
  const quotelink::Quote* q = quote_starting(doc, "facing hunger");
  ASSERT_TRUE(q);
  EXPECT_EQ(doc.entities[q->speaker].type, quotelink::EntityType::person);
}

}  // namespace
