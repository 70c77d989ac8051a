-- Where unqualified names go when no schema is configured; current_schema is null when no schema of
-- the search_path exists.
SELECT current_schema() AS current_schema, current_setting('search_path') AS search_path
