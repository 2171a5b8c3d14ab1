// Unit tests for the layout rebuild (line_builder, column_blocks, page_furniture, page_layout)
// on hand-placed words, so each rule can be seen at work without a PDF.
#include "import/pdf/page_layout.h"

#include <gtest/gtest.h>

#include "import/testing/placed_words.h"

#include "import/pdf/column_blocks.h"
#include "import/pdf/line_builder.h"
#include "import/pdf/page_furniture.h"

namespace lienthong {
namespace {

constexpr double kWidth = 595, kHeight = 842;

std::vector<PositionedWord> Words(std::string_view text, double x, double y, bool bold = false) {
  return testing::PlacedWords(text, x, y, bold);
}

void Add(PageText* page, std::vector<PositionedWord> words) {
  for (PositionedWord& w : words) page->words.push_back(std::move(w));
}

PageText Page() {
  PageText page;
  page.width = kWidth;
  page.height = kHeight;
  return page;
}

// A page 1 laid out like a commune's plan.
PageText PlanPage() {
  PageText page = Page();
  // Drawn right column first, as PDF producers often do.
  Add(&page, Words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60, true));
  Add(&page, Words("Độc lập - Tự do - Hạnh phúc", 330, 76, true));
  Add(&page, Words("Xã Hòa Bình, ngày 05 tháng 9 năm 2025", 310, 100));
  Add(&page, Words("ỦY BAN NHÂN DÂN", 110, 61));
  Add(&page, Words("XÃ HÒA BÌNH", 125, 77, true));
  Add(&page, Words("Số: 15/KH-UBND", 115, 100));
  Add(&page, Words("KẾ HOẠCH", 280, 140, true));
  Add(&page,
      Words("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 và", 85, 170));
  Add(&page,
      Words("các văn bản hướng dẫn thi hành, Ủy ban nhân dân xã ban hành Kế hoạch", 85, 190));
  for (int i = 0; i < 25; ++i) {
    Add(&page, Words("Nội dung kế hoạch được trình bày trên nhiều dòng của trang giấy này", 85,
                     210 + 20 * i));
  }
  // The signature block closes the text.
  Add(&page, Words("Nơi nhận:", 85, 720, true));
  Add(&page, Words("TM. ỦY BAN NHÂN DÂN", 360, 720, true));
  Add(&page, Words("- Các thôn;", 85, 736));
  Add(&page, Words("CHỦ TỊCH", 390, 736, true));
  Add(&page, Words("- Lưu: VT.", 85, 752));
  Add(&page, Words("Trần Văn An", 380, 800, true));
  Add(&page, Words("Trang 1", 280, 820));
  return page;
}

TEST(PdfLineBuilderTest, GroupsByBaselineAndOrdersLeftToRight) {
  std::vector<PositionedWord> words = Words("phải trái", 300, 100);
  std::swap(words[0].x0, words[1].x0);
  std::swap(words[0].x1, words[1].x1);
  PositionedWord tall = Words("Lớn", 200, 96)[0];
  tall.y1 = 116;  // a bigger font on the same baseline
  words.push_back(tall);
  for (PositionedWord& w : Words("dòng sau", 200, 118)) words.push_back(w);
  std::vector<TextLine> lines = BuildLines(words);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(JoinWords(lines[0].words, 0, lines[0].words.size()), "Lớn trái phải");
  EXPECT_EQ(JoinWords(lines[1].words, 0, lines[1].words.size()), "dòng sau");
}

TEST(PdfLineBuilderTest, FragmentsOfOneWordJoinWithoutSpace) {
  std::vector<PositionedWord> words = Words("Số: 15", 100, 100);
  words[0].space_after = false;
  words[0].text = "Số:";
  words[1].x0 = words[0].x1 + 0.3;
  std::vector<TextLine> lines = BuildLines(words);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(JoinWords(lines[0].words, 0, 2), "Số:15");
}

TEST(PdfColumnBlocksTest, HeaderAndSignatureBecomeTwoColumns) {
  std::vector<Block> blocks = LayoutPages({PlanPage()});
  ASSERT_GE(blocks.size(), 6u);
  EXPECT_EQ(blocks[0].kind, BlockKind::kTableRow);
  EXPECT_EQ(blocks[0].cells,
            (std::vector<std::string>{"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}));
  EXPECT_EQ(blocks[1].cells,
            (std::vector<std::string>{"XÃ HÒA BÌNH", "Độc lập - Tự do - Hạnh phúc"}));
  EXPECT_TRUE(blocks[1].bold);
  EXPECT_EQ(blocks[2].text, "Số: 15/KH-UBND | Xã Hòa Bình, ngày 05 tháng 9 năm 2025");
  EXPECT_EQ(blocks[3].kind, BlockKind::kParagraph);
  EXPECT_EQ(blocks[3].text, "KẾ HOẠCH");
  EXPECT_TRUE(blocks[3].centered);
  EXPECT_FALSE(blocks[4].centered);
  EXPECT_EQ(blocks[0].table_index, 0);

  std::vector<const Block*> signature;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kTableRow && b.table_index == 1) signature.push_back(&b);
  }
  ASSERT_EQ(signature.size(), 4u);
  EXPECT_EQ(signature[0]->cells, (std::vector<std::string>{"Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"}));
  EXPECT_EQ(signature[1]->cells, (std::vector<std::string>{"- Các thôn;", "CHỦ TỊCH"}));
  EXPECT_EQ(signature[2]->cells, (std::vector<std::string>{"- Lưu: VT.", ""}));
  EXPECT_EQ(signature[3]->cells, (std::vector<std::string>{"", "Trần Văn An"}));
  EXPECT_EQ(blocks.back().text, "Trang 1");
  EXPECT_EQ(blocks.back().region, BlockRegion::kPageFooter);
}

TEST(PdfColumnBlocksTest, CentredTitleEndsTheHeaderBlock) {
  PageText page = Page();
  Add(&page, Words("ỦY BAN NHÂN DÂN", 110, 60));
  Add(&page, Words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60));
  Add(&page, Words("V/v tổ chức Ngày hội", 100, 80));
  Add(&page, Words("KẾ HOẠCH", 263, 100));
  Add(&page,
      Words("Dòng nội dung chạy hết chiều rộng của vùng văn bản trên trang này nhé", 85, 120));
  std::vector<TextLine> lines = BuildLines(page.words);
  std::vector<ColumnBlock> blocks = FindColumnBlocks(lines, kWidth, kHeight, true);
  ASSERT_EQ(blocks.size(), 1u);
  ASSERT_EQ(blocks[0].rows.size(), 2u);
  EXPECT_EQ(blocks[0].rows[1].split, lines[1].words.size());  // left cell only
}

// A body line under the header, so the text area is a page's.
void AddBodyLine(PageText* page, double y) {
  Add(page, Words("Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân", 85, y));
}

std::vector<std::vector<std::string>> HeaderCells(const std::vector<Block>& blocks) {
  std::vector<std::vector<std::string>> rows;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kTableRow && b.table_index == 0) rows.push_back(b.cells);
  }
  return rows;
}

