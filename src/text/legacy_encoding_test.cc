#include "text/legacy_encoding.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <random>
#include <string>
#include <vector>

#include "text/normalize.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

// The 67 lower-case then 67 upper-case Vietnamese letters that are not plain ASCII.
constexpr std::string_view kAllLetters =
    "à ả ã á ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ è ẻ ẽ é ẹ ê ề ể ễ ế ệ ì ỉ ĩ í ị ò ỏ õ ó ọ ô ồ ổ ỗ ố ộ "
    "ơ ờ ở ỡ ớ ợ ù ủ ũ ú ụ ư ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ đ "
    "À Ả Ã Á Ạ Ă Ằ Ẳ Ẵ Ắ Ặ Â Ầ Ẩ Ẫ Ấ Ậ È Ẻ Ẽ É Ẹ Ê Ề Ể Ễ Ế Ệ Ì Ỉ Ĩ Í Ị Ò Ỏ Õ Ó Ọ Ô Ồ Ổ Ỗ Ố Ộ "
    "Ơ Ờ Ở Ỡ Ớ Ợ Ù Ủ Ũ Ú Ụ Ư Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ Đ";

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

struct LetterTable {
  TextEncoding encoding;
  std::string_view bytes;     // one encoded letter per space-separated word
  std::string_view expected;  // the same letters in UTF-8
  const char* source;         // what the bytes were verified against
};

