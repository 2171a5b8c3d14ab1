-- Periodic reports and their roll-up (docs/reports.md).
--
-- Raw data: plan_indicators (what is measured and how it aggregates), reporting_duties (how often
-- and by when), report_slots (one per unit and period a duty asks for), reports (one row per
-- version; a submitted version is never edited) and report_values (one per indicator of a
-- version). Numbers are stored scaled by 10^4 as integers (4 decimal places), so sums are exact
-- and the same in any order on both backends.
--
-- Pre-aggregated: rollup_values and rollup_rates hold, per plan, period and unit, the totals of the
-- unit's whole subtree (the unit's own report included). They are maintained in the transaction
-- that changes a slot (generation, submission, return), for every ancestor of the reporting unit,
-- so a roll-up reads a handful of rows instead of scanning the subtree's reports.

-- Roll-ups find the units merged into a unit (their reports count towards it after the merge).
CREATE INDEX units_successor ON units(successor_id) WHERE successor_id IS NOT NULL;

CREATE TABLE plan_indicators (
  id             INTEGER PRIMARY KEY,
  plan_id        INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  code           TEXT NOT NULL,
  name           TEXT NOT NULL,
  type           TEXT NOT NULL CHECK (type IN ('number', 'percentage', 'yes_no', 'text')),
  aggregation    TEXT NOT NULL CHECK (aggregation IN ('sum', 'mean', 'weighted_mean', 'min',
                                                      'max', 'share_meeting_target', 'none')),
  weight_code    TEXT,
  target         REAL,
  goal           REAL,  -- phase target for the rolled-up value ("100% … by Q4/2025")
  goal_period    TEXT,
  unit_label     TEXT NOT NULL DEFAULT '',
  UNIQUE (plan_id, code)
);

CREATE TABLE reporting_duties (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  frequency       TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'half_yearly',
                                                     'yearly', 'once', 'ad_hoc')),
  cutoff          TEXT NOT NULL CHECK (cutoff IN ('statutory', 'calendar')),
  first_year      INTEGER,
  last_year       INTEGER,
  period_first    TEXT,
  period_last     TEXT,
  deadline        TEXT,
  offsets_json    TEXT NOT NULL DEFAULT '{}',
  assignees_json  TEXT NOT NULL DEFAULT '[]',
  note            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL
);
CREATE INDEX reporting_duties_plan ON reporting_duties(plan_id);

CREATE TABLE report_slots (
  id                  INTEGER PRIMARY KEY,
  plan_id             INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  duty_id             INTEGER NOT NULL REFERENCES reporting_duties(id) ON DELETE CASCADE,
  unit_id             INTEGER NOT NULL REFERENCES units(id),
  period_key          TEXT NOT NULL,
  period_first        TEXT NOT NULL,
  period_last         TEXT NOT NULL,
  due                 TEXT NOT NULL,
  status              TEXT NOT NULL DEFAULT 'missing'
                        CHECK (status IN ('missing', 'draft', 'submitted', 'accepted', 'returned')),
  current_report_id   INTEGER,
  counted_report_id   INTEGER,
  first_submitted_at  TEXT,
  on_time             INTEGER,
  UNIQUE (plan_id, period_key, unit_id)
);
CREATE INDEX report_slots_unit ON report_slots(unit_id, plan_id);
-- Roll-ups list the units not yet received and the late ones without scanning the others.
CREATE INDEX report_slots_counted ON report_slots(plan_id, period_key, counted_report_id);
CREATE INDEX report_slots_on_time ON report_slots(plan_id, period_key, on_time);

CREATE TABLE reports (
  id               INTEGER PRIMARY KEY,
  slot_id          INTEGER NOT NULL REFERENCES report_slots(id) ON DELETE CASCADE,
  version          INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'returned')),
  activity_json    TEXT NOT NULL DEFAULT '[]',
  highlights       TEXT NOT NULL DEFAULT '',
  shortcomings     TEXT NOT NULL DEFAULT '',
  causes           TEXT NOT NULL DEFAULT '',
  lessons          TEXT NOT NULL DEFAULT '',
  recommendations  TEXT NOT NULL DEFAULT '',
  review_comment   TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  submitted_at     TEXT,
  submitted_by     TEXT,
  reviewed_at      TEXT,
  reviewed_by      TEXT,
  UNIQUE (slot_id, version)
);

CREATE TABLE report_values (
  report_id       INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  indicator_code  TEXT NOT NULL,
  num_value       INTEGER,
  text_value      TEXT,
  not_applicable  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (report_id, indicator_code)
);

CREATE TABLE rollup_values (
  plan_id         INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  period_key      TEXT NOT NULL,
  unit_id         INTEGER NOT NULL REFERENCES units(id),
  indicator_code  TEXT NOT NULL,
  reported        INTEGER NOT NULL DEFAULT 0,
  not_applicable  INTEGER NOT NULL DEFAULT 0,
  sum_value       INTEGER NOT NULL DEFAULT 0,
  min_value       INTEGER,
  max_value       INTEGER,
  weighted        INTEGER NOT NULL DEFAULT 0,
  weight_sum      INTEGER NOT NULL DEFAULT 0,
  weighted_n      INTEGER NOT NULL DEFAULT 0,
  meeting         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan_id, period_key, unit_id, indicator_code)
);

CREATE TABLE rollup_rates (
  plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  period_key  TEXT NOT NULL,
  unit_id     INTEGER NOT NULL REFERENCES units(id),
  expected    INTEGER NOT NULL DEFAULT 0,
  received    INTEGER NOT NULL DEFAULT 0,
  on_time     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan_id, period_key, unit_id)
);
