-- Queue statistics and per-queue listings.
CREATE INDEX task_trackers_queue_status_enqueued_idx ON task_trackers (queue_name, status, enqueued_at)
