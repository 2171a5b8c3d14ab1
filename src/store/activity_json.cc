#include "store/activity_json.h"

namespace lienthong {

nlohmann::json ActivityJson(const StoredActivity& s) {
  const Activity& a = s.activity;
  nlohmann::json j = {{"id", a.id},
                      {"unit", s.unit_code},
                      {"unit_code", s.unit_code},
                      {"date", a.date.ToIso()},
                      {"kind", ActivityKindName(a.kind)},
                      {"channel", a.channel},
                      {"theme", a.theme},
                      {"title", a.title},
                      {"link", a.link},
                      {"reach", a.reach},
                      {"plan_id", nullptr},
                      {"client_key", nullptr},
                      {"created_by", a.created_by},
                      {"created_at", s.created_at}};
  if (a.plan_id) j["plan_id"] = *a.plan_id;
  if (s.client_key) j["client_key"] = *s.client_key;
  return j;
}

std::string ActivityGenerationAuditJson(int64_t count, uint32_t seed, int months,
                                        const Date& today) {
  return nlohmann::json{{"count", count}, {"seed", seed}, {"months", months}, {"today", today.ToIso()}}
      .dump();
}

}  // namespace lienthong
