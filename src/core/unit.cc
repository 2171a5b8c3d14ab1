#include "core/unit.h"

#include <array>
#include <utility>

namespace lienthong {
namespace {

struct KindInfo {
  UnitKind kind;
  std::string_view name;
  std::string_view label_vi;
};

constexpr std::array<KindInfo, 20> kKinds{{
    {UnitKind::kCountry, "country", "Quốc gia"},
    {UnitKind::kProvince, "province", "Tỉnh"},
    {UnitKind::kCity, "city", "Thành phố trực thuộc trung ương"},
    {UnitKind::kCommune, "commune", "Xã"},
    {UnitKind::kWard, "ward", "Phường"},
    {UnitKind::kSpecialZone, "special_zone", "Đặc khu"},
    {UnitKind::kPartyCommittee, "party_committee", "Cấp ủy đảng"},
    {UnitKind::kPartyBoard, "party_board", "Ban đảng"},
    {UnitKind::kSteeringCommittee, "steering_committee", "Ban chỉ đạo"},
    {UnitKind::kPeoplesCouncil, "peoples_council", "Hội đồng nhân dân"},
    {UnitKind::kPeoplesCommittee, "peoples_committee", "Ủy ban nhân dân"},
    {UnitKind::kDepartment, "department", "Sở, ban, ngành"},
    {UnitKind::kPress, "press", "Báo chí"},
    {UnitKind::kBroadcaster, "broadcaster", "Phát thanh, truyền hình"},
    {UnitKind::kPolice, "police", "Công an"},
    {UnitKind::kMilitary, "military", "Quân sự"},
    {UnitKind::kFatherlandFront, "fatherland_front", "Mặt trận Tổ quốc"},
    {UnitKind::kMassOrganisation, "mass_organisation", "Đoàn thể"},
    {UnitKind::kResidentialArea, "residential_area", "Thôn, tổ dân phố"},
    {UnitKind::kOther, "other", "Khác"},
}};

}  // namespace

std::string_view UnitKindName(UnitKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.name;
  return "other";
}

std::optional<UnitKind> ParseUnitKind(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

std::string_view UnitKindLabelVi(UnitKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.label_vi;
  return "Khác";
}

bool IsTerritorial(UnitKind kind) {
  switch (kind) {
    case UnitKind::kCountry:
    case UnitKind::kProvince:
    case UnitKind::kCity:
    case UnitKind::kCommune:
    case UnitKind::kWard:
    case UnitKind::kSpecialZone:
      return true;
    default:
      return false;
  }
}

const std::vector<UnitKind>& AllUnitKinds() {
  static const std::vector<UnitKind> kAll = [] {
    std::vector<UnitKind> all;
    for (const auto& k : kKinds) all.push_back(k.kind);
    return all;
  }();
  return kAll;
}

bool Unit::IsActiveOn(const Date& day) const {
  if (valid_from && day < *valid_from) return false;
  if (valid_to && !(day < *valid_to)) return false;
  return true;
}

bool IsValidUnitCode(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace lienthong
