#include "core/date_range.h"

namespace lienthong {

Status CheckDateOrder(const Date& from, const Date& to) {
  if (to < from) {
    return Status::InvalidField("to", to.ToIso() + " is before from " + from.ToIso())
        .WithReason("date_range_reversed", {{"from_date", from.ToIso()}, {"to_date", to.ToIso()}});
  }
  return Status::Ok();
}

}  // namespace lienthong
