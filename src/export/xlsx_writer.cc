#include "export/xlsx_writer.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <xlsxwriter.h>

#include "core/date.h"
#include "util/utf8.h"

namespace lienthong {
namespace {

constexpr double kDefaultColumnWidth = 14;

// Excel refuses sheet names with []:*?/\ , longer than 31 characters, or used twice.
std::string SheetName(const std::string& wanted, size_t index, std::set<std::string>& used) {
  std::u32string name = Utf8ToUtf32(wanted);
  for (char32_t& c : name) {
    if (c == U'[' || c == U']' || c == U':' || c == U'*' || c == U'?' || c == U'/' ||
        c == U'\\') {
      c = U'-';
    }
  }
  if (!name.empty() && (name.front() == U'\'' || name.back() == U'\'')) {
    name.front() = name.front() == U'\'' ? U'-' : name.front();
    name.back() = name.back() == U'\'' ? U'-' : name.back();
  }
  if (name.empty()) name = Utf8ToUtf32("Trang " + std::to_string(index + 1));
  auto trim = [](std::u32string& text) {
    while (!text.empty() && text.back() == U' ') text.pop_back();
  };
  if (name.size() > LXW_SHEETNAME_MAX) name.resize(LXW_SHEETNAME_MAX);
  trim(name);
  std::string candidate = Utf32ToUtf8(name);
  for (int n = 2; used.count(candidate) > 0; ++n) {
    const std::u32string suffix = Utf8ToUtf32(" (" + std::to_string(n) + ")");
    std::u32string base = name;
    if (base.size() + suffix.size() > LXW_SHEETNAME_MAX) {
      base.resize(LXW_SHEETNAME_MAX - suffix.size());
      trim(base);
    }
    candidate = Utf32ToUtf8(base + suffix);
  }
  used.insert(candidate);
  return candidate;
}

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* text;
  lxw_format* integer;
  lxw_format* decimal;
  lxw_format* percent;
  lxw_format* date;
  lxw_format* note;
};

lxw_format* NewFormat(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  format_set_font_name(format, "Times New Roman");
  format_set_font_size(format, 12);
  format_set_border(format, LXW_BORDER_THIN);
  format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

Formats MakeFormats(lxw_workbook* workbook) {
  Formats f;
  f.title = workbook_add_format(workbook);
  format_set_font_name(f.title, "Times New Roman");
  format_set_font_size(f.title, 14);
  format_set_bold(f.title);
  f.header = NewFormat(workbook);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(f.header, 0xDDEBF7);
  f.text = NewFormat(workbook);
  format_set_text_wrap(f.text);
  f.integer = NewFormat(workbook);
  format_set_num_format(f.integer, "#,##0");
  f.decimal = NewFormat(workbook);
  format_set_num_format(f.decimal, "#,##0.0#");
  f.percent = NewFormat(workbook);
  format_set_num_format(f.percent, "0.0%");
  f.date = NewFormat(workbook);
  format_set_num_format(f.date, "dd/mm/yyyy");
  format_set_align(f.date, LXW_ALIGN_CENTER);
  f.note = workbook_add_format(workbook);
  format_set_font_name(f.note, "Times New Roman");
  format_set_font_size(f.note, 12);
  format_set_italic(f.note);
  return f;
}

lxw_format* FormatFor(const Formats& f, XlsxCell::Format format) {
  switch (format) {
    case XlsxCell::Format::kText: return f.text;
    case XlsxCell::Format::kInteger: return f.integer;
    case XlsxCell::Format::kDecimal: return f.decimal;
    case XlsxCell::Format::kPercent: return f.percent;
    case XlsxCell::Format::kDate: return f.date;
  }
  return f.text;
}

// Text a spreadsheet would take for a formula once the sheet is saved as CSV and opened again
// (=, +, -, @, tab, CR first) gets a leading apostrophe: shown, never evaluated (OWASP CSV
// injection).
std::string NeutraliseFormula(const std::string& text) {
  if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos) {
    return text;
  }
  return "'" + text;
}

lxw_error WriteCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const XlsxCell& cell,
                    const Formats& f) {
  lxw_format* format = FormatFor(f, cell.format);
  if (const auto* number = std::get_if<double>(&cell.value)) {
    return worksheet_write_number(sheet, row, col, *number, format);
  }
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    if (cell.format == XlsxCell::Format::kDate) {
      if (auto date = Date::FromIso(*text)) {
        lxw_datetime dt = {date->year, date->month, date->day, 0, 0, 0};
        return worksheet_write_datetime(sheet, row, col, &dt, format);
      }
    }
    if (cell.format != XlsxCell::Format::kText && cell.format != XlsxCell::Format::kDate) {
      // A number format on text: keep the text, left as it is (e.g. "—" for "no data").
      return worksheet_write_string(sheet, row, col, NeutraliseFormula(*text).c_str(), f.text);
    }
    return worksheet_write_string(sheet, row, col, NeutraliseFormula(*text).c_str(),
                                  cell.format == XlsxCell::Format::kDate ? f.date : f.text);
  }
  return worksheet_write_blank(sheet, row, col, format);
}

// Row heights. Neither Excel nor every viewer grows a row to its wrapped text on opening a
// generated file (headers were clipped and long task rows overlapped the next), so each row that
// wraps gets the height of its tallest cell: lines × the line height of 12-point Times New Roman.
// A column's width counts characters of the default font; words wrap whole, so a line holds a
// little less than the width, and less again in bold.
constexpr double kLineHeight = 15.75;
constexpr double kCharactersPerWidth = 0.95;
constexpr double kBoldCharactersPerWidth = 0.85;

