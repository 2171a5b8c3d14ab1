// XLSX workbooks for exports (roll-up tables, task lists): one sheet per XlsxSheet, with an
// optional bold title row, a bold header row that stays frozen while scrolling, an autofilter over
// header and data, and number formats chosen per cell.
//
// Number formats are written in the file's locale-independent notation (`#,##0`, `#,##0.0`,
// `0.0%`, `dd/mm/yyyy`): in XLSX "," always means "thousands separator" and "." "decimal point",
// and Excel/LibreOffice display them with the reader's locale, so a vi-VN desktop shows
// 1.234.567 and 12,5%. Writing a literal `#.##0` would instead mean "decimal point" and break
// every non-Vietnamese reader. Dates are shown day first as Vietnamese documents write them.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "util/status.h"

namespace lienthong {

inline constexpr char kXlsxContentType[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct XlsxCell {
  enum class Format { kText, kInteger, kDecimal, kPercent, kDate };

  // double: a number (kPercent takes a ratio: 0.125 shows 12,5%; kDate takes an Excel serial);
  // string: text, or an ISO "YYYY-MM-DD" for kDate (shown as dd/mm/yyyy; any other text is
  // written as text); monostate: an empty cell.
  std::variant<std::monostate, double, std::string> value;
  Format format = Format::kText;

  static XlsxCell Text(std::string text) { return {std::move(text), Format::kText}; }
  static XlsxCell Integer(double number) { return {number, Format::kInteger}; }
  static XlsxCell Decimal(double number) { return {number, Format::kDecimal}; }
  static XlsxCell Percent(double ratio) { return {ratio, Format::kPercent}; }
  static XlsxCell Date(std::string iso_date) { return {std::move(iso_date), Format::kDate}; }
  static XlsxCell Empty() { return {}; }
};

struct XlsxSheet {
  // Shown on the tab. Characters Excel forbids ([]:*?/\) become '-', the name is cut to 31
  // characters, and a name already used gets " (2)", " (3)"…; empty → "Trang N".
  std::string name;
  std::string title;                  // optional first row, bold, above the header
  std::vector<std::string> headers;   // bold, wrapped, frozen; autofilter when not empty
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<double> column_widths;  // in characters; missing ones default to 14
  std::vector<std::string> notes;     // lines under the table, after a blank row (no filter)
};

// The .xlsx file bytes. kInvalidArgument when there are no sheets; kIoError when the temporary
// file libxlsxwriter writes through cannot be created or read back. Thread-safe (each call uses
// its own temporary file).
Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets);

}  // namespace lienthong
