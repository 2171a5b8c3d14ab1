-- Editing saved plans without losing task state (service/plans/plan_tasks.h) and the two-step web
-- import (service/plans/plan_import.h).
--
-- A draft's document save updates its task rows in place, matched by the task ids the stored
-- document carries; a task the new document no longer has is archived, never deleted, so its
-- history (task_updates) and evidence files stay. Archived tasks leave boards and search.
ALTER TABLE tasks ADD COLUMN archived_at TEXT;
ALTER TABLE tasks ADD COLUMN archived_by TEXT;
CREATE INDEX tasks_archived ON tasks(plan_id, archived_at);

-- Counts every change of a plan's document or status, so an editor that read revision N can
-- have its save refused when someone else saved in between.
ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

-- A file read for review (POST /plans/import) is held here until the reviewed plan is saved
-- (POST /plans with its id), so the file is sent once and kept byte for byte with the plan. Rows
-- belong to the user who uploaded them and expire (expired rows are deleted on the next upload);
-- the database holds them so any server process can take the second step.
CREATE TABLE plan_uploads (
  id              TEXT PRIMARY KEY,   -- random, 32 hex digits
  owner_user_id   INTEGER NOT NULL,
  name            TEXT NOT NULL,
  format          TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  size            INTEGER NOT NULL,
  content         BLOB NOT NULL,
  source_file_id  INTEGER REFERENCES source_files(id),  -- once a plan from it is saved
  created_at      TEXT NOT NULL,
  expires_at      TEXT NOT NULL
);
CREATE INDEX plan_uploads_expiry ON plan_uploads(expires_at);