TEST(PdfColumnBlocksTest, PartyStarBesideThePlaceAndDateStaysInTheLeftCell) {
  PageText page = Page();
  Add(&page, Words("ĐẢNG BỘ TỈNH SÔNG LAM", 100, 60));
  Add(&page, Words("ĐẢNG CỘNG SẢN VIỆT NAM", 320, 60, true));
  Add(&page, Words("ĐẢNG ỦY XÃ BÌNH AN", 108, 78, true));
  Add(&page, Words("*", 160, 100));  // level with the date: the line would cross without it
  Add(&page, Words("Bình An, ngày 20 tháng 02 năm 2026", 300, 100));
  Add(&page, Words("Số 45-KH/ĐU", 125, 118));
  Add(&page, Words("KẾ HOẠCH", 270, 150, true));
  AddBodyLine(&page, 180);
  EXPECT_EQ(HeaderCells(LayoutPages({page})),
            (std::vector<std::vector<std::string>>{
                {"ĐẢNG BỘ TỈNH SÔNG LAM", "ĐẢNG CỘNG SẢN VIỆT NAM"},
                {"ĐẢNG ỦY XÃ BÌNH AN", ""},
                {"*", "Bình An, ngày 20 tháng 02 năm 2026"},
                {"Số 45-KH/ĐU", ""}}));
}

