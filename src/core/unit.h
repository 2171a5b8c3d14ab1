// Unit: one node of the territorial hierarchy (country → province → commune) or a body that
// belongs to a territory (party committee, people's committee, department, press, police,
// Fatherland Front, residential area…). Validity is half-open [valid_from, valid_to): the 2025
// reorganisation ended many units by merging them into a successor, and their history stays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace lienthong {

enum class UnitKind {
  kCountry,
  kProvince,          // tỉnh
  kCity,              // thành phố trực thuộc trung ương
  kCommune,           // xã
  kWard,              // phường
  kSpecialZone,       // đặc khu
  kPartyCommittee,    // tỉnh ủy, đảng ủy xã, chi bộ
  kPartyBoard,        // ban đảng: Ban Tuyên giáo và Dân vận, Ban Tổ chức…
  kSteeringCommittee, // ban chỉ đạo
  kPeoplesCouncil,    // hội đồng nhân dân
  kPeoplesCommittee,  // ủy ban nhân dân
  kDepartment,        // sở, ban, ngành; phòng chuyên môn
  kPress,             // báo, tạp chí
  kBroadcaster,       // đài phát thanh, truyền hình
  kPolice,            // công an
  kMilitary,          // bộ chỉ huy quân sự, ban chỉ huy quân sự
  kFatherlandFront,   // Ủy ban Mặt trận Tổ quốc
  kMassOrganisation,  // đoàn thanh niên, hội phụ nữ, hội nông dân, hội cựu chiến binh, công đoàn
  kResidentialArea,   // thôn, buôn, tổ dân phố
  kOther,
};

// The identifier used in files and the API ("province", "party_committee"…).
std::string_view UnitKindName(UnitKind kind);
std::optional<UnitKind> ParseUnitKind(std::string_view name);
// Vietnamese label for the UI ("Tỉnh", "Cấp ủy đảng"…).
std::string_view UnitKindLabelVi(UnitKind kind);
// Country, province, city, commune, ward, special zone: the nodes other units hang under.
bool IsTerritorial(UnitKind kind);
const std::vector<UnitKind>& AllUnitKinds();

struct Unit {
  int64_t id = 0;
  std::string code;  // stable, unique: "66", "66001", "66-TU"; never contains '/'
  std::string name;  // NFC
  UnitKind kind = UnitKind::kOther;
  std::optional<int64_t> parent_id;
  std::string parent_code;  // filled by queries for convenience; "" for the root
  int depth = 0;            // 0 for the root
  std::string path;         // "/VN/66/66001/": codes from the root, maintained by the store
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;  // first day the unit no longer exists
  std::optional<int64_t> successor_id;
  std::string successor_code;

  bool IsActiveOn(const Date& day) const;
  bool IsEnded() const { return valid_to.has_value(); }
};

// Codes may hold letters, digits and . _ - only (no '/': it separates codes in the tree path).
bool IsValidUnitCode(std::string_view code);

}  // namespace lienthong
