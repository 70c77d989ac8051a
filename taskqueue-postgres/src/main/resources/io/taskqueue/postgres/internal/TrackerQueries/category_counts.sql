-- Failed and dead executions by category name; one queue, or every queue when :queueName is null.
SELECT COALESCE(error_category, 'unknown') AS name, count(*) AS n
FROM <trackers>
WHERE status IN ('failed', 'dlq')
  AND (CAST(:queueName AS text) IS NULL OR queue_name = :queueName)
GROUP BY COALESCE(error_category, 'unknown')
