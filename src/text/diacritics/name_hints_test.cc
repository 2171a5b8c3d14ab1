#include "text/diacritics/name_hints.h"

#include <gtest/gtest.h>

namespace lienthong::diacritics {
namespace {

std::vector<std::string> NamesFrom(const NameHints& hints, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* list = hints.NamesStartingWith(key)) {
    for (const uint32_t i : *list) out.push_back(hints.name(i).Text());
  }
  return out;
}

TEST(DiacriticsNameHintsTest, UnitNamesWithAndWithoutTheirKind) {
  NameHints hints;
  hints.AddName("Thành phố Hà Nội");
  hints.AddName("Tỉnh Đắk Lắk");
  hints.AddName("Tỉnh Gia Lai");  // the bare name has no diacritic: nothing to restore from it
  EXPECT_EQ(NamesFrom(hints, "thanh"), std::vector<std::string>{"Thành phố Hà Nội"});
  EXPECT_EQ(NamesFrom(hints, "ha"), std::vector<std::string>{"Hà Nội"});
  EXPECT_EQ(NamesFrom(hints, "dak"), std::vector<std::string>{"Đắk Lắk"});
  EXPECT_TRUE(NamesFrom(hints, "gia").empty());
  EXPECT_EQ(NamesFrom(hints, "tinh"), (std::vector<std::string>{"Tỉnh Đắk Lắk", "Tỉnh Gia Lai"}));
  const NameHints::Name& name = hints.name(hints.NamesStartingWith("dak")->front());
  EXPECT_EQ(name.keys, (std::vector<std::string>{"dak", "lak"}));
  EXPECT_EQ(name.capitals, 3u);
}

TEST(DiacriticsNameHintsTest, LongestNameFirst) {
  NameHints hints;
  hints.AddName("Hòa Phú");
  hints.AddName("Hòa Phú Đông");
  EXPECT_EQ(NamesFrom(hints, "hoa"), (std::vector<std::string>{"Hòa Phú Đông", "Hòa Phú"}));
}

TEST(DiacriticsNameHintsTest, LearnsCapitalisedRunsWithDiacritics) {
  NameHints hints;
  hints.LearnFromText("Ủy ban nhân dân tỉnh Đắk Lắk, Sở Khoa học\nLiên hệ Ban Quản Lý Dự Án");
  EXPECT_EQ(NamesFrom(hints, "dak"), std::vector<std::string>{"Đắk Lắk"});
  EXPECT_EQ(NamesFrom(hints, "so"), std::vector<std::string>{"Sở Khoa"});
  // Pieces of two to four words of a longer capitalised run.
  EXPECT_EQ(NamesFrom(hints, "ban").size(), 3u);
  EXPECT_EQ(NamesFrom(hints, "du"), std::vector<std::string>{"Dự Án"});
  EXPECT_TRUE(NamesFrom(hints, "uy").empty());  // one capitalised word is no name
}

}  // namespace
}  // namespace lienthong::diacritics
