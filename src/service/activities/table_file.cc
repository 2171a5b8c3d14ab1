#include "service/activities/table_file.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <pugixml.hpp>

#include "core/date.h"
#include "import/docx/docx_xml.h"
#include "import/docx/zip_archive.h"
#include "text/legacy_encoding.h"
#include "text/normalize.h"
#include "util/csv.h"

namespace lienthong {
namespace {

using docx::AttrText;
using docx::Child;
using docx::Is;

bool BlankRow(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return c.find_first_not_of(" \t\r\n") == std::string::npos;
  });
}

Status CheckRowLimits(const TableRow& row, const TableLimits& limits, size_t rows_so_far) {
  std::string where = "row " + std::to_string(row.number);
  if (rows_so_far >= limits.max_rows) {
    return Status::TooLarge("more than " + std::to_string(limits.max_rows - 1) +
                            " data rows (at " + where + ")");
  }
  if (row.cells.size() > limits.max_columns) {
    return Status::TooLarge(where + ": more than " + std::to_string(limits.max_columns) +
                            " columns");
  }
  for (const std::string& cell : row.cells) {
    if (cell.size() > limits.max_cell_bytes) {
      return Status::TooLarge(where + ": a cell of more than " +
                              std::to_string(limits.max_cell_bytes) + " bytes");
    }
  }
  return Status::Ok();
}

Result<std::vector<TableRow>> ReadCsv(std::string_view bytes, const TableLimits& limits) {
  LT_ASSIGN_OR_RETURN(DecodedText decoded, DecodeText(bytes));
  std::string_view first_line = std::string_view(decoded.text).substr(0, decoded.text.find('\n'));
  char delimiter = std::count(first_line.begin(), first_line.end(), ';') >
                           std::count(first_line.begin(), first_line.end(), ',')
                       ? ';'
                       : ',';
  LT_ASSIGN_OR_RETURN(auto records, ParseCsv(decoded.text, delimiter));
  std::vector<TableRow> rows;
  for (CsvRecord& record : records) {
    TableRow row{record.line, std::move(record.fields)};
    if (BlankRow(row.cells)) continue;
    LT_RETURN_IF_ERROR(CheckRowLimits(row, limits, rows.size()));
    rows.push_back(std::move(row));
  }
  return rows;
}

// --- XLSX ---------------------------------------------------------------------------------

Result<pugi::xml_document> ReadPart(const ZipArchive& zip, const std::string& name) {
  LT_ASSIGN_OR_RETURN(std::string xml, zip.Read(name));
  pugi::xml_document doc;
  LT_RETURN_IF_ERROR(docx::ParseXmlPart(xml, name, &doc));
  return doc;
}

// The text of a shared string or inline string item: its <t>, or the <t> of each run (phonetic
// guides, <rPh>, left out).
std::string ItemText(const pugi::xml_node& item) {
  if (pugi::xml_node t = Child(item, "t")) return t.text().get();
  std::string text;
  for (pugi::xml_node run = item.first_child(); run; run = run.next_sibling()) {
    if (Is(run, "r")) text += Child(run, "t").text().get();
  }
  return text;
}

Result<std::vector<std::string>> SharedStrings(const ZipArchive& zip) {
  std::vector<std::string> strings;
  if (!zip.Contains("xl/sharedStrings.xml")) return strings;
  LT_ASSIGN_OR_RETURN(auto doc, ReadPart(zip, "xl/sharedStrings.xml"));
  for (pugi::xml_node si : doc.document_element().children()) {
    if (Is(si, "si")) strings.push_back(ItemText(si));
  }
  return strings;
}

// A custom number format shows a date when it has a day, month or year code outside quoted
// text and brackets ("dd/mm/yyyy", "[$-42A]d mmmm yyyy"); "0.00" or "#,##0" do not.
bool IsDateFormatCode(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '[') ++bracket;
    else if (!quoted && c == ']' && bracket > 0) --bracket;
    else if (!quoted && bracket == 0 && std::string_view("dmyDMY").find(c) != std::string_view::npos)
      return true;
  }
  return false;
}

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// For each cell style index (the `s` attribute of a cell): whether it formats a date.
Result<std::vector<bool>> DateStyles(const ZipArchive& zip) {
  std::vector<bool> dates;
  if (!zip.Contains("xl/styles.xml")) return dates;
  LT_ASSIGN_OR_RETURN(auto doc, ReadPart(zip, "xl/styles.xml"));
  pugi::xml_node root = doc.document_element();
  std::map<int, bool> custom;
  for (pugi::xml_node f : Child(root, "numFmts").children()) {
    if (Is(f, "numFmt")) custom[std::atoi(AttrText(f, "numFmtId").c_str())] =
        IsDateFormatCode(AttrText(f, "formatCode"));
  }
  for (pugi::xml_node xf : Child(root, "cellXfs").children()) {
    if (!Is(xf, "xf")) continue;
    int id = std::atoi(AttrText(xf, "numFmtId").c_str());
    auto it = custom.find(id);
    dates.push_back(it != custom.end() ? it->second : IsBuiltinDateFormat(id));
  }
  return dates;
}

