// Ruled tables read off a rendered page (ruled_tables.h) and laid out as table rows
// (page_layout.h), on pages drawn by hand: a 3-column task table with a group row merged across
// it, text lines and a filled box that are no rules.
#include "import/pdf/ruled_tables.h"

#include <gtest/gtest.h>

#include "import/testing/placed_words.h"

#include "import/pdf/page_layout.h"

namespace lienthong {
namespace {

constexpr double kWidth = 595, kHeight = 842;

GrayImage Blank() {
  GrayImage img;
  img.width = 595;
  img.height = 842;
  img.bytes_per_line = 595;
  img.dpi = 72;
  img.pixels.assign(static_cast<size_t>(img.width) * img.height, 255);
  return img;
}

void HLine(GrayImage* img, int y, int x0, int x1) {
  for (int x = x0; x <= x1; ++x) img->pixels[static_cast<size_t>(y) * img->bytes_per_line + x] = 0;
}

void VLine(GrayImage* img, int x, int y0, int y1) {
  for (int y = y0; y <= y1; ++y) img->pixels[static_cast<size_t>(y) * img->bytes_per_line + x] = 0;
}

// Rows at y 100–130 (header), 130–160 (a group row merged across), 160–220 (a task).
// Columns at x 60, 100, 400, 540.
GrayImage TablePage() {
  GrayImage img = Blank();
  for (int y : {100, 130, 160, 220}) HLine(&img, y, 60, 540);
  for (int x : {60, 540}) VLine(&img, x, 100, 220);
  VLine(&img, 100, 100, 220);
  VLine(&img, 400, 100, 130);  // the group row (130–160) has no rule at 400
  VLine(&img, 400, 160, 220);
  // Not rules: a filled box, a short underline, text-like specks.
  for (int y = 300; y < 330; ++y) HLine(&img, y, 60, 300);
  HLine(&img, 400, 200, 230);
  for (int x = 60; x < 500; x += 7) VLine(&img, x, 450, 460);
  return img;
}

TEST(PdfRuledTablesTest, RowsAndTheColumnsThatCrossThem) {
  const std::vector<RuledTable> tables = FindRuledTables(TablePage(), kWidth, kHeight);
  ASSERT_EQ(tables.size(), 1u);
  const RuledTable& t = tables[0];
  EXPECT_NEAR(t.x0, 60, 1.5);
  EXPECT_NEAR(t.x1, 541, 1.5);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].columns.size(), 4u);  // three cells
  EXPECT_EQ(t.rows[1].columns.size(), 3u);  // the merged group row: two cells
  EXPECT_EQ(t.rows[2].columns.size(), 4u);
  EXPECT_NEAR(t.rows[2].y0, 160.5, 1.5);
  EXPECT_NEAR(t.rows[2].y1, 220.5, 1.5);
}

TEST(PdfRuledTablesTest, TwoRulesAndNoColumnsAreNoTable) {
  GrayImage img = Blank();
  HLine(&img, 100, 60, 540);  // the rule under a header, and another further down
  HLine(&img, 500, 60, 540);
  EXPECT_TRUE(FindRuledTables(img, kWidth, kHeight).empty());
}

void AddWords(PageText* page, std::string_view text, double x, double y) {
  for (PositionedWord& w : testing::PlacedWords(text, x, y)) page->words.push_back(std::move(w));
}

TEST(PdfRuledTablesTest, CellsReadAsTableRowsWithWrappedLinesJoined) {
  PageText page;
  page.width = kWidth;
  page.height = kHeight;
  AddWords(&page, "PHỤ LỤC", 250, 70);
  AddWords(&page, "TT", 70, 110);
  AddWords(&page, "Nội dung", 110, 110);
  AddWords(&page, "Chủ trì", 410, 110);
  AddWords(&page, "I", 70, 140);
  AddWords(&page, "NHÓM NHIỆM VỤ TUYÊN TRUYỀN", 110, 140);
  AddWords(&page, "1", 70, 170);
  AddWords(&page, "Tổ chức tuyên truyền trên", 110, 165);
  AddWords(&page, "loa truyền thanh", 110, 180);
  AddWords(&page, "- Họp báo;", 110, 195);
  AddWords(&page, "Sở Văn hóa", 410, 170);
  AddWords(&page, "Nơi nhận:", 60, 300);
  page.tables = FindRuledTables(TablePage(), kWidth, kHeight);
  const std::vector<Block> blocks = LayoutPages({page});
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].text, "PHỤ LỤC");
  EXPECT_EQ(blocks[1].cells, (std::vector<std::string>{"TT", "Nội dung", "Chủ trì"}));
  EXPECT_EQ(blocks[2].cells, (std::vector<std::string>{"I", "NHÓM NHIỆM VỤ TUYÊN TRUYỀN"}));
  EXPECT_EQ(blocks[3].cells,
            (std::vector<std::string>{"1", "Tổ chức tuyên truyền trên loa truyền thanh\n- Họp báo;",
                                      "Sở Văn hóa"}));
  EXPECT_EQ(blocks[3].table_index, blocks[1].table_index);
  EXPECT_EQ(blocks[4].text, "Nơi nhận:");  // after the table, as a line again
}

}  // namespace
}  // namespace lienthong
