// A span of days, both ends included (dashboards, activity filters, recurrence windows).
#pragma once

#include "core/date.h"

namespace lienthong {

struct DateRange {
  Date from;
  Date to;
  bool operator==(const DateRange&) const = default;
};

}  // namespace lienthong
