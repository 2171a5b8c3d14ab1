// The roll-up (core/rollup.h) as an XLSX workbook and as the "one row per child" table a báo cáo
// carries: sheet "Tổng hợp" (a row per child unit, the total last, notes on missing and late
// units) and sheet "Cách tính" (each indicator's method, value and formula). Every heading and
// method name is Vietnamese; numbers are number cells, shown by the reader's locale, and numbers
// inside text (formulas, notes) are written 1.234,5; dates dd/mm/yyyy.
#pragma once

#include <vector>

#include "core/rollup.h"
#include "export/report_document.h"
#include "export/xlsx_writer.h"

namespace lienthong {

// Children as rows, the subtree's total last, a note per missing and late unit listed.
RollupTable RollupTableOf(const Rollup& rollup);
// The two sheets, ready for WriteXlsx.
std::vector<XlsxSheet> RollupWorkbook(const Rollup& rollup);

}  // namespace lienthong
