// Reads a unit list from CSV (`code,name,kind,parent_code[,valid_from,valid_to]`, UTF-8 with or
// without BOM — legacy TCVN3/VNI text is decoded too — LF or CRLF) or JSON (an array of objects
// with the same keys, or {"units": [...]}). Every malformed row is reported with its location;
// nothing is returned unless the whole file is clean.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/unit_store.h"
#include "util/problem_list.h"
#include "util/status.h"

namespace lienthong {

struct UnitRow {
  std::string where;  // "units.csv:12", "units.json: item 3"
  NewUnit unit;
  int line = 0;       // the CSV line; 0 for a JSON item
};

// Files above this size are refused before they are read.
constexpr size_t kMaxUnitFileBytes = 64u << 20;

// Reads PATH, choosing the format by its extension (.json, else CSV).
Result<std::vector<UnitRow>> ReadUnitFile(const std::string& path);
// CSV bytes as rows; every malformed row (and a missing column or an empty file) goes to
// `problems`, coded (util/problem_list.h), and the rows are usable only when it stays empty. An
// error Status for what stops the reading (bad encoding, a stray quote).
Result<std::vector<UnitRow>> ReadUnitCsvRows(std::string_view bytes, std::string_view file_name,
                                             ProblemList& problems);
Result<std::vector<UnitRow>> ParseUnitCsv(std::string_view bytes, std::string_view file_name);
Result<std::vector<UnitRow>> ParseUnitJson(std::string_view bytes, std::string_view file_name);

}  // namespace lienthong
