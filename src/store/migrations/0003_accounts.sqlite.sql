-- Accounts: each user belongs to one unit and may act only inside its subtree, with one role.
-- Passwords are Argon2id strings (auth/password_hasher.h); previous ones are kept to refuse reuse.
-- Sessions are stored, not held in memory, so several server processes can share them; only
-- the SHA-256 of a session token is stored, so a copy of the database cannot log anyone in.
CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL DEFAULT '',
  unit_id              INTEGER NOT NULL REFERENCES units(id),
  role                 TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'specialist', 'viewer')),
  password_hash        TEXT NOT NULL,
  password_changed_at  TEXT NOT NULL,
  totp_secret          TEXT,
  disabled             INTEGER NOT NULL DEFAULT 0,
  failed_logins        INTEGER NOT NULL DEFAULT 0,
  locked_until         TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX users_unit ON users(unit_id);

CREATE TABLE password_history (
  user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  password_hash  TEXT NOT NULL,
  set_at         TEXT NOT NULL
);
CREATE INDEX password_history_user ON password_history(user_id, set_at);

CREATE TABLE sessions (
  token_sha256  TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  idle_seconds  INTEGER NOT NULL,
  address       TEXT NOT NULL DEFAULT '',
  user_agent    TEXT NOT NULL DEFAULT '',
  revoked_at    TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
