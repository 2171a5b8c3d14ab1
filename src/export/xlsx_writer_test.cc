// The XLSX writer: sheets, names, formats, frozen header and autofilter, read back from the XML.
#include "export/xlsx_writer.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "import/docx/zip_archive.h"

namespace lienthong {
namespace {

std::string Part(const std::string& bytes, const std::string& name) {
  auto zip = ZipArchive::Open(bytes, ZipLimits{});
  EXPECT_TRUE(zip.ok());
  if (!zip.ok()) return "";
  auto content = (*zip)->Read(name);
  EXPECT_TRUE(content.ok()) << name;
  return content.ok() ? *content : "";
}

XlsxSheet TaskSheet() {
  XlsxSheet sheet;
  sheet.name = "Nhiệm vụ";
  sheet.title = "DANH MỤC NHIỆM VỤ";
  sheet.headers = {"STT", "Nội dung", "Kinh phí", "Tỷ lệ", "Hạn"};
  sheet.rows = {{XlsxCell::Integer(1), XlsxCell::Text("Số hóa tài liệu"),
                 XlsxCell::Integer(1234567), XlsxCell::Percent(0.125), XlsxCell::Date("2026-06-30")},
                {XlsxCell::Integer(2), XlsxCell::Text("Tuyên truyền"), XlsxCell::Decimal(2.5),
                 XlsxCell::Empty(), XlsxCell::Date("Thường xuyên")}};
  sheet.notes = {"Ghi chú: số liệu đến hết quý II."};
  return sheet;
}

TEST(XlsxWriterTest, WritesSheetsWithFormatsFreezeAndFilter) {
  auto bytes = WriteXlsx({TaskSheet()});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  const std::string workbook = Part(*bytes, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Nhiệm vụ\""), std::string::npos);
  const std::string sheet = Part(*bytes, "xl/worksheets/sheet1.xml");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(sheet.c_str()));
  // Title in row 1, header in row 3, frozen below it, filter over header and the two rows.
  EXPECT_STREQ(xml.select_node("//pane").node().attribute("topLeftCell").value(), "A4");
  EXPECT_STREQ(xml.select_node("//pane").node().attribute("state").value(), "frozen");
  EXPECT_STREQ(xml.select_node("//autoFilter").node().attribute("ref").value(), "A3:E5");
  EXPECT_NE(sheet.find("<v>1234567</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>0.125</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>46203</v>"), std::string::npos);  // 2026-06-30 as an Excel serial
  const std::string styles = Part(*bytes, "xl/styles.xml");
  for (const char* code : {"#,##0", "0.0%", "dd/mm/yyyy", "#,##0.0#"}) {
    EXPECT_NE(styles.find(std::string("formatCode=\"") + code + "\""), std::string::npos) << code;
  }
  const std::string strings = Part(*bytes, "xl/sharedStrings.xml");
  for (const char* text : {"DANH MỤC NHIỆM VỤ", "Số hóa tài liệu", "Thường xuyên", "Ghi chú"}) {
    EXPECT_NE(strings.find(text), std::string::npos) << text;
  }
}

// Issue 13: rows are as tall as their wrapped text (a clipped header, overlapping task rows).
TEST(XlsxWriterTest, RowsThatWrapAreAsTallAsTheirText) {
  XlsxSheet sheet;
  sheet.name = "Nhiệm vụ";
  sheet.headers = {"STT", "Tỷ lệ tổ chức đảng đã quán triệt nghị quyết (%)"};
  sheet.column_widths = {6, 20};
  sheet.rows = {{XlsxCell::Integer(1), XlsxCell::Text("Ngắn")},
                {XlsxCell::Integer(2), XlsxCell::Text(std::string(100, 'x'))},
                {XlsxCell::Integer(3), XlsxCell::Text("Dòng một\nDòng hai\nDòng ba")}};
  auto bytes = WriteXlsx({sheet});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(Part(*bytes, "xl/worksheets/sheet1.xml").c_str()));
  auto height = [&](int r) {
    auto row = xml.select_node(("//row[@r='" + std::to_string(r) + "']").c_str()).node();
    return row.attribute("customHeight").as_bool() ? row.attribute("ht").as_double() : 0.0;
  };
  EXPECT_GT(height(1), 30.0);   // 47 characters in bold over 20: three lines
  EXPECT_EQ(height(2), 0.0);    // one line: the default height
  EXPECT_GT(height(3), 90.0);   // 100 characters over 20: six lines
  EXPECT_NEAR(height(4), 3 * 15.75 + 2, 0.01);  // three lines by their breaks
}

TEST(XlsxWriterTest, SheetNamesAreMadeValidAndUnique) {
  XlsxSheet a;
  a.name = "Báo cáo [Quý I/2026]: tổng hợp của các xã, phường";
  XlsxSheet b = a;
  XlsxSheet c;  // no name
  auto bytes = WriteXlsx({a, b, c});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  const std::string workbook = Part(*bytes, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Báo cáo -Quý I-2026-- tổng hợp\""), std::string::npos)
      << workbook;
  EXPECT_NE(workbook.find("name=\"Báo cáo -Quý I-2026-- tổng (2)\""), std::string::npos)
      << workbook;
  EXPECT_NE(workbook.find("name=\"Trang 3\""), std::string::npos);
}

TEST(XlsxWriterTest, RefusesAnEmptyWorkbook) {
  auto bytes = WriteXlsx({});
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace lienthong

namespace lienthong {
namespace {

// Issue 12 #17: text a spreadsheet would evaluate once saved as CSV keeps a leading apostrophe.
TEST(XlsxWriterTest, NeutralisesTextThatLooksLikeAFormula) {
  XlsxSheet sheet;
  sheet.name = "Tin bài";
  sheet.headers = {"Tiêu đề"};
  for (const char* text : {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "Bình thường"}) {
    sheet.rows.push_back({XlsxCell::Text(text)});
  }
  auto bytes = WriteXlsx({sheet});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  const std::string strings = Part(*bytes, "xl/sharedStrings.xml");
  for (const char* text : {"'=HYPERLINK(\"http://x\")", "'+1+1", "'-2+3", "'@SUM(A1)"}) {
    EXPECT_NE(strings.find(text), std::string::npos) << text << " in " << strings;
  }
  EXPECT_NE(strings.find(">Bình thường<"), std::string::npos) << strings;
  EXPECT_EQ(Part(*bytes, "xl/worksheets/sheet1.xml").find("<f>"), std::string::npos);
}

}  // namespace
}  // namespace lienthong
