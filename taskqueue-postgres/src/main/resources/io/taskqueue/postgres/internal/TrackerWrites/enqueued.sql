-- A job was added without TaskTracker.enqueue (or its enqueue write was buffered). Order-free: if a
-- worker already wrote the row, only the enqueue-time facts are filled in.
INSERT INTO <trackers> AS t (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts,
                                status, enqueued_at, metadata, updated_at)
VALUES (:taskId, :executionId, :queueName, :jobId, :jobName, 1, :maxAttempts,
        'queued', :enqueuedAt, CAST(:metadata AS jsonb), :now)
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
