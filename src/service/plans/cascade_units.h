// Units as the cascade sees them: the territory a body belongs to, the level of a territory
// (country → province → commune), and how the names in a plan's lead/coordinator lists address
// units — one unit by name ("UBND xã Ea Kar"), or a whole level by a generic name ("UBND các xã,
// phường", "cấp ủy cơ sở", "các địa phương"). Shared by plan_derive (which tasks fall to a unit)
// and plan_coverage (which units must implement a plan), so both read names the same way.
//
// Name keys are SearchKey-based (case, tone style and diacritics folded) with the usual
// abbreviations expanded (UBND, HĐND, MTTQ) and "Việt Nam" dropped, so "UBND xã Ea Kar" names the
// unit "Ủy ban nhân dân xã Ea Kar" and "Ủy ban MTTQ tỉnh" names "Ủy ban Mặt trận Tổ quốc Việt
// Nam tỉnh Đắk Lắk".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"
#include "store/database.h"

namespace lienthong {

// "country", "province" (provinces and centrally-run cities) or "commune" (communes, wards,
// special zones); "" for a non-territorial kind.
std::string_view LevelOfTerritory(UnitKind kind);
// The level below `level` ("country" → "province" → "commune"); "" below communes.
std::string_view LevelBelow(std::string_view level);
// The lower-case noun a territory's level is written with: "tỉnh", "thành phố", "xã", "phường",
// "đặc khu"; "" for the country.
std::string_view LevelNoun(UnitKind territory_kind);
// A territory's name without its kind word: "Tỉnh Đắk Lắk" → "Đắk Lắk", "Xã Ea Kar" → "Ea Kar".
std::string ProperName(const Unit& territory);

// The nearest territorial unit at or above `unit` (a body's territory; a territory itself).
// kNotFound when no ancestor is territorial.
Result<Unit> TerritoryOf(Database& db, const Unit& unit);

// Where a plan sits in the hierarchy: its issuing unit and that unit's territory. A plan without
// unit (or whose unit is gone) belongs to the root, whose first unit is then its territory.
struct PlanPlace {
  std::optional<Unit> unit;
  Unit territory;
};
// kFailedPrecondition "no units are stored" for a plan without unit in an empty hierarchy.
Result<PlanPlace> PlaceOfPlan(Database& db, const std::optional<int64_t>& unit_id);

// Which bodies a generic name speaks to.
enum class BodyFamily { kAny, kParty, kState, kFront, kPolice, kMilitary };
bool KindInFamily(UnitKind kind, BodyFamily family);
// The family a name's words point to ("Đảng ủy …" party, "UBND …" state, "Công an …" police);
// kAny when none or several ("các cấp ủy, chính quyền").
BodyFamily FamilyOfName(std::string_view name);

// A generic name: every unit of a level (relative "below" is resolved by the caller against the
// plan's own level) of a family.
struct GenericAddress {
  std::string level;  // "province", "commune", or "below" for "các địa phương", "các cấp ủy"
  BodyFamily family = BodyFamily::kAny;
};
// nullopt when `name` is not a generic name of a level ("Sở Y tế", "Các cơ quan, đơn vị").
std::optional<GenericAddress> ClassifyGenericName(std::string_view name);

// The comparison key of a unit name (see the file comment), tokens separated by one space.
std::string CascadeNameKey(std::string_view name);

// True when `name` (from a lead/coordinator list) names `unit` itself: it contains the unit's
// full name key, or — with `allow_short`, meant for bodies of the plan's own territory, where
// documents drop the territory — equals the unit's name without its territory ("Sở Y tế" for
// "Sở Y tế tỉnh Đắk Lắk", "Công an tỉnh" for "Công an tỉnh Đắk Lắk"). `territory` is the unit's
// territory; a territory is never named by the bare level noun.
bool NameNamesUnit(std::string_view name, const Unit& unit, const Unit& territory,
                   bool allow_short);

}  // namespace lienthong
