-- enqueued.sql for many jobs in one statement (at most one row per job; times in microseconds since
-- the epoch). Same effect per row as enqueued.sql.
INSERT INTO <trackers> AS t (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts,
                                status, enqueued_at, metadata, updated_at)
SELECT r.task_id, r.execution_id, r.queue_name, r.job_id, r.job_name, 1, r.max_attempts,
       'queued', timestamptz 'epoch' + r.enqueued_at * interval '1 microsecond', CAST(r.metadata AS jsonb),
       timestamptz 'epoch' + r.now * interval '1 microsecond'
FROM unnest(CAST(:taskId AS text[]), CAST(:executionId AS uuid[]), CAST(:queueName AS text[]),
            CAST(:jobId AS text[]), CAST(:jobName AS text[]), CAST(:maxAttempts AS integer[]),
            CAST(:enqueuedAt AS bigint[]), CAST(:metadata AS text[]), CAST(:now AS bigint[]))
     AS r(task_id, execution_id, queue_name, job_id, job_name, max_attempts, enqueued_at, metadata, now)
ORDER BY r.queue_name, r.job_id
ON CONFLICT (queue_name, job_id, attempt) DO UPDATE
SET enqueued_at = LEAST(t.enqueued_at, EXCLUDED.enqueued_at),
    metadata = COALESCE(t.metadata, EXCLUDED.metadata),
    job_name = COALESCE(t.job_name, EXCLUDED.job_name),
    max_attempts = COALESCE(t.max_attempts, EXCLUDED.max_attempts)
-- Usually the worker's claim got there first with the same facts: then write nothing, since every
-- update of this table rewrites all its index entries.
WHERE t.enqueued_at > EXCLUDED.enqueued_at
   OR (t.metadata IS NULL AND EXCLUDED.metadata IS NOT NULL)
   OR t.job_name IS NULL
   OR t.max_attempts IS NULL
