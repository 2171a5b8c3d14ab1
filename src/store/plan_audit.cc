#include "store/plan_audit.h"

#include <nlohmann/json.hpp>

#include "store/plan_document_codec.h"

namespace lienthong {

using nlohmann::json;

std::string PlanDocumentAuditJson(const PlanDocument& document) {
  return StoredPlanDocument(document);
}

std::string PlanStatusAuditJson(PlanStatus status) {
  return json{{"status", PlanStatusName(status)}}.dump();
}

std::string PlanLinkAuditJson(std::optional<int64_t> implements_plan_id,
                              const std::string& matched_symbol) {
  json j = {{"implements_plan_id", implements_plan_id ? json(*implements_plan_id) : json()}};
  if (!matched_symbol.empty()) j["matched_symbol"] = matched_symbol;
  return j.dump();
}

std::string TaskAuditJson(const TaskRecord& t, bool archived) {
  json j = {{"position", t.position},
            {"group", t.group},
            {"text", t.text},
            {"lead", t.lead},
            {"coordinators", t.coordinators},
            {"deadline_text", t.deadline_text ? json(*t.deadline_text) : json()},
            {"deadline_kind", TimeSpecKindName(t.deadline_kind)},
            {"deadline_date", t.deadline_date ? json(t.deadline_date->ToIso()) : json()}};
  if (archived) j["archived"] = true;
  return j.dump();
}

}  // namespace lienthong
