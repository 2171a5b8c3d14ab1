-- A password set by an administrator (a reset) is temporary: the user must choose a new one at
-- the next sign-in before anything else is allowed (service/accounts/user_admin.h).
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
