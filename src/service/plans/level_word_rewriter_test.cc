// Adapting text to a lower level: whole words, case and tone-style variants, names.
#include "service/plans/level_word_rewriter.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

std::vector<LevelWord> Words() {
  return {{"province", "commune", 0, "trên địa bàn {from}", "trên địa bàn {to}"},
          {"province", "commune", 1, "Tỉnh ủy", "Đảng ủy {to}"},
          {"province", "commune", 2, "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Đảng ủy {to}"},
          {"province", "commune", 3, "UBND {from}", "UBND {to}"},
          {"province", "commune", 4, "các sở, ban, ngành", "các ban, ngành, đoàn thể {to}"},
          {"province", "commune", 5, "Sở Văn hóa, Thể thao và Du lịch",
           "Văn phòng HĐND và UBND {to}"},
          {"province", "commune", 6, "toàn {from}", "toàn {to}"}};
}

LevelNames EaKar() {
  return {.from_noun = "tỉnh", .to_noun = "xã", .from_territory = "Tỉnh Đắk Lắk",
          .from_proper = "Đắk Lắk", .to_proper = "Ea Kar"};
}

TEST(LevelWordRewriterTest, ReplacesPhrasesAndTheParentsNames) {
  LevelWordRewriter r(Words(), EaKar());
  EXPECT_EQ(r.Rewrite("Tuyên truyền trên địa bàn tỉnh."), "Tuyên truyền trên địa bàn xã.");
  EXPECT_EQ(r.Rewrite("Tỉnh ủy Đắk Lắk chỉ đạo"), "Đảng ủy xã Ea Kar chỉ đạo");
  EXPECT_EQ(r.Rewrite("UBND tỉnh Đắk Lắk"), "UBND xã Ea Kar");
  EXPECT_EQ(r.Rewrite("người dân tỉnh Đắk Lắk"), "người dân xã Ea Kar");
  EXPECT_EQ(r.Rewrite("Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk chủ trì"),
            "Văn phòng HĐND và UBND xã Ea Kar chủ trì");
  EXPECT_EQ(r.Rewrite("các sở, ban, ngành tỉnh Đắk Lắk"), "các ban, ngành, đoàn thể xã Ea Kar");
}

TEST(LevelWordRewriterTest, LongestPhraseWins) {
  LevelWordRewriter r(Words(), EaKar());
  EXPECT_EQ(r.Rewrite("Ban Thường vụ Tỉnh ủy"), "Ban Thường vụ Đảng ủy xã");
}

TEST(LevelWordRewriterTest, MatchesCaseToneStyleAndSpacingVariants) {
  LevelWordRewriter r(Words(), EaKar());
  EXPECT_EQ(r.Rewrite("Thực hiện của Tỉnh uỷ"), "Thực hiện của Đảng ủy xã");  // "uỷ" style
  EXPECT_EQ(r.Rewrite("TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK"), "TRÊN ĐỊA BÀN XÃ EA KAR");
  EXPECT_EQ(r.Rewrite("Trên  địa   bàn tỉnh"), "Trên địa bàn xã");
  EXPECT_EQ(r.Rewrite("các sở , ban,ngành"), "các ban, ngành, đoàn thể xã");
  EXPECT_EQ(r.Rewrite("sở văn hoá, thể thao và du lịch"), "Văn phòng HĐND và UBND xã");
}

TEST(LevelWordRewriterTest, OnlyWholeWordsMatch) {
  LevelWordRewriter r(Words(), EaKar());
  EXPECT_EQ(r.Rewrite("toàn tỉnhthành"), "toàn tỉnhthành");
  EXPECT_EQ(r.Rewrite("xtoàn tỉnh"), "xtoàn tỉnh");
  EXPECT_EQ(r.Rewrite("toàn tỉnh"), "toàn xã");
  EXPECT_EQ(r.Rewrite("Đắk Lắk"), "Đắk Lắk");  // a bare proper name may be a provincial body's
  EXPECT_EQ(r.Rewrite(""), "");
}

TEST(LevelWordRewriterTest, WardsGetTheirOwnNoun) {
  LevelNames names = EaKar();
  names.to_noun = "phường";
  names.to_proper = "Buôn Ma Thuột";
  LevelWordRewriter r(Words(), names);
  EXPECT_EQ(r.Rewrite("trên địa bàn tỉnh Đắk Lắk"), "trên địa bàn phường Buôn Ma Thuột");
}

TEST(LevelWordRewriterTest, PhrasesNeedingTheParentNounAreSkippedForTheCountry) {
  LevelWordRewriter r(Words(), {.from_noun = "", .to_noun = "tỉnh", .to_proper = "Đắk Lắk"});
  EXPECT_EQ(r.Rewrite("trên địa bàn tỉnh"), "trên địa bàn tỉnh");
  EXPECT_EQ(r.Rewrite("Tỉnh ủy"), "Đảng ủy tỉnh");
}

}  // namespace
}  // namespace lienthong
