// A span of days, both ends included (dashboards, activity filters, recurrence windows).
#pragma once

#include "core/date.h"
#include "util/status.h"

namespace lienthong {

struct DateRange {
  Date from;
  Date to;
  bool operator==(const DateRange&) const = default;
};

// kInvalidArgument naming "to" (reason date_range_reversed) when `to` is before `from`: the one
// check of a period's order, for the API's query decoding and the services alike.
Status CheckDateOrder(const Date& from, const Date& to);

}  // namespace lienthong
