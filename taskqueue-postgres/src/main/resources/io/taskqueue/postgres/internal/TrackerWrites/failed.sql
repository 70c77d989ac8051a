-- status is 'failed' while attempts remain, 'dlq' when they are spent; a dead letter keeps the
-- job's payload so it can be replayed after the queue has forgotten the job.
INSERT INTO <trackers> AS t (task_id, execution_id, queue_name, job_id, job_name, attempt, max_attempts,
                                status, enqueued_at, processing_started_at, failed_at, process_time,
                                error_message, error_category, error_stack, retry_count, payload, updated_at)
VALUES (COALESCE((SELECT s.task_id FROM <trackers> s
                  WHERE s.queue_name = :queueName AND s.job_id = :jobId ORDER BY s.id LIMIT 1), :taskId),
        :executionId, :queueName, :jobId, :jobName, :attempt, :maxAttempts,
        :status, :enqueuedAt, :startedAt, :now, :processTime,
        :errorMessage, :errorCategory, :errorStack, :retryCount + 1, :payload, :now)
ON CONFLICT (queue_name, job_id, attempt) DO UPDATE
SET status = EXCLUDED.status,
    processing_started_at = COALESCE(t.processing_started_at, EXCLUDED.processing_started_at),
    failed_at = EXCLUDED.failed_at,
    process_time = EXCLUDED.process_time,
    error_message = EXCLUDED.error_message,
    error_category = EXCLUDED.error_category,
    error_stack = EXCLUDED.error_stack,
    retry_count = t.retry_count + 1,
    payload = COALESCE(EXCLUDED.payload, t.payload),
    updated_at = EXCLUDED.updated_at
