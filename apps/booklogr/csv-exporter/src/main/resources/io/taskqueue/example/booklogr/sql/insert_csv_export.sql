-- Records a finished export file, once: a second insert of the same filename (a retried task)
-- changes nothing and returns the row the first one made.
-- Parameters: 1 filename (text), 2 owner_id (bigint), 3 created_at (timestamptz).
-- Returns: one row: id (bigint), created_at (timestamptz) of the file's only row.
INSERT INTO csv_export (filename, owner_id, created_at)
VALUES (?, ?, ?)
ON CONFLICT (filename) DO UPDATE SET filename = EXCLUDED.filename
RETURNING id, created_at
