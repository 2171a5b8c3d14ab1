-- Task tracking: who a task is assigned to, one instance per period of a recurring task, the
-- history of every change, evidence files, and the reminder outbox a mail relay reads.
-- Standing buckets (done on time / late, open within term / overdue) are never stored: they
-- depend on the day they are asked for (core/task.h StandingOf).

-- A link given as evidence ("evidence_link" in the API); files live in task_evidence.
ALTER TABLE tasks ADD COLUMN evidence_link TEXT;

-- The units a task's lead/coordinators names resolve to (service/task_assignment.h). One row per
-- name as written; unit_id is NULL when the name matched no unit (a group such as "Các sở,
-- ban, ngành tỉnh") and the name then stays as text.
CREATE TABLE task_assignees (
  task_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  role      TEXT NOT NULL CHECK (role IN ('lead', 'coordinator')),
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  unit_id   INTEGER REFERENCES units(id),
  PRIMARY KEY (task_id, role, position)
);
CREATE INDEX task_assignees_unit ON task_assignees(unit_id, task_id);

-- One row per period of a recurring task ("định kỳ hằng quý" → Quý I, Quý II, …), each with its
-- own due date and completion (service/task_recurrence.h).
CREATE TABLE task_instances (
  id            INTEGER PRIMARY KEY,
  task_id       INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  frequency     TEXT NOT NULL,  -- weekly, monthly, quarterly, half_yearly, yearly
  period_label  TEXT NOT NULL,  -- "Quý I/2026"
  period_start  TEXT NOT NULL,
  due_date      TEXT NOT NULL,  -- the period's last day
  status        TEXT NOT NULL DEFAULT 'not_started'
                  CHECK (status IN ('not_started', 'in_progress', 'done')),
  progress      INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  completed_on  TEXT,
  updated_at    TEXT NOT NULL,
  UNIQUE (task_id, frequency, period_start)
);
CREATE INDEX task_instances_due ON task_instances(due_date);

-- Every change of a task or instance: who, when, before → after, and the user's note.
CREATE TABLE task_updates (
  id           INTEGER PRIMARY KEY,
  task_id      INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  instance_id  INTEGER REFERENCES task_instances(id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  before_json  TEXT NOT NULL,
  after_json   TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_updates_task ON task_updates(task_id, id);

-- Uploaded evidence files, numbered 1, 2, … per task.
CREATE TABLE task_evidence (
  task_id       INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  n             INTEGER NOT NULL,
  file_name     TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  content       BLOB NOT NULL,
  added_at      TEXT NOT NULL,
  added_by      TEXT NOT NULL,
  PRIMARY KEY (task_id, n)
);

-- Reminders for a mail relay to send (nothing here sends mail). instance_id is 0 for a task
-- without instances so that the uniqueness below holds (NULLs are never equal). remind_on is
-- the day the reminder was queued for; the relay sets sent_at.
CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY,
  task_id      INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  instance_id  INTEGER NOT NULL DEFAULT 0,
  unit_id      INTEGER NOT NULL REFERENCES units(id),
  kind         TEXT NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  remind_on    TEXT NOT NULL,
  due_date     TEXT NOT NULL,
  subject      TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  sent_at      TEXT,
  UNIQUE (task_id, instance_id, unit_id, kind, remind_on)
);
CREATE INDEX outbox_unsent ON outbox(sent_at, id);
