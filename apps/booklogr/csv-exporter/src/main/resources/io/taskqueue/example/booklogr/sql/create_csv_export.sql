-- Creates the csv_export table if missing: one row per finished export file. A row exists only
-- once its file is complete in the export directory, so the API offers a download exactly when
-- it finds a row. filename is unique: a retried export finds its row instead of adding one.
-- Parameters: none.
-- Returns: nothing.
CREATE TABLE IF NOT EXISTS csv_export (
    id         bigserial   PRIMARY KEY,
    filename   text        NOT NULL UNIQUE,
    owner_id   bigint      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
)