double WrappedLines(const std::string& text, double width, double characters_per_width) {
  const double per_line = std::max(1.0, width * characters_per_width);
  double lines = 0;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    const std::string part =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    lines += std::max(1.0, std::ceil(static_cast<double>(Utf8ToUtf32(part).size()) / per_line));
    if (end == std::string::npos) return lines;
    start = end + 1;
  }
}

// Sets the row's height when one of its texts wraps onto more than one line.
void FitRowHeight(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& texts,
                  const std::vector<double>& widths, double characters_per_width,
                  lxw_format* format) {
  double lines = 1;
  for (size_t c = 0; c < texts.size() && c < widths.size(); ++c) {
    lines = std::max(lines, WrappedLines(texts[c], widths[c], characters_per_width));
  }
  if (lines > 1) worksheet_set_row(ws, row, lines * kLineHeight + 2, format);
}

std::vector<std::string> TextsOf(const std::vector<XlsxCell>& cells) {
  std::vector<std::string> texts;
  for (const XlsxCell& cell : cells) {
    const auto* text = std::get_if<std::string>(&cell.value);
    texts.push_back(text != nullptr ? *text : "");
  }
  return texts;
}

Status LxwStatus(lxw_error error, const std::string& where) {
  if (error == LXW_NO_ERROR) return Status::Ok();
  return Status::Internal("xlsx " + where + ": " + lxw_strerror(error));
}

Status WriteSheet(lxw_workbook* workbook, const XlsxSheet& sheet, const std::string& name,
                  const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(workbook, name.c_str());
  if (ws == nullptr) return Status::Internal("xlsx: cannot add sheet '" + name + "'");
  size_t columns = sheet.headers.size();
  for (const auto& row : sheet.rows) columns = std::max(columns, row.size());
  std::vector<double> widths;
  for (size_t c = 0; c < columns; ++c) {
    widths.push_back(c < sheet.column_widths.size() && sheet.column_widths[c] > 0
                         ? sheet.column_widths[c]
                         : kDefaultColumnWidth);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                         nullptr);
  }
  lxw_row_t row = 0;
  if (!sheet.title.empty()) {
    LT_RETURN_IF_ERROR(LxwStatus(
        worksheet_write_string(ws, row, 0, NeutraliseFormula(sheet.title).c_str(), f.title),
        "sheet '" + name + "' title"));
    row += 2;  // a blank row between the title and the table
  }
  const lxw_row_t header_row = row;
  if (!sheet.headers.empty()) {
    for (size_t c = 0; c < sheet.headers.size(); ++c) {
      LT_RETURN_IF_ERROR(LxwStatus(
          worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), sheet.headers[c].c_str(),
                                 f.header),
          "sheet '" + name + "' header " + std::to_string(c + 1)));
    }
    FitRowHeight(ws, row, sheet.headers, widths, kBoldCharactersPerWidth, nullptr);
    ++row;
    worksheet_freeze_panes(ws, row, 0);
  }
  for (size_t r = 0; r < sheet.rows.size(); ++r, ++row) {
    FitRowHeight(ws, row, TextsOf(sheet.rows[r]), widths, kCharactersPerWidth, nullptr);
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      LT_RETURN_IF_ERROR(LxwStatus(
          WriteCell(ws, row, static_cast<lxw_col_t>(c), sheet.rows[r][c], f),
          "sheet '" + name + "' row " + std::to_string(r + 1) + " column " +
              std::to_string(c + 1)));
    }
  }
  if (!sheet.headers.empty() && columns > 0) {
    const lxw_row_t last_row = sheet.rows.empty() ? header_row : row - 1;
    worksheet_autofilter(ws, header_row, 0, last_row, static_cast<lxw_col_t>(columns - 1));
  }
  if (!sheet.notes.empty()) ++row;
  for (const std::string& note : sheet.notes) {
    LT_RETURN_IF_ERROR(LxwStatus(
        worksheet_write_string(ws, row++, 0, NeutraliseFormula(note).c_str(), f.note),
        "sheet '" + name + "' note"));
  }
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  if (!sheet.headers.empty()) worksheet_repeat_rows(ws, header_row, header_row);
  return Status::Ok();
}

// libxlsxwriter 1.1.4 writes only to a file name; the bytes are read back and the file removed.
class TempFile {
 public:
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/lienthong-xlsx-XXXXXX";
    const int fd = mkstemp(path_.data());
    if (fd < 0) {
      path_.clear();
    } else {
      close(fd);
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

Result<std::string> WriteXlsx(const std::vector<XlsxSheet>& sheets) {
  if (sheets.empty()) return Status::InvalidArgument("xlsx: a workbook needs at least one sheet");
  TempFile file;
  if (file.path().empty()) return Status::IoError("xlsx: cannot create a temporary file");
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) return Status::IoError("xlsx: cannot open " + file.path());
  const Formats formats = MakeFormats(workbook);
  std::set<std::string> used_names;
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string name = SheetName(sheets[i].name, i, used_names);
    Status status = WriteSheet(workbook, sheets[i], name, formats);
    if (!status.ok()) {
      workbook_close(workbook);
      return status;
    }
  }
  LT_RETURN_IF_ERROR(LxwStatus(workbook_close(workbook), "close"));
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) return Status::IoError("xlsx: cannot read back " + file.path());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace lienthong
