-- Serialises enqueues of one task id until the transaction ends, so check-then-insert is atomic.
-- A hash collision only makes two unrelated tasks wait for each other briefly.
SELECT count(*) FROM pg_advisory_xact_lock(:namespace, hashtext(:taskId))
