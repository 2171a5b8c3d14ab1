// UnitStore: the units table and its tree, on any Database backend.
//
// Each unit stores its `path`, the codes from the root ("/VN/66/66001/"). A subtree is then one
// range scan on a covering index — path >= "/VN/66/" AND path < "/VN/660" — whose cost is the
// size of the answer, not of the table ('0' is the byte after '/', so the range holds exactly the
// paths that start with the prefix). Moving a unit rewrites the paths of its subtree, which is
// also proportional to the subtree. Writers must hold a transaction (see Transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"
#include "store/database.h"

namespace lienthong {

struct NewUnit {
  std::string code;
  std::string name;
  UnitKind kind = UnitKind::kOther;
  std::string parent_code;  // "" for a root
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
};

class UnitStore {
 public:
  explicit UnitStore(Database& db) : db_(db) {}

  Result<std::optional<Unit>> FindByCode(std::string_view code);
  Result<std::optional<Unit>> FindById(int64_t id);
  // kNotFound "unknown unit code 'X'" when absent.
  Result<Unit> GetByCode(std::string_view code);
  Result<int64_t> Count();

  // The unit and everything under it, ordered by path (parents before children). Ended units
  // are included; callers filter with Unit::IsActiveOn.
  Result<std::vector<Unit>> Subtree(const Unit& root);
  // Units without a parent (normally just the country).
  Result<std::vector<Unit>> Roots();
  // Direct children only.
  Result<std::vector<Unit>> Children(const Unit& parent);

  // Inserts one unit under `parent` (nullptr for a root). Returns the new unit.
  Result<Unit> Insert(const NewUnit& unit, const Unit* parent);
  // Inserts many units whose parents are already stored (`parents[i]` for `units[i]`, nullptr
  // for a root) with multi-row INSERTs — a few hundred rows per round trip. Returns them in order.
  Result<std::vector<Unit>> InsertMany(const std::vector<const NewUnit*>& units,
                                       const std::vector<const Unit*>& parents);
  // Re-parents `unit` and rewrites its subtree's paths. kFailedPrecondition if `new_parent` is
  // inside the unit's own subtree.
  Status Move(const Unit& unit, const Unit& new_parent);
  // Marks the unit ended on `on` with `successor`.
  Status End(const Unit& unit, const Date& on, const Unit& successor);
  Status RecordEvent(const Unit& unit, std::string_view event, const std::optional<Date>& on,
                     const Unit* from_parent, const Unit* to_parent, const Unit* successor);

  // "/VN/66/" for the unit 66 under VN.
  static std::string PathOf(const Unit* parent, std::string_view code);

 private:
  Result<std::vector<Unit>> QueryUnits(std::string_view where, const SqlParams& params);
  Status FillSuccessorCodes(std::vector<Unit>& units);

  Database& db_;
};

}  // namespace lienthong
