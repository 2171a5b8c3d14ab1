#include "service/reports/rollup_contribution.h"

#include <map>

namespace lienthong {

TotalsByCode ReportContribution(const std::vector<IndicatorDef>& defs,
                                const std::vector<StoredValue>& values) {
  std::map<std::string, const StoredValue*> by_code;
  for (const auto& v : values) by_code[v.indicator_code] = &v;
  TotalsByCode out;
  for (const auto& d : defs) {
    auto it = by_code.find(d.code);
    if (it == by_code.end()) continue;
    const StoredValue& v = *it->second;
    IndicatorTotals t;
    if (v.not_applicable) {
      t.not_applicable = 1;
    } else {
      t.reported = 1;
      if (v.number) {
        int64_t x = *v.number;
        t.sum = x;
        t.min = t.max = x;
        if (d.target && static_cast<double>(x) >= *d.target * kValueScale) t.meeting = 1;
        if (d.weight_code) {
          auto w = by_code.find(*d.weight_code);
          if (w != by_code.end() && !w->second->not_applicable && w->second->number) {
            t.weighted = x * *w->second->number / kValueScale;
            t.weight_sum = *w->second->number;
            t.weighted_n = 1;
          }
        }
      }
    }
    out[d.code] = t;
  }
  return out;
}

}  // namespace lienthong
