-- Comments on tasks (service/tasks/task_history.h): who wrote what, from which unit — the task's
-- owners and the units a higher level's plan assigns it to. Kept for good: nothing edits or
-- deletes a comment, and each one also has an audit row.
CREATE TABLE task_comments (
  id       INTEGER PRIMARY KEY,
  task_id  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  unit_id  INTEGER REFERENCES units(id),
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  text     TEXT NOT NULL
);
CREATE INDEX task_comments_task ON task_comments(task_id, id);

-- An activity's reach is now at most 10^9 (core/activity.h kMaxActivityReach). Rows recorded
-- before the bound may claim up to 9.2·10^18, which overflowed the dashboards' sums: they are
-- capped, and the pre-aggregate rows they fed (every ancestor, both grains) are recomputed from
-- the activities, so the dashboards stay exact. Without such rows this changes nothing.
CREATE TEMP TABLE reach_repair AS
  SELECT DISTINCT anc.id AS unit_id, g.grain AS grain,
         CASE g.grain WHEN 'm' THEN substr(a.date, 1, 7) ELSE a.date END AS bucket,
         a.theme AS theme, a.channel AS channel
  FROM activities a
  JOIN units u ON u.id = a.unit_id
  JOIN units anc ON substr(u.path, 1, length(anc.path)) = anc.path
  CROSS JOIN (SELECT 'm' AS grain UNION ALL SELECT 'd' AS grain) g
  WHERE a.reach > 1000000000;

UPDATE activities SET reach = 1000000000 WHERE reach > 1000000000;

UPDATE activity_rollup_cells SET reach = (
  SELECT COALESCE(SUM(a.reach), 0)
  FROM units anc JOIN units u ON u.path >= anc.path
                            AND u.path < substr(anc.path, 1, length(anc.path) - 1) || '0'
  JOIN activities a ON a.unit_id = u.id
  WHERE anc.id = activity_rollup_cells.unit_id
    AND a.theme = activity_rollup_cells.theme AND a.channel = activity_rollup_cells.channel
    AND a.date >= CASE activity_rollup_cells.grain WHEN 'm' THEN activity_rollup_cells.bucket || '-01'
                       ELSE activity_rollup_cells.bucket END
    AND a.date <= CASE activity_rollup_cells.grain WHEN 'm' THEN activity_rollup_cells.bucket || '-31'
                       ELSE activity_rollup_cells.bucket END)
WHERE EXISTS (SELECT 1 FROM reach_repair r
              WHERE r.unit_id = activity_rollup_cells.unit_id
                AND r.grain = activity_rollup_cells.grain
                AND r.bucket = activity_rollup_cells.bucket
                AND r.theme = activity_rollup_cells.theme
                AND r.channel = activity_rollup_cells.channel);

UPDATE activity_rollup_totals SET reach = (
  SELECT COALESCE(SUM(a.reach), 0)
  FROM units anc JOIN units u ON u.path >= anc.path
                            AND u.path < substr(anc.path, 1, length(anc.path) - 1) || '0'
  JOIN activities a ON a.unit_id = u.id
  WHERE anc.id = activity_rollup_totals.unit_id
    AND a.date >= CASE activity_rollup_totals.grain WHEN 'm' THEN activity_rollup_totals.bucket || '-01'
                       ELSE activity_rollup_totals.bucket END
    AND a.date <= CASE activity_rollup_totals.grain WHEN 'm' THEN activity_rollup_totals.bucket || '-31'
                       ELSE activity_rollup_totals.bucket END)
WHERE EXISTS (SELECT 1 FROM reach_repair r
              WHERE r.unit_id = activity_rollup_totals.unit_id
                AND r.grain = activity_rollup_totals.grain
                AND r.bucket = activity_rollup_totals.bucket);

DROP TABLE reach_repair;
