// Reading a table — a header row and data rows — from a CSV or XLSX file, as people export them
// from spreadsheets (imports of many activities: service/activities/activity_import.h).
//
// CSV: any encoding text/legacy_encoding.h DecodeText reads (UTF-8 with or without BOM, UTF-16,
// TCVN3, VNI); the delimiter is ',' or ';', whichever the first line holds more of (Excel in a
// Vietnamese locale writes ';'). XLSX (libzip + pugixml, as the DOCX reader): the first worksheet;
// shared and inline strings, numbers as stored ("1234", "12.5"), booleans as "TRUE"/"FALSE",
// formulas by their cached value, and numbers whose cell format is a date as "YYYY-MM-DD". Blank
// rows are skipped in both. The legacy binary .xls is refused (kUnsupported): save as .xlsx.
//
// Every piece of work is bounded before it is done: the ZIP's entry count and declared sizes
// (import/docx/zip_archive.h), the rows, the columns and the bytes of one cell.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace lienthong {

struct TableRow {
  int number = 0;                  // the CSV line or the sheet's row number (1-based)
  std::vector<std::string> cells;  // NFC UTF-8, as written (not trimmed)
};

struct TableLimits {
  size_t max_rows = 10001;                    // the header row included
  size_t max_columns = 64;
  size_t max_cell_bytes = 32 * 1024;
  size_t max_unpacked_bytes = 64u << 20;      // XLSX: per part and in all
};

// The rows of the file, header first. Errors: kTooLarge past a limit (naming it),
// kUnsupported for .xls or a file that is neither CSV text nor a ZIP, kInvalidArgument for a
// malformed file (the CSV line or the XLSX part at fault).
Result<std::vector<TableRow>> ReadTableFile(std::string_view bytes, std::string_view file_name,
                                            const TableLimits& limits = {});

// The Excel serial day number `serial` (1900 date system; 1904 when `date1904`) as a date
// "YYYY-MM-DD"; "" when it is not a day between years 1900 and 9999.
std::string ExcelSerialToIso(double serial, bool date1904);

}  // namespace lienthong
