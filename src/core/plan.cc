#include "core/plan.h"

namespace lienthong {

std::string_view PlanStatusName(PlanStatus status) {
  switch (status) {
    case PlanStatus::kDraft: return "draft";
    case PlanStatus::kPublished: return "published";
    case PlanStatus::kArchived: return "archived";
  }
  return "draft";
}

std::optional<PlanStatus> ParsePlanStatus(std::string_view name) {
  for (PlanStatus s : {PlanStatus::kDraft, PlanStatus::kPublished, PlanStatus::kArchived}) {
    if (PlanStatusName(s) == name) return s;
  }
  return std::nullopt;
}

bool PlanStatusMayBecome(PlanStatus from, PlanStatus to) {
  return (from == PlanStatus::kDraft && to == PlanStatus::kPublished) ||
         (from == PlanStatus::kPublished && to == PlanStatus::kArchived);
}

}  // namespace lienthong
