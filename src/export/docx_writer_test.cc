// The DOCX package: well-formed parts, page set-up, the header and signature blocks.
#include "export/docx_writer.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "export/plan_document.h"
#include "export/testing/sample_documents.h"
#include "import/docx/zip_archive.h"
#include "text/normalize.h"

namespace lienthong {
namespace {

std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  auto zip = ZipArchive::Open(bytes, ZipLimits{});
  EXPECT_TRUE(zip.ok()) << zip.status().ToString();
  if (!zip.ok()) return parts;
  for (const std::string& name : (*zip)->EntryNames()) {
    auto content = (*zip)->Read(name);
    EXPECT_TRUE(content.ok()) << name;
    if (content.ok()) parts[name] = *content;
  }
  return parts;
}

OfficialDocument StatePlan() {
  auto doc = PlanToOfficialDocument(export_testing::SampleStatePlan());
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return *doc;
}

TEST(OfficialDocxTest, EveryPartIsWellFormedXml) {
  auto bytes = WriteOfficialDocx(StatePlan());
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto parts = Unzip(*bytes);
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                           "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                           "word/header1.xml", "word/header2.xml", "docProps/core.xml"}) {
    ASSERT_TRUE(parts.count(name)) << name;
    pugi::xml_document xml;
    pugi::xml_parse_result parsed = xml.load_string(parts[name].c_str());
    EXPECT_TRUE(parsed) << name << ": " << parsed.description() << " at " << parsed.offset;
  }
}

TEST(OfficialDocxTest, PageIsA4WithTheDecreeMargins) {
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(OfficialDocumentXml(StatePlan()).c_str()));
  // The last section (an appendix here) and the first carry the same page set-up.
  auto sections = xml.select_nodes("//w:sectPr");
  ASSERT_EQ(sections.size(), 2u);  // main text, one appendix
  for (const auto& s : sections) {
    pugi::xml_node sect = s.node();
    EXPECT_EQ(sect.child("w:pgSz").attribute("w:w").as_int(), 11906);
    EXPECT_EQ(sect.child("w:pgSz").attribute("w:h").as_int(), 16838);
    const pugi::xml_node mar = sect.child("w:pgMar");
    EXPECT_EQ(mar.attribute("w:top").as_int(), 1134);     // 20 mm
    EXPECT_EQ(mar.attribute("w:bottom").as_int(), 1134);  // 20 mm
    EXPECT_EQ(mar.attribute("w:left").as_int(), 1701);    // 30 mm
    EXPECT_EQ(mar.attribute("w:right").as_int(), 850);    // 15 mm
    EXPECT_TRUE(sect.child("w:titlePg")) << "no page number on the first page";
  }
  // The appendix restarts numbering.
  EXPECT_EQ(sections[1].node().child("w:pgNumType").attribute("w:start").as_int(), 1);
}

TEST(OfficialDocxTest, StylesUseTimesNewRoman14AndVietnamese) {
  auto parts = Unzip(*WriteOfficialDocx(StatePlan()));
  const std::string& styles = parts["word/styles.xml"];
  EXPECT_NE(styles.find("w:ascii=\"Times New Roman\""), std::string::npos);
  EXPECT_NE(styles.find("<w:sz w:val=\"28\"/>"), std::string::npos);
  EXPECT_NE(styles.find("w:val=\"vi-VN\""), std::string::npos);
  EXPECT_NE(parts["word/header1.xml"].find(" PAGE "), std::string::npos);
}

std::string AllText(const std::string& document_xml) {
  return export_testing::ParagraphTexts(document_xml);
}

