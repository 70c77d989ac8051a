-- One row per execution (attempt) of a task: the seed's TaskTracker fields, plus the queue's job
-- id and attempt number (how workers find their row), the dead letter's payload, and replay links.
CREATE TABLE task_trackers (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id               text        NOT NULL,
    execution_id          uuid        NOT NULL,
    queue_name            text        NOT NULL,
    job_id                text        NOT NULL,
    job_name              text,
    attempt               integer     NOT NULL,
    max_attempts          integer,
    fetch_no              integer,
    status                text        NOT NULL,
    enqueued_at           timestamptz NOT NULL,
    processing_started_at timestamptz,
    completed_at          timestamptz,
    failed_at             timestamptz,
    process_time          bigint,
    result                jsonb,
    error_message         text,
    error_category        text,
    error_stack           text,
    retry_count           integer     NOT NULL DEFAULT 0,
    metadata              jsonb,
    payload               text,
    duplicates_prevented  integer     NOT NULL DEFAULT 0,
    replays               integer     NOT NULL DEFAULT 0,
    replayed_to           uuid,
    updated_at            timestamptz NOT NULL,
    CONSTRAINT task_trackers_status_check
        CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'dlq', 'archived')),
    CONSTRAINT task_trackers_error_category_check
        CHECK (error_category IN ('transient', 'validation', 'processing', 'infrastructure', 'partner_api', 'unknown')),
    CONSTRAINT task_trackers_attempt_check CHECK (attempt >= 1)
)
