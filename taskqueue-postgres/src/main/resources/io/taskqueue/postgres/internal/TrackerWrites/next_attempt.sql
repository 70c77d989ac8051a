-- The queue will run the job again: the next attempt is a new execution of the same task. If its
-- worker has already claimed it (the claim raced ahead of this buffered write), leave that row be.
INSERT INTO <trackers> (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts,
                           status, enqueued_at, retry_count, replays, updated_at)
SELECT s.task_id, :executionId, s.queue_name, s.job_id, s.job_name, :attempt, s.max_attempts,
       'queued', :now, s.retry_count, s.replays, :now
FROM <trackers> s
WHERE s.queue_name = :queueName AND s.job_id = :jobId AND s.attempt = :attempt - 1
ON CONFLICT (queue_name, job_id, attempt) DO NOTHING
