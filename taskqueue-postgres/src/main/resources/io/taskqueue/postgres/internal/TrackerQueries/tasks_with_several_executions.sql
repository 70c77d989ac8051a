SELECT count(*) FROM (
    SELECT task_id FROM task_trackers
    WHERE (CAST(:queueName AS text) IS NULL OR queue_name = :queueName)
    GROUP BY task_id HAVING count(*) > 1
) several
