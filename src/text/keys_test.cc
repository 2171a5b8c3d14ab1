#include "text/keys.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <random>
#include <string>
#include <vector>

#include "text/normalize.h"

namespace lienthong {
namespace {

TEST(TextKeysTest, MatchKeyFoldsCaseSpaceAndToneStyle) {
  EXPECT_EQ(MatchKey("  Uỷ  ban\tnhân\xC2\xA0"
                     "dân  "),
            "ủy ban nhân dân");
  EXPECT_EQ(MatchKey("ỦY BAN NHÂN DÂN"), "ủy ban nhân dân");
  EXPECT_EQ(MatchKey("hoà"), MatchKey("hòa"));
  EXPECT_EQ(MatchKey("thuỷ"), MatchKey("thủy"));
  EXPECT_EQ(MatchKey("khoẻ"), MatchKey("khỏe"));
  EXPECT_EQ(MatchKey("Uỷ ban"), MatchKey("Ủy ban"));
  EXPECT_EQ(MatchKey("HUYỆN UỶ ĐỊNH HOÁ"), "huyện ủy định hóa");
  EXPECT_EQ(MatchKey("\xC3\x90\xE1\xBB\x99i"), "đội");  // Latin ETH look-alike
}

TEST(TextKeysTest, MatchKeyKeepsMeaningfulPlacements) {
  for (const char* word : {"quả", "hoàn", "thuyền", "quý", "giữa", "người", "khuỷu", "ngoài"}) {
    EXPECT_EQ(MatchKey(word), word);
  }
  EXPECT_NE(MatchKey("quả"), MatchKey("qua"));  // tones still matter in MatchKey
}

TEST(TextKeysTest, MatchKeyDropsInvisibleCharacters) {
  EXPECT_EQ(MatchKey("\xEF\xBB\xBFKe\xCC\x82\xCC\x81 ho\xE1\xBA\xA1\xC2\xAD"
                     "ch"),
            "kế hoạch");
  EXPECT_EQ(MatchKey("Hà\xE2\x80\x8BNội"), "hà nội");  // U+200B separates words
  EXPECT_EQ(MatchKey(""), "");
  EXPECT_EQ(MatchKey(" \t\n"), "");
}

TEST(TextKeysTest, SearchKeyRemovesEveryDiacritic) {
  EXPECT_EQ(SearchKey("Chuyển đổi số"), "chuyen doi so");
  EXPECT_EQ(SearchKey("Đắk Lắk"), "dak lak");
  EXPECT_EQ(SearchKey("Quý IV/2025"), "quy iv/2025");
  EXPECT_EQ(SearchKey("Số 13/KH-UBND, ngày 29/8/2025."), "so 13/kh-ubnd, ngay 29/8/2025.");
  EXPECT_EQ(SearchKey("hằng quý"), SearchKey("hàng quý"));
  EXPECT_EQ(SearchKey("café crème Ǖ"), "cafe creme u");
  EXPECT_EQ(SearchKey("x \xCC\x81 y"), "x y");  // a lone mark does not leave two spaces
  EXPECT_EQ(SearchKey("Ưu tiên – số 1"), "uu tien – so 1");  // dashes are kept
}

// ---- Properties over generated Vietnamese phrases ------------------------------------------

// Syllables built from onset x rhyme x tone lists; the tone goes on a random vowel so that both
// styles and some misplacements occur.
std::vector<std::string> GeneratePhrases(int count) {
  const std::vector<std::u32string> onsets = {
      U"",  U"b",  U"c",   U"ch", U"d",  U"đ",  U"g", U"gh", U"gi", U"h",  U"k",  U"kh", U"l", U"m",
      U"n", U"ng", U"ngh", U"nh", U"ph", U"qu", U"r", U"s",  U"t",  U"th", U"tr", U"v",  U"x"};
  const std::vector<std::u32string> rhymes = {
      U"a",   U"an",  U"anh", U"ăn",  U"âm",   U"e",    U"êt",   U"i",   U"inh",  U"o",
      U"oa",  U"oan", U"oe",  U"ô",   U"ơi",   U"u",    U"ua",   U"uy",  U"uyên", U"ưa",
      U"ươc", U"ươi", U"iêu", U"yêu", U"oai",  U"uôi",  U"ay",   U"ây",  U"ach",  U"ưu",
      U"uya", U"uê",  U"oăc", U"uân", U"iêng", U"ương", U"oong", U"uyu", U"y",    U"ênh"};
  const char32_t marks[] = {0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323};
  std::mt19937 rng(1945);
  auto pick = [&rng](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  const std::vector<std::string> spaces = {" ", "  ", "\t", "\xC2\xA0", " \n "};
  std::vector<std::string> phrases;
  for (int p = 0; p < count; ++p) {
    std::string phrase;
    const size_t words = 1 + pick(4);
    for (size_t w = 0; w < words; ++w) {
      std::u32string syllable = onsets[pick(onsets.size())] + rhymes[pick(rhymes.size())];
      // Put the tone mark (as a combining character) after a random vowel, then NFC.
      std::vector<size_t> vowels;
      for (size_t i = 0; i < syllable.size(); ++i) {
        if (std::u32string_view(U"aăâeêioôơuưy").find(syllable[i]) != std::u32string_view::npos) {
          vowels.push_back(i);
        }
      }
      if (const char32_t mark = marks[pick(6)]; mark != 0 && !vowels.empty()) {
        syllable.insert(vowels[pick(vowels.size())] + 1, 1, mark);
      }
      icu::UnicodeString u = icu::UnicodeString::fromUTF32(
          reinterpret_cast<const UChar32*>(syllable.data()), static_cast<int32_t>(syllable.size()));
      switch (pick(3)) {
        case 0:
          u.toUpper();
          break;
        case 1:
          u.replace(0, 1, icu::UnicodeString(u, 0, 1).toUpper());
          break;
        default:
          break;
      }
      std::string utf8;
      u.toUTF8String(utf8);
      if (w > 0) phrase += spaces[pick(spaces.size())];
      phrase += ToNfc(utf8);
    }
    if (pick(4) == 0) phrase = " " + phrase + ", 2025.";
    phrases.push_back(phrase);
  }
  return phrases;
}

std::string Upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper().toUTF8String(out);
  return out;
}

std::string Lower(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toLower().toUTF8String(out);
  return out;
}

TEST(TextKeysPropertyTest, KeysAreStableAcrossFormsOfTheSameText) {
  const std::vector<std::string> phrases = GeneratePhrases(3000);
  for (const std::string& x : phrases) {
    const std::string match = MatchKey(x);
    const std::string search = SearchKey(x);
    ASSERT_EQ(MatchKey(match), match) << x;  // idempotent
    ASSERT_EQ(SearchKey(search), search) << x;
    ASSERT_EQ(SearchKey(match), search) << x;   // SearchKey refines MatchKey
    ASSERT_EQ(MatchKey(ToNfd(x)), match) << x;  // NFC and NFD agree
    ASSERT_EQ(SearchKey(ToNfd(x)), search) << x;
    ASSERT_EQ(MatchKey(Upper(x)), MatchKey(Lower(x))) << x;  // case-insensitive
    ASSERT_EQ(MatchKey(Upper(x)), match) << x;
    ASSERT_EQ(MatchKey(ToToneStyle(x, ToneStyle::kModern)),
              MatchKey(ToToneStyle(x, ToneStyle::kTraditional)))
        << x;
    for (char c : search) ASSERT_LT(static_cast<unsigned char>(c), 0x80) << x;
  }
}

}  // namespace
}  // namespace lienthong
