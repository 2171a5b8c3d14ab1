// Headers as OCR and web copies deliver them: merged columns, specks, stamps, lost slashes.
// Fictional lines in the formats of vn-documents.md.
#include <gtest/gtest.h>

#include "import/testing/parsed_lines.h"

#include "import/parse/document_splitter.h"
#include "import/parse/header_parser.h"
#include "import/parse/header_spelling.h"
#include "import/parse/layout_tables.h"
#include "import/parse/line_kinds.h"

namespace lienthong::parse {
namespace {

std::vector<Line> Lines(std::initializer_list<const char*> texts) { return testing::TextLines(texts); }

HeaderResult Parse(std::initializer_list<const char*> texts) { return testing::HeaderOfLines(texts); }

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
      {"§ố 383-QĐ/TW", "383-QĐ/TW"},            // the S read as a sign
      {"$ố 383-QĐ/TW", "383-QĐ/TW"},
      {"Số: -0130/KH-UBND", "0130/KH-UBND"},     // a speck before the digits
      {"§ố liệu", std::nullopt},                 // a sign and a word: no number
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

// A two-column header as the PDF and OCR readers give it (table rows), then `after` as lines;
// parsed the way the plan parser does (layout tables expanded first).
std::vector<Line> TableLines(std::initializer_list<std::pair<const char*, const char*>> rows,
                             std::initializer_list<const char*> after) {
  std::vector<Line> lines;
  for (const auto& [left, right] : rows) {
    Line row;
    row.kind = BlockKind::kTableRow;
    row.table_index = 0;
    row.cells = {left, right};
    row.SetText(std::string(left) + " | " + right);
    lines.push_back(std::move(row));
  }
  for (Line& l : Lines(after)) lines.push_back(std::move(l));
  ExpandLayoutTables(&lines);
  return lines;
}

HeaderResult ParseTable(std::initializer_list<std::pair<const char*, const char*>> rows,
                        std::initializer_list<const char*> after) {
  const std::vector<Line> lines = TableLines(rows, after);
  return ParseHeader(lines, 0, lines.size());
}

TEST(ImportRobustHeader, IssuerRowsAboveThePartyNameRowStartTheDocument) {
  // A wrapped issuer whose first line stands a row above the Party name's (a scan, a PDF): that
  // row belongs to the header, not to a page's furniture before the document.
  const std::vector<Line> lines =
      TableLines({{"BAN CHẤP HÀNH TRUNG", ""},
                  {"ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM"},
                  {"Số 221-KL/TW", "Hà Nội, ngày 28 tháng 11 năm 2025"}},
                 {"KẾT LUẬN", "CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ", "Tại phiên họp ngày 28/11/2025,"});
  const auto ranges = SplitDocuments(lines);
  ASSERT_EQ(ranges.size(), 1u);
  EXPECT_EQ(ranges[0].first, 0u);
  const HeaderResult r = ParseHeader(lines, ranges[0].first, ranges[0].second);
  EXPECT_EQ(r.header.issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG");
  EXPECT_EQ(r.header.number, "221-KL/TW");

  // A web page's metadata row in the same table (mixed case, both cells) stays outside.
  const std::vector<Line> web =
      TableLines({{"Số hiệu:", "221-KL/TW"},
                  {"BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM"},
                  {"Số 221-KL/TW", "Hà Nội, ngày 28 tháng 11 năm 2025"}},
                 {"KẾT LUẬN", "CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ", "Tại phiên họp ngày 28/11/2025,"});
  const auto web_ranges = SplitDocuments(web);
  ASSERT_EQ(web_ranges.size(), 1u);
  EXPECT_EQ(web_ranges[0].first, 1u);
}

TEST(ImportRobustHeader, CongVanSummaryGoesOnBesideThePlaceAndDate) {
  const HeaderResult r = ParseTable({{"UBND THÀNH PHỐ HUẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
                                     {"SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"},
                                     {"Số: 1520/SNV-VP", ""},
                                     {"V/v rà soát vị trí việc làm", "_ Huế, hgày 07 tháng 4 năm 2026"},
                                     {"của viên chức năm 2026", ""}},
                                    {"Kính gửi: Các phòng chuyên môn"});
  EXPECT_EQ(r.header.issuer, "SỞ NỘI VỤ");
  EXPECT_EQ(r.header.title, "rà soát vị trí việc làm của viên chức năm 2026");
  EXPECT_EQ(r.header.date, "2026-04-07");  // "hgày": one letter misread
  EXPECT_EQ(r.header.place, "Huế");        // the speck before it left out
  EXPECT_EQ(r.header.doc_type, "Công văn");
}

TEST(ImportRobustHeader, CapsLeftOfATypeNameOcrCutIsNotTheIssuer) {
  // OCR lost "KẾ" of "KẾ HOẠCH"; the issuer came from the header table's left column.
  const HeaderResult r = ParseTable({{"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
                                     {"XÃ TÂN AN", "Độc lập - Tự do - Hạnh phúc"},
                                     {"Số: 41/KH-UBND", ""},
                                     {"", "Tân An, ngày 09 tháng 3 năm 2026"}},
                                    {"HOẠCH", "Tổ chức tuyên truyền phòng, chống thiên tai",
                                     "Căn cứ Kế hoạch số 15/KH-UBND;"});
  EXPECT_EQ(r.header.issuer, "ỦY BAN NHÂN DÂN XÃ TÂN AN");
  EXPECT_EQ(r.header.number, "41/KH-UBND");
  EXPECT_EQ(r.header.title, "Tổ chức tuyên truyền phòng, chống thiên tai");
}

TEST(ImportRobustHeader, ProvinceNameOcrMisreadTakesItsOfficialSpelling) {
  auto issuer = [](const char* first, const char* second) {
    return Parse({first, second, "Số: 5/KH-UBND", "Hà Nội, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH",
                  "Tổ chức hội nghị", "Căn cứ …"})
        .header.issuer;
  };
  // A space lost, a mark misread: the province's name as demo/provinces-2025.csv spells it.
  EXPECT_EQ(issuer("ỦY BAN NHÂN DÂN", "THÀNH PHỔ HỒ CHÍMINH"), "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH");
  // The old tone placement is the same name, kept as printed.
  EXPECT_EQ(issuer("ỦY BAN NHÂN DÂN", "TỈNH THANH HOÁ"), "ỦY BAN NHÂN DÂN TỈNH THANH HOÁ");
  // Without the province's kind, a commune named like a province is left alone.
  EXPECT_EQ(issuer("ỦY BAN NHÂN DÂN", "XÃ PHÚ THỌ"), "ỦY BAN NHÂN DÂN XÃ PHÚ THỌ");
  EXPECT_EQ(issuer("ỦY BAN NHÂN DÂN", "XÃ PHÚTHO"), "ỦY BAN NHÂN DÂN XÃ PHÚTHO");
}

TEST(ImportRobustHeader, CapsTitleUnderATypeNameAStampCovered) {
  // The issuer came from the header table; the type name was lost under a reception stamp. A caps
  // phrase below the table is the title; a caps word alone is what OCR left of the type name.
  const HeaderResult r = ParseTable({{"BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM"},
                                     {"Số 221-KL/TW", "Hà Nội, ngày 28 tháng 11 năm 2025"}},
                                    {"CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ",
                                     "Tại phiên họp ngày 28/11/2025, Bộ Chính trị kết luận như sau:"});
  EXPECT_EQ(r.header.issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG");
  EXPECT_EQ(r.header.title, "CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ");
  EXPECT_EQ(r.header.doc_type, "Kết luận");  // from the symbol
}

TEST(ImportRobustHeader, PartyNameWithItsFirstWordGarbledOrASpeckBeforeIt) {
  // OCR read "ĐẢNG" as another word, or left a speck before it in the right cell: the Party name
  // is still found, and nothing of the right cell joins the issuer.
  for (const char* party : {"giàu CỘNG SẢN VIỆT NAM", "TH .ĐẢNG CỘNG SẢN VIỆT NAM"}) {
    const HeaderResult r = ParseTable({{"BAN CHẤP HÀNH TRUNG", ""},
                                       {"ƯƠNG", party},
                                       {"Số 221-KL/TW", "Hà Nội, ngày 28 tháng 11 năm 2025"}},
                                      {"KẾT LUẬN", "về công tác cán bộ", "Tại phiên họp ngày 28/11/2025,"});
    EXPECT_EQ(r.header.family, DocumentFamily::kParty) << party;
    EXPECT_EQ(r.header.issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG") << party;
    EXPECT_EQ(r.header.number, "221-KL/TW") << party;
  }
}

TEST(ImportRobustHeader, PartyTitleInLowerCaseAndTypeNameRunTogether) {
  // HD 36: a party document's trích yếu starts in lower case, even with "thực hiện"; OCR ran
  // "KẾ HOẠCH" into one word; a title line of years is not noise.
  const HeaderResult r = Parse({"ĐẢNG BỘ TỈNH SÔNG LAM", "ĐẢNG ỦY XÃ BÌNH AN",
                                "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 45-KH/ĐU",
                                "Bình An, ngày 20 tháng 02 năm 2026", "KẾHOẠCH _",
                                "thực hiện chương trình chuyển đổi số", "giai đoạn 2026 - 2028",
                                "Thực hiện Kế hoạch số 2-KH/TU;"});
  EXPECT_EQ(r.header.doc_type, "Kế hoạch");
  EXPECT_EQ(r.header.title, "thực hiện chương trình chuyển đổi số giai đoạn 2026 - 2028");
  EXPECT_EQ(r.header.issuer, "ĐẢNG ỦY XÃ BÌNH AN");
}

TEST(ImportRobustHeader, PlaceAndDateWithAGarbledNgay) {
  struct Case {
    const char* text;
    bool found;
    std::optional<std::string> iso;
    std::string place;
  } cases[] = {
      {"Huế, hgày 07 tháng 4 năm 2026", true, "2026-04-07", "Huế"},
      // A day written in by hand over the blank covered "ngày": the month is still read.
      {"An Khánh, nghề tháng 5 năm 2026", true, "2026-05", "An Khánh"},
      {"Hà Nội, ngày 28 tháng 11 năm 2025", true, "2025-11-28", "Hà Nội"},
      {"Ngân sách năm 2026 bảo đảm", false, std::nullopt, ""},
      {"Tổ chức trong tháng 5 năm 2026", false, std::nullopt, ""},
  };
  for (const Case& c : cases) {
    Line l;
    l.SetText(c.text);
    const DateMatch m = FindPlaceDate(l);
    EXPECT_EQ(m.found, c.found) << c.text;
    if (!c.found) continue;
    EXPECT_EQ(m.iso, c.iso) << c.text;
    EXPECT_EQ(m.place, c.place) << c.text;
  }
}

TEST(ImportRobustHeader, DropOcrNoiseKeepsSymbolsAndRules) {
  EXPECT_EQ(DropOcrNoise("„Hà Nội, ngày 28 tháng 11 năm 2025"), "Hà Nội, ngày 28 tháng 11 năm 2025");
  EXPECT_EQ(DropOcrNoise("Số: 1520/SNV-VP \\"), "Số: 1520/SNV-VP");
  EXPECT_EQ(DropOcrNoise("-----"), "-----");
  EXPECT_EQ(DropOcrNoise("V/v rà soát ` |"), "V/v rà soát");
}

// A PDF or scan of a header whose columns are narrow: the motto, the place and the date wrap, and
// the year of the date falls below the table's last row.
TEST(ImportRobustHeader, WrappedColumnLinesAreJoined) {
  const HeaderResult r = ParseTable({{"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"},
                                     {"mm.", "VIỆT NAM"},
                                     {"TỈNH SÔNG LAM", "Độc lập - Tự do - Hạnh phúc"},
                                     {"Số: 0125/KH-UBND", "Sông Lam, ngày 18 tháng 11 năm"}},
                                    {"2025", "KẾ HOẠCH", "Phát động phong trào thi đua", "Căn cứ …"});
  EXPECT_EQ(r.header.issuer, "ỦY BAN NHÂN DÂN TỈNH SÔNG LAM");  // "VIỆT NAM" stays in the motto
  EXPECT_EQ(r.header.date, "2025-11-18");
  EXPECT_EQ(r.header.place, "Sông Lam");
  EXPECT_EQ(r.header.title, "Phát động phong trào thi đua");  // the speck "mm." is no title

  const HeaderResult place = ParseTable({{"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
                                         {"THÀNH PHỐ HỒ CHÍ MINH", "Độc lập - Tự do - Hạnh phúc"},
                                         {"Số: 172/KH-UBND", "Thành phố Hồ Chí"},
                                         {"", "Minh, ngày 18 tháng 11 năm 2025"}},
                                        {"KẾ HOẠCH", "Triển khai thi hành Luật Việc làm", "Căn cứ …"});
  EXPECT_EQ(place.header.place, "Thành phố Hồ Chí Minh");
  EXPECT_EQ(place.header.date, "2025-11-18");

  // As plain text (a copy from a PDF viewer): one column after the other.
  const HeaderResult text = Parse({"ĐẢNG BỘ TỈNH SÔNG LAM", "ĐẢNG ỦY XÃ AN BÌNH", "Số 45-KH/ĐU",
                                   "ĐẢNG CỘNG SẢN", "VIỆT NAM", "An Bình, ngày 20 tháng 02",
                                   "năm 2026", "KẾ HOẠCH", "thực hiện chuyển đổi số", "Căn cứ …"});
  EXPECT_EQ(text.header.issuer, "ĐẢNG ỦY XÃ AN BÌNH");
  EXPECT_EQ(text.header.date, "2026-02-20");
  EXPECT_EQ(text.header.place, "An Bình");
  EXPECT_EQ(text.header.family, DocumentFamily::kParty);
}

// A title that holds the Party name is not a motto wrapped across lines.
TEST(ImportRobustHeader, PartyNameInsideTheTitleIsNotJoinedToTheTypeName) {
  const HeaderResult r = Parse({"BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 9-QĐ/TW",
                                "Hà Nội, ngày 19 tháng 11 năm 2025", "QUY ĐỊNH",
                                "VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM", "- Căn cứ Điều lệ Đảng;"});
  EXPECT_EQ(r.header.issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG");
  EXPECT_EQ(r.header.title, "VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM");
}

TEST(ImportRobustHeader, OcrSlipsInTheNumberAndPlace) {
  Line number;
  number.SetText("Số 383-QĐĐ/TW");  // a bold letter read twice
  EXPECT_EQ(MatchNumber(number, 0).symbol, "383-QĐ/TW");
  number.SetText("Số: 12/ABB-UBND");  // no known type with a letter undoubled: kept
  EXPECT_EQ(MatchNumber(number, 0).symbol, "12/ABB-UBND");
  Line date;
  date.SetText("==T Sơn La, ngày 20 tháng 11 năm 2025");  // a stamp's edge before the place
  EXPECT_EQ(FindPlaceDate(date).place, "Sơn La");
}

TEST(ImportRobustHeader, OcrSlipsInTheTypeName) {
  // A speck after the type name is no title; a bold name read with a letter repeated is still it.
  const HeaderResult colon = Parse({"ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 7/KH-UBND",
                                    "Sông Lam, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH:",
                                    "TRIỂN KHAI CHỈ THỊ VỀ BẢO VỆ BÍ MẬT", "Thực hiện Chỉ thị số 1/CT-TTg;"});
  EXPECT_EQ(colon.header.doc_type, "Kế hoạch");
  EXPECT_EQ(colon.header.title, "TRIỂN KHAI CHỈ THỊ VỀ BẢO VỆ BÍ MẬT");
  const HeaderResult repeated = Parse({"ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 8/KH-UBND",
                                       "Sông Lam, ngày 02 tháng 3 năm 2026", "_\"KẾẼẾHOẠCH",
                                       "TRIỂN KHAI LUẬT VIỆC LÀM", "Thực hiện Luật Việc làm;"});
  EXPECT_EQ(repeated.header.doc_type, "Kế hoạch");
  EXPECT_EQ(repeated.header.title, "TRIỂN KHAI LUẬT VIỆC LÀM");
  Line other;
  other.SetText("KẾT QUẢ");  // another caps word of the same length is no type name
  EXPECT_FALSE(MatchTypeLine(other).has_value());
}

TEST(ImportRobustHeader, PlaceWithAForeignLetterTakesTheIssuersSpelling) {
  // OCR read "Đắk" as "Đäk": no Vietnamese word has "ä". The issuer's name ends with the same
  // locality, so its spelling is taken.
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "Số: 130/KH-UBND",
                                "Đäk Lắk, ngày 21 tháng 11 năm 2025", "KẾ HOẠCH",
                                "Khắc phục môi trường sau lũ", "Căn cứ …"});
  EXPECT_EQ(r.header.place, "Đắk Lắk");
  // A place in good Vietnamese is left as it is, even where it differs from the issuer's.
  const HeaderResult kept = Parse({"ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH", "Số: 9/KH-UBND",
                                   "Hoà Bình, ngày 21 tháng 11 năm 2025", "KẾ HOẠCH",
                                   "Khắc phục môi trường sau lũ", "Căn cứ …"});
  EXPECT_EQ(kept.header.place, "Hoà Bình");
}

TEST(ImportRobustHeader, DateLineWithOcrSpecksAndDigitsReadAsLetters) {
  struct Case {
    const char* text;
    std::string place;
    std::optional<std::string> iso;
  } cases[] = {
      {"Thanh Hóa, ngày-18 tháng 11 năm 2025", "Thanh Hóa", "2025-11-18"},  // a dash glued on
      {"Hà Nội, ngày O1 tháng l2 năm 2025", "Hà Nội", "2025-12-01"},        // 0 and 1 as letters
      {"Hà Nội, ngày 01 tháng 12 năm 2o25", "Hà Nội", "2025-12-01"},
      {"Nghệ An, ngày thắng : 11 năm 2025", "Nghệ An", "2025-11"},  // the day under a stamp
  };
  for (const Case& c : cases) {
    Line l;
    l.SetText(c.text);
    const DateMatch m = FindPlaceDate(l);
    ASSERT_TRUE(m.found) << c.text;
    EXPECT_EQ(m.place, c.place) << c.text;
    EXPECT_EQ(m.iso, c.iso) << c.text;
  }
  // A word of those letters alone is no number: the line is no date line.
  Line word;
  word.SetText("Hà Nội, ngày lo tháng 12 năm 2025");
  EXPECT_FALSE(FindPlaceDate(word).found);
}

TEST(ImportRobustHeader, CentralCommitteeWrappedAndItsSecondLineGarbled) {
  // "ƯƠNG" under "BAN CHẤP HÀNH TRUNG" read as "DƠNG:", with a speck beside the first row.
  const std::vector<Line> lines =
      TableLines({{"BAN CHẤP HÀNHTRUNG", "`"},
                  {"DƠNG:", "| ĐẢNG CỘNG SẢN VIỆT NAM"},
                  {"Số 221-KL/TW", "Hà Nội, ngày 28 tháng 11 năm 2025"}},
                 {"KẾT LUẬN", "CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ", "Tại phiên họp ngày 28/11/2025,"});
  const auto ranges = SplitDocuments(lines);
  ASSERT_EQ(ranges.size(), 1u);
  const HeaderResult r = ParseHeader(lines, ranges[0].first, ranges[0].second);
  EXPECT_EQ(r.header.issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG");
}

TEST(ImportRobustHeader, StampResidueAfterTheTypeNameIsNoTitle) {
  const HeaderResult r = Parse({"BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 383-QĐ/TW",
                                "Hà Nội, ngày 19 tháng 11 năm 2025", "QUY ĐỊNH tk @t[. l + #11 tí",
                                "VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM", "- Căn cứ Điều lệ Đảng;"});
  EXPECT_EQ(r.header.doc_type, "Quy định");
  EXPECT_EQ(r.header.title, "VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM");
}

TEST(ImportRobustHeader, OcrPlaceTakesTheProvincesOfficialSpelling) {
  struct Case {
    std::string read, repaired;
  } cases[] = {
      {"NghệAn", "Nghệ An"},                                     // a space lost
      {"Đăk Lắk", "Đắk Lắk"},                                    // a mark misread
      {"Thành phố Hồ Chỉ í Minh", "Thành phố Hồ Chí Minh"},      // a speck inside a long name
      {"Thanh Hoá", "Thanh Hoá"},                                // the old tone placement kept
      {"Gia Lâm", "Gia Lâm"},                                    // a commune one letter off
      {"An Khánh", "An Khánh"},                                  // not a province
      {"bị Nghệ An", "Nghệ An"},                                 // a stamp's speck before it
      {"Độc lập - Tự Hạnh phúc Đồng Tháp", "Đồng Tháp"},         // the slogan's end before it
      {"Hề Nội", "Hà Nội"},        // a short name one slip off, its last word read right
      {"Đăng Thấp", "Đồng Tháp"},  // the last word's marks do not count
      {"ị Đẩt Läk", "Đắk Lắk"},
      {"Nội", "Hà Nội"},           // the first word lost: no other province ends with "Nội"
      {"Gia Lai", "Gia Lai"},
      {"Hà Tây", "Hà Tây"},        // one slip from no province whose last word it shares
  };
  for (Case& c : cases) {
    std::string place = c.read;
    RepairOcrPlace(place);
    EXPECT_EQ(place, c.repaired) << c.read;
  }
}

TEST(ImportRobustHeader, SpeckLineAboveTheNumberLineIsNoTitle) {
  // "In": what OCR made of a stamp's edge between the issuer's two lines. The number and date
  // lines still to come say the title has not started.
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN", "In", "TỈNH ĐỒNG THÁP", "Số: 552/KH-UBND",
                                "Đồng Tháp, ngày 19 tháng 11 năm 2025", "KẾ HOẠCH",
                                "Đổi mới công nghệ đến năm 2035", "Căn cứ …"});
  EXPECT_EQ(r.header.number, "552/KH-UBND");
  EXPECT_EQ(r.header.issuer, "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP");
  EXPECT_EQ(r.header.title, "Đổi mới công nghệ đến năm 2035");
}

TEST(ImportRobustHeader, OcrIssuerTakesItsFixedWordsSpelling) {
  struct Case {
    std::string read, repaired;
  } cases[] = {
      {"ỦY BẠN NHÂN DÂN TỈNH SƠN LA", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"},  // a mark misread
      {"ỬY BAN NHÂN DÂN TỈNH SƠN LA", "ỦY BAN NHÂN DÂN TỈNH SƠN LA"},
      {"ỦY BANNHÂNDÂN XÃ AN PHÚ", "ỦY BAN NHÂN DÂN XÃ AN PHÚ"},          // spaces lost
      {"THU TƯƠNG CHÍNH PHÙ", "THỦ TƯỚNG CHÍNH PHỦ"},
      {"UỶ BAN NHÂN DÂN XÃ AN PHÚ", "UỶ BAN NHÂN DÂN XÃ AN PHÚ"},        // old tone placement kept
      {"SỞ VĂN HÓA, THỂ THẠO", "SỞ VĂN HÓA, THỂ THẠO"},                  // no fixed phrase there
      {"BAN TUYÊN GIÁO VẢ DẪN VẬN", "BAN TUYÊN GIÁO VÀ DÂN VẬN"},        // a Party board
      {"BỘ VĂN HÓA, THÊ THẠO VÀ DU LỊCH", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"},  // a ministry
      {"Ủy bạn nhân dân xã An Phú", "Ủy bạn nhân dân xã An Phú"},        // not in capitals: left
  };
  for (Case& c : cases) {
    std::string issuer = c.read;
    RepairOcrIssuer(issuer);
    EXPECT_EQ(issuer, c.repaired) << c.read;
  }
}

TEST(ImportRobustHeader, NumberLineWhoseSoOcrDroppedAsSpecks) {
  // "§ố 383-QĐ/TW": the sign and "ố" are dropped as specks, the symbol alone is left.
  const HeaderResult r = Parse({"BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "§ố 383-QĐ/TW",
                                "Hà Nội, ngày 19 tháng 11 năm 2025", "QUY ĐỊNH", "VỀ PHÔNG LƯU TRỮ",
                                "- Căn cứ Điều lệ Đảng;"});
  EXPECT_EQ(r.header.number, "383-QĐ/TW");
  // A bare symbol must be one and have a known type: "2025" or a phrase is no number.
  Line phrase;
  phrase.SetText("383 đại biểu dự họp");
  EXPECT_FALSE(MatchBareSymbol(phrase, 0).found);
  Line unknown;
  unknown.SetText("12-AB/CD");
  EXPECT_FALSE(MatchBareSymbol(unknown, 0).found);
}

}  // namespace
}  // namespace lienthong::parse

namespace lienthong::parse {
namespace {

TEST(ImportRobustHeader, MottoRemainsAreCutFromTheIssuer) {
  // The motto too garbled to be found whole, read across with the issuer's first line.
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN CỘNG HÒA X XÃ Hội CHỦ NGHĨA VIỆT NAM", "TỈNH BÌNH AN",
                                "Số: 52/KH-UBND", "Bình An, ngày 19 tháng 11 năm 2025", "KẾ HOẠCH",
                                "Đổi mới công nghệ", "Căn cứ …"});
  EXPECT_EQ(r.header.issuer, "ỦY BAN NHÂN DÂN TỈNH BÌNH AN");
  EXPECT_EQ(CutMottoRemains("HÒA XÃ X HỘP ÔI CHỦ NGHĨA VIỆT NAM"), "");
  // Names with the motto's words in them stay whole.
  EXPECT_EQ(CutMottoRemains("PHÒNG VĂN HÓA - XÃ HỘI"), "PHÒNG VĂN HÓA - XÃ HỘI");
  EXPECT_EQ(CutMottoRemains("HỘI CHỮ THẬP ĐỎ TỈNH"), "HỘI CHỮ THẬP ĐỎ TỈNH");
  EXPECT_EQ(CutMottoRemains("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"), "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM");
}

TEST(ImportRobustHeader, CentralCommitteeNameReadAcrossItsTwoLines) {
  EXPECT_EQ(WithCentralCommitteeWhole({"BAN CHẤP _ƯƠNG HÀNH `. TRUNG Sun"}),
            (std::vector<std::string>{"BAN CHẤP HÀNH TRUNG ƯƠNG"}));
  // A provincial committee, or the Youth Union's central committee, is not the Party's.
  EXPECT_EQ(WithCentralCommitteeWhole({"BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NGHỆ AN"}),
            (std::vector<std::string>{"BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NGHỆ AN"}));
  EXPECT_EQ(WithCentralCommitteeWhole({"BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH"}),
            (std::vector<std::string>{"BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH"}));
}

TEST(ImportRobustHeader, NumberLineWithSpecksAroundIt) {
  struct Case {
    const char* text;
    std::string symbol;
  } cases[] = {
      {"Số: 2629/QĐ-TTg-hết", "2629/QĐ-TTg"},  // the place's first word run into the symbol
      {"_ Số 383-QĐ/TW", "383-QĐ/TW"},         // a speck before "Số"
      {"Số: 12/BCĐ-UBND", "12/BCĐ-UBND"},      // Đ belongs to symbols
  };
  for (const Case& c : cases) {
    Line l;
    l.SetText(c.text);
    const NumberMatch m = MatchNumber(l, 0);
    ASSERT_TRUE(m.found && m.symbol) << c.text;
    EXPECT_EQ(*m.symbol, c.symbol) << c.text;
  }
  // "Số" read as a sign, then a long dash OCR made of a speck.
  const HeaderResult r = Parse({"BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "§ố 383-QĐ/TW.`—",
                                "Hà Nội, ngày 19 tháng 11 năm 2025", "QUY ĐỊNH", "VỀ PHÔNG LƯU TRỮ",
                                "- Căn cứ Điều lệ Đảng;"});
  EXPECT_EQ(r.header.number, "383-QĐ/TW");
}

TEST(ImportRobustHeader, SentenceCaseTitleOpeningLikeAPreamble) {
  // ND30 sets the trích yếu in sentence case; "Thực hiện …" under the type name is the title
  // when it ends without a sentence's punctuation and the preamble follows.
  const HeaderResult r = Parse({"ỦY BAN NHÂN DÂN", "XÃ AN PHÚ", "Số: 12/KH-UBND",
                                "An Phú, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH", "Thực hiện cải cách hành chính",
                                "giai đoạn 2026 - 2030", "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2026;"});
  EXPECT_EQ(r.header.title, "Thực hiện cải cách hành chính giai đoạn 2026 - 2030");
  // With no title, the preamble sentence under the type name stays the body's.
  const HeaderResult p = Parse({"ỦY BAN NHÂN DÂN", "XÃ AN PHÚ", "Số: 12/KH-UBND",
                                "An Phú, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH",
                                "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân",
                                "huyện, Ủy ban nhân dân xã ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH"});
  EXPECT_EQ(p.header.title, "");
}

TEST(ImportRobustHeader, OcrSpecksAroundTitleIssuerAndYear) {
  const HeaderResult r = Parse({"BỘ Y TẾ", "SỞ NÔNG NGHIỆP _", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                "Số: 545/BC-BYT", "Hà Nội, ngày 01 tháng 6 năm n2026", "BÁO CÁO", "Sứ:",
                                "———=————*Triển khai nền tảng dữ liệu", "Căn cứ Kế hoạch số 15/KH-UBND;"});
  EXPECT_EQ(r.header.date, "2026-06-01");  // a letter glued to the year
  EXPECT_EQ(r.header.title, "Triển khai nền tảng dữ liệu");  // the speck and the rule left out
  EXPECT_EQ(r.header.issuer, "SỞ NÔNG NGHIỆP");
  const HeaderResult t = Parse({"BỘ Y TẾ", "Số: 545/BC-BYT", "Hà Nội, ngày 01 tháng 6 năm 2026", "BÁO CÁO",
                                "Kiểm tra công tác văn--", "thư, lưu trữ năm 2025", "Căn cứ Kế hoạch số 15/KH-UBND;"});
  EXPECT_EQ(t.header.title, "Kiểm tra công tác văn thư, lưu trữ năm 2025");
}

}  // namespace
}  // namespace lienthong::parse
