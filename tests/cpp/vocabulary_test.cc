// The language pack loader (vocabulary.h, lexicon.h) and the token layer
// (token_layer.h): word ids, classes, multi-word entries, shapes, nesting.
#include "vocabulary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "lexicon.h"
#include "quotelink/error.h"
#include "quotelink/extractor.h"
#include "quotes.h"
#include "token_layer.h"
#include "unicode.h"

namespace quotelink::detail {
namespace {

PackReader files(std::map<std::string, std::string> contents) {
  return [contents](const std::string& name) -> std::optional<std::string> {
    auto it = contents.find(name);
    if (it == contents.end()) return std::nullopt;
    return it->second;
  };
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const error& e) {
    return e.what();
  }
  return "";
}

TEST(Vocabulary, ClassesAddUpAndAttributesAreKept) {
  Vocabulary v({"alpha", "beta"});
  v.load_pack("t", files({{"pack.txt", "a.tsv\n"},
                          {"a.tsv",
                           "# comment\nFoo\talpha\tk=v  # trailing\n"
                           "foo\tbeta\n"
                           "foo bar\tbeta\tlemma=fb\n"}}));
  const WordId foo = v.find("foo");
  ASSERT_NE(foo, kNoWord);
  EXPECT_TRUE(v.has(foo, v.word_class("alpha")));
  EXPECT_TRUE(v.has(foo, v.word_class("beta")));
  EXPECT_FALSE(v.has(v.find("bar"), v.word_class("beta")));  // only in a phrase
  ASSERT_EQ(v.entries_from(foo).size(), 2u);
  const LexiconEntry& longest = v.entries()[v.entries_from(foo)[0]];
  EXPECT_EQ(longest.words.size(), 2u);  // longest first
  EXPECT_EQ(longest.attribute("lemma"), "fb");
  EXPECT_EQ(v.entries()[v.entries_from(foo)[1]].attribute("k"), "v");
}

// Word endings are pack data: entries "-ENDING" of a class, tested after a
// stem of a given length; an entry of the class without the dash is an error.
TEST(Vocabulary, SuffixesAreEntriesWrittenWithADash) {
  Vocabulary v({"suffix"});
  v.load_pack("t",
              files({{"pack.txt", "a.tsv\n"}, {"a.tsv", "-ly\tsuffix\n"}}));
  const SuffixList endings(v, v.word_class("suffix"));
  EXPECT_TRUE(endings.ends("jokingly", 3));
  EXPECT_FALSE(endings.ends("only", 3));  // a stem of two
  EXPECT_TRUE(endings.ends("only", 2));
  EXPECT_FALSE(endings.ends("ly", 1));
  EXPECT_FALSE(endings.ends("jokes", 1));
  Vocabulary bad({"suffix"});
  bad.load_pack("t",
                files({{"pack.txt", "a.tsv\n"}, {"a.tsv", "ly\tsuffix\n"}}));
  EXPECT_NE(error_of([&] {
              SuffixList(bad, bad.word_class("suffix"));
            }).find("a.tsv:1"),
            std::string::npos);
}

// The manner adverb ending the frames and mention rules read comes with the
// pack: "-zy" in the made-up pack, "-ly" in English.
TEST(Vocabulary, MannerSuffixesFollowTheLanguagePack) {
  const Vocabulary zz = load_vocabulary(
      "zz", directory_pack(QUOTELINK_FIXTURES_DIR "/lang/zz"), {});
  const SuffixList in_zz(zz, zz.word_class("manner_suffix"));
  EXPECT_TRUE(in_zz.ends("blorfzy", 3));
  EXPECT_FALSE(in_zz.ends("jokingly", 3));
  const Vocabulary en = load_vocabulary("en", builtin_pack("en"), {});
  const SuffixList in_en(en, en.word_class("manner_suffix"));
  EXPECT_TRUE(in_en.ends("jokingly", 3));
  EXPECT_FALSE(in_en.ends("blorfzy", 3));
}

TEST(Vocabulary, FirstClassesGatherTheClassesOfEntriesStartingWithAWord) {
  Vocabulary v({"alpha", "beta"});
  v.load_pack("t", files({{"pack.txt", "a.tsv\n"},
                          {"a.tsv", "foo\talpha\nbar baz\tbeta\n"}}));
  const WordClass alpha = v.word_class("alpha"), beta = v.word_class("beta");
  EXPECT_TRUE(v.first_classes(v.find("foo")).has(alpha));
  EXPECT_TRUE(v.first_classes(v.find("bar")).has(beta));  // a phrase's start
  EXPECT_FALSE(v.has(v.find("bar"), beta));
  EXPECT_TRUE(v.first_classes(v.find("baz")).empty());  // inside a phrase
  EXPECT_TRUE(v.first_classes(kNoWord).empty());
}

TEST(Vocabulary, BadLinesNameFileLineAndProblem) {
  Vocabulary v({"alpha"});
  EXPECT_NE(error_of([&] {
              v.load_pack("t", files({{"pack.txt", "a.tsv"},
                                      {"a.tsv", "\nfoo\tgamma\n"}}));
            }).find("t/a.tsv:2: unknown class 'gamma'"),
            std::string::npos);
  EXPECT_NE(
      error_of([&] {
        v.load_pack("t", files({{"pack.txt", "a.tsv"}, {"a.tsv", "foo\n"}}));
      }).find("t/a.tsv:1: expected ENTRY<TAB>CLASS"),
      std::string::npos);
  EXPECT_NE(error_of([&] {
              v.load_pack("t", files({{"pack.txt", "a.tsv"},
                                      {"a.tsv", "foo\talpha\tnokey\n"}}));
            }).find("'nokey' is not KEY=VALUE"),
            std::string::npos);
  EXPECT_NE(error_of([&] {
              v.load_pack("t", files({{"pack.txt", "b.tsv"}}));
            }).find("lists 'b.tsv'"),
            std::string::npos);
  EXPECT_NE(error_of([&] { v.word_class("gamma"); }).find("'gamma'"),
            std::string::npos);
}

TEST(Vocabulary, AnUnknownLanguageIsAnErrorNamingIt) {
  Config config;
  config.language = "xx";
  const std::string message = error_of([&] { Extractor e(config); });
  EXPECT_NE(message.find("'xx'"), std::string::npos) << message;
  // The packs built in, from the embedded data.
  EXPECT_NE(message.find("(built in: en)"), std::string::npos) << message;
  config.language = "../en";
  EXPECT_FALSE(error_of([&] { Extractor e(config); }).empty());
}

TEST(Vocabulary, PackLanguagesAreTheDirectoriesHoldingAPackFile) {
  using Names = std::vector<std::string>;
  EXPECT_EQ(pack_languages({"zz/pack.txt", "en/cues.tsv", "model/en.bin",
                            "en/pack.txt", "fr/words.tsv", "a/b/pack.txt",
                            "pack.txt", "xpack.txt"}),
            (Names{"en", "zz"}));
  const std::vector<std::string_view> built = embedded_file_names();
  EXPECT_NE(std::find(built.begin(), built.end(), "en/pack.txt"), built.end());
  EXPECT_EQ(pack_languages(built), (Names{"en"}));
}

TEST(Vocabulary, AnUnknownDisabledRuleIsAnError) {
  Config config;
  config.disabled_rules = {"no_such_rule"};
  EXPECT_NE(error_of([&] { Extractor e(config); }).find("'no_such_rule'"),
            std::string::npos);
}

TEST(Vocabulary, LexiconKeysLowerCaseOnceForAllScripts) {
  std::string key;
  lexicon_key("Trump\xE2\x80\x99S", &key);
  EXPECT_EQ(key, "trump's");
  lexicon_key("\xC3\x89LODIE", &key);  // ÉLODIE
  EXPECT_EQ(key, "\xC3\xA9lodie");
  lexicon_key("Ame\xCC\x81lie", &key);  // NFD in, NFC out
  EXPECT_EQ(key, "am\xC3\xA9lie");
  EXPECT_EQ(strip_possessive("russia's"), "russia");
  EXPECT_EQ(strip_possessive("koreas'"), "koreas");
  EXPECT_EQ(strip_possessive("its"), "its");
}

TEST(Vocabulary, GeneralPunctuationKeysAsICULowerCasesIt) {
  // lexicon_key skips ICU for U+2010..U+205F; every one of them, alone and
  // between letters, keys as ICU's lower case and NFC would.
  std::string key;
  for (char32_t cp = 0x2000; cp <= 0x206F; ++cp) {
    std::string mark;
    mark += static_cast<char>(0xE0 | (cp >> 12));
    mark += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    mark += static_cast<char>(0x80 | (cp & 0x3F));
    for (const std::string& word : {mark, "Ab" + mark + "C", "X" + mark}) {
      std::string expected = to_lower(word);
      for (std::size_t pos;
           (pos = expected.find("\xE2\x80\x99")) != std::string::npos;)
        expected.replace(pos, 3, "'");
      lexicon_key(word, &key);
      EXPECT_EQ(key, expected) << "U+" << std::hex << cp;
    }
  }
}

TEST(WordTable, IdsAreDenseAndSurviveGrowth) {
  WordTable table;
  for (int i = 0; i < 1000; ++i)
    EXPECT_EQ(table.intern("w" + std::to_string(i)), static_cast<WordId>(i));
  EXPECT_EQ(table.intern(std::string(10000, 'x')), 1000u);  // over a chunk
  for (int i = 0; i < 1000; ++i)
    EXPECT_EQ(table.find("w" + std::to_string(i)), static_cast<WordId>(i));
  EXPECT_EQ(table.word(1000).size(), 10000u);
  EXPECT_EQ(table.find("absent"), kNoWord);
  table.clear();
  EXPECT_EQ(table.find("w1"), kNoWord);
  EXPECT_EQ(table.intern("again"), 0u);
}

class TokenLayerTest : public ::testing::Test {
 protected:
  const TokenLayer& layer(const std::string& text) {
    text_ = text;
    layout_ = analyse_text(text_, tables_);
    quotes_ = find_quotes(text_, layout_);
    layer_.emplace(text_, layout_, quotes_, vocabulary_);
    return *layer_;
  }
  int token(std::string_view surface) const {
    for (std::size_t t = 0; t < layout_.tokens.size(); ++t)
      if (std::string_view(text_).substr(layout_.tokens[t].span.begin,
                                         layout_.tokens[t].span.size()) ==
          surface)
        return static_cast<int>(t);
    return -1;
  }

