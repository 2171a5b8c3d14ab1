// What the service test fixtures share: a fresh database holding a units file, and a plan saved
// from a document written in its stored JSON form (docs/import-schema.md).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "service/plans/plan_save.h"
#include "service/units/unit_file_reader.h"
#include "service/units/unit_import.h"
#include "store/database.h"
#include "store/plan_document_codec.h"
#include "store/testing/test_database.h"

namespace lienthong {

// A fresh database of `backend` holding the units of `units_csv`, or an error status.
inline Result<std::unique_ptr<Database>> OpenTestDatabaseWithUnits(const std::string& backend,
                                                                   const char* units_csv) {
  LT_ASSIGN_OR_RETURN(auto db, OpenFreshTestDatabase(backend));
  LT_ASSIGN_OR_RETURN(auto rows, ParseUnitCsv(units_csv, "units.csv"));
  LT_RETURN_IF_ERROR(ImportUnits(*db, rows, "test").status());
  return db;
}

// Stores `doc` as a plan of `unit_code` (nullopt: no unit) and returns its id.
inline Result<int64_t> SaveTestDocument(Database& db, const std::optional<std::string>& unit_code,
                                        const nlohmann::json& doc) {
  LT_ASSIGN_OR_RETURN(auto documents,
                      DecodePlanDocumentList(nlohmann::json::array({doc}), "no plan was saved"));
  PlanSaveRequest request{.documents = std::move(documents), .unit_code = unit_code,
                          .actor = "test"};
  LT_ASSIGN_OR_RETURN(auto saved, SavePlans(db, request));
  return saved.at(0).plan_id;
}

}  // namespace lienthong
