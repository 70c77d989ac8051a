-- A claim by hand: one conditional update, so of two concurrent claims exactly one matches.
UPDATE <trackers>
SET status = 'processing', processing_started_at = :now, updated_at = :now
WHERE task_id = :taskId AND execution_id = :executionId AND status IN ('queued', 'failed')
RETURNING execution_id
