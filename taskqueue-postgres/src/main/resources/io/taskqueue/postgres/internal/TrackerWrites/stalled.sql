-- The queue found the job's worker gone and put the job back: the execution it was running waits
-- again, marked as stalled. Which fetch stalled is not known here, so the guard is time: only an
-- execution started before the stall was seen, not the rerun that may already have claimed it.
UPDATE <trackers>
SET status = 'queued', processing_started_at = NULL, error_message = :errorMessage,
    error_category = :errorCategory, updated_at = :now
WHERE queue_name = :queueName AND job_id = :jobId
  AND status = 'processing' AND processing_started_at <= :now
