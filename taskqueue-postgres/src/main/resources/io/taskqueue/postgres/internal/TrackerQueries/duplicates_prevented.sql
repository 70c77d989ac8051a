-- Enqueues turned away by the dedup window; one queue, or every queue when :queueName is null.
SELECT COALESCE(sum(duplicates_prevented), 0)
FROM <trackers>
WHERE duplicates_prevented > 0 AND (CAST(:queueName AS text) IS NULL OR queue_name = :queueName)
