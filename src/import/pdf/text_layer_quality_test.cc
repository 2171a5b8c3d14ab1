#include "import/pdf/text_layer_quality.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TextLayerVerdict Judge(std::string_view text) { return JudgeTextLayer(MeasureTextLayer(text)); }

TEST(PdfTextLayerQualityTest, VietnameseTextIsGood) {
  const char* text =
      "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH Số: 15/KH-UBND. Căn cứ Kế hoạch số 88/KH-UBND ngày "
      "20/8/2025 của Ủy ban nhân dân tỉnh về tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm "
      "2025, Ủy ban nhân dân xã ban hành Kế hoạch như sau: phát huy truyền thống đoàn kết.";
  TextLayerQuality q = MeasureTextLayer(text);
  EXPECT_GT(q.valid_share(), 0.95);
  EXPECT_EQ(q.foreign, 0);
  EXPECT_GT(q.diacritic_share(), 0.5);
  EXPECT_EQ(JudgeTextLayer(q), TextLayerVerdict::kGood);
}

TEST(PdfTextLayerQualityTest, ShiftedGlyphIdsAreGarbled) {
  // What a subset font with a broken ToUnicode map gives for a header like the one above:
  // ASCII letters shifted by 29, Vietnamese letters in the Cyrillic block.
  const char* text =
      "Ѿ< %$1 1+Ӄ1 'Ӄ1 &Ӧ1* +Ӓ$ ;Ӄ +Ӧ, &+Ѿ 1*+Ш$ 9,ӊ7 1$0 АӝF OұS - 7ӵ GR - +ҥQK SK~F "
      "6ӕ: 15/.+-8%1' ;ã +ӑD %ӌQK, QJj\\ 05 WKiQJ 9 QăP 2025 .Ӄ +2Ҥ&+ &ăQ Fӭ .Ӄ KRҥFK Vӕ";
  TextLayerQuality q = MeasureTextLayer(text);
  EXPECT_GT(q.foreign_share(), 0.3);
  EXPECT_EQ(JudgeTextLayer(q), TextLayerVerdict::kGarbled);
}

TEST(PdfTextLayerQualityTest, OcrWithoutDiacritics) {
  // An English OCR model on a Vietnamese scan: plain ASCII, many syllables still valid.
  const char* text =
      "CONG HOA XA HOI CHU NGHIA VIET NAM Doc lap Tu do Hanh phuc KE HOACH to chuc ngay hoi "
      "dai doan ket toan dan toc nam 2025 tren dia ban xa Hoa Binh can cu ke hoach so 88 "
      "cua uy ban nhan dan tinh ve to chuc ngay hoi dai doan ket";
  TextLayerQuality q = MeasureTextLayer(text);
  EXPECT_GT(q.valid_share(), 0.7);
  EXPECT_LT(q.diacritic_share(), 0.05);
  EXPECT_EQ(JudgeTextLayer(q), TextLayerVerdict::kNoDiacritics);
}

TEST(PdfTextLayerQualityTest, OcrNoiseWithDigitsInWords) {
  // An English OCR model on a poor scan: letters read as digits, marks as stray capitals.
  EXPECT_EQ(Judge("K6 hoqch t6 chuc Ngdy h0i Dqi dodn k6t todn d6n t0c ndm 2025 tr6n dia bdn xd "
                  "Hdo Binh cdn cu Lu4t T6 chuc chinh quyGn dia phuong"),
            TextLayerVerdict::kGarbled);
}

TEST(PdfTextLayerQualityTest, NoTextIsMissing) {
  EXPECT_EQ(Judge(""), TextLayerVerdict::kMissing);
  EXPECT_EQ(Judge("3"), TextLayerVerdict::kMissing);
  EXPECT_EQ(Judge("- 2 - ... 15/11/2025"), TextLayerVerdict::kMissing);
}

TEST(PdfTextLayerQualityTest, AbbreviationsAndCodesAreNeutral) {
  TextLayerQuality q = MeasureTextLayer("UBND HĐND MTTQ 05/2025/QĐ-UBND 13h30 NĐ-CP a) b)");
  EXPECT_EQ(q.foreign, 0);
  EXPECT_LE(q.invalid, 1);  // "13h30": a letter between digits
}

TEST(PdfTextLayerQualityTest, DecomposedTextIsNormalisedFirst) {
  // "Việt Nam" with combining marks counts as Vietnamese, not as foreign characters.
  TextLayerQuality q = MeasureTextLayer("Vie\xCC\x82\xCC\xA3t Nam");
  EXPECT_EQ(q.foreign, 0);
  EXPECT_EQ(q.valid, 2);
  EXPECT_EQ(q.with_diacritics, 1);
}

}  // namespace
}  // namespace lienthong
