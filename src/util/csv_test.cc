#include "util/csv.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(CsvTest, SplitsFieldsAndRecordsWithLineNumbers) {
  auto r = ParseCsv("a,b,c\n1,2,3\r\n\n4,\"x,y\",\"say \"\"hi\"\"\"\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].line, 1);
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ((*r)[2].line, 4);
  EXPECT_EQ((*r)[2].fields, (std::vector<std::string>{"4", "x,y", "say \"hi\""}));
}

TEST(CsvTest, QuotedLineBreakKeepsLineCount) {
  auto r = ParseCsv("a,\"two\nlines\"\nb,c");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].fields[1], "two\nlines");
  EXPECT_EQ((*r)[1].line, 3);
}

TEST(CsvTest, EmptyFieldsAndNoTrailingNewline) {
  auto r = ParseCsv("a,,c");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].fields, (std::vector<std::string>{"a", "", "c"}));
}

TEST(CsvTest, UnterminatedQuoteNamesItsLine) {
  auto r = ParseCsv("a,b\nc,\"open\nd,e\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();
}

TEST(CsvTest, StrayQuoteIsAnError) {
  auto r = ParseCsv("a,b\"c\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 1"), std::string::npos);
}

TEST(CsvTest, EscapeRoundTrips) {
  std::string tricky = "Sở Văn hóa, \"Thể thao\"\nvà Du lịch";
  auto r = ParseCsv(CsvEscape(tricky) + "," + CsvEscape("plain"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].fields, (std::vector<std::string>{tricky, "plain"}));
}

}  // namespace
}  // namespace lienthong
