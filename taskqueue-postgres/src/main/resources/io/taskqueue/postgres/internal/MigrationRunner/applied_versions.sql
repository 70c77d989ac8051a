-- The schema versions already applied.
SELECT version FROM <migrations> ORDER BY version
