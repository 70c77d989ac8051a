SELECT execution_id, job_id
FROM task_trackers
WHERE task_id = :taskId
  AND status IN ('queued', 'processing')
  AND enqueued_at > :since
ORDER BY enqueued_at DESC
LIMIT 1