// Every sample below was produced by an independent implementation, decoded by ours in a throwaway
// program, and then frozen here: VNI bytes from VBKey's and UniKey's tables (vietnamese-conversion
// agrees except for ỷ ỹ Ỷ Ỹ, which it gets wrong), VIQR from vietnamese-conversion, Windows-1258
// and TCVN3 from glibc iconv encoding each letter.
const LetterTable kTables[] = {
    {TextEncoding::kVniWindows,
     "a\xF8 a\xFB a\xF5 a\xF9 a\xEF a\xEA a\xE8 a\xFA a\xFC a\xE9 a\xEB a\xE2 "
     "a\xE0 a\xE5 a\xE3 a\xE1 a\xE4 e\xF8 e\xFB e\xF5 e\xF9 e\xEF e\xE2 e\xE0 "
     "e\xE5 e\xE3 e\xE1 e\xE4 \xEC \xE6 \xF3 \xED \xF2 o\xF8 o\xFB o\xF5 "
     "o\xF9 o\xEF o\xE2 o\xE0 o\xE5 o\xE3 o\xE1 o\xE4 \xF4 \xF4\xF8 \xF4\xFB \xF4\xF5 "
     "\xF4\xF9 \xF4\xEF u\xF8 u\xFB u\xF5 u\xF9 u\xEF \xF6 \xF6\xF8 \xF6\xFB \xF6\xF5 \xF6\xF9 "
     "\xF6\xEF y\xF8 y\xFB y\xF5 y\xF9 \xEE \xF1 A\xD8 A\xDB A\xD5 A\xD9 A\xCF "
     "A\xCA A\xC8 A\xDA A\xDC A\xC9 A\xCB A\xC2 A\xC0 A\xC5 A\xC3 A\xC1 A\xC4 "
     "E\xD8 E\xDB E\xD5 E\xD9 E\xCF E\xC2 E\xC0 E\xC5 E\xC3 E\xC1 E\xC4 \xCC "
     "\xC6 \xD3 \xCD \xD2 O\xD8 O\xDB O\xD5 O\xD9 O\xCF O\xC2 O\xC0 O\xC5 "
     "O\xC3 O\xC1 O\xC4 \xD4 \xD4\xD8 \xD4\xDB \xD4\xD5 \xD4\xD9 \xD4\xCF U\xD8 U\xDB U\xD5 "
     "U\xD9 U\xCF \xD6 \xD6\xD8 \xD6\xDB \xD6\xD5 \xD6\xD9 \xD6\xCF Y\xD8 Y\xDB Y\xD5 Y\xD9 "
     "\xCE \xD1",
     kAllLetters, "VBKey/UniKey"},
    {TextEncoding::kViqr,
     "a` a? a~ a' a. a( a(` a(? a(~ a(' a(. a^ "
     "a^` a^? a^~ a^' a^. e` e? e~ e' e. e^ e^` "
     "e^? e^~ e^' e^. i` i? i~ i' i. o` o? o~ "
     "o' o. o^ o^` o^? o^~ o^' o^. o+ o+` o+? o+~ "
     "o+' o+. u` u? u~ u' u. u+ u+` u+? u+~ u+' "
     "u+. y` y? y~ y' y. dd A` A? A~ A' A. "
     "A( A(` A(? A(~ A(' A(. A^ A^` A^? A^~ A^' A^. "
     "E` E? E~ E' E. E^ E^` E^? E^~ E^' E^. I` "
     "I? I~ I' I. O` O? O~ O' O. O^ O^` O^? "
     "O^~ O^' O^. O+ O+` O+? O+~ O+' O+. U` U? U~ "
     "U' U. U+ U+` U+? U+~ U+' U+. Y` Y? Y~ Y' "
     "Y. DD",
     kAllLetters, "vietnamese-conversion"},
    {TextEncoding::kWindows1258,
     "\xE0 a\xD2 a\xDE \xE1 a\xF2 \xE3 \xE3\xCC \xE3\xD2 \xE3\xDE \xE3\xEC \xE3\xF2 \xE2 "
     "\xE2\xCC \xE2\xD2 \xE2\xDE \xE2\xEC \xE2\xF2 \xE8 e\xD2 e\xDE \xE9 e\xF2 \xEA \xEA\xCC "
     "\xEA\xD2 \xEA\xDE \xEA\xEC \xEA\xF2 i\xCC i\xD2 i\xDE \xED i\xF2 o\xCC o\xD2 o\xDE "
     "\xF3 o\xF2 \xF4 \xF4\xCC \xF4\xD2 \xF4\xDE \xF4\xEC \xF4\xF2 \xF5 \xF5\xCC \xF5\xD2 \xF5\xDE "
     "\xF5\xEC \xF5\xF2 \xF9 u\xD2 u\xDE \xFA u\xF2 \xFD \xFD\xCC \xFD\xD2 \xFD\xDE \xFD\xEC "
     "\xFD\xF2 y\xCC y\xD2 y\xDE y\xEC y\xF2 \xF0 \xC0 A\xD2 A\xDE \xC1 A\xF2 "
     "\xC3 \xC3\xCC \xC3\xD2 \xC3\xDE \xC3\xEC \xC3\xF2 \xC2 \xC2\xCC \xC2\xD2 \xC2\xDE \xC2\xEC "
     "\xC2\xF2 "
     "\xC8 E\xD2 E\xDE \xC9 E\xF2 \xCA \xCA\xCC \xCA\xD2 \xCA\xDE \xCA\xEC \xCA\xF2 I\xCC "
     "I\xD2 I\xDE \xCD I\xF2 O\xCC O\xD2 O\xDE \xD3 O\xF2 \xD4 \xD4\xCC \xD4\xD2 "
     "\xD4\xDE \xD4\xEC \xD4\xF2 \xD5 \xD5\xCC \xD5\xD2 \xD5\xDE \xD5\xEC \xD5\xF2 \xD9 U\xD2 "
     "U\xDE "
     "\xDA U\xF2 \xDD \xDD\xCC \xDD\xD2 \xDD\xDE \xDD\xEC \xDD\xF2 Y\xCC Y\xD2 Y\xDE Y\xEC "
     "Y\xF2 \xD0",
     kAllLetters, "glibc iconv WINDOWS-1258"},
    // TCVN3 has no code for 44 toned capitals outside VN1's 0x01-0x17 and 0x80-0x9F, which ABC
    // text does not use (see legacy_decoders.h); these are the 90 letters it does encode.
    {TextEncoding::kTcvn3,
     "\xB5 \xB6 \xB7 \xB8 \xB9 \xA8 \xBB \xBC \xBD \xBE \xC6 \xA9 "
     "\xC7 \xC8 \xC9 \xCA \xCB \xCC \xCE \xCF \xD0 \xD1 \xAA \xD2 "
     "\xD3 \xD4 \xD5 \xD6 \xD7 \xD8 \xDC \xDD \xDE \xDF \xE1 \xE2 "
     "\xE3 \xE4 \xAB \xE5 \xE6 \xE7 \xE8 \xE9 \xAC \xEA \xEB \xEC "
     "\xED \xEE \xEF \xF1 \xF2 \xF3 \xF4 \xAD \xF5 \xF6 \xF7 \xF8 "
     "\xF9 \xFA \xFB \xFC \xFD \xFE \xAE \xA1 \xAF \xBA \xBF \xC0 "
     "\xA2 \xC1 \xC2 \xC3 \xC4 \xA3 \xC5 \xCD \xD9 \xDA \xA4 \xDB "
     "\xE0 \xF0 \xFF \xA5 \xA6 \xA7",
     "à ả ã á ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ è ẻ ẽ é ẹ ê ề ể ễ ế ệ ì ỉ ĩ í ị ò ỏ õ ó ọ ô ồ ổ ỗ ố ộ "
     "ơ ờ ở ỡ ớ ợ ù ủ ũ ú ụ ư ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ đ Ă Ằ Ẳ Ẵ Ắ Â Ầ Ẩ Ẫ Ấ Ê Ề Ể Ễ Ế Ô Ồ Ổ Ỗ Ố Ơ Ư Đ",
     "glibc iconv TCVN5712-1"},
};