  const TextTables tables_ = TextTables::load({});
  const Vocabulary vocabulary_ =
      load_vocabulary("en", builtin_pack("en"), Config{});
  std::string text_;
  TextLayout layout_;
  std::vector<Quote> quotes_;
  std::optional<TokenLayer> layer_;
};

TEST_F(TokenLayerTest, EqualWordsHaveEqualIdsKnownOrNot) {
  const TokenLayer& l =
      layer("Zyx met zyx. Trump\xE2\x80\x99s aide and trump said.");
  EXPECT_EQ(l.word(token("Zyx")), l.word(token("zyx")));
  EXPECT_EQ(l.lower(token("Zyx")), "zyx");
  const int possessor = token("Trump\xE2\x80\x99s");
  EXPECT_TRUE(l.shape(possessor, Shape::possessive));
  EXPECT_EQ(l.base(possessor), l.word(token("trump")));
  EXPECT_NE(l.word(possessor), l.word(token("trump")));
  const WordClass coordinator = vocabulary_.word_class("coordinator");
  EXPECT_TRUE(l.is(token("and"), coordinator));
  EXPECT_FALSE(l.is(token("aide"), coordinator));
}

TEST_F(TokenLayerTest, ShapesAreUnicodeCorrect) {
  const TokenLayer& l =
      layer("\xC3\x89lodie and NATO \xE2\x80\x94 the U.S. met 42 - ok.");
  EXPECT_TRUE(l.shape(0, Shape::capitalised));  // É
  EXPECT_FALSE(l.shape(0, Shape::all_caps));
  EXPECT_TRUE(l.shape(token("and"), Shape::lower_initial));
  EXPECT_TRUE(l.shape(token("NATO"), Shape::all_caps));
  EXPECT_TRUE(l.shape(token("U.S."), Shape::all_caps));
  EXPECT_TRUE(l.shape(token("\xE2\x80\x94"), Shape::dash));
  EXPECT_TRUE(l.shape(token("-"), Shape::dash));
  EXPECT_TRUE(l.punct(token("-"), '-'));
  EXPECT_TRUE(l.shape(token("42"), Shape::number));
  EXPECT_FALSE(l.shape(token("42"), Shape::has_letter));
}

TEST_F(TokenLayerTest, AsciiTokensGetTheFactsOfTheUnicodePath) {
  // An ASCII token takes a one-pass path; each pair differs only in one
  // accented letter (the Unicode path), so their facts must match.
  const TokenLayer& l = layer(
      "Eric's \xC3\x89ric's ERIC \xC3\x89RIC U.S.-LED \xC3\x9C.S.-LED "
      "eric \xC3\xA9ric e2e \xC3\xA9"
      "2e");
  const std::pair<const char*, const char*> twins[] = {
      {"Eric's", "\xC3\x89ric's"},
      {"ERIC", "\xC3\x89RIC"},
      {"U.S.-LED", "\xC3\x9C.S.-LED"},
      {"eric", "\xC3\xA9ric"},
      {"e2e",
       "\xC3\xA9"
       "2e"}};
  for (const auto& [ascii, unicode] : twins) {
    ASSERT_GE(token(ascii), 0) << ascii;
    ASSERT_GE(token(unicode), 0) << unicode;
    EXPECT_EQ(l.facts(token(ascii)).shape, l.facts(token(unicode)).shape)
        << ascii;
  }
  EXPECT_EQ(l.lower(token("Eric's")), "eric's");
  EXPECT_EQ(l.lower(token("\xC3\x89ric's")), "\xC3\xA9ric's");
  EXPECT_EQ(l.text_of(l.base(token("Eric's"))), "eric");
  EXPECT_TRUE(l.shape(token("U.S.-LED"), Shape::all_caps));
}

TEST_F(TokenLayerTest, NestingDepthAndParentComeFromTheQuotes) {
  const TokenLayer& l =
      layer("He said, \"They told me 'go home' today,\" and left.");
  ASSERT_EQ(quotes_.size(), 2u);
  EXPECT_EQ(l.parent_quote(0), -1);
  EXPECT_EQ(l.parent_quote(1), 0);
  EXPECT_EQ(l.facts(token("He")).depth, 0);
  EXPECT_EQ(l.quote(token("He")), -1);
  EXPECT_EQ(l.facts(token("They")).depth, 1);
  EXPECT_EQ(l.facts(token("go")).depth, 2);
  EXPECT_EQ(l.quote(token("go")), 0);  // the outermost quotation
  EXPECT_EQ(l.facts(token("today")).depth, 1);
  EXPECT_EQ(l.facts(token("left")).depth, 0);
}

TEST_F(TokenLayerTest, MatchFindsTheLongestEntryOfAClass) {
  const TokenLayer& l = layer("He spoke in a statement on Monday.");
  const WordClass channel = vocabulary_.word_class("cue_channel");
  int last = -1;
  const LexiconEntry* e = l.match(
      token("in"), channel, [](int) { return true; }, &last);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(last, token("statement"));
  EXPECT_EQ(l.match(
                token("in"), channel, [](int) { return false; }, &last),
            nullptr);
}

}  // namespace
}  // namespace quotelink::detail
