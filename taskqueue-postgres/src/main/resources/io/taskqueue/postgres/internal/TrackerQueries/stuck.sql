-- Executions processing since before the cut-off, longest first.
SELECT * FROM <trackers>
WHERE status = 'processing' AND processing_started_at < :before
ORDER BY processing_started_at, id
LIMIT :limit
