#include "export/report_document.h"

#include <set>

#include "core/activity_vocabulary.h"
#include "export/vn_number_format.h"

namespace lienthong {
namespace {

std::string IndicatorText(const IndicatorValue& v) {
  if (v.not_applicable) return "Không áp dụng";
  if (const auto* number = std::get_if<double>(&v.value)) {
    // Percentages are stored as written (85.5 means 85,5%).
    return v.type == IndicatorType::kPercentage ? FormatVietnameseNumber(*number, 1) + "%"
                                                : FormatVietnameseNumber(*number, 2);
  }
  if (const auto* yes = std::get_if<bool>(&v.value)) return *yes ? "Có" : "Không";
  if (const auto* text = std::get_if<std::string>(&v.value)) return *text;
  return "Chưa có số liệu";
}

// Narrative text: one paragraph per line.
void AddNarrative(std::vector<BodyBlock>& body, const std::string& text) {
  body.push_back(BodyBlock::Paragraph(text));
}

std::string PlanReference(const ReportContext& c) {
  std::string ref = c.plan_type_name.empty() ? "Kế hoạch" : c.plan_type_name;
  if (!c.plan_number.empty()) ref += " số " + c.plan_number;
  if (const std::string date = FormatVietnameseShortDate(c.plan_date); !date.empty()) {
    ref += " ngày " + date;
  }
  if (!c.plan_issuer.empty()) ref += " của " + c.plan_issuer;
  if (!c.plan_title.empty()) ref += " về " + c.plan_title;
  return ref;
}

OfficialTable IndicatorTable(const Report& report, const ReportContext& c) {
  OfficialTable t;
  t.headers = {"STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"};
  t.column_weights = {1.0, 5, 1.6, 1.8};
  int n = 0;
  for (const IndicatorValue& v : report.indicators) {
    auto label = c.indicators.find(v.indicator_code);
    const std::string name = label == c.indicators.end() || label->second.name.empty()
                                 ? v.indicator_code
                                 : label->second.name;
    const std::string unit = label == c.indicators.end() ? "" : label->second.unit;
    t.rows.push_back({{std::to_string(++n), name, unit, IndicatorText(v)}});
  }
  return t;
}

OfficialTable ActivityTable(const Report& report, const ReportContext& c) {
  std::vector<std::string> channels;
  std::set<std::string> seen;
  for (const auto& [key, count] : report.activity_counts) {
    if (seen.insert(key.second).second) channels.push_back(key.second);
  }
  OfficialTable t;
  t.headers = {"STT", "Chủ đề"};
  t.column_weights = {1.0, 3.5};
  for (const std::string& code : channels) {
    auto name = c.channel_names.find(code);
    t.headers.push_back(name == c.channel_names.end() ? ChannelLabelVi(code) : name->second);
    t.column_weights.push_back(1.2);
  }
  t.headers.push_back("Tổng số");
  t.column_weights.push_back(1.2);
  std::map<std::string, std::map<std::string, int64_t>> by_theme;
  for (const auto& [key, count] : report.activity_counts) by_theme[key.first][key.second] += count;
  int n = 0;
  for (const auto& [theme, counts] : by_theme) {
    OfficialTable::Row row;
    row.cells = {std::to_string(++n), theme};
    int64_t total = 0;
    for (const std::string& code : channels) {
      auto it = counts.find(code);
      const int64_t count = it == counts.end() ? 0 : it->second;
      total += count;
      row.cells.push_back(FormatVietnameseNumber(static_cast<double>(count), 0));
    }
    row.cells.push_back(FormatVietnameseNumber(static_cast<double>(total), 0));
    t.rows.push_back(std::move(row));
  }
  return t;
}

// Numbers sub-items 1., 2., … within one section and closes up the ones left out.
class NumberedPart {
 public:
  explicit NumberedPart(std::string title) : title_(std::move(title)) {}
  void Item(std::string title, std::vector<BodyBlock> blocks) {
    blocks_.push_back(BodyBlock::Heading(2, std::to_string(++items_), std::move(title)));
    for (auto& b : blocks) blocks_.push_back(std::move(b));
  }
  void AppendTo(std::vector<BodyBlock>& body, int& number) {
    if (blocks_.empty()) return;
    body.push_back(BodyBlock::Heading(1, RomanNumeral(++number), title_));
    for (auto& b : blocks_) body.push_back(std::move(b));
  }

 private:
  std::string title_;
  std::vector<BodyBlock> blocks_;
  int items_ = 0;
};

std::vector<BodyBlock> TextBlocks(const std::string& text) {
  std::vector<BodyBlock> blocks;
  AddNarrative(blocks, text);
  return blocks;
}

}  // namespace

std::string CellText(const XlsxCell& cell) {
  if (const auto* number = std::get_if<double>(&cell.value)) {
    switch (cell.format) {
      case XlsxCell::Format::kInteger: return FormatVietnameseNumber(*number, 0);
      case XlsxCell::Format::kPercent: return FormatVietnamesePercent(*number, 1);
      default: return FormatVietnameseNumber(*number, 2);
    }
  }
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    if (cell.format == XlsxCell::Format::kDate) {
      if (auto date = Date::FromIso(*text)) return FormatVietnameseShortDate(date);
    }
    return *text;
  }
  return "";
}

