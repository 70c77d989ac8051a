-- Points this transaction's unqualified names (the migrations name none) at the configured schema.
SET LOCAL search_path TO <schema>
