#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "import/testing/fixture_files.h"
#include "import/docx/testing/zip_builder.h"
#include "import/readers.h"

namespace lienthong {
namespace {

using testing::BuildDocx;
using testing::kWordNs;

std::string ReadFixture(const std::string& name) { return testing::ReadImportFixture(name); }

const RawDocument& Fixture() {
  static const RawDocument* doc = [] {
    Result<RawDocument> r =
        ReadDocxDocument(ReadFixture("ke_hoach_hoa_binh.docx"), "ke_hoach_hoa_binh.docx");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new RawDocument(r.ok() ? std::move(r).value() : RawDocument());
  }();
  return *doc;
}

// The first body block whose text is `text`, or nullptr.
const Block* Find(const RawDocument& doc, std::string_view text) {
  for (const Block& b : doc.blocks) {
    if (b.region == BlockRegion::kBody && b.text == text) return &b;
  }
  return nullptr;
}

int IndexOf(const RawDocument& doc, std::string_view text) {
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].text == text) return static_cast<int>(i);
  }
  return -1;
}

std::vector<const Block*> TableRows(const RawDocument& doc, int table) {
  std::vector<const Block*> rows;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTableRow && b.table_index == table) rows.push_back(&b);
  }
  return rows;
}

Result<RawDocument> ReadBody(std::string_view body,
                             const std::map<std::string, std::string>& parts = {}) {
  return ReadDocxDocument(BuildDocx(body, parts), "test.docx");
}

// --- the fixture written by scripts/make-import-fixtures.sh ---

TEST(DocxReaderTest, FixtureParagraphsInOrder) {
  const RawDocument& doc = Fixture();
  EXPECT_EQ(doc.format, "docx");
  EXPECT_TRUE(doc.warnings.empty());
  std::vector<int> order = {
      IndexOf(doc, "KẾ HOẠCH"),
      IndexOf(doc, "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025"),
      IndexOf(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
      IndexOf(doc, "MỤC ĐÍCH, YÊU CẦU"),
      IndexOf(doc, "NỘI DUNG"),
      IndexOf(doc, "TỔ CHỨC THỰC HIỆN"),
      IndexOf(doc, "PHỤ LỤC"),
  };
  for (size_t i = 0; i < order.size(); ++i) {
    ASSERT_GE(order[i], 0) << "item " << i;
    if (i > 0) {
      EXPECT_LT(order[i - 1], order[i]) << "item " << i;
    }
  }
  const Block* title = Find(doc, "KẾ HOẠCH");
  EXPECT_TRUE(title->bold);  // from the paragraph style only
  EXPECT_TRUE(title->centered);
  const Block* basis =
      Find(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;");
  EXPECT_TRUE(basis->italic);
  EXPECT_FALSE(basis->bold);
  EXPECT_GT(basis->pos.line, title->pos.line);
}

TEST(DocxReaderTest, FixtureNumberingLabels) {
  const RawDocument& doc = Fixture();
  struct Expect {
    const char* text_start;
    const char* label;
  };
  const Expect expected[] = {
      {"MỤC ĐÍCH, YÊU CẦU", "I."},
      {"Phát huy truyền thống", "1."},
      {"Tổ chức Ngày hội thiết thực", "2."},
      {"NỘI DUNG", "II."},
      {"Thời gian:", "1."},
      {"Phần lễ:", "a)"},
      {"Phần hội:", "b)"},
      {"Địa điểm:", "2."},
      {"TỔ CHỨC THỰC HIỆN", "III."},
      {"Văn phòng Hội đồng nhân dân", "1."},
      {"Tham mưu tổ chức", "1.1."},
      {"Tổng hợp kết quả", "1.2."},
      {"Công an xã bảo đảm", "-"},
  };
  for (const Expect& e : expected) {
    const Block* found = nullptr;
    for (const Block& b : doc.blocks) {
      if (b.text.rfind(e.text_start, 0) == 0) {
        found = &b;
        break;
      }
    }
    ASSERT_NE(found, nullptr) << e.text_start;
    EXPECT_EQ(found->list_label, e.label) << e.text_start;
  }
  const Block* heading = Find(doc, "MỤC ĐÍCH, YÊU CẦU");
  EXPECT_EQ(heading->kind, BlockKind::kHeading);
  EXPECT_EQ(heading->heading_level, 1);
  EXPECT_TRUE(heading->bold);
}

TEST(DocxReaderTest, FixtureHeaderTableHasTwoCells) {
  const RawDocument& doc = Fixture();
  std::vector<const Block*> rows = TableRows(doc, 0);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]->cells,
            (std::vector<std::string>{
                "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"}));
  EXPECT_EQ(rows[1]->cells,
            (std::vector<std::string>{"Số: 15/KH-UBND", "Xã Hòa Bình, ngày 05 tháng 9 năm 2025"}));
  EXPECT_EQ(rows[1]->text, "Số: 15/KH-UBND | Xã Hòa Bình, ngày 05 tháng 9 năm 2025");
  EXPECT_EQ(&doc.blocks[0], rows[0]) << "the header table opens the document";
}

