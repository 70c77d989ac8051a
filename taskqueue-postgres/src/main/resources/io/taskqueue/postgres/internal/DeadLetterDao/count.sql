-- How many dead letters match a filter (the same conditions as list.sql).
SELECT count(*) FROM <trackers>
WHERE (status = 'dlq' OR (:includeArchived AND status = 'archived'))
  AND (CAST(:queueName AS text) IS NULL OR queue_name = :queueName)
  AND (CAST(:category AS text) IS NULL OR error_category = :category)
  AND (CAST(:taskIdPrefix AS text) IS NULL OR starts_with(task_id, :taskIdPrefix))
  AND (CAST(:failedAfter AS timestamptz) IS NULL OR failed_at >= :failedAfter)
  AND (CAST(:failedBefore AS timestamptz) IS NULL OR failed_at < :failedBefore)
