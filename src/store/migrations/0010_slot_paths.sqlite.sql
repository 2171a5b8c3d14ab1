-- Roll-ups list a subtree's late and missing units, first ones in tree order. Listing them by
-- joining every slot of the period in that state to its unit and sorting was most of the
-- pre-aggregated roll-up's time for the whole country (bench/rollup_bench). Each slot now carries
-- its unit's path, kept current by triggers (so no writer has to know): the lists are index
-- ranges read in order with a LIMIT, their totals covering-index counts.
ALTER TABLE report_slots ADD COLUMN unit_path TEXT;
UPDATE report_slots SET unit_path = (SELECT path FROM units WHERE units.id = report_slots.unit_id);

CREATE TRIGGER report_slots_unit_path AFTER INSERT ON report_slots WHEN new.unit_path IS NULL
BEGIN
  UPDATE report_slots SET unit_path = (SELECT path FROM units WHERE id = new.unit_id)
  WHERE id = new.id;
END;
CREATE TRIGGER units_path_to_slots AFTER UPDATE OF path ON units WHEN new.path <> old.path
BEGIN
  UPDATE report_slots SET unit_path = new.path WHERE unit_id = new.id;
END;

-- Replace the state indexes with ones ordered by path inside each state.
DROP INDEX report_slots_counted;
DROP INDEX report_slots_on_time;
CREATE INDEX report_slots_open ON report_slots(plan_id, period_key, counted_report_id, unit_path, due);
CREATE INDEX report_slots_late ON report_slots(plan_id, period_key, on_time, unit_path, counted_report_id);