TEST(TextLegacyEncodingTest, DecodesEveryLetterOfEachEncoding) {
  for (const LetterTable& table : kTables) {
    const std::vector<std::string> encoded = Split(table.bytes);
    const std::vector<std::string> expected = Split(table.expected);
    ASSERT_EQ(encoded.size(), expected.size()) << TextEncodingName(table.encoding);
    for (size_t i = 0; i < encoded.size(); ++i) {
      Result<DecodedText> decoded = DecodeText(encoded[i], table.encoding);
      ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
      EXPECT_EQ(decoded->text, expected[i]) << TextEncodingName(table.encoding) << " letter " << i
                                            << " (verified against " << table.source << ")";
    }
  }
  EXPECT_EQ(Split(kAllLetters).size(), 134u);
}

TEST(TextLegacyEncodingTest, Tcvn3ChecksFromTheSpec) {
  EXPECT_EQ(DecodeText("\xFB", TextEncoding::kTcvn3)->text, "ỷ");
  EXPECT_EQ(DecodeText("\xA9", TextEncoding::kTcvn3)->text, "â");
  // Windows-1252 symbols stay symbols: “ ” – are common in TCVN3-era Word files.
  EXPECT_EQ(DecodeText("\x93X\x94 \x96", TextEncoding::kTcvn3)->text, "“X” –");
  // Control bytes are never VN1 capitals.
  EXPECT_EQ(DecodeText("a\x01"
                       "b",
                       TextEncoding::kTcvn3)
                ->text,
            "a\x01"
            "b");
}

TEST(TextLegacyEncodingTest, Tcvn3HighHalfMatchesGlibc) {
  iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
  if (cd == reinterpret_cast<iconv_t>(-1)) GTEST_SKIP() << "iconv lacks TCVN5712-1";
  for (int b = 0xA0; b <= 0xFF; ++b) {
    char in[1] = {static_cast<char>(b)};
    char out[8] = {};
    char* in_ptr = in;
    char* out_ptr = out;
    size_t in_left = 1;
    size_t out_left = sizeof out;
    ASSERT_NE(iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left), static_cast<size_t>(-1));
    iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
    const std::string glibc(out, sizeof out - out_left);
    EXPECT_EQ(DecodeText(std::string(1, static_cast<char>(b)), TextEncoding::kTcvn3)->text,
              ToNfc(glibc))
        << "byte " << b;
  }
  iconv_close(cd);
}

