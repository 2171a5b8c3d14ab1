#include "text/syllable.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(TextSyllableTest, ParsesNucleusAfterOnset) {
  struct Case {
    std::u32string_view bases;
    size_t begin, end;
    bool closed;
  };
  const Case cases[] = {
      {U"thuyên", 2, 5, true},   // th + uyê + n
      {U"nghiêng", 3, 5, true},  // ngh + iê + ng
      {U"quôc", 2, 3, true},     // qu is the onset: nucleus ô
      {U"qua", 2, 3, false},    {U"quy", 2, 3, false}, {U"giưa", 2, 4, false},  // gi + ưa
      {U"gin", 1, 2, true},     // g + i + n ("gìn")
      {U"gi", 1, 2, false},     // "gì"
      {U"cua", 1, 3, false},    // c + ua ("của")
      {U"uy", 0, 2, false},     // "Ủy"
      {U"khuyu", 2, 5, false},  // "khuỷu"
      {U"ngoai", 2, 5, false},  {U"hoan", 1, 3, true}, {U"xoong", 1, 3, true},
  };
  for (const Case& c : cases) {
    const std::optional<SyllableShape> shape = ParseSyllable(c.bases);
    ASSERT_TRUE(shape) << static_cast<int>(c.bases.size());
    EXPECT_EQ(shape->nucleus_begin, c.begin);
    EXPECT_EQ(shape->nucleus_end, c.end);
    EXPECT_EQ(shape->closed, c.closed);
  }
}

TEST(TextSyllableTest, RejectsWhatIsNotASyllable) {
  for (std::u32string_view bases :
       {U"", U"wifi", U"hoax", U"xyz", U"q", U"qu", U"nh", U"â", U"iê", U"ain", U"bôk", U"aeiou"}) {
    EXPECT_FALSE(ParseSyllable(bases)) << static_cast<int>(bases.size());
  }
}

TEST(TextSyllableTest, StopFinalsTakeOnlySacOrNang) {
  EXPECT_TRUE(IsValidSyllable(U"cac", Tone::kAcute));   // các
  EXPECT_TRUE(IsValidSyllable(U"viêt", Tone::kDot));    // việt
  EXPECT_FALSE(IsValidSyllable(U"cac", Tone::kGrave));  // "càc" does not exist
  EXPECT_FALSE(IsValidSyllable(U"bat", Tone::kNone));
  EXPECT_TRUE(IsValidSyllable(U"ban", Tone::kNone));
  EXPECT_TRUE(IsValidSyllable(U"đông", Tone::kGrave));
}

}  // namespace
}  // namespace lienthong