TEST(DocxReaderTest, FixtureSignatureTable) {
  std::vector<const Block*> rows = TableRows(Fixture(), 1);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0]->cells.size(), 2u);
  EXPECT_EQ(rows[0]->cells[0],
            "Nơi nhận:\n- Thường trực Đảng ủy xã;\n- Các thôn;\n- Lưu: VT, VHXH.");
  EXPECT_EQ(rows[0]->cells[1], "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn An");
}

TEST(DocxReaderTest, FixtureTaskTableWithMergedRows) {
  std::vector<const Block*> rows = TableRows(Fixture(), 2);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0]->cells, (std::vector<std::string>{"STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì",
                                                      "Đơn vị phối hợp", "Thời gian hoàn thành"}));
  EXPECT_TRUE(rows[0]->bold);
  // A group row: its title spans four columns and appears once.
  EXPECT_EQ(rows[1]->cells, (std::vector<std::string>{"I", "CÔNG TÁC TUYÊN TRUYỀN"}));
  EXPECT_EQ(rows[2]->cells[0], "1.");  // automatic numbering in the STT column
  EXPECT_EQ(rows[2]->cells[2], "Công chức Văn hóa - Xã hội");
  // The lead unit is merged down over two rows: the second row repeats it.
  EXPECT_EQ(rows[3]->cells,
            (std::vector<std::string>{"2.", "Treo băng rôn, khẩu hiệu tại trung tâm xã",
                                      "Công chức Văn hóa - Xã hội", "Đoàn Thanh niên xã",
                                      "Trước ngày 05/11/2025"}));
  EXPECT_EQ(rows[4]->cells, (std::vector<std::string>{"II", "TỔ CHỨC NGÀY HỘI"}));
  EXPECT_EQ(rows[5]->cells[0], "3.");
  EXPECT_EQ(rows[6]->cells[0], "4.");
  EXPECT_EQ(rows[6]->cells[4], "Từ ngày 10/11 đến ngày 18/11/2025");
}

TEST(DocxReaderTest, FixtureFooterKeptApartAndPageBreak) {
  const RawDocument& doc = Fixture();
  int footers = 0;
  for (const Block& b : doc.blocks) {
    if (b.region == BlockRegion::kPageFooter) {
      ++footers;
      EXPECT_EQ(b.text.rfind("Trang ", 0), 0u) << b.text;
    } else {
      EXPECT_EQ(b.text.find("Trang "), std::string::npos) << b.text;
    }
  }
  EXPECT_EQ(footers, 1);
  EXPECT_EQ(doc.blocks.back().region, BlockRegion::kPageFooter);
  int appendix = IndexOf(doc, "PHỤ LỤC");
  ASSERT_GT(appendix, 0);
  EXPECT_EQ(doc.blocks[appendix - 1].kind, BlockKind::kPageBreak);
  int breaks = 0;
  for (const Block& b : doc.blocks) breaks += b.kind == BlockKind::kPageBreak;
  EXPECT_EQ(breaks, 1);
}

TEST(DocxReaderTest, FixtureLegacyFontRunDecoded) {
  const RawDocument& doc = Fixture();
  EXPECT_NE(Find(doc, "Trên đây là kế hoạch tổ chức ngày hội của xã./."), nullptr);
  EXPECT_EQ(doc.encoding, "utf-8+tcvn3");
}

// --- small documents built in the test ---

