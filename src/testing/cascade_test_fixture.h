// Test data for the cascade tests (derive, linking, coverage, routes): Đắk Lắk with provincial
// bodies, two communes and a ward, and Phú Thọ with one commune; a provincial plan document and
// helpers to store plans. Test-only header.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "testing/plan_test_database.h"

namespace lienthong::testing_cascade {

inline constexpr const char* kUnitsCsv =
    "code,name,kind,parent_code\n"
    "66,Tỉnh Đắk Lắk,province,VN\n"
    "66-TU,Tỉnh ủy Đắk Lắk,party_committee,66\n"
    "66-UBND,Ủy ban nhân dân tỉnh Đắk Lắk,peoples_committee,66\n"
    "66-SVHTTDL,\"Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk\",department,66\n"
    "66901,Phường Buôn Ma Thuột,ward,66\n"
    "66904,Xã Ea Kar,commune,66\n"
    "66904-DU,Đảng ủy xã Ea Kar,party_committee,66904\n"
    "66904-UBND,Ủy ban nhân dân xã Ea Kar,peoples_committee,66904\n"
    "66904-CA,Công an xã Ea Kar,police,66904\n"
    "66905,Xã Đắk Liêng,commune,66\n"
    "66905-UBND,Ủy ban nhân dân xã Đắk Liêng,peoples_committee,66905\n"
    "25,Tỉnh Phú Thọ,province,VN\n"
    "25904,Xã Thanh Thủy,commune,25\n"
    "25904-UBND,Ủy ban nhân dân xã Thanh Thủy,peoples_committee,25904\n";

inline Result<std::unique_ptr<Database>> OpenCascadeTestDatabase(const std::string& backend) {
  return OpenTestDatabaseWithUnits(backend, kUnitsCsv);
}

// The provincial plan of UBND tỉnh Đắk Lắk the tests derive from and measure coverage of.
inline nlohmann::json ProvincialPlan() {
  return nlohmann::json::parse(R"json({
    "doc_type": "Kế hoạch", "number": "13/KH-UBND", "issuer": "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
    "parent_issuer": null, "place": "Đắk Lắk", "date": "2025-09-01",
    "title": "Tuyên truyền chuyển đổi số trên địa bàn tỉnh Đắk Lắk năm 2025",
    "legal_bases": ["02-KH/BCĐTW", "45/2025/NĐ-CP"], "implements": "02-KH/BCĐTW",
    "sections": ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"],
    "section_tree": [{"label": "I", "title": "MỤC ĐÍCH, YÊU CẦU"},
                     {"label": "II", "title": "NỘI DUNG", "children": [
                       {"label": "1", "title": "Tuyên truyền về chuyển đổi số trên địa bàn tỉnh"}]}],
    "themes": [{"label": "1", "title": "Tuyên truyền về chuyển đổi số và kinh tế số"},
               {"label": "2", "title": "Phổ biến kỹ năng số cho người dân"},
               {"label": "3", "title": "Bảo vệ an toàn thông tin mạng"}],
    "channels": [{"code": "grassroots", "name": "Hệ thống truyền thanh cơ sở trên địa bàn tỉnh"}],
    "phases": [],
    "tasks": [
      {"text": "Xây dựng kế hoạch triển khai trước ngày 30/9/2025", "lead": ["UBND các xã, phường"],
       "coordinators": [], "deadline": "trước ngày 30/9/2025"},
      {"text": "Tuyên truyền chuyển đổi số trên hệ thống truyền thanh cơ sở",
       "lead": ["Đảng ủy các xã, phường"], "coordinators": ["UBND các xã, phường"],
       "deadline": "Quý IV/2025"},
      {"text": "Tổ chức hội thi tìm hiểu kỹ năng số toàn tỉnh",
       "lead": ["Sở Văn hóa, Thể thao và Du lịch"], "coordinators": ["Tỉnh đoàn"],
       "deadline": "Quý IV/2025"},
      {"text": "Bảo đảm an ninh mạng trên địa bàn tỉnh", "lead": ["Công an tỉnh"],
       "coordinators": ["Công an các xã, phường"], "deadline": "Thường xuyên"}
    ],
    "report_deadlines": ["trước ngày 15/12/2025"],
    "recipients": ["Bộ Khoa học và Công nghệ (b/c)", "UBND các xã, phường", "Lưu: VT"],
    "signer": {"on_behalf": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"}
  })json");
}

// Stores `doc` as a plan of `unit_code` (nullopt: no unit) and returns its id.
inline Result<int64_t> SaveDocument(Database& db, const std::optional<std::string>& unit_code,
                                    const nlohmann::json& doc) {
  return SaveTestDocument(db, unit_code, doc);
}

// A minimal imported document: number, date, title, legal bases, themes as given.
inline nlohmann::json ImportedPlan(const std::string& number, const std::string& date,
                                   const std::string& title, const nlohmann::json& legal_bases,
                                   const nlohmann::json& implements = nullptr) {
  return {{"doc_type", "Kế hoạch"}, {"number", number},  {"issuer", "x"},
          {"date", date},           {"title", title},    {"legal_bases", legal_bases},
          {"implements", implements}, {"tasks", nlohmann::json::array()}};
}

inline int64_t Count(Database& db, const std::string& sql, const SqlParams& params = {}) {
  auto rows = db.Query(sql, params);
  return rows.ok() ? rows->at(0).Int(0) : -1;
}

}  // namespace lienthong::testing_cascade
