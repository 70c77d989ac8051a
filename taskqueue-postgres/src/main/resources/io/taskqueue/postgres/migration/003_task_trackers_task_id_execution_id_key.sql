CREATE UNIQUE INDEX task_trackers_task_id_execution_id_key ON task_trackers (task_id, execution_id)
