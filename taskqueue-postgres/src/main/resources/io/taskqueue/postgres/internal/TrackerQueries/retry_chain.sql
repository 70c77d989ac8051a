-- Every execution of a task (attempts and replays), oldest first.
SELECT * FROM <trackers> WHERE task_id = :taskId ORDER BY enqueued_at, attempt, id
