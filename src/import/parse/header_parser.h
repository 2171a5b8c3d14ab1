// The header of one document (vn-documents.md §1.2 boxes 1–5, §2.1): issuer column, national
// motto or Party name, number/symbol, place and date, type name and title (trích yếu), or the
// "V/v …" summary of a công văn.
//
// Text exports flatten the two-column top into lines in many ways: one column after the other
// ("TỈNH ỦY X" … "ĐẢNG CỘNG SẢN VIỆT NAM"), or both columns on one line ("ỦY BAN NHÂN DÂN CỘNG HÒA
// XÃ HỘI …", "Số: 13/KH-UBND Hà Nội, ngày …"). So each header line is peeled left to right: the
// motto/Party name is cut out (caps text before it is the issuer column), a number line is read
// from the start, a place-and-date is read where ", ngày" is, and caps text left over before the
// title belongs to the issuer column. DOCX header tables arrive as table rows and are read cell by
// cell, left column first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/plan.h"
#include "import/parse/parsed_line.h"

namespace lienthong::parse {

struct HeaderResult {
  PlanHeader header;
  size_t body_begin = 0;  // first line after the title block
  bool has_vv = false;    // a "V/v …" summary was read
  // Source positions of what was read (line indexes into the lines vector; -1 when absent).
  int number_line = -1;
  int date_line = -1;
  int title_line = -1;
  int issuer_line = -1;
};

// Reads the header of lines [begin, end). Fields not found stay empty/nullopt.
HeaderResult ParseHeader(const std::vector<Line>& lines, size_t begin, size_t end);

// Joins an issuer column's fragments into units: a fragment that starts with a unit head ("BAN",
// "SỞ", "ỦY BAN", "TỈNH ỦY" …) starts a new unit, any other continues the previous one
// ("ỦY BAN NHÂN DÂN" + "XÃ THANH THỦY"). Exposed for tests.
std::vector<std::string> GroupIssuerFragments(const std::vector<std::string>& fragments);

}  // namespace lienthong::parse
