-- The queue refused the job: the row must not block the next enqueue of the task as a duplicate.
UPDATE <trackers>
SET status = 'failed', failed_at = :now, error_message = :errorMessage, error_category = :errorCategory,
    updated_at = :now
WHERE execution_id = :executionId AND status = 'queued'
