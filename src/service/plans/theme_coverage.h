// Which of a parent plan's themes a child plan covers, and where.
#pragma once

#include <string>
#include <vector>

#include "core/plan_document.h"

namespace lienthong {

struct ThemeMatch {
  double score = 0;  // in [0, 1]
  bool covered = false;
  std::string passage;  // the child's text that covers the theme best ("" when none)
};

// One match per theme of `parent`, in the parent's order.
std::vector<ThemeMatch> MatchThemes(const PlanDocument& parent, const PlanDocument& child);

}  // namespace lienthong
