-- Roll-ups list a subtree's late and missing units, first ones in tree order. Listing them by
-- joining every slot of the period in that state to its unit and sorting was most of the
-- pre-aggregated roll-up's time for the whole country (bench/rollup_bench). Each slot now carries
-- its unit's path, kept current by triggers (so no writer has to know): the lists are index
-- ranges read in order with a LIMIT, their totals covering-index counts.
ALTER TABLE report_slots ADD COLUMN unit_path TEXT COLLATE "C";
UPDATE report_slots s SET unit_path = u.path FROM units u WHERE u.id = s.unit_id;

CREATE FUNCTION report_slots_fill_unit_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.unit_path IS NULL THEN
    SELECT path INTO NEW.unit_path FROM units WHERE id = NEW.unit_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER report_slots_unit_path BEFORE INSERT ON report_slots
  FOR EACH ROW EXECUTE FUNCTION report_slots_fill_unit_path();

CREATE FUNCTION units_path_to_slots() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_slots SET unit_path = NEW.path WHERE unit_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER units_path_to_slots AFTER UPDATE OF path ON units
  FOR EACH ROW WHEN (NEW.path IS DISTINCT FROM OLD.path) EXECUTE FUNCTION units_path_to_slots();

-- Replace the state indexes with ones ordered by path inside each state.
DROP INDEX report_slots_counted;
DROP INDEX report_slots_on_time;
CREATE INDEX report_slots_open ON report_slots(plan_id, period_key, counted_report_id, unit_path, due);
CREATE INDEX report_slots_late ON report_slots(plan_id, period_key, on_time, unit_path, counted_report_id);
