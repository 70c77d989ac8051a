SELECT COALESCE(error_category, 'unknown') AS name, count(*) AS n
FROM task_trackers
WHERE status IN ('failed', 'dlq')
  AND (CAST(:queueName AS text) IS NULL OR queue_name = :queueName)
GROUP BY COALESCE(error_category, 'unknown')