TEST(PdfColumnBlocksTest, FirstWideGapBelowTheIssuerAndNumber) {
  // A scan: the issuer nearly touches the motto, a stamp's remnant sits between the columns of
  // the second line, and the first wide gap is on the V/v line beside the date.
  PageText page = Page();
  Add(&page, Words("UBND THÀNH PHỐ HUẾ", 100, 60));
  Add(&page, Words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 212, 60, true));
  Add(&page, Words("SỞ NỘI VỤ", 130, 78, true));
  Add(&page, Words("quả", 200, 78));
  Add(&page, Words("Độc lập - Tự do - Hạnh phúc", 250, 78, true));
  Add(&page, Words("Số: 1520/SNV-VP", 110, 96));
  Add(&page, Words("V/v rà soát", 120, 114));
  Add(&page, Words("Huế, ngày 07 tháng 4 năm 2026", 330, 114));
  Add(&page, Words("vị trí việc làm", 125, 132));
  AddBodyLine(&page, 170);
  EXPECT_EQ(HeaderCells(LayoutPages({page})),
            (std::vector<std::vector<std::string>>{
                {"UBND THÀNH PHỐ HUẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
                {"SỞ NỘI VỤ quả", "Độc lập - Tự do - Hạnh phúc"},  // the widest gap is the column gap
                {"Số: 1520/SNV-VP", ""},
                {"V/v rà soát", "Huế, ngày 07 tháng 4 năm 2026"},
                {"vị trí việc làm", ""}}));
}

TEST(PdfColumnBlocksTest, WrappedIssuerAboveTheMottoKeepsToItsColumn) {
  // A party header whose issuer wraps ("BAN CHẤP HÀNH TRUNG" / "ƯƠNG"): the Party name sits level
  // with the second line, so the first line is above the first split line, and its last word
  // reaches into the gap between the columns without reaching the right column.
  PageText page = Page();
  Add(&page, Words("BAN CHẤP HÀNH TRUNG", 100, 60));
  Add(&page, Words("ƯƠNG", 140, 78));
  Add(&page, Words("ĐẢNG CỘNG SẢN VIỆT NAM", 330, 80, true));
  Add(&page, Words("Số 221-KL/TW", 120, 110));
  Add(&page, Words("Hà Nội, ngày 28 tháng 11 năm 2025", 320, 112));
  AddBodyLine(&page, 170);
  EXPECT_EQ(HeaderCells(LayoutPages({page})),
            (std::vector<std::vector<std::string>>{
                {"BAN CHẤP HÀNH TRUNG", ""},
                {"ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM"},
                {"Số 221-KL/TW", "Hà Nội, ngày 28 tháng 11 năm 2025"}}));
}

TEST(PdfColumnBlocksTest, TableRowsInTheMiddleOfAPageStayLines) {
  PageText page = Page();
  for (int i = 0; i < 20; ++i) {
    Add(&page, Words("Nội dung kế hoạch được trình bày trên nhiều dòng của trang giấy này", 85,
                     60 + 20 * i));
  }
  for (int i = 0; i < 3; ++i) {
    Add(&page, Words("Tuyên truyền trên loa", 85, 480 + 20 * i));
    Add(&page, Words("Trước ngày 10/11", 400, 480 + 20 * i));
  }
  for (int i = 0; i < 5; ++i) {
    Add(&page, Words("Nội dung kế hoạch được trình bày trên nhiều dòng của trang giấy này", 85,
                     560 + 20 * i));
  }
  std::vector<TextLine> lines = BuildLines(page.words);
  EXPECT_TRUE(FindColumnBlocks(lines, kWidth, kHeight, false).empty());
}