OfficialTable RollupToOfficialTable(const RollupTable& table) {
  OfficialTable t;
  t.headers = {"STT", "Đơn vị"};
  t.column_weights = {1.0, 3.2};
  for (const RollupColumn& column : table.columns) {
    t.headers.push_back(column.header);
    t.column_weights.push_back(1.4);
  }
  auto add = [&](const RollupRow& row, std::string first) {
    OfficialTable::Row out;
    out.bold = first.empty();  // the total row
    out.cells = {std::move(first), row.unit_name};
    for (size_t i = 0; i < table.columns.size(); ++i) {
      out.cells.push_back(i < row.values.size() ? CellText(row.values[i]) : "");
    }
    t.rows.push_back(std::move(out));
  };
  for (size_t i = 0; i < table.rows.size(); ++i) add(table.rows[i], std::to_string(i + 1));
  if (table.total.has_value()) add(*table.total, "");
  return t;
}

XlsxSheet RollupToXlsxSheet(const RollupTable& table, const std::string& sheet_name) {
  XlsxSheet sheet;
  sheet.name = sheet_name;
  sheet.title = table.title;
  sheet.headers = {"STT", "Đơn vị"};
  sheet.column_widths = {6, 36};
  for (const RollupColumn& column : table.columns) {
    sheet.headers.push_back(column.header);
    sheet.column_widths.push_back(16);
  }
  auto add = [&](const RollupRow& row, XlsxCell first) {
    std::vector<XlsxCell> cells = {std::move(first), XlsxCell::Text(row.unit_name)};
    for (size_t i = 0; i < table.columns.size(); ++i) {
      XlsxCell cell = i < row.values.size() ? row.values[i] : XlsxCell::Empty();
      // The column decides how numbers look.
      if (std::holds_alternative<double>(cell.value)) cell.format = table.columns[i].format;
      cells.push_back(std::move(cell));
    }
    sheet.rows.push_back(std::move(cells));
  };
  for (size_t i = 0; i < table.rows.size(); ++i) {
    add(table.rows[i], XlsxCell::Integer(static_cast<double>(i + 1)));
  }
  if (table.total.has_value()) add(*table.total, XlsxCell::Empty());
  sheet.notes = table.notes;
  return sheet;
}

OfficialDocument ReportToOfficialDocument(const Report& report, const ReportContext& c) {
  OfficialDocument doc;
  doc.family = c.family;
  doc.parent_issuer = c.parent_issuer;
  doc.issuer = c.issuer;
  doc.number = c.number;
  doc.place = c.place;
  doc.date = c.date;
  doc.type_name = "Báo cáo";
  doc.title = c.title;
  doc.addressees = c.addressees;
  if (doc.title.empty()) {
    doc.title = "Kết quả thực hiện " + (c.plan_type_name.empty() ? "Kế hoạch" : c.plan_type_name) +
                (c.plan_number.empty() ? "" : " số " + c.plan_number) +
                (report.period.label.empty() ? "" : " " + report.period.label);
  }
  std::string intro = "Thực hiện " + PlanReference(c) + ", " +
                      (c.reporter.empty() ? std::string("đơn vị") : c.reporter) +
                      " báo cáo kết quả thực hiện";
  if (!report.period.label.empty()) intro += " " + report.period.label;
  const std::string from = FormatVietnameseShortDate(report.period.start);
  const std::string to = FormatVietnameseShortDate(report.period.end);
  if (!from.empty() && !to.empty()) intro += " (từ ngày " + from + " đến ngày " + to + ")";
  doc.body.push_back(BodyBlock::Paragraph(intro + " như sau:"));

  NumberedPart results("Kết quả thực hiện");
  if (!report.indicators.empty()) {
    results.Item("Kết quả thực hiện các chỉ tiêu", {BodyBlock::Table(IndicatorTable(report, c))});
  }
  if (!report.activity_counts.empty()) {
    results.Item("Hoạt động thông tin, tuyên truyền",
                 {BodyBlock::Table(ActivityTable(report, c))});
  }
  if (!report.highlights.empty()) results.Item("Kết quả nổi bật", TextBlocks(report.highlights));
  if (c.rollup.has_value()) {
    std::vector<BodyBlock> blocks = {BodyBlock::Table(RollupToOfficialTable(*c.rollup))};
    for (const std::string& note : c.rollup->notes) {
      blocks.push_back(BodyBlock::Paragraph(note, true));
    }
    results.Item(c.rollup->title.empty() ? "Kết quả của các đơn vị trực thuộc" : c.rollup->title,
                 std::move(blocks));
  }
  NumberedPart problems("Tồn tại, hạn chế và nguyên nhân");
  if (!report.shortcomings.empty()) {
    problems.Item("Tồn tại, hạn chế", TextBlocks(report.shortcomings));
  }
  if (!report.causes.empty()) problems.Item("Nguyên nhân", TextBlocks(report.causes));

  int number = 0;
  results.AppendTo(doc.body, number);
  problems.AppendTo(doc.body, number);
  if (!report.lessons.empty()) {
    doc.body.push_back(BodyBlock::Heading(1, RomanNumeral(++number), "Bài học kinh nghiệm"));
    AddNarrative(doc.body, report.lessons);
  }
  if (!report.recommendations.empty()) {
    doc.body.push_back(BodyBlock::Heading(1, RomanNumeral(++number), "Đề xuất, kiến nghị"));
    AddNarrative(doc.body, report.recommendations);
  }
  doc.signer = c.signer;
  doc.recipients = c.recipients;
  return doc;
}

}  // namespace lienthong
