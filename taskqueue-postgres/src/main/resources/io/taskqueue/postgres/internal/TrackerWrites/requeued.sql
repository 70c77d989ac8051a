-- The attempt went back to the queue without spending an attempt (handed back, asked to run later,
-- rate limited, or its worker lost the lock): the same execution waits again. Only if this fetch
-- still holds it; a later fetch's claim must not be undone. A lost lock leaves its message and
-- category; the other reasons leave what is there.
UPDATE <trackers>
SET status = 'queued', processing_started_at = NULL,
    error_message = COALESCE(CAST(:errorMessage AS text), error_message),
    error_category = COALESCE(CAST(:errorCategory AS text), error_category),
    updated_at = :now
WHERE queue_name = :queueName AND job_id = :jobId AND attempt = :attempt
  AND status = 'processing' AND fetch_no = :fetchNo
