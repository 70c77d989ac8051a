-- Serialises migration runs of one schema across processes until the transaction ends: keyed by the
-- configured schema's name, else by the connection's current schema ('' when that does not exist).
SELECT count(*) FROM pg_advisory_xact_lock(:namespace, hashtext(COALESCE(CAST(:schema AS text), current_schema(), '')))
