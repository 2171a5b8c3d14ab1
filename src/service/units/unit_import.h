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

}  // namespace lienthong
