-- completed.sql for many jobs in one statement (at most one row per job; times in microseconds since
-- the epoch). Same effect per row as completed.sql.
INSERT INTO <trackers> AS t (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts,
                                status, enqueued_at, processing_started_at, completed_at, process_time,
                                result, retry_count, updated_at)
-- The task id of the job's first row: an aggregate rather than ORDER BY id LIMIT 1, which a plan
-- may serve by walking the primary key until a row of the job turns up.
SELECT COALESCE((SELECT (array_agg(s.task_id ORDER BY s.id))[1] FROM <trackers> s
                 WHERE s.queue_name = r.queue_name AND s.job_id = r.job_id), r.task_id),
       r.execution_id, r.queue_name, r.job_id, r.job_name, r.attempt, r.max_attempts,
       'completed', timestamptz 'epoch' + r.enqueued_at * interval '1 microsecond',
       timestamptz 'epoch' + r.started_at * interval '1 microsecond',
       timestamptz 'epoch' + r.now * interval '1 microsecond', r.process_time,
       CAST(r.result AS jsonb), r.retry_count, timestamptz 'epoch' + r.now * interval '1 microsecond'
FROM unnest(CAST(:taskId AS text[]), CAST(:executionId AS uuid[]), CAST(:queueName AS text[]),
            CAST(:jobId AS text[]), CAST(:jobName AS text[]), CAST(:attempt AS integer[]),
            CAST(:maxAttempts AS integer[]), CAST(:enqueuedAt AS bigint[]), CAST(:startedAt AS bigint[]),
            CAST(:processTime AS bigint[]), CAST(:result AS text[]), CAST(:retryCount AS integer[]),
            CAST(:now AS bigint[]))
     AS r(task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts, enqueued_at, started_at,
          process_time, result, retry_count, now)
ORDER BY r.queue_name, r.job_id, r.attempt
ON CONFLICT (queue_name, job_id, attempt) DO UPDATE
SET status = 'completed',
    processing_started_at = COALESCE(t.processing_started_at, EXCLUDED.processing_started_at),
    completed_at = EXCLUDED.completed_at,
    process_time = EXCLUDED.process_time,
    result = EXCLUDED.result,
    updated_at = EXCLUDED.updated_at
