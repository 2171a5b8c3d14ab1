// The before/after documents of task changes, as task_updates rows and audit rows record them
// (GET /tasks/{id}/history answers them as they are). One place for their shapes:
//   state     {"status", "progress", "completed_on", "evidence_link"}, plus
//             "instance": {"id", "period"} for a change of one period of a recurring task, and
//             "note" in the audit row when the change carried one
//   deadline  {"deadline": {"text", "kind", "date"}}
//   evidence  {"evidence": {"n", "file_name", "content_type", "size", "sha256"}}
//   comment   {"comment": {"id", "text"}}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "store/task_store.h"

namespace lienthong {

struct InstanceLabel {
  int64_t id = 0;
  std::string period;  // "Quý I/2026"
};

std::string TaskStateJson(const TrackedState& state, const InstanceLabel* instance = nullptr,
                          std::string_view note = "");
std::string TaskDeadlineJson(const TaskDeadline& deadline);
std::string EvidenceAuditJson(const EvidenceFile& file);
std::string CommentAuditJson(const TaskComment& comment);

}  // namespace lienthong