TEST(OfficialDocxTest, StateHeaderBodyAndSignatureTexts) {
  const std::string text = AllText(OfficialDocumentXml(StatePlan()));
  for (const char* expected :
       {"UBND TỈNH ĐẮK LẮK\n", "ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH\n",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "Độc lập - Tự do - Hạnh phúc\n",
        "Số: 27/KH-UBND\n", "Hưng Thịnh, ngày 05 tháng 3 năm 2026\n", "KẾ HOẠCH\n",
        "Phát triển thư viện số cộng đồng trên địa bàn xã Hưng Thịnh năm 2026\n",
        "về thư viện cộng đồng;\n", "chuyển đổi số năm 2026.\n", "I. MỤC ĐÍCH, YÊU CẦU\n",
        "1. Mục đích\n", "a) Bảo đảm tiết kiệm, hiệu quả.\n", "- Ưu tiên tài liệu địa chí của xã.\n",
        "III. TỔ CHỨC THỰC HIỆN\n", "./.\n", "Nơi nhận:\n", "- UBND tỉnh (b/c);\n",
        "- Lưu: VT, VHXH.\n", "TM. ỦY BAN NHÂN DÂN\n", "KT. CHỦ TỊCH\n", "PHÓ CHỦ TỊCH\n",
        "Trần Minh Khoa\n", "Phụ lục\n", "DANH MỤC NHIỆM VỤ\n",
        "(Kèm theo Kế hoạch số 27/KH-UBND ngày 05/3/2026)\n", "NHÓM NHIỆM VỤ HẠ TẦNG\n",
        "Đơn vị chủ trì\n", "Số hóa tài liệu địa chí của xã\n", "Đoàn Thanh niên xã\n"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
  }
  EXPECT_EQ(text.find("ĐẢNG CỘNG SẢN VIỆT NAM"), std::string::npos);
}

TEST(OfficialDocxTest, PartyLayoutHasStarNoColonAndSlashPrefixes) {
  auto doc = PlanToOfficialDocument(export_testing::SamplePartyPlan());
  ASSERT_TRUE(doc.ok());
  const std::string xml = OfficialDocumentXml(*doc);
  const std::string text = AllText(xml);
  for (const char* expected :
       {"ĐẢNG BỘ TỈNH ĐẮK LẮK\n", "ĐẢNG ỦY XÃ HƯNG THỊNH\n", "*\n", "ĐẢNG CỘNG SẢN VIỆT NAM\n",
        "Số 15-KH/ĐU\n", "Hưng Thịnh, ngày 09 tháng 02 năm 2026\n", "I- MỤC ĐÍCH, YÊU CẦU\n",
        "T/M BAN THƯỜNG VỤ\n", "PHÓ BÍ THƯ\n", "Lê Thị Hạnh\n", "- Lưu Văn phòng Đảng ủy.\n"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
  }
  EXPECT_EQ(text.find("CỘNG HÒA XÃ HỘI"), std::string::npos);
  // Party type name 16 pt bold; "Nơi nhận:" 14 pt underlined.
  EXPECT_NE(xml.find("<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr><w:t "
                     "xml:space=\"preserve\">KẾ HOẠCH"),
            std::string::npos);
  EXPECT_NE(xml.find("<w:u w:val=\"single\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>"
                     "<w:t xml:space=\"preserve\">Nơi nhận:"),
            std::string::npos);
}

TEST(OfficialDocxTest, StateRecipientsLabelIsTwelvePointBoldItalic) {
  const std::string xml = OfficialDocumentXml(StatePlan());
  EXPECT_NE(xml.find("<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
                     "</w:rPr><w:t xml:space=\"preserve\">Nơi nhận:"),
            std::string::npos);
  // The list itself is 11 pt.
  EXPECT_NE(xml.find("<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr><w:t "
                     "xml:space=\"preserve\">- UBND tỉnh (b/c);"),
            std::string::npos);
}

TEST(OfficialDocxTest, EscapesMarkupInText) {
  OfficialDocument doc;
  doc.type_name = "Báo cáo";
  doc.title = "Kết quả <thử> & \"kiểm tra\"\x01";
  doc.body.push_back(BodyBlock::Paragraph("a < b & c > d"));
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(OfficialDocumentXml(doc).c_str()));
  const std::string text = AllText(OfficialDocumentXml(doc));
  EXPECT_NE(text.find("Kết quả <thử> & \"kiểm tra\"\n"), std::string::npos);
  EXPECT_NE(text.find("a < b & c > d\n"), std::string::npos);
}

TEST(OfficialDocxTest, RefusesADocumentWithoutTypeOrTitle) {
  auto bytes = WriteOfficialDocx(OfficialDocument{});
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), StatusCode::kInvalidArgument);
}

TEST(OfficialDocumentTest, PlaceAndDateFollowTheLeadingZeroRule) {
  EXPECT_EQ(PlaceAndDateLine("Hà Nội", Date{2025, 3, 5}), "Hà Nội, ngày 05 tháng 3 năm 2025");
  EXPECT_EQ(PlaceAndDateLine("Hà Nội", Date{2020, 1, 5}), "Hà Nội, ngày 05 tháng 01 năm 2020");
  EXPECT_EQ(PlaceAndDateLine("Huế", Date{2019, 6, 29}), "Huế, ngày 29 tháng 6 năm 2019");
  EXPECT_EQ(PlaceAndDateLine("Huế", Date{2018, 2, 20}), "Huế, ngày 20 tháng 02 năm 2018");
  EXPECT_EQ(PlaceAndDateLine("Huế", Date{2025, 12, 1}), "Huế, ngày 01 tháng 12 năm 2025");
  EXPECT_EQ(PlaceAndDateLine("Huế", Date{2026, 0, 0}), "Huế, ngày      tháng      năm 2026");
}

TEST(OfficialDocumentTest, NumberLinesAndAuthorityLines) {
  EXPECT_EQ(NumberLine(DocumentFamily::kState, "13/KH-UBND"), "Số: 13/KH-UBND");
  EXPECT_EQ(NumberLine(DocumentFamily::kParty, "464-KH/TU"), "Số 464-KH/TU");
  EXPECT_EQ(AuthorityLines("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"),
            (std::vector<std::string>{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"}));
  EXPECT_EQ(AuthorityLines("T/M BAN THƯỜNG VỤ"), (std::vector<std::string>{"T/M BAN THƯỜNG VỤ"}));
  EXPECT_EQ(AuthorityLines("KT. BỘ TRƯỞNG"), (std::vector<std::string>{"KT. BỘ TRƯỞNG"}));
  EXPECT_EQ(ToUpperVietnamese("Kế hoạch ủy ban"), "KẾ HOẠCH ỦY BAN");
  EXPECT_EQ(RomanNumeral(4), "IV");
  EXPECT_EQ(RomanNumeral(19), "XIX");
  EXPECT_EQ(HeadingPrefix(DocumentFamily::kState, 1, "II"), "II. ");
  EXPECT_EQ(HeadingPrefix(DocumentFamily::kParty, 2, "3"), "3- ");
  EXPECT_EQ(HeadingPrefix(DocumentFamily::kState, 3, "đ"), "đ) ");
}

}  // namespace
}  // namespace lienthong
