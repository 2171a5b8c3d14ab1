#include "core/report.h"

#include <cmath>

namespace lienthong {

double Unscale(int64_t scaled) { return static_cast<double>(scaled) / kValueScale; }

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

void IndicatorTotals::Add(const IndicatorTotals& o) {
  reported += o.reported;
  not_applicable += o.not_applicable;
  sum += o.sum;
  if (o.min && (!min || *o.min < *min)) min = o.min;
  if (o.max && (!max || *o.max > *max)) max = o.max;
  weighted += o.weighted;
  weight_sum += o.weight_sum;
  weighted_n += o.weighted_n;
  meeting += o.meeting;
}

namespace {
std::optional<double> Percent(int64_t part, int64_t whole) {
  if (whole == 0) return std::nullopt;
  return Round4(100.0 * static_cast<double>(part) / static_cast<double>(whole));
}
}  // namespace

std::optional<double> RateTotals::ReceivedRate() const { return Percent(received, expected); }
std::optional<double> RateTotals::OnTimeRate() const { return Percent(on_time, expected); }

}  // namespace lienthong
