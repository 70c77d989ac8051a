-- Creates the index an export reads by, if missing: one owner's books in id order.
-- Parameters: none.
-- Returns: nothing.
CREATE INDEX IF NOT EXISTS books_owner_id_idx ON books (owner_id, id)
