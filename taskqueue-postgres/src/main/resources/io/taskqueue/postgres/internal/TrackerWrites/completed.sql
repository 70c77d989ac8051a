-- An attempt completed. Order-free: inserts the row when no claim or enqueue wrote it first.
INSERT INTO <trackers> AS t (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts,
                                status, enqueued_at, processing_started_at, completed_at, process_time,
                                result, retry_count, updated_at)
VALUES (COALESCE((SELECT s.task_id FROM <trackers> s
                  WHERE s.queue_name = :queueName AND s.job_id = :jobId ORDER BY s.id LIMIT 1), :taskId),
        :executionId, :queueName, :jobId, :jobName, :attempt, :maxAttempts,
        'completed', :enqueuedAt, :startedAt, :now, :processTime,
        CAST(:result AS jsonb), :retryCount, :now)
ON CONFLICT (queue_name, job_id, attempt) DO UPDATE
SET status = 'completed',
    processing_started_at = COALESCE(t.processing_started_at, EXCLUDED.processing_started_at),
    completed_at = EXCLUDED.completed_at,
    process_time = EXCLUDED.process_time,
    result = EXCLUDED.result,
    updated_at = EXCLUDED.updated_at