TEST(DocxReaderTest, RunContentTabsBreaksAndHiddenText) {
  auto r = ReadBody(
      "<w:p><w:r><w:t xml:space=\"preserve\">Nơi nhận:   </w:t><w:tab/><w:t>TM. ỦY BAN NHÂN "
      "DÂN</w:t>"
      "</w:r></w:p>"
      "<w:p><w:r><w:t>dòng một</w:t><w:br/><w:t>dòng hai</w:t><w:lastRenderedPageBreak/></w:r>"
      "<w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del>"
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>"
      "<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"
      "<w:p><w:hyperlink><w:r><w:t>liên</w:t></w:r></w:hyperlink><w:ins><w:r><w:t> kết</w:t>"
      "</w:r></w:ins></w:p>"
      "<w:p/>");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->blocks.size(), 3u);
  EXPECT_EQ(r->blocks[0].text, "Nơi nhận: \tTM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(r->blocks[1].text, "dòng một\ndòng hai");
  EXPECT_EQ(r->blocks[2].text, "liên kết");
  EXPECT_EQ(r->blocks[2].pos.line, 3);
}

TEST(DocxReaderTest, ExplicitPageBreaksOnly) {
  auto r = ReadBody(
      "<w:p><w:r><w:t>trang một</w:t><w:br w:type=\"page\"/><w:t>trang hai</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>trang ba</w:t></w:r></w:p>"
      "<w:p><w:r><w:lastRenderedPageBreak/><w:t>vẫn trang ba</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:sectPr><w:type w:val=\"continuous\"/></w:sectPr></w:pPr></w:p>"
      "<w:p><w:r><w:t>cuối</w:t><w:br w:type=\"page\"/></w:r></w:p>");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::string> seen;
  for (const Block& b : r->blocks) {
    seen.push_back(b.kind == BlockKind::kPageBreak ? "<break>" : b.text);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"trang một", "<break>", "trang hai", "<break>",
                                            "trang ba", "vẫn trang ba", "cuối"}));
}

