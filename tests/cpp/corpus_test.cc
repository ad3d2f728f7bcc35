// Corpus: documents linked into global entities and quotation clusters.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "quotelink/quotelink.h"

namespace {

using quotelink::Corpus;
using quotelink::Document;
using quotelink::EntityType;
using quotelink::MentionKind;

// Builds a Document by hand: each mention is appended to the text as a line.
class DocBuilder {
 public:
  explicit DocBuilder(std::string id) { doc_.id = std::move(id); }

  int entity(const std::string& name, EntityType type,
             const std::vector<std::string>& mentions,
             MentionKind kind = MentionKind::name) {
    quotelink::Entity e;
    e.name = name;
    e.type = type;
    for (const std::string& m : mentions) {
      quotelink::Mention mention;
      mention.span = appended(m);
      mention.kind = kind;
      mention.entity = static_cast<int>(doc_.entities.size());
      doc_.text += m + " said.\n";
      e.mentions.push_back(static_cast<int>(doc_.mentions.size()));
      doc_.mentions.push_back(mention);
    }
    doc_.entities.push_back(e);
    return static_cast<int>(doc_.entities.size()) - 1;
  }

  void quote(const std::string& text, int speaker) {
    quotelink::Quote q;
    q.span = appended(text);
    q.outer = q.span;
    q.speaker = speaker;
    doc_.text += text + "\n";
    doc_.quotes.push_back(q);
  }

  void text(const std::string& more) { doc_.text += more + "\n"; }

  // The span `words` will have once appended to the text.
  quotelink::Span appended(const std::string& words) const {
    const auto begin = static_cast<std::uint32_t>(doc_.text.size());
    return {begin, static_cast<std::uint32_t>(begin + words.size())};
  }

  Document done() const { return doc_; }