struct DetectCase {
  std::string_view bytes;
  std::string_view expected;
  TextEncoding encoding;
};

TEST(TextLegacyEncodingTest, DetectsLegacyEncodings) {
  // Byte strings produced with vietnamese-conversion; literals are split where a hex escape
  // would otherwise swallow the next letter.
  const DetectCase cases[] = {
      {"U\xFB ban nh\xA9n d\xA9n", "Uỷ ban nhân dân", TextEncoding::kTcvn3},
      {"c\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC"
       "a vi\xD6t nam",
       "cộng hoà xã hội chủ nghĩa việt nam", TextEncoding::kTcvn3},
      {"\xA7\xE9"
       "c l\xCBp - T\xF9 do - H\xB9nh ph\xF3"
       "c",
       "Độc lập - Tự do - Hạnh phúc", TextEncoding::kTcvn3},
      {"k\xD5 ho\xB9"
       "ch tri\xD3n khai c\xABng t\xB8"
       "c n\xA8m 2025",
       "kế hoạch triển khai công tác năm 2025", TextEncoding::kTcvn3},
      {"Xin cha\xF8o ca\xF9"
       "c ba\xEFn",
       "Xin chào các bạn", TextEncoding::kVniWindows},
      {"U\xDBY BAN NHA\xC2N DA\xC2N T\xC6NH", "ỦY BAN NHÂN DÂN TỈNH", TextEncoding::kVniWindows},
      {"\xD1"
       "a\xFBng Co\xE4ng sa\xFBn Vie\xE4t Nam",
       "Đảng Cộng sản Việt Nam", TextEncoding::kVniWindows},
      {"Ke\xE1 hoa\xEF"
       "ch chuye\xE5n \xF1o\xE5i so\xE1 na\xEAm 2025",
       "Kế hoạch chuyển đổi số năm 2025", TextEncoding::kVniWindows},
  };
  for (const DetectCase& c : cases) {
    Result<DecodedText> decoded = DecodeText(c.bytes);
    ASSERT_TRUE(decoded.ok()) << c.expected << ": " << decoded.status().ToString();
    EXPECT_EQ(decoded->text, c.expected);
    EXPECT_EQ(decoded->encoding, c.encoding) << c.expected;
  }
}

TEST(TextLegacyEncodingTest, DetectionIgnoresWindowsQuotesAndCaseMismatchedVniMarks) {
  Result<DecodedText> quoted = DecodeText("\x93U\xFB ban nh\xA9n d\xA9n\x94");
  ASSERT_TRUE(quoted.ok()) << quoted.status().ToString();
  EXPECT_EQ(quoted->text, "“Uỷ ban nhân dân”");
  // In VNI a lower-case mark byte after a capital is not a letter: keyboards never produce it.
  EXPECT_EQ(DecodeText("U\xFB", TextEncoding::kVniWindows)->text, "Uû");
}

TEST(TextLegacyEncodingTest, ViqrAndWindows1258OnlyWhenForced) {
  Result<DecodedText> viqr =
      DecodeText("Vie^.t Nam, Ho^.i ddo^`ng nha^n da^n", TextEncoding::kViqr);
  ASSERT_TRUE(viqr.ok());
  EXPECT_EQ(viqr->text, "Việt Nam, Hội đồng nhân dân");
  EXPECT_EQ(DecodeText("Vie^.t Nam")->encoding, TextEncoding::kUtf8);  // ASCII is UTF-8
  // A backslash keeps a mark character literal.
  EXPECT_EQ(DecodeText("Ha\\. Noi\\?", TextEncoding::kViqr)->text, "Ha. Noi?");
  EXPECT_EQ(DecodeText("DDa(k La(k", TextEncoding::kViqr)->text, "Đăk Lăk");

  Result<DecodedText> cp1258 = DecodeText("Vi\xEA\xF2t Nam", TextEncoding::kWindows1258);
  ASSERT_TRUE(cp1258.ok()) << cp1258.status().ToString();
  EXPECT_EQ(cp1258->text, "Việt Nam");
}

