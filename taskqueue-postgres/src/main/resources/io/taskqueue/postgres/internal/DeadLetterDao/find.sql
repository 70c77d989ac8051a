-- One dead letter, still in the queue or archived, with its payload.
SELECT * FROM <trackers> WHERE execution_id = :executionId AND status IN ('dlq', 'archived')
