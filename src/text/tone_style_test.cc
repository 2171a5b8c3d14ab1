#include "text/tone_style.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

struct StyleCase {
  const char* traditional;
  const char* modern;
};

// vn-documents.md §3.2: only oa, oe, uy in open syllables differ.
const StyleCase kDiffer[] = {
    {"hòa", "hoà"},
    {"hóa", "hoá"},
    {"họa", "hoạ"},
    {"tỏa", "toả"},
    {"khỏe", "khoẻ"},
    {"xòe", "xoè"},
    {"thủy", "thuỷ"},
    {"lũy", "luỹ"},
    {"Ủy ban", "Uỷ ban"},
    {"HUYỆN ỦY ĐỊNH HÓA", "HUYỆN UỶ ĐỊNH HOÁ"},
    {"Khánh Hòa", "Khánh Hoà"},
};

// The same in both styles.
const char* const kSame[] = {
    "hoàn",  "toán",  "quả",      "quý",       "quyết", "huỳnh",   "thuyền",     "ngoài",
    "khuỷu", "ngoẹo", "giữa",     "của",       "mía",   "múa",     "túi",        "hài",
    "người", "rượu",  "thuở",     "gì",        "gìn",   "giúp",    "quốc",       "hoạch",
    "khuya", "xoáy",  "Facebook", "café 2025", "ÔNG",   "Nghệ An", "13/KH-UBND", "",
};

TEST(TextToneStyleTest, ConvertsBetweenStyles) {
  for (const StyleCase& c : kDiffer) {
    EXPECT_EQ(ToToneStyle(c.modern, ToneStyle::kTraditional), c.traditional);
    EXPECT_EQ(ToToneStyle(c.traditional, ToneStyle::kModern), c.modern);
    EXPECT_EQ(ToToneStyle(c.traditional, ToneStyle::kTraditional), c.traditional);
    EXPECT_EQ(ToToneStyle(c.modern, ToneStyle::kModern), c.modern);
  }
}

TEST(TextToneStyleTest, LeavesOtherSyllablesAlone) {
  for (const char* text : kSame) {
    EXPECT_EQ(ToToneStyle(text, ToneStyle::kTraditional), text);
    EXPECT_EQ(ToToneStyle(text, ToneStyle::kModern), text);
  }
}

TEST(TextToneStyleTest, RepairsMisplacedTones) {
  EXPECT_EQ(ToToneStyle("hòan thành", ToneStyle::kModern), "hoàn thành");
  EXPECT_EQ(ToToneStyle("cuả", ToneStyle::kTraditional), "của");
  EXPECT_EQ(ToToneStyle("qủa", ToneStyle::kTraditional), "quả");
}

TEST(TextToneStyleTest, KeepsCaseSpacingAndNormalisesInput) {
  EXPECT_EQ(ToToneStyle("  HoÀ  bình\t", ToneStyle::kTraditional), "  HòA  bình\t");
  EXPECT_EQ(ToToneStyle("ho\xCC\x80"
                        "a",
                        ToneStyle::kModern),
            "hoà");  // NFD "hòa"
}

}  // namespace
}  // namespace lienthong