TEST(DocxReaderTest, NumberingFormatsLevelsAndOverrides) {
  std::string numbering =
      "<w:numbering " + std::string(kWordNs) +
      ">"
      "<w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
      "<w:lvlText w:val=\"%1.\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.%2.\"/><w:isLgl/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
      "<w:lvlText w:val=\"%3)\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
      "<w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"4\"/></w:lvlOverride></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "</w:numbering>";
  auto item = [](int num, int level, const char* text) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
           "\"/><w:numId w:val=\"" + std::to_string(num) + "\"/></w:numPr></w:pPr><w:r><w:t>" +
           text + "</w:t></w:r></w:p>";
  };
  std::string body = item(1, 0, "a") + item(1, 1, "b") + item(1, 1, "c") + item(1, 2, "d") +
                     item(1, 2, "e") + item(1, 0, "f") + item(1, 1, "g") + item(2, 0, "h") +
                     item(3, 0, "i") + item(9, 0, "j") + item(0, 0, "k");
  auto r = ReadBody(body, {{"word/numbering.xml", numbering}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::string> labels;
  for (const Block& b : r->blocks) labels.push_back(b.list_label);
  EXPECT_EQ(labels, (std::vector<std::string>{"I.", "1.1.", "1.2.", "a)", "b)", "II.", "2.1.",
                                              "IV.", "•", "", ""}));
}

TEST(DocxReaderTest, StylesGiveBoldCentredAndHeadings) {
  std::string styles =
      "<w:styles " + std::string(kWordNs) +
      ">"
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\"/></w:rPr>"
      "</w:rPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/>"
      "</w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Base\"><w:name w:val=\"Base\"/><w:pPr>"
      "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Derived\"><w:name w:val=\"Derived\"/>"
      "<w:basedOn w:val=\"Base\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"u1\"><w:name w:val=\"heading 2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:basedOn w:val=\"Loop\"/></w:style>"
      "<w:style w:type=\"character\" w:styleId=\"Em\"><w:rPr><w:i/></w:rPr></w:style>"
      "</w:styles>";
  auto r = ReadBody(
      "<w:p><w:pPr><w:pStyle w:val=\"Derived\"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Derived\"/></w:pPr><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr>"
      "<w:t>không đậm</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"u1\"/></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Loop\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"Em\"/>"
      "</w:rPr><w:t>nghiêng</w:t></w:r></w:p>",
      {{"word/styles.xml", styles}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->blocks.size(), 4u);
  EXPECT_TRUE(r->blocks[0].bold);
  EXPECT_TRUE(r->blocks[0].centered);
  EXPECT_FALSE(r->blocks[1].bold);
  EXPECT_EQ(r->blocks[2].kind, BlockKind::kHeading);
  EXPECT_EQ(r->blocks[2].heading_level, 2);
  EXPECT_TRUE(r->blocks[3].italic);
}

TEST(DocxReaderTest, MergedAndNestedCells) {
  auto r = ReadBody(
      "<w:tbl>"
      "<w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>BC</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>D</w:t></w:r></w:p>"
      "</w:tc></w:tr>"
      "<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"
      "<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
      "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
      "</w:tbl>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>T2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->blocks.size(), 3u);  // the empty row is dropped
  EXPECT_EQ(r->blocks[0].cells, (std::vector<std::string>{"A", "BC", "D"}));
  EXPECT_EQ(r->blocks[0].table_index, 0);
  EXPECT_EQ(r->blocks[1].cells, (std::vector<std::string>{"1", "2\nx | y", "3", "D"}));
  EXPECT_EQ(r->blocks[1].text, "1 | 2\nx | y | 3 | D");
  EXPECT_EQ(r->blocks[2].table_index, 1);
}

TEST(DocxReaderTest, LegacyFontsAndNormalisation) {
  auto r = ReadBody(
      // TCVN3 "Hà Nội" as Word stores it: the Windows-1252 characters of the bytes.
      "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/></w:rPr>"
      "<w:t>H\xC2\xB5 N\xC3\xA9i</w:t></w:r></w:p>"
      // .VnTimeH: capitals typed as lower-case codes.
      "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTimeH\"/></w:rPr><w:t>k\xC3\x95 "
      "ho\xC2\xB9\x63h</w:t>"
      "</w:r></w:p>"
      // VNI-Windows "Việt Nam": base letters followed by mark bytes.
      "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"VNI-Times\"/></w:rPr><w:t>Vie\xC3\xA4t Nam</w:t>"
      "</w:r></w:p>"
      // Decomposed Unicode in a Unicode font becomes NFC.
      "<w:p><w:r><w:t>Vie\xCC\x82\xCC\xA3t</w:t></w:r></w:p>");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->blocks.size(), 4u);
  EXPECT_EQ(r->blocks[0].text, "Hà Nội");
  EXPECT_EQ(r->blocks[1].text, "KẾ HOẠCH");
  EXPECT_EQ(r->blocks[2].text, "Việt Nam");
  EXPECT_EQ(r->blocks[3].text, "Việt");
  EXPECT_EQ(r->encoding, "utf-8+tcvn3+vni-windows");
}

TEST(DocxReaderTest, HeadersAndFootersAreSeparateRegions) {
  auto r = ReadBody(
      "<w:p><w:r><w:t>thân</w:t></w:r></w:p>",
      {{"word/header1.xml",
        "<w:hdr " + std::string(kWordNs) + "><w:p><w:r><w:t>đầu trang</w:t></w:r></w:p></w:hdr>"},
       {"word/footer2.xml",
        "<w:ftr " + std::string(kWordNs) + "><w:p><w:r><w:t>Trang 2</w:t></w:r></w:p></w:ftr>"},
       {"word/footer1.xml",
        "<w:ftr " + std::string(kWordNs) + "><w:p><w:r><w:t>Trang 1</w:t></w:r></w:p></w:ftr>"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->blocks.size(), 4u);
  EXPECT_EQ(r->blocks[0].region, BlockRegion::kPageHeader);
  EXPECT_EQ(r->blocks[1].region, BlockRegion::kBody);
  EXPECT_EQ(r->blocks[2].text, "Trang 1");
  EXPECT_EQ(r->blocks[2].region, BlockRegion::kPageFooter);
  EXPECT_EQ(r->blocks[3].text, "Trang 2");
}

// --- limits and broken files ---

TEST(DocxLimitsTest, DeclaredHugeEntryIsRefusedBeforeInflating) {
  std::string bomb =
      testing::BuildZipWithDeclaredSize({{"word/document.xml", "<w:document/>"}}, 0xF0000000u);
  // Refused from the central directory alone (no timing assertion: see docs/style.md).
  auto r = ReadDocxDocument(bomb, "report.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(),
            "report.docx: word/document.xml: unpacked size 3.8 GB is over the 200 MB limit");
}

TEST(DocxLimitsTest, SumOfDeclaredSizesIsLimited) {
  std::string bomb = testing::BuildZipWithDeclaredSize(
      {{"word/document.xml", "a"}, {"word/styles.xml", "b"}, {"word/numbering.xml", "c"}},
      90u << 20);
  auto r = ReadDocxDocument(bomb, "report.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_NE(r.status().message().find("report.docx: unpacked size of all entries (270 MB"),
            std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("over the 200 MB limit"), std::string::npos);
}

TEST(DocxLimitsTest, RealZipBombAgainstASmallLimit) {
  std::string zeros(8u << 20, '\0');
  std::string bomb = testing::BuildZip({{"word/document.xml", zeros}});
  EXPECT_LT(bomb.size(), 64u << 10);
  ReaderLimits limits;
  limits.max_docx_unpacked_bytes = 1u << 20;
  auto r = ReadDocxDocument(bomb, "bomb.docx", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(),
            "bomb.docx: word/document.xml: unpacked size 8 MB is over the 1 MB limit");
}

TEST(DocxLimitsTest, EntryThatInflatesPastItsDeclaredSize) {
  std::string zip = testing::BuildZip({{"word/document.xml", std::string(1u << 20, 'x')}});
  auto r = ReadDocxDocument(testing::PatchUncompressedSizes(zip, 1000), "liar.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(),
            "liar.docx: word/document.xml: inflates past its declared size of 1000 bytes "
            "(a corrupt or hostile archive)");
}

TEST(DocxLimitsTest, TooManyEntries) {
  testing::ZipEntries entries;
  for (int i = 0; i < 20; ++i) entries.emplace_back("f" + std::to_string(i), "x");
  ReaderLimits limits;
  limits.max_docx_entries = 10;
  auto r = ReadDocxDocument(testing::BuildZip(entries), "many.docx", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(), "many.docx: 20 entries is over the limit of 10 entries");
}

TEST(DocxLimitsTest, InputSize) {
  ReaderLimits limits;
  limits.max_input_bytes = 100;
  auto r = ReadDocxDocument(std::string(200, 'x'), "big.docx", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(r.status().message(), "big.docx: file size 200 bytes is over the 100 bytes limit");
}

TEST(DocxCorruptTest, TruncatedArchive) {
  auto r = ReadDocxDocument(ReadFixture("truncated.docx"), "truncated.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().rfind("truncated.docx: not a ZIP archive", 0), 0u)
      << r.status().message();
}

TEST(DocxCorruptTest, NotAZip) {
  auto r = ReadDocxDocument(ReadFixture("not_a_zip.docx"), "not_a_zip.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().rfind("not_a_zip.docx: not a ZIP archive", 0), 0u)
      << r.status().message();
}

TEST(DocxCorruptTest, ZipWithoutDocument) {
  auto r = ReadDocxDocument(testing::BuildZip({{"content.xml", "<x/>"}}), "odt.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "odt.docx: no word/document.xml in the archive (a ZIP file, but not a Word document)");
}

TEST(DocxCorruptTest, MalformedXml) {
  auto r = ReadDocxDocument(testing::BuildZip({{"word/document.xml", "<w:document><w:body>"}}),
                            "bad.docx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().rfind("bad.docx: word/document.xml: XML error at byte", 0), 0u)
      << r.status().message();
  // A broken numbering part only costs the labels.
  auto lenient =
      ReadBody("<w:p><w:r><w:t>x</w:t></w:r></w:p>", {{"word/numbering.xml", "<w:numbering"}});
  ASSERT_TRUE(lenient.ok()) << lenient.status().ToString();
  ASSERT_EQ(lenient->warnings.size(), 1u);
  EXPECT_EQ(lenient->warnings[0].message.rfind("word/numbering.xml: XML error", 0), 0u);
  EXPECT_EQ(lenient->warnings[0].code, "docx_part_ignored");
}

TEST(DocxCorruptTest, DeepNestingDoesNotOverflow) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += "<w:tbl><w:tr><w:tc>";
  body += "<w:p><w:r><w:t>sâu</w:t></w:r></w:p>";
  for (int i = 0; i < 5000; ++i) body += "</w:tc></w:tr></w:tbl>";
  auto r = ReadBody(body);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

}  // namespace
}  // namespace lienthong
