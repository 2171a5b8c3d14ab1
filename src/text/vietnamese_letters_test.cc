#include "text/vietnamese_letters.h"

#include <gtest/gtest.h>

#include <string>

#include "text/normalize.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

std::string Str(char32_t c) { return Utf32ToUtf8(std::u32string(1, c)); }

// The tone's combining mark in NFD, by Tone value.
constexpr char32_t kToneMarks[] = {0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323};

// Checks the hand-written table against ICU: every letter's NFD holds exactly its tone mark, and
// NFC of (base + tone mark) gives the letter back.
TEST(TextVietnameseLettersTest, TableAgreesWithIcuDecomposition) {
  int letters = 0;
  for (char32_t base : std::u32string(U"aăâeêioôơuưy")) {
    for (int t = 0; t < kToneCount; ++t) {
      for (bool upper : {false, true}) {
        const char32_t c = ComposeLetter(base, static_cast<Tone>(t), upper);
        ASSERT_NE(c, 0u);
        const std::optional<LetterParts> parts = SplitLetter(c);
        ASSERT_TRUE(parts);
        EXPECT_EQ(parts->base, base);
        EXPECT_EQ(static_cast<int>(parts->tone), t);
        EXPECT_EQ(parts->upper, upper);

        const std::u32string nfd = Utf8ToUtf32(ToNfd(Str(c)));
        if (t != 0) {
          EXPECT_NE(nfd.find(kToneMarks[t]), std::u32string::npos) << Str(c);
        }
        std::u32string base_plus_mark(1, ComposeLetter(base, Tone::kNone, upper));
        if (t != 0) base_plus_mark.push_back(kToneMarks[t]);
        EXPECT_EQ(ToNfc(Utf32ToUtf8(base_plus_mark)), Str(c));
        if (t != 0 || c > 0x7F) ++letters;
      }
    }
  }
  EXPECT_EQ(letters, 2 * (67 - 1));  // every non-ASCII letter except đ/Đ
}

TEST(TextVietnameseLettersTest, ConsonantsAndOthers) {
  EXPECT_EQ(SplitLetter(U'Đ')->base, U'đ');
  EXPECT_TRUE(SplitLetter(U'Đ')->upper);
  EXPECT_EQ(SplitLetter(U'b')->base, U'b');
  EXPECT_FALSE(SplitLetter(U'ç'));
  EXPECT_FALSE(SplitLetter(U'1'));
  EXPECT_FALSE(SplitLetter(U'Ð'));  // Latin ETH is not Vietnamese; ToNfc maps it to Đ
  EXPECT_EQ(ComposeLetter(U'b', Tone::kAcute, false), 0u);
  EXPECT_EQ(AsciiOfBase(U'ư'), 'u');
  EXPECT_EQ(AsciiOfBase(U'đ'), 'd');
  EXPECT_TRUE(IsVowelBase(U'y'));
  EXPECT_FALSE(IsVowelBase(U'đ'));
}

}  // namespace
}  // namespace lienthong
