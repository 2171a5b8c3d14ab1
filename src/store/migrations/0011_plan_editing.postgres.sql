-- See 0011_plan_editing.sqlite.sql for the design.
ALTER TABLE tasks ADD COLUMN archived_at TEXT;
ALTER TABLE tasks ADD COLUMN archived_by TEXT;
CREATE INDEX tasks_archived ON tasks(plan_id, archived_at);

ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

CREATE TABLE plan_uploads (
  id              TEXT PRIMARY KEY,
  owner_user_id   BIGINT NOT NULL,
  name            TEXT NOT NULL,
  format          TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  size            INTEGER NOT NULL,
  content         BYTEA NOT NULL,
  source_file_id  BIGINT REFERENCES source_files(id),
  created_at      TEXT NOT NULL,
  expires_at      TEXT NOT NULL
);
CREATE INDEX plan_uploads_expiry ON plan_uploads(expires_at);
