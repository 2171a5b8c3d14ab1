#include "service/units/unit_file_reader.h"

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "text/legacy_encoding.h"
#include "util/csv.h"
#include "util/problem_list.h"

namespace lienthong {
namespace {

constexpr std::string_view kRequiredColumns[] = {"code", "name", "kind", "parent_code"};

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// A coded problem about row `where` (line `line`; 0 for a JSON item).
void AddProblem(ProblemList& problems, const std::string& where, int line, std::string code,
                std::vector<std::pair<std::string, std::string>> params, std::string message) {
  problems.Add(Problem{.where = where, .line = line, .code = std::move(code),
                       .params = std::move(params), .message = std::move(message)});
}

// Checks one row's fields and fills `unit`; problems go to `problems` under `where`.
void ValidateFields(const std::string& where, int line,
                    const std::map<std::string, std::string>& fields, NewUnit& unit,
                    ProblemList& problems) {
  auto get = [&](const char* key) {
    auto it = fields.find(key);
    return it == fields.end() ? std::string() : Trim(it->second);
  };
  unit.code = get("code");
  unit.name = get("name");
  unit.parent_code = get("parent_code");
  std::string kind = get("kind");
  if (unit.code.empty()) {
    AddProblem(problems, where, line, "empty_code", {}, "empty code");
  } else if (!IsValidUnitCode(unit.code)) {
    AddProblem(problems, where, line, "bad_code", {{"code", unit.code}},
               "code '" + unit.code +
                   "' may hold only letters, digits, '.', '_' and '-' (at most 64)");
  }
  if (unit.name.empty()) AddProblem(problems, where, line, "empty_name", {}, "empty name");
  if (auto k = ParseUnitKind(kind)) {
    unit.kind = *k;
  } else {
    AddProblem(problems, where, line, "unknown_kind", {{"kind", kind}},
               "unknown kind '" + kind + "' (see `lienthong units kinds`)");
  }
  if (!unit.parent_code.empty() && !IsValidUnitCode(unit.parent_code)) {
    AddProblem(problems, where, line, "bad_parent_code", {{"code", unit.parent_code}},
               "parent_code '" + unit.parent_code + "' is not a valid code");
  }
  for (const char* key : {"valid_from", "valid_to"}) {
    std::string text = get(key);
    if (text.empty()) continue;
    auto date = Date::FromIso(text);
    if (!date) {
      AddProblem(problems, where, line, "bad_date", {{"column", key}, {"value", text}},
                 std::string(key) + " '" + text + "' is not a date (YYYY-MM-DD)");
    } else if (std::string_view(key) == "valid_from") {
      unit.valid_from = date;
    } else {
      unit.valid_to = date;
    }
  }
}

Result<std::string> DecodeFile(std::string_view bytes, std::string_view file_name) {
  auto decoded = DecodeText(bytes);
  if (!decoded.ok()) return decoded.status().WithContext(file_name);
  return std::move(decoded->text);
}

}  // namespace

Result<std::vector<UnitRow>> ReadUnitCsvRows(std::string_view bytes, std::string_view file_name,
                                             ProblemList& problems) {
  LT_ASSIGN_OR_RETURN(std::string text, DecodeFile(bytes, file_name));
  auto records = ParseCsv(text);
  if (!records.ok()) return records.status().WithContext(file_name);
  std::string name(file_name);
  if (records->empty()) {
    AddProblem(problems, name, 0, "no_rows", {}, "the file has no rows");
    return std::vector<UnitRow>();
  }

  const CsvRecord& header = records->front();
  std::vector<std::string> columns;
  for (const auto& f : header.fields) columns.push_back(Trim(f));
  for (auto required : kRequiredColumns) {
    if (std::find(columns.begin(), columns.end(), required) == columns.end()) {
      AddProblem(problems, name + ":" + std::to_string(header.line), header.line,
                 "missing_column", {{"column", std::string(required)}},
                 "header has no column '" + std::string(required) +
                     "' (expected code,name,kind,parent_code)");
    }
  }
  if (!problems.empty()) return std::vector<UnitRow>();

  std::vector<UnitRow> rows;
  for (size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& rec = (*records)[r];
    std::string where = name + ":" + std::to_string(rec.line);
    if (rec.fields.size() != columns.size()) {
      AddProblem(problems, where, rec.line, "field_count",
                 {{"expected", std::to_string(columns.size())},
                  {"found", std::to_string(rec.fields.size())}},
                 "expected " + std::to_string(columns.size()) + " fields, found " +
                     std::to_string(rec.fields.size()));
      continue;
    }
    std::map<std::string, std::string> fields;
    for (size_t c = 0; c < columns.size(); ++c) fields[columns[c]] = rec.fields[c];
    UnitRow row{.where = where, .line = rec.line};
    ValidateFields(where, rec.line, fields, row.unit, problems);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<UnitRow>> ParseUnitCsv(std::string_view bytes, std::string_view file_name) {
  ProblemList problems;
  LT_ASSIGN_OR_RETURN(auto rows, ReadUnitCsvRows(bytes, file_name, problems));
  if (!problems.empty()) return problems.ToStatus(std::string(file_name) + " was not imported");
  return rows;
}

Result<std::vector<UnitRow>> ParseUnitJson(std::string_view bytes, std::string_view file_name) {
  LT_ASSIGN_OR_RETURN(std::string text, DecodeFile(bytes, file_name));
  std::string name(file_name);
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Parse again with exceptions only to learn where it broke.
    try {
      auto unused = nlohmann::json::parse(text);
      (void)unused;
    } catch (const nlohmann::json::parse_error& e) {
      return Status::InvalidArgument(name + ": invalid JSON at byte " + std::to_string(e.byte) +
                                     ": " + e.what());
    }
    return Status::InvalidArgument(name + ": invalid JSON");
  }
  const nlohmann::json* items = &doc;
  if (doc.is_object() && doc.contains("units")) items = &doc["units"];
  if (!items->is_array()) {
    return Status::InvalidArgument(name + ": expected an array of units or {\"units\": [...]}");
  }
  ProblemList problems;
  std::vector<UnitRow> rows;
  for (size_t i = 0; i < items->size(); ++i) {
    const auto& item = (*items)[i];
    std::string where = name + ": item " + std::to_string(i + 1);
    if (!item.is_object()) {
      problems.Add(where, "not an object");
      continue;
    }
    std::map<std::string, std::string> fields;
    for (auto it = item.begin(); it != item.end(); ++it) {
      if (it->is_string()) {
        fields[it.key()] = it->get<std::string>();
      } else if (it->is_number_integer()) {
        fields[it.key()] = std::to_string(it->get<long long>());
      } else if (!it->is_null()) {
        problems.Add(where, "field '" + it.key() + "' must be a string");
      }
    }
    UnitRow row{.where = where};
    ValidateFields(where, 0, fields, row.unit, problems);
    rows.push_back(std::move(row));
  }
  if (!problems.empty()) return problems.ToStatus(name + " was not imported");
  return rows;
}

Result<std::vector<UnitRow>> ReadUnitFile(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError(path + ": " + ec.message());
  if (size > kMaxUnitFileBytes) {
    return Status::TooLarge(path + ": " + std::to_string(size) + " bytes is over the limit of " +
                            std::to_string(kMaxUnitFileBytes) + " bytes for a unit file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string bytes = buf.str();
  const std::string& file_name = path;  // as the user wrote it, so messages point at it
  if (std::filesystem::path(path).extension() == ".json") return ParseUnitJson(bytes, file_name);
  return ParseUnitCsv(bytes, file_name);
}

}  // namespace lienthong
