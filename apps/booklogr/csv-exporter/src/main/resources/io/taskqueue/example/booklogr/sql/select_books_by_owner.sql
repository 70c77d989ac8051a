-- Reads one owner's books in the order they were added, for the export file.
-- Parameters: 1 owner_id (bigint).
-- Returns: id, title, author, isbn, reading_status, current_page, total_pages, rating, created_at;
-- one row per book, by id.
SELECT id, title, author, isbn, reading_status, current_page, total_pages, rating, created_at
FROM books
WHERE owner_id = ?
ORDER BY id