// The first worksheet's part name, from the workbook and its relationships; whether the
// workbook counts days from 1904.
Result<std::pair<std::string, bool>> FirstSheet(const ZipArchive& zip) {
  std::string fallback = "xl/worksheets/sheet1.xml";
  if (!zip.Contains("xl/workbook.xml")) return std::make_pair(fallback, false);
  LT_ASSIGN_OR_RETURN(auto workbook, ReadPart(zip, "xl/workbook.xml"));
  pugi::xml_node root = workbook.document_element();
  bool date1904 = AttrText(Child(root, "workbookPr"), "date1904") == "1" ||
                  AttrText(Child(root, "workbookPr"), "date1904") == "true";
  std::string rel_id = AttrText(Child(Child(root, "sheets"), "sheet"), "id");
  if (rel_id.empty() || !zip.Contains("xl/_rels/workbook.xml.rels")) {
    return std::make_pair(fallback, date1904);
  }
  LT_ASSIGN_OR_RETURN(auto rels, ReadPart(zip, "xl/_rels/workbook.xml.rels"));
  for (pugi::xml_node rel : rels.document_element().children()) {
    if (!Is(rel, "Relationship") || AttrText(rel, "Id") != rel_id) continue;
    std::string target = AttrText(rel, "Target");
    if (target.rfind("/", 0) == 0) return std::make_pair(target.substr(1), date1904);
    return std::make_pair("xl/" + target, date1904);
  }
  return std::make_pair(fallback, date1904);
}

// "C12" → 2 (0-based column); -1 when malformed.
int ColumnOf(std::string_view ref) {
  int column = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > 16384) return -1;
  }
  return i == 0 ? -1 : column - 1;
}

struct SheetContext {
  std::vector<std::string> strings;
  std::vector<bool> date_styles;
  bool date1904 = false;
};

std::string CellText(const pugi::xml_node& c, const SheetContext& ctx) {
  std::string type = AttrText(c, "t");
  std::string value = Child(c, "v").text().get();
  if (type == "s") {
    size_t i = static_cast<size_t>(std::atoll(value.c_str()));
    return i < ctx.strings.size() ? ctx.strings[i] : "";
  }
  if (type == "inlineStr") return ItemText(Child(c, "is"));
  if (type == "b") return value == "1" ? "TRUE" : "FALSE";
  if (type == "str" || type == "e") return value;
  std::string style = AttrText(c, "s");
  size_t s = style.empty() ? 0 : static_cast<size_t>(std::atoll(style.c_str()));
  if (!value.empty() && s < ctx.date_styles.size() && ctx.date_styles[s]) {
    std::string iso = ExcelSerialToIso(std::atof(value.c_str()), ctx.date1904);
    if (!iso.empty()) return iso;
  }
  return value;
}

Result<std::vector<TableRow>> ReadXlsx(std::string_view bytes, const TableLimits& limits) {
  LT_ASSIGN_OR_RETURN(auto zip,
                      ZipArchive::Open(bytes, ZipLimits{1000, limits.max_unpacked_bytes}));
  SheetContext ctx;
  LT_ASSIGN_OR_RETURN(ctx.strings, SharedStrings(*zip));
  LT_ASSIGN_OR_RETURN(ctx.date_styles, DateStyles(*zip));
  LT_ASSIGN_OR_RETURN(auto sheet, FirstSheet(*zip));
  ctx.date1904 = sheet.second;
  LT_ASSIGN_OR_RETURN(auto doc, ReadPart(*zip, sheet.first));
  std::vector<TableRow> rows;
  int previous = 0;
  for (pugi::xml_node r : Child(doc.document_element(), "sheetData").children()) {
    if (!Is(r, "row")) continue;
    std::string number = AttrText(r, "r");
    TableRow row{number.empty() ? previous + 1 : std::atoi(number.c_str()), {}};
    previous = row.number;
    for (pugi::xml_node c : r.children()) {
      if (!Is(c, "c")) continue;
      std::string ref = AttrText(c, "r");
      int column = ref.empty() ? static_cast<int>(row.cells.size()) : ColumnOf(ref);
      if (column < 0 || static_cast<size_t>(column) >= limits.max_columns) {
        return Status::TooLarge("row " + std::to_string(row.number) + ": a cell beyond column " +
                                std::to_string(limits.max_columns) + " ('" + ref.substr(0, 12) + "')");
      }
      if (row.cells.size() <= static_cast<size_t>(column)) row.cells.resize(column + 1);
      row.cells[column] = ToNfc(CellText(c, ctx));
    }
    if (BlankRow(row.cells)) continue;
    LT_RETURN_IF_ERROR(CheckRowLimits(row, limits, rows.size()));
    rows.push_back(std::move(row));
  }
  return rows;
}

bool EndsWithIgnoringCase(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), name.end() - suffix.size(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

}  // namespace

std::string ExcelSerialToIso(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return "";
  // Day 0 of the 1900 system is 1899-12-30 once Excel's phantom 29/02/1900 is accounted for
  // (serials from 61 on); day 0 of the 1904 system is 1904-01-01.
  int days = static_cast<int>(std::floor(serial));
  Date epoch = date1904 ? Date{1904, 1, 1} : Date{1899, 12, 30};
  if (!date1904 && days < 61) ++days;
  return Date::FromDaysSinceEpoch(epoch.DaysSinceEpoch() + days).ToIso();
}

Result<std::vector<TableRow>> ReadTableFile(std::string_view bytes, std::string_view file_name,
                                            const TableLimits& limits) {
  std::string name(file_name.substr(0, 200));
  if (EndsWithIgnoringCase(file_name, ".xls") || bytes.substr(0, 8) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
    return Status::Unsupported(name + ": the old Excel format (.xls) is not read; save the sheet "
                               "as .xlsx or .csv");
  }
  Result<std::vector<TableRow>> rows = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)
                                           ? ReadXlsx(bytes, limits)
                                           : ReadCsv(bytes, limits);
  if (!rows.ok()) return rows.status().WithContext(name);
  if (rows->empty()) return Status::InvalidArgument(name + ": the file has no rows");
  return rows;
}

}  // namespace lienthong
