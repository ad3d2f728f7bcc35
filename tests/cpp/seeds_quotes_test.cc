// The quotes stage on the five seed articles: every quotation is found (by
// content) and nothing else.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "quotes.h"
#include "text.h"

namespace quotelink::detail {
namespace {

std::string read_seed(const std::string& prefix) {
  const std::string dir = QUOTELINK_EXAMPLES_DIR;
  const std::vector<std::string> names = {
      "000_dd353f02a8b0b0d7.txt", "001_93fded66cd1e2802.txt",
      "002_31c500eed09be67c.txt", "003_7cac6b9dd74cb402.txt",
      "004_7c450318e5af89d7.txt"};
  for (const std::string& name : names) {
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    std::ifstream file(dir + "/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
  }
  ADD_FAILURE() << "no seed " << prefix;
  return {};
}

std::vector<Quote> seed_quotes(const std::string& prefix) {
  static const TextTables tables = TextTables::load(Config{});
  const std::string text = read_seed(prefix);
  return find_quotes(text, analyse_text(text, tables));
}

struct Expected {
  std::string text;
  QuoteKind kind;
  bool multi_paragraph = false;
  bool repaired = false;
  bool headline = false;
};

void expect_quotes(const std::string& prefix,
                   const std::vector<Expected>& expected) {
  std::vector<Quote> quotes = seed_quotes(prefix);
  const std::string text = read_seed(prefix);
  std::vector<std::string> found;
  for (const Quote& q : quotes)
    found.push_back(text.substr(q.span.begin, q.span.size()));
  std::vector<std::string> wanted;
  for (const Expected& e : expected) wanted.push_back(e.text);
  ASSERT_EQ(found, wanted) << prefix;
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    SCOPED_TRACE(prefix + ": " + wanted[i]);
    EXPECT_EQ(quotes[i].kind, expected[i].kind);
    EXPECT_EQ(quotes[i].multi_paragraph, expected[i].multi_paragraph);
    EXPECT_EQ(quotes[i].repaired, expected[i].repaired);
    EXPECT_EQ(quotes[i].headline, expected[i].headline);
  }
}

constexpr QuoteKind kDirect = QuoteKind::direct;
constexpr QuoteKind kPartial = QuoteKind::partial;

TEST(Seeds, Afp000LostAndDisplacedClosingMarks) {
  expect_quotes(
      "000",
      {{"current questions of bilateral relations", kPartial},
       {"raising the level of political dialogue and ways of activating "
        "trade and economic relations.",
        kPartial, false, true},
       {"situation on the Korean peninsula and the North-Eastern Asia region",
        kPartial},
       {"certain international problems that are of mutual interest.", kPartial,
        false, true},
       {"reasonable grounds to believe that crimes against humanity have been "
        "committed.\n\npursuant to policies established at the highest level "
        "of the state for decades.",
        kPartial, true, true},
       {"take appropriate action to ensure accountability,", kPartial}});
}

TEST(Seeds, Reuters001HardWrapped) {
  expect_quotes("001",
                {{"soon", kPartial},
                 {"international issues of common\ninterest,", kPartial}});
}

TEST(Seeds, Yonhap002) {
  expect_quotes(
      "002",
      {{"exert influence to ensure the human rights issue will not be raised "
        "at the United Nations and in the international community again,",
        kPartial},
       {"widespread, systematic and gross", kPartial},
       {"facing hunger and a tragic human rights situation.", kPartial},
       {"counterproductive.", kPartial}});
}

TEST(Seeds, MoscowTimes003HeadlineInSingleMarks) {
  expect_quotes("003",
                {{"Soon", kPartial, false, false, true},
                 {"soon,", kPartial},
                 {"international issues of common interest,", kPartial}});
}

TEST(Seeds, Afp004) {
  expect_quotes(
      "004",
      {{"counter-productive", kPartial, false, false, true},
       {"counter-productive", kPartial},
       {"In my opinion, it is counter-productive to try to make some loud "
        "statements through confrontational resolutions at the UN General "
        "Assembly and Human Rights Council,",
        kDirect},
       {"We are convinced that UN structures dedicated to human rights should "
        "not turn into judicial or prosecution bodies,",
        kDirect},
       {"publicly punishing", kPartial},
       {"We maintain friendly relations with one of our neighbors, the "
        "Democratic People's Republic of Korea.",
        kDirect},
       {"A further deepening of political ties and trade and economic "
        "cooperation is definitely in the interests of the peoples of both "
        "countries and ensuring regional stability and security,",
        kDirect},
       {"The subject of the denuclearization of the Korean Peninsula is "
        "constantly present on the agenda of our dialogue with North Korea,",
        kDirect},
       {"Moreover, progress in this field is a mandatory condition of lifting "
        "the sanctions against the country which naturally impose big limits "
        "on our bilateral relations.",
        kDirect}});
}

TEST(Seeds, LayoutFlagsHeadingsAndBoilerplate) {
  static const TextTables tables = TextTables::load(Config{});
  const std::string text = read_seed("002");
  TextLayout layout = analyse_text(text, tables);
  std::vector<std::string> boilerplate, headings;
  for (const Paragraph& p : layout.paragraphs) {
    std::string body = text.substr(p.span.begin, p.span.size());
    if (p.boilerplate) boilerplate.push_back(body);
    if (p.heading) headings.push_back(body);
  }
  EXPECT_EQ(headings, (std::vector<std::string>{
                          "NK leader asks Putin to affect human rights "
                          "debate: official"}));
  EXPECT_EQ(boilerplate,
            (std::vector<std::string>{"Go to Contents Go to Navigation",
                                      "All Headlines 17:53 November 21, 2014",
                                      "By Kim Kwang-tae", "Send Feedback",
                                      "How can we improve?",
                                      "Thanks for your feedback!"}));
  // The hard-wrapped Reuters seed has no blank lines, yet has paragraphs.
  const std::string reuters = read_seed("001");
  EXPECT_GE(analyse_text(reuters, tables).paragraphs.size(), 8u);
}

}  // namespace
}  // namespace quotelink::detail
