// Exports of the reports domain: a report version as a báo cáo in the NĐ 30/2020 layout (DOCX)
// and a roll-up as a workbook (XLSX). The documents are laid out by export/ from typed values;
// this file gathers what they say — who issues the report and to whom, the plan it answers.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/unit.h"
#include "export/official_document.h"
#include "store/database.h"

namespace lienthong {

struct ExportedFile {
  std::string bytes;
  std::string ascii_name;    // "bao-cao-12.docx"
  std::string display_name;  // "Báo cáo Xã Hòa Phú Quý IV-2025.docx"
};

// The report as a báo cáo: the reporting unit's issuing body under its superior ("UBND tỉnh Đắk
// Lắk" over "Ủy ban nhân dân xã Hòa Phú"), "Số: …/BC-UBND", place and date (of submission, else
// blank), "Kính gửi" the plan's issuing body when that is above the reporting unit, the plan it
// answers, indicators, activities by theme × channel (Vietnamese channel names), the narrative
// parts, the signature block with its authority line and "Nơi nhận". kNotFound "report N".
Result<ExportedFile> ExportReportDocx(Database& db, int64_t report_id);
// The same báo cáo before it is written out (what tests and other formats read).
Result<OfficialDocument> ReportOfficialDocument(Database& db, int64_t report_id);

// The roll-up of `unit`'s subtree (pre-aggregated; late and missing lists up to 1,000 units) as
// the workbook of export/rollup_workbook.h.
Result<ExportedFile> ExportRollupXlsx(Database& db, int64_t plan_id, const Unit& unit,
                                      const std::string& period_key, const Date& today);

}  // namespace lienthong
