-- Keyset-paged, so reconciling a large queue never rescans what it has already checked.
SELECT * FROM <trackers>
WHERE queue_name = :queueName AND status = 'processing' AND id > :afterId
ORDER BY id
LIMIT :limit
