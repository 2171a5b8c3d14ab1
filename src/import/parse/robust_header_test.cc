// Headers as OCR and web copies deliver them: merged columns, specks, stamps, lost slashes.
// Fictional lines in the formats of vn-documents.md.
#include <gtest/gtest.h>

#include "import/parse/header_parser.h"
#include "import/parse/line_kinds.h"

namespace lienthong::parse {
namespace {

std::vector<Line> Lines(std::initializer_list<const char*> texts) {
  std::vector<Line> out;
  int n = 0;
  for (const char* t : texts) {
    Line l;
    l.SetText(t);
    l.pos.line = ++n;
    out.push_back(std::move(l));
  }
  return out;
}

HeaderResult Parse(std::initializer_list<const char*> texts) {
  const std::vector<Line> lines = Lines(texts);
  return ParseHeader(lines, 0, lines.size());
}

TEST(ImportRobustHeader, MottoMergedWithTheIssuerColumn) {
  // OCR glued the seam of the two columns into one word and added specks.
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN “€ỘNGHÒAXÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                "XÃ HƯNG LỘC : Độc lập - TÚI do - Hạnh phúc",
                                "Số: 12/KH-UBND Hưng Lộc, ngày 09 tháng 3 năm 2026", "KẾ HOẠCH",
                                "Phòng chống thiên tai năm 2026", "Căn cứ …"});
  EXPECT_EQ(r.header.issuer, "ỦY BAN NHÂN DÂN XÃ HƯNG LỘC");
  EXPECT_EQ(r.header.number, "12/KH-UBND");
  EXPECT_EQ(r.header.date, "2026-03-09");
  EXPECT_EQ(r.header.place, "Hưng Lộc");
  EXPECT_EQ(r.header.title, "Phòng chống thiên tai năm 2026");
  EXPECT_EQ(r.header.family, DocumentFamily::kState);
}

TEST(ImportRobustHeader, NumberWithLostSlashOrGarbledSo) {
  struct Case {
    const char* text;
    std::optional<std::string> symbol;
  } cases[] = {
      {"Số:41KH-UBND", "41/KH-UBND"},        // the slash lost
      {"Šð: 112/KH-SVHTTDL", "112/KH-SVHTTDL"},  // "Số" read as specks
      {"Só: 7/QĐ-UBND", "7/QĐ-UBND"},          // "Só" folds to "so"
      {"Số: 2317", std::nullopt},               // a reception stamp's number: no symbol
      {"ab: 12/xy", std::nullopt},               // no known type without "Số"
  };
  for (const Case& c : cases) {
    Line l;
    l.SetText(c.text);
    const NumberMatch m = MatchNumber(l, 0);
    EXPECT_EQ(m.found ? m.symbol : std::nullopt, c.symbol) << c.text;
  }
}

TEST(ImportRobustHeader, ReceptionStampAndSpecksIgnored) {
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "ĐẾN", "Số: 2317",
                                "Ngày: 16/3/2026", "Chuyển: ......", "Số: 41/KH-UBND",
                                "An Bình, ngày 12 tháng 3 năm 2026", "` s34", "KẾ HOẠCH", "* Ị",
                                "Tổ chức ngày hội đọc sách", "Căn cứ …"});
  EXPECT_EQ(r.header.issuer, "ỦY BAN NHÂN DÂN XÃ AN BÌNH");
  EXPECT_EQ(r.header.number, "41/KH-UBND");
  EXPECT_EQ(r.header.title, "Tổ chức ngày hội đọc sách");
}

TEST(ImportRobustHeader, StampSpeckBesideTheIssuerAndGarbledSlogan) {
  const HeaderResult r = Parse({"UBND THÀNH PHỐ HUẾ. CỘNG: HÒA 'XÃ ôi CHỦ NGHĨA VIỆT NAM",
                                "SỞ NỘI VỤ Cài", "sp. Tự. đo - Hạnh phúc", "Số: 1520/SNV-VP \\",
                                "V/V rà soát vị trí việc làm", "Căn cứ …"});
  EXPECT_EQ(r.header.issuer, "SỞ NỘI VỤ");
  EXPECT_EQ(r.header.parent_issuer, "UBND THÀNH PHỐ HUẾ");
  EXPECT_EQ(r.header.number, "1520/SNV-VP");
  EXPECT_EQ(r.header.title, "rà soát vị trí việc làm");
}

TEST(ImportRobustHeader, DecisionAuthorityLineIsNotTitle) {
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 30/QĐ-UBND",
                                "Sông Lam, ngày 02 tháng 3 năm 2026", "QUYẾT ĐỊNH",
                                "VỀ VIỆC BAN HÀNH KẾ HOẠCH SỐ HÓA HỒ SƠ",
                                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÔNG LAM",
                                "Căn cứ Luật Tổ chức chính quyền địa phương;"});
  EXPECT_EQ(r.header.title, "VỀ VIỆC BAN HÀNH KẾ HOẠCH SỐ HÓA HỒ SƠ");
  EXPECT_EQ(r.header.doc_type, "Quyết định");
}

TEST(ImportRobustHeader, CapsTitleMayStartWithThucHien) {
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 5/KH-UBND",
                                "Sông Lam, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH",
                                "THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ", "Thực hiện Kế hoạch số 2/KH-UBND;"});
  EXPECT_EQ(r.header.title, "THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ");
}

TEST(ImportRobustHeader, DropOcrNoiseKeepsSymbolsAndRules) {
  EXPECT_EQ(DropOcrNoise("„Hà Nội, ngày 28 tháng 11 năm 2025"), "Hà Nội, ngày 28 tháng 11 năm 2025");
  EXPECT_EQ(DropOcrNoise("Số: 1520/SNV-VP \\"), "Số: 1520/SNV-VP");
  EXPECT_EQ(DropOcrNoise("-----"), "-----");
  EXPECT_EQ(DropOcrNoise("V/v rà soát ` |"), "V/v rà soát");
}

}  // namespace
}  // namespace lienthong::parse
