-- Executions of one queue by status.
SELECT status AS name, count(*) AS n FROM <trackers> WHERE queue_name = :queueName GROUP BY status
