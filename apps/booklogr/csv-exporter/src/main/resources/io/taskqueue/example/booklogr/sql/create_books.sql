-- Creates the books table if missing: one row per book on a user's shelf. The BookLogr API owns
-- the rows; the exporter only reads them.
-- reading_status is the API's own word (e.g. 'Read', 'Currently reading', 'To be read').
-- rating is 0 to 5 in half steps, or NULL when the book is not rated.
-- Parameters: none.
-- Returns: nothing.
CREATE TABLE IF NOT EXISTS books (
    id             bigserial    PRIMARY KEY,
    owner_id       bigint       NOT NULL,
    title          text         NOT NULL,
    author         text,
    isbn           text,
    reading_status text         NOT NULL,
    current_page   integer      NOT NULL DEFAULT 0 CHECK (current_page >= 0),
    total_pages    integer      CHECK (total_pages >= 0),
    rating         numeric(2,1) CHECK (rating BETWEEN 0 AND 5),
    created_at     timestamptz  NOT NULL DEFAULT now()
)
