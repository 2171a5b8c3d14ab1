#include "core/plan.h"

#include <gtest/gtest.h>

namespace lienthong {
namespace {

TEST(PlanStatusTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (PlanStatus s : {PlanStatus::kDraft, PlanStatus::kPublished, PlanStatus::kArchived}) {
    EXPECT_EQ(ParsePlanStatus(PlanStatusName(s)), s);
  }
  EXPECT_EQ(PlanStatusName(PlanStatus::kPublished), "published");
  EXPECT_FALSE(ParsePlanStatus("Published").has_value());
  EXPECT_FALSE(ParsePlanStatus("").has_value());
}

TEST(PlanStatusTest, OnlyForwardOneStep) {
  EXPECT_TRUE(PlanStatusMayBecome(PlanStatus::kDraft, PlanStatus::kPublished));
  EXPECT_TRUE(PlanStatusMayBecome(PlanStatus::kPublished, PlanStatus::kArchived));
  EXPECT_FALSE(PlanStatusMayBecome(PlanStatus::kDraft, PlanStatus::kArchived));
  EXPECT_FALSE(PlanStatusMayBecome(PlanStatus::kArchived, PlanStatus::kDraft));
  EXPECT_FALSE(PlanStatusMayBecome(PlanStatus::kPublished, PlanStatus::kDraft));
}

}  // namespace
}  // namespace lienthong
