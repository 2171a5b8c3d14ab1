#include "text/collation.h"

#include <gtest/gtest.h>

#include <thread>

#include "text/normalize.h"

namespace lienthong {
namespace {

// Expected orders below were printed by ICU 72's "vi" collator in a throwaway program first and
// then checked against the CLDR rules (vn-documents.md §3.4), not written from memory.

std::vector<std::string> Sorted(std::vector<std::string> v) {
  SortVietnamese(v);
  return v;
}

TEST(TextCollationTest, DStrokeAfterEveryD) {
  EXPECT_EQ(
      Sorted({"Đắk Lắk", "Dương", "Đà Nẵng", "Duy", "Da", "Đa", "đ", "d", "e"}),
      (std::vector<std::string>{"d", "Da", "Duy", "Dương", "đ", "Đa", "Đà Nẵng", "Đắk Lắk", "e"}));
  EXPECT_GT(VietnameseCollator::Get().Compare("Đắk Lắk", "Dương"), 0);
}

TEST(TextCollationTest, BreveAndCircumflexAfterPlainLetter) {
  EXPECT_EQ(Sorted({"ân", "an", "ăn", "Ân", "An", "Ăn"}),
            (std::vector<std::string>{"an", "An", "ăn", "Ăn", "ân", "Ân"}));
  EXPECT_EQ(Sorted({"ết", "ê", "et", "e", "ệ"}),
            (std::vector<std::string>{"e", "et", "ê", "ệ", "ết"}));
}

TEST(TextCollationTest, HornedVowelsAfterTheirBase) {
  EXPECT_EQ(Sorted({"ơn", "ô tô", "ơ", "ôn", "o to", "ô", "o", "ôtô"}),
            (std::vector<std::string>{"o", "o to", "ô", "ô tô", "ôn", "ôtô", "ơ", "ơn"}));
  EXPECT_EQ(Sorted({"ưa", "ủy", "ư", "ua", "u", "uy", "yên", "ỷ"}),
            (std::vector<std::string>{"u", "ua", "uy", "ủy", "ư", "ưa", "ỷ", "yên"}));
}

TEST(TextCollationTest, TonesAreSecondary) {
  // none < huyền < hỏi < ngã < sắc < nặng, and all of them before the next letter.
  EXPECT_EQ(Sorted({"mb", "mạ", "má", "mã", "mả", "mà", "ma"}),
            (std::vector<std::string>{"ma", "mà", "mả", "mã", "má", "mạ", "mb"}));
  EXPECT_LT(VietnameseCollator::Get().Compare("ma", "Ma"), 0);  // case is tertiary
}

TEST(TextCollationTest, ProvinceNames) {
  // Names from demo/provinces-2025.csv without "Tỉnh"/"Thành phố".
  const std::vector<std::string> expected = {
      "An Giang",    "Bắc Ninh",   "Cà Mau",      "Cao Bằng",  "Cần Thơ",  "Đà Nẵng",
      "Đắk Lắk",     "Điện Biên",  "Đồng Nai",    "Đồng Tháp", "Gia Lai",  "Hà Nội",
      "Hà Tĩnh",     "Hải Phòng",  "Hồ Chí Minh", "Huế",       "Hưng Yên", "Khánh Hòa",
      "Lai Châu",    "Lạng Sơn",   "Lào Cai",     "Lâm Đồng",  "Nghệ An",  "Ninh Bình",
      "Phú Thọ",     "Quảng Ngãi", "Quảng Ninh",  "Quảng Trị", "Sơn La",   "Tây Ninh",
      "Thái Nguyên", "Thanh Hóa",  "Tuyên Quang", "Vĩnh Long"};
  std::vector<std::string> shuffled(expected.rbegin(), expected.rend());
  std::swap(shuffled[3], shuffled[17]);
  EXPECT_EQ(Sorted(shuffled), expected);
}

TEST(TextCollationTest, NfdEqualsNfc) {
  EXPECT_EQ(VietnameseCollator::Get().Compare(ToNfd("Đắk Lắk"), "Đắk Lắk"), 0);
  EXPECT_EQ(VietnameseCollator::Get().SortKey(ToNfd("Nghệ An")),
            VietnameseCollator::Get().SortKey("Nghệ An"));
}

TEST(TextCollationTest, SortKeysOrderLikeCompare) {
  const std::vector<std::string> words = {"a",       "à",         "ă",  "ằ", "Đ", "d",
                                          "ơ",       "ô",         "",   "z", "1", "Hà Nội",
                                          "Hà Tĩnh", "Hải Phòng", "ưa", "ua"};
  const VietnameseCollator& c = VietnameseCollator::Get();
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      const int compare = c.Compare(a, b);
      const int keys = c.SortKey(a).compare(c.SortKey(b));
      EXPECT_EQ(compare < 0, keys < 0) << a << " vs " << b;
      EXPECT_EQ(compare == 0, keys == 0) << a << " vs " << b;
    }
  }
  EXPECT_EQ(c.SortKey("abc").find('\0'), std::string::npos);
}

TEST(TextCollationTest, SortsByProjectionStably) {
  struct Unit {
    std::string name;
    int code;
  };
  std::vector<Unit> units = {{"Đồng Nai", 1}, {"Đà Nẵng", 2}, {"Dương Kinh", 3}, {"Đà Nẵng", 4}};
  SortVietnameseBy(units, [](const Unit& u) -> const std::string& { return u.name; });
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[0].code, 3);
  EXPECT_EQ(units[1].code, 2);
  EXPECT_EQ(units[2].code, 4);
  EXPECT_EQ(units[3].code, 1);
  SortVietnameseBy(units, &Unit::name);  // a member pointer works too
  EXPECT_EQ(units[0].code, 3);
}

TEST(TextCollationTest, SharedAcrossThreads) {
  const VietnameseCollator& c = VietnameseCollator::Get();
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&c, &failures, t] {
      for (int i = 0; i < 2000; ++i) {
        if (c.Compare("Đắk Lắk", "Dương") <= 0 || c.SortKey("Hà Nội").empty()) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace lienthong