TEST(PdfColumnBlocksTest, SignatureOnBaselinesOfItsOwnIsSplitByHalves) {
  // The recipients in 12 pt and the signature in 14 pt never share a baseline, except where a
  // recipient's line meets the signer's name: no line has a wide column gap of its own.
  PageText page = Page();
  for (int i = 0; i < 10; ++i) {
    Add(&page, Words("Nội dung kế hoạch được trình bày trên nhiều dòng của trang giấy này", 85,
                     60 + 20 * i));
  }
  Add(&page, Words("Nơi nhận:", 85, 300, true));
  Add(&page, Words("- Như Điều 3;", 85, 316));
  Add(&page, Words("KT. BỘ TRƯỞNG", 380, 325, true));
  Add(&page, Words("- Văn phòng Chính phủ;", 85, 342));
  Add(&page, Words("THỨ TRƯỞNG", 390, 351, true));
  Add(&page, Words("- Các Bộ: Tài chính,", 85, 368));
  Add(&page, Words("Công an; Tạ Quang Đông", 85, 420));
  page.words.back().x0 = 385;  // "Đông": the name sits right, on the recipient's baseline
  page.words.back().x1 = 415;
  page.words[page.words.size() - 2].x0 = 350;
  page.words[page.words.size() - 2].x1 = 380;
  page.words[page.words.size() - 3].x0 = 320;
  page.words[page.words.size() - 3].x1 = 338;
  std::vector<TextLine> lines = BuildLines(page.words);
  const std::vector<ColumnBlock> blocks = FindColumnBlocks(lines, kWidth, kHeight, false);
  ASSERT_EQ(blocks.size(), 1u);
  ASSERT_EQ(blocks[0].rows.size(), 7u);
  EXPECT_EQ(blocks[0].rows[0].line, 10u);                         // "Nơi nhận:" starts it
  EXPECT_EQ(blocks[0].rows[0].split, lines[10].words.size());      // left only
  EXPECT_EQ(blocks[0].rows[2].split, 0u);                          // "KT. BỘ TRƯỞNG": right only
  EXPECT_EQ(JoinWords(lines[16].words, 0, blocks[0].rows[6].split), "Công an;");
}

TEST(PdfColumnBlocksTest, ClosingBlockGoesOnAtTheTopOfTheNextPage) {
  // "Nơi nhận: … T/M BAN BÍ THƯ" ends page 1; the recipients and the signer's name open page 2.
  PageText first = Page();
  for (int i = 0; i < 10; ++i) {
    Add(&first, Words("Nội dung kế hoạch được trình bày trên nhiều dòng của trang giấy này", 85,
                      60 + 20 * i));
  }
  Add(&first, Words("Nơi nhận:", 85, 300, true));
  Add(&first, Words("T/M BAN BÍ THƯ", 380, 300, true));
  PageText second = Page();
  Add(&second, Words("- Các tỉnh ủy, thành ủy,", 85, 60));
  Add(&second, Words("- Các ban đảng,", 85, 76));
  Add(&second, Words("Trần Cẩm Tú", 390, 92, true));
  Add(&second, Words("- Lưu Văn phòng.", 85, 108));
  const std::vector<Block> blocks = LayoutPages({first, second});
  std::vector<const Block*> closing;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kTableRow) closing.push_back(&b);
  }
  ASSERT_EQ(closing.size(), 5u);
  EXPECT_EQ(closing[0]->cells, (std::vector<std::string>{"Nơi nhận:", "T/M BAN BÍ THƯ"}));
  EXPECT_EQ(closing[3]->cells, (std::vector<std::string>{"", "Trần Cẩm Tú"}));
  EXPECT_EQ(closing[1]->table_index, closing[0]->table_index);  // one table across the break

  // The signature all on page 1, the recipients going on alone on page 2.
  PageText signed_first = first;
  Add(&signed_first, Words("- Bộ Nội vụ;", 85, 316));
  Add(&signed_first, Words("Trần Cẩm Tú", 390, 316, true));
  PageText rest = Page();
  Add(&rest, Words("- Các sở, ban, ngành;", 85, 60));
  Add(&rest, Words("- Lưu: VT.", 85, 76));
  const std::vector<Block> again = LayoutPages({signed_first, rest});
  std::vector<const Block*> rows;
  for (const Block& b : again) {
    if (b.kind == BlockKind::kTableRow) rows.push_back(&b);
  }
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3]->cells, (std::vector<std::string>{"- Lưu: VT.", ""}));
  EXPECT_EQ(rows[3]->table_index, rows[0]->table_index);
}

