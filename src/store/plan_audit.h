// The audit payloads of the plan domain (audit_log before/after JSON), built in one place so a
// plan's status, link and task rows read the same wherever they change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/plan.h"
#include "store/plan_store.h"

namespace lienthong {

// The document as stored (store/plan_document_codec.h), for a plan's create/update rows.
std::string PlanDocumentAuditJson(const PlanDocument& document);
// {"status": "published"}
std::string PlanStatusAuditJson(PlanStatus status);
// {"implements_plan_id": 12|null, "matched_symbol": "02-KH/BCĐ"} (the symbol when given)
std::string PlanLinkAuditJson(std::optional<int64_t> implements_plan_id,
                              const std::string& matched_symbol = "");
// What the document says of a task: {"position", "group", "text", "lead", "coordinators",
// "deadline_text", "deadline_kind", "deadline_date"}, plus {"archived": true} for an archived one.
std::string TaskAuditJson(const TaskRecord& task, bool archived = false);

}  // namespace lienthong
