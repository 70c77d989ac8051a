SELECT version FROM task_tracker_migrations ORDER BY version
