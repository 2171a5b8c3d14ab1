#include "text/visible_text.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(VisibleTextTest, InvisibleOnlyTextHasNoVisibleContent) {
  for (const char* text : {"", " ", "\t\r\n", "\u00a0\u3000", "\u200b\u200c\u200d\u2060\ufeff",
                           "\u202e\u202a\u2066\u2069\u200e\u200f\u061c", "\u00ad", "\u3164\u115f",
                           "\u2800", "\u0301\u0303", "\xff\xfe", " \u200b \u202e "}) {
    EXPECT_FALSE(HasVisibleContent(text)) << text;
  }
}

TEST(VisibleTextTest, LettersDigitsAndPunctuationAreVisible) {
  for (const char* text : {"a", "Tin", " \u200b Hội nghị", "1", ".", "Ea Kar\u202e", "ạ", "🎉"}) {
    EXPECT_TRUE(HasVisibleContent(text)) << text;
  }
}

TEST(VisibleTextTest, RemovesBidiAndZeroWidthControlsButKeepsLetters) {
  EXPECT_EQ(WithoutInvisibleControls("bao-cao\u202egpj.exe"), "bao-caogpj.exe");
  EXPECT_EQ(WithoutInvisibleControls("Biên\u200b bản\r\n.pdf"), "Biên bản.pdf");
  EXPECT_EQ(WithoutInvisibleControls("Hòa Phú"), "Hòa Phú");
}

}  // namespace
}  // namespace lienthong
