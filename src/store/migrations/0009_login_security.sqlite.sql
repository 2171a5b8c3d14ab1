-- Login security: failed attempts per user name and per address (rate limits that hold across
-- several server processes), and the last TOTP step used per user (a code is accepted once).
CREATE TABLE login_failures (
  key  TEXT NOT NULL,  -- 'user:<name>' or 'addr:<address>'
  at   TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);

ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_last_seen ON sessions(last_seen_at);