TEST(PdfColumnBlocksTest, ClosingBlockGoesOnAtTheRightColumnOfThePageBefore) {
  // On the next page a recipient runs past the page's middle (a wide left column) but stops
  // before where the right column started on the page before; a recipient's wrapped end shares a
  // baseline with the signer's name; the page's footnote, under its rule, is not in the block.
  PageText first = Page();
  for (int i = 0; i < 10; ++i) {
    Add(&first, Words("Nội dung kế hoạch được trình bày trên nhiều dòng của trang giấy này", 85,
                      60 + 20 * i));
  }
  Add(&first, Words("Nơi nhận:", 85, 300, true));
  Add(&first, Words("K/T CHÁNH VĂN PHÒNG", 380, 300, true));
  Add(&first, Words("PHÓ CHÁNH VĂN PHÒNG", 370, 316, true));
  PageText second = Page();
  Add(&second, Words("- Các tỉnh ủy, thành ủy, đảng ủy trực", 85, 60));  // ends at 310
  Add(&second, Words("- Các đồng chí Ủy viên Trung", 85, 76));
  Add(&second, Words("ương Đảng,", 85, 92));
  Add(&second, Words("Lê Văn Ba", 400, 92, true));
  Add(&second, Words("- Lưu Văn phòng.", 85, 108));
  Add(&second, Words("__________", 85, 700));
  Add(&second, Words("[1] Gồm các đồng chí Ủy viên Trung ương và các cơ quan có liên quan đến", 85, 716));
  const std::vector<Block> blocks = LayoutPages({first, second});
  std::vector<const Block*> rows;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kTableRow) rows.push_back(&b);
  }
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[2]->cells, (std::vector<std::string>{"- Các tỉnh ủy, thành ủy, đảng ủy trực", ""}));
  EXPECT_EQ(rows[4]->cells, (std::vector<std::string>{"ương Đảng,", "Lê Văn Ba"}));
  EXPECT_EQ(rows[5]->table_index, rows[0]->table_index);

  // A block that ends its page with the signer's name does not take in the appendix after it.
  PageText ends = Page();
  Add(&ends, Words("- Các sở, ban, ngành;", 85, 60));
  Add(&ends, Words("- Các xã, phường;", 85, 76));
  Add(&ends, Words("- Văn phòng Tỉnh ủy;", 85, 92));
  Add(&ends, Words("PHÓ TRƯỞNG BAN", 400, 92, true));
  Add(&ends, Words("- Lưu: VT.", 85, 108));
  Add(&ends, Words("Lê Văn Ba", 400, 108, true));
  PageText appendix = Page();
  Add(&appendix, Words("PHỤ LỤC", 270, 60, true));
  Add(&appendix, Words("DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026", 110, 76, true));
  Add(&appendix, Words("(Kèm theo Quyết định số 15/QĐ-UBND ngày 02/3/2026)", 150, 92));
  const std::vector<Block> with_appendix = LayoutPages({first, ends, appendix});
  int closing_rows = 0;
  bool appendix_is_text = false;
  for (const Block& b : with_appendix) {
    if (b.kind == BlockKind::kTableRow) ++closing_rows;
    if (b.kind != BlockKind::kTableRow && b.text == "PHỤ LỤC") appendix_is_text = true;
  }
  EXPECT_EQ(closing_rows, 4);  // 2 on page 1, 2 at the end of page 2
  EXPECT_TRUE(appendix_is_text);
}

TEST(PdfPageFurnitureTest, PageNumbers) {
  for (const char* text : {"3", "- 3 -", "– 12 –", "Trang 2", "trang 2/7", "Page 3 of 7", "(4)"}) {
    EXPECT_TRUE(LooksLikePageNumber(text)) << text;
  }
  for (const char* text : {"", "2025.", "Điều 3", "1. Mục đích", "3 tháng", "12345"}) {
    EXPECT_FALSE(LooksLikePageNumber(text)) << text;
  }
}

TEST(PdfPageFurnitureTest, RepeatedRunningHeaderAcrossPages) {
  std::vector<PageText> pages;
  for (int p = 0; p < 3; ++p) {
    PageText page = Page();
    Add(&page,
        Words("Kế hoạch số 15/KH-UBND ngày 05/9/2025 - bản " + std::to_string(p + 1), 85, 30));
    for (int i = 0; i < 10; ++i) {
      Add(&page,
          Words("Nội dung số " + std::to_string(10 * p + i) + " của trang", 85, 120 + 20 * i));
    }
    pages.push_back(page);
  }
  std::vector<Block> blocks = LayoutPages(pages);
  int headers = 0, breaks = 0;
  for (const Block& b : blocks) {
    if (b.region == BlockRegion::kPageHeader) {
      ++headers;
      EXPECT_EQ(b.pos.line, 1);
    }
    breaks += b.kind == BlockKind::kPageBreak;
  }
  EXPECT_EQ(headers, 3);
  EXPECT_EQ(breaks, 2);
  EXPECT_EQ(blocks.back().pos.page, 3);
}

}  // namespace
}  // namespace lienthong
