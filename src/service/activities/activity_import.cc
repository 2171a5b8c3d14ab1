#include "service/activities/activity_import.h"

#include <array>
#include <map>
#include <optional>

#include "core/activity_vocabulary.h"
#include "service/activities/table_file.h"
#include "text/keys.h"
#include "text/time_spec_parser.h"

namespace lienthong {
namespace {

enum class Column { kDate, kKind, kChannel, kTitle, kTheme, kLink, kReach, kUnit, kPlanId, kClientKey };

struct ColumnName {
  Column column;
  const char* field;                    // the activity field, as errors name it
  std::array<const char*, 5> headers;   // accepted headers, compared by HeaderKey
};

constexpr ColumnName kColumns[] = {
    {Column::kDate, "date", {"date", "ngày", "ngày đăng", "ngày thực hiện", ""}},
    {Column::kKind, "kind", {"kind", "loại", "hình thức", "loại hình", "loại hoạt động"}},
    {Column::kChannel, "channel", {"channel", "kênh", "kênh truyền thông", "kênh thông tin", ""}},
    {Column::kTitle, "title", {"title", "tiêu đề", "tên hoạt động", "nội dung", ""}},
    {Column::kTheme, "theme", {"theme", "chủ đề", "", "", ""}},
    {Column::kLink, "link", {"link", "đường dẫn", "liên kết", "url", ""}},
    {Column::kReach, "reach", {"reach", "lượt tiếp cận", "số người tiếp cận", "lượt xem", ""}},
    {Column::kUnit, "unit", {"unit", "đơn vị", "mã đơn vị", "", ""}},
    {Column::kPlanId, "plan_id", {"plan_id", "mã kế hoạch", "kế hoạch", "", ""}},
    {Column::kClientKey, "client_key", {"client_key", "mã chống trùng", "", "", ""}},
};

// Case, diacritics, spacing and punctuation folded: "Ngày đăng" = "ngay dang" = "NGAY_DANG".
std::string HeaderKey(std::string_view text) {
  std::string key;
  for (char c : SearchKey(text)) {
    auto u = static_cast<unsigned char>(c);
    bool word = u >= 0x80 || std::isalnum(u);
    if (word) key += c;
    else if (!key.empty() && key.back() != ' ') key += ' ';
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Column index of each field; problems for unknown, repeated or missing headers.
std::map<Column, size_t> MapHeader(const TableRow& header, std::vector<RowProblem>& problems) {
  std::map<Column, size_t> where;
  for (size_t i = 0; i < header.cells.size(); ++i) {
    std::string key = HeaderKey(header.cells[i]);
    if (key.empty()) continue;
    const ColumnName* found = nullptr;
    for (const ColumnName& c : kColumns) {
      for (const char* h : c.headers) {
        if (*h && HeaderKey(h) == key) found = &c;
      }
    }
    if (!found) {
      const std::string name = Trimmed(header.cells[i]).substr(0, 60);
      problems.push_back({header.number, "",
                          "unknown column '" + name +
                              "' (expected date, kind, channel, title, theme, link, reach, unit, "
                              "plan_id, client_key)",
                          "unknown_column", {{"name", name}}});
    } else if (!where.emplace(found->column, i).second) {
      problems.push_back(
          {header.number, found->field, "the column appears twice", "duplicate_column", {}});
    }
  }
  for (Column required : {Column::kDate, Column::kKind, Column::kChannel, Column::kTitle}) {
    if (where.count(required)) continue;
    for (const ColumnName& c : kColumns) {
      if (c.column == required) {
        problems.push_back({header.number, c.field,
                            std::string("missing column '") + c.field + "'", "missing_column", {}});
      }
    }
  }
  return where;
}

// A code, a Vietnamese label of the list, or one part of a label ("Bài viết" for "Tin, bài viết";
// "Hội nghị" for "Hội nghị, tọa đàm, …"); anything else is left for the validation to refuse.
std::string CodeOf(const std::string& value, const std::vector<CodeLabel>& options) {
  std::string key = HeaderKey(value);
  if (key.empty()) return value;
  for (const CodeLabel& o : options) {
    if (HeaderKey(o.label) == key || HeaderKey(o.code) == key) return o.code;
  }
  for (const CodeLabel& o : options) {
    size_t start = 0;
    while (start <= o.label.size()) {
      size_t end = o.label.find_first_of(",/", start);
      if (end == std::string::npos) end = o.label.size();
      if (HeaderKey(o.label.substr(start, end - start)) == key) return o.code;
      start = end + 1;
    }
  }
  return value;
}

// YYYY-MM-DD stays; a day as documents write it ("5/9/2025") becomes ISO through the text core.
std::string IsoDate(const std::string& value) {
  if (Date::FromIso(value)) return value;
  TimeSpec spec = ParseTimeSpec(value);
  if (spec.kind == TimeSpecKind::kDate && !spec.before && spec.start) return spec.start->ToIso();
  return value;
}

// "1234", "1.234", "1 234 567"; nullopt for anything else.
std::optional<int64_t> WholeNumber(const std::string& value) {
  std::string digits;
  size_t group = 0;
  bool grouped = false;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
    } else if ((c == '.' || c == ' ') && !digits.empty() && (grouped ? group == 3 : group <= 3)) {
      grouped = true;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || (grouped && group != 3) || digits.size() > 18) return std::nullopt;
  return std::stoll(digits);
}

struct RowReader {
  const std::map<Column, size_t>& where;
  const TableRow& row;
  std::string Get(Column c) const {
    auto it = where.find(c);
    if (it == where.end() || it->second >= row.cells.size()) return "";
    return Trimmed(row.cells[it->second]);
  }
};

// The row as an ActivityInput; a problem for a malformed number.
std::optional<ActivityInput> InputOf(const RowReader& r, std::vector<RowProblem>& problems) {
  ActivityInput in;
  in.unit_code = r.Get(Column::kUnit);
  in.date = IsoDate(r.Get(Column::kDate));
  in.kind = CodeOf(r.Get(Column::kKind), ActivityKindOptions());
  in.channel = CodeOf(r.Get(Column::kChannel), ActivityChannelOptions());
  in.title = r.Get(Column::kTitle);
  in.theme = r.Get(Column::kTheme);
  in.link = r.Get(Column::kLink);
  bool ok = true;
  if (std::string reach = r.Get(Column::kReach); !reach.empty()) {
    auto n = WholeNumber(reach);
    if (!n) {
      const std::string value = reach.substr(0, 40);
      problems.push_back({r.row.number, "reach", "'" + value + "' is not a whole number",
                          "not_whole_number", {{"value", value}}});
      ok = false;
    }
    in.reach = n.value_or(0);
  }
  if (std::string plan = r.Get(Column::kPlanId); !plan.empty()) {
    auto n = WholeNumber(plan);
    if (!n) {
      const std::string value = plan.substr(0, 40);
      problems.push_back({r.row.number, "plan_id", "'" + value + "' is not a plan id",
                          "not_plan_id", {{"value", value}}});
      ok = false;
    }
    in.plan_id = n;
  }
  if (std::string key = r.Get(Column::kClientKey); !key.empty()) in.client_key = key;
  if (!ok) return std::nullopt;
  return in;
}

RowProblem ProblemOf(int row, const Status& status) {
  std::string message = status.message();
  const std::string& field = status.field();
  if (!field.empty() && message.rfind(field + ": ", 0) == 0) message.erase(0, field.size() + 2);
  return {row, field, message, status.reason(), status.reason_params()};
}

// The drafts of every data row; problems for those that fail.
std::vector<ActivityDraft> CheckRows(Database& db, const ActivityImportRequest& request,
                                     const std::vector<TableRow>& rows,
                                     const std::map<Column, size_t>& where,
                                     std::vector<int>& row_numbers,
                                     std::vector<RowProblem>& problems) {
  std::vector<ActivityDraft> drafts;
  std::map<std::string, Result<Unit>> units;
  std::map<std::pair<std::string, std::string>, int> keys;  // (unit, client_key) → first row
  for (size_t i = 1; i < rows.size(); ++i) {
    const TableRow& row = rows[i];
    std::optional<ActivityInput> input = InputOf(RowReader{where, row}, problems);
    if (!input) continue;
    std::string code = input->unit_code.empty() ? request.default_unit.code : input->unit_code;
    auto unit = units.find(code);
    if (unit == units.end()) {
      unit = units.emplace(code, code == request.default_unit.code ? Result<Unit>(request.default_unit)
                                                                   : request.resolve_unit(code)).first;
    }
    if (!unit->second.ok()) {
      problems.push_back({row.number, "unit", unit->second.status().message(), "unit_unknown",
                          {{"value", code.substr(0, 40)}}});
      continue;
    }
    Result<Activity> valid = ValidateActivity(db, *input, *unit->second, request.record.today, "");
    if (!valid.ok()) {
      if (valid.status().code() != StatusCode::kInvalidArgument) {
        problems.push_back({row.number, "", valid.status().message()});
      } else {
        problems.push_back(ProblemOf(row.number, valid.status()));
      }
      continue;
    }
    if (input->client_key) {
      auto [first, fresh] = keys.emplace(std::make_pair(code, *input->client_key), row.number);
      if (!fresh) {
        const std::string earlier = std::to_string(first->second);
        problems.push_back({row.number, "client_key", "repeats row " + earlier, "repeats_row",
                            {{"row", earlier}}});
        continue;
      }
    }
    input->unit_code = code;
    drafts.push_back({std::move(*input), *unit->second});
    row_numbers.push_back(row.number);
  }
  return drafts;
}

// The row a batch error names ("activities[12].client_key: …" is the 13th draft).
RowProblem ProblemOfBatch(const Status& status, const std::vector<int>& row_numbers) {
  std::string field = status.field();
  size_t index = 0;
  if (field.rfind("activities[", 0) == 0) {
    index = static_cast<size_t>(std::atoll(field.c_str() + 11));
    size_t dot = field.find("].");
    field = dot == std::string::npos ? "" : field.substr(dot + 2);
  }
  int row = index < row_numbers.size() ? row_numbers[index] : 0;
  std::string message = status.message();
  size_t colon = message.find(": ");
  if (!status.field().empty() && colon != std::string::npos) message.erase(0, colon + 2);
  // A client_key stored before (by an earlier import or the form): the rest only in words.
  std::string code = status.code() == StatusCode::kAlreadyExists ? "client_key_used" : "";
  return {row, field, message, code, {}};
}

}  // namespace

Result<ActivityImportResult> ImportActivities(Database& db, const ActivityImportRequest& request) {
  TableLimits limits;
  limits.max_rows = kMaxImportActivities + 1;
  LT_ASSIGN_OR_RETURN(auto rows, ReadTableFile(request.file_bytes, request.file_name, limits));
  ActivityImportResult result;
  result.rows = static_cast<int64_t>(rows.size()) - 1;
  std::map<Column, size_t> where = MapHeader(rows.front(), result.problems);
  if (!result.problems.empty()) return result;
  if (result.rows == 0) {
    result.problems.push_back({rows.front().number, "",
                               "the file has no activities below its header", "no_rows", {}});
    return result;
  }
  std::vector<int> row_numbers;
  std::vector<ActivityDraft> drafts =
      CheckRows(db, request, rows, where, row_numbers, result.problems);
  if (!result.problems.empty() || request.dry_run) return result;
  auto stored = RecordActivities(db, drafts, request.record);
  if (!stored.ok()) {
    if (stored.status().code() != StatusCode::kAlreadyExists &&
        stored.status().code() != StatusCode::kInvalidArgument) {
      return stored.status();
    }
    result.problems.push_back(ProblemOfBatch(stored.status(), row_numbers));
    return result;
  }
  for (const StoredActivity& s : *stored) result.ids.push_back(s.activity.id);
  return result;
}

}  // namespace lienthong
