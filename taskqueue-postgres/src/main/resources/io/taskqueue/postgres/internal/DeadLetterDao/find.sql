SELECT * FROM task_trackers WHERE execution_id = :executionId AND status IN ('dlq', 'archived')
