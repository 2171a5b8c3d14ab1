// A plan's task rows follow its document without losing their tracking state (issue 12 #3).
//
// A document task carries the id of its task row once the plan is saved (core/plan_document.h).
// Saving a document updates those rows in place: a task whose id (or, for a document without ids,
// whose text) matches a current row keeps that row — its status, progress, history and evidence
// — and only what the document says of it (position, group, text, names, deadline) changes; a new
// task is inserted; a row the document no longer has is archived, never deleted. Each change is
// audited per task (entity "task": create, update, archive) when `audit` is set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/plan_document.h"
#include "store/database.h"
#include "store/plan_store.h"

namespace lienthong {

// The task row a document task at `position` stands for: the deadline's kind and due day come
// from its words (ParseTimeSpec); a due day the words do not give is taken from the document.
TaskRecord TaskRecordFor(const DocumentTask& task, int position);

struct TaskSync {
  size_t added = 0;
  size_t updated = 0;    // rows whose content changed
  size_t unchanged = 0;  // rows kept as they were
  size_t archived = 0;
};

// Brings the task rows of plan `plan_id` in line with `document.tasks` as above and writes each
// task's row id into `document`. REQUIRES: an open transaction.
Result<TaskSync> SyncPlanTasks(Database& db, int64_t plan_id, PlanDocument& document,
                               const std::string& actor, bool audit);

}  // namespace lienthong
