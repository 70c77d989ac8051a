-- Creates the index the API lists a user's exports by, if missing.
-- Parameters: none.
-- Returns: nothing.
CREATE INDEX IF NOT EXISTS csv_export_owner_id_idx ON csv_export (owner_id, created_at)
