#include "text/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace lienthong {
namespace {

TEST(TextNormalizeTest, ComposesDecomposedVietnamese) {
  // "Việt Nam" with ệ as e + U+0323 + U+0302 (NFD) and with the marks in the other order.
  EXPECT_EQ(ToNfc("Vie\xCC\xA3\xCC\x82t Nam"), "Việt Nam");
  EXPECT_EQ(ToNfc("Vie\xCC\x82\xCC\xA3t Nam"), "Việt Nam");
  EXPECT_EQ(ToNfc(ToNfd("Phở bò, Đắk Lắk")), "Phở bò, Đắk Lắk");
}

TEST(TextNormalizeTest, NfdSplitsTones) {
  EXPECT_EQ(ToNfd("ợ"), "o\xCC\x9B\xCC\xA3");  // horn (ccc 216) before dot below (220)
  EXPECT_EQ(ToNfd("đ"), "đ");                  // đ has no decomposition
}

TEST(TextNormalizeTest, MapsLatinEthToDStroke) {
  EXPECT_EQ(ToNfc("\xC3\x90\xE1\xBB\x99i"), "Đội");  // "Ð" U+00D0 + "ội"
}

TEST(TextNormalizeTest, KeepsDashesAndOtherText) {
  EXPECT_EQ(ToNfc("2025\xE2\x80\x93"
                  "2030 \xE2\x80\x94 a\xE2\x80\x90"
                  "b"),
            "2025\xE2\x80\x93"
            "2030 \xE2\x80\x94 a\xE2\x80\x90"
            "b");
  EXPECT_EQ(ToNfc("plain ascii"), "plain ascii");
  EXPECT_EQ(ToNfc(""), "");
}

TEST(TextNormalizeTest, DeprecatedToneMarksBecomeStandard) {
  // U+0340/U+0341 are canonically equivalent to U+0300/U+0301.
  EXPECT_EQ(ToNfc("a\xCD\x80"), "à");
  EXPECT_EQ(ToNfc("a\xCD\x81"), "á");
}

TEST(TextNormalizeTest, InvalidBytesBecomeReplacementCharacter) {
  EXPECT_FALSE(IsValidUtf8("nh\xA9n"));
  EXPECT_EQ(ToNfc("nh\xA9n"), "nh\xEF\xBF\xBDn");
  EXPECT_TRUE(IsValidUtf8(ToNfc("\xFF\xC3(")));
}

TEST(TextNormalizeTest, ALargeTextNormalisesInSlicesToTheSameBytes) {
  // Over 2 MiB: normalised in slices on several threads. Lines with combining marks (NFD), the
  // old tone marks, an invalid byte and an eth, some lines long, must come out as each line does.
  const std::vector<std::string> lines = {
      "Ke\xCC\x82\xCC\x81 hoa\xCC\xA3ch tuye\xCC\x82n truye\xCC\x82\xCC\x80n",
      "a\xCD\x80 nh\xA9n \xC3\xB0\xC3\xB4ng",
      std::string(3000, 'x') + "e\xCC\x81",
      "chuyển đổi số"};
  std::string text, expected;
  for (size_t i = 0; text.size() < (5u << 20); ++i) {
    const std::string& line = lines[i % lines.size()];
    text += line + "\n";
    expected += ToNfc(line) + "\n";
  }
  EXPECT_EQ(ToNfc(text), expected);
}

}  // namespace
}  // namespace lienthong
