-- The attempt was handed back or asked to run later without spending an attempt: the same
-- execution waits again. Only if this fetch still holds it; a later fetch's claim must not be undone.
UPDATE task_trackers
SET status = 'queued', processing_started_at = NULL, updated_at = :now
WHERE queue_name = :queueName AND job_id = :jobId AND attempt = :attempt
  AND status = 'processing' AND fetch_no = :fetchNo
