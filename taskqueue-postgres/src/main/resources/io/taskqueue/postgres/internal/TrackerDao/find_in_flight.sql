-- The latest execution of a task still queued or processing and enqueued within the dedup window.
SELECT execution_id, job_id
FROM <trackers>
WHERE task_id = :taskId
  AND status IN ('queued', 'processing')
  AND enqueued_at > :since
ORDER BY enqueued_at DESC
LIMIT 1
