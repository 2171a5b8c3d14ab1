#include "text/diacritics/lm_tokens.h"

#include <gtest/gtest.h>

#include "util/utf8.h"

namespace lienthong::diacritics {
namespace {

struct Seen {
  std::vector<LmToken> tokens;
  std::vector<std::string> forms;
  std::u32string line;
};

Seen Tokenize(std::string_view text) {
  Seen s;
  s.line = Utf8ToUtf32(text);
  TokenizeLine(s.line, &s.tokens);
  for (const LmToken& t : s.tokens) s.forms.push_back(TokenForm(s.line, t));
  return s;
}

TEST(DiacriticsTokensTest, WordsNumbersPunctuationAndSymbols) {
  const Seen s = Tokenize("Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022, 1.234,5 tỷ đồng; 5G §");
  const std::vector<std::string> expected = {"căn", "cứ", "quyết", "định", "số", "<num>", "/",
                                             "qđ", "-", "ttg", "ngày", "<num>", ",", "<num>",
                                             "tỷ", "đồng", ";", "<num>", "<sym>"};
  EXPECT_EQ(s.forms, expected);
  EXPECT_EQ(s.tokens[0].kind, LmTokenKind::kWord);
  EXPECT_FALSE(s.tokens[0].plain);
  EXPECT_EQ(s.tokens[9].kind, LmTokenKind::kWord);  // "TTg"
  EXPECT_TRUE(s.tokens[9].plain);
  EXPECT_EQ(s.tokens[17].kind, LmTokenKind::kNumber);  // "5G"
}

TEST(DiacriticsTokensTest, UrlsAndEmailAddressesAreOneToken) {
  const Seen s = Tokenize("xem (https://daklak.gov.vn/tin-tuc?id=5), www.chinhphu.vn hoac vt@so.gov.vn.");
  const std::vector<std::string> expected = {"xem", "(", "<url>", ")", ",", "<url>", "hoac", "<url>", "."};
  EXPECT_EQ(s.forms, expected);
  EXPECT_EQ(Utf32ToUtf8(s.line.substr(s.tokens[2].begin, s.tokens[2].end - s.tokens[2].begin)),
            "https://daklak.gov.vn/tin-tuc?id=5");
}

TEST(DiacriticsTokensTest, FormsAreLowerCaseWithTraditionalTonesAndFoldedPunctuation) {
  const Seen s = Tokenize("HOÀ Thuỷ “Khoẻ” – …");
  const std::vector<std::string> expected = {"hòa", "thủy", "\"", "khỏe", "\"", "-", "."};
  EXPECT_EQ(s.forms, expected);
}

TEST(DiacriticsTokensTest, ForeignLettersAndVeryLongWordsAreSymbols) {
  const Seen s = Tokenize("façade naïve abcdefghijklmnopqrstuvwxyz");
  ASSERT_EQ(s.tokens.size(), 3u);
  for (const LmToken& t : s.tokens) EXPECT_EQ(t.kind, LmTokenKind::kSymbol);
}

TEST(DiacriticsTokensTest, WordKeyDropsEveryDiacritic) {
  EXPECT_EQ(WordKey(U"Đắk"), "dak");
  EXPECT_EQ(WordKey(U"NGƯỜI"), "nguoi");
  EXPECT_EQ(WordKey(U"ttg"), "ttg");
}

TEST(DiacriticsTokensTest, ObservedCaseOnlyInsideASentence) {
  const Seen s = Tokenize("Huyen Nga Son, Thanh Hoa co UBND va TTg. Nam");
  // Huyen: starts the line; Nga, Son: capital after a word; Thanh: capital after a comma;
  // co: lower case; UBND, TTg: neither; Nam: after a full stop.
  EXPECT_EQ(ObservedCase(s.line, s.tokens, 0), WordCase::kNeutral);
  EXPECT_EQ(ObservedCase(s.line, s.tokens, 1), WordCase::kCapital);
  EXPECT_EQ(ObservedCase(s.line, s.tokens, 2), WordCase::kCapital);
  EXPECT_EQ(ObservedCase(s.line, s.tokens, 4), WordCase::kCapital);
  EXPECT_EQ(ObservedCase(s.line, s.tokens, 6), WordCase::kLower);
  EXPECT_EQ(ObservedCase(s.line, s.tokens, 7), WordCase::kNeutral);
  EXPECT_EQ(ObservedCase(s.line, s.tokens, 9), WordCase::kNeutral);
  EXPECT_EQ(ObservedCase(s.line, s.tokens, 11), WordCase::kNeutral);
}

}  // namespace
}  // namespace lienthong::diacritics
