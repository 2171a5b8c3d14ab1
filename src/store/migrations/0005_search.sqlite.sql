-- Full-text search over plans, tasks and activities (service/search.h).
--
-- Every searchable row already carries `search_key`: its text folded by text/keys.h SearchKey
-- (lower case, no diacritics, one tone style), written by the row's writer. The query is folded
-- the same way, so "chuyen doi so" finds "Chuyển đổi số" and "hoà" equals "hòa". Here each table
-- gets an FTS5 index over that column, external-content (the text is not stored twice) and kept
-- current by triggers, so no writer has to know the index exists.

CREATE VIRTUAL TABLE plans_fts USING fts5(
  search_key, content='plans', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER plans_fts_insert AFTER INSERT ON plans BEGIN
  INSERT INTO plans_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER plans_fts_delete AFTER DELETE ON plans BEGIN
  INSERT INTO plans_fts(plans_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
CREATE TRIGGER plans_fts_update AFTER UPDATE OF search_key ON plans BEGIN
  INSERT INTO plans_fts(plans_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO plans_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
-- Rows stored before this migration.
INSERT INTO plans_fts(plans_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE tasks_fts USING fts5(
  search_key, content='tasks', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO tasks_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
  INSERT INTO tasks_fts(tasks_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
CREATE TRIGGER tasks_fts_update AFTER UPDATE OF search_key ON tasks BEGIN
  INSERT INTO tasks_fts(tasks_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO tasks_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
-- Rows stored before this migration.
INSERT INTO tasks_fts(tasks_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE activities_fts USING fts5(
  search_key, content='activities', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER activities_fts_insert AFTER INSERT ON activities BEGIN
  INSERT INTO activities_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER activities_fts_delete AFTER DELETE ON activities BEGIN
  INSERT INTO activities_fts(activities_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
CREATE TRIGGER activities_fts_update AFTER UPDATE OF search_key ON activities BEGIN
  INSERT INTO activities_fts(activities_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO activities_fts(rowid, search_key) VALUES (new.id, new.search_key);
END;
-- Rows stored before this migration.
INSERT INTO activities_fts(activities_fts) VALUES ('rebuild');
