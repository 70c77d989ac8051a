-- Claims of several attempts in one statement (the claim coalescer gathers the claims that arrive
-- while another batch is in flight). Each row is claimed exactly as a claim on its own would be:
--  * refused when an execution of the job already completed (a rerun after a crash that came after
--    the work was done but before the queue heard of it);
--  * inserts the row when the attempt has none yet (job enqueued without the tracker, or the
--    enqueue write still buffered);
--  * else takes a queued or failed row, or a processing row left by an earlier fetch of the same
--    attempt (its worker stalled); a processing row of this very fetch means another claim won.
-- ON CONFLICT locks the row, so two concurrent claims of the same fetch cannot both return a row.
-- The caller sends at most one claim per job, so no row is affected twice and no claim sees another
-- claim of the same statement; rows go in key order, so two batches cannot lock rows in opposite
-- orders. Times are microseconds since the epoch. RETURNING names the winners by their key.
INSERT INTO <trackers> AS t (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts,
                                fetch_no, status, enqueued_at, processing_started_at, retry_count, replays,
                                updated_at)
SELECT COALESCE(j.task_id, r.task_id),
       r.execution_id, r.queue_name, r.job_id, r.job_name, r.attempt, r.max_attempts,
       r.fetch_no, 'processing', timestamptz 'epoch' + r.enqueued_us * interval '1 microsecond',
       timestamptz 'epoch' + r.now_us * interval '1 microsecond', r.retry_count, COALESCE(j.replays, 0),
       timestamptz 'epoch' + r.now_us * interval '1 microsecond'
FROM unnest(CAST(:taskIds AS text[]), CAST(:executionIds AS uuid[]), CAST(:queueNames AS text[]),
            CAST(:jobIds AS text[]), CAST(:jobNames AS text[]), CAST(:attempts AS integer[]),
            CAST(:maxAttempts AS integer[]), CAST(:fetchNos AS integer[]), CAST(:enqueuedUs AS bigint[]),
            CAST(:retryCounts AS integer[]), CAST(:nowUs AS bigint[]))
     AS r(task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts, fetch_no, enqueued_us,
          retry_count, now_us)
     -- The job's rows so far (its first task id, its replays, whether one completed) in one
     -- aggregate per claim. An aggregate cannot be turned into a join, so this stays a lookup on the
     -- job key per claim whatever the statistics say; a NOT EXISTS here became, under a cached
     -- generic plan, a merge anti-join over every completed row of the table.
     CROSS JOIN LATERAL (SELECT (array_agg(s.task_id ORDER BY s.id))[1] AS task_id, max(s.replays) AS replays,
                                bool_or(s.status = 'completed') AS completed
                         FROM <trackers> s
                         WHERE s.queue_name = r.queue_name AND s.job_id = r.job_id) j
WHERE j.completed IS NOT TRUE
ORDER BY r.queue_name, r.job_id, r.attempt
ON CONFLICT (queue_name, job_id, attempt) DO UPDATE
SET status = 'processing',
    processing_started_at = EXCLUDED.processing_started_at,
    fetch_no = EXCLUDED.fetch_no,
    job_name = EXCLUDED.job_name,
    max_attempts = EXCLUDED.max_attempts,
    updated_at = EXCLUDED.updated_at
WHERE t.status IN ('queued', 'failed')
   OR (t.status = 'processing' AND t.fetch_no IS NOT NULL AND t.fetch_no < EXCLUDED.fetch_no)
RETURNING t.queue_name, t.job_id, t.attempt, t.task_id
