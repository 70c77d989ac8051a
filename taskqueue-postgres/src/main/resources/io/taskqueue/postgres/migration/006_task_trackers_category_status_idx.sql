-- Failures by category, dead-letter listings by category.
CREATE INDEX task_trackers_category_status_idx ON task_trackers (error_category, status)
