#include "util/utf8.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(TextUtf8Test, RoundTripsEveryPlane) {
  const std::u32string text = U"a\u00E0\u1EF7\U0001F600\u0110";
  EXPECT_EQ(Utf8ToUtf32(Utf32ToUtf8(text)), text);
}

TEST(TextUtf8Test, FindsFirstInvalidSequence) {
  EXPECT_EQ(FindInvalidUtf8("Vi\xE1\xBB\x87t Nam"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);              // truncated
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);        // surrogate
  EXPECT_EQ(FindInvalidUtf8("ok\xF4\x90\x80\x80"), 2u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("Uy ban nh\xA9n"), 9u);      // TCVN3 byte
}

TEST(TextUtf8Test, ReplacesMaximalSubpartsWithOneReplacementEach) {
  // "\xE1\xBB" is a truncated 3-byte sequence: one U+FFFD, then "x".
  EXPECT_EQ(Utf8ToUtf32("\xE1\xBBx"), U"\uFFFDx");
  EXPECT_EQ(Utf8ToUtf32("\xFF\xFE"), U"\uFFFD\uFFFD");
}

}  // namespace
}  // namespace lienthong
