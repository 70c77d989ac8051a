CREATE TABLE IF NOT EXISTS task_tracker_migrations (
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    applied_at timestamptz NOT NULL
)
