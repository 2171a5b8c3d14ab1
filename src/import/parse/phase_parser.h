// Phases ("Giai đoạn 1: từ nay đến hết quý IV năm 2025", "Giai đoạn 2 (từ tháng 10/2025 đến tháng
// 12/2025)"): name, period, objective (the "Mục tiêu:" line below, else the next sentence) and
// targets (objective sentences with a percentage).
//
// "từ nay" (from now) starts at the document's own date, the only "now" the text has. OCR text
// whose time words are garbled ("tir nim 2026 dén hét nam 2027") falls back to the years, quarters
// and months that can still be read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/plan.h"
#include "import/parse/section_parser.h"

namespace lienthong::parse {

struct ParsedPhase {
  Phase phase;
  std::optional<std::string> start;  // "YYYY-MM"
  std::optional<std::string> end;
  int line = 0;
};

std::vector<ParsedPhase> ExtractPhases(const Outline& outline, const std::optional<std::string>& doc_date);

}  // namespace lienthong::parse
