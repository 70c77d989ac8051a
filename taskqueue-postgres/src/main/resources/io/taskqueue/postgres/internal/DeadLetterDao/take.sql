-- Takes a dead letter out of the queue for a replay or an archive. Conditional, so two operators
-- replaying the same entry at once cannot both succeed.
UPDATE <trackers>
SET status = 'archived', replayed_to = CAST(:replayedTo AS uuid), updated_at = :now
WHERE execution_id = :executionId AND status = 'dlq'
RETURNING *