 private:
  Document doc_;
};

const quotelink::GlobalEntity& global(const Corpus& c, std::size_t doc, int e) {
  return c.entities().at(c.entity_id(doc, e));
}

TEST(Corpus, TransliterationAndScriptVariantsAreOneEntity) {
  Corpus corpus;
  DocBuilder a("yonhap");
  int lavrov_a = a.entity("Sergey Lavrov", EntityType::person,
                          {"Russian Foreign Minister Sergey Lavrov"});
  DocBuilder b("pri");
  int lavrov_b = b.entity("Sergei Lavrov", EntityType::person,
                          {"Foreign Minister Sergei Lavrov", "Lavrov"});
  DocBuilder c("tass");
  int lavrov_c =
      c.entity("Сергей Лавров", EntityType::person, {"Сергей Лавров"});
  corpus.add_document(a.done());
  corpus.add_document(b.done());
  corpus.add_document(c.done());
  const int id = corpus.entity_id(0, lavrov_a);
  EXPECT_EQ(corpus.entity_id(1, lavrov_b), id);
  EXPECT_EQ(corpus.entity_id(2, lavrov_c), id);
  const auto& e = corpus.entities()[id];
  EXPECT_EQ(e.occurrences.size(), 3u);
  EXPECT_EQ(e.occurrences[1].mentions, 2);
  EXPECT_EQ(e.name, "Sergey Lavrov");  // tie: the first seen
  EXPECT_NE(std::find(e.aliases.begin(), e.aliases.end(), "Сергей Лавров"),
            e.aliases.end());
  EXPECT_NE(std::find(e.aliases.begin(), e.aliases.end(),
                      "Foreign Minister Sergei Lavrov"),
            e.aliases.end());
}

TEST(Corpus, MostFrequentNameIsCanonical) {
  Corpus corpus;
  for (const char* name :
       {"Choe Ryong-Hae", "Choe Ryong Hae", "Choe Ryong Hae"}) {
    DocBuilder d(name);
    d.entity(name, EntityType::person, {name});
    corpus.add_document(d.done());
  }
  ASSERT_EQ(corpus.entities().size(), 1u);
  EXPECT_EQ(corpus.entities()[0].name, "Choe Ryong Hae");
}

TEST(Corpus, KimsStayApart) {
  Corpus corpus;
  DocBuilder a("a");
  int un = a.entity("Kim Jong-Un", EntityType::person, {"Kim Jong-Un"});
  int il = a.entity("Kim Jong-il", EntityType::person, {"Kim Jong-il"});
  DocBuilder b("b");
  int un_b = b.entity("Kim Jong Un", EntityType::person, {"Kim Jong Un"});
  int tae = b.entity("Kim Kwang-tae", EntityType::person, {"By Kim Kwang-tae"});
  corpus.add_document(a.done());
  corpus.add_document(b.done());
  EXPECT_EQ(corpus.entity_id(0, un), corpus.entity_id(1, un_b));
  EXPECT_NE(corpus.entity_id(0, un), corpus.entity_id(0, il));
  EXPECT_NE(corpus.entity_id(1, tae), corpus.entity_id(0, un));
  EXPECT_NE(corpus.entity_id(1, tae), corpus.entity_id(0, il));
  EXPECT_EQ(corpus.entities().size(), 3u);
}

TEST(Corpus, SurnameResolvedInsideItsDocumentFirst) {
  Corpus corpus;
  DocBuilder a("a");
  a.entity("Vladimir Putin", EntityType::person, {"Vladimir Putin"});
  DocBuilder b("b");
  b.text("Russian President Vladimir Putin met the envoy on Tuesday.");
  int putin = b.entity("Putin", EntityType::person, {"Putin"});
  corpus.add_document(a.done());
  corpus.add_document(b.done());
  EXPECT_EQ(corpus.entity_id(1, putin), corpus.entity_id(0, 0));
  EXPECT_EQ(global(corpus, 1, putin).name, "Vladimir Putin");
}

// LinkOptions carry the extractor's Config::extra_titles to the name keys:
// with "Commissar" a title, "Commissar Jane Roe" of one document is the Jane
// Roe of another, as inside one document; without it, another person.
TEST(Corpus, ExtraTitlesAreLeftOutOfPersonKeys) {
  DocBuilder a("a");
  a.entity("Commissar Jane Roe", EntityType::person, {"Commissar Jane Roe"});
  DocBuilder b("b");
  b.entity("Jane Roe", EntityType::person, {"Jane Roe"});
  quotelink::LinkOptions with_title;
  with_title.extra_titles = {"Commissar"};
  Corpus linked(with_title);
  linked.add_document(a.done());
  linked.add_document(b.done());
  EXPECT_EQ(linked.entity_id(0, 0), linked.entity_id(1, 0));
  EXPECT_EQ(quotelink::link_keys(a.done(), with_title).entities[0].key,
            quotelink::link_keys(b.done(), with_title).entities[0].key);
  Corpus apart;
  apart.add_document(a.done());
  apart.add_document(b.done());
  EXPECT_NE(apart.entity_id(0, 0), apart.entity_id(1, 0));
}

// The name keys follow LinkOptions::language; an unknown one is an error
// when the corpus is made.
TEST(Corpus, UnknownLanguageIsAnError) {
  quotelink::LinkOptions options;
  options.language = "xx";
  EXPECT_THROW(Corpus{options}, quotelink::error);
}

TEST(Corpus, SurnameResolvedAgainstAnotherEntityOfItsDocument) {
  Corpus corpus;
  DocBuilder a("a");
  int full = a.entity("Choe Ryong Hae", EntityType::person, {"Choe Ryong Hae"});
  int choe = a.entity("Choe", EntityType::person, {"Choe"});
  corpus.add_document(a.done());
  EXPECT_EQ(corpus.entity_id(0, choe), corpus.entity_id(0, full));
}

TEST(Corpus, AmbiguousSurnameStaysUnresolved) {
  Corpus corpus;
  DocBuilder a("a");
  a.entity("Kim Jong Un", EntityType::person, {"Kim Jong Un"});
  DocBuilder b("b");
  b.text("Kim Jong-un wrote to Putin. His father Kim Jong-il died in 2011.");
  int kim = b.entity("Kim", EntityType::person, {"Kim"});
  corpus.add_document(a.done());
  corpus.add_document(b.done());
  EXPECT_NE(corpus.entity_id(1, kim), corpus.entity_id(0, 0));
  EXPECT_EQ(global(corpus, 1, kim).name, "Kim");
}

TEST(Corpus, SurnameIsNotLinkedToAFullNameOfAnotherDocument) {
  Corpus corpus;
  DocBuilder a("a");
  a.entity("Kim Jong Un", EntityType::person, {"Kim Jong Un"});
  DocBuilder b("b");
  int kim = b.entity("Kim", EntityType::person, {"Kim"});
  corpus.add_document(a.done());
  corpus.add_document(b.done());
  EXPECT_NE(corpus.entity_id(1, kim), corpus.entity_id(0, 0));
}

TEST(Corpus, OrganisationsLinkByNormalizedKey) {
  Corpus corpus;
  const char* names[] = {"the Russian foreign ministry",
                         "Russian Ministry of Foreign Affairs",
                         "Russia's foreign ministry"};
  for (const char* name : names) {
    DocBuilder d(name);
    d.entity(name, EntityType::organisation, {name}, MentionKind::organisation);
    corpus.add_document(d.done());
  }
  EXPECT_EQ(corpus.entities().size(), 1u);
  EXPECT_EQ(corpus.entities()[0].occurrences.size(), 3u);
}

TEST(Corpus, PlacesLinkAsTheirGovernment) {
  Corpus corpus;
  DocBuilder a("a");
  a.entity("Moscow", EntityType::organisation, {"Moscow"}, MentionKind::place);
  DocBuilder b("b");
  b.entity("the Kremlin", EntityType::organisation, {"the Kremlin"},
           MentionKind::organisation);
  b.entity("Pyongyang", EntityType::organisation, {"Pyongyang"},
           MentionKind::place);
  corpus.add_document(a.done());
  corpus.add_document(b.done());
  EXPECT_EQ(corpus.entity_id(0, 0), corpus.entity_id(1, 0));
  EXPECT_NE(corpus.entity_id(1, 1), corpus.entity_id(1, 0));
}

TEST(Corpus, RolesAndPronounsAreNeverLinkedAcrossDocuments) {
  Corpus corpus;
  for (const char* id : {"a", "b"}) {
    DocBuilder d(id);
    d.entity("the official", EntityType::person, {"the official", "he"},
             MentionKind::role);
    d.entity("the foreign ministry", EntityType::organisation,
             {"the foreign ministry"}, MentionKind::organisation);
    corpus.add_document(d.done());
  }
  EXPECT_EQ(corpus.entities().size(), 4u);
  EXPECT_TRUE(corpus.entities()[0].key.empty());
}

TEST(Corpus, QuotationsClusterAcrossDocuments) {
  Corpus corpus;
  DocBuilder reuters("reuters");
  int st = reuters.entity("Russian statement", EntityType::unknown, {});
  reuters.quote("international issues of common\ninterest,", st);
  reuters.quote("soon", -1);
  DocBuilder mt("moscow-times");
  mt.quote("soon,", -1);
  mt.quote("international issues of common interest,", -1);
  DocBuilder yonhap("yonhap");
  yonhap.quote("counterproductive.", 0);
  yonhap.entity("Sergey Lavrov", EntityType::person, {"Sergey Lavrov"});
  DocBuilder pri("pri");
  pri.entity("Sergei Lavrov", EntityType::person, {"Sergei Lavrov"});
  pri.quote("counter-productive", -1);
  pri.quote(
      "In my opinion, it is counter-productive to try to make some loud "
      "statements through confrontational resolutions",
      0);
  for (const auto& d : {reuters, mt, yonhap, pri})
    corpus.add_document(d.done());
  EXPECT_EQ(corpus.cluster_id(0, 0), corpus.cluster_id(1, 1));
  EXPECT_EQ(corpus.cluster_id(0, 1), corpus.cluster_id(1, 0));
  EXPECT_EQ(corpus.cluster_id(2, 0), corpus.cluster_id(3, 0));
  EXPECT_NE(corpus.cluster_id(3, 0), corpus.cluster_id(3, 1));
  auto clusters = corpus.quote_clusters(2);
  EXPECT_EQ(clusters.size(), 3u);
  EXPECT_EQ(corpus.quote_clusters(1).size(), 4u);
  for (const auto& c : clusters) EXPECT_EQ(c.document_count(), 2u);
}

TEST(Corpus, KeysRoundTripAndGiveTheSameCorpus) {
  DocBuilder a("a");
  int e = a.entity("Sergey Lavrov", EntityType::person, {"Sergey Lavrov"});
  a.quote("it is counterproductive to try", e);
  DocBuilder b("b");
  b.entity("Sergei Lavrov", EntityType::person, {"Sergei Lavrov"});
  b.quote("It is counter-productive to try.", 0);
  Corpus direct;
  Corpus from_keys;
  for (const auto& d : {a, b}) {
    direct.add_document(d.done());
    std::string bytes = quotelink::link_keys(d.done()).serialize();
    from_keys.add_keys(quotelink::DocumentKeys::deserialize(bytes));
  }
  ASSERT_EQ(direct.entities().size(), from_keys.entities().size());
  for (std::size_t i = 0; i < direct.entities().size(); ++i) {
    EXPECT_EQ(direct.entities()[i].name, from_keys.entities()[i].name);
    EXPECT_EQ(direct.entities()[i].aliases, from_keys.entities()[i].aliases);
  }
  EXPECT_EQ(from_keys.cluster_id(0, 0), from_keys.cluster_id(1, 0));
  EXPECT_EQ(direct.cluster_id(1, 0), from_keys.cluster_id(1, 0));
  EXPECT_EQ(from_keys.document_id(1), "b");
}

TEST(Corpus, MalformedKeysThrow) {
  DocBuilder a("a");
  a.entity("Sergey Lavrov", EntityType::person, {"Sergey Lavrov"});
  a.quote("words words words", 0);
  std::string bytes = quotelink::link_keys(a.done()).serialize();
  EXPECT_THROW(
      quotelink::DocumentKeys::deserialize(bytes.substr(0, bytes.size() - 3)),
      quotelink::error);
  EXPECT_THROW(quotelink::DocumentKeys::deserialize("garbage"),
               quotelink::error);
  std::string huge = bytes;
  huge[7] = '\x7F';  // an id length far beyond the data
  EXPECT_THROW(quotelink::DocumentKeys::deserialize(huge), quotelink::error);
}

TEST(Corpus, BadInputThrows) {
  Document doc;
  doc.id = "bad";
  quotelink::Quote q;
  q.speaker = 3;
  doc.quotes.push_back(q);
  Corpus corpus;
  EXPECT_THROW(corpus.add_document(doc), quotelink::error);
  EXPECT_EQ(corpus.size(), 0u);
  EXPECT_THROW(corpus.document_id(0), quotelink::error);
  quotelink::LinkOptions options;
  options.shingle_words = 0;
  EXPECT_THROW(Corpus{options}, quotelink::error);
  corpus.add_document(DocBuilder("ok").done());
  EXPECT_THROW(corpus.entity_id(0, 0), quotelink::error);
  EXPECT_EQ(corpus.entity_id(0, -1), -1);
  EXPECT_THROW(corpus.cluster_id(0, 0), quotelink::error);
}

}  // namespace

