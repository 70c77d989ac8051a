SELECT status AS name, count(*) AS n FROM task_trackers WHERE queue_name = :queueName GROUP BY status
