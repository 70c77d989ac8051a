-- Counts one owner's books, so that an export can report how far it is.
-- Parameters: 1 owner_id (bigint).
-- Returns: one row, one bigint column: the count.
SELECT count(*) FROM books WHERE owner_id = ?
