-- Where applied schema versions are recorded; created by the first run.
CREATE TABLE IF NOT EXISTS <migrations> (
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    applied_at timestamptz NOT NULL
)
