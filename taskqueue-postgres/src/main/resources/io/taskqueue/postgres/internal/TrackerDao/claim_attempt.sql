-- A worker's claim of one attempt of a job, in one statement:
--  * refused when an execution of the job already completed (a rerun after a crash that came after
--    the work was done but before the queue heard of it);
--  * inserts the row when the attempt has none yet (job enqueued without the tracker, or the
--    enqueue write still buffered);
--  * else takes a queued or failed row, or a processing row left by an earlier fetch of the same
--    attempt (its worker stalled); a processing row of this very fetch means another claim won.
-- ON CONFLICT locks the row, so two concurrent claims of the same fetch cannot both return a row.
INSERT INTO task_trackers AS t (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts,
                                fetch_no, status, enqueued_at, processing_started_at, retry_count, replays,
                                updated_at)
SELECT COALESCE((SELECT s.task_id FROM task_trackers s
                 WHERE s.queue_name = :queueName AND s.job_id = :jobId ORDER BY s.id LIMIT 1), :taskId),
       :executionId, :queueName, :jobId, :jobName, :attempt, :maxAttempts,
       :fetchNo, 'processing', :enqueuedAt, :now, :retryCount,
       COALESCE((SELECT max(s.replays) FROM task_trackers s
                 WHERE s.queue_name = :queueName AND s.job_id = :jobId), 0),
       :now
WHERE NOT EXISTS (SELECT 1 FROM task_trackers c
                  WHERE c.queue_name = :queueName AND c.job_id = :jobId AND c.status = 'completed')
ON CONFLICT (queue_name, job_id, attempt) DO UPDATE
SET status = 'processing',
    processing_started_at = EXCLUDED.processing_started_at,
    fetch_no = EXCLUDED.fetch_no,
    job_name = EXCLUDED.job_name,
    max_attempts = EXCLUDED.max_attempts,
    updated_at = EXCLUDED.updated_at
WHERE t.status IN ('queued', 'failed')
   OR (t.status = 'processing' AND t.fetch_no IS NOT NULL AND t.fetch_no < EXCLUDED.fetch_no)
RETURNING t.task_id, t.execution_id
