-- Dead letters in failure order. Listings page by keyset (afterFailedAt, afterId); replays by
-- position use offset, which is what "positions start..end" means and DLQs stay small.
SELECT * FROM <trackers>
WHERE (status = 'dlq' OR (:includeArchived AND status = 'archived'))
  AND (CAST(:queueName AS text) IS NULL OR queue_name = :queueName)
  AND (CAST(:category AS text) IS NULL OR error_category = :category)
  AND (CAST(:taskIdPrefix AS text) IS NULL OR starts_with(task_id, :taskIdPrefix))
  AND (CAST(:failedAfter AS timestamptz) IS NULL OR failed_at >= :failedAfter)
  AND (CAST(:failedBefore AS timestamptz) IS NULL OR failed_at < :failedBefore)
  AND (CAST(:afterId AS bigint) IS NULL OR (failed_at, id) > (CAST(:afterFailedAt AS timestamptz), :afterId))
ORDER BY failed_at, id
OFFSET :offset
LIMIT :limit
