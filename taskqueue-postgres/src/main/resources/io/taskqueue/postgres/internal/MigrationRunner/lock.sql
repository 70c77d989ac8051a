-- Serialises migration runs of one schema across processes until the transaction ends.
SELECT count(*) FROM pg_advisory_xact_lock(:namespace, hashtext(current_schema()))
