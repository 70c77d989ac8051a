-- Deletes archived dead letters last changed before the cut-off.
DELETE FROM <trackers> WHERE status = 'archived' AND updated_at < :before
