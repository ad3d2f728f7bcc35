// The country table: one parser for the mention stage and the name keys.
#include "countries.h"

#include <gtest/gtest.h>

#include <string>

#include "quotelink/error.h"

namespace {

using quotelink::detail::Country;
using quotelink::detail::parse_countries;

std::string error_of(const std::string& tsv) {
  try {
    parse_countries(tsv, "test.tsv");
  } catch (const quotelink::error& e) {
    return e.what();
  }
  return "";
}

TEST(Countries, ParsesColumnsListsCommentsAndBlankLines) {
  std::vector<Country> rows = parse_countries(
      "# comment\n"
      "\n"
      "Freedonia\tFreedonian, Fredonian\tFreedon City,Palace Hill\tRepublic "
      "of Freedonia # trailing comment\r\n"
      "Elbonia\tElbonian\n",
      "test.tsv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].name, "Freedonia");
  EXPECT_EQ(rows[0].demonyms,
            (std::vector<std::string>{"Freedonian", "Fredonian"}));
  EXPECT_EQ(rows[0].seats,
            (std::vector<std::string>{"Freedon City", "Palace Hill"}));
  EXPECT_EQ(rows[0].aliases,
            (std::vector<std::string>{"Republic of Freedonia"}));
  EXPECT_EQ(rows[1].name, "Elbonia");
  EXPECT_TRUE(rows[1].seats.empty());
  EXPECT_TRUE(rows[1].aliases.empty());
}

TEST(Countries, TrailingEmptyColumnsAreNoColumns) {
  std::vector<Country> rows =
      parse_countries("Elbonia\tElbonian\tMudville\tMud Land\t\t\n", "t");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].aliases, (std::vector<std::string>{"Mud Land"}));
}

TEST(Countries, TooManyColumnsNameTheFileAndLine) {
  EXPECT_EQ(error_of("Elbonia\n\nA\tb\tc\td\te\n"),
            "test.tsv line 3: 5 columns, at most 4");
}

TEST(Countries, FirstColumnNeedsACountryName) {
  // A leading tab is an empty first column, not a shifted line.
  EXPECT_EQ(error_of("\tDemonym\tCity\n"),
            "test.tsv line 1: no country name in the first column");
  EXPECT_EQ(error_of("Elbonia\n --- \tx\n"),
            "test.tsv line 2: no country name in the first column");
}

TEST(Countries, EmptyTextHasNoRows) {
  EXPECT_TRUE(parse_countries("", "t").empty());
  EXPECT_TRUE(parse_countries("# only a comment\n", "t").empty());
}

}  // namespace
