// ReportToOfficialDocument: a unit's periodic report (core/report.h) as a báo cáo in the official
// layout. The body follows the usual outline of Vietnamese progress reports:
//   intro   "Thực hiện Kế hoạch số … ngày … của …, <reporter> báo cáo kết quả <period> như sau:"
//   I.  KẾT QUẢ THỰC HIỆN — 1. indicators table, 2. activities by theme × channel,
//       3. kết quả nổi bật, and for the roll-up report of a level 4. the children's table
//   II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN — 1. tồn tại, hạn chế, 2. nguyên nhân
//   III. BÀI HỌC KINH NGHIỆM, IV. ĐỀ XUẤT, KIẾN NGHỊ
// Parts without content are left out and the numbering closes up.
//
// RollupTable is the generic "one row per child unit" table the reports module fills for a
// level's roll-up; it renders both into the báo cáo (RollupToOfficialTable) and into a sheet
// (RollupToXlsxSheet).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/report.h"
#include "export/official_document.h"
#include "export/xlsx_writer.h"

namespace lienthong {

struct RollupColumn {
  std::string header;  // "Số hoạt động", "Tỷ lệ hoàn thành"
  XlsxCell::Format format = XlsxCell::Format::kInteger;
};

struct RollupRow {
  std::string unit_name;
  std::vector<XlsxCell> values;  // one per column; numbers as double (percent as a ratio)
};

struct RollupTable {
  std::string title;  // "Tổng hợp kết quả của các đơn vị trực thuộc"
  std::vector<RollupColumn> columns;
  std::vector<RollupRow> rows;
  std::optional<RollupRow> total;  // printed last, bold in the sheet name "Tổng cộng"
  std::vector<std::string> notes;  // "Xã An Phú chưa gửi báo cáo."
};

// Table for a document: STT | Đơn vị | columns…; numbers written "1.234", "85,5%".
OfficialTable RollupToOfficialTable(const RollupTable& table);
// Sheet: title, header STT | Đơn vị | columns…, the total row, the notes under the table.
XlsxSheet RollupToXlsxSheet(const RollupTable& table, const std::string& sheet_name);
// A cell's value as document text ("1.234", "12,5%", "05/3/2026", text as is; "" for empty).
std::string CellText(const XlsxCell& cell);

struct IndicatorLabel {
  std::string name;  // "Số tin, bài đăng trên trang thông tin điện tử"
  std::string unit;  // "tin, bài", "%"
};

struct ReportContext {
  DocumentFamily family = DocumentFamily::kState;
  std::string parent_issuer;  // the superior line: "UBND tỉnh Đắk Lắk" (printed in capitals)
  std::string issuer;       // the reporting body: "Ủy ban nhân dân xã An Phú" (printed in capitals)
  std::string reporter;     // in prose: "Ủy ban nhân dân xã An Phú"
  // "15/BC-UBND"; "/BC-UBND" → the symbol with a blank for the number; empty → all blank.
  std::string number;
  std::string place;
  std::vector<std::string> addressees;  // Kính gửi, when the report goes to a body above
  std::optional<Date> date;
  std::string title;        // trích yếu; empty → "Kết quả thực hiện <plan> <period>"
  // The plan reported on: "Kế hoạch số 27/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân xã …".
  std::string plan_type_name = "Kế hoạch";
  std::string plan_number;
  std::optional<Date> plan_date;
  std::string plan_issuer;  // in prose
  std::string plan_title;
  std::map<std::string, IndicatorLabel> indicators;      // by indicator code
  // channel code → heading; codes not listed take their core/activity_vocabulary.h label.
  std::map<std::string, std::string> channel_names;
  std::optional<RollupTable> rollup;                     // the roll-up report of a level
  Signer signer;
  std::vector<std::string> recipients;
};

OfficialDocument ReportToOfficialDocument(const Report& report, const ReportContext& context);

}  // namespace lienthong
