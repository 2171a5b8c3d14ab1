-- Communication activities (articles, broadcasts, posts, conferences…) each unit publishes, and
-- the pre-aggregates the dashboard reads instead of the raw rows.
--
-- activity_rollup_cells / activity_rollup_totals hold, for EVERY ANCESTOR-OR-SELF of the recording
-- unit, the count and reach of its subtree's activities per bucket: grain 'm' buckets are months
-- ('2025-03'), grain 'd' buckets are days ('2025-03-14'). A dashboard for [from, to] reads the 'm'
-- rows of the whole months inside the period and the 'd' rows of the partial months at its edges,
-- so any period is exact and a year of the whole country is ~1,000 rows. Cells are broken down by
-- (theme, channel); totals are not, so by_child reads one row per child and month. Both are
-- written in the same transaction as the activity (service/activity_log.h); after a unit moves,
-- MoveActivityRollups (store/activity_store.h) shifts its subtree's rows to the new ancestors.
CREATE TABLE activities (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES units(id),
  plan_id     INTEGER REFERENCES plans(id),
  date        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('article', 'broadcast', 'post', 'infographic', 'video',
                                            'conference', 'banner', 'loudspeaker', 'other')),
  theme       TEXT NOT NULL DEFAULT '',
  channel     TEXT NOT NULL,
  title       TEXT NOT NULL,
  link        TEXT NOT NULL DEFAULT '',
  reach       INTEGER NOT NULL DEFAULT 0 CHECK (reach >= 0),
  search_key  TEXT NOT NULL,
  client_key  TEXT,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (unit_id, client_key)
);
CREATE INDEX activities_unit_date ON activities(unit_id, date);
CREATE INDEX activities_plan ON activities(plan_id);

CREATE TABLE activity_rollup_cells (
  unit_id  INTEGER NOT NULL,
  grain    TEXT NOT NULL,
  bucket   TEXT NOT NULL,
  theme    TEXT NOT NULL,
  channel  TEXT NOT NULL,
  count    INTEGER NOT NULL,
  reach    INTEGER NOT NULL,
  PRIMARY KEY (unit_id, grain, bucket, theme, channel)
) WITHOUT ROWID;

CREATE TABLE activity_rollup_totals (
  unit_id  INTEGER NOT NULL,
  grain    TEXT NOT NULL,
  bucket   TEXT NOT NULL,
  count    INTEGER NOT NULL,
  reach    INTEGER NOT NULL,
  PRIMARY KEY (unit_id, grain, bucket)
) WITHOUT ROWID;
