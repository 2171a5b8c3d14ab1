// Task tables whose cells arrive one per line (Word's "save as text", a copy from a PDF or Word
// window). Fictional rows in the layout of a provincial appendix.
#include "import/parse/stacked_tables.h"

#include <gtest/gtest.h>

#include "import/testing/parsed_lines.h"

#include "import/parse/task_extractor.h"

namespace lienthong::parse {
namespace {

std::vector<Line> Lines(std::initializer_list<const char*> texts) { return testing::TextLines(texts); }

std::vector<std::string> Row(const Line& l) { return l.cells; }

TEST(ImportStackedTables, RowsAreCutAtNumbersThatFollowOn) {
  std::vector<Line> lines = Lines({
      "PHỤ LỤC", "TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp",
      "Thời gian hoàn thành", "Sản phẩm dự kiến",
      "I", "KIỆN TOÀN BỘ MÁY",
      "1", "Tổ chức lại Ban Chỉ huy cấp tỉnh", "Bộ CHQS tỉnh", "Các sở, ban, ngành",
      "Trước ngày 30/11/2025", "Quyết định",
      "II", "TRIỂN KHAI VĂN BẢN",
      "1", "Triển khai nội dung chi đặc thù", "Sở Tài chính", "Cơ quan liên quan", "Thường xuyên",
      "2", "Hướng dẫn thống kê", "cho các ngành", "Sở Tư pháp", "Các sở", "Quý II/2026",
      "Văn bản hướng dẫn",
      "Nơi nhận:"});
  RebuildStackedTables(&lines);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0].text, "PHỤ LỤC");
  EXPECT_EQ(Row(lines[1]), (std::vector<std::string>{"TT", "Nội dung thực hiện", "Cơ quan chủ trì",
                                                     "Cơ quan phối hợp", "Thời gian hoàn thành",
                                                     "Sản phẩm dự kiến"}));
  EXPECT_EQ(Row(lines[2]), (std::vector<std::string>{"I", "KIỆN TOÀN BỘ MÁY"}));
  EXPECT_EQ(Row(lines[3]).size(), 6u);
  EXPECT_EQ(Row(lines[5]), (std::vector<std::string>{"1", "Triển khai nội dung chi đặc thù", "Sở Tài chính",
                                                     "Cơ quan liên quan", "Thường xuyên"}));
  // "cho các ngành" starts in lower case: it goes on from the text cell.
  EXPECT_EQ(Row(lines[6])[1], "Hướng dẫn thống kê cho các ngành");
  EXPECT_EQ(Row(lines[6])[4], "Quý II/2026");
  // The last row ends after its cells: what follows is text again.
  EXPECT_FALSE(lines[7].IsTableRow());
  EXPECT_EQ(lines[7].text, "Nơi nhận:");

  const std::vector<ExtractedTask> tasks = ExtractTableTasks(lines);
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].task.group, "KIỆN TOÀN BỘ MÁY");
  ASSERT_EQ(tasks[0].task.lead.size(), 1u);
  EXPECT_EQ(tasks[0].task.lead[0].name, "Bộ CHQS tỉnh");
  EXPECT_EQ(tasks[1].task.group, "TRIỂN KHAI VĂN BẢN");
  EXPECT_EQ(tasks[2].task.deadline.original, "Quý II/2026");
}

TEST(ImportStackedTables, BodyLinesThatNameColumnsAreNoHeader) {
  // Short lines with the words of a header, but no number column first and no row after.
  std::vector<Line> lines = Lines({"Nội dung thực hiện", "Cơ quan chủ trì", "Thời gian hoàn thành",
                                   "Các sở thực hiện Kế hoạch này."});
  const std::vector<Line> before = lines;
  RebuildStackedTables(&lines);
  ASSERT_EQ(lines.size(), before.size());
  for (const Line& l : lines) EXPECT_FALSE(l.IsTableRow());
}

}  // namespace
}  // namespace lienthong::parse

namespace lienthong::parse {
namespace {

Line TableRow(std::vector<std::string> cells, int table) {
  Line row;
  row.kind = BlockKind::kTableRow;
  row.table_index = table;
  std::string text;
  for (const std::string& c : cells) text += (text.empty() ? "" : " | ") + c;
  row.cells = std::move(cells);
  row.SetText(text);
  return row;
}

TEST(ImportTableTasks, ATableContinuedOnTheNextPageKeepsItsGroup) {
  const std::vector<Line> lines = {
      TableRow({"TT", "Nội dung", "Chủ trì", "Thời gian"}, 0),
      TableRow({"I", "NHÓM TUYÊN TRUYỀN", "", ""}, 0),
      TableRow({"1", "Tổ chức hội nghị", "Sở Tư pháp", "Quý I/2026"}, 0),
      // The next page: the same table without its header row.
      TableRow({"2", "Phát hành tờ gấp", "Sở Văn hóa", "Quý II/2026"}, 1),
  };
  const std::vector<ExtractedTask> tasks = ExtractTableTasks(lines);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[1].task.group, "NHÓM TUYÊN TRUYỀN");
  EXPECT_EQ(tasks[1].task.deadline.original, "Quý II/2026");
}

}  // namespace
}  // namespace lienthong::parse
