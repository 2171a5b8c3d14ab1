// Test data for the task-tracking tests: a small hierarchy (Đắk Lắk with provincial bodies and
// two communes, Phú Thọ) and a helper that stores a plan with given tasks. Test-only header.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "testing/plan_test_database.h"

namespace lienthong::testing_tasks {

inline constexpr const char* kUnitsCsv =
    "code,name,kind,parent_code\n"
    "66,Tỉnh Đắk Lắk,province,VN\n"
    "66-UBND,Ủy ban nhân dân tỉnh Đắk Lắk,peoples_committee,66\n"
    "66-CA,Công an tỉnh Đắk Lắk,police,66\n"
    "66-TU,Tỉnh ủy Đắk Lắk,party_committee,66\n"
    "66-BTGDV,Ban Tuyên giáo và Dân vận Tỉnh ủy Đắk Lắk,party_board,66-TU\n"
    "66-MTTQ,Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk,fatherland_front,66\n"
    "66904,Xã Ea Kar,commune,66\n"
    "66904-UBND,Ủy ban nhân dân xã Ea Kar,peoples_committee,66904\n"
    "66904-CA,Công an xã Ea Kar,police,66904\n"
    "66904-DTN,Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Ea Kar,mass_organisation,66904\n"
    "66905,Xã Đắk Liêng,commune,66\n"
    "66905-CA,Công an xã Đắk Liêng,police,66905\n"
    "25,Tỉnh Phú Thọ,province,VN\n"
    "25-UBND,Ủy ban nhân dân tỉnh Phú Thọ,peoples_committee,25\n";

// A fresh database of `backend` holding kUnitsCsv, or an error status.
inline Result<std::unique_ptr<Database>> OpenTaskTestDatabase(const std::string& backend) {
  return OpenTestDatabaseWithUnits(backend, kUnitsCsv);
}

// Stores one plan of `unit_code` dated `date` with `tasks` (import-schema task objects) and
// returns its id.
inline Result<int64_t> SaveTestPlan(Database& db, const std::string& unit_code,
                                    const std::string& date, const nlohmann::json& tasks,
                                    const nlohmann::json& phases = nlohmann::json::array()) {
  nlohmann::json doc = {{"doc_type", "Kế hoạch"}, {"number", "1/KH-" + unit_code},
                        {"issuer", "Ủy ban nhân dân"},   {"date", date},
                        {"title", "Kế hoạch thử"},      {"tasks", tasks},
                        {"phases", phases}};
  return SaveTestDocument(db, unit_code, doc);
}

// The id of the task at `position` of plan `plan_id`.
inline int64_t TaskId(Database& db, int64_t plan_id, int position) {
  auto rows = db.Query("SELECT id FROM tasks WHERE plan_id = ? AND position = ?",
                       {plan_id, int64_t{position}});
  return rows.ok() && !rows->empty() ? rows->at(0).Int(0) : 0;
}

inline int64_t CountRows(Database& db, const std::string& sql, const SqlParams& params = {}) {
  auto rows = db.Query(sql, params);
  return rows.ok() ? rows->at(0).Int(0) : -1;
}

}  // namespace lienthong::testing_tasks
