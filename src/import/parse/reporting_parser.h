// Reporting duties: when results must be reported ("báo cáo … trước ngày 15/12/2025", "gửi về …
// định kỳ hằng quý, 6 tháng và năm"). In every body sentence that asks for a report ("báo cáo",
// "gửi về", "gửi kết quả"; not "báo cáo viên", the title of a speaker), the first dated limit after
// the trigger, else the "định kỳ …" phrase after it.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"
#include "import/parse/parsed_line.h"

namespace lienthong::parse {

std::vector<ReportingDuty> ExtractReporting(const std::vector<Line>& body);

}  // namespace lienthong::parse
