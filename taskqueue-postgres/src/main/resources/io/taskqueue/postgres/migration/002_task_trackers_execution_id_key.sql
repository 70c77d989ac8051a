CREATE UNIQUE INDEX task_trackers_execution_id_key ON task_trackers (execution_id)
