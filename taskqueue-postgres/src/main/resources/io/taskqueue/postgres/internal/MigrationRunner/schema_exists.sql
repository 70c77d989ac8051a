-- Whether the configured schema exists. Asked first because CREATE SCHEMA checks the privilege to
-- create one even when it exists, and a tracker's database user may well lack it.
SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = :schema)