TEST(TextLegacyEncodingTest, Utf8AndBoms) {
  Result<DecodedText> nfd = DecodeText(ToNfd("Việt Nam"));
  ASSERT_TRUE(nfd.ok());
  EXPECT_EQ(nfd->text, "Việt Nam");  // NFD input comes out NFC
  EXPECT_EQ(nfd->encoding, TextEncoding::kUtf8);

  Result<DecodedText> bom = DecodeText("\xEF\xBB\xBFH\xC3\xA0 N\xE1\xBB\x99i");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->text, "Hà Nội");

  Result<DecodedText> le = DecodeText(std::string("\xFF\xFEH\0\xE0\0", 6));
  ASSERT_TRUE(le.ok());
  EXPECT_EQ(le->text, "Hà");
  EXPECT_EQ(le->encoding, TextEncoding::kUtf16Le);

  Result<DecodedText> be = DecodeText(std::string("\xFE\xFF\0H\0a\x03\x00", 8));
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->text, "Hà");  // a + U+0300 composed
  EXPECT_EQ(be->encoding, TextEncoding::kUtf16Be);

  Result<DecodedText> odd = DecodeText(std::string("\xFF\xFEH", 3));
  EXPECT_EQ(odd.status().code(), StatusCode::kInvalidArgument);

  Result<DecodedText> forced = DecodeText("ok\xA9", TextEncoding::kUtf8);
  EXPECT_EQ(forced.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(forced.status().message().find("byte offset 2"), std::string::npos);
}

TEST(TextLegacyEncodingTest, RandomBytesAreUnsupported) {
  std::mt19937 rng(20250829);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int run = 0; run < 20; ++run) {
    std::string bytes(512, '\0');
    for (char& c : bytes) c = static_cast<char>(byte(rng));
    Result<DecodedText> decoded = DecodeText(bytes);
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.status().code(), StatusCode::kUnsupported);
    const std::string& message = decoded.status().message();
    EXPECT_NE(message.find("neither valid UTF-8 nor a recognised legacy encoding (TCVN3, "
                           "VNI-Windows)"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("byte offset " + std::to_string(FindInvalidUtf8(bytes))),
              std::string::npos)
        << message;
  }
}

TEST(TextLegacyEncodingTest, Latin1TextIsNotMistakenForVietnamese) {
  Result<DecodedText> decoded = DecodeText(
      "caf\xE9 cr\xE8me \xE0 la fran\xE7"
      "aise");
  EXPECT_EQ(decoded.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(decoded.status().message().find("byte offset 3"), std::string::npos);
}

TEST(TextLegacyEncodingTest, EncodingNames) {
  for (TextEncoding e :
       {TextEncoding::kUtf8, TextEncoding::kUtf16Le, TextEncoding::kUtf16Be, TextEncoding::kTcvn3,
        TextEncoding::kVniWindows, TextEncoding::kViqr, TextEncoding::kWindows1258}) {
    EXPECT_EQ(TextEncodingFromName(TextEncodingName(e)), e);
  }
  EXPECT_STREQ(TextEncodingName(TextEncoding::kVniWindows), "vni-windows");
  EXPECT_EQ(TextEncodingFromName("ABC"), TextEncoding::kTcvn3);
  EXPECT_EQ(TextEncodingFromName("CP1258"), TextEncoding::kWindows1258);
  EXPECT_FALSE(TextEncodingFromName("latin1"));
}

}  // namespace
}  // namespace lienthong
