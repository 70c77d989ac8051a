DELETE FROM task_trackers WHERE status = 'archived' AND updated_at < :before
