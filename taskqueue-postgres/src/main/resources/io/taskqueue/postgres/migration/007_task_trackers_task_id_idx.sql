-- Retry chains and the enqueue-time duplicate check.
CREATE INDEX task_trackers_task_id_idx ON task_trackers (task_id)
