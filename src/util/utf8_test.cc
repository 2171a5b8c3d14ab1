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

TEST(TextUtf8Test, FindsTheFirstInvalidByteOfALargeTextCheckedInSlices) {
  // Over 2 MiB: checked in slices on several threads; the answer is still the first bad byte.
  std::string text;
  while (text.size() < (6u << 20)) text += "Vi\xE1\xBB\x87t Nam " + std::string(200, 'a') + "\n";
  EXPECT_EQ(FindInvalidUtf8(text), std::string_view::npos);
  std::string late = text, early = text;
  late[5u << 20] = '\xA9';
  early[(3u << 20) + 7] = '\xC3';
  early[(3u << 20) + 8] = '\n';  // a truncated sequence right before a line feed
  early[5u << 20] = '\xA9';
  EXPECT_EQ(FindInvalidUtf8(late), 5u << 20);
  EXPECT_EQ(FindInvalidUtf8(early), (3u << 20) + 7);
}

TEST(TextUtf8Test, ReplacesMaximalSubpartsWithOneReplacementEach) {
  // "\xE1\xBB" is a truncated 3-byte sequence: one U+FFFD, then "x".
  EXPECT_EQ(Utf8ToUtf32("\xE1\xBBx"), U"\uFFFDx");
  EXPECT_EQ(Utf8ToUtf32("\xFF\xFE"), U"\uFFFD\uFFFD");
}

}  // namespace
}  // namespace lienthong
