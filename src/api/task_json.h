// The JSON codecs of tasks (docs/tasks.md): the task object, its instances, evidence files,
// history and comments, standing counts and reminders; the PATCH body; and their OpenAPI schemas.
#pragma once

#include <nlohmann/json.hpp>

#include "core/caller.h"
#include "service/tasks/reminders.h"
#include "service/tasks/task_changes.h"
#include "service/tasks/task_tracking.h"
#include "store/task_store.h"

namespace lienthong::api {

nlohmann::json CountsJson(const StandingCounts& counts);
nlohmann::json InstanceJson(const InstanceView& instance);
// The task object; "can_update" says whether `caller` may PATCH it.
nlohmann::json TaskJson(const TaskView& task, const Caller& caller);
nlohmann::json EvidenceJson(const EvidenceFile& file);
nlohmann::json HistoryEntryJson(const TaskUpdateRow& update);
nlohmann::json CommentJson(const TaskComment& comment);
nlohmann::json ReminderJson(const ReminderItem& item);

// Reads {"status", "progress", "evidence_link", "completed_on", "instance_id", "deadline",
// "note"}; type errors and unknown statuses are Status::InvalidField naming the field.
Result<TaskChange> TaskChangeFromJson(const nlohmann::json& body);

nlohmann::json CountsSchema();
nlohmann::json TaskSchema();         // the task object
nlohmann::json TaskDetailSchema();   // with "instances" and "evidence"
nlohmann::json TaskBoardSchema();    // GET /tasks
nlohmann::json EvidenceSchema();
nlohmann::json HistorySchema();      // GET /tasks/{id}/history
nlohmann::json CommentSchema();
nlohmann::json RemindersSchema();    // GET /reminders
nlohmann::json StandingSchema();     // GET /tasks/standing

}  // namespace lienthong::api
