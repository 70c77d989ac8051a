SELECT COALESCE(sum(duplicates_prevented), 0)
FROM task_trackers
WHERE duplicates_prevented > 0 AND (CAST(:queueName AS text) IS NULL OR queue_name = :queueName)
