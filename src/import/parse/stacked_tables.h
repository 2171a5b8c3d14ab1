// A task table whose cells arrive one per line: what Word's "save as text", a copy from a PDF or
// Word window, or a web page without table markup make of an appendix "phân công nhiệm vụ":
//
//     TT                        <- the header row, one label per line
//     Nội dung thực hiện
//     Cơ quan chủ trì
//     Cơ quan phối hợp
//     Thời gian hoàn thành
//     I                         <- a group row: its label, then its title
//     KIỆN TOÀN BỘ MÁY
//     1                         <- a task row: its number, then one line per cell
//     Tổ chức lại Ban Chỉ huy …
//     Bộ CHQS tỉnh
//     Các sở, ban, ngành
//     Trước ngày 30/11/2025
//
// The header is a run of three to eight short labels that name a number column first, a text
// column and a lead or deadline column (task_columns.h), and the line after it is a row number.
// Rows are cut at row numbers that follow on (1, 2, 3 …; a group's I, II …, after which the
// numbers may start again at 1). A row's lines fill its cells in order; when there are more lines
// than cells, a line that starts in lower case or with a list mark continues the cell before it,
// and the text cell takes what is still over. The last row ends after as many lines as it has
// cells. The lines are replaced by table rows, so the task extractor reads them as any table.
#pragma once

#include <vector>

#include "import/parse/parsed_line.h"

namespace lienthong::parse {

void RebuildStackedTables(std::vector<Line>* lines);

}  // namespace lienthong::parse