namespace {

TEST(Corpus, CountryTypedAsPersonLinksAsItsGovernment) {
  quotelink::Corpus corpus;
  DocBuilder a("a");
  a.entity("North Korea", quotelink::EntityType::person, {"North Korea"});
  DocBuilder b("b");
  b.entity("Pyongyang", quotelink::EntityType::organisation, {"Pyongyang"},
           quotelink::MentionKind::place);
  corpus.add_document(a.done());
  corpus.add_document(b.done());
  EXPECT_EQ(corpus.entity_id(0, 0), corpus.entity_id(1, 0));
  EXPECT_EQ(corpus.entities()[0].key.rfind("g:", 0), 0u);
}

}  // namespace

namespace {

TEST(Corpus, PersonKeyFollowsMostNameMentions) {
  quotelink::Corpus corpus;
  DocBuilder a("headline");
  a.entity("Kim Jong Un Planning", quotelink::EntityType::person,
           {"Kim Jong Un Planning", "Kim Jong Un", "Kim Jong Un"});
  DocBuilder b("body");
  b.entity("Kim Jong-un", quotelink::EntityType::person, {"Kim Jong-un"});
  DocBuilder c("tie");
  c.entity("Kim Jong-il", quotelink::EntityType::person,
           {"Kim Jong-il", "Kim Jong Un"});
  corpus.add_document(a.done());
  corpus.add_document(b.done());
  corpus.add_document(c.done());
  EXPECT_EQ(corpus.entity_id(0, 0), corpus.entity_id(1, 0));
  EXPECT_EQ(corpus.entities()[corpus.entity_id(0, 0)].name, "Kim Jong Un");
  EXPECT_NE(corpus.entity_id(2, 0), corpus.entity_id(1, 0));  // a tie: own name
}

// End to end on the five example articles: extraction, in-document entities
// from the attribution stage, then cross-document linking.
std::string read_example(const std::string& prefix) {
  for (const char* name :
       {"000_dd353f02a8b0b0d7.txt", "001_93fded66cd1e2802.txt",
        "002_31c500eed09be67c.txt", "003_7cac6b9dd74cb402.txt",
        "004_7c450318e5af89d7.txt"}) {
    if (std::string(name).rfind(prefix, 0) != 0) continue;
    std::ifstream in(std::string(QUOTELINK_EXAMPLES_DIR) + "/" + name,
                     std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  return {};
}

TEST(Corpus, ExampleArticlesLinkTheStory) {
  quotelink::Extractor extractor;
  quotelink::Corpus corpus;
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    std::string text = read_example(prefix);
    ASSERT_FALSE(text.empty()) << prefix;
    corpus.add_document(extractor.extract(text, prefix));
  }
  auto documents_of = [&](const std::string& key) {
    std::vector<std::size_t> docs;
    int found = 0;
    for (const auto& e : corpus.entities()) {
      if (e.key != key) continue;
      ++found;
      for (const auto& o : e.occurrences) docs.push_back(o.document);
    }
    EXPECT_LE(found, 1) << key;
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    return docs;
  };
  using Docs = std::vector<std::size_t>;
  EXPECT_EQ(documents_of("p:sergeilavrov"), (Docs{2, 4}));
  EXPECT_EQ(documents_of("p:vladimirputin"), (Docs{2, 4}));
  EXPECT_EQ(documents_of("p:choeryonghae"), (Docs{0, 1, 2, 3, 4}));
  EXPECT_EQ(documents_of("p:kimjongun"), (Docs{0, 1, 2, 3, 4}));
  // Kim Jong-il and the Yonhap reporter Kim Kwang-tae stay apart.
  for (const auto& e : corpus.entities())
    if (e.key == "p:kimjongun")
      for (const auto& alias : e.aliases)
        EXPECT_EQ(alias.find("Kwang"), std::string::npos);
  // Shared quotations: Reuters/Moscow Times and Yonhap/PRI.
  bool common = false;
  bool counter = false;
  for (const auto& c : corpus.quote_clusters(2)) {
    std::vector<std::size_t> docs;
    for (const auto& q : c.quotes) docs.push_back(q.document);
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    if (c.text.find("common") != std::string::npos) {
      EXPECT_EQ(docs, (Docs{1, 3}));
      common = true;
    }
    if (c.text.find("counter") != std::string::npos) {
      EXPECT_EQ(docs, (Docs{2, 4}));
      counter = true;
    }
  }
  EXPECT_TRUE(common);
  EXPECT_TRUE(counter);
}

}  // namespace
