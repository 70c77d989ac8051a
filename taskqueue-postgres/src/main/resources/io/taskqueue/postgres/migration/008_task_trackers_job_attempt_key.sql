-- Not one of the seed's six: how a worker finds the row of the attempt it runs, and the
-- conflict target that makes every worker-side write an idempotent upsert.
CREATE UNIQUE INDEX task_trackers_job_attempt_key ON task_trackers (queue_name, job_id, attempt)
