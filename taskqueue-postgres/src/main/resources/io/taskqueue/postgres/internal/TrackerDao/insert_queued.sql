-- Records a tracked enqueue: the first attempt of a new execution, queued.
INSERT INTO <trackers> (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts, status,
                           enqueued_at, metadata, replays, updated_at)
VALUES (:taskId, :executionId, :queueName, :jobId, :jobName, 1, :maxAttempts, 'queued',
        :now, CAST(:metadata AS jsonb), :replays, :now)
