// Imports a list of units into the hierarchy, all or nothing, in one transaction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "service/units/unit_file_reader.h"
#include "store/database.h"

namespace lienthong {

// The country root that a file may name as parent without defining it (as the official list
// of provinces does with parent_code "VN").
constexpr std::string_view kCountryCode = "VN";
constexpr std::string_view kCountryName = "Việt Nam";

struct UnitImportSummary {
  int created = 0;
  bool created_country = false;  // the VN root was added because the file named it as parent
};

// Validates every row against the file and the database — duplicate codes (in the file or
// already stored), unknown parents, cycles — and inserts them parents-first with one audit row
// each. On any problem nothing is written and the Status lists every problem with its location.
Result<UnitImportSummary> ImportUnits(Database& db, const std::vector<UnitRow>& rows,
                                      std::string_view actor);

struct UnitImportRequest {
  const std::vector<UnitRow>& rows;
  std::string actor;  // written to the audit rows
  // "" imports anywhere (the CLI); "/VN/66/" (an administrator's subtree) requires every new
  // unit to land inside it: a parent outside it reads as unknown, a row without one is refused.
  std::string scope_path;
};

struct UnitImportResult {
  UnitImportSummary summary;  // what was created, when `problems` is empty
  ProblemList problems;       // coded, by line (util/problem_list.h); non-empty: nothing written
};

// ImportUnits for a front end that shows each problem in its own words: the problems come back
// as values, and the Status is kept for what stops the work (the database).
Result<UnitImportResult> ImportUnitsChecked(Database& db, const UnitImportRequest& request);

}  // namespace lienthong
