-- Attempt histories of a page of dead letters in one round trip.
SELECT * FROM <trackers> WHERE task_id = ANY(:taskIds) ORDER BY task_id, enqueued_at, attempt, id
