-- Serialises schema creation between exporters starting at once (CREATE TABLE IF NOT EXISTS can
-- still collide when two sessions run it together). Held until the surrounding transaction ends.
-- Parameters: none.
-- Returns: one row, one void column.
SELECT pg_advisory_xact_lock(hashtext('booklogr.schema'))
