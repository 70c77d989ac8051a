-- The replay could not be enqueued: the entry goes back to the dead-letter queue.
UPDATE <trackers>
SET status = 'dlq', replayed_to = NULL, updated_at = :now
WHERE execution_id = :executionId AND status = 'archived'
