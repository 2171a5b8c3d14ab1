-- Units: the territorial hierarchy (country → province → commune) with the bodies of each level.
-- `path` holds the codes from the root ('/VN/66/66001/'), so a subtree is one range scan
-- (path >= '/VN/66/' AND path < '/VN/660'), O(size of the answer). Moves and merges rewrite the
-- paths of the moved subtree in the same transaction.
-- Validity is half-open: a unit exists on days valid_from <= d < valid_to (ISO dates, NULL = open).
CREATE TABLE units (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  parent_id     INTEGER REFERENCES units(id),
  path          TEXT NOT NULL,
  depth         INTEGER NOT NULL,
  valid_from    TEXT,
  valid_to      TEXT,
  successor_id  INTEGER REFERENCES units(id),
  search_key    TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to)
);
CREATE INDEX units_parent ON units(parent_id);
-- Covering index: a subtree scan never touches the table.
CREATE INDEX units_path ON units(path, id, code, name, kind, parent_id, depth, valid_from, valid_to,
                                 successor_id);

-- What happened to a unit, so history survives moves and merges.
CREATE TABLE unit_events (
  id              INTEGER PRIMARY KEY,
  unit_id         INTEGER NOT NULL REFERENCES units(id),
  event           TEXT NOT NULL CHECK (event IN ('create', 'move', 'merge')),
  on_date         TEXT,
  from_parent_id  INTEGER REFERENCES units(id),
  to_parent_id    INTEGER REFERENCES units(id),
  successor_id    INTEGER REFERENCES units(id),
  recorded_at     TEXT NOT NULL
);
CREATE INDEX unit_events_unit ON unit_events(unit_id);

-- Every change: who, when, what, before → after (JSON), written in the change's transaction.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    TEXT,
  before_json  TEXT,
  after_json   TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
