INSERT INTO task_tracker_migrations (version, name, applied_at) VALUES (:version, :name, now())
