-- Plans as imported or drafted, their tasks, and the original files they came from.
-- The whole structured plan (sections, themes, channels, phases, recipients, signer) is kept as
-- the importer's JSON in document_json; the fields that are queried, joined or tracked —
-- header, legal bases, tasks — also get columns and rows of their own.

-- Original uploads, kept byte for byte; sha256 finds a file submitted twice.
CREATE TABLE source_files (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  format       TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content      BLOB NOT NULL,
  uploaded_at  TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL
);
CREATE INDEX source_files_sha256 ON source_files(sha256);

CREATE TABLE plans (
  id                  INTEGER PRIMARY KEY,
  unit_id             INTEGER REFERENCES units(id),
  status              TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'published', 'archived')),
  doc_type            TEXT NOT NULL,
  number              TEXT,
  issuer              TEXT NOT NULL DEFAULT '',
  parent_issuer       TEXT NOT NULL DEFAULT '',
  place               TEXT NOT NULL DEFAULT '',
  date                TEXT,
  title               TEXT NOT NULL DEFAULT '',
  implements          TEXT,
  implements_plan_id  INTEGER REFERENCES plans(id),
  document_json       TEXT NOT NULL,
  source_file_id      INTEGER REFERENCES source_files(id),
  source_index        INTEGER NOT NULL DEFAULT 0,  -- which document of the file
  search_key          TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX plans_unit ON plans(unit_id);
CREATE INDEX plans_number ON plans(number);
CREATE INDEX plans_source ON plans(source_file_id);

CREATE TABLE plan_legal_bases (
  plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  symbol    TEXT NOT NULL,
  PRIMARY KEY (plan_id, position)
);
CREATE INDEX plan_legal_bases_symbol ON plan_legal_bases(symbol);

CREATE TABLE tasks (
  id                 INTEGER PRIMARY KEY,
  plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  group_name         TEXT NOT NULL DEFAULT '',
  text               TEXT NOT NULL,
  lead_json          TEXT NOT NULL DEFAULT '[]',
  coordinators_json  TEXT NOT NULL DEFAULT '[]',
  deadline_text      TEXT,
  deadline_kind      TEXT NOT NULL DEFAULT 'unknown',
  deadline_date      TEXT,
  status             TEXT NOT NULL DEFAULT 'not_started'
                       CHECK (status IN ('not_started', 'in_progress', 'done')),
  progress           INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  completed_on       TEXT,
  updated_at         TEXT NOT NULL,
  search_key         TEXT NOT NULL
);
CREATE INDEX tasks_plan ON tasks(plan_id, position);
CREATE INDEX tasks_deadline ON tasks(deadline_date);
