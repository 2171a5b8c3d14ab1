// Task assignment: turning the lead and coordinator names a plan writes ("UBND xã", "Công an
// xã", "Ban Tuyên giáo và Dân vận Tỉnh ủy") into units of the hierarchy, stored in
// task_assignees (one row per name; unit_id NULL when unresolved, the name kept as text).
//
// Names are compared by AssigneeNameKey: MatchKey (case, spacing and tone-mark style folded), with
// bullets, bracketed remarks and final punctuation dropped, the abbreviations UBND, HĐND, MTTQ,
// UBMTTQ, UB, BCH, BCĐ, TW, TP expanded, and every form of the Fatherland Front ("Ủy ban Mặt trận
// Tổ quốc Việt Nam", "MTTQ") reduced to "mặt trận tổ quốc".
//
// Where names are looked up: the plan's *territory* is the issuing unit itself when it is a
// territory (province, commune…), else its nearest territorial ancestor — a plan issued by "Ủy
// ban nhân dân xã Ea Kar" assigns work to "Công an xã Ea Kar", its sibling under "Xã Ea Kar".
//   1. Units of that territory's own level (not inside a lower territory): a unit whose key
//      equals the name's key, else one whose key starts with it followed by a space ("Công an
//      xã" → "Công an xã Ea Kar"; "Đoàn Thanh niên" → "Đoàn Thanh niên Cộng sản Hồ Chí Minh
//      xã Ea Kar").
//   2. Then the whole subtree, stricter: equal keys, or the name's key followed by the tail of
//      the unit's territory name ("UBND xã Ea Kar" in a province plan).
// In each step, exact matches win over prefix matches and the shallowest candidates over deeper
// ones; two candidates left (every commune has a "Công an xã …") means unresolved. Ended units
// are never candidates. A plan without an issuing unit resolves nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.h"
#include "store/database.h"

namespace lienthong {

std::string AssigneeNameKey(std::string_view name);

// Resolves names within one territory's subtree (see above). Build once per plan.
class UnitNameResolver {
 public:
  // `subtree`: the territory and everything under it (UnitStore::Subtree order), territory first.
  explicit UnitNameResolver(const std::vector<Unit>& subtree);

  std::optional<int64_t> Resolve(std::string_view name) const;

 private:
  struct Candidate {
    int64_t id = 0;
    int depth = 0;
    std::string key;
    std::string territory_key;  // the key of the unit's nearest territorial ancestor-or-self
    bool own_level = false;     // that territory is the resolver's root
  };
  std::vector<Candidate> candidates_;
};

// Resolves the lead and coordinator names of every task of plan `plan_id` into task_assignees
// (replacing earlier rows), then creates the instances of its recurring tasks
// (task_recurrence.h), so that a stored plan is ready to track. Idempotent. Call it after the
// plan's tasks are inserted or changed. REQUIRES: an open transaction.
Status AssignPlanTasks(Database& db, int64_t plan_id);

// AssignPlanTasks for every plan (plans stored before task tracking existed). Returns how many
// plans it went through. REQUIRES: an open transaction.
Result<int64_t> AssignAllTasks(Database& db);

}  // namespace lienthong
