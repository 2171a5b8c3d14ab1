// The document of a derived draft (plan_derive.h), made from the parent plan's document without
// I/O: the header names the deriving unit, the legal bases start with the parent's number, the
// outline, themes, channels and phases are the parent's, and only the tasks that fall to the unit
// (TaskFallsToUnit) are copied — every text adapted to the unit's level by `rewriter`.
// Fields the parent's document keeps unread (PlanDocument::other_fields) are kept too.
#pragma once

#include <cstddef>
#include <string>

#include "core/plan_document.h"
#include "core/unit.h"
#include "service/plans/level_word_rewriter.h"
#include "store/plan_store.h"

namespace lienthong {

// Who derives, and where the parent plan sits.
struct DerivationTarget {
  Unit unit;
  Unit territory;             // the unit's territory (the unit itself when territorial)
  std::string parent_issuer;  // the parent plan's unit, else the issuer it names; may be empty
  std::string parent_level;   // the level of the parent plan's territory ("province"…)
  bool same_territory = false;  // the unit belongs to the parent plan's own territory
};

struct DerivedDocument {
  PlanDocument document;  // its tasks without row ids
  size_t tasks_in_parent = 0;
};

DerivedDocument DeriveDocument(const PlanRecord& parent, const PlanDocument& parent_document,
                               const DerivationTarget& target, const LevelWordRewriter& rewriter);

}  // namespace lienthong
