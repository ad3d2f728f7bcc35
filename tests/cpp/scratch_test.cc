// The work arrays one extraction leaves to the next (scratch.h): a reused
// layout, token layer or borrowed array gives what a fresh one gives, a
// pool lends each extraction running its own scratch, and an Extractor
// answers the same for a document whatever it extracted before.
#include "scratch.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline.h"
#include "quotelink/extractor.h"
#include "quotes.h"

namespace quotelink::detail {
namespace {

const char kLong[] =
    "Jane Roe said: \"We will win the vote in the spring.\"\n\n"
    "\"It is over,\" said Senator John Doe, who spoke after her. "
    "Officials said the talks failed.\n\nA third paragraph, longer, with "
    "many more words than the short text has, and \"a quotation\" too.";
const char kShort[] = "\"Yes,\" he said.";

void expect_same_layout(const TextLayout& a, const TextLayout& b) {
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (std::size_t t = 0; t < a.tokens.size(); ++t) {
    EXPECT_EQ(a.tokens[t].span.begin, b.tokens[t].span.begin);
    EXPECT_EQ(a.tokens[t].span.end, b.tokens[t].span.end);
    EXPECT_EQ(a.tokens[t].sentence, b.tokens[t].sentence);
    EXPECT_EQ(a.tokens[t].paragraph, b.tokens[t].paragraph);
  }
  ASSERT_EQ(a.paragraphs.size(), b.paragraphs.size());
  for (std::size_t p = 0; p < a.paragraphs.size(); ++p)
    EXPECT_EQ(a.paragraphs[p].span, b.paragraphs[p].span);
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  EXPECT_EQ(a.sentence_first_token, b.sentence_first_token);
  EXPECT_EQ(a.paragraph_first_token, b.paragraph_first_token);
  EXPECT_EQ(a.lines.size(), b.lines.size());
}

TEST(Scratch, AReusedLayoutIsTheFreshLayoutAndKeepsItsMemory) {
  const Lexicon lexicon{Config{}};
  TextLayout reused;
  analyse_text(kLong, lexicon.text, nullptr, &reused);
  const std::size_t capacity = reused.tokens.capacity();
  analyse_text(kShort, lexicon.text, nullptr, &reused);
  expect_same_layout(reused, analyse_text(kShort, lexicon.text));
  EXPECT_EQ(reused.tokens.capacity(), capacity);  // no new array
  analyse_text(kLong, lexicon.text, nullptr, &reused);
  expect_same_layout(reused, analyse_text(kLong, lexicon.text));
}

TEST(Scratch, ATokenLayerWithStorageIsTheFreshLayerAndGivesItBack) {
  const Lexicon lexicon{Config{}};
  TokenLayerStorage storage;
  for (const std::string text : {kLong, kShort, kLong}) {
    const TextLayout layout = analyse_text(text, lexicon.text);
    const std::vector<Quote> quotes = find_quotes(text, layout);
    const TokenLayer fresh(text, layout, quotes, lexicon.vocabulary);
    {
      const TokenLayer reused(text, layout, quotes, lexicon.vocabulary,
                              &storage);
      ASSERT_EQ(reused.size(), fresh.size());
      EXPECT_EQ(reused.id_count(), fresh.id_count());
      for (int t = 0; t < fresh.size(); ++t) {
        EXPECT_EQ(reused.lower(t), fresh.lower(t));
        EXPECT_EQ(reused.base(t), fresh.base(t));
        EXPECT_EQ(reused.facts(t).shape, fresh.facts(t).shape);
        EXPECT_EQ(reused.facts(t).depth, fresh.facts(t).depth);
        EXPECT_EQ(reused.quote(t), fresh.quote(t));
      }
      for (std::size_t q = 0; q < quotes.size(); ++q)
        EXPECT_EQ(reused.parent_quote(static_cast<int>(q)),
                  fresh.parent_quote(static_cast<int>(q)));
      EXPECT_TRUE(storage.facts.empty());  // lent to the layer
    }
    EXPECT_EQ(storage.facts.size(), layout.tokens.size());  // given back
  }
}

TEST(Scratch, BorrowedArraysAreClearedKeptAndGivenBackLastInFirstOut) {
  Scratch scratch;
  std::vector<int> a, b, c;
  {
    BorrowedArrays outer(&scratch, {&a, &b});
    a.assign(100, 7);
    b.assign(3, 1);
    {
      BorrowedArrays inner(&scratch, {&c});
      c.assign(50, 2);
    }
    EXPECT_TRUE(c.empty());  // went back
  }
  EXPECT_TRUE(a.empty() && b.empty());
  BorrowedArrays again(&scratch, {&a, &b, &c});
  EXPECT_TRUE(a.empty() && b.empty() && c.empty());
  EXPECT_GE(a.capacity(), 100u);  // the memory of the first borrow
  EXPECT_GE(c.capacity(), 50u);
  BorrowedArrays none(nullptr, {&a});  // no scratch: the array stays
  EXPECT_GE(a.capacity(), 100u);
  // Each element type has its own pool.
  std::vector<char> bytes;
  std::vector<std::size_t> sizes;
  {
    Borrowed<char> b1(&scratch, {&bytes});
    Borrowed<std::size_t> s1(&scratch, {&sizes});
    bytes.assign(40, 1);
    sizes.assign(30, 2);
  }
  Borrowed<char> b2(&scratch, {&bytes});
  Borrowed<std::size_t> s2(&scratch, {&sizes});
  EXPECT_TRUE(bytes.empty() && sizes.empty());
  EXPECT_GE(bytes.capacity(), 40u);
  EXPECT_GE(sizes.capacity(), 30u);
}

TEST(Scratch, APoolLendsEachExtractionRunningItsOwnScratch) {
  ScratchPool pool;
  EXPECT_EQ(pool.idle(), 0u);
  {
    const ScratchPool::Lease first = pool.lend();
    const ScratchPool::Lease second = pool.lend();
    EXPECT_NE(&*first, &*second);
  }
  EXPECT_EQ(pool.idle(), 2u);
  Scratch* kept = nullptr;
  {
    const ScratchPool::Lease again = pool.lend();
    kept = &*again;
    EXPECT_EQ(pool.idle(), 1u);
  }
  const ScratchPool::Lease reused = pool.lend();
  EXPECT_EQ(&*reused, kept);  // the last one given back
}

// The answers of a document do not depend on what the Extractor (and its
// scratches) saw before, on one thread or several.
TEST(Scratch, AnExtractorAnswersTheSameWhateverItExtractedBefore) {
  const Extractor extractor;
  auto records = [](const Document& doc) {
    std::string out;
    for (const Quote& q : doc.quotes)
      out += std::string(doc.text_of(q)) + "|" + std::to_string(q.speaker) +
             "|" + std::string(q.sieve.name()) + "\n";
    return out + std::to_string(doc.mentions.size()) + "/" +
           std::to_string(doc.entities.size());
  };
  const std::string fresh_short = records(Extractor().extract(kShort));
  const std::string fresh_long = records(Extractor().extract(kLong));
  EXPECT_EQ(records(extractor.extract(kLong)), fresh_long);
  EXPECT_EQ(records(extractor.extract(kShort)), fresh_short);
  EXPECT_EQ(records(extractor.extract(kLong)), fresh_long);
  std::vector<std::string> texts;
  for (int i = 0; i < 16; ++i) texts.push_back(i % 2 ? kShort : kLong);
  const std::vector<Document> docs = extractor.extract_many(texts, 4);
  for (std::size_t i = 0; i < docs.size(); ++i)
    EXPECT_EQ(records(docs[i]), i % 2 ? fresh_short : fresh_long);
}

}  // namespace
}  // namespace quotelink::detail
