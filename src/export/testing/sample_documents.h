// Fictional plans and reports for the export tests (written for these tests; no real document).
#pragma once

#include <nlohmann/json.hpp>

#include "core/report.h"
#include "export/report_document.h"

namespace lienthong::export_testing {

// A commune plan in the importer's JSON form: "27/KH-UBND", three sections, four tasks in two
// groups, signer "Trần Minh Khoa".
nlohmann::json SampleStatePlan();
// A party plan: "15-KH/ĐU", T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ "Lê Thị Hạnh".
nlohmann::json SamplePartyPlan();
// A Q1/2026 report of the commune with indicators, activities and narrative parts.
Report SampleReport();
// Its context; with `rollup`, a table of three hamlets.
ReportContext SampleReportContext(bool rollup);

// The text of each paragraph (w:p) of a word/document.xml, one per line, for tests that look
// for the lines a document prints.
std::string ParagraphTexts(const std::string& document_xml);

}  // namespace lienthong::export_testing
