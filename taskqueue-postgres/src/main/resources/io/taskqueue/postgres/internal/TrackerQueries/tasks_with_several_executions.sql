-- Tasks with more than one execution; one queue, or every queue when :queueName is null.
SELECT count(*) FROM (
    SELECT task_id FROM <trackers>
    WHERE (CAST(:queueName AS text) IS NULL OR queue_name = :queueName)
    GROUP BY task_id HAVING count(*) > 1
) several
