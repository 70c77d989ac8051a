-- One execution by its id.
SELECT * FROM <trackers> WHERE execution_id = :executionId
