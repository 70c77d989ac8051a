-- Stuck-execution detection.
CREATE INDEX task_trackers_status_started_idx ON task_trackers (status, processing_started_at)
