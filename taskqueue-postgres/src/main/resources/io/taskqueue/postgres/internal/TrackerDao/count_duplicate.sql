-- Counts an enqueue turned away on the execution already in flight.
UPDATE <trackers>
SET duplicates_prevented = duplicates_prevented + 1, updated_at = :now
WHERE execution_id = :executionId
