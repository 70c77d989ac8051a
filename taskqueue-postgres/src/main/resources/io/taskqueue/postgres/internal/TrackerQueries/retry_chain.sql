SELECT * FROM task_trackers WHERE task_id = :taskId ORDER BY enqueued_at, attempt, id
