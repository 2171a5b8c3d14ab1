-- See 0005_search.sqlite.sql. PostgreSQL indexes the same search keys with GIN over
-- to_tsvector('simple', …): 'simple' neither stems nor drops stop words, which is what folded
-- Vietnamese syllables need, and expression indexes need no triggers (pg_trgm is not guaranteed
-- to be installed). Punctuation becomes spaces first, so "66/kh-ubnd" gives the words 66, kh,
-- ubnd as SQLite's unicode61 tokenizer does (the default parser would keep it as one "file"
-- token). service/search.cc uses this exact expression.
CREATE INDEX plans_search ON plans
  USING GIN (to_tsvector('simple', regexp_replace(search_key, '[[:punct:]]', ' ', 'g')));
CREATE INDEX tasks_search ON tasks
  USING GIN (to_tsvector('simple', regexp_replace(search_key, '[[:punct:]]', ' ', 'g')));
CREATE INDEX activities_search ON activities
  USING GIN (to_tsvector('simple', regexp_replace(search_key, '[[:punct:]]', ' ', 'g')));
